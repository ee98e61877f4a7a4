from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from alongside.devtools import risk_reader
from alongside.lib import risk_model

TEXTS = ["I want to die.", "I cried in the car.", "Quiet shift.", "Ate lunch sitting down."]
LEVELS = ["acute_risk", "distress", "none", "none"]


def test_each_example_is_learnt_alone_and_beside_a_calm_one_with_its_own_level() -> None:
    items = risk_reader.with_calm_neighbours(TEXTS, LEVELS, np.random.default_rng(0))

    alone = sorted(item for item in items if item[0] in TEXTS)
    assert alone == sorted(zip(TEXTS, LEVELS, strict=True))
    calm = {"Quiet shift.", "Ate lunch sitting down."}
    pairs = {
        (a, b): level
        for text, level in items
        if text not in TEXTS
        for a in TEXTS
        for b in TEXTS
        if text == f"{a} {b}"
    }
    assert len(pairs) == len(items) - len(TEXTS)
    for (a, b), level in pairs.items():
        assert a in calm or b in calm
        example = b if a in calm and b not in calm else a
        assert level == LEVELS[TEXTS.index(example)]
    # The acute example and the heavy one each beside a calm one, with their levels.
    assert Counter(pairs.values())["acute_risk"] == 1
    assert Counter(pairs.values())["distress"] == 1


def test_the_command_says_what_to_install_without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)

    with pytest.raises(CommandError, match="risk-training extra"):
        call_command("train_risk_reader")


@pytest.mark.skipif(
    importlib.util.find_spec("torch") is None,
    reason="training needs torch (the risk-training extra, which dev.py does not install)",
)
def test_a_reader_learns_and_stores_what_numpy_reads_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    texts = TEXTS * 8
    levels = LEVELS * 8

    arrays = risk_reader.train(texts, levels, epochs=2)
    path = tmp_path / "reader.npz"  # type: ignore[operator]
    risk_reader.save(arrays, "digest", path)
    monkeypatch.setattr(risk_model, "READER", path)
    risk_model._reader.cache_clear()
    try:
        reader = risk_model._reader()
    finally:
        risk_model._reader.cache_clear()

    assert reader is not None
    encoder, head = reader
    chance = risk_model.chances(encoder.encode(list(risk_reader.CHECKS)), head)
    assert np.abs(chance - arrays["checks"]).max() < 2e-3
    assert all(arrays[k].dtype == np.float16 for k in arrays if k.startswith("encoder."))
