"""The compiled-pattern cache: a pattern built from the cache file is the pattern ``re.compile`` makes, for every
pattern the linker compiles; a missing, corrupt or unwritable cache only means compiling as usual."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys

import pytest

import relwork.linker
from relwork.core.patterns import compiled_patterns


def _linker_patterns() -> list[re.Pattern]:
    modules = [importlib.import_module(f"relwork.linker.{m.name}") for m in pkgutil.iter_modules(relwork.linker.__path__)]
    return [value for module in modules for value in vars(module).values() if isinstance(value, re.Pattern)]


def _compiled_afresh(pattern: str, flags: int) -> re.Pattern:
    re.purge()  # not the re module's own cache
    return re.compile(pattern, flags)


def test_every_linker_pattern_from_the_cache_equals_a_freshly_compiled_one(tmp_path):
    cases = [(p.pattern, p.flags) for p in _linker_patterns() if isinstance(p.pattern, str)]
    assert len(cases) > 400
    plain = re.compile
    with compiled_patterns(tmp_path):
        first = [re.compile(p, f) for p, f in cases]  # compiled, and written to the cache
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 1
    with compiled_patterns(tmp_path):
        cached = [re.compile(p, f) for p, f in cases]  # built from the file's code
    fresh = [_compiled_afresh(p, f) for p, f in cases]
    assert cached == fresh and first == fresh  # Pattern == compares pattern, flags and code
    assert re.compile is plain  # restored after the block
    words = cached[[p for p, _ in cases].index(relwork.linker.introduced._EARLIER.pattern)]
    assert words.search("In our previous work we proposed X").group() == "In our previous work"


def test_corrupt_cache_file_compiles_as_usual_and_is_rewritten(tmp_path):
    with compiled_patterns(tmp_path):
        re.compile(r"\bBERT\b")
    (path,) = tmp_path.glob("patterns-*.marshal")
    path.write_bytes(b"\x00not marshal")
    with compiled_patterns(tmp_path):
        pattern = re.compile(r"(?P<name>[A-Z]\w+)-based", re.I)
    assert pattern.match("bert-based").group("name") == "bert"
    assert pattern == _compiled_afresh(r"(?P<name>[A-Z]\w+)-based", re.I)
    with compiled_patterns(tmp_path):  # the rewritten file serves it
        assert re.compile(r"(?P<name>[A-Z]\w+)-based", re.I) == pattern


def test_bad_pattern_raises_the_usual_error_inside_the_block(tmp_path):
    with compiled_patterns(tmp_path), pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        re.compile(r"(unclosed")


def test_unwritable_cache_folder_still_compiles(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with compiled_patterns(blocker / "cache"):
        assert re.compile(r"\d+").fullmatch("2019")


def test_linker_imports_with_the_cache_off_and_on(tmp_path):
    """A fresh process imports the linker and links a sentence alike with no cache, a cold one and a warm one."""
    code = ("from relwork.linker import type_relation; "
            "print(type_relation('We fine-tune BERT on SQuAD.', 12, 16).relation)")
    outputs = []
    for setting in ("off", str(tmp_path), str(tmp_path)):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={**os.environ, "RELWORK_CACHE": setting}, check=True)
        outputs.append(done.stdout)
    assert outputs == ["builds_on\n"] * 3
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 1
