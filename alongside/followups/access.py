"""The only way a view loads a protected object of `followups` (style 3.6).

Each function answers 404 both when the object does not exist and when it is not the viewer's.
"""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction
from alongside.organisations.models import Membership

from . import queries
from .models import FollowUp


def get_follow_up_for(membership: Membership, code: UUID) -> FollowUp:
    """A check-in, for the person it was sent to and nobody else (views pass the member that
    `member_required` found)."""
    return get_object_or_404(
        FollowUp.objects.select_related("supporter__user", "support_request__encounter"),
        code=code,
        organisation_id=membership.organisation_id,
        member=membership,
        sent_at__isnull=False,
    )


def answers_for_supporter(membership: Membership) -> list[queries.Person]:
    """The answers of the people a supporter spoke with. Reading how others are doing writes
    an audit row (without names or answers)."""
    people = queries.answers_for(membership)
    if people:
        record_event(
            by=membership.user,
            action=AuditAction.FOLLOW_UPS_VIEWED,
            organisation_id=membership.organisation_id,
            detail={"people": len(people)},
        )
    return people
