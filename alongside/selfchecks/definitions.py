"""The instruments, as data: one JSON file each in `instruments/`, read and checked here.

A definition holds what its manual prints: the answer codes, reversed items, subscales, bands
with their published cut-offs and citations, safety items, recall period, licence and
attribution. `scoring.score` reads every definition the same way; no instrument has code of
its own. docs/instruments.md lists them with their licences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "instruments"


@dataclass(frozen=True)
class Band:
    name: str
    min: float
    max: float
    min_exclusive: bool = False
    max_exclusive: bool = False

    def holds(self, value: float) -> bool:
        above = value > self.min if self.min_exclusive else value >= self.min
        below = value < self.max if self.max_exclusive else value <= self.max
        return above and below


@dataclass(frozen=True)
class Option:
    code: int
    label: str


@dataclass(frozen=True)
class Wording:
    """What a person reads: the published text in one language."""

    language: str
    instructions: str | None
    stem: str | None
    items: tuple[str, ...]
    options: tuple[Option, ...]


@dataclass(frozen=True)
class DiagnosticRule:
    """PCL-5's DSM-5 rule: an item at or above `endorsed_at_least` is a symptom endorsed, and
    each cluster needs at least its number of them."""

    name: str
    endorsed_at_least: int
    clusters: dict[str, int]


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    full_name: str
    recall_period: str | None
    # The published wording, unchanged (docs/instruments.md says where each comes from).
    items: tuple[str, ...]
    instructions: str | None
    stem: str | None
    options: tuple[Option, ...]  # in printed order, with their printed codes
    codes: tuple[int, ...]  # the answer codes, sorted
    reversed: frozenset[int]  # 1-based item numbers
    total: str | None  # "sum", or None (ProQOL 5 has no total)
    band_on: str | None  # "total", "mean" or "percentage"
    bands: tuple[Band, ...]
    subscales: dict[str, tuple[int, ...]]
    subscale_bands: tuple[Band, ...]
    safety: tuple[tuple[int, int], ...]  # (item, at least)
    citation: str
    licence: str
    attribution: str
    languages: tuple[str, ...]
    mean: bool = False
    percentage_factor: int | None = None
    further_assessment: dict[str, int] = field(default_factory=dict)
    diagnostic_rule: DiagnosticRule | None = None
    flag_from_band: tuple[str, str] | None = None  # (output field, band that sets it)
    non_commercial: bool = False
    # Authorised translations only, word for word from their source (docs/instruments.md).
    translations: dict[str, Wording] = field(default_factory=dict)

    def wording(self, language: str) -> Wording:
        """The form in `language` where an authorised translation exists, else as published."""
        found = self.translations.get(language.split("-")[0])
        if found is not None:
            return found
        return Wording("en", self.instructions, self.stem, self.items, self.options)

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def lowest(self) -> int:
        return min(self.codes)

    @property
    def highest(self) -> int:
        return max(self.codes)


def _bands(raw: list[dict[str, Any]]) -> tuple[Band, ...]:
    return tuple(
        Band(
            name=b["name"],
            min=b["min"],
            max=b["max"],
            min_exclusive=b.get("min_exclusive", False),
            max_exclusive=b.get("max_exclusive", False),
        )
        for b in raw
    )


def _read(path: Path) -> Instrument:
    raw = json.loads(path.read_text())
    rule = raw.get("diagnostic_rule")
    flag = raw.get("flag_from_band")
    return Instrument(
        id=raw["id"],
        name=raw["name"],
        full_name=raw["full_name"],
        recall_period=raw.get("recall_period"),
        items=tuple(raw["items"]),
        instructions=raw.get("instructions"),
        stem=raw.get("stem"),
        options=tuple(Option(code=o["code"], label=o["label"]) for o in raw["options"]),
        codes=tuple(sorted(option["code"] for option in raw["options"])),
        reversed=frozenset(raw.get("reversed", [])),
        total=raw.get("total"),
        band_on=raw.get("band_on"),
        bands=_bands(raw.get("bands", [])),
        subscales={name: tuple(s["items"]) for name, s in raw.get("subscales", {}).items()},
        subscale_bands=_bands(raw.get("subscale_bands", [])),
        safety=tuple((s["item"], s["at_least"]) for s in raw.get("safety", [])),
        citation=raw["citation"],
        licence=raw["licence"],
        attribution=raw["attribution"],
        languages=tuple(raw["languages"]),
        mean=raw.get("mean", False),
        percentage_factor=raw.get("percentage_factor"),
        further_assessment=raw.get("further_assessment", {}),
        diagnostic_rule=DiagnosticRule(
            name=rule["name"],
            endorsed_at_least=rule["endorsed_at_least"],
            clusters=dict(rule["clusters"]),
        )
        if rule
        else None,
        flag_from_band=(flag["name"], flag["band"]) if flag else None,
        non_commercial=raw.get("non_commercial", False),
        translations={
            language: _translation(language, text, raw)
            for language, text in raw.get("translations", {}).items()
        },
    )


def _translation(language: str, text: dict[str, Any], raw: dict[str, Any]) -> Wording:
    if len(text["items"]) != len(raw["items"]) or len(text["options"]) != len(raw["options"]):
        raise ValueError(f"{raw['id']}: the {language} version does not match the original")
    return Wording(
        language=language,
        instructions=text.get("instructions"),
        stem=text.get("stem"),
        items=tuple(text["items"]),
        options=tuple(
            Option(code=o["code"], label=label)
            for o, label in zip(raw["options"], text["options"], strict=True)
        ),
    )


@cache
def instruments() -> dict[str, Instrument]:
    """Every instrument, by id (`phq9`, `pcl5`, …)."""
    found = (_read(path) for path in sorted(FOLDER.glob("*.json")))
    return {instrument.id: instrument for instrument in found}
