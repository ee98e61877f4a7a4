#!/usr/bin/env python3
"""How lib/risk.py does on writing it never saw, and how fast.

Reads tests/data/risk_heldout_4.json (written before the sentence model was built),
risk_heldout_5.json (written after it was committed) and risk_heldout_6.json (written before
the model read distress), none used to tune it or the rules, and prints, for the rules alone and
for the rules with the sentence model: cases per expected level and how many got that level,
acute-risk recall and specificity, distress read and the gentle offer shown where nothing was
wrong, and each miss and false alarm; then the three sets together. Then the same for the
model's own examples in lib/risk_data/ (it has seen them, so these show fit, not
generalisation), and the time to read an entry of about a page and a half: from cold, and again
after one more sentence, as autosave does.

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

from alongside.lib import minilm, risk_model  # noqa: E402 - plain modules, no Django
from alongside.lib.risk import ACUTE, NONE, assess  # noqa: E402


def report(name: str, cases: list[dict[str, str]], *, use_model: bool, verbose: bool) -> None:
    got = [assess(c["text"], use_model=use_model).level for c in cases]
    pairs = list(zip(cases, got, strict=True))
    right = Counter(c["level"] for c, g in pairs if c["level"] == g)
    total = Counter(c["level"] for c in cases)
    reader = "rules + sentence model" if use_model else "rules alone"
    print(f"\n{name} ({reader}): {len(cases)} cases, {sum(right.values())} right")
    for level in (ACUTE, "distress", NONE):
        print(f"  {level:<11} {right[level]:>3} / {total[level]:<3}")
    caught = sum(1 for c, g in pairs if c["level"] == ACUTE and g == ACUTE)
    others = len(cases) - total[ACUTE]
    quiet = sum(1 for c, g in pairs if c["level"] != ACUTE and g != ACUTE)
    print(
        f"  acute risk: recall {caught / total[ACUTE]:.2f} ({caught}/{total[ACUTE]}), "
        f"specificity {quiet / others:.2f} ({quiet}/{others})"
    )
    heavy = sum(1 for c, g in pairs if c["level"] == "distress" and g == "distress")
    nothing = [g for c, g in pairs if c["level"] == NONE]
    print(
        f"  distress: {heavy}/{total['distress']} read as distress; of {len(nothing)} with "
        f"nothing, {nothing.count('distress')} shown the offer of a peer and "
        f"{nothing.count(ACUTE)} the crisis lines"
    )
    if verbose:
        for c, g in pairs:
            if c["level"] == ACUTE and g != ACUTE:
                print(f"    missed: {c['text']}")
            if c["level"] != ACUTE and g == ACUTE:
                print(f"    false alarm ({c['level']}): {c['text']}")


def main() -> None:
    if minilm.load() is None:
        print("The risk-model extra is not installed: only the rules can be measured.")
    both = []
    for name in ("risk_heldout_4.json", "risk_heldout_5.json", "risk_heldout_6.json"):
        heldout = json.loads((ROOT / "tests/data" / name).read_text())["cases"]
        report(f"{name} (held out)", heldout, use_model=False, verbose=False)
        report(f"{name} (held out)", heldout, use_model=True, verbose=True)
        both += heldout
    report("the three held-out sets", both, use_model=False, verbose=False)
    report("the three held-out sets", both, use_model=True, verbose=False)
    for name in risk_model.EXAMPLES:
        cases = json.loads((risk_model.DATA / name).read_text())["cases"]
        report(f"lib/risk_data/{name} (the model's examples)", cases, use_model=True, verbose=False)

    text = " ".join(
        c["text"] for c in json.loads((risk_model.DATA / "cases.json").read_text())["cases"]
    )
    entry = (text + " ") * 2  # about a page and a half of writing, 136 sentences
    assess("warm up")
    started = time.perf_counter()
    assess(entry)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    assess(entry + " And one more sentence, typed since the last save.")
    warm = time.perf_counter() - started
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2:
        assess(entry, use_model=False)
        n += 1
    rules = (time.perf_counter() - started) / n
    print(
        f"\nspeed, {len(entry)} characters on one core: rules alone {rules * 1000:.1f} ms; "
        f"with the model {cold * 1000:.0f} ms from cold, {warm * 1000:.0f} ms after one more "
        "sentence (autosave)"
    )


if __name__ == "__main__":
    main()
