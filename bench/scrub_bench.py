#!/usr/bin/env python3
"""The identifier scrubber on clinicians' stories: what leaks, what is over-redacted, how fast.

Reads the annotated stories in tests/data/: the newest held-out set, scrub_heldout_19.txt
(measured once before round 16, which came from its misses), the earlier held-out sets 18 to 2
and scrub_second_set.txt (whose misses then shaped rules) and scrub_tuning.txt (which the rules
were written against), and prints per set:

- token recall, precision and F2 (recall weighted four times precision): a token of an
  annotated identifier is caught when a span covers it; a redacted token outside every
  identifier is a false positive;
- span recall per type (a span is caught when every one of its tokens is), and for numbers,
  emails and URLs together;
- the share of stories with no leaked identifier, and the share of traps redacted;
- stories per second on one core.

Targets (issue 5): ≥ 98% of spans; 100% of numbers, emails and URLs; ≥ 95% of stories fully
clean; ≤ 15% of traps redacted; ≥ 20 stories a second.

    .venv/bin/python bench/scrub_bench.py
    .venv/bin/python bench/scrub_bench.py --misses        # list each leak and each trap hit
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alongside.lib.scrub import Span, find  # noqa: E402 - plain module, no Django
from tests.scrub_cases import SETS, Marked, Story, load  # noqa: E402

EXACT_TYPES = {"PHONE", "EMAIL", "URL", "IP", "ID"}
TOKEN = re.compile(r"\w+")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


def covered(token: tuple[int, int], spans: list[Span]) -> bool:
    return any(s.start <= token[0] and token[1] <= s.end for s in spans)


def caught(story: Story, marked: Marked, spans: list[Span]) -> bool:
    return all(covered(t, spans) for t in tokens(story.text, marked.start, marked.end))


def evaluate(name: str, *, misses: bool) -> None:
    stories = load(name)
    # Warm up: the lists, the model and the English and Spanish word frequencies load on the
    # first call that needs them, once per process; the figure is for a running server.
    find("Warm up: the lists and the model load on the first call, in Oban.")
    find("Su hija Maribel llegó tarde al Hospital de Cabueñes el martes.")
    # … and the lists that only notes typed in small letters read (towns, world first names).
    find("paramedic out of truro. mrs pugh, 80, died at home in moffat on boxing day")
    find("técnico en lugo. una señora de 90, doña pura, murió en la aldea de becerreá")
    started = time.perf_counter()
    found = [find(story.text) for story in stories]
    elapsed = time.perf_counter() - started
    tp = fn = fp = 0
    by_type: Counter[str] = Counter()
    caught_by_type: Counter[str] = Counter()
    clean = traps = traps_hit = 0
    for story, spans in zip(stories, found, strict=True):
        inside = [t for m in story.identifiers for t in tokens(story.text, m.start, m.end)]
        for token in inside:
            if covered(token, spans):
                tp += 1
            else:
                fn += 1
        inside_set = set(inside)
        for span in spans:
            for token in tokens(story.text, span.start, span.end):
                if token not in inside_set:
                    fp += 1
        leaked = False
        for marked in story.identifiers:
            by_type[marked.type] += 1
            if caught(story, marked, spans):
                caught_by_type[marked.type] += 1
            else:
                leaked = True
                if misses:
                    print(f"  LEAK {marked.type:8} {story.text[marked.start : marked.end]!r}")
        clean += not leaked
        for trap in story.traps:
            traps += 1
            if any(s.start < trap.end and trap.start < s.end for s in spans):
                traps_hit += 1
                if misses:
                    print(f"  TRAP hit {story.text[trap.start : trap.end]!r}")
        if misses:
            for span in spans:
                if not any(
                    m.start < span.end and span.start < m.end for m in story.identifiers
                ) and not any(t.start < span.end and span.start < t.end for t in story.traps):
                    print(f"  EXTRA {span.type:8} {span.text!r}")
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    spans_total = sum(by_type.values())
    exact_total = sum(by_type[t] for t in EXACT_TYPES)
    exact_caught = sum(caught_by_type[t] for t in EXACT_TYPES)
    print(f"\n{name}: {len(stories)} stories, {spans_total} identifiers, {traps} traps")
    print(f"  token recall {recall:.3f}  precision {precision:.3f}  F2 {f2:.3f}")
    print(
        f"  spans caught {sum(caught_by_type.values())}/{spans_total} "
        f"({sum(caught_by_type.values()) / spans_total:.1%}); numbers, emails, URLs "
        f"{exact_caught}/{exact_total} ({exact_caught / exact_total if exact_total else 1:.1%})"
    )
    for kind in sorted(by_type):
        print(f"    {kind:9} {caught_by_type[kind]:>3}/{by_type[kind]:<3}")
    print(f"  stories with no leak {clean}/{len(stories)} ({clean / len(stories):.1%})")
    print(f"  traps redacted {traps_hit}/{traps} ({traps_hit / traps if traps else 0:.1%})")
    print(f"  {len(stories) / elapsed:.0f} stories a second (one core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--set", choices=SETS, action="append")
    args = parser.parse_args()
    for name in args.set or SETS:
        if (ROOT / "tests" / "data" / name).exists():
            evaluate(name, misses=args.misses)


if __name__ == "__main__":
    main()
