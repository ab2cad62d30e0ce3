"""Hugging Face daily-papers listings copied as text (the seed format of ``examples/hf-papers``).

After the page chrome ('new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers',
'byAK and the research community', the date line 'Mar 11', navigation such as 'Submit' or 'Previous')
the non-blank lines alternate: a title line, then its abstract line. Chrome lines are recognised by exact
text wherever they occur, so a listing pasted with chrome between papers still pairs up. A line too long
to be a title where a title is expected means the pairing broke (a title line is missing): that line is
reported and skipped, and pairing resumes on the next line.
"""

from __future__ import annotations

import re
from typing import Iterator

from relwork.core.records import Paper, squash_whitespace
from relwork.loaders.base import Problem, TextFile, make_paper

CHROME = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "daily papers",
        "byak and the research community",
        "by ak and the research community",
        "submit",
        "submit paper",
        "submit a paper",
        "previous",
        "next",
        "trending",
        "papers",
        "collections",
        "search",
        "upvote",
        "hugging face",
    }
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_LONGEST_CHROME = max(map(len, CHROME))  # longer lines (every abstract) skip the set lookup
_DATE = re.compile(rf"^(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})$", re.I)
_COUNT = re.compile(r"^[\d,.]+k?$", re.I)  # upvote / comment counts
MAX_TITLE = 300


def is_chrome(line: str) -> bool:
    """True for a page-chrome line of the listing (not part of any paper)."""
    text = squash_whitespace(line)
    if len(text) <= _LONGEST_CHROME and text.lower() in CHROME:
        return True
    return bool(_DATE.match(text)) or bool(_COUNT.match(text))


def read_hf_daily(text: TextFile) -> Iterator[Paper | Problem]:
    """Title/abstract pairs of a daily-papers listing, each located at its title line."""
    title: tuple[int, str] | None = None
    for number, line in text.lines():
        if not line.strip() or is_chrome(line):
            continue
        if title is None:
            if len(line.strip()) > MAX_TITLE:
                bad = text.utf8_problem(number)
                yield bad or text.problem(
                    number, f"abstract without a title ({len(line.strip())} characters, too long for a title)"
                )
                continue
            title = (number, line)
            continue
        yield make_paper(text, title[0], title[1], line, last_line=number)
        title = None
    if title is not None:
        yield text.utf8_problem(title[0]) or text.problem(title[0], "title without an abstract (end of file)")
