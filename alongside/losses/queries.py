"""Reads of `losses`. Who answered what to their offer is never read for anyone else."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet

from alongside.organisations.models import Membership

from .models import ActionPoint, LossEvent, Participant

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
