"""The ``relwork`` command line: a thin layer over the library.

Each command checks its arguments, calls one library function, prints the result (a rich table, or JSON
with ``--json``) and maps ``RelworkError`` to a one-line message and the error's exit code. No command
holds logic of its own.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterator, List, NamedTuple, Optional

import typer

from relwork import __version__
from relwork.core.errors import RelworkError
from relwork.core.wording import counted

app = typer.Typer(
    name="relwork",
    help="Turn paper abstracts into a citation-style knowledge graph of related work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export a graph: graphml, gexf, csv, neo4j, cypher, neo4j-csv.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class _Console:
    """A rich ``Console`` made on first use: a run that prints nothing (``relwork -q link``) never imports
    rich (~20 ms of start-up)."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Any = None

    @property
    def console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


out = _Console()
err = _Console(stderr=True)


class State:
    """Global options set by the app callback (verbosity)."""

    quiet = False
    verbose = False
    width: Optional[int] = None  # --width: the columns query tables fit (``_fit_width``)


def _version(value: bool) -> None:
    if value:
        out.print(f"relwork {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors; no progress bars or summaries."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also report every skipped record; query tables also show 'title:' paper ids."
    ),
    width: Optional[int] = typer.Option(
        None, "--width", min=40, help="Fit answer tables and lines to this many columns (default: the terminal's, or "
        "COLUMNS; output to a pipe or file without either keeps today's 160-character evidence cells and whole lines)."
    ),
) -> None:
    State.quiet = quiet
    State.verbose = verbose
    State.width = width
    if width is not None:
        out.console.width = width


# ---------------------------------------------------------------------------------------------------
# shared options and helpers: every command reuses these
JSON_OPT = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
CATALOG_OPT = typer.Option(
    None, "--catalog", help="Extra catalog file (JSON Lines) that adds or overrides methods; 'none': the built-in catalog only."
)
FORMAT_OPT = typer.Option(None, "--format", "-f", help="Input format name; detected from extension and content if omitted.")
STRICT_OPT = typer.Option(False, "--strict", help="Stop at the first bad record instead of skipping it.")


def _confidence_range(value: float) -> float:
    """--min-confidence from 0 to 1; 'nan' is named as not a number (a range check alone calls it above 1)."""
    if value != value:  # NaN
        raise typer.BadParameter(f"{value} is not a number: give a value from 0 to 1")
    if not 0.0 <= value <= 1.0:
        bound = "greater than or equal to 0" if value < 0 else "less than or equal to 1"
        raise typer.BadParameter(f"{value:g} is out of range: it should be {bound}")
    return value


MIN_CONFIDENCE_OPT = typer.Option(
    0.0, "--min-confidence", callback=_confidence_range, metavar="[0<=x<=1]",
    help="Drop links whose calibrated confidence (the share of such links that were right on gold) is below this.",
)


def _print_error(message: str) -> None:
    """'Error: message' on stderr, the message printed literally (rich imported only now: errors are rare)."""
    from rich.markup import escape

    err.print("[red]Error:[/red] " + escape(message), highlight=False, soft_wrap=True)


@contextlib.contextmanager
def handle_errors() -> Iterator[None]:
    """Turn a RelworkError into 'Error: message' on stderr and the error's exit code."""
    try:
        yield
    except RelworkError as exc:
        _print_error(_clip_message(safe_text(str(exc))))
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        raise  # the reader went away (`| head`): click exits quietly, as Unix tools do
    except OSError as exc:  # a path the user gave that cannot be opened or written
        where = f"{exc.filename}: " if exc.filename else ""
        _print_error(safe_text(f"{where}{exc.strerror or exc}"))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("Interrupted.")
        raise typer.Exit(130) from None


@contextlib.contextmanager
def atomic_output(path: Optional[Path]) -> Iterator[Any]:
    """Yield a text handle for ``path`` (stdout when None) that replaces the file only on success
    (``core.files.atomic_text``)."""
    if path is None:
        yield sys.stdout
        return
    from relwork.core.files import atomic_text

    with atomic_text(Path(path)) as handle:
        yield handle


def stdout_or(path: Optional[Path]) -> Optional[Path]:
    """``-o -`` means standard output (None), as an input ``-`` means standard input."""
    return None if path is not None and str(path) == "-" else path


def refuse_input_as_output(
    outputs: List[Optional[Path]], inputs: List[Optional[Path]], *, stdout_ok: bool = False
) -> None:
    """Raise InputError when an output path is also one of the inputs (or a file below an input directory).

    A typo such as ``relwork html g.json -o g.json`` would otherwise replace the input with the output.
    Unless ``stdout_ok`` (the command streams text: load, link), ``-`` is refused too, instead of writing a
    file named '-'.
    """
    from relwork.core.errors import InputError

    if not stdout_ok and any(o is not None and str(o) == "-" for o in outputs):
        raise InputError("this command cannot write to standard output ('-'); give a file name")

    def same(a: Path, b: Path) -> bool:
        try:
            return a.exists() and b.exists() and os.path.samefile(a, b)
        except OSError:
            return False

    sources = [Path(i) for i in inputs if i is not None and str(i) != "-"]
    for output in outputs:
        if output is None or str(output) == "-":
            continue
        target = Path(output)
        for source in sources:
            below = source.is_dir() and target.exists() and target.resolve().is_relative_to(source.resolve())
            if below or same(source, target) or source.resolve() == target.resolve():
                also = "" if str(source) == str(output) else f" ({source})"
                raise InputError(f"output {output} is also an input{also}; write the output to another path")


@contextlib.contextmanager
def progress_bar(description: str, total: Optional[int] = None) -> Iterator[Any]:
    """A rich progress bar on a terminal; a no-op callback when quiet or not a terminal.

    Yields ``advance(n=1)``; library functions take it as their ``progress`` callback.
    """
    if State.quiet or not err.is_terminal:
        yield lambda n=1: None
        return
    # imported here, like Table below: ~15 ms of start-up that quiet runs and pipes never use
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err.console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def print_json(data: Any) -> None:
    """Write JSON to stdout (no rich markup, no wrapping)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_table(title: str, columns: List[str], rows: List[List[Any]], *, drop_empty: bool = False) -> None:
    """Print a title line and a rich table; no text (title, headings, cells) is interpreted as markup: file and
    method names may hold brackets (``graph[v2].json``). Cells longer than MAX_CELL characters are cut (--json
    keeps them). The title is a line of its own, not rich's table title, which wraps at the table's width (a
    one-column table: 'Query' / 'resul' / 't'); a heading breaks between words, never inside one.
    ``drop_empty``: a column empty in every row is left out (the query tables' Year on a graph of undated papers:
    at 80 columns its width is a line more for every title)."""
    from rich.table import Table

    if drop_empty and rows:
        kept = [i for i in range(len(columns)) if any(_cell_text(row[i]) not in (None, "") for row in rows)]
        columns, rows = [columns[i] for i in kept], [[row[i] for i in kept] for row in rows]
    say(title)
    table = Table()
    fit = _fit_width()
    widths = _fitted_widths(columns, rows, fit) if fit is not None else None
    if (widths and len(columns) > FIT_MAX_COLUMNS and FOLD_INTO in columns and set(FOLDED) & set(columns)
            and widths[columns.index(FOLD_INTO)] < FIT_TEXT):
        columns, rows = _folded(columns, rows)
        widths = _fitted_widths(columns, rows, fit)
    words = [min(MAX_HEADING_WORD, max(map(len, column.split() or [""]))) for column in columns]
    if sum(words) + 3 * len(words) + 1 > out.width:  # too narrow for whole words (a column would be cut off)
        words = [None] * len(words)
    for i, (column, word) in enumerate(zip(columns, words)):
        table.add_column(_plain(column), overflow="fold", min_width=word, width=widths[i] if widths else None)
    for row in rows:
        if widths:
            row = [_fit_cell(cell, w) if isinstance(cell, Cell) else cell for cell, w in zip(row, widths)]
        table.add_row(*[_plain(cell.render() if isinstance(cell, Cell) else cell, MAX_CELL) for cell in row])
    out.print(table)


class Cell(NamedTuple):
    """A query-table cell that ``print_table`` cuts to the room its column gets when it fits the table to the output's
    width (``_fit_width``): ``text`` (an evidence sentence, cut around ``surface``; a title) between ``prefix`` and
    ``suffix``, in at most ``lines`` lines. Unfitted, it is ``text`` cut at ``limit`` characters (0: not cut), as
    before fitting existed."""

    text: str
    surface: Optional[str] = None
    limit: int = 0
    prefix: str = ""
    suffix: str = ""
    lines: int = 3

    def render(self, room: Optional[int] = None) -> str:
        """The cell's text, its ``text`` cut to ``room`` characters (and ``limit``) around ``surface``."""
        limit = min(self.limit or room, room) if room is not None else self.limit
        return self.prefix + (_short(self.text, limit, self.surface) if limit else self.text) + self.suffix


FIT_COLUMN = 14  # a plain column (relations, field, method) wraps at this width when a table must shrink
FIT_TEXT = 40  # plain columns keep their width while each text column still gets this much (or all it needs)
FIT_MIN = 12  # below this many characters for each text column, fitting gives up and rich lays the table out
FIT_MAX_COLUMNS = 5  # a fitted table with more columns whose titles get < FIT_TEXT characters folds (``_folded``)
FOLD_INTO, FOLDED = "Paper", ("Year", "Id")


