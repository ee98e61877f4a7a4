"""Reads for support requests and the rota, each scoped to one organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.organisations.models import CrisisResource, Membership, Organisation

from .models import (
    OUTCOME_RESOURCE_KINDS,
    CalendarFeed,
    ExtraShift,
    Page,
    Shift,
    Step,
    SupportRequest,
    SupportRequestQuerySet,
    Tier,
    TimeOff,
)


def _local(organisation: Organisation, at: datetime) -> datetime:
    return at.astimezone(ZoneInfo(organisation.time_zone))


def on_call_supporters(
    organisation: Organisation,
    *,
    tier: str = Tier.PRIMARY,
    at: datetime | None = None,
) -> QuerySet[Membership]:
    """Active peer supporters of `organisation` on call in `tier` at `at` (default now): a weekly
    shift in local time or a one-off shift covers them, and no time off of theirs does."""
    at = at or timezone.now()
    local = _local(organisation, at)
    weekday, clock = local.weekday(), local.time().replace(microsecond=0)
    yesterday = (weekday - 1) % 7
    weekly = Shift.objects.filter(organisation=organisation, tier=tier).filter(
        # Same day: started, and either ends later today or runs past midnight.
        Q(weekday=weekday, starts__lte=clock, ends__gt=clock)
        | Q(weekday=weekday, starts__lte=clock, ends__lte=F("starts"))
        # Yesterday's overnight shift that has not ended yet.
        | Q(weekday=yesterday, ends__gt=clock, ends__lte=F("starts"))
    )
    extra = ExtraShift.objects.filter(
        organisation=organisation, tier=tier, starts_at__lte=at, ends_at__gt=at
    )
    return available_supporters(organisation, at=at).filter(
        Q(pk__in=weekly.values("supporter_id")) | Q(pk__in=extra.values("supporter_id"))
    )


def available_supporters(organisation: Organisation, *, at: datetime) -> QuerySet[Membership]:
    """Active peer supporters of `organisation` with no time off at `at`, rota or not."""
    away = TimeOff.objects.filter(organisation=organisation, starts_at__lte=at, ends_at__gt=at)
    return (
        Membership.objects.active()
        .filter(organisation=organisation, is_peer_supporter=True)
        .exclude(pk__in=away.values("supporter_id"))
        .select_related("user", "organisation")
    )


def page_recipients(support_request: SupportRequest, step: int) -> list[Membership]:
    """Who to page at `step`: never the requester, nobody already paged, and nobody from the
    requester's units when they asked for someone from outside."""
    organisation = support_request.organisation
    candidates: QuerySet[Membership]
    if step == Step.SAME_SUPPORTER:
        # The person asked for them by name, so their unit does not matter; their time off does.
        preferred = support_request.preferred_supporter_id
        if preferred is None:
            return []
        candidates = available_supporters(organisation, at=timezone.now()).filter(pk=preferred)
    elif step == Step.ON_CALL:
        candidates = on_call_supporters(organisation, tier=Tier.PRIMARY)
    elif step == Step.BACKUP:
        candidates = on_call_supporters(organisation, tier=Tier.BACKUP)
    elif step == Step.COORDINATORS:
        candidates = (
            Membership.objects.active()
            .filter(organisation=organisation, is_coordinator=True)
            .select_related("user", "organisation")
        )
    else:
        return []
    candidates = candidates.exclude(pk=support_request.requester_id).exclude(
        pk__in=Page.objects.filter(support_request=support_request).values("recipient_id")
    )
    if support_request.wants_outside_unit and step in (Step.ON_CALL, Step.BACKUP):
        requester_units = support_request.requester.units.values("pk")
        candidates = candidates.exclude(units__in=requester_units)
    return list(candidates.distinct())


def requests_of(requester: Membership) -> SupportRequestQuerySet:
    """A member's own requests, newest first."""
    return SupportRequest.objects.filter(
        organisation_id=requester.organisation_id, requester=requester
    ).select_related("supporter__user")


def open_request_of(requester: Membership) -> SupportRequest | None:
    return requests_of(requester).open().first()


def pages_for(recipient: Membership, *, limit: int = 30) -> list[Page]:
    """The pages a supporter (or coordinator) received, newest first, with their requests."""
    return list(
        Page.objects.filter(
            recipient=recipient, support_request__organisation_id=recipient.organisation_id
        )
        .select_related("support_request", "support_request__unit")
        .order_by("-created_at")[:limit]
    )


def waiting_page_count(recipient: Membership) -> int:
    """Pages still waiting for an answer from this person (the home page's count)."""
    return Page.objects.filter(recipient=recipient, settled_at__isnull=True).count()


