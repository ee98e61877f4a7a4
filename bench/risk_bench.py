#!/usr/bin/env python3
"""How lib/risk.py does on writing it never saw, and how fast.

Reads tests/data/risk_heldout_45.json, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31,
30, 29, 28 and 27 (whole entries of three to eight sentences: 45 written in session 43 after
that session's changes and measured with them and with the detector as shipped, then read; 44
written in session 43 after that session's changes and measured with them and with the detector
as shipped, then read; 43 written in session 43 after session 42's changes and measured with
them and with the detector before them, then read; 42 written in session 42 after that session's
first changes and measured with them and with the detector as shipped, then read; 41 written in
session 42 after session 41's changes and measured with them and with the detector before them,
then read; 40 written in session 41 after that session's changes and measured with them and with
the detector as shipped, then read; 39 written in session 41 and measured with that session's
first rule and the detector as shipped, then read; 38 written in session 41 and measured with
the detector as shipped, then read; 37 written in session 40 and measured with the detector as
shipped, then read; 36 written in session 39 and measured with the detector as shipped; 34 and
35 written in session 38 and measured with the detector as shipped, 35 read in session 39; 33
written in session 37, measured with the detector as shipped and a trial, and read; 32 written
in session 36, measured with the detectors of sessions 35 and 36, read in session 37; 31 written
in session 31, measured with the detectors of sessions 28 and 35, read in session 36; 27 to 29
written in session 28, 27 measured once before the change it then shaped, 28 and 29 once after
it, all three read since; 30 written in session 30 and measured once with the detector as
shipped then, read in session 31), and 26, 25, 18, 15 and 14 (entries of a few sentences, each
measured in aggregate before the change it could have shaped; 25 was written in session 22
before that session's change and 26 in session 24 before any change, 18, 15 and 14 have been
read since), never among the model's examples; the older held-out sets 9 to 13 became its
examples_7.json, 16 and 17 its examples_8.json, and 19 to 24 its examples_10.json. The everyday
sentences of examples_9.json are always among the examples in cross-validation and never read
there. It prints, for the rules alone and for the rules with the sentence model: cases per
expected level and how many got that level, acute-risk recall and specificity, distress read and
the gentle offer shown where nothing was wrong, and each miss and false alarm. Then ten-fold
cross-validation over the model's own examples in lib/risk_data/ (each example read by a model
that learnt from the other nine tenths, alone and inside a paragraph of ordinary examples):
recall and specificity at thresholds around the ones in use, which is how they were chosen. Then
the time to read an entry of about a page and a half: from cold, and again after one more
sentence, as autosave does.

    .venv/bin/python bench/risk_bench.py
    .venv/bin/python bench/risk_bench.py --quiet   # figures only: for a set not yet read
    .venv/bin/python bench/risk_bench.py --folds   # and the ten folds (the risk-training extra)
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alongside.lib import minilm, risk_model  # noqa: E402 - plain modules, no Django
from alongside.lib.risk import ACUTE, DISTRESS, NONE, assess  # noqa: E402


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


def cross_validate(folds: int = 10) -> None:
    """Each example read by a reader fine-tuned without it (devtools/risk_reader.py, on the
    other nine tenths and the everyday sentences), with those examples to vote, alone and as one
    sentence of a paragraph among three examples with nothing wrong from its own fold, at a
    sweep of thresholds: the same rules, the same neighbours, only the threshold moves. Needs
    torch (the risk-training extra); some 3 minutes a fold on one core."""
    try:
        import torch  # noqa: F401
    except ImportError:
        print("\nten-fold cross-validation needs torch (the risk-training extra): not run")
        return
    from alongside.devtools import risk_reader

    model = minilm.load()
    if model is None:
        return
    every = risk_model._example_cases()
    # The everyday sentences (examples_9) are always among a fold's examples and never read:
    # they are there to be near calm sentences, and would make paragraphs easy.
    filler = json.loads((risk_model.DATA / "examples_9.json").read_text())["cases"]
    cases = every[: len(every) - len(filler)]
    if every[len(cases) :] != filler:
        raise SystemExit("examples_9.json must come last in risk_model.EXAMPLES")
    texts = [c["text"] for c in every]
    levels = np.array([c["level"] for c in every])
    rng = np.random.default_rng(0)
    order = rng.permutation(len(cases))
    read: dict[tuple[str, int], tuple[str, risk_model.Reading]] = {}
    for k in range(folds):
        started = time.perf_counter()
        test = order[k::folds]
        train = np.setdiff1d(np.arange(len(every)), test)
        arrays = risk_reader.train([texts[i] for i in train], list(levels[train]))
        encoder, head = risk_model.reader_from(model, arrays)
        vectors = encoder.encode([texts[i] for i in train]).astype(np.float16).astype(np.float32)
        fold = risk_model._Examples(vectors, levels[train], head)
        calm = [int(i) for i in test if levels[i] == NONE]
        risk_model._cache.items.clear()  # its vectors are another reader's
        with (
            mock.patch.object(risk_model, "_examples", lambda fold=fold: fold),
            mock.patch.object(risk_model, "_encoder", lambda encoder=encoder: encoder),
        ):
            for i in test:
                others = [cases[j]["text"] for j in rng.choice([j for j in calm if j != i], 3)]
                others.insert(int(rng.integers(0, 4)), cases[i]["text"])
                for kind, text in (("alone", cases[i]["text"]), ("paragraph", " ".join(others))):
                    reading = risk_model.read(text)
                    if reading is not None:  # the model is loaded, so always
                        read[kind, int(i)] = (assess(text, use_model=False).level, reading)
        risk_model._cache.items.clear()
        print(f"  fold {k + 1} of {folds}: {time.perf_counter() - started:.0f} s", flush=True)
    truth = [c["level"] for c in cases]
    acute = {i for i, t in enumerate(truth) if t == ACUTE}
    print(
        f"\nten-fold cross-validation over the model's {len(cases)} examples (and its "
        f"{len(filler)} everyday sentences, always among a fold's examples)"
    )
    print("  (alone; and as one sentence of a paragraph with three from its fold with nothing)")
    # Readings are rounded to two places, so are the thresholds (0.47, not 0.47000000000000003).
    for threshold in (round(t, 2) for t in np.arange(0.30, 0.81, 0.01)):
        figures = []
        for kind in ("alone", "paragraph"):
            flagged = {
                i
                for (k, i), (rules, m) in read.items()
                if k == kind and (rules == ACUTE or m.acute >= threshold)
            }
            recall = len(flagged & acute) / len(acute)
            specificity = 1 - len(flagged - acute) / (len(cases) - len(acute))
            figures.append(f"recall {recall:.3f}, specificity {specificity:.3f}")
        mark = "  <- in use" if threshold == risk_model.THRESHOLD else ""
        print(f"  acute at {threshold:.2f}: alone {figures[0]}; paragraph {figures[1]}{mark}")
    alone = {i: v for (k, i), v in read.items() if k == "alone"}
    flagged = {
        i for i, (rules, m) in alone.items() if rules == ACUTE or m.acute >= risk_model.THRESHOLD
    }
    heavy = {
        i
        for i, (rules, m) in alone.items()
        if i not in flagged and (rules == DISTRESS or m.distress >= risk_model.DISTRESS_THRESHOLD)
    }
    distress = [i for i, t in enumerate(truth) if t == DISTRESS]
    nothing = [i for i, t in enumerate(truth) if t == NONE]
    print(
        f"  distress at {risk_model.DISTRESS_THRESHOLD:.2f} (alone): "
        f"{len(heavy.intersection(distress))}/{len(distress)} read as distress; of {len(nothing)} "
        f"with nothing, {len(heavy.intersection(nothing))} shown the offer of a peer"
    )


def main() -> None:
    quiet = "--quiet" in sys.argv  # figures only, not each miss: for a first reading of a set
    if minilm.load() is None:
        print("The risk-model extra is not installed: only the rules can be measured.")
    for name in (
        "risk_heldout_45.json",
        "risk_heldout_44.json",
        "risk_heldout_43.json",
        "risk_heldout_42.json",
        "risk_heldout_41.json",
        "risk_heldout_40.json",
        "risk_heldout_39.json",
        "risk_heldout_38.json",
        "risk_heldout_37.json",
        "risk_heldout_36.json",
        "risk_heldout_35.json",
        "risk_heldout_34.json",
        "risk_heldout_33.json",
        "risk_heldout_32.json",
        "risk_heldout_31.json",
        "risk_heldout_30.json",
        "risk_heldout_29.json",
        "risk_heldout_28.json",
        "risk_heldout_27.json",
        "risk_heldout_26.json",
        "risk_heldout_25.json",
        "risk_heldout_18.json",
        "risk_heldout_15.json",
        "risk_heldout_14.json",
    ):
        heldout = json.loads((ROOT / "tests/data" / name).read_text())["cases"]
        report(f"{name} (held out)", heldout, use_model=False, verbose=False)
        report(f"{name} (held out)", heldout, use_model=True, verbose=not quiet)
    if "--folds" in sys.argv:
        cross_validate()

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
