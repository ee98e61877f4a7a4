#!/usr/bin/env python3
"""How lib/risk.py does on text it was not tuned on, and how fast.

Reads tests/data/risk_heldout_3.json (written after the rules last changed, never used to change
them), tests/data/risk_heldout_2.json and risk_second_set.json (former held-out sets whose
misses shaped rules) and tests/data/risk_cases.json (the tuning set, for comparison), and prints
per set: cases per
expected level and how many got that level, acute cases missed, traps flagged, and texts per
second on one core.

    .venv/bin/python bench/risk_bench.py
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alongside.lib.risk import ACUTE, NONE, assess  # noqa: E402 - plain module, no Django


def report(name: str) -> None:
    cases = json.loads((ROOT / "tests" / "data" / name).read_text())["cases"]
    got = [assess(c["text"]).level for c in cases]
    right = Counter(c["level"] for c, g in zip(cases, got, strict=True) if c["level"] == g)
    total = Counter(c["level"] for c in cases)
    print(f"\n{name}: {len(cases)} cases, {sum(right.values())} right")
    for level in (ACUTE, "distress", NONE):
        print(f"  {level:<11} {right[level]:>3} / {total[level]:<3}")
    missed = [
        c["text"] for c, g in zip(cases, got, strict=True) if c["level"] == ACUTE and g != ACUTE
    ]
    flagged = [
        c["text"] for c, g in zip(cases, got, strict=True) if c["level"] == NONE and g == ACUTE
    ]
    acute_total = total[ACUTE]
    others = len(cases) - acute_total
    not_flagged = sum(
        1 for c, g in zip(cases, got, strict=True) if c["level"] != ACUTE and g != ACUTE
    )
    print(
        f"  acute risk: recall {right[ACUTE] / acute_total:.2f} ({right[ACUTE]}/{acute_total}), "
        f"specificity {not_flagged / others:.2f} ({not_flagged}/{others})"
    )
    print(f"  acute missed: {len(missed)}; traps shown the crisis lines: {len(flagged)}")
    for text in missed:
        print(f"    missed: {text}")
    for text in flagged:
        print(f"    flagged: {text}")


def main() -> None:
    report("risk_heldout_3.json")
    report("risk_heldout_2.json")
    report("risk_second_set.json")
    report("risk_cases.json")
    text = " ".join(
        c["text"] for c in json.loads((ROOT / "tests/data/risk_cases.json").read_text())["cases"]
    )
    entry = (text + " ") * 2  # about a page and a half of writing
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < 3:
        assess(entry)
        n += 1
    per = (time.perf_counter() - started) / n
    print(
        f"\nspeed: {len(entry)} characters in {per * 1000:.1f} ms "
        f"({1 / per:.0f} entries/s, one core)"
    )


if __name__ == "__main__":
    main()
