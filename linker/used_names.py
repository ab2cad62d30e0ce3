"""Names a paper uses rather than introduces: editions of catalogued datasets and hardware it runs on.

Introduced-name detection reads cues ("a new ... Sentinel-2 benchmark archive", "two benchmark tasks, namely
Microsoft COCO and Pascal VOC 2012", the title prefix "DCASE 2019:"), and a name it credits wrongly does
double harm: the paper's record claims it, and every other paper of the corpus writing the name gets a
citation edge to the paper. Two kinds of such names are recognisable without the cue:

* **An edition of a catalogued dataset, benchmark or challenge**: a catalogued dataset name plus a year
  ("Pascal VOC 2012", "SemEval 2019", "ISIC-2017", "iWildCam 2019"). The edition belongs to the dataset;
  a paper introduces it only when it is the catalog's introducing paper of that dataset or when it sets up
  the edition: its title names the edition's challenge or dataset ("The iWildCam 2019 Challenge Dataset"),
  or opens with the edition while the abstract reports who took part ("ASVspoof 2019: Future Horizons ...";
  "DCASE 2019: CNN depth analysis ..." is a participant's). A task of an edition ("SemEval-2019 Task 6") is a
  name of its own and is left alone.
* **Hardware**: a name the paper writes as a robot, satellite or similar device ("the quadrupedal robot
  ANYmal", "a PR2 robot", "Sentinel-2 imagery"), or as the source of its images ("Sentinel-2 image
  patches", "CT images"), is the platform it works on; unless its title names it ("Raven: Open Surgical
  Robotic Platforms" presents that platform). And a paper that writes another paper's introduced name as a
  device ("on a PR2 robot") means the device, not that paper's coinage ("probabilistic recursive reasoning
  (PR2)"): its mentions of the name link to nothing (``device_mentions``).
"""

from __future__ import annotations

import re
from typing import Iterable

from relwork.core.records import Introduced, Paper
from relwork.linker.catalog import CatalogEntry, alias_key
from relwork.linker.sentences import start_of_sentence

# 'VOC 2012', 'ISIC-2017', 'SemEval_2019', "THUMOS'14", 'DCASE 2019 challenge'
_EDITION = re.compile(
    r"(?P<base>.*?[A-Za-z].*?)[\s\-_]*(?:(?:19|20)\d\d|'\d\d)"
    r"(?:\s+(?:challenge|competition|shared\s+task|dataset|benchmark|workshop))?",
    re.I,
)
_ORGANISER_TITLE_WORDS = re.compile(r"\s+(?:challenge|competition|dataset|benchmark|corpus|database)\b", re.I)
_PARTICIPATION = re.compile(r"\b(?:participants|participating|participation|participated|submissions)\b|\bteams\b")

# devices a paper runs on: 'a PR2 robot', 'ANYmal quadruped robot', 'Sentinel-2 imagery', 'the humanoid robot NAO'
_DEVICE_AFTER = re.compile(
    r"(?:(?:humanoid|quadruped|quadrupedal|legged|mobile|service|dual-arm|research|robotic)\s+)?"
    r"(?:robots?|humanoids?|quadrupeds?|manipulators?|satellites?|imagery|missions?|rovers?|drones?)\b",
    re.I,
)
_DEVICE_BEFORE = re.compile(r"(?:robot|humanoid|quadruped|quadrupedal|manipulator|satellites?|rover|drone)\s+$", re.I)
# what a paper's own images come from: 'Sentinel-2 image patches', 'CT images' (never what the paper introduces;
# a mention of another paper's dataset, 'Hotels-50K images', still links that dataset)
_IMAGES_AFTER = re.compile(r"images?\b", re.I)


