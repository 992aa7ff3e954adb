"""Shared fixtures: the real gazetteer (session-wide) and the shared data path."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "articles" / "seed-article.txt"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real offline gazetteer (built into the cache on first use)."""
    return Gazetteer.load()


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared exists in CI, not in a user's clone)")
    return path
