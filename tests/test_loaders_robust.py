"""Bad and unusual input files (QA findings F2-F28): every bad input is a problem naming file:line, and
every record that can be kept is kept. Variants are built in tmp_path from small real fixtures (seed
abstracts of examples/hf-papers in tests/fixtures/loaders/seed6.jsonl, the S2 page and the Atom feed)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relwork.loaders import expand_paths, load_papers

FIXTURES = Path(__file__).parent / "fixtures" / "loaders"
SEED = (FIXTURES / "seed6.jsonl").read_text(encoding="utf-8")
RECORDS = [json.loads(line) for line in SEED.splitlines()]
TITLES = [record["title"] for record in RECORDS]


def load(path):
    result = load_papers([path])
    return [p.title for p in result.papers], [str(p) for p in result.problems]


# F2: a truncated small gzip keeps the records before the cut


def test_truncated_small_gzip_keeps_records_before_the_cut(tmp_path):
    whole = gzip.compress(SEED.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    titles, problems = load(path)
    assert titles and titles == TITLES[: len(titles)] and len(titles) < 6
    assert problems == [f"{path}: corrupt gzip data after line {len(titles)}: "
                        "compressed file ended before the end-of-stream marker was reached"]


def test_concatenated_gzip_members_all_load(tmp_path):
    path = tmp_path / "two.jsonl.gz"
    lines = SEED.splitlines(keepends=True)
    path.write_bytes(gzip.compress("".join(lines[:3]).encode()) + gzip.compress("".join(lines[3:]).encode()))
    assert load(path) == (TITLES, [])


# F4: wrapper documents, API pages and Atom feeds keep the records before an error


def test_wrapper_document_with_a_syntax_error_keeps_the_records_before_it(tmp_path):
    body = ",\n".join(json.dumps(record) for record in RECORDS[:3]) + ',\n{"title": "Broken" "abstract": "x"},\n'
    path = tmp_path / "wrap.json"
    path.write_text('{"total": 4, "data": [\n' + body + json.dumps(RECORDS[4]) + "\n]}\n")
    titles, problems = load(path)
    assert titles == TITLES[:3]
    assert problems == [f"{path}:5: malformed JSON document: Expecting ',' delimiter (column 20)"]


def test_truncated_semantic_scholar_page_keeps_the_complete_records():
    titles, problems = load(FIXTURES / "s2_page_cut.json")
    full, _ = load(FIXTURES / "s2_page.json")
    assert titles == full[:1]
    assert len(problems) == 1 and problems[0].startswith(f"{FIXTURES / 's2_page_cut.json'}:29: malformed JSON document")


def test_truncated_arxiv_atom_feed_keeps_the_complete_entries():
    titles, problems = load(FIXTURES / "arxiv_atom_cut.xml")
    full, _ = load(FIXTURES / "arxiv_atom.xml")
    assert titles == full[:1]
    assert problems == [f"{FIXTURES / 'arxiv_atom_cut.xml'}:57: malformed XML: no element found (column 82)"]


# F25: nothing after the first JSON document is dropped silently


def test_concatenated_json_documents_are_all_read(tmp_path):
    path = tmp_path / "concat.json"
    path.write_text(json.dumps(RECORDS[0]) + json.dumps(RECORDS[1]) + "\n" + json.dumps(RECORDS[2:4]) + json.dumps(RECORDS[4:]))
    assert load(path) == (TITLES, [])


def test_trailing_garbage_after_a_json_document_is_reported(tmp_path):
    path = tmp_path / "trail.json"
    path.write_text(json.dumps(RECORDS[:2], indent=1) + "\n-- exported by tool\n")
    titles, problems = load(path)
    assert titles == TITLES[:2]
    line = json.dumps(RECORDS[:2], indent=1).count("\n") + 2
    assert problems == [f"{path}:{line}: malformed JSON document: extra data after the JSON value "
                        "(only arrays or objects may follow one another)"]


@pytest.mark.parametrize("name", ["mac.jsonl", "mac.jsonl.gz"])
def test_carriage_return_line_ends_split_lines(tmp_path, name):
    data = SEED.replace("\n", "\r").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = load_papers([path])
    assert [p.title for p in result.papers] == TITLES and not result.problems
    assert [p.sources[0].line for p in result.papers] == [1, 2, 3, 4, 5, 6]


# F26: JSON Lines whose first lines are bad


@pytest.mark.parametrize("head", ["# exported 2026\n", '{"title": broken\n{"title": "also broken\n', "x\ny\n"])
def test_json_lines_with_bad_first_lines_skip_them_one_by_one(tmp_path, head):
    path = tmp_path / "head.jsonl"
    path.write_text(head + SEED)
    titles, problems = load(path)
    assert titles == TITLES
    assert len(problems) == head.count("\n") and all("malformed JSON:" in p for p in problems)


# F8: deep nesting is a problem for that record, not a traceback


def test_deeply_nested_json_line_is_skipped_and_the_rest_kept(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = dict(RECORDS[1], extra=json.loads("[" * 50 + "]" * 50))
    text = json.dumps(RECORDS[0]) + "\n" + json.dumps(deep).replace("[" * 50, "[" * 5000).replace("]" * 50, "]" * 5000)
    path.write_text(text + "\n" + json.dumps(RECORDS[2]) + "\n")
    titles, problems = load(path)
    assert titles == [TITLES[0], TITLES[2]]
    assert problems == [f"{path}:2: malformed JSON: nested too deeply"]


def test_deeply_nested_array_element_is_skipped_and_the_rest_kept(tmp_path):
    path = tmp_path / "deep.json"
    deep = '{"title": "x", "abstract": "y", "z": ' + "[" * 5000 + '"]}"' + "]" * 5000 + "}"
    path.write_text("[\n" + json.dumps(RECORDS[0]) + ",\n" + deep + ",\n" + json.dumps(RECORDS[1]) + "\n]\n")
    titles, problems = load(path)
    assert titles == TITLES[:2]
    assert problems == [f"{path}:3: malformed JSON: nested too deeply"]


# F22: a JSON-Lines line holding an array of non-records is one problem


def test_json_lines_line_holding_an_array_of_strings_is_one_problem(tmp_path):
    path = tmp_path / "arr.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + '\n["a", "b", "c"]\n' + json.dumps(RECORDS[1]) + "\n")
    titles, problems = load(path)
    assert titles == TITLES[:2]
    assert problems == [f"{path}:2: 3 values of the line's JSON array are not records (JSON objects), the first a str"]


# F5 / F9: standard input and pipes are recorded under a stable name


def _relwork(*args, stdin=None):
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "relwork", *args], input=stdin, capture_output=True, env=env, check=False
    )


def test_stdin_is_recorded_as_stdin_and_output_is_deterministic(tmp_path):
    outputs = []
    for i in (1, 2):
        out = tmp_path / f"p{i}.jsonl"
        run = _relwork("load", "-", "-o", str(out), stdin=SEED.encode() + b'{"title": broken\n')
        assert b"<stdin>:7: malformed JSON" in run.stdout + run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    sources = [json.loads(line)["sources"] for line in outputs[0].decode().splitlines()]
    assert sources[0] == [{"file": "<stdin>", "line": 1, "format": "json", "record_id": None}]


def test_named_pipe_is_read_like_stdin(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat {FIXTURES / 'seed6.jsonl'} > {fifo}"])
    try:
        result = load_papers(expand_paths([fifo]))
    finally:
        writer.wait()
    assert [p.title for p in result.papers] == TITLES and not result.problems
    assert result.files[0].path == str(fifo)
    assert result.papers[0].sources[0].file == str(fifo)


# F28: the arXiv DOI is the arXiv id; a DOI seen on any merged record joins that paper


def _jsonl(tmp_path, name, records):
    path = tmp_path / name
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_arxiv_doi_does_not_keep_preprint_and_journal_version_apart(tmp_path):
    seed = RECORDS[0]
    path = _jsonl(tmp_path, "ids.jsonl", [
        {"id": "2401.01234", "doi": "10.48550/arXiv.2401.01234", "title": seed["title"], "abstract": seed["abstract"]},
        {"doi": "10.1145/1234567.7654321", "title": seed["title"].upper(), "abstract": seed["abstract"][:80]},
    ])
    papers = load_papers([path]).papers
    assert [(p.id, p.arxiv_id, p.doi, len(p.sources)) for p in papers] == [
        ("2401.01234", "2401.01234", "10.1145/1234567.7654321", 2)
    ]


def test_doi_of_a_merged_duplicate_finds_the_paper_later(tmp_path):
    seed = RECORDS[1]
    path = _jsonl(tmp_path, "ids.jsonl", [
        {"id": "2401.01234", "doi": "10.48550/arXiv.2401.01234", "title": seed["title"], "abstract": seed["abstract"]},
        {"arxiv_id": "2401.01234", "doi": "10.1145/1234567.7654321", "title": seed["title"], "abstract": "x"},
        {"doi": "10.1145/1234567.7654321", "title": "Journal title differs", "abstract": "y"},
    ])
    papers = load_papers([path]).papers
    assert [(p.id, p.doi, len(p.sources)) for p in papers] == [("2401.01234", "10.1145/1234567.7654321", 3)]


def test_different_publisher_dois_still_keep_same_title_papers_apart(tmp_path):
    path = _jsonl(tmp_path, "ids.jsonl", [
        {"doi": "10.1000/aaaa.1", "title": "Introduction", "abstract": RECORDS[2]["abstract"]},
        {"doi": "10.1000/bbbb.2", "title": "Introduction", "abstract": RECORDS[3]["abstract"]},
    ])
    assert len(load_papers([path]).papers) == 2


# F7: hf-daily pairing never takes a title-shaped line as an abstract


def _hf(tmp_path, lines):
    path = tmp_path / "daily.txt"
    path.write_text("Daily Papers\n\n" + "\n\n".join(lines) + "\n")
    return path


def _pairs():
    return [line for record in RECORDS for line in (record["title"], record["abstract"])]


def test_hf_daily_missing_abstract_reports_its_title_and_keeps_the_next_paper(tmp_path):
    lines = _pairs()
    del lines[3]  # the second paper's abstract
    titles, problems = load(_hf(tmp_path, lines))
    assert titles == [TITLES[0]] + TITLES[2:]
    path = tmp_path / "daily.txt"
    assert problems == [f"{path}:7: title without an abstract (line 9 is title-shaped: one sentence without a final full stop)"]


def test_hf_daily_title_wrapped_over_two_lines_is_joined(tmp_path):
    lines = _pairs()
    words = lines[2].split()
    cut = next(i for i in range(len(words) - 1, 0, -1) if words[i - 1].lower() in ("of", "the", "a", "for", "and", "with", "in", "to", "on"))
    wrapped = lines[:2] + [" ".join(words[:cut]) + "\n" + " ".join(words[cut:])] + lines[3:]
    path = tmp_path / "daily.txt"
    path.write_text("Daily Papers\n\n" + "\n\n".join(wrapped) + "\n")
    assert load(path) == (TITLES, [])


# F27: author strings


@pytest.mark.parametrize(
    "value, authors",
    [
        ("Dao, Tri", ["Tri Dao"]),
        ("van der Berg, Jan", ["Jan van der Berg"]),
        ("Dao, T., Gu, A.", ["T. Dao", "A. Gu"]),
        ("Dao, T., Gu, A. and Smith, J.", ["T. Dao", "A. Gu", "J. Smith"]),
        ("Alice Smith, Bob Jones", ["Alice Smith", "Bob Jones"]),
        ("Akanksha, Jacob Eisenstein", ["Akanksha", "Jacob Eisenstein"]),
        ("F.O.Bunnin, J.Q.Smith", ["F.O.Bunnin", "J.Q.Smith"]),
        ("E. L. Berger, P. M. Nadolsky, C.-P. Yuan", ["E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]),
        ([["Yuan", "C. -P.", ""]], ["C.-P. Yuan"]),
    ],
)
def test_author_strings_split_into_people_not_name_parts(tmp_path, value, authors):
    path = _jsonl(tmp_path, "authors.jsonl", [dict(RECORDS[0], authors=value)])
    assert load_papers([path]).papers[0].authors == authors


# F22: CSV fields longer than Python's default limit, Excel's 'sep=' line


def test_csv_field_longer_than_128k_characters_loads(tmp_path):
    long_abstract = " ".join([RECORDS[0]["abstract"]] * (140_000 // len(RECORDS[0]["abstract"]) + 1))
    path = tmp_path / "long.csv"
    path.write_text(f'title,abstract\n"{TITLES[0]}","{long_abstract}"\n"{TITLES[1]}","{RECORDS[1]["abstract"]}"\n')
    result = load_papers([path])
    assert [p.title for p in result.papers] == TITLES[:2] and not result.problems
    assert len(result.papers[0].abstract) > 131072


@pytest.mark.parametrize("name", ["excel.csv", "excel.txt"])
def test_excel_sep_line_names_the_delimiter(tmp_path, name):
    rows = "".join(f'"{r["title"]}";"{r["abstract"]}"\n' for r in RECORDS[:3])
    path = tmp_path / name
    path.write_text("sep=;\ntitle;abstract\n" + rows)
    result = load_papers([path])
    assert [p.title for p in result.papers] == TITLES[:3] and not result.problems
    assert [p.sources[0].line for p in result.papers] == [3, 4, 5]
