"""Shared fixtures: the shipped example corpus, and the rule for tests that need a service.

A test that needs Neo4j or Chromium fails when the service is missing under CI (``CI=true``) and skips
with a message saying how to run it locally.
"""

from __future__ import annotations

import os
import socket
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


_TERMINAL_SIZE = ("COLUMNS", "LINES")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """pytest-xdist (scripts/test.sh runs ``-n auto``): hand each worker the controller's COLUMNS and LINES."""
    node.workerinput["terminal_size"] = {name: os.environ.get(name) for name in _TERMINAL_SIZE}


def pytest_configure(config) -> None:
    """An xdist worker starts with COLUMNS=80 LINES=24 in its environment, which relwork's answer tables read
    as the output width (cli.py): give it the controller's values, so a test sees the width a serial run sees."""
    terminal_size = getattr(config, "workerinput", {}).get("terminal_size")
    for name, value in (terminal_size or {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def free_port() -> int:
    """A TCP port nothing listens on now (for a test's own server, never the default one)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return SEED_FILES


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


# --- seed corpus through the real loaders, linker and graph builder (graph helper) --------------------
@pytest.fixture(scope="session")
def seed_papers(seed_files):
    """The 200 distinct papers of the example corpus, as the loaders read them."""
    from relwork.loaders import load_papers

    return load_papers(seed_files).papers


@pytest.fixture(scope="session")
def seed_catalog():
    """The built-in method catalog."""
    from relwork.linker import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def seed_linked(seed_papers, seed_catalog):
    """The linker's output for the seed papers."""
    from relwork.linker import link_corpus

    return link_corpus(seed_papers, seed_catalog)


@pytest.fixture(scope="session")
def seed_graph(seed_linked, seed_catalog):
    """The graph of the seed corpus; shared, so tests must not change it (use ``seed_graph.copy()``)."""
    from relwork.graph.build import build_graph

    return build_graph(seed_linked, seed_catalog)


@pytest.fixture(scope="session")
def seed_abstract():
    """The abstract a seed listing gives a title (the line after the blank line under it)."""

    def find(title: str) -> str:
        for path in SEED_FILES:
            lines = path.read_text(encoding="utf-8").splitlines()
            if title in lines:
                return lines[lines.index(title) + 2]
        raise AssertionError(f"no seed paper titled {title!r}")

    return find


@pytest.fixture(scope="module")
def catalog():
    """The built-in catalog, loaded once per test module (a module may add entries to its own copy)."""
    from relwork.linker import load_catalog

    return load_catalog()


@pytest.fixture(scope="module")
def linker(catalog):
    """A Linker over the module's catalog."""
    from relwork.linker.pipeline import Linker

    return Linker(catalog)


@pytest.fixture(scope="module")
def seeds():
    """The example corpus's papers, loaded afresh for each module (a module may change them)."""
    from relwork.loaders import load_papers

    return load_papers(SEED_FILES).papers


@pytest.fixture(scope="module")
def seed_intros(seeds, catalog):
    """What each seed paper introduces, from a Linker that skips compiling its matcher."""
    from relwork.linker.pipeline import Linker

    detector = Linker(catalog, compile=False)
    return [detector.introduced(p) for p in seeds]
