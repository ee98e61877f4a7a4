from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from alongside.organisations.models import Organisation, Unit
from alongside.organisations.tests.factories import MembershipFactory, UnitFactory
from alongside.selfchecks.actions import complete_self_check
from alongside.selfchecks.queries import aggregate_scores

pytestmark = pytest.mark.django_db

MILD = [1, 1, 1, 1, 1, 0, 0, 0, 0]  # 5
SEVERE = [3, 3, 3, 3, 3, 3, 2, 0, 0]  # 20


def people(organisation: Organisation, n: int, unit: Unit | None = None) -> list:  # type: ignore[type-arg]
    return [
        MembershipFactory.create(organisation=organisation, units=[unit] if unit else [])
        for _ in range(n)
    ]


def test_counts_per_band_with_cells_under_five_suppressed(organisation: Organisation) -> None:
    for member in people(organisation, 6):
        complete_self_check(by=member, instrument="phq9", answers=MILD)
    for member in people(organisation, 4):
        complete_self_check(by=member, instrument="phq9", answers=SEVERE)

    counts = aggregate_scores(organisation)

    assert counts == {
        "phq9": {
            "none_minimal": None,
            "mild": 6,
            "moderate": None,
            "moderately_severe": None,
            "severe": None,
        }
    }


def test_each_person_counts_once_with_their_latest_result(organisation: Organisation) -> None:
    members = people(organisation, 5)
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        for member in members:
            complete_self_check(by=member, instrument="phq9", answers=SEVERE)
    for member in members:
        complete_self_check(by=member, instrument="phq9", answers=MILD)

    assert aggregate_scores(organisation)["phq9"]["mild"] == 5
    assert aggregate_scores(organisation)["phq9"]["severe"] is None


def test_since_and_unit_narrow_who_is_counted(organisation: Organisation) -> None:
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        for member in people(organisation, 5, icu):
            complete_self_check(by=member, instrument="gad2", answers=[3, 3])
    for member in people(organisation, 5):
        complete_self_check(by=member, instrument="gad2", answers=[0, 0])

    recent = aggregate_scores(organisation, since=timezone.now() - timedelta(days=30))
    in_icu = aggregate_scores(organisation, unit=icu)

    assert recent == {"gad2": {"negative": 5, "positive": None}}
    assert in_icu == {"gad2": {"negative": None, "positive": 5}}


def test_proqol_counts_each_subscale_band(organisation: Organisation) -> None:
    for member in people(organisation, 5):
        complete_self_check(by=member, instrument="proqol5", answers=[3] * 30)

    counts = aggregate_scores(organisation)["proqol5"]

    assert counts["compassion_satisfaction.moderate"] == 5
    assert counts["burnout.moderate"] == 5 and counts["burnout.low"] is None
    assert len(counts) == 9


def test_another_organisations_results_are_never_counted(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    for member in people(other_organisation, 5):
        complete_self_check(by=member, instrument="phq2", answers=[0, 0])

    assert aggregate_scores(organisation) == {}
    assert aggregate_scores(other_organisation)["phq2"]["negative"] == 5
