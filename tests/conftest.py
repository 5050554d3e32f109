"""Shared test helpers: where the sample reports are, and a cached way to analyse them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"  # byte-for-byte copies of ../shared/seeds (see SOURCES.md)
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


def seed_path(n: int) -> Path:
    return SAMPLES / f"seed_{n:03d}.txt"


@cache
def _analysed(path: str):
    from gov_review.core.review.pipeline import analyse_file

    return analyse_file(path)


@pytest.fixture
def analysed():
    """analysed(path) → Report, cached across tests (reports are not mutated by core tests)."""
    return lambda p: _analysed(str(p))