def taken_by(supporter: Membership) -> QuerySet[SupportRequest]:
    """Requests a supporter accepted and has not closed yet."""
    return (
        SupportRequest.objects.filter(
            organisation_id=supporter.organisation_id,
            supporter=supporter,
            status__in=[SupportRequest.Status.ACCEPTED, SupportRequest.Status.CONTACTED],
        )
        .select_related("requester__user", "unit")
        .order_by("accepted_at")
    )


def requests_for_programme(organisation: Organisation, *, limit: int = 100) -> list[SupportRequest]:
    """The organisation's requests for coordinators: open ones first, then the latest. Callers
    show the requester through `requester_label` (private names stay private)."""
    base = SupportRequest.objects.filter(organisation=organisation).select_related(
        "requester__user", "supporter__user", "unit"
    )
    open_ones = list(base.open().order_by("created_at"))
    recent = list(base.exclude(status__in=SupportRequest.OPEN_STATUSES)[: max(limit, 0)])
    return open_ones + recent


def requester_label(support_request: SupportRequest, viewer: Membership | None) -> str:
    """How a viewer sees who asked. The requester and the supporter who accepted see the name;
    everyone else sees it only if the requester did not keep it private."""
    sees_name = viewer is not None and viewer.pk in (
        support_request.requester_id,
        support_request.supporter_id,
    )
    if support_request.is_name_private and not sees_name:
        return _("Someone (their name goes only to the supporter who takes it)")
    return support_request.requester.user.display_name


def escalation_window(support_request: SupportRequest) -> timedelta:
    organisation = support_request.organisation
    minutes = {
        "now": organisation.escalation_minutes_now,
        "today": organisation.escalation_minutes_today,
        "soon": organisation.escalation_minutes_soon,
    }[support_request.urgency]
    return timedelta(minutes=minutes)


def referral_resources(organisation: Organisation) -> dict[str, list[CrisisResource]]:
    """The organisation's resources grouped by the referral outcome they serve."""
    resources = list(CrisisResource.objects.filter(organisation=organisation))
    return {
        outcome: [r for r in resources if r.kind in kinds]
        for outcome, kinds in OUTCOME_RESOURCE_KINDS.items()
    }


def rota_of(organisation: Organisation) -> list[Membership]:
    """Peer supporters with their weekly shifts, one-off shifts and time off still to come."""
    now = timezone.now()
    return list(
        Membership.objects.active()
        .filter(organisation=organisation, is_peer_supporter=True)
        .select_related("user")
        .prefetch_related(
            Prefetch("shifts", queryset=Shift.objects.order_by("weekday", "starts")),
            Prefetch("extra_shifts", queryset=ExtraShift.objects.filter(ends_at__gt=now)),
            Prefetch("time_off", queryset=TimeOff.objects.filter(ends_at__gt=now)),
        )
        .order_by("user__name", "user__email")
    )


def time_off_of(supporter: Membership) -> QuerySet[TimeOff]:
    return TimeOff.objects.filter(
        organisation_id=supporter.organisation_id, supporter=supporter, ends_at__gt=timezone.now()
    )


def calendar_feed_of(supporter: Membership) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(supporter=supporter).first()


def shifts_of(supporter: Membership) -> QuerySet[Shift]:
    return Shift.objects.filter(organisation_id=supporter.organisation_id, supporter=supporter)


def is_on_call(supporter: Membership, *, at: datetime | None = None) -> bool:
    return any(
        on_call_supporters(supporter.organisation, tier=tier, at=at)
        .filter(pk=supporter.pk)
        .exists()
        for tier in Tier
    )


# --- Shifts as periods of time: the calendar feed and the coverage page --------------------


@dataclass(frozen=True)
class Period:
    """One stretch of time: a shift on one date, one-off cover, or time off."""

    supporter_id: int
    tier: str
    starts_at: datetime
    ends_at: datetime
    uid: str  # stable across fetches: a calendar app updates the event instead of doubling it


def shift_periods(
    organisation: Organisation,
    *,
    start: datetime,
    end: datetime,
    supporter: Membership | None = None,
) -> list[Period]:
    """Every weekly shift and one-off cover that overlaps [start, end), as absolute times.
    Weekly shifts are placed on local dates in the organisation's time zone, so 08:00-20:00
    stays 08:00-20:00 on both sides of a daylight-saving change."""
    zone = ZoneInfo(organisation.time_zone)
    shifts = Shift.objects.filter(organisation=organisation)
    extras = ExtraShift.objects.filter(
        organisation=organisation, starts_at__lt=end, ends_at__gt=start
    )
    if supporter is not None:
        shifts, extras = shifts.filter(supporter=supporter), extras.filter(supporter=supporter)
    # The day before: an overnight shift that started then may still be running.
    first = start.astimezone(zone).date() - timedelta(days=1)
    dates = [
        first + timedelta(days=n) for n in range((end.astimezone(zone).date() - first).days + 1)
    ]
    periods = []
    for shift in shifts:
        for day in (d for d in dates if d.weekday() == shift.weekday):
            ends_on = day + timedelta(days=1) if shift.is_overnight else day
            starts_at = datetime.combine(day, shift.starts, tzinfo=zone)
            ends_at = datetime.combine(ends_on, shift.ends, tzinfo=zone)
            if starts_at < end and ends_at > start:
                uid = f"{shift.code}-{day.isoformat()}"
                periods.append(Period(shift.supporter_id, shift.tier, starts_at, ends_at, uid))
    periods += [Period(x.supporter_id, x.tier, x.starts_at, x.ends_at, str(x.code)) for x in extras]
    return sorted(periods, key=lambda p: (p.starts_at, p.supporter_id))


