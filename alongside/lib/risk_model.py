"""The sentence model half of the risk detector (lib/risk.py, which reads its docstring).

Each sentence, and each pair of neighbouring sentences, is read by all-MiniLM-L6-v2
(lib/minilm.py) with its top two layers fine-tuned on the labelled examples in lib/risk_data/
(reader.npz, learnt by devtools/risk_reader.py): its head gives the chance of acute risk,
distress or nothing, and its unit vector is compared with the examples', whose five nearest
vote, closer ones counting more. The chance and the vote are averaged (the vote alone is sure of
a sentence far from every example whenever its far neighbours are acute; the head alone is
coarse near the examples). Each sentence takes the mean reading of its
units (alone, and paired with the sentence before and after), and when the strongest sentence
reads THRESHOLD or above, the model reads acute risk. Where it does not,
at DISTRESS_THRESHOLD or above of the vote for distress it reads distress.
Sentences about someone else (or about him or her with nothing of the writer), idioms and plain
negations are left to the rules, and so is any pair with one of them in it. Without the
`risk-model` extra, `read` returns None and the rules work alone.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from alongside.lib import minilm
from alongside.lib.minilm import Vectors
from alongside.lib.risk import (
    _CAME_THROUGH,
    ACUTE,
    DISTRESS,
    _about_someone_else,
    _came_through,
    _long_ago,
    _normal,
    _sentences,
)

logger = logging.getLogger(__name__)

# What the model leaves alone: idioms of tiredness and wanting ("dying to get home", "I could
# kill for a coffee", "dead on my feet") and plain negations ("I'm not suicidal"). The rules
# still read these sentences, with their own care for negation.
_IDIOM = re.compile(
    r"\b(dying (to|for|of)|(die|kill|murder) (for|a)|killing (me|it)|kill (me|that|the|him|her)|"
    r"(kill|murder|strangle) (my|his|her|their|our) \w+|"
    r"dead (tired|on my feet|hungry|proud)|(be|was) the death of me|(would )?rather die than|"
    r"slayed|want to (go to )?sleep for (a|about)|sleep on it(?! (forever|for good))|"
    r"end (the|this) (day|shift|entry)|"
    # "I'd sell a kidney for a fry-up", "I'd give my left arm for a weekend" (held-out 38, 39).
    r"(give|sell) (my|a) (left |right )?(arm|kidney|leg|soul) for|"
    # "I'm throwing it out of the window" of a pump or a bleep (held-out 33, 41); not oneself.
    r"(throw|throwing|threw|chuck|chucking|chucked|fling|flinging|lob|lobbing) (it|this|that|them|"
    r"the \w+|my \w+|his \w+|her \w+) out of (the|a|my) window)\b"
)
_SAID_NOT = re.compile(
    r"\b(not|never|no) (going to |gonna )?(hurt|harm|kill|cut)(ing)? myself\b|"
    r"\bnot suicidal\b|\bdo not want to die\b|\bwould never\b|\bi am not going anywhere\b"
)

DATA = Path(__file__).resolve().parent / "risk_data"
EXAMPLES = (
    "cases.json",
    "second_set.json",
    "heldout_2.json",
    "heldout_3.json",
    "examples_4.json",
    "examples_5.json",
    "examples_6.json",
    "examples_7.json",
    "examples_8.json",
    "examples_10.json",
    "examples_9.json",  # last: the bench's cross-validation keeps it in every fold's training
)
EXAMPLE_VECTORS = DATA / "examples.npz"
NEIGHBOURS = 5
SHARPNESS = 20.0  # how much more a closer example counts: weights are exp(20 x cosine)
DISTRESS_SHARPNESS = 10.0  # the same for the distress vote, as DISTRESS_THRESHOLD was chosen
# Chosen by ten-fold cross-validation over the examples (bench/risk_bench.py prints the sweep):
# the fewest false alarms with recall at least 0.95, on the examples alone and on paragraphs
# made of each example among three examples with nothing wrong. Before, with the vote alone:
# 0.53, then 0.47 (recall 0.937, specificity 0.823 over examples 1 to 5); 0.52 with the
# regression and examples_6; 0.47 with examples_7 (whole entries, the former held-out sets 9 to
# 13), before tests/data/risk_heldout_15.json was measured with them. With examples_8 (held-out
# 16 and 17) the rule gave 0.50 (recall 0.951, specificity 0.862 alone; 0.974 and 0.564 in
# paragraphs), at which held-out 18 and 15 were measured; at 0.50 held-out 14 lost an entry it
# had caught (giving the dog away "just for a while", 0.48), so now 0.48: recall 0.953 and
# specificity 0.846 alone, 0.977 and 0.529 in paragraphs (with this session's rules), a margin
# above 0.95 (bench/README.md). Session 21: each sentence is read in the unit (alone, or with
# the sentence before or after) whose nearest example is closest, with sharper weights (20)
# and examples_9 (everyday sentences, always among the examples). A first sweep outside the
# bench gave 0.40, at which tests/data/risk_heldout_21.json was measured; the bench's own sweep
# put paragraph recall at 0.948 there, so the rule gives 0.38: recall 0.974 and specificity
# 0.840 alone, 0.951 and 0.598 in paragraphs (0.977 and 0.529 before). Held-out 21 read the
# same at both. Session 22: with examples_10 (held-out 19 to 24, read) the ten-fold gives
# 0.971 and 0.861 alone at 0.38, but 0.936 and 0.591 in paragraphs, and no threshold down to
# 0.31 reaches 0.95 in paragraphs (0.30 does, at specificity 0.780 alone). Letting a unit count
# for its sentence when its nearest example is within MARGIN of the closest unit's meets the
# rule (MARGIN 0.06 at 0.44: 0.961/0.874 alone, 0.951/0.593 in paragraphs), but on the read
# held-out sets 14, 15 and 18 it caught 50 of 52 acute entries where MARGIN 0 at 0.38 caught
# all 52, at the same or better specificity; so MARGIN stays 0 and the threshold 0.38, and the
# paragraph figure is said in bench/README.md as a known gap. Session 28: a sentence's reading
# is the mean of its units' (alone, with the sentence before, with the one after), not the
# closest unit's; the same ten folds give 0.969 and 0.864 alone at 0.42, 0.957 and 0.627 in
# paragraphs, the first threshold since session 22 to keep recall at 0.95 in paragraphs (0.43
# is the rule's last, at 0.953; 0.42 keeps a margin). It was chosen after
# tests/data/risk_heldout_27.json (whole entries: 0.68 specificity before, 0.77 after) was read,
# and measured once on risk_heldout_28.json and 29 (whole entries written after it): recall 17/17,
# specificity 0.87 and 0.56 (0.73 and 0.44 before), so the paragraph gap is narrower, not closed.
# Session 35: the reader is fine-tuned (reader.npz); ten folds, each with a reader fine-tuned
# without it, keep recall 0.95 in paragraphs up to 0.41 (alone 0.959 and 0.922, in paragraphs
# 0.955 and 0.708, against 0.969/0.864 and 0.957/0.628 before); 0.40 keeps a margin.
THRESHOLD = 0.40
# The vote for distress, chosen the same way before tests/data/risk_heldout_6.json was read
# (recall 0.83, with one 'none' entry in ten shown the gentle offer of a peer); kept since.
DISTRESS_THRESHOLD = 0.4
MAX_SENTENCES = 400  # beyond this (some 6,000 words) the rules alone read the rest


READER = DATA / "reader.npz"  # the fine-tuned top layers and head (devtools/risk_reader.py)


@dataclass(frozen=True)
class _Examples:
    vectors: Vectors
    levels: npt.NDArray[np.str_]
    head: Vectors  # the reader's head: acute risk, distress, nothing; its bias the last column


def _example_cases() -> list[dict[str, str]]:
    return [
        case
        for name in EXAMPLES
        for case in json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
    ]


def examples_digest(cases: list[dict[str, str]]) -> str:
    """Names the examples the stored vectors (and the reader) were computed from, so stale
    ones are noticed."""
    return hashlib.sha256(
        json.dumps([[c["level"], c["text"]] for c in cases], ensure_ascii=False).encode()
    ).hexdigest()


def _reader_digest() -> str:
    return hashlib.sha256(READER.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _reader() -> tuple[minilm.MiniLM, Vectors] | None:
    """all-MiniLM-L6-v2 with the reader's fine-tuned top layers, and the reader's head."""
    base = minilm.load()
    if base is None:
        return None
    stored = np.load(READER)
    if str(stored["digest"]) != examples_digest(_example_cases()):
        logger.warning(
            "The risk examples changed since the reader learnt from them: run "
            "`manage.py train_risk_reader` (it needs the risk-training extra)."
        )
    return reader_from(base, {k: stored[k] for k in stored.files})


def reader_from(
    base: minilm.MiniLM, arrays: dict[str, npt.NDArray[Any]]
) -> tuple[minilm.MiniLM, Vectors]:
    """The encoder and head that a reader's arrays (reader.npz, or a fold's) make of the model."""
    layers = {k: v for k, v in arrays.items() if k.startswith("encoder.")}
    head = np.hstack([arrays["head.weight"], arrays["head.bias"][:, None]]).astype(np.float32)
    return base.with_weights(layers), head


def _encoder() -> minilm.MiniLM | None:
    reader = _reader()
    return reader[0] if reader else None


def chances(vectors: Vectors, head: Vectors) -> Vectors:
    """The reader's chances of acute risk, distress and nothing, one row per unit vector."""
    logits = vectors @ head[:, :-1].T + head[:, -1]
    logits = np.exp(logits - logits.max(1, keepdims=True))
    result: Vectors = logits / logits.sum(1, keepdims=True)
    return result


