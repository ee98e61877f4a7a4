"""Properties over every possible form (hypothesis): totals stay in range, scores move the way
the manuals say when one answer moves, and a form that is not complete is never scored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alongside.selfchecks.definitions import Instrument, instruments
from alongside.selfchecks.scoring import ScoringError, score

ALL = sorted(instruments())


@st.composite
def forms(draw: st.DrawFn) -> tuple[Instrument, list[int]]:
    definition = instruments()[draw(st.sampled_from(ALL))]
    answers = draw(
        st.lists(
            st.sampled_from(definition.codes),
            min_size=definition.item_count,
            max_size=definition.item_count,
        )
    )
    return definition, answers


@given(forms())
def test_totals_subscales_and_means_stay_in_range(form: tuple[Instrument, list[int]]) -> None:
    definition, answers = form
    result = score(definition.id, answers)
    n = definition.item_count

    if definition.total:
        assert definition.lowest * n <= result["total"] <= definition.highest * n
        assert result["band"] in {band.name for band in definition.bands}
    else:
        assert result["total"] is None and result["band"] is None
    for name, members in definition.subscales.items():
        value = result["subscales"][name]
        value = value["score"] if isinstance(value, dict) else value
        assert definition.lowest * len(members) <= value <= definition.highest * len(members)
    if definition.mean:
        assert definition.lowest <= result["mean"] <= definition.highest
    if definition.percentage_factor:
        assert 0 <= result["percentage"] <= 100


@given(forms(), st.data())
def test_a_higher_answer_never_lowers_a_score_unless_the_item_is_reversed(
    form: tuple[Instrument, list[int]], data: st.DataObject
) -> None:
    definition, answers = form
    number = data.draw(st.integers(1, definition.item_count))
    if answers[number - 1] == definition.highest:
        return
    higher = list(answers)
    higher[number - 1] += 1
    before, after = score(definition.id, answers), score(definition.id, higher)

    direction = -1 if number in definition.reversed else 1
    if definition.total:
        assert (after["total"] - before["total"]) * direction == 1
        order = [band.name for band in definition.bands]
        step = order.index(after["band"]) - order.index(before["band"])
        assert step * direction >= 0  # bands never move against the score
    for name in definition.subscales:
        a, b = after["subscales"][name], before["subscales"][name]
        a, b = (a["score"], b["score"]) if isinstance(a, dict) else (a, b)
        assert (a - b) * direction >= 0
    # The safety flag, once raised, stays raised as an answer rises.
    if before["safety_flag"]:
        assert after["safety_flag"]


@given(forms(), st.data())
def test_a_form_with_an_answer_missing_or_extra_is_never_scored(
    form: tuple[Instrument, list[int]], data: st.DataObject
) -> None:
    definition, answers = form
    answers = answers[:-1] if data.draw(st.booleans()) else [*answers, definition.lowest]

    with pytest.raises(ScoringError, match=f"takes {definition.item_count} answers"):
        score(definition.id, answers)