class DatasetEditions:
    """Catalogued dataset entries by the alias key of each surface, for reading 'NAME YEAR' as an edition."""

    def __init__(self, entries: Iterable[CatalogEntry]):
        self._by_key: dict[str, CatalogEntry] = {}
        for entry in entries:
            if entry.kind == "dataset":
                for surface in entry.surfaces:
                    self._by_key.setdefault(alias_key(surface), entry)

    def edition_of(self, name: str, paper: Paper) -> CatalogEntry | None:
        """The catalogued dataset ``name`` is an edition of ('Pascal VOC 2012': Pascal VOC) when ``paper`` is
        the introducing paper of neither that dataset nor of ``name`` itself (a catalogued 'ICDAR 2015'), else
        None."""
        match = _EDITION.fullmatch(name)
        if match is None:
            return None
        entry = self._by_key.get(alias_key(match.group("base")))
        if entry is None:
            return None
        itself = self._by_key.get(alias_key(name))
        if any(e is not None and e.is_introduced_by(paper.arxiv_id, paper.title) for e in (entry, itself)):
            return None
        return entry


def _organiser(name: str, paper: Paper) -> bool:
    """Whether ``paper`` sets up the edition ``name``: its title names the edition's challenge or dataset
    ('The iWildCam 2019 Challenge Dataset'), or opens with the edition alone ('ASVspoof 2019: Future
    Horizons ...') while the abstract reports who took part. A title that only opens with it ('DCASE 2019:
    CNN depth analysis ...') is a participant's, one naming a task after it ('SemEval 2019 Task 1: ...') a
    task's."""
    title = paper.title
    at = title.find(name)
    if at == -1:
        return False
    end = at + len(name)
    if _ORGANISER_TITLE_WORDS.match(title, end):
        return True
    return title[:at].strip().lower() in ("", "the") and title[end:].lstrip().startswith(":") and bool(
        _PARTICIPATION.search(paper.abstract))


# the first mention of a name written as a task or problem: 'the ... (DLI) task', 'the Outline Generation (OG) task',
# 'a new task named Story Ending Generation (SEG)', 'the problem of zero-shot ... (ZSSLR)'
_TASK_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?\)?\s*(?:tasks?|problems?|settings?)\b")
_TASK_BEFORE = re.compile(
    r"\b(?:(?:new|novel)\s+(?:[\w\-]+\s+)?(?:task|problem|setting)s?\s*,?\s*(?:(?:called|named|termed|dubbed)\s+)?"
    r"|(?:task|problem)\s+of\s+)(?:the\s+)?$"
)
# a comparison or a prior-work word, then the naming word right before a name: someone else's method (not
# 'baselines': a paper builds its own, 'two one-stage baselines called PSGTR and PSGFormer')
_OTHERS_NAMED = re.compile(
    r"\b(?:compar\w*|against|than|outperform\w*|state[- ]of[- ]the[- ]art|existing|previous|recent|popular|"
    r"well-known|conventional|standard|classical|traditional)\b[^.;:]{0,60}?\b(?:namely|called|named|dubbed|termed)\s*,?\s*"
    r"(?:the\s+)?$"
)
# the paper bringing something in ('we introduce a version of the traditional CYK algorithm, called D-CYK'); not 'our'
# or 'the proposed', which a comparison has as its subject ('the proposed transforms ... compared to ... namely HEVC')
_OWN_CUE = re.compile(
    r"\b(?:[Nn]ew|[Nn]ovel|(?:[Ww]e|[Tt]his\s+(?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|"
    r"devise|build|construct|create|call|term|name|dub)[sd]?)\b"
)
_TASK_TITLE = re.compile(r"\b(?:task|problem)s?\b", re.I)
_DATASET_WORD = re.compile(r"\b(?:datasets?|data\s+sets?|benchmarks?|corpus|corpora)\b", re.I)


def _first_mention(intro: Introduced, abstract: str) -> tuple[int, int] | None:
    """(start, end) of the abstract's first mention of ``intro`` (its name or an alias), or None."""
    first: tuple[int, int] | None = None
    for surface in (intro.name, *intro.aliases):
        at = abstract.find(surface)
        if at != -1 and (first is None or at < first[0]):
            first = (at, at + len(surface))
    return first


