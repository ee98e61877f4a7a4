"""One scoring engine for every instrument, exactly as the manuals say.

`score(instrument_id, answers)` takes the answers in published item order, in the
instrument's printed coding and before any reversal, and returns the result the `score`
command prints and the self-check pages store. An incomplete or out-of-range form raises
`ScoringError` naming the problem: it is never scored and never prorated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .definitions import Band, Instrument, instruments


class ScoringError(ValueError):
    """The answers cannot be scored; the message names the problem in one line."""


def instrument(instrument_id: str) -> Instrument:
    found = instruments().get(instrument_id)
    if found is None:
        known = ", ".join(sorted(instruments()))
        raise ScoringError(f"Unknown instrument {instrument_id!r}. Known: {known}.")
    return found


def _check(definition: Instrument, answers: Sequence[int]) -> None:
    if len(answers) != definition.item_count:
        raise ScoringError(
            f"{definition.id} takes {definition.item_count} answers, got {len(answers)}."
        )
    for number, value in enumerate(answers, start=1):
        if value not in definition.codes:
            raise ScoringError(
                f"Answer {number} is {value}; {definition.id} answers are "
                f"{definition.lowest} to {definition.highest}."
            )


def _band(bands: Sequence[Band], value: float) -> str:
    for band in bands:
        if band.holds(value):
            return band.name
    raise ScoringError(f"No band holds {value}.")  # a definition with a gap: a bug


def scored_items(definition: Instrument, answers: Sequence[int]) -> list[int]:
    """Each answer after reversal (a reversed item scores lowest + highest - answer)."""
    flip = definition.lowest + definition.highest
    return [
        flip - value if number in definition.reversed else value
        for number, value in enumerate(answers, start=1)
    ]


def score(instrument_id: str, answers: Sequence[int]) -> dict[str, Any]:
    definition = instrument(instrument_id)
    _check(definition, answers)
    items = scored_items(definition, answers)

    def item(number: int) -> int:
        return items[number - 1]

    result: dict[str, Any] = {
        "instrument": definition.id,
        "total": None,
        "band": None,
        # Whatever the total: PHQ-9 item 9 at 1 or more raises it.
        "safety_flag": any(answers[n - 1] >= at_least for n, at_least in definition.safety),
    }
    measured: dict[str, float] = {}
    if definition.total == "sum":
        result["total"] = measured["total"] = sum(items)
    if definition.mean:
        measured["mean"] = sum(items) / definition.item_count
        result["mean"] = round(measured["mean"], 2)
    if definition.percentage_factor:
        result["percentage"] = measured["percentage"] = (
            result["total"] * definition.percentage_factor
        )
    if definition.band_on:
        # From the unrounded value: BRS's mean of 4.3333 is high, though it prints as 4.33.
        result["band"] = _band(definition.bands, measured[definition.band_on])
    if definition.subscales:
        sums = {
            name: sum(item(n) for n in members) for name, members in definition.subscales.items()
        }
        result["subscales"] = (
            {
                name: {"score": value, "band": _band(definition.subscale_bands, value)}
                for name, value in sums.items()
            }
            if definition.subscale_bands
            else sums
        )
    if definition.diagnostic_rule:
        rule = definition.diagnostic_rule
        endorsed = {
            name: sum(1 for n in definition.subscales[name] if item(n) >= rule.endorsed_at_least)
            for name in rule.clusters
        }
        result["cluster_endorsed_counts"] = endorsed
        result[rule.name] = all(endorsed[name] >= needed for name, needed in rule.clusters.items())
    if definition.further_assessment:
        rule_values = definition.further_assessment
        result["further_assessment"] = result["total"] < rule_values["total_below"] or any(
            value <= rule_values["any_item_at_most"] for value in answers
        )
    if definition.flag_from_band:
        name, band = definition.flag_from_band
        result[name] = result["band"] == band
    return result
