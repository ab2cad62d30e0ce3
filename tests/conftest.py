"""Shared fixtures: the shipped example corpus, and the rule for tests that need a service.

A test that needs Neo4j or Chromium fails when the service is missing under CI (``CI=true``) and skips
with a message saying how to run it locally.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "hf-papers"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_FILES = sorted(EXAMPLES.glob("*.txt"))


def require_service(available: bool, what: str, how: str) -> None:
    """Fail under CI, skip locally, when a service a test needs is not there."""
    if available:
        return
    message = f"{what} is not available: {how}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} (CI must run this test)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return SEED_FILES


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
