"""Fine-tunes the risk detector's sentence reader (`manage.py train_risk_reader`).

all-MiniLM-L6-v2's top TUNED layers and a head of three levels (acute risk, distress, nothing)
learn from the labelled examples in lib/risk_data/; the four layers below stay as the package
ships them. Each example is also learnt beside a calm example (before or after it, with its own
level), because the detector reads each sentence with its neighbours too. The result is stored
as numpy arrays in lib/risk_data/reader.npz, which lib/minilm.py and lib/risk_model.py read at
run time without torch.

Training needs torch (the `risk-training` extra, which `dev.py` does not install: some
gigabytes). Nothing here runs in the web or worker processes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from alongside.lib import minilm
from alongside.lib.minilm import DIM, HEADS, LAYERS
from alongside.lib.risk import ACUTE, DISTRESS, NONE

if TYPE_CHECKING:
    import torch

LEVELS = (ACUTE, DISTRESS, NONE)  # the head's outputs, in this order
TUNED = 2  # the top layers that learn; the rest stay as shipped
EPOCHS = 4
RATE = 5e-5  # the tuned layers' learning rate (AdamW, warm-up then linear decay)
HEAD_RATE = 2e-3
PAIRS = 1  # per example and epoch, that many pairs with a calm example
BATCH = 32
DROPOUT = 0.1
WEIGHT_DECAY = 0.01
SCALE = 10.0  # the unit vector is scaled before the head, so it learns at a usual rate
# Read by torch when the reader is stored and by numpy in the tests: the two must agree.
CHECKS = (
    "I want to die.",
    "I keep going over the handover. If I'd pushed for the scan, would she still be here?",
    "Quiet shift, ate my lunch sitting down and got out on time.",
    "I've written letters to my kids and put them where my husband will find them.",
)


def with_calm_neighbours(
    texts: Sequence[str], levels: Sequence[str], rng: np.random.Generator, pairs: int = PAIRS
) -> list[tuple[str, str]]:
    """One epoch's items: every example, and each example beside a calm example (in a random
    order, keeping the example's level), shuffled."""
    calm = [t for t, level in zip(texts, levels, strict=True) if level == NONE]
    items = list(zip(texts, levels, strict=True))
    for text, level in zip(texts, levels, strict=True):
        for _ in range(pairs):
            other = calm[int(rng.integers(len(calm)))]
            if other != text:
                items.append(
                    (f"{text} {other}" if rng.random() < 0.5 else f"{other} {text}", level)
                )
    return [items[i] for i in rng.permutation(len(items))]