def _fit_width() -> Optional[int]:
    """The width answer tables and lines fit: --width, else the terminal's (or COLUMNS, which rich reads). None when
    stdout is a pipe or file and neither is given: such output is read later (a pager, grep, an editor), so it keeps
    today's whole cells (160-character evidence) and one line per sentence."""
    if State.width is not None:
        return State.width
    return out.width if out.is_terminal or os.environ.get("COLUMNS", "").strip().isdigit() else None


def _cell_text(cell: Any) -> Any:
    """A table cell as printed unfitted (a ``Cell`` rendered, anything else as it is)."""
    return cell.render() if isinstance(cell, Cell) else cell


def _fitted_widths(columns: List[str], rows: List[List[Any]], width: int) -> Optional[List[int]]:
    """Column widths that fit a table with text columns (``Cell``s) into ``width`` characters, or None when it fits
    as it is (or is too narrow to fit). Plain columns keep their width up to FIT_COLUMN (a one-word cell, an id or
    a DOI, stays whole); the text columns share the rest, the shortest first taking what it needs."""
    room = width - 3 * len(columns) - 1  # rich's borders and padding
    texts = [[_cell_text(row[i]) for row in rows] for i in range(len(columns))]
    natural = [max([len(column)] + [len(str(t or "")) for t in cells]) for column, cells in zip(columns, texts)]
    elastic = [i for i in range(len(columns)) if any(isinstance(row[i], Cell) for row in rows)]
    if sum(natural) <= room or not elastic:
        return None
    widths = list(natural)
    plain = [i for i in range(len(columns)) if i not in elastic]
    words = {i: max([len(w) for t in texts[i] for w in str(t or "").split()] + [len(w) for w in columns[i].split()])
             for i in plain}
    if room - sum(natural[i] for i in plain) < sum(min(natural[i], FIT_TEXT) for i in elastic):
        for i in plain:  # the text columns need the room: plain ones wrap
            widths[i] = min(natural[i], max(FIT_COLUMN, words[i]))
    if room - sum(widths[i] for i in plain) < FIT_MIN * len(elastic):  # narrow: plain columns wrap at every word
        widths = [min(natural[i], words[i]) if i in words else w for i, w in enumerate(widths)]
    left = room - sum(widths[i] for i in plain)
    if left < FIT_MIN * len(elastic):
        return None
    waiting = sorted(elastic, key=lambda i: natural[i])
    while waiting and natural[waiting[0]] <= left // len(waiting):  # max-min fair shares of what is left
        left -= natural[waiting[0]]
        waiting.pop(0)
    for n, i in enumerate(waiting):
        widths[i] = left // len(waiting) + (1 if n < left % len(waiting) else 0)
    return widths


def _folded(columns: List[str], rows: List[List[Any]]) -> tuple[List[str], List[List[Any]]]:
    """The table with its FOLDED columns (Year, Id) moved into the FOLD_INTO (Paper) cell as "title [id] year", the
    paper command's title line: a fitted table of six columns or more (a family's answer at 80 columns) otherwise
    leaves a title 13-20 characters a line, cut after ~35 characters."""
    at = {column: columns.index(column) for column in FOLDED if column in columns}
    into = columns.index(FOLD_INTO)
    folded = []
    for row in rows:
        year, pid = (str(row[at[c]] or "") if c in at else "" for c in ("Year", "Id"))
        cell = row[into] if isinstance(row[into], Cell) else Cell(str(row[into] or ""))
        tail = (f" [{pid}]" if pid else "") + (f" {year}" if year else "")
        row = list(row)
        row[into] = cell._replace(suffix=cell.suffix + tail, lines=cell.lines + 1) if tail else cell
        folded.append([value for i, value in enumerate(row) if i not in at.values()])
    heading = FOLD_INTO + (" [id]" if "Id" in at else "") + (" year" if "Year" in at else "")
    return [heading if i == into else c for i, c in enumerate(columns) if i not in at.values()], folded


def _fit_cell(cell: Cell, width: int) -> str:
    """``cell`` as text that wraps into at most ``cell.lines`` lines of ``width`` characters: the longest cut of its
    text that does (found by halving: each try wraps it once)."""
    from rich.text import Text

    def fits(text: str) -> bool:
        return len(Text(safe_text(text)).wrap(out.console, width, overflow="fold")) <= cell.lines

    whole = cell.render()
    if fits(whole):
        return whole
    low, high = 2, len(_one_line(cell.text))
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(cell.render(mid)) else (low, mid - 1)
    return cell.render(low)


def say(text: str) -> None:
    """An answer line on stdout (with the tables, so `> answer.txt` keeps it), printed literally; wrapped at words
    when output is fitted to a width (``_fit_width``), else one line for a pager or grep."""
    out.print(safe_text(text), markup=False, highlight=False, soft_wrap=_fit_width() is None)




# C0/C1 controls and the bidirectional overrides/isolates, which reorder what a terminal shows ("Trojan Source")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _clip_message(text: str, limit: int = 1000) -> str:
    """An error message stays readable when it quotes a huge argument back."""
    return text if len(text) <= limit else text[: limit - 30] + f" … ({len(text):,} characters)"


def safe_text(text: str) -> str:
    """Text with terminal control characters (escape sequences, bells, C1 codes) removed.

    Titles and abstracts are untrusted: printed raw, an ESC sequence could clear or retitle the terminal, and a
    right-to-left override could make the text read backwards.
    """
    return _CONTROL.sub("", text)


def _plain(value: Any, width: Optional[int] = None) -> Any:
    """Literal rich Text without control characters, cut to ``width`` characters when given."""
    from rich.text import Text

    text = safe_text("" if value is None else str(value))
    return Text(text if width is None or len(text) <= width else text[: width - 1] + "…")


MAX_EVIDENCE = 160
MAX_HEADING_WORD = 24  # a longer word in a table heading may break (a heading is a user's query column name)
MAX_CELL = 300  # a title or list in a table cell; a 200 KB title would otherwise fill thousands of lines


