"""One exception hierarchy for relwork.

Library code raises these and never prints or exits; the CLI maps them to a message and an exit code.
Messages name the file, line, record or value at fault.
"""

from __future__ import annotations


class RelworkError(Exception):
    """Base class of every error relwork reports to a user."""

    exit_code = 1


class InputError(RelworkError):
    """Bad input: missing file, unknown format, malformed record.

    ``path`` and ``line`` locate the problem when known (line is 1-based; for BibTeX it is the entry's
    first line).
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")


class NothingLinkedError(InputError):
    """No paper could be linked, so an output file was left as it was (``link_files`` with a path, as
    ``relwork link -o``). ``problems`` are the skipped files and records, the first five named in the message."""

    def __init__(self, output: str, problems: list):
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f"; and {len(self.problems) - 5} more" if len(self.problems) > 5 else ""
        super().__init__(f"no paper could be linked; {output} was left unchanged"
                         + (f" ({shown}{more})" if shown else " (the input holds no records)"))


class CatalogError(RelworkError):
    """An invalid method catalog (built-in or a user's --catalog file)."""

    exit_code = 3


class GraphError(RelworkError):
    """A graph file that cannot be read, or a query about a node that does not exist."""

    exit_code = 4


class ExportError(RelworkError):
    """A failed export: Neo4j unreachable, wrong credentials, a write that failed mid-way, ..."""

    exit_code = 5
