"""pagecleaner benchmark: run pagecleaner and peer extractors on WCXB-dev and score them.

Run from the repo root with ``python -m bench --help``.
"""
