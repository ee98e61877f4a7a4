"""Reads scoped to one organisation. Views pass `request.membership.organisation`, never an id
from the URL, so every list a person sees belongs to their own organisation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .crisis_defaults import DefaultResource, defaults_for
from .models import CrisisResource, Invitation, Membership, Organisation, Unit


def _earliest(memberships: list[Membership]) -> Membership | None:
    # Ordered in Python: a person has one active membership, rarely two, and building an
    # ORDER BY into this every-request query cost more than the sort (bench/README.md).
    return min(memberships, key=lambda m: (m.created_at, m.pk), default=None)


def active_membership_for(user_id: Any) -> Membership | None:
    """The signed-in person's current (earliest active) membership, with its organisation."""
    return _earliest(
        list(
            Membership.objects.filter(user_id=user_id, deactivated_at__isnull=True).select_related(
                "organisation"
            )
        )
    )


def active_membership_with_user(user_id: Any) -> Membership | None:
    """As `active_membership_for`, with the user too: the authentication backend's one query."""
    return _earliest(
        list(
            Membership.objects.filter(user_id=user_id, deactivated_at__isnull=True).select_related(
                "user", "organisation"
            )
        )
    )


def members_of(organisation: Organisation, *, search: str = "") -> QuerySet[Membership]:
    members = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("name")))
        .order_by("deactivated_at", "user__name", "user__email")
    )
    if search:
        members = members.filter(Q(user__name__icontains=search) | Q(user__email__icontains=search))
    return members


def units_of(organisation: Organisation) -> QuerySet[Unit]:
    return Unit.objects.filter(organisation=organisation).annotate(
        member_count=Count("memberships", filter=Q(memberships__deactivated_at__isnull=True))
    )


def pending_invitations_for(organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).prefetch_related("units")


def crisis_resources_for(
    organisation: Organisation | None, *, country: str | None = None
) -> list[CrisisResource | DefaultResource]:
    """The organisation's own list, with its country's crisis lines in front when it has none
    of its own (signed out, or every line removed): never a page for someone in crisis without
    a line to call. `country` is for no organisation (signed out); it defaults to the server's."""
    own: list[CrisisResource | DefaultResource] = []
    country = country or settings.ALONGSIDE_DEFAULT_COUNTRY
    if organisation is not None:
        own = list(CrisisResource.objects.filter(organisation=organisation))
        if any(r.kind == CrisisResource.Kind.CRISIS_LINE for r in own):  # type: ignore[union-attr]
            return own
        country = organisation.country
    return [*defaults_for(country), *own]


def active_org_admin_count(organisation: Organisation) -> int:
    return Membership.objects.active().filter(organisation=organisation, is_org_admin=True).count()


def member_counts(organisation: Organisation) -> dict[str, int]:
    return Membership.objects.filter(organisation=organisation).aggregate(
        active=Count("pk", filter=Q(deactivated_at__isnull=True)),
        peer_supporters=Count("pk", filter=Q(deactivated_at__isnull=True, is_peer_supporter=True)),
    )
