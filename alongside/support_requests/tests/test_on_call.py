"""Who is on call: weekly shifts in local time (overnight, across daylight saving), one-off
cover and time off."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from alongside.organisations.models import Membership, Organisation
from alongside.organisations.tests.factories import MembershipFactory
from alongside.support_requests import queries
from alongside.support_requests.models import ExtraShift, Tier, TimeOff

from .factories import ShiftFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def supporter(organisation: Organisation) -> Membership:
    # organisation's time zone is America/New_York (the factory's).
    return MembershipFactory.create(organisation=organisation, is_peer_supporter=True)


def on_call_at(organisation: Organisation, at: datetime, tier: str = Tier.PRIMARY) -> set[int]:
    return set(
        queries.on_call_supporters(organisation, tier=tier, at=at).values_list("pk", flat=True)
    )


def test_a_day_shift_covers_its_local_hours_only(supporter: Membership) -> None:
    # Monday 08:00-20:00 New York time.
    ShiftFactory.create(supporter=supporter, weekday=0, starts=time(8), ends=time(20))
    org = supporter.organisation

    # 2026-11-23 is a Monday; New York is UTC-5 in November.
    assert on_call_at(org, datetime(2026, 11, 23, 13, 0, tzinfo=UTC)) == {supporter.pk}  # 08:00
    assert on_call_at(org, datetime(2026, 11, 24, 0, 59, tzinfo=UTC)) == {supporter.pk}  # 19:59
    assert on_call_at(org, datetime(2026, 11, 24, 1, 0, tzinfo=UTC)) == set()  # 20:00
    assert on_call_at(org, datetime(2026, 11, 23, 12, 59, tzinfo=UTC)) == set()  # 07:59
    assert on_call_at(org, datetime(2026, 11, 24, 13, 0, tzinfo=UTC)) == set()  # Tuesday


def test_an_overnight_shift_runs_into_the_next_morning(supporter: Membership) -> None:
    # Sunday 20:00 to Monday 08:00.
    ShiftFactory.create(supporter=supporter, weekday=6, starts=time(20), ends=time(8))
    org = supporter.organisation

    assert on_call_at(org, datetime(2026, 11, 23, 2, 0, tzinfo=UTC)) == {supporter.pk}  # Sun 21:00
    assert on_call_at(org, datetime(2026, 11, 23, 12, 30, tzinfo=UTC)) == {
        supporter.pk
    }  # Mon 07:30
    assert on_call_at(org, datetime(2026, 11, 23, 13, 0, tzinfo=UTC)) == set()  # Mon 08:00
    assert on_call_at(org, datetime(2026, 11, 22, 12, 0, tzinfo=UTC)) == set()  # Sun 07:00


def test_a_shift_keeps_its_local_hours_across_a_daylight_saving_change(
    supporter: Membership,
) -> None:
    # Sundays 08:00-09:00 local. New York moved from UTC-4 to UTC-5 on Sunday 2026-11-01.
    ShiftFactory.create(supporter=supporter, weekday=6, starts=time(8), ends=time(9))
    org = supporter.organisation

    before = datetime(2026, 10, 25, 12, 30, tzinfo=UTC)  # 08:30 EDT
    after = datetime(2026, 11, 1, 13, 30, tzinfo=UTC)  # 08:30 EST
    assert on_call_at(org, before) == {supporter.pk}
    assert on_call_at(org, after) == {supporter.pk}
    # The same UTC hour as the week before is 07:30 local after the change: not covered.
    assert on_call_at(org, datetime(2026, 11, 1, 12, 30, tzinfo=UTC)) == set()


def test_time_off_wins_over_shifts_and_one_off_cover_adds_to_them(
    supporter: Membership, organisation: Organisation
) -> None:
    ShiftFactory.create(supporter=supporter, weekday=0, starts=time(0), ends=time(0))
    other = MembershipFactory.create(organisation=organisation, is_peer_supporter=True)
    monday_noon = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    TimeOff.objects.create(
        organisation=organisation,
        supporter=supporter,
        starts_at=monday_noon - timedelta(hours=1),
        ends_at=monday_noon + timedelta(hours=1),
    )
    ExtraShift.objects.create(
        organisation=organisation,
        supporter=other,
        starts_at=monday_noon - timedelta(hours=1),
        ends_at=monday_noon + timedelta(hours=1),
    )

    assert on_call_at(organisation, monday_noon) == {other.pk}
    assert on_call_at(organisation, monday_noon + timedelta(hours=2)) == {supporter.pk}


def test_only_active_peer_supporters_of_the_tier_are_on_call(
    supporter: Membership, organisation: Organisation, outsider: Membership
) -> None:
    ShiftFactory.create(supporter=supporter, weekday=0, tier=Tier.BACKUP)
    left = MembershipFactory.create(organisation=organisation, is_peer_supporter=True)
    ShiftFactory.create(supporter=left, weekday=0)
    left.deactivated_at = datetime(2026, 1, 1, tzinfo=UTC)
    left.save()
    ShiftFactory.create(supporter=outsider, weekday=0)
    monday = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)

    assert on_call_at(organisation, monday) == set()
    assert on_call_at(organisation, monday, tier=Tier.BACKUP) == {supporter.pk}
