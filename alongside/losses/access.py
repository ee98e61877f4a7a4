"""The only way a view loads a protected object of `losses` (style 3.6).

A loss is seen by the people who were there and by the organisation's coordinators (who are
told of the hard ones); an offer only by the person it was made to. 404 otherwise.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q
from django.shortcuts import get_object_or_404

from alongside.organisations.models import Membership
from alongside.organisations.roles import Permission, has_permission

from .models import ActionPoint, LossEvent, Participant


def get_loss_for(membership: Membership, code: UUID) -> LossEvent:
    """A loss, for someone who was there or a coordinator of its organisation."""
    losses = LossEvent.objects.select_related("unit").filter(
        code=code, organisation_id=membership.organisation_id
    )
    if not has_permission(membership, Permission.VIEW_PROGRAMME):
        losses = losses.filter(Q(participants__member=membership) | Q(recorded_by=membership))
    return get_object_or_404(losses.distinct())


def get_offer_for(membership: Membership, code: UUID) -> Participant:
    """One person's offer of a peer after a loss, for that person alone."""
    return get_object_or_404(
        Participant.objects.select_related("loss__unit"),
        code=code,
        member=membership,
        loss__organisation_id=membership.organisation_id,
    )


def get_action_point_for(membership: Membership, code: UUID) -> ActionPoint:
    """An action point, for its owner, whoever recorded it or its loss, and coordinators."""
    points = ActionPoint.objects.select_related("loss").filter(
        code=code, loss__organisation_id=membership.organisation_id
    )
    if not has_permission(membership, Permission.VIEW_PROGRAMME):
        points = points.filter(
            Q(owner=membership) | Q(created_by=membership) | Q(loss__recorded_by=membership)
        )
    return get_object_or_404(points)
