from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership, Organisation
from alongside.organisations.tests.factories import MembershipFactory
from alongside.support_requests import queries
from alongside.support_requests.actions import create_calendar_feed
from alongside.support_requests.models import ExtraShift, Tier, TimeOff
from conftest import client_for

from .factories import ShiftFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def supporter_in(organisation: Organisation, name: str = "Maria Santos") -> Membership:
    """A peer supporter. The tests that read hours set the organisation's time zone first."""
    return MembershipFactory.create(
        organisation=organisation, is_peer_supporter=True, user__name=name
    )


def test_a_weekly_shift_keeps_its_local_hours_across_the_clock_change(
    organisation: Organisation,
) -> None:
    organisation.time_zone = "Europe/London"
    organisation.save()
    maria = supporter_in(organisation)
    # Sundays 08:00-20:00; the clocks go forward at 01:00 on Sunday 28 March 2027.
    ShiftFactory.create(supporter=maria, weekday=6, starts=time(8), ends=time(20))

    periods = queries.shift_periods(
        organisation,
        start=datetime(2027, 3, 20, tzinfo=UTC),
        end=datetime(2027, 4, 1, tzinfo=UTC),
    )

    assert [
        (p.starts_at.astimezone(UTC).hour, p.ends_at.astimezone(UTC).hour) for p in periods
    ] == [
        (8, 20),  # 21 March, GMT
        (7, 19),  # 28 March, BST: still 08:00-20:00 on the ward clock
    ]


def test_an_overnight_shift_ends_the_next_morning(organisation: Organisation) -> None:
    organisation.time_zone = "UTC"
    organisation.save()
    maria = supporter_in(organisation)
    ShiftFactory.create(supporter=maria, weekday=0, starts=time(19), ends=time(7))
    monday = datetime(2027, 1, 4, tzinfo=UTC)

    (period,) = queries.shift_periods(organisation, start=monday, end=monday + timedelta(days=1))

    assert period.starts_at == datetime(2027, 1, 4, 19, tzinfo=UTC)
    assert period.ends_at == datetime(2027, 1, 5, 7, tzinfo=UTC)


def test_the_periods_agree_with_who_is_paged_at_every_hour_of_two_weeks(
    organisation: Organisation,
) -> None:
    organisation.time_zone = "America/New_York"  # a clock change falls in the window
    organisation.save()
    day, night, backup, weekday = (supporter_in(organisation, n) for n in "DNBW")
    for d in range(7):
        ShiftFactory.create(supporter=day, weekday=d, starts=time(7), ends=time(19))
        ShiftFactory.create(supporter=night, weekday=d, starts=time(19), ends=time(7))
        ShiftFactory.create(supporter=backup, weekday=d, tier=Tier.BACKUP)
    for d in range(5):
        ShiftFactory.create(supporter=weekday, weekday=d, starts=time(9), ends=time(17))
    start = datetime(2026, 10, 26, 0, 30, tzinfo=UTC)
    ExtraShift.objects.create(
        organisation=organisation,
        supporter=weekday,
        starts_at=start + timedelta(days=5),
        ends_at=start + timedelta(days=6),
    )
    TimeOff.objects.create(
        organisation=organisation,
        supporter=night,
        starts_at=start + timedelta(days=2),
        ends_at=start + timedelta(days=4),
    )
    end = start + timedelta(days=14)
    periods = queries.shift_periods(organisation, start=start, end=end)
    away = queries.time_off_periods(organisation, start=start, end=end)

    for hour in range(14 * 24):
        at = start + timedelta(hours=hour)
        for tier in Tier:
            paged = set(
                queries.on_call_supporters(organisation, tier=tier, at=at).values_list(
                    "pk", flat=True
                )
            )
            covering = {
                p.supporter_id for p in periods if p.tier == tier and p.starts_at <= at < p.ends_at
            } - {t.supporter_id for t in away if t.starts_at <= at < t.ends_at}
            assert paged == covering, (at, tier)


