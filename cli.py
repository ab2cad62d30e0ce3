"""The ``relwork`` command line: a thin layer over the library.

Each command checks its arguments, calls one library function, prints the result (a rich table, or JSON
with ``--json``) and maps ``RelworkError`` to a one-line message and the error's exit code. No command
holds logic of its own.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from relwork import __version__
from relwork.core.errors import RelworkError

app = typer.Typer(
    name="relwork",
    help="Turn paper abstracts into a citation-style knowledge graph of related work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export a graph: graphml, gexf, csv, neo4j, cypher, neo4j-csv.", no_args_is_help=True)
app.add_typer(export_app, name="export")

out = Console()
err = Console(stderr=True)


class State:
    """Global options set by the app callback (verbosity)."""

    quiet = False
    verbose = False


def _version(value: bool) -> None:
    if value:
        out.print(f"relwork {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors; no progress bars or summaries."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also report every skipped record."),
) -> None:
    State.quiet = quiet
    State.verbose = verbose


# ---------------------------------------------------------------------------------------------------
# shared options and helpers: every command reuses these
JSON_OPT = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
CATALOG_OPT = typer.Option(None, "--catalog", help="Extra catalog file (JSON Lines) that adds or overrides methods.")
FORMAT_OPT = typer.Option(None, "--format", "-f", help="Input format name; detected from extension and content if omitted.")
STRICT_OPT = typer.Option(False, "--strict", help="Stop at the first bad record instead of skipping it.")


@contextlib.contextmanager
def handle_errors() -> Iterator[None]:
    """Turn a RelworkError into 'Error: message' on stderr and the error's exit code."""
    try:
        yield
    except RelworkError as exc:
        err.print(f"[red]Error:[/red] {exc}", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("Interrupted.")
        raise typer.Exit(130) from None


@contextlib.contextmanager
def progress_bar(description: str, total: Optional[int] = None) -> Iterator[Any]:
    """A rich progress bar on a terminal; a no-op callback when quiet or not a terminal.

    Yields ``advance(n=1)``; library functions take it as their ``progress`` callback.
    """
    if State.quiet or not err.is_terminal:
        yield lambda n=1: None
        return
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def print_json(data: Any) -> None:
    """Write JSON to stdout (no rich markup, no wrapping)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_table(title: str, columns: List[str], rows: List[List[Any]]) -> None:
    """Print a rich table; cell text is never interpreted as markup."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[_plain(cell) for cell in row])
    out.print(table)


def _plain(value: Any) -> Any:
    from rich.text import Text

    return Text("" if value is None else str(value))


def info(message: str) -> None:
    """A summary line on stderr unless --quiet."""
    if not State.quiet:
        err.print(message, markup=False, highlight=False)


# ---------------------------------------------------------------------------------------------------
# load (loaders/)
MAX_LISTED_PROBLEMS = 10


@app.command("load")
def load_command(
    files: List[Path] = typer.Argument(..., help="Paper files in any supported format, optionally gzipped."),
    format: Optional[str] = FORMAT_OPT,
    strict: bool = STRICT_OPT,
    as_json: bool = JSON_OPT,
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Also write the merged papers as JSON Lines to this file."
    ),
) -> None:
    """Load paper files, merge duplicates, and report per file: read, kept, merged, skipped.

    Formats: hf-daily, json, csv, arxiv, arxiv-atom, s2, openalex, bibtex (detected when --format is
    omitted). Exit code 0 when every record loaded; 2 when any file or record was skipped (or, with
    --strict, at the first problem).
    """
    from relwork.core.errors import InputError
    from relwork.loaders import load_papers
    from relwork.loaders.jsonrecords import write_jsonl

    with handle_errors():
        with progress_bar("Loading") as advance:
            result = load_papers(files, format=format, strict=strict, progress=advance)
        if output is not None:
            write_jsonl(result.papers, output)
        if as_json:
            print_json(result.to_dict())
        else:
            rows = [[r.path, r.format or "-", r.read, r.kept, r.merged, len(r.skipped)] for r in result.files]
            rows.append(["total", "", result.read, result.kept, result.merged, len(result.problems)])
            print_table("Loaded papers", ["File", "Format", "Read", "Kept", "Merged", "Skipped"], rows)
            problems = result.problems
            shown = problems if State.verbose else problems[:MAX_LISTED_PROBLEMS]
            for problem in shown:
                err.print(f"skipped {problem}", markup=False, highlight=False, soft_wrap=True)
            if len(shown) < len(problems):
                err.print(
                    f"... and {len(problems) - len(shown)} more skipped; use -v to list them all",
                    markup=False,
                    highlight=False,
                )
            info(
                f"{len(result.papers)} papers from {len(result.files)} file(s): {result.read} records read, "
                f"{result.merged} duplicates merged, {len(problems)} skipped"
                + (f"; written to {output}" if output is not None else "")
            )
        if not result.ok:
            raise typer.Exit(InputError.exit_code)


# @@LOAD-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# link, evaluate (linker/)
# @@LINK-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# build, export graphml|gexf|csv, bridge, method, paper, stats (graph/)
# @@GRAPH-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# export neo4j|cypher|neo4j-csv, cypher (graph/neo4j)
# @@NEO4J-COMMANDS@@

# ---------------------------------------------------------------------------------------------------
# html (viz/)
# @@HTML-COMMANDS@@


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
