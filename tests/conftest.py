"""Shared paths and fixtures for the pagecleaner test suite."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SEED = REPO.parent / "shared" / "seed" / "000_f7227b6c8551fdf5.txt"

SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace-normalised text: every run of whitespace becomes one space."""
    return SPACES.sub(" ", text).strip()


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}")
    return SEED.read_bytes()