def _torch_model(base: dict[str, npt.NDArray[np.float32]], tuned: int) -> Any:
    import torch
    from torch import nn
    from torch.nn import functional

    class Reader(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.first_tuned = LAYERS - tuned
            self.frozen = {k: torch.from_numpy(v) for k, v in base.items()}
            self.tuned = nn.ParameterDict(
                {
                    k.replace(".", "__"): nn.Parameter(torch.from_numpy(v.copy()))
                    for k, v in base.items()
                    if k.startswith("encoder.layer.") and int(k.split(".")[2]) >= self.first_tuned
                }
            )
            self.head = nn.Linear(DIM, len(LEVELS))

        def w(self, name: str) -> torch.Tensor:
            key = name.replace(".", "__")
            return self.tuned[key] if key in self.tuned else self.frozen[name]

        def forward(
            self, ids: torch.Tensor, mask: torch.Tensor
        ) -> tuple[torch.Tensor, torch.Tensor]:
            batch, length = ids.shape
            drop = DROPOUT if self.training else 0.0

            def linear(x: torch.Tensor, name: str) -> torch.Tensor:
                return functional.linear(x, self.w(f"{name}.weight"), self.w(f"{name}.bias"))

            def norm(x: torch.Tensor, name: str) -> torch.Tensor:
                return functional.layer_norm(
                    x, (DIM,), self.w(f"{name}.weight"), self.w(f"{name}.bias"), 1e-12
                )

            with torch.no_grad():
                x = norm(
                    self.frozen["embeddings.word_embeddings.weight"][ids]
                    + self.frozen["embeddings.position_embeddings.weight"][:length]
                    + self.frozen["embeddings.token_type_embeddings.weight"][0],
                    "embeddings.LayerNorm",
                )
            blocked = ((1 - mask) * -1e9)[:, None, None, :]
            size = DIM // HEADS
            for layer in range(LAYERS):
                learns = layer >= self.first_tuned
                p = f"encoder.layer.{layer}"
                with torch.enable_grad() if learns else torch.no_grad():
                    rate = drop if learns else 0.0
                    q, k, v = (
                        linear(x, f"{p}.attention.self.{n}")
                        .view(batch, length, HEADS, size)
                        .transpose(1, 2)
                        for n in ("query", "key", "value")
                    )
                    scores = (q @ k.transpose(-1, -2) / math.sqrt(size) + blocked).softmax(-1)
                    scores = functional.dropout(scores, rate, self.training)
                    attended = (scores @ v).transpose(1, 2).reshape(batch, length, DIM)
                    attended = linear(attended, f"{p}.attention.output.dense")
                    x = norm(
                        functional.dropout(attended, rate, self.training) + x,
                        f"{p}.attention.output.LayerNorm",
                    )
                    hidden = functional.gelu(linear(x, f"{p}.intermediate.dense"))
                    hidden = linear(hidden, f"{p}.output.dense")
                    x = norm(
                        functional.dropout(hidden, rate, self.training) + x,
                        f"{p}.output.LayerNorm",
                    )
            pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
            unit = pooled / pooled.norm(dim=1, keepdim=True)
            return unit, self.head(functional.dropout(unit, drop, self.training) * SCALE)

    return Reader()


def _batch(model: minilm.MiniLM, texts: Sequence[str]) -> tuple[Any, Any]:
    import torch

    encodings = model.tokenizer.encode_batch(list(texts))
    length = max(len(e.ids) for e in encodings)
    ids = torch.zeros((len(texts), length), dtype=torch.long)
    mask = torch.zeros((len(texts), length))
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = torch.tensor(encoding.ids)
        mask[row, : len(encoding.ids)] = 1
    return ids, mask


def train(
    texts: Sequence[str], levels: Sequence[str], *, seed: int = 0, epochs: int = EPOCHS
) -> dict[str, npt.NDArray[Any]]:
    """Learns from the examples and returns the reader's arrays: the tuned layers' weights
    (float16, under minilm.py's names), the head (`head.weight` on unit vectors, `head.bias`),
    and `checks`: the head's chances for CHECKS as torch reads the stored weights."""
    import torch
    from torch.nn import functional

    base = minilm.load()
    if base is None:
        raise RuntimeError("The risk-model extra is not installed (see pyproject.toml).")
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    reader = _torch_model(base.w, TUNED)
    targets = np.array([LEVELS.index(level) for level in levels])
    counts = np.bincount(targets, minlength=len(LEVELS)).astype(np.float64)
    balance = torch.tensor(len(targets) / (len(LEVELS) * counts), dtype=torch.float32)
    optimiser = torch.optim.AdamW(
        [
            {"params": list(reader.tuned.values()), "lr": RATE, "weight_decay": WEIGHT_DECAY},
            {"params": list(reader.head.parameters()), "lr": HEAD_RATE, "weight_decay": 0.0},
        ]
    )
    steps = epochs * math.ceil(len(texts) * (1 + PAIRS) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    reader.train()
    for _ in range(epochs):
        items = with_calm_neighbours(texts, levels, rng)
        for start in range(0, len(items), BATCH):
            chunk = items[start : start + BATCH]
            _, logits = reader(*_batch(base, [t for t, _ in chunk]))
            wanted = torch.tensor([LEVELS.index(level) for _, level in chunk])
            loss = functional.cross_entropy(logits, wanted, weight=balance)
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call,unused-ignore]
            optimiser.step()
            schedule.step()
    reader.eval()
    arrays: dict[str, npt.NDArray[Any]] = {}
    with torch.no_grad():
        for key, value in reader.tuned.items():
            stored = value.numpy().astype(np.float16)
            value.copy_(torch.from_numpy(stored.astype(np.float32)))  # read as stored
            arrays[key.replace("__", ".")] = stored
        arrays["head.weight"] = reader.head.weight.numpy() * SCALE
        arrays["head.bias"] = reader.head.bias.numpy().copy()
        _, logits = reader(*_batch(base, CHECKS))
        arrays["checks"] = logits.softmax(-1).numpy()
    return arrays


def save(arrays: dict[str, npt.NDArray[Any]], digest: str, path: Path) -> None:
    stored: dict[str, Any] = {"digest": np.array(digest), **arrays}
    np.savez_compressed(path, **stored)