def test_coverage_shows_the_hours_nobody_is_on_call(organisation: Organisation) -> None:
    organisation.time_zone = "Europe/London"
    organisation.save()
    maria, bea = supporter_in(organisation), supporter_in(organisation, "Bea Backup")
    for d in range(7):
        ShiftFactory.create(supporter=maria, weekday=d, starts=time(8), ends=time(20))
    # A backup on Monday nights only.
    ShiftFactory.create(supporter=bea, weekday=0, starts=time(20), ends=time(8), tier=Tier.BACKUP)
    start = datetime(2027, 1, 4, 9, tzinfo=LONDON)  # a Monday
    TimeOff.objects.create(
        organisation=organisation,
        supporter=maria,
        starts_at=datetime(2027, 1, 6, 12, tzinfo=LONDON),
        ends_at=datetime(2027, 1, 6, 14, tzinfo=LONDON),
    )

    result = queries.coverage(organisation, start=start)

    assert len(result.days) == 14 and result.days[0].day.isoformat() == "2027-01-04"
    monday, tuesday, wednesday = result.days[:3]
    assert monday.hours[8:20] == ["covered"] * 12
    assert monday.hours[20:] == ["backup"] * 4 and tuesday.hours[:8] == ["backup"] * 8
    assert tuesday.hours[20:] == ["gap"] * 4
    assert wednesday.hours[12:14] == ["gap", "gap"]  # Maria's time off
    first_gaps = [
        (g.starts_at.isoformat(), g.ends_at.isoformat(), g.backup) for g in result.gaps[:3]
    ]
    # Listed from 09:00, when the page is read: the night already gone is no gap to fill.
    assert first_gaps == [
        ("2027-01-04T20:00:00+00:00", "2027-01-05T08:00:00+00:00", "all"),
        ("2027-01-05T20:00:00+00:00", "2027-01-06T08:00:00+00:00", "none"),
        ("2027-01-06T12:00:00+00:00", "2027-01-06T14:00:00+00:00", "none"),
    ]


def test_a_supporter_who_left_covers_nothing(organisation: Organisation) -> None:
    organisation.time_zone = "UTC"
    organisation.save()
    maria = supporter_in(organisation)
    ShiftFactory.create(supporter=maria, weekday=0)
    maria.deactivated_at = timezone.now()
    maria.save()

    result = queries.coverage(organisation, start=datetime(2027, 1, 4, tzinfo=UTC), days=1)

    assert result.days[0].hours == ["gap"] * 24
    assert result.gaps[0].backup == "none"


def test_partly_backed_gaps_say_so(organisation: Organisation) -> None:
    organisation.time_zone = "UTC"
    organisation.save()
    bea = supporter_in(organisation, "Bea Backup")
    ShiftFactory.create(supporter=bea, weekday=0, starts=time(0), ends=time(6), tier=Tier.BACKUP)

    result = queries.coverage(organisation, start=datetime(2027, 1, 4, tzinfo=UTC), days=1)

    assert [g.backup for g in result.gaps] == ["some"]


def test_the_coverage_page_is_for_coordinators(
    organisation: Organisation, as_coordinator: Client, as_author: Client
) -> None:
    supporter_in(organisation)

    page = as_coordinator.get(reverse("support_requests:coverage"))

    assert page.status_code == 200
    assert "Hours with nobody on call" in page.content.decode()
    assert "Nobody, not even a backup" in page.content.decode()
    assert as_author.get(reverse("support_requests:coverage")).status_code == 404


# --- The calendar feed ----------------------------------------------------------------------


def test_a_supporter_gets_a_private_calendar_of_their_shifts(organisation: Organisation) -> None:
    maria = supporter_in(organisation)
    ShiftFactory.create(supporter=maria, weekday=0, starts=time(8), ends=time(20))
    ShiftFactory.create(supporter=maria, weekday=3, tier=Tier.BACKUP)
    now = timezone.now()
    TimeOff.objects.create(
        organisation=organisation,
        supporter=maria,
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=2),
    )
    client = client_for(maria)

    client.post(reverse("support_requests:calendar-feed-create"))
    page = client.get(reverse("support_requests:availability")).content.decode()

    feed = maria.calendar_feed
    url = reverse("support_requests:calendar-feed", kwargs={"token": feed.token})
    assert url in page
    response = Client().get(url)  # a calendar app: not signed in
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert 8 <= summaries.count("On call for peer support") <= 10  # 9 Mondays in the window
    assert 8 <= summaries.count("Backup for peer support") <= 10
    assert summaries.count("Not available for pages") == 1
    assert all(e.decoded("DTSTART").tzinfo is not None for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert maria.user.display_name not in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.CALENDAR_FEED_CREATED).count() == 1


def test_a_new_link_ends_the_old_one(organisation: Organisation) -> None:
    maria = supporter_in(organisation)
    old = create_calendar_feed(by=maria).token

    new = create_calendar_feed(by=maria).token

    assert old != new
    assert Client().get(f"/support/calendar/{old}.ics").status_code == 404
    assert Client().get(f"/support/calendar/{new}.ics").status_code == 200


def test_the_link_of_someone_who_left_stops_working(organisation: Organisation) -> None:
    maria = supporter_in(organisation)
    token = create_calendar_feed(by=maria).token
    maria.deactivated_at = timezone.now()
    maria.save()

    assert Client().get(f"/support/calendar/{token}.ics").status_code == 404


def test_only_peer_supporters_make_a_calendar_link(author: Membership) -> None:
    with pytest.raises(ActionError, match="Only peer supporters"):
        create_calendar_feed(by=author)