def build_example_vectors(model: minilm.MiniLM) -> None:
    """Embeds every example with the reader's encoder and stores the vectors
    (`manage.py risk --rebuild-examples`, and `train_risk_reader` after it trains)."""
    cases = _example_cases()
    vectors = model.encode([c["text"] for c in cases]).astype(np.float16)
    np.savez_compressed(
        EXAMPLE_VECTORS, vectors=vectors, digest=examples_digest(cases), reader=_reader_digest()
    )


@lru_cache(maxsize=1)
def _examples() -> _Examples | None:
    reader = _reader()
    if reader is None:
        return None
    model, head = reader
    cases = _example_cases()
    levels = np.array([c["level"] for c in cases])
    try:
        stored = np.load(EXAMPLE_VECTORS)
        if (
            str(stored["digest"]) == examples_digest(cases)
            and str(stored["reader"]) == _reader_digest()
        ):
            return _Examples(stored["vectors"].astype(np.float32), levels, head)
    except (OSError, KeyError):
        pass
    logger.warning("Risk examples changed since their vectors were stored; embedding them now.")
    vectors = model.encode([c["text"] for c in cases]).astype(np.float16).astype(np.float32)
    return _Examples(vectors, levels, head)


class _VectorCache:
    """Recent sentences' vectors, so autosaving a long entry embeds only what changed. Keyed by
    a hash of the sentence: the cache holds no text."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[bytes, Vectors] = OrderedDict()
        self.lock = threading.Lock()

    def vectors(self, model: minilm.MiniLM, texts: list[str]) -> Vectors:
        keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
        with self.lock:
            known = {k: self.items[k] for k in keys if k in self.items}
            for key in known:
                self.items.move_to_end(key)
        missing = list({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
        if missing:
            fresh = model.encode([t for _, t in missing])
            with self.lock:
                for (key, _), vector in zip(missing, fresh, strict=True):
                    known[key] = self.items[key] = vector
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
        return np.stack([known[k] for k in keys])


_cache = _VectorCache(4096)


# A sentence about him or her (a patient, most often) with nothing of the writer in it: "This
# time he used a ligature in the bathroom." The model reads the writer's own sentences.
_THIRD_PERSON = re.compile(r"\b(he|she|him|her|his|hers|the patient)\b")
_FIRST_PERSON = re.compile(r"\b(i|me|my|myself|mine)\b")


def _long_past(sentence: str) -> bool:
    """A sentence of a wish long past, or a short one saying it was got through."""
    return bool(
        _long_ago(sentence)
        or (_CAME_THROUGH.search(sentence) and len(re.findall(r"\w+", sentence)) <= 8)
    )


def _left_to_rules(sentence: str) -> bool:
    normal = _normal(sentence)
    return all(
        _about_someone_else(part)
        or _IDIOM.search(part)
        or _SAID_NOT.search(part)
        or (_THIRD_PERSON.search(part) and not _FIRST_PERSON.search(part))
        for part in _sentences(normal)
    )


# Where a sentence ends: after . ! ? or ; and a space, or a line break; not after a title's
# full stop ("I found Mr. Okafor in bed 12" is one sentence).
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMx\.)(?<!\bSr\.)"
    r"(?<!\bJr\.)(?<!\bProf\.)(?<=[.!?;])\s+|\n+"
)


@dataclass(frozen=True)
class Reading:
    acute: float  # 0 to 1: at THRESHOLD or above, the model reads acute risk
    distress: float  # 0 to 1: at DISTRESS_THRESHOLD or above, distress


def read(text: str) -> Reading | None:
    """How strongly the sentence model reads acute risk and distress in the writer's sentences
    (the strongest sentence of each); None when the `risk-model` extra is not installed.

    Each sentence is read alone and with the sentence before and after it, and its reading is
    the mean of these: a calm sentence that alone happens to lie near an acute example ("Found
    it in the fridge.", "I'm not setting an alarm.") is tempered by what it says beside its
    neighbours, and a sentence that means risk still reads as risk beside calm ones."""
    examples = _examples()
    model = _encoder()
    if examples is None or model is None:
        return None
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()][:MAX_SENTENCES]
    # A pair is read only where neither of its sentences is left to the rules: "I'm going to
    # kill my brother if he borrows my car again. Other than that, a quiet day." is neither.
    # A wish to die long past, in an entry that tells of getting through it, is read by
    # neither reader (lib/risk.py, _came_through), nor is a short sentence that only says so
    # ("Those thoughts have gone.", which alone lies near acute examples).
    came_through = _came_through(_normal(text))
    kept = [
        None if _left_to_rules(s) or (came_through and _long_past(_normal(s))) else s
        for s in sentences
    ]
    units: list[str] = []
    members: list[tuple[int, ...]] = []
    for i, sentence in enumerate(kept):
        if sentence:
            units.append(sentence)
            members.append((i,))
    for i, (a, b) in enumerate(itertools.pairwise(kept)):
        if a and b:
            units.append(f"{a} {b}")
            members.append((i, i + 1))
    if not units:
        return Reading(0.0, 0.0)
    vectors = _cache.vectors(model, units)
    similarity = vectors @ examples.vectors.T
    nearest = np.argsort(-similarity, axis=1)[:, :NEIGHBOURS]
    closeness = np.take_along_axis(similarity, nearest, axis=1)
    neighbours = examples.levels[nearest]

    def vote(level: str, sharpness: float) -> npt.NDArray[np.float64]:
        weights = np.exp(sharpness * closeness)
        share: npt.NDArray[np.float64] = (weights * (neighbours == level)).sum(1) / weights.sum(1)
        return share

    chance = chances(vectors, examples.head)[:, 0]
    acute = (vote(ACUTE, SHARPNESS) + chance) / 2
    readings: dict[int, list[float]] = {}  # sentence: the readings of the units it is in
    for unit, sentences_in in enumerate(members):
        for i in sentences_in:
            readings.setdefault(i, []).append(float(acute[unit]))
    strongest = max(sum(found) / len(found) for found in readings.values())
    distress = vote(DISTRESS, DISTRESS_SHARPNESS)
    return Reading(round(strongest, 2), round(float(distress.max()), 2))
