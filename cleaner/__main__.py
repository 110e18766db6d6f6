"""`python -m cleaner` runs the `pagecleaner` command."""
from .cli import main

main()
