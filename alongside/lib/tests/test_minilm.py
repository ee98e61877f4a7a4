from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from alongside.lib import minilm

REFERENCE = Path(__file__).resolve().parents[3] / "tests" / "data" / "minilm_reference.json"


def test_our_vectors_are_the_ones_sentence_transformers_computes() -> None:
    model = minilm.load()
    assert model is not None
    reference = json.loads(REFERENCE.read_text())["vectors"]

    ours = model.encode([r["text"] for r in reference])

    for row, expected in zip(ours, reference, strict=True):
        assert np.abs(row - np.array(expected["vector"])).max() < 1e-5


def test_a_batch_gives_each_text_the_vector_it_gets_alone() -> None:
    model = minilm.load()
    assert model is not None
    texts = ["Short.", "A much longer sentence, so the batch needs padding for the others.", ""]

    together = model.encode(texts)
    alone = np.stack([model.encode([t])[0] for t in texts])

    assert together.shape == (3, minilm.DIM)
    assert np.abs(together - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(together, axis=1), 1, atol=1e-5)


def test_no_text_gives_no_vectors() -> None:
    model = minilm.load()
    assert model is not None

    assert model.encode([]).shape == (0, minilm.DIM)