def _posed_as_task(abstract: str, at: int, end: int) -> bool:
    """Whether the mention ``abstract[at:end]`` writes a task or problem the paper poses, with no dataset in the
    same sentence (see the module docstring)."""
    if not (_TASK_AFTER.match(abstract, end) or _TASK_BEFORE.search(abstract, max(0, at - 45), at)):
        return False
    stop = abstract.rfind(". ", 0, at)
    close = abstract.find(". ", end)
    return not _DATASET_WORD.search(abstract, stop + 1 if stop != -1 else 0, close if close != -1 else len(abstract))


def _named_as_others(abstract: str, at: int) -> bool:
    """Whether the mention at ``at`` names someone else's method: its sentence compares with or recalls earlier
    work right before the naming word ('compared to state of the art encoders namely HEVC', 'a recent variant
    called ASG', 'outperforms the state-of-the-art method called WPE') and holds no own cue before it ('we
    introduce a version of the traditional CYK algorithm, called D-CYK' is the paper's; see :data:`_OWN_CUE`)."""
    start = start_of_sentence(abstract, at)
    return bool(_OTHERS_NAMED.search(abstract, max(start, at - 120), at)) and not _OWN_CUE.search(abstract, start, at)


def _written_as_device(name: str, text: str, images: bool = False) -> bool:
    """Whether ``text`` writes ``name`` as a device: followed by 'robot', 'satellite', 'imagery' ...
    ('a PR2 robot', 'Sentinel-2 imagery') or right after one ('the quadrupedal robot ANYmal'); with
    ``images`` also followed by 'image(s)' ('590,326 Sentinel-2 image patches')."""
    start = 0
    while (at := text.find(name, start)) != -1:
        start = at + len(name)
        if (at and (text[at - 1].isalnum() or text[at - 1] == "-")) or (start < len(text) and (text[start].isalnum() or text[start] == "-")):
            continue  # part of a longer token
        if text.startswith(" ", start) and (
            _DEVICE_AFTER.match(text, start + 1) or (images and _IMAGES_AFTER.match(text, start + 1))
        ):
            return True
        if _DEVICE_BEFORE.search(text, max(0, at - 25), at):
            return True
    return False


def drop_used_names(paper: Paper, found: list[Introduced], editions: DatasetEditions) -> list[Introduced]:
    """``found`` without the names ``paper`` uses rather than introduces (see the module docstring): editions
    of catalogued datasets it is not the introducing paper of, devices it writes as such, unless the
    title names it (a paper titled 'Raven: Open Surgical Robotic Platforms' presents that platform), and tasks
    it poses."""
    if not found:
        return found
    text = None
    kept = []
    for intro in found:
        if editions.edition_of(intro.name, paper) is not None and not _organiser(intro.name, paper):
            continue
        if text is None:
            text = paper.title + " . " + paper.abstract
        if intro.evidence != paper.title and _written_as_device(intro.name, text, images=True):
            continue
        mention = _first_mention(intro, paper.abstract) if intro.evidence != paper.title or _TASK_TITLE.search(paper.title) else None
        if mention and (_posed_as_task(paper.abstract, *mention) or _named_as_others(paper.abstract, mention[0])):
            continue  # a title's name is the paper's own unless the title calls it a task ('A Novel Task for ...')
        kept.append(intro)
    return kept


def device_mentions(names: Iterable[str], title: str, abstract: str) -> set[str]:
    """Which of ``names`` (other papers' introduced names this paper mentions) the paper writes as a device
    ('a PR2 robot', 'Sentinel-2 imagery'): there the name is the robot or satellite, not another paper's
    coinage of it ('probabilistic recursive reasoning (PR2)'), so none of its mentions links to that paper."""
    text = title + " . " + abstract
    return {name for name in names if _written_as_device(name, text)}
