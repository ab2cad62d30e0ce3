"""Hugging Face daily-papers listings copied as text (the seed format of ``examples/hf-papers``).

After the page chrome ('new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers',
'byAK and the research community', the date line 'Mar 11', navigation such as 'Submit' or 'Previous')
the non-blank lines alternate: a title line, then its abstract line. Chrome lines are recognised by exact
text wherever they occur, so a listing pasted with chrome between papers still pairs up. A line too long
to be a title where a title is expected means the pairing broke (a title line is missing): that line is
reported and skipped, and pairing resumes on the next line. A title-shaped line where an abstract is
expected (one sentence without a final full stop) is never taken as the abstract: it is the rest of
a wrapped title, or the next title after a missing abstract (the title left without one is reported).
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


# a title line ending in one of these words (or in ':', ',', '-') goes on in the next line
_JOINERS = frozenset(
    "a an the of and or for with to in on via from by at as into towards toward without using through under "
    "over beyond versus vs is are".split()
)
_FULL_STOP = (".", '."', ".)", ".'")  # not '?' or '!': titles end so ('Do Transformers Really Perform Bad?')


def is_title_shaped(line: str) -> bool:
    """A line that cannot be an abstract where one is expected: one sentence without a final full stop
    (an abstract has several sentences, or ends with a full stop)."""
    text = line.strip()
    return ". " not in text and not text.endswith(_FULL_STOP)


def continues_title(title: str, line: str) -> bool:
    """Whether ``line`` is the rest of a title wrapped over two lines: the title ends with a word or
    character that cannot end one ('of', 'the', ':'), or the line starts with an all-lower-case word."""
    last = title.rstrip().rsplit(None, 1)[-1]
    first = line.strip().split(None, 1)[0]
    return last.lower() in _JOINERS or last.endswith((":", ",", "-")) or (first.isalpha() and first.islower())


def read_hf_daily(text: TextFile) -> Iterator[Paper | Problem]:
    """Title/abstract pairs of a daily-papers listing, each located at its title line.

    Where an abstract is expected, a title-shaped line is not taken as one: it continues a title wrapped
    over two lines (``continues_title``), or it is the next paper's title and the pending title, whose
    abstract is missing, is reported and skipped.
    """
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
        if is_title_shaped(line):
            joined = f"{title[1].strip()} {line.strip()}"
            if len(joined) <= MAX_TITLE and continues_title(title[1], line):
                title = (title[0], joined)  # the title wraps: its abstract is still to come
                continue
            yield text.utf8_problem(title[0]) or text.problem(
                title[0], f"title without an abstract (line {number} is title-shaped: one sentence without a final full stop)"
            )
            title = (number, line)
            continue
        yield make_paper(text, title[0], title[1], line, last_line=number)
        title = None
    if title is not None:
        yield text.utf8_problem(title[0]) or text.problem(title[0], "title without an abstract (end of file)")
