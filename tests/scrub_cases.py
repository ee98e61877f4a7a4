"""The identifier scrubber's evaluation stories (tests/data/scrub_*.txt), read into plain text
with the annotated spans: [[text|TYPE]] an identifier that must be found, {{text}} a trap
that must survive. Shared by the tests and bench/scrub_bench.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Every evaluation set, the newest held-out set first: the tuning set the rules were written
# against, the second set whose misses shaped them, then each held-out set in turn.
SETS = (
    *(f"scrub_heldout_es_{n}.txt" for n in range(53, 0, -1)),  # written in Spanish
    *(f"scrub_heldout_{n}.txt" for n in range(85, 1, -1)),
    "scrub_second_set.txt",
    "scrub_tuning.txt",
)
# The newest held-out sets, which the scrubber's learnt tagger never trains on
# (devtools' train_scrub_tagger): they measure it on stories it has not seen.
UNSEEN = (
    "scrub_heldout_85.txt",
    "scrub_heldout_es_53.txt",
    "scrub_heldout_84.txt",
    "scrub_heldout_es_52.txt",
    "scrub_heldout_83.txt",
    "scrub_heldout_es_51.txt",
    "scrub_heldout_82.txt",
    "scrub_heldout_es_50.txt",
    "scrub_heldout_81.txt",
    "scrub_heldout_es_49.txt",
    "scrub_heldout_80.txt",
    "scrub_heldout_es_48.txt",
    "scrub_heldout_79.txt",
    "scrub_heldout_es_47.txt",
    "scrub_heldout_78.txt",
    "scrub_heldout_es_46.txt",
    "scrub_heldout_77.txt",
    "scrub_heldout_es_45.txt",
    "scrub_heldout_76.txt",
    "scrub_heldout_es_44.txt",
    "scrub_heldout_75.txt",
    "scrub_heldout_es_43.txt",
    "scrub_heldout_74.txt",
    "scrub_heldout_es_42.txt",
    "scrub_heldout_73.txt",
    "scrub_heldout_es_41.txt",
    "scrub_heldout_72.txt",
    "scrub_heldout_es_40.txt",
    "scrub_heldout_71.txt",
    "scrub_heldout_70.txt",
    "scrub_heldout_es_39.txt",
    "scrub_heldout_69.txt",
    "scrub_heldout_68.txt",
    "scrub_heldout_67.txt",
    "scrub_heldout_es_38.txt",
)
_MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]|\{\{(.+?)\}\}")


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    type: str  # the identifier's type, or "TRAP"


@dataclass(frozen=True)
class Story:
    voice: str
    text: str
    identifiers: tuple[Marked, ...]
    traps: tuple[Marked, ...]


def load(name: str) -> list[Story]:
    raw = (DATA / name).read_text()
    lines = [line for line in raw.splitlines() if not line.startswith("#")]
    stories = []
    for block in "\n".join(lines).split("\n---\n"):
        block = block.strip()
        if not block:
            continue
        head, _, body = block.partition("\n")
        if not head.startswith("voice: "):
            raise ValueError(f"{name}: a story must start with 'voice: …', not {head!r}")
        stories.append(_story(head.removeprefix("voice: ").strip(), body.strip(), name))
    return stories


def _story(voice: str, marked: str, name: str) -> Story:
    text: list[str] = []
    identifiers: list[Marked] = []
    traps: list[Marked] = []
    at = position = 0
    for match in _MARK.finditer(marked):
        text.append(marked[at : match.start()])
        position += match.start() - at
        value = match.group(1) or match.group(3)
        if "[[" in value or "{{" in value or "|" in value:
            raise ValueError(f"{name}: nested or broken mark {match.group(0)!r}")
        span = Marked(position, position + len(value), match.group(2) or "TRAP")
        (identifiers if match.group(2) else traps).append(span)
        text.append(value)
        position += len(value)
        at = match.end()
    text.append(marked[at:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain or "{{" in plain or "}}" in plain:
        raise ValueError(f"{name}: an unclosed mark in {plain[:60]!r}")
    return Story(voice, plain, tuple(identifiers), tuple(traps))