def _short(text: Any, width: int = MAX_EVIDENCE, surface: Optional[str] = None) -> str:
    """One line of evidence, cut at ``width`` characters for tables (--json keeps it whole). When the method's
    ``surface`` (as the sentence writes it) lies past the cut, the cell is a window around it instead, "…" + from
    a word about 3/8 of the width before it: "... such as causal Transformers, LSTMs, S4, and Mamba", not the
    sentence's first 159 characters, which may never name the method the row answers for."""
    text = _one_line(text)
    if len(text) <= width:
        return text
    at = _surface_span(text, surface)
    if at is None or at[1] <= width - 1:
        return text[: width - 1] + "…"
    start, end = at
    begin = max(0, min(start - width * 3 // 8, len(text) - (width - 1)))
    space = text.find(" ", begin, start)
    if space >= 0 and end - space <= width - 2:  # begin at a word, the surface still inside the window
        begin = space + 1
    begin = min(begin, start) if end - begin <= width - 2 else start  # a name longer than the cell: start at it
    if begin + width - 1 >= len(text):
        return "…" + text[begin:]
    return "…" + text[begin : begin + width - 2] + "…"


def _surface_span(text: str, surface: Optional[str]) -> Optional[tuple[int, int]]:
    """Where ``surface`` first stands in ``text`` as a whole word (as written, else in any case), or None."""
    surface = _one_line(surface)
    if not surface:
        return None
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    found = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    return found.span() if found else None


def _evidence(link: dict, title: Any = None, width: int = MAX_EVIDENCE, prefix: str = "") -> Any:
    """A link's evidence for a table cell: "(title)" when it is the ``title`` of the paper the row shows already
    (a paper named after its method: the title twice in one row), else a ``Cell`` cut around its surface (at
    ``width`` characters, or to fit the table)."""
    evidence = _one_line(link.get("evidence"))
    if evidence and title is not None and evidence == _one_line(title):
        return "(title)"
    return Cell(evidence, link.get("surface"), width, prefix) if evidence else prefix


def _title(text: Any, suffix: str = "", lines: int = 3) -> Cell:
    """A title (or another long name) for a query-table cell that a fitted table may cut (``Cell``)."""
    return Cell(str(text or ""), suffix=suffix, lines=lines)


def _one_line(text: Any) -> str:
    """``text`` with every run of white space (line breaks too) as one space; None is ''."""
    return " ".join(str(text or "").split())


def _paper_id(row: dict) -> str:
    """A paper's id for a table: '' for an id made from its title ('title:0ede2d5602ee23c9', which says nothing a
    reader or `relwork paper TITLE` needs) unless -v; --json always has it."""
    pid = row.get("id") or ""
    return "" if pid.startswith("title:") and not State.verbose else pid


def info(message: str) -> None:
    """A summary line on stderr unless --quiet."""
    if not State.quiet:
        err.print(safe_text(message), markup=False, highlight=False, soft_wrap=True)


# ---------------------------------------------------------------------------------------------------
# load (loaders/)
MAX_LISTED_PROBLEMS = 10


def report_skipped(problems: List[Any], notes: List[str] = ()) -> None:
    """List skipped records on stderr: the first few, or all of them with --verbose; then each file-level
    hint (``notes``). Nothing with --quiet: the exit code tells."""
    if State.quiet:
        return
    shown = problems if State.verbose else problems[:MAX_LISTED_PROBLEMS]
    for problem in shown:
        err.print(f"skipped {safe_text(str(problem))}", markup=False, highlight=False, soft_wrap=True)
    if len(shown) < len(problems):
        err.print(f"... and {len(problems) - len(shown)} more skipped; use -v to list them all", markup=False, highlight=False)
    for note in notes:
        err.print(f"hint {safe_text(note)}", markup=False, highlight=False, soft_wrap=True)


@app.command("load")
def load_command(
    files: List[Path] = typer.Argument(..., help="Paper files in any supported format, optionally gzipped."),
    format: Optional[str] = FORMAT_OPT,
    strict: bool = STRICT_OPT,
    as_json: bool = JSON_OPT,
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Also write the merged papers as JSON Lines to this file ('-': stdout, then no table)."
    ),
) -> None:
    """Load paper files, merge duplicates, and report per file: read, kept, merged, skipped.

    Formats: hf-daily, json, csv, arxiv, arxiv-atom, s2, openalex, bibtex (detected when --format is
    omitted). Exit code 0 when every record loaded; 2 when any file or record was skipped (or, with
    --strict, at the first problem).
    """
    from relwork.core.errors import InputError
    from relwork.loaders import load_papers

    with handle_errors():
        refuse_input_as_output([output], files, stdout_ok=True)
        papers_on_stdout = output is not None and stdout_or(output) is None
        with progress_bar("Loading") as advance:
            result = load_papers(files, format=format, strict=strict, progress=advance)
        if output is not None and result.papers:
            with atomic_output(stdout_or(output)) as handle:
                for paper in result.papers:
                    handle.write(json.dumps(paper.to_dict(), ensure_ascii=False) + "\n")
        elif output is not None:
            err.print(f"No paper loaded: {output} was left unchanged.", markup=False, highlight=False, soft_wrap=True)
        if as_json and not papers_on_stdout:
            print_json(result.to_dict())
        elif not as_json:
            rows = [[r.path, r.format or "-", r.read, r.kept, r.merged, len(r.skipped)] for r in result.files]
            rows.append(["total", "", result.read, result.kept, result.merged, len(result.problems)])
            if not State.quiet and not papers_on_stdout:  # -o -: stdout holds the papers
                print_table("Loaded papers", ["File", "Format", "Read", "Kept", "Merged", "Skipped"], rows)
            problems = result.problems
            report_skipped(problems, result.notes)
            info(  # never wrapped: scripts grep this line
                f"{counted(len(result.papers), 'paper')} from {len(result.files)} file(s): "
                f"{counted(result.read, 'record')} read, {counted(result.merged, 'duplicate')} merged, {len(problems)} skipped"
                + (f"; written to {'stdout' if papers_on_stdout else output}" if output is not None and result.papers else "")
            )
        if not result.ok:
            raise typer.Exit(InputError.exit_code)


# @@LOAD-COMMANDS@@


def readable_files(files: List[Path], format: Optional[str], strict: bool) -> tuple[List[Path], List[Any]]:
    """The input files whose format can be told (or ``format`` read), and a Problem for each one that cannot.

    A missing, empty, corrupt or unrecognised file is skipped and reported, as ``relwork load`` and
    ``build`` do, instead of ending the whole run; ``strict`` raises at the first such file.
    """
    from relwork.core.errors import InputError
    from relwork.loaders import Problem, expand_paths, get_loader
    from relwork.loaders.registry import file_loader

    if format:
        get_loader(format)  # an unknown name is a usage error, not a file to skip
    usable: List[Path] = []
    problems: List[Any] = []
    for path in expand_paths(files):
        try:
            file_loader(path, format)
        except InputError as exc:
            if strict:
                raise
            problems.append(Problem.from_error(exc, str(path)))
            continue
        usable.append(path)
    return usable, problems

# ---------------------------------------------------------------------------------------------------
# link, evaluate (linker/)
@app.command("link")
def link_command(
    files: List[Path] = typer.Argument(..., help="Paper files in any supported format, optionally gzipped."),
    catalog: Optional[Path] = CATALOG_OPT,
    output_format: str = typer.Option("jsonl", "--format", help="Output format: jsonl (one object per paper) or json (one array)."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Input format name; detected from extension and content if omitted."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout ('-': stdout)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for linking."),
    strict: bool = STRICT_OPT,
    no_corpus: bool = typer.Option(False, "--no-corpus-names", help="Skip the first pass: names introduced in the input do not link across papers."),
    min_confidence: float = MIN_CONFIDENCE_OPT,
) -> None:
    """Link papers to the methods they mention, introduce, build on and compare to.

    Writes one JSON object per paper: id, title, introduces [{name, kind, aliases, evidence}] and links
    [{method, kind, relation, surface, field, start, end, evidence, cue, confidence}] plus the paper's
    fields. --format is the OUTPUT format; the input format is detected (or given with --input-format).
    """
    from relwork.core.errors import InputError
    from relwork.core.gctools import gc_paused
    from relwork.linker import load_catalog
    from relwork.linker.pipeline import link_files

    with handle_errors():
        from relwork.loaders.registry import LOADERS
        from relwork.linker.pipeline import OUTPUT_FORMATS

        if output_format not in OUTPUT_FORMATS and output_format in LOADERS:
            raise InputError(f"--format names the output format of link ({', '.join(OUTPUT_FORMATS)}); "
                             f"for an input format write --input-format {output_format}")
        output = stdout_or(output)
        refuse_input_as_output([output], [*files, catalog], stdout_ok=True)
        # what start-up makes (modules, compiled patterns, the catalog: ~300,000 objects) lives until the run
        # ends: frozen, the garbage collector stops walking it again and again (~30 ms of a run); unfrozen at
        # the end, so that a caller in the same process (a test runner) gets its objects collected as before
        with gc_paused():
            loaded = load_catalog(catalog)
            gc.freeze()
        files, unreadable = readable_files(files, input_format, strict)
        if not files:
            if len(unreadable) == 1:
                raise unreadable[0].to_error()
            report_skipped(unreadable)
            raise InputError("no input file could be read" + (f"; {output} was left unchanged" if output else ""))
        try:
            # the output replaces an existing file only when linking succeeded and produced papers
            with atomic_output(output) as handle:
                with progress_bar("Linking") as advance:
                    summary = link_files(
                        files, handle, catalog=loaded, format=input_format, output_format=output_format,
                        workers=workers, strict=strict, corpus=not no_corpus, progress=advance,
                        min_confidence=min_confidence,
                    )
                summary.problems[:0] = unreadable
                report_skipped(summary.problems, summary.notes)
                if output is not None and summary.papers == 0:
                    raise InputError(f"no paper could be linked; {output} was left unchanged")
        finally:
            gc.unfreeze()
        info(
            f"Linked {counted(summary.papers, 'paper')}: {counted(summary.links, 'link')}, "
            f"{counted(summary.introduced, 'introduced name')} ({summary.corpus_names} linkable across the corpus); "
            + (f"{counted(summary.merged, 'record')} without abstract merged into their papers; " if summary.merged else "")
            + f"{counted(len(summary.problems), 'record')} skipped"
            + (f"; {summary.dropped} links below --min-confidence {min_confidence:g} dropped" if min_confidence else "")
            + (f"; wrote {output}" if output is not None else "")
        )


@app.command("evaluate")
def evaluate_command(
    gold: Path = typer.Argument(..., help="Gold file (JSON Lines: pid, title, introduces, links)."),
    files: List[Path] = typer.Argument(None, help="Paper files to link and score (any supported format)."),
    linked: Optional[Path] = typer.Option(None, "--linked", help="Score this 'relwork link' output instead of linking FILES."),
    catalog: Optional[Path] = CATALOG_OPT,
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Input format of FILES; detected if omitted."),
    errors: int = typer.Option(20, "--errors", help="How many errors to list (all with --json)."),
    bootstrap: int = typer.Option(
        0, "--bootstrap", min=0, help="Also give 95% intervals from this many resamples of the gold papers (e.g. 1000)."
    ),
    confidence: bool = typer.Option(
        False, "--by-confidence", help="Also give link P/R and relation accuracy keeping only links at or above each confidence threshold."
    ),
    as_json: bool = JSON_OPT,
) -> None:
    """Score the linker against a gold file: link P/R/F1, relation accuracy, introduced-name F1.

    Gold records meet papers by normalised title; a gold paper missing from the input counts as missed (a
    warning says how many and names up to five; none found is an error). Dataset links are not scored. Also prints the
    relation confusion matrix (gold set -> predicted set) and the first errors.
    """
    from relwork.core.errors import InputError
    from relwork.linker import load_catalog
    from relwork.linker.evaluate import by_confidence, evaluate, intervals, read_gold, read_linked
    from relwork.linker.pipeline import link_corpus

    with handle_errors():
        if linked is not None and files:
            raise InputError("give paper FILES to link or --linked FILE, not both")
        gold_papers = read_gold(gold)
        loaded = load_catalog(catalog)
        if linked is not None:
            predictions = read_linked(linked)
        elif files:
            from relwork.loaders import load_papers

            with progress_bar("Loading") as advance:
                papers = load_papers(files, format=input_format, progress=advance).papers
            with progress_bar("Linking", total=len(papers)) as advance:
                predictions = link_corpus(papers, loaded, progress=advance)
        else:
            raise InputError("give paper FILES to link, or --linked FILE with 'relwork link' output")
        report = evaluate(gold_papers, predictions, loaded)
        _check_gold_found(report.papers, report.missing_papers)
        for warning in report.warnings:
            err.print(f"Warning: {safe_text(warning)}", markup=False, highlight=False, soft_wrap=True)
        bounds = intervals(gold_papers, predictions, loaded, rounds=bootstrap) if bootstrap else None
        operating = by_confidence(gold_papers, predictions, loaded) if confidence else None
        if as_json:
            print_json(report.to_dict() | ({"intervals": {m: list(b) for m, b in bounds.items()}} if bounds else {})
                       | ({"by_confidence": operating} if operating else {}))
            return
        l, i = report.links, report.introduced

        def cell(value: float, measure: str) -> str:
            return f"{value:.3f}" + (f" ({bounds[measure][0]:.3f}-{bounds[measure][1]:.3f})" if bounds else "")

        print_table(
            f"Evaluation against {gold} ({report.papers} papers, {len(report.missing_papers)} not found)"
            + (f"; 95% intervals from {bootstrap} resamples of the papers" if bounds else ""),
            ["Measure", "Precision", "Recall", "F1", "Counts"],
            [
                ["method links", cell(l.precision, "link precision"), cell(l.recall, "link recall"), cell(l.f1, "link F1"),
                 f"tp {l.tp} fp {l.fp} fn {l.fn}"],
                ["introduced names", cell(i.precision, "introduced precision"), cell(i.recall, "introduced recall"),
                 cell(i.f1, "introduced F1"), f"tp {i.tp} fp {i.fp} fn {i.fn}"],
                ["relation accuracy", "", "", cell(report.relation_accuracy, "relation accuracy"),
                 f"{report.relation_correct}/{report.relation_total}"],
            ],
        )
        labels = sorted({k for k in report.confusion} | {p for row in report.confusion.values() for p in row})
        shown_label = {label: label.replace("+", " + ") for label in labels}  # narrow: breaks at '+', not in a name
        print_table(
            "Relations: gold (rows) -> predicted (columns)",
            ["gold \\ predicted", *shown_label.values()],
            [[shown_label[g], *[report.confusion.get(g, {}).get(p, 0) for p in labels]] for g in labels],
        )
        if operating:
            print_table(
                "Links kept at or above each confidence (--min-confidence): method links and relations",
                ["Min confidence", "Links kept (gold papers)", "Precision", "Recall", "F1", "Relation accuracy"],
                [[f"{r['threshold']:g}", r["links"], f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                  f"{r['relation_accuracy']:.3f}"] for r in operating],
            )
        shown = report.errors[: max(0, errors)]
        if shown:
            _print_errors(f"Errors (first {len(shown)} of {len(report.errors)})", shown)


# below this width (a pipe, a notebook, an 80-column terminal) the error table's evidence column would be a few
# characters wide, one word a line: each error is printed as a block instead
ERROR_TABLE_WIDTH = 120


def _print_errors(title: str, shown: list[dict]) -> None:
    """The evaluation errors: a table fitted to the output's width (``_fit_width``) when it is ERROR_TABLE_WIDTH
    columns or more (type, paper, method or name, relations: gold, predicted and cue; the evidence cut around the
    method's name to four lines of the room left); else one block an error, the evidence on its own line."""
    rows = []
    for e in shown:
        gold = "+".join(e["gold"]) if isinstance(e.get("gold"), list) else ""
        predicted, cue = "+".join(e.get("predicted", [])), e.get("cue") or ""
        relations = "; ".join(part for part in (f"gold {gold}" if gold else "", f"predicted {predicted}" if predicted else "",
                                                f"cue '{cue}'" if cue else "") if part)
        rows.append([e["type"], e["pid"], e.get("method") or e.get("name"), relations, _one_line(e.get("evidence"))])
    if (_fit_width() or 0) >= ERROR_TABLE_WIDTH:
        print_table(title, ["Type", "Paper", "Method / name", "Relations", "Evidence"],
                    [row[:3] + [row[3].replace("+", " + "), Cell(row[4], row[2], MAX_CELL, lines=4)] for row in rows])
        return
    say(title)
    for number, (kind, pid, name, relations, evidence) in enumerate(rows, 1):
        say(f"{number}. {kind} | paper {pid} | {name}" + (f" | {relations}" if relations else ""))
        if evidence:
            say(f"   evidence: {_short(evidence, MAX_CELL)}")


def _check_gold_found(papers: int, missing_titles: List[str]) -> None:
    """No gold paper among the linked ones is an error; some missing, a warning naming the first five titles:
    their gold links count as misses, so recall falls with every paper the input lacks."""
    from relwork.core.errors import InputError

    missing = len(missing_titles)
    if papers and missing == papers:
        raise InputError(f"none of the {papers} gold papers is among the linked papers (they meet by normalised "
                         "title): check that the gold file and the inputs are the same papers")
    if missing:
        named = "; ".join(repr(_short(title, 100)) for title in missing_titles[:5]) + (
            f"; and {missing - 5} more (--json lists them all)" if missing > 5 else "")
        err.print(safe_text(f"Warning: {missing} of {papers} gold papers are not among the linked papers ({named}); their "
                            "gold links count as missed (fn), which lowers recall"), markup=False, highlight=False, soft_wrap=True)


# @@LINK-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# build, export graphml|gexf|csv, bridge, method, paper, stats (graph/)
GRAPH_OPT = typer.Option(
    Path("graph.json"), "--graph", "-g", envvar="RELWORK_GRAPH", help="Graph file to query (from `relwork build`)."
)
CATEGORY_OPT = typer.Option(
    None, "--category", help="Only papers in this category (arXiv 'cs.CL', or an archive: 'cs'); repeat for several."
)
SINCE_OPT = typer.Option(None, "--since", help="Only papers published in or after this year.")
UNTIL_OPT = typer.Option(None, "--until", help="Only papers published in or before this year.")
IN_WORDS_OPT = typer.Option(
    False, "--in-words",
    help="For a method family: also the papers that name it only in words ('a pre-trained diffusion model'), not linked.",
)


def _resolved_from(resolved: Any, prefix: str = "") -> dict:
    """``{"resolved_from": the name as asked}`` for --json when only the typo step matched it (``Resolved.fuzzy``),
    else {}; ``prefix`` 'a_' / 'b_' for a bridge's sides."""
    return {f"{prefix}resolved_from": resolved.query} if resolved.fuzzy else {}


def _say_resolved(sides: list, prefixes: tuple = ()) -> dict:
    """Say on stderr which asked names (``Resolved``: methods, families, papers) only a close match resolved
    ("(read 'Mambaa' as Mamba)"), so that a fuzzy match never answers silently, in every command that takes a
    name; returns their ``_resolved_from`` entries for --json (``prefixes``: one per side, default none)."""
    found: dict = {}
    for side, prefix in zip(sides, prefixes or [""] * len(sides)):
        if side.fuzzy:
            info(f"(read {side.query!r} as {side.label})")
            found |= _resolved_from(side, prefix)
    return found


def _resolve_named(G: Any, name: str) -> Any:
    """What a method-or-paper name stands for (``queries.resolve_name``: `html --focus`), said on stderr when only a
    close match found it, as for every other command that takes a name."""
    from relwork.graph.queries import resolve_name

    resolved = resolve_name(G, name)
    _say_resolved([resolved])
    return resolved


def _in_words_hint(count: int, what: str) -> str:
    """The line that says papers name the asked family only in words, and how to list them."""
    return f"{count} more paper{'s' if count > 1 else ''} {what}: --in-words lists {'them' if count > 1 else 'it'}."


def _print_in_words(title: str, rows: list, shown: Optional[int]) -> None:
    """Papers naming a family only in words: relation, year, id, title and the sentence that names it."""
    cells = [[r["type"].lower(), r["year"] or "", _paper_id(r), _title(r["title"]), _evidence(r, r["title"])] for r in rows[:shown]]
    print_table(title + " (no member linked; relation read from the sentence)", ["Relation", "Year", "Id", "Paper", "Evidence"],
                cells, drop_empty=True)
    _more(len(rows), shown)


def _scoped(graph: Path, category: Optional[List[str]], since: Optional[int], until: Optional[int]) -> tuple[Any, str]:
    """The graph file's graph seen through the paper filter, and the filter in words for headings ('' if none)."""
    from relwork.graph.queries import scoped

    G = scoped(_load(graph), categories=category or (), since=since, until=until)
    years = f"{since or ''}-{until or ''}" if since is not None or until is not None else ""
    words = [", ".join(category or []), years]
    return G, (" [papers: " + "; ".join(w for w in words if w) + "]") if any(words) else ""


def _link_cell(link: dict, title: Any = None) -> str:
    """A bridge row's link to one side: 'builds on (Mamba, abstract): evidence', or just 'builds on (title)' when the
    evidence is the row's paper ``title``."""
    method = f"{link['method']}, " if link.get("method") else ""
    what = f"{_relation_words(link['type'])} ({method}{link.get('field') or '-'})"
    evidence = _evidence(link, title, 100, what + ": ")
    return what if evidence == "(title)" else evidence


def _relation_words(edge_type: str) -> str:
    """An edge type as the tables and the HTML page write it: 'BUILDS_ON' -> 'builds on'."""
    return edge_type.lower().replace("_", " ")


def _names(names: list[str], shown: int = 12) -> str:
    """A list of method names, cut to ``shown`` with the count of the rest."""
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _node_name(row: dict) -> str:
    if row.get("label") == "Method" or ("name" in row and "title" not in row):
        return row.get("name", row.get("node", ""))
    return row.get("title") or row.get("node", "")


@app.command("build")
def build_command(
    inputs: List[Path] = typer.Argument(None, help="Paper files in any supported format, optionally gzipped."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Graph file to write (.json or .json.gz). Default: the --update graph, else graph.json."
    ),
    catalog: Optional[Path] = typer.Option(
        None, "--catalog", help="Extra catalog file (JSON Lines) that adds or overrides methods; the graph records it and "
        "--update reuses it. 'none': the built-in catalog only."
    ),
    format: Optional[str] = FORMAT_OPT,
    strict: bool = STRICT_OPT,
    update: Optional[Path] = typer.Option(
        None, "--update", help="Add the inputs to this existing graph; papers already in it are merged, never duplicated."
    ),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the interactive HTML view to this file."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for linking."),
    min_confidence: float = MIN_CONFIDENCE_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Load, link and build the knowledge graph of papers and methods, and save it.

    Prints a summary: papers (and external origin papers from the catalog), methods, edges by type,
    citation-style edges, and skipped records. Running it again with the same inputs and --update gives
    the identical graph.
    """
    from relwork.core.gctools import gc_paused
    from relwork.graph.build import build_from_files
    from relwork.graph.io import save_graph

    with handle_errors():
        if not inputs:
            from relwork.core.errors import InputError

            raise InputError("no input files given (e.g. relwork build examples/hf-papers/*.txt -o graph.json)")
        target = output or update or Path("graph.json")
        refuse_input_as_output([target], [*inputs, catalog])  # --update is an input the output may replace
        refuse_input_as_output([html], [*inputs, catalog, update, target])
        # the collector stays off through the save too: after the build its first full collection would
        # walk the whole new graph once more (~1.5 s at 200k papers) and find nothing
        with gc_paused():
            result = build_from_files(
                inputs, catalog=catalog, format=format, strict=strict, update=update, workers=workers, progress=progress_bar,
                min_confidence=min_confidence,
            )
            save_graph(result.graph, target)
        if html is not None:
            from relwork.viz import write_html

            write_html(result.graph, html)
        after, before = result.after, result.before
        summary = {
            "graph": str(target),
            "papers_loaded": len(result.load.papers),
            "skipped": len(result.skipped),
            "dropped_links": result.dropped,
            **after,
            "added": {
                "papers": after["papers"] - before.get("papers", 0),
                "methods": after["methods"] - before.get("methods", 0),
            },
        }
        if as_json:
            print_json(summary | {"skipped_records": [str(p) for p in result.skipped]})
            return
        rows = [
            ["papers", after["papers"], f"{after['external_papers']} external (origin papers from the catalog)"],
            ["methods", after["methods"], f"{after['catalogued_methods']} catalogued"],
        ]
        rows += [[f"edges {etype}", count, "method -> method" if etype in ("DERIVED_FROM", "NAMED_AFTER") else "paper -> method"]
                 for etype, count in after["edges"].items()]
        rows += [[f"citations {etype}", count, "paper -> paper, via a method"] for etype, count in after["citations"].items()]
        rows.append(["skipped records", len(result.skipped), "use -v to list them" if result.skipped and not State.verbose else ""])
        if not State.quiet:
            print_table(f"Graph {target}", ["", "Count", "Note"], rows)
        problems = result.skipped
        report_skipped(problems, getattr(result.load, "notes", []))
        change = f" (+{summary['added']['papers']} papers, +{summary['added']['methods']} methods)" if update else ""
        info(
            f"Wrote {target}: {counted(after['papers'], 'paper')}, {counted(after['methods'], 'method')}, "
            f"{counted(sum(after['edges'].values()) + sum(after['citations'].values()), 'edge')}{change}; "
            f"{counted(len(problems), 'record')} skipped"
            + (f"; {result.dropped} links below --min-confidence {min_confidence:g} dropped" if min_confidence else "")
            + (f"; HTML view {html}" if html is not None else "")
        )


_EXPORT_HELP = {
    "graphml": "Export the graph as GraphML (Gephi, Cytoscape, yEd); list attributes become JSON text.",
    "gexf": "Export the graph as GEXF 1.2 (Gephi); node labels are paper titles and method names.",
    "csv": "Export the graph as a directory with nodes.csv and edges.csv (spreadsheets, pandas).",
}


def _add_export_command(fmt: str) -> None:
    def command(
        graph: Path = typer.Argument(..., help="Graph file written by `relwork build`."),
        output: Path = typer.Option(..., "--output", "-o", help="Output file (a directory for csv)."),
    ) -> None:
        from relwork.graph.io import export_graph

        with handle_errors():
            refuse_input_as_output([output], [graph])
            written = export_graph(graph, fmt, output)
            info(f"Wrote {written}")

    command.__doc__ = _EXPORT_HELP[fmt]
    export_app.command(fmt)(command)


for _fmt in ("graphml", "gexf", "csv"):
    _add_export_command(_fmt)


def _load(graph: Path) -> Any:
    from relwork.graph.io import load_graph

    return load_graph(graph)


@app.command("bridge")
def bridge_command(
    a: str = typer.Argument(..., help="First method (name, alias, any case; close misspellings are resolved)."),
    b: str = typer.Argument(..., help="Second method."),
    graph: Path = GRAPH_OPT,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most this many papers."),
    paths: int = typer.Option(
        5, "--paths", min=1, help="When no paper links both, show this many shortest paths, most specific first."
    ),
    family: bool = typer.Option(
        False, "--family", help="Also each method's catalog derivatives (S4: Mamba, H3, ...); cells name their method."
    ),
    category: Optional[List[str]] = CATEGORY_OPT,
    since: Optional[int] = SINCE_OPT,
    until: Optional[int] = UNTIL_OPT,
    in_words: bool = IN_WORDS_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Papers linked to both methods, best first; if none, the shortest paths connecting them.

    A or B may also name a method family ("state-space models", "GANs", "VAEs", "CNNs", "PEFT").
    Ranking: builds on > compares to > mentions (introduces above all), title evidence above abstract,
    then newest first. Paths go through papers and methods, with the evidence for every hop; the most
    specific come first (lowest score: hubs such as Transformer and mentions cost most).
    """
    from relwork.core.errors import GraphError
    from relwork.graph.queries import bridge, bridge_in_words, resolve_methods

    with handle_errors():
        G, scope = _scoped(graph, category, since, until)
        sides = [resolve_methods(G, x, empty_family=True) for x in (a, b)]  # once: the queries take the answers
        resolved_from = _say_resolved(sides, ("a_", "b_"))
        families = [side.family for side in sides]
        if in_words and families == [None, None]:
            raise GraphError("--in-words needs a method family on one side ('state-space models', 'GANs', ...)")
        result = bridge(G, *sides, limit=limit, max_paths=paths, family=family, empty_family=in_words)
        words = bridge_in_words(G, *sides, family=family) if families != [None, None] else []
        hint = _in_words_hint(len(words), "bridge them through a family they name only in words") if words else ""
        if as_json:
            print_json(result | resolved_from | ({"in_words": words[:limit]} if in_words else {}))
            if hint and not in_words:
                info(hint)
            return
        _print_bridge(result, scope)
        if in_words and words:
            rows = [[i, _title(row["title"]), row["year"] or "", _link_cell(row["a"], row["title"]), _link_cell(row["b"], row["title"])]
                    for i, row in enumerate(words[:limit], 1)]
            print_table(f"Also bridging {result['a']} and {result['b']}{scope}, the family named only in words "
                        "(no member linked; relation read from the sentence)", ["#", "Paper", "Year", result["a"], result["b"]], rows,
                        drop_empty=True)
        elif in_words:
            say(f"No other paper{scope} bridges them through a family it names only in words.")
        elif hint:
            say(hint)


def _print_bridge(result: dict, scope: str) -> None:
    """`relwork bridge`'s answer: the methods each side stands for, then the bridging papers, else what
    --family would add and the shortest connections."""
    for side in ("a", "b"):
        if result.get(f"{side}_methods", [result[side]]) != [result[side]]:
            say(f"{result[side]}: {_names(result[side + '_methods'])}")
    if result["papers"]:
        rows = [
            [i, _title(row["title"]), row["year"] or "", _link_cell(row["a"], row["title"]), _link_cell(row["b"], row["title"])]
            for i, row in enumerate(result["papers"], 1)
        ]
        print_table(f"Papers bridging {result['a']} and {result['b']}{scope}", ["#", "Paper", "Year", result["a"], result["b"]], rows,
                    drop_empty=True)
        return
    wider = result.get("with_derivatives")
    # one sentence: what --family would add, then the paths (before, two sentences both began "No paper links both")
    more = f" ({wider} {'does' if wider == 1 else 'do'} with --family, counting their catalog derivatives)" if wider else ""
    if not result["paths"]:
        say(f"No paper{scope} links {result['a']} and {result['b']}{more}, and no path connects them.")
        return
    say(f"No paper{scope} links both {result['a']} and {result['b']}{more}; shortest connections, most specific first:")
    for i, path in enumerate(result["paths"], 1):
        # a node in between shows its links: a hub (Transformer, 312 links) says less than a paper with 10
        names = {row["node"]: _node_name(row) for row in path["nodes"]}
        names |= {row["node"]: f"{names[row['node']]} ({row['degree']} links)" for row in path["nodes"][1:-1]}
        # a chain that reaches several methods of a side is one path: its end names the others
        for end, reached in ((path["nodes"][0]["node"], path.get("starts")), (path["nodes"][-1]["node"], path.get("ends"))):
            others = [_node_name(row) for row in reached or () if row["node"] != end]
            if others:
                names[end] += f"; the same chain reaches {_names(others)}"
        titles = {row["node"]: row.get("title") for row in path["nodes"]}
        rows = [
            [_title(names[hop["source"]]), _relation_words(hop["type"]) + (f" via {hop['via']}" if hop.get("via") else ""),
             _title(names[hop["target"]]), _evidence(hop, titles[hop["source"]])]
            for hop in path["hops"]
        ]
        print_table(f"Path {i} ({counted(path['length'], 'hop')}, score {path['score']:.2f})", ["From", "Relation", "To", "Evidence"],
                    rows)


METHOD_ROWS = 20  # rows `relwork method` shows without --limit (--json gives all)


@app.command("method")
def method_command(
    name: str = typer.Argument(..., help="Method name, alias, any case."),
    graph: Path = GRAPH_OPT,
    relation: Optional[str] = typer.Option(
        None, "--relation", "-r", help="Only papers with this relation: builds_on, compares_to, mentions, introduces."
    ),
    family: bool = typer.Option(
        False, "--family", help="Also the method's catalog derivatives (Mamba: Mamba-2, Vim, ...); rows name their method."
    ),
    limit: Optional[int] = typer.Option(
        None, "--limit", "-n", min=1,
        help=f"Show at most this many papers (default {METHOD_ROWS} in the table, all with --json).",
    ),
    order: str = typer.Option(
        "relevance", "--order", help="relevance (title, link type, mentions, confidence, then newest) or oldest."
    ),
    category: Optional[List[str]] = CATEGORY_OPT,
    since: Optional[int] = SINCE_OPT,
    until: Optional[int] = UNTIL_OPT,
    in_words: bool = IN_WORDS_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Who introduced a method, and the papers that build on / compare to / mention it, most relevant first.

    Relevance: the method in the paper's title first, then builds on > compares to > mentions, then the papers
    naming it most often, then link confidence, then newest first (--order oldest: oldest first).
    A method family ("state-space models") answers with its members' papers; --in-words adds the papers that
    name the family only in words.
    """
    from relwork.core.errors import GraphError
    from relwork.graph.queries import family_in_words, relation_type, resolve_methods

    with handle_errors():
        G, scope = _scoped(graph, category, since, until)
        shown = limit if limit is not None or as_json else METHOD_ROWS
        fam = resolve_methods(G, name, empty_family=True)
        _say_resolved([fam])
        if in_words and fam.family is None:
            raise GraphError(f"--in-words needs a method family, and {fam.label!r} is a method "
                             "('state-space models', 'diffusion models', 'GANs', ...)")
        words = family_in_words(G, fam, relation) if fam.family is not None else []
        what = f"name {fam.label} only in words" + (f" ({_relation_words(relation_type(relation))})" if relation else "")
        hint = _in_words_hint(len(words), what) if words and not in_words else ""
        if fam.family is not None and not fam.nodes and in_words:  # no member in the graph: the words are the answer
            if as_json:
                print_json({"papers": [], "in_words": words[:shown]})
            else:
                _print_in_words(f"Papers naming {fam.label}{scope}", words, shown)
            return
        if fam.family is not None and not fam.nodes:
            raise GraphError(f"no paper in this graph links to any of the {fam.label} ({fam.family.definition()})"
                             + (f"; {hint}" if hint else ""))
        _method_answer(G, fam, relation, family, order, shown, scope, as_json, words if in_words else None)
        if in_words and not as_json:
            if words:
                _print_in_words(f"Also naming {fam.label}{scope}", words, shown)
            else:
                say(f"No other paper{scope} names {fam.label} in words.")
        elif hint:
            (info if as_json else say)(hint)


def _method_answer(G: Any, name: Any, relation: Optional[str], family: bool, order: str, shown: Optional[int],
               scope: str, as_json: bool, words: Any) -> None:
    """`relwork method`'s answer without the in-words part (``words``: the rows --in-words adds to the JSON, or
    None). ``name`` is what ``resolve_methods`` made of the asked name: the queries do not resolve it again."""
    from relwork.graph.queries import (
        derivatives_only, method_report, papers_for_method, relation_counts, relation_type, resolve_methods,
    )

    if relation is not None:
        rows = papers_for_method(G, name, relation, family=family, order=order)
        heading = relation_type(relation).lower()  # the canonical name: compares-to -> compares_to
        extra = None if family else derivatives_only(G, name, relation)
        hint = _derivatives_hint(extra, f"a {heading} link", bool(rows))
        if as_json:
            print_json({"papers": rows[:shown], "in_words": words[:shown]} if words is not None else rows[:shown])
            others = "" if rows else _other_relations(relation_counts(G, name, family=family))
            for note in (others, hint):
                if note:
                    info(note)
            return
        resolved = resolve_methods(G, name, family=family)
        what = resolved.label + (" and its derivatives" if family and resolved.family is None else "")
        family = resolved.group
        if not rows:
            others = _other_relations(relation_counts(G, name, family=family))
            hints = [h for h in (others, _derivatives_hint(extra, "one", False)) if h]
            say(f"No paper in the graph{scope} has a {heading} link to {what}" + ("".join(f"; {h}" for h in hints) or "."))
            return
        columns = ["Year", "Id", "Paper", "Field", "Evidence"]
        cells = [[r["year"] or "", _paper_id(r), _title(r["title"]), r["field"], _evidence(r, r["title"])] for r in rows[:shown]]
        if family:
            columns.insert(1, "Method")
            for cell, r in zip(cells, rows):
                cell.insert(1, _methods_cell(r))
        print_table(f"{what}: {heading}{scope}", columns, cells, drop_empty=True)
        _more(len(rows), shown)
        if hint:
            say(hint)
        return
    report = method_report(G, name, family=family, order=order)
    if as_json:
        print_json(report | {key: report[key][:shown] for key in ("introduced_by", "papers")} | _resolved_from(name)
                   | ({"in_words": words[:shown]} if words is not None else {}))
        return
    if report["family"] is not None:
        _print_family_report(report, shown, scope)
        return
    m = report["method"]
    say(f"{m['name']} ({m['kind']}{', ' + m['area'] if m['area'] else ''}{', ' + str(m['year']) if m['year'] else ''})")
    if m["aliases"]:
        say("aliases: " + ", ".join(m["aliases"]))
    if report["parents"] or report["derivatives"]:
        say("derived from: " + (", ".join(p["name"] for p in report["parents"]) or "-")
            + "; derivatives: " + _derivatives_words(report["derivatives"], m["name"]))
    title = f"Papers linked to {m['name']}" + (" and its derivatives" if family else "") + scope
    _print_method_papers(title, report, m["name"] if family else None, shown)
    hint = _derivatives_hint(report["with_derivatives"], "a link", bool(report["papers"]))
    if hint:
        say(hint)


# what papers do to a method, as the empty answer of another relation says it: (one paper, several papers)
_RELATION_VERBS = {"BUILDS_ON": ("builds on", "build on"), "COMPARES_TO": ("compares to", "compare to"),
                   "MENTIONS": ("mentions", "mention")}


def _other_relations(counts: dict[str, int]) -> str:
    """The relations a method does have, when the one asked for is empty: '3 papers build on it, 1 mentions it:
    drop -r' ('' when it has none)."""
    if not counts:
        return ""
    said = [f"{n} paper{'s' if n > 1 else ''} {_RELATION_VERBS[t][n > 1]} it" for t, n in counts.items()]
    return ", ".join(said) + ": drop -r"


def _derivatives_words(rows: list[dict], method: str) -> str:
    """What --family adds to a method, in the header's words: the catalog children, each with the derivatives
    that come through it, then the names papers built on them ('YOLOv2 (and through it YOLOv3, ..., YOLOv8)';
    'named after it: IC-Mamba, S-Mamba'), so the header names every derivative the footer's hint may name."""
    deeper: dict[str, list[str]] = {}
    for r in rows:
        if "through" in r:
            deeper.setdefault(r["through"], []).append(r["name"])
    direct = [r["name"] for r in rows if "through" not in r and "named_after" not in r]
    words = [n + (f" (and through it {_names(deeper[n], shown=8)})" if n in deeper else "") for n in direct]
    named = [r["name"] + (f" (after {r['named_after']})" if r["named_after"] != method else "")
             for r in rows if "named_after" in r]
    return (_names(words) or "-") + (f"; named after it: {_names(named)}" if named else "")


def _derivatives_hint(extra: Optional[dict], link: str, more: bool) -> str:
    """What --family would add to a plain answer (``derivatives_only``), as a sentence naming the option:
    '1 more paper has a builds_on link to its derivative Llama-2: add --family.' ('' when it adds nothing)."""
    if not extra or not extra["papers"]:
        return ""
    n, methods = extra["papers"], extra["methods"]
    counts = _names([m["name"] + (f" ({m['papers']})" if len(methods) > 1 else "") for m in methods], shown=5)
    papers = f"{n} {'more ' if more else ''}paper{'s' if n > 1 else ''} {'have' if n > 1 else 'has'}"
    return f"{papers} {link} to its derivative{'s' if len(methods) > 1 else ''} {counts}: add --family."


def _more(total: int, shown: Optional[int]) -> None:
    """Say how many rows a cut answer left out, and how to see them."""
    if shown is not None and total > shown:
        say(f"{shown} of {total} papers shown; -n N shows more, --json all.")


def _print_family_report(report: dict, shown: Optional[int], scope: str = "") -> None:
    """`relwork method FAMILY`: the family's definition and members, then its papers, each row naming its method."""
    fam = report["family"]
    say(f"{fam['name']} (method family: {fam['definition']})")
    say(f"in this graph: {_names([m['name'] for m in fam['members']], shown=30)}")
    _print_method_papers(f"Papers linked to {fam['name']}{scope}", report, fam["name"], shown)


def _relations(row: dict) -> str:
    """A row's relations, strongest first ('builds on, mentions'); an introduces row has just its type."""
    return ", ".join(_relation_words(t) for t in row.get("relations") or [row["type"]])


def _methods_cell(row: dict, default: str = "") -> str:
    """The methods a family answer's row links, strongest first ('Llama-2, LLaMA': one row per paper)."""
    return ", ".join(row.get("methods") or [row.get("method") or default])


def _print_method_papers(title: str, report: dict, method: Optional[str], shown: Optional[int]) -> None:
    """A method report's introducers, then its papers (at most ``shown`` of each), one row per paper: all its
    relations, strongest first, with the evidence of the first. ``method`` given: a Method column naming the
    methods each paper links (family answers)."""
    rows = []
    for r in report["introduced_by"][:shown] + report["papers"][:shown]:
        row = [_relations(r), r["year"] or "", _paper_id(r), _title(r["title"], " (external)" if r["external"] else ""),
               _evidence(r, r["title"])]
        if method is not None:
            row.insert(1, _methods_cell(r, method))
        rows.append(row)
    columns = ["Relations (evidence of the first)", "Year", "Id", "Paper", "Evidence"]
    if method is not None:
        columns.insert(1, "Method")
    print_table(title, columns, rows, drop_empty=True)
    _more(len(report["papers"]), shown)


@app.command("paper")
def paper_command(
    ref: str = typer.Argument(..., help="Paper id, arXiv id or URL, DOI, or title (close matches are resolved)."),
    graph: Path = GRAPH_OPT,
    related: int = typer.Option(10, "--related", "-n", min=0, help="How many related papers to list."),
    as_json: bool = JSON_OPT,
) -> None:
    """A paper's methods, what it introduces, citation-style links and nearest related papers.

    Related papers are ranked by the methods they share with this one (or a catalog parent or derivative of
    one), rare methods counting most: what either paper builds on or compares to counts more than a mention,
    a method in this paper's title or named repeatedly more than one named in passing, a method one of them
    introduced (a citation) counts double, a shared dataset least; then by how close the two abstracts' words
    are (TF-IDF over the graph's papers). Each row says why.
    """
    from relwork.graph.queries import paper_report, resolve_one_paper

    with handle_errors():
        G = _load(graph)
        paper = resolve_one_paper(G, ref)
        resolved_from = _say_resolved([paper])
        report = paper_report(G, paper.nodes[0], related=related)
        if as_json:
            print_json(report | resolved_from)
            return
        p = report["paper"]
        if report["same_title"]:
            others = "; ".join(f"{r['id']}" + (f" ({r['year']})" if r["year"] else "") for r in report["same_title"])
            info(f"{len(report['same_title']) + 1} papers have this title; showing {p['id']} (the others: {others}; "
                 "name one by its id)")
        say(_short(p["title"], MAX_CELL) + f" [{p['id']}]" + (f" {p['year']}" if p["year"] else "")
            + (" (external)" if p["external"] else ""))
        if p.get("categories"):
            say("categories: " + ", ".join(p["categories"]))
        links = report["introduces"] + report["links"]
        print_table("Methods", ["Relations (evidence of the first)", "Method", "Field", "Evidence"],
                    [[_relations(r), r["name"], r["field"], _evidence(r, p["title"])] for r in links])
        cites = [["->", r["type"].lower(), ", ".join(r["via"]), _title(r["title"])] for r in report["cites"]]
        cites += [["<-", r["type"].lower(), ", ".join(r["via"]), _title(r["title"])] for r in report["cited_by"]]
        if cites:
            print_table("Citation-style links", ["", "Relation", "Via", "Paper"], cites)
        if report["related"]:
            print_table("Related papers", ["Score", "Topic", "Paper", "Year", "Why: method, weight (this paper's link / theirs)"],
                        [[f"{r['score']:.1f}", f"{r['topic']:.2f}", _title(r["title"]), r["year"] or "", _title(_related_why(r["why"]), lines=4)]
                         for r in report["related"]], drop_empty=True)
            say(_related_weights(report["related_weights"]))


def _related_why(matches: list[dict]) -> str:
    """The matches behind a related paper's score: 'Mamba 3.7 (builds on / builds on); S4, parent of Mamba
    1.9 (builds on / introduces)'."""
    cells = []
    for m in matches:
        what = m["theirs"] + (f", {m['lineage']} of {m['method']}" if m["lineage"] else "")
        how = f"{_relation_words(m['mine'])} / {_relation_words(m['their_type'])}"
        shared = f", shared by {m['hub']} papers" if m.get("hub") else ""
        cells.append(f"{what} {m['weight']:.1f} ({how}{', citation' if m['citation'] else ''}{shared})")
    return "; ".join(cells) or "text only (no shared method)"


def _related_weights(w: dict) -> str:
    """How related papers are scored, in one line under their table."""
    return (f"Score: per shared method, log(papers / papers linked to it) x each paper's link weight (introduces "
            f"{w['introduces']:g}, builds on {w['builds_on']:g}, compares to {w['compares_to']:g}, mentions "
            f"{w['mentions']:g}) x {w['title']:g} when this paper's title names it or a paper introduces it, "
            f"{w['repeated']:g} when this abstract names it more than once x {w['citation']:g} for a citation (one "
            f"introduced it) x {w['dataset']:g} for a dataset x {w['lineage']:g} through a catalog parent or "
            f"derivative x {w['hub']:g} / n when n > {w['hub']:g} candidates share the method; the sum x (1 + "
            f"{w['topic']:g} x the two texts' TF-IDF cosine) + {w['topic_alone']:g} x that cosine (the "
            f"{w['neighbours']:g} papers nearest by text are candidates too).")


@app.command("stats")
def stats_command(
    graph: Path = GRAPH_OPT,
    top: int = typer.Option(10, "--top", "-n", min=1, help="How many methods and papers to list."),
    category: Optional[List[str]] = CATEGORY_OPT,
    since: Optional[int] = SINCE_OPT,
    until: Optional[int] = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Counts by node and edge type, most-linked methods and datasets, most compared-to methods, most-connected papers,
    components."""
    from relwork.graph.queries import graph_stats

    with handle_errors():
        G, scope = _scoped(graph, category, since, until)
        stats = graph_stats(G, top=top)
        if as_json:
            print_json(stats)
            return
        rows = [[label, n] for label, n in stats["nodes"].items()]
        rows += [["external papers", stats["external_papers"]], ["catalogued methods", stats["catalogued_methods"]],
                 ["methods linked by papers", stats["linked_methods"]]]
        rows += [[f"edges {t}", n] for t, n in stats["edges"].items()]
        rows += [[f"citations {t}", n] for t, n in stats["citations"].items()]
        c = stats["components"]
        rows += [["components", c["count"]], ["largest component", c["largest"]], ["isolated nodes", c["isolated"]]]
        print_table(f"Graph {graph}{scope}", ["", "Count"], rows)
        print_table("Most-linked methods", ["Method", "Kind", "Papers"],
                    [[r["name"], r["kind"], r["papers"]] for r in stats["top_methods"]])
        print_table("Most-linked datasets", ["Dataset", "Papers"], [[r["name"], r["papers"]] for r in stats["top_datasets"]])
        print_table("Most compared-to methods", ["Method", "Papers comparing"],
                    [[r["name"], r["papers"]] for r in stats["top_compared"]])
        print_table("Most-connected papers", ["Paper", "Year", "Neighbours"],
                    [[r["title"], r["year"] or "", r["neighbours"]] for r in stats["top_papers"]], drop_empty=True)


# @@GRAPH-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# export neo4j|cypher|neo4j-csv, cypher (graph/neo4j)
NEO4J_URI_OPT = typer.Option("bolt://localhost:7687", "--uri", envvar="NEO4J_URI", help="Neo4j bolt/neo4j URI.")
NEO4J_USER_OPT = typer.Option("neo4j", "--user", "-u", envvar="NEO4J_USERNAME", help="Neo4j user name.")
NEO4J_PASSWORD_OPT = typer.Option(
    "", "--password", "-p", envvar="NEO4J_PASSWORD", help="Neo4j password (better: the NEO4J_PASSWORD variable)."
)
NEO4J_DATABASE_OPT = typer.Option(
    None, "--database", "-d", envvar="NEO4J_DATABASE", help="Database name; the server's default if omitted."
)


def _neo4j_connection(uri: str, user: str, password: str, database: Optional[str]) -> Any:
    from relwork.graph.neo4j import Connection

    return Connection(uri=uri, user=user, password=password, database=database or None)


@export_app.command("neo4j")
def export_neo4j_command(
    graph: Path = typer.Argument(..., help="Graph file written by `relwork build`."),
    uri: str = NEO4J_URI_OPT,
    user: str = NEO4J_USER_OPT,
    password: str = NEO4J_PASSWORD_OPT,
    database: Optional[str] = NEO4J_DATABASE_OPT,
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="Rows per write transaction."),
    wipe: bool = typer.Option(False, "--wipe", help="First delete every Paper and Method node (asks unless --yes)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask before --wipe."),
    as_json: bool = JSON_OPT,
) -> None:
    """Write the graph into Neo4j with batched MERGE transactions: the database then holds each exported paper's
    links as the graph has them (stale ones deleted); unchanged nodes are skipped."""
    from relwork.graph.neo4j import export_graph, export_summary

    with handle_errors():
        conn = _neo4j_connection(uri, user, password, database)
        G = _load(graph)
        if wipe and not yes and not typer.confirm(
            f"Delete every Paper and Method node in {conn.describe()} before exporting?", default=False, err=True
        ):
            err.print("Aborted: nothing was written.")
            raise typer.Exit(1)
        with progress_bar("Exporting to Neo4j", G.number_of_nodes() + G.number_of_edges()) as advance:
            result = export_graph(G, conn, batch_size=batch_size, wipe=wipe, progress=advance)
        if as_json:
            print_json(vars(result))
            return
        info(export_summary(result, conn.describe()))


@export_app.command("cypher")
def export_cypher_command(
    graph: Path = typer.Argument(..., help="Graph file written by `relwork build`."),
    output: Path = typer.Option(..., "--output", "-o", help="Cypher script to write."),
) -> None:
    """Write a Cypher script (constraints + batched MERGE statements) for `cypher-shell -f`."""
    from relwork.graph.cypher_script import write_cypher

    with handle_errors():
        refuse_input_as_output([output], [graph])
        written = write_cypher(_load(graph), output)
        info(f"Wrote {written}; run it with: cypher-shell -a bolt://localhost:7687 -u neo4j -f {written}")


@export_app.command("neo4j-csv")
def export_neo4j_csv_command(
    graph: Path = typer.Argument(..., help="Graph file written by `relwork build`."),
    output: Path = typer.Option(..., "--output", "-o", help="Directory for the node and relationship CSV files."),
    database: str = typer.Option("neo4j", "--database", "-d", help="Database name used in the printed command."),
) -> None:
    """Write node/relationship CSV files for `neo4j-admin database import full` and print the command."""
    from relwork.graph.neo4j import constraint_queries
    from relwork.graph.neo4j_csv import write_neo4j_csv

    with handle_errors():
        refuse_input_as_output([output], [graph])
        result = write_neo4j_csv(_load(graph), output, database=database)
        info(
            f"Wrote {len(result.node_files)} node files ({result.nodes} nodes) and {len(result.relationship_files)} "
            f"relationship files ({result.relationships} relationships) to {result.directory}. With the database "
            "stopped (or not yet created), import them with:"
        )
        out.print(result.command, markup=False, highlight=False, soft_wrap=True)
        info("Then, once the server runs, add relwork's uniqueness constraints: " + "; ".join(constraint_queries()))


@app.command("cypher")
def cypher_command(
    query: Optional[str] = typer.Argument(None, help="A read-only Cypher query (omit with --name or --list)."),
    name: Optional[str] = typer.Option(None, "--name", "-n", help="Run this cookbook query instead."),
    param: List[str] = typer.Option([], "--param", "-P", help="Query parameter name=value (value may be JSON); repeatable."),
    list_queries: bool = typer.Option(False, "--list", help="List the cookbook queries and their parameters."),
    family: bool = typer.Option(
        False, "--family", help="With --name: each method also stands for its catalog derivatives; rows name their method."
    ),
    uri: str = NEO4J_URI_OPT,
    user: str = NEO4J_USER_OPT,
    password: str = NEO4J_PASSWORD_OPT,
    database: Optional[str] = NEO4J_DATABASE_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Run a read-only Cypher query (or a named cookbook query) on Neo4j and print the rows.

    A cookbook query's method parameters may name a method family ("state-space models"): its family
    variant then runs, and its rows name the member linked.
    """
    from relwork.core.errors import InputError
    from relwork.graph.neo4j import load_cookbook, parse_params, run_cookbook, run_read_query

    with handle_errors():
        if list_queries:
            cookbook = load_cookbook()
            if as_json:
                print_json([vars(q) for q in cookbook.values()])
                return
            print_table("Cookbook queries (relwork cypher --name NAME --param ...)", ["Name", "Parameters", "Answers"],
                        [[q.name, ", ".join(p + (f"={q.defaults[p]}" if p in q.defaults else "") for p in q.params),
                          q.description] for q in cookbook.values()])
            return
        if (query is None) == (name is None):
            raise InputError("give either a Cypher query or --name NAME (see --list)")
        if family and name is None:
            raise InputError("--family works with --name (a cookbook query), not with a Cypher query")
        conn = _neo4j_connection(uri, user, password, database)
        params = parse_params(param)
        result = run_cookbook(conn, name, params, family=family) if name else run_read_query(conn, query, params)
        _say_resolved(result.resolved)  # --json stays the bare list of rows: only stderr says it
        if as_json:
            print_json(result.records())
            return
        print_table(name or "Query result", result.columns,
                    [[c if isinstance(c, (str, int, float)) or c is None else json.dumps(c, ensure_ascii=False) for c in row]
                     for row in result.rows])
        info(f"{len(result.rows)} row{'' if len(result.rows) == 1 else 's'}")


# @@NEO4J-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# html (viz/)
@app.command("html")
def html_cmd(
    graph: Path = typer.Argument(..., help="Graph file written by `relwork build` (JSON, .json.gz)."),
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="HTML file to write."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Only the neighbourhood of this method (name or alias), method family (all its members) or paper (title, arXiv id, DOI)."),
    depth: int = typer.Option(2, "--depth", min=0, help="With --focus: how many links away from it to go."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="Keep only the N most connected nodes."),
    physics: Optional[bool] = typer.Option(None, "--physics/--no-physics", help="Force vis-network physics on or off (default: on up to 800 nodes)."),
    as_json: bool = JSON_OPT,
) -> None:
    """Write an interactive, offline HTML view of a graph: search, filters, details with evidence."""
    with handle_errors():
        from relwork.graph.io import load_graph
        from relwork.viz import write_html
        from relwork.viz.html import select_nodes

        refuse_input_as_output([output], [graph])
        G = load_graph(graph)
        if focus is None and depth != 2:
            err.print("Note: --depth only applies with --focus; drawing the whole graph.", markup=False, highlight=False)
        centre = None if focus is None else _resolve_named(G, focus)
        path = write_html(G, output, focus=centre, depth=depth, max_nodes=max_nodes, physics=physics)
        drawn = G.subgraph(select_nodes(G, focus=centre, depth=depth, max_nodes=max_nodes))
        summary = {"path": str(path), "bytes": path.stat().st_size,
                   "nodes": drawn.number_of_nodes(), "edges": drawn.number_of_edges(),
                   "graph_nodes": G.number_of_nodes(), "graph_edges": G.number_of_edges()}
        if as_json:
            print_json(summary | (_resolved_from(centre) if centre is not None else {}))
        else:
            info(f"Wrote {path} ({summary['bytes'] / 1e6:.1f} MB, {summary['nodes']:,} of "
                 f"{summary['graph_nodes']:,} nodes); open it in a browser, no network needed.")


# @@HTML-COMMANDS@@


GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose")
GLOBAL_OPTIONS = ("--width",)  # global options that take a value


def _split_global_flags(argv: List[str]) -> tuple[List[str], List[str]]:
    """The global flags and options (-q, -v, --width N) in ``argv`` before any '--', and the rest in order."""
    end = argv.index("--") if "--" in argv else len(argv)
    flags: List[str] = []
    rest: List[str] = []
    i = 0
    while i < end:
        a = argv[i]
        if a in GLOBAL_FLAGS or a.split("=", 1)[0] in GLOBAL_OPTIONS and "=" in a:
            flags.append(a)
        elif a in GLOBAL_OPTIONS and i + 1 < end:
            flags += argv[i : i + 2]
            i += 1
        else:
            rest.append(a)
        i += 1
    return flags, rest + argv[end:]


def hoist_global_flags(argv: List[str]) -> List[str]:
    """Move -q/-v/--width N written after the command name to the front: `relwork build -q ...` works too."""
    flags, rest = _split_global_flags(argv)
    return flags + rest


def main() -> None:
    """Console-script entry point; the process ends after it."""
    flags, rest = _split_global_flags(sys.argv[1:])
    try:
        app(args=flags + rest, prog_name="relwork")
    finally:
        if rest[:1] == ["link"]:
            # what a link run made (catalog, compiled tables, patterns: ~10^6 objects) lives until the process
            # ends; frozen, the collector does not walk it all once more at interpreter shutdown (~70 ms). The
            # command has closed its files by now, so nothing waits for a collection.
            gc.freeze()


if __name__ == "__main__":
    main()
