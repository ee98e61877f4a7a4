"""Scoring as the manuals say: every band boundary, every reversed item, the safety flag,
the traps the issue names, and incomplete forms refused (never prorated)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alongside.selfchecks.definitions import instruments
from alongside.selfchecks.scoring import ScoringError, score


def _with_total(instrument_id: str, total: int, *, items: int, top: int) -> list[int]:
    """Answers that add up to `total` (filled from the first item)."""
    answers = []
    for _ in range(items):
        value = min(top, total)
        answers.append(value)
        total -= value
    assert total == 0
    return answers


# (instrument, items, highest code, [(total, band), ...]) at both sides of every cut-off.
SUM_BANDS = [
    (
        "phq9",
        9,
        3,
        [
            (0, "none_minimal"),
            (4, "none_minimal"),
            (5, "mild"),
            (9, "mild"),
            (10, "moderate"),
            (14, "moderate"),
            (15, "moderately_severe"),
            (19, "moderately_severe"),
            (20, "severe"),
            (27, "severe"),
        ],
    ),
    ("phq2", 2, 3, [(0, "negative"), (2, "negative"), (3, "positive"), (6, "positive")]),
    (
        "gad7",
        7,
        3,
        [
            (0, "minimal"),
            (4, "minimal"),
            (5, "mild"),
            (9, "mild"),
            (10, "moderate"),
            (14, "moderate"),
            (15, "severe"),
            (21, "severe"),
        ],
    ),
    ("gad2", 2, 3, [(0, "negative"), (2, "negative"), (3, "positive"), (6, "positive")]),
    (
        "pcl5",
        20,
        4,
        [(0, "below_cutoff"), (32, "below_cutoff"), (33, "probable_ptsd"), (80, "probable_ptsd")],
    ),
]


@pytest.mark.parametrize(("instrument_id", "items", "top", "cases"), SUM_BANDS)
def test_every_band_boundary_of_the_summed_instruments(
    instrument_id: str, items: int, top: int, cases: list[tuple[int, str]]
) -> None:
    for total, band in cases:
        # PHQ-9's last item raises the safety flag; keep it at 0 unless the total needs it.
        answers = _with_total(instrument_id, total, items=items, top=top)
        result = score(instrument_id, answers)
        assert (result["total"], result["band"]) == (total, band), (instrument_id, total)


def test_phq9_item_9_raises_the_safety_flag_whatever_the_total() -> None:
    assert score("phq9", [0] * 8 + [1]) == {
        "instrument": "phq9",
        "total": 1,
        "band": "none_minimal",
        "safety_flag": True,
    }
    assert score("phq9", [3] * 8 + [0])["safety_flag"] is False
    assert score("phq9", [0] * 8 + [3])["safety_flag"] is True


def test_only_phq9_has_a_safety_item() -> None:
    for instrument_id, definition in instruments().items():
        lowest = [definition.lowest] * definition.item_count
        highest = [definition.highest] * definition.item_count
        flagged = score(instrument_id, highest)["safety_flag"]
        assert score(instrument_id, lowest)["safety_flag"] is False
        assert flagged is (instrument_id == "phq9"), instrument_id


def test_pcl5_total_and_dsm5_rule_are_separate_results() -> None:
    # Exactly the minimum: 1 B, 1 C, 2 D, 2 E endorsed (rated 2), total 12: below the cut-off
    # yet a provisional diagnosis.
    answers = [0] * 20
    for item in (1, 6, 8, 9, 15, 16):
        answers[item - 1] = 2
    result = score("pcl5", answers)

    assert result["total"] == 12 and result["band"] == "below_cutoff"
    assert result["provisional_diagnosis"] is True
    assert result["subscales"] == {"cluster_b": 2, "cluster_c": 2, "cluster_d": 4, "cluster_e": 4}
    assert result["cluster_endorsed_counts"] == {
        "cluster_b": 1,
        "cluster_c": 1,
        "cluster_d": 2,
        "cluster_e": 2,
    }


@pytest.mark.parametrize("short_of", [1, 6, 8, 15])
def test_pcl5_one_endorsement_short_in_any_cluster_is_no_diagnosis(short_of: int) -> None:
    answers = [0] * 20
    for item in (1, 6, 8, 9, 15, 16):
        answers[item - 1] = 2
    answers[short_of - 1] = 1  # rated 1: present, not endorsed

    assert score("pcl5", answers)["provisional_diagnosis"] is False


def test_pcl5_a_high_total_without_the_cluster_pattern_is_no_diagnosis() -> None:
    answers = [4] * 5 + [0, 0] + [4] * 13  # 72, but nothing in cluster C
    result = score("pcl5", answers)

    assert result["band"] == "probable_ptsd" and result["provisional_diagnosis"] is False


PROQOL_SUBSCALES = {
    "compassion_satisfaction": [3, 6, 12, 16, 18, 20, 22, 24, 27, 30],
    "burnout": [1, 4, 8, 10, 15, 17, 19, 21, 26, 29],
    "secondary_traumatic_stress": [2, 5, 7, 9, 11, 13, 14, 23, 25, 28],
}


def test_proqol5_has_no_total_and_reverses_burnout_items_1_4_15_17_29() -> None:
    answers = [3] * 30
    for item in (1, 4, 15, 17, 29):
        answers[item - 1] = 1  # "Never" on a reversed item scores 5

    result = score("proqol5", answers)

    assert result["total"] is None and result["band"] is None
    assert result["subscales"]["burnout"] == {"score": 5 * 5 + 5 * 3, "band": "moderate"}
    assert result["subscales"]["compassion_satisfaction"] == {"score": 30, "band": "moderate"}


@pytest.mark.parametrize(
    ("raw", "band"),
    [(10, "low"), (22, "low"), (23, "moderate"), (41, "moderate"), (42, "high"), (50, "high")],
)
def test_proqol5_subscale_bands_on_the_raw_sum(raw: int, band: str) -> None:
    for name, members in PROQOL_SUBSCALES.items():
        answers = [3] * 30
        # Share `raw` over the subscale's ten items (codes 1-5), as scored (after reversal).
        left = raw
        for position, item in enumerate(members):
            value = max(1, min(5, left - (len(members) - position - 1)))
            left -= value
            scored = 6 - value if item in (1, 4, 15, 17, 29) else value
            answers[item - 1] = scored
        assert left == 0
        assert score("proqol5", answers)["subscales"][name] == {"score": raw, "band": band}


def test_brs_reverses_items_2_4_6_and_bands_the_unrounded_mean() -> None:
    # Items 1, 3, 5 at 5; reversed items 2, 4, 6 answered 1 score 5: all 5.
    assert score("brs", [5, 1, 5, 1, 5, 1]) == {
        "instrument": "brs",
        "total": 30,
        "band": "high_resilience",
        "safety_flag": False,
        "mean": 5.0,
    }
    # 18 / 6 = 3.00 is normal; 17 / 6 = 2.83 is low.
    assert score("brs", [3, 3, 3, 3, 3, 3])["band"] == "normal_resilience"
    assert score("brs", [2, 3, 3, 3, 3, 3])["band"] == "low_resilience"
    # 26 / 6 = 4.3333 prints as 4.33 yet is above 4.30: high. 4.30 itself cannot be reached
    # with six items; 25 / 6 = 4.1667 is normal.
    high = score("brs", [5, 1, 4, 2, 4, 2])
    assert (high["total"], high["mean"], high["band"]) == (26, 4.33, "high_resilience")
    assert score("brs", [4, 2, 4, 2, 4, 1])["band"] == "normal_resilience"


@pytest.mark.parametrize(
    ("answers", "percentage", "band", "further"),
    [
        ([1, 1, 1, 2, 2], 28, "likely_depression", True),
        ([2, 2, 2, 1, 0], 28, "likely_depression", True),
        ([2, 2, 2, 2, 0], 32, "poor_wellbeing", True),
        ([3, 3, 3, 2, 2], 52, "above_cutoff", False),
        ([2, 2, 2, 3, 3], 48, "poor_wellbeing", True),  # raw 12 < 13: further assessment
        ([5, 5, 5, 5, 1], 84, "above_cutoff", True),  # any item at 1: further assessment
        ([3, 3, 3, 2, 2], 52, "above_cutoff", False),
        ([5, 5, 5, 5, 5], 100, "above_cutoff", False),
    ],
)
def test_who5_percentage_bands_and_further_assessment(
    answers: list[int], percentage: int, band: str, further: bool
) -> None:
    result = score("who5", answers)

    assert result["percentage"] == sum(answers) * 4 == percentage
    assert (result["band"], result["further_assessment"]) == (band, further)


def test_who5_bands_meet_at_28_29_and_50_51() -> None:
    # Percentages are multiples of 4: 28 and 32 straddle the first cut-off, 48 and 52 the
    # second; the definition's bands are checked to leave no gap anywhere in 0-100.
    definition = instruments()["who5"]
    for value in range(101):
        assert sum(band.holds(value) for band in definition.bands) == 1, value


@pytest.mark.parametrize(("answer", "burnout"), [(1, False), (2, False), (3, True), (5, True)])
def test_mini_z_burnout_item(answer: int, burnout: bool) -> None:
    result = score("mini_z1_burnout_item", [answer])

    assert result["burnout"] is burnout
    assert result["band"] == ("burnout" if burnout else "no_burnout")


@pytest.mark.parametrize(
    ("instrument_id", "answers", "message"),
    [
        ("phq9", [0] * 8, "phq9 takes 9 answers, got 8."),
        ("phq9", [0] * 10, "phq9 takes 9 answers, got 10."),
        ("phq9", [0] * 8 + [4], "Answer 9 is 4; phq9 answers are 0 to 3."),
        ("proqol5", [0] + [3] * 29, "Answer 1 is 0; proqol5 answers are 1 to 5."),
        ("who5", [6, 0, 0, 0, 0], "Answer 1 is 6; who5 answers are 0 to 5."),
        ("phq-9", [0] * 9, "Unknown instrument 'phq-9'."),
    ],
)
def test_incomplete_or_out_of_range_forms_are_refused_not_prorated(
    instrument_id: str, answers: list[int], message: str
) -> None:
    with pytest.raises(ScoringError) as raised:
        score(instrument_id, answers)

    assert str(raised.value).startswith(message)


def test_every_definition_covers_its_whole_range_with_one_band_each_step() -> None:
    for definition in instruments().values():
        if definition.band_on is None:
            continue
        low = definition.lowest * definition.item_count
        high = definition.highest * definition.item_count
        factor = definition.percentage_factor or 1
        for raw in range(low, high + 1):
            value = raw / definition.item_count if definition.mean else raw * factor
            holding = [band.name for band in definition.bands if band.holds(value)]
            assert len(holding) == 1, (definition.id, value, holding)


def test_a_translation_must_match_the_original_item_for_item(tmp_path: Path) -> None:
    from alongside.selfchecks import definitions

    raw = json.loads((definitions.FOLDER / "gad2.json").read_text())
    raw["translations"]["es"]["items"] = raw["translations"]["es"]["items"][:1]
    broken = tmp_path / "gad2.json"
    broken.write_text(json.dumps(raw))

    with pytest.raises(ValueError, match="does not match"):
        definitions._read(broken)


def test_every_instrument_carries_its_published_wording_in_full() -> None:
    for definition in instruments().values():
        assert len(definition.items) == definition.item_count > 0
        assert all(option.label for option in definition.options), definition.id
        for language, wording in definition.translations.items():
            assert language in definition.languages
            assert len(wording.items) == definition.item_count
            assert [o.code for o in wording.options] == [o.code for o in definition.options]
    assert instruments()["phq9"].wording("es-mx").items[8].startswith("Pensamientos de que")
    assert instruments()["who5"].wording("es").language == "en"
