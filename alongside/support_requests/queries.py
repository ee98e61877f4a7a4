"""Reads for support requests and the rota, each scoped to one organisation."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.organisations.models import CrisisResource, Membership, Organisation

from .models import (
    OUTCOME_RESOURCE_KINDS,
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
    away = TimeOff.objects.filter(organisation=organisation, starts_at__lte=at, ends_at__gt=at)
    return (
        Membership.objects.active()
        .filter(organisation=organisation, is_peer_supporter=True)
        .filter(Q(pk__in=weekly.values("supporter_id")) | Q(pk__in=extra.values("supporter_id")))
        .exclude(pk__in=away.values("supporter_id"))
        .select_related("user")
    )


def page_recipients(support_request: SupportRequest, step: int) -> list[Membership]:
    """Who to page at `step`: never the requester, nobody already paged, and nobody from the
    requester's units when they asked for someone from outside."""
    organisation = support_request.organisation
    if step == Step.ON_CALL:
        candidates = on_call_supporters(organisation, tier=Tier.PRIMARY)
    elif step == Step.BACKUP:
        candidates = on_call_supporters(organisation, tier=Tier.BACKUP)
    elif step == Step.COORDINATORS:
        candidates = (
            Membership.objects.active()
            .filter(organisation=organisation, is_coordinator=True)
            .select_related("user")
        )
    else:
        return []
    candidates = candidates.exclude(pk=support_request.requester_id).exclude(
        pk__in=Page.objects.filter(support_request=support_request).values("recipient_id")
    )
    if support_request.wants_outside_unit and step != Step.COORDINATORS:
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


def shifts_of(supporter: Membership) -> QuerySet[Shift]:
    return Shift.objects.filter(organisation_id=supporter.organisation_id, supporter=supporter)


def is_on_call(supporter: Membership, *, at: datetime | None = None) -> bool:
    return any(
        on_call_supporters(supporter.organisation, tier=tier, at=at)
        .filter(pk=supporter.pk)
        .exists()
        for tier in Tier
    )
