"""Output files are replaced only when complete (qa10 Q10): every writer goes through the hidden
``.NAME.partial`` of ``core.files.replaced_on_success``; an interrupted write removes it and keeps the old file, and a
``.partial`` a killed run left behind is replaced by the next write. Graphs are the seed corpus's."""

from __future__ import annotations

import hashlib

import pytest

from relwork.core.files import atomic_text
from relwork.graph import io as graph_io
from relwork.graph.io import load_graph, save_graph


def _md5(path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def test_save_graph_interrupted_keeps_the_old_graph_and_leaves_no_partial(tmp_path, seed_graph, monkeypatch):
    target = save_graph(seed_graph, tmp_path / "g.json")
    before = _md5(target)
    real_chunks = graph_io._chunks

    def interrupted(texts):  # the real first chunk is written, then Ctrl-C
        yield next(real_chunks(texts))
        raise KeyboardInterrupt

    monkeypatch.setattr(graph_io, "_chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_graph(seed_graph, target)
    assert _md5(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


@pytest.mark.parametrize("name", ["g.json", "g.json.gz"])
def test_save_graph_replaces_a_partial_file_a_killed_run_left(tmp_path, seed_graph, name):
    stale = tmp_path / f".{name}.partial"  # what SIGKILL during a save leaves
    stale.write_text('{"directed": true, "nodes": [{"id": "paper:half')
    target = save_graph(seed_graph, tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert load_graph(target).number_of_nodes() == seed_graph.number_of_nodes()


def test_atomic_text_replaces_a_partial_file_a_killed_run_left(tmp_path):
    stale = tmp_path / ".linked.jsonl.partial"
    stale.write_text('{"id": "1901.08128", "title": "Distil')
    with atomic_text(tmp_path / "linked.jsonl") as handle:
        handle.write('{"id": "1901.10314"}\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linked.jsonl"]
    assert (tmp_path / "linked.jsonl").read_text() == '{"id": "1901.10314"}\n'
