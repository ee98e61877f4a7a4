"""Reads of `losses`. Who answered what to their offer is never read for anyone else."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, Q, QuerySet

from alongside.organisations.models import Membership

from .models import (
    ActionPoint,
    EhrFeed,
    FeedUnitCode,
    LossEvent,
    Participant,
    Source,
    StaffIdentifier,
)

SEARCH_LIMIT = 8


def participants_of(loss: LossEvent) -> QuerySet[Participant]:
    """Who was there (names only: their offers are private)."""
    return loss.participants.select_related("member__user").order_by("created_at")


def people_to_add(loss: LossEvent, search: str) -> list[Membership]:
    """Active members of the loss's organisation matching `search`, not already there."""
    search = search.strip()
    if len(search) < 2:
        return []
    return list(
        Membership.objects.active()
        .filter(organisation_id=loss.organisation_id, user__name__icontains=search)
        .exclude(pk__in=loss.participants.values("member_id"))
        .select_related("user")
        .order_by("user__name")[:SEARCH_LIMIT]
    )


def waiting_offer_for(member: Membership) -> Participant | None:
    """The person's most recent offer they have not answered, for their home page."""
    return (
        Participant.objects.filter(member=member, offer_answered_at__isnull=True)
        .exclude(how_added="recorded")
        .select_related("loss__unit")
        .order_by("-created_at")
        .first()
    )


def recent_losses_of(member: Membership) -> list[LossEvent]:
    """Losses the person was there for, newest first."""
    return list(
        LossEvent.objects.filter(participants__member=member)
        .select_related("unit")
        .order_by("-occurred_at")[:10]
    )


def action_points_for(member: Membership, *, is_coordinator: bool) -> list[ActionPoint]:
    """Action points the member may follow: their own, those from debriefs of losses they
    recorded, and, for a coordinator, every one of the organisation. Open ones first."""
    points = ActionPoint.objects.filter(loss__organisation_id=member.organisation_id)
    if not is_coordinator:
        points = points.filter(Q(owner=member) | Q(created_by=member) | Q(loss__recorded_by=member))
    return list(
        points.select_related("owner__user", "loss__unit").order_by(
            F("closed_at").asc(nulls_first=True), "due_on", "pk"
        )
    )


def open_action_point_count(member: Membership) -> int:
    return ActionPoint.objects.filter(owner=member, closed_at__isnull=True).count()


def feed_for_facility(facility: str) -> EhrFeed | None:
    """The switched-on feed an HL7 message is addressed to (MSH-6), with its organisation."""
    if not facility:
        return None
    return (
        EhrFeed.objects.filter(facility=facility, is_enabled=True)
        .select_related("organisation")
        .first()
    )


def feed_for_token(token: str) -> EhrFeed | None:
    """The switched-on feed whose FHIR bearer token this is (compared by hash)."""
    if not token:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    return (
        EhrFeed.objects.filter(token_hash=digest, is_enabled=True)
        .select_related("organisation")
        .first()
    )


def feed_of(organisation_id: int) -> EhrFeed | None:
    return EhrFeed.objects.filter(organisation_id=organisation_id).first()


def unit_codes_of(organisation_id: int) -> list[FeedUnitCode]:
    return list(FeedUnitCode.objects.filter(organisation_id=organisation_id).select_related("unit"))


def staff_identifiers_of(organisation_id: int) -> list[StaffIdentifier]:
    return list(
        StaffIdentifier.objects.filter(organisation_id=organisation_id).select_related(
            "member__user"
        )
    )


@dataclass(frozen=True)
class LossFigures:
    """For the programme reports: how often the team paused and debriefed after a loss, and
    whether the debriefs' action points got done. Counts of events, never of people."""

    losses: int
    from_records: int
    paused: int
    debriefed: int
    action_points: int
    closed: int
    closed_on_time: int
    overdue: int

    @staticmethod
    def percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def pause_rate(self) -> int | None:
        return self.percent(self.paused, self.losses)

    @property
    def debrief_rate(self) -> int | None:
        return self.percent(self.debriefed, self.losses)

    @property
    def closure_rate(self) -> int | None:
        return self.percent(self.closed, self.action_points)


def loss_figures(organisation_id: int, *, since: datetime, today: date) -> LossFigures:
    """Losses since `since`, and the action points of their debriefs (two queries)."""
    losses = LossEvent.objects.filter(organisation_id=organisation_id, occurred_at__gte=since)
    counts = losses.aggregate(
        losses=Count("pk"),
        from_records=Count("pk", filter=~Q(source=Source.RECORDED)),
        paused=Count("pk", filter=Q(paused_at__isnull=False)),
        debriefed=Count("pk", filter=Q(debriefed_at__isnull=False)),
    )
    points = ActionPoint.objects.filter(loss__in=losses).aggregate(
        action_points=Count("pk"),
        closed=Count("pk", filter=Q(closed_at__isnull=False)),
        closed_on_time=Count("pk", filter=Q(closed_at__date__lte=F("due_on"))),
        overdue=Count("pk", filter=Q(closed_at__isnull=True, due_on__lt=today)),
    )
    return LossFigures(**counts, **points)