def time_off_periods(
    organisation: Organisation,
    *,
    start: datetime,
    end: datetime,
    supporter: Membership | None = None,
) -> list[Period]:
    away = TimeOff.objects.filter(organisation=organisation, starts_at__lt=end, ends_at__gt=start)
    if supporter is not None:
        away = away.filter(supporter=supporter)
    return [Period(t.supporter_id, "", t.starts_at, t.ends_at, str(t.code)) for t in away]


Span = tuple[datetime, datetime]


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for starts_at, ends_at in sorted(spans):
        if merged and starts_at <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], ends_at))
        else:
            merged.append((starts_at, ends_at))
    return merged


def _subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    result = []
    for starts_at, ends_at in spans:
        pieces = [(starts_at, ends_at)]
        for hole_start, hole_end in holes:
            pieces = [
                piece
                for a, b in pieces
                for piece in ((a, min(b, hole_start)), (max(a, hole_end), b))
                if piece[0] < piece[1]
            ]
        result += pieces
    return result


def _covers(spans: list[Span], starts_at: datetime, ends_at: datetime) -> bool:
    return any(a <= starts_at and b >= ends_at for a, b in spans)


@dataclass
class CoverageDay:
    day: date
    hours: list[str]  # per local hour: "covered", "backup" (only a backup) or "gap"


@dataclass
class Gap:
    """A stretch with nobody on call in the primary tier, in local time."""

    starts_at: datetime
    ends_at: datetime
    backup: str  # "all", "some" or "none" of it covered by a backup


@dataclass
class Coverage:
    days: list[CoverageDay]
    gaps: list[Gap]


def coverage(organisation: Organisation, *, start: datetime, days: int = 14) -> Coverage:
    """Who is on call over the next `days` local days, hour by hour, from the rota, one-off
    cover and time off of active supporters: the hours nobody covers are the gaps."""
    zone = ZoneInfo(organisation.time_zone)
    first = start.astimezone(zone).date()
    window_start = datetime.combine(first, time(0), tzinfo=zone)
    window_end = datetime.combine(first + timedelta(days=days), time(0), tzinfo=zone)
    active = set(
        Membership.objects.active()
        .filter(organisation=organisation, is_peer_supporter=True)
        .values_list("pk", flat=True)
    )
    away: dict[int, list[Span]] = {}
    for t in time_off_periods(organisation, start=window_start, end=window_end):
        away.setdefault(t.supporter_id, []).append((t.starts_at, t.ends_at))
    by_tier: dict[str, list[Span]] = {Tier.PRIMARY: [], Tier.BACKUP: []}
    for p in shift_periods(organisation, start=window_start, end=window_end):
        if p.supporter_id in active:
            spans = _subtract([(p.starts_at, p.ends_at)], away.get(p.supporter_id, []))
            by_tier[p.tier] += spans
    primary = _merge(by_tier[Tier.PRIMARY])
    either = _merge(by_tier[Tier.PRIMARY] + by_tier[Tier.BACKUP])
    result = Coverage(days=[], gaps=[])
    for n in range(days):
        day = first + timedelta(days=n)
        hours = []
        for hour in range(24):
            slot_start = datetime.combine(day, time(hour), tzinfo=zone)
            slot_end = slot_start + timedelta(hours=1)
            if _covers(primary, slot_start, slot_end):
                hours.append("covered")
            elif _covers(either, slot_start, slot_end):
                hours.append("backup")
            else:
                hours.append("gap")
        result.days.append(CoverageDay(day, hours))
    # Gaps from the current hour on: the hours already gone are no longer anyone's to fill.
    from_hour = max(window_start, start.replace(minute=0, second=0, microsecond=0))
    for gap_start, gap_end in _subtract([(from_hour, window_end)], primary):
        if _covers(either, gap_start, gap_end):
            backup = "all"
        elif any(a < gap_end and b > gap_start for a, b in either):
            backup = "some"
        else:
            backup = "none"
        result.gaps.append(Gap(gap_start.astimezone(zone), gap_end.astimezone(zone), backup))
    return result
