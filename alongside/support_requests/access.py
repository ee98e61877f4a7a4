"""The only way a view loads a protected object of `support_requests` (style 3.6).

Each function answers 404 both when the object does not exist and when it is not the viewer's,
so nobody learns what another person or organisation holds.
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction
from alongside.organisations.models import Membership
from alongside.organisations.roles import Permission, has_permission

from .models import CalendarFeed, ExtraShift, Page, Shift, SupportRequest, TimeOff


def _member(membership: Membership | None) -> Membership:
    if membership is None:
        raise Http404
    return membership


def get_own_request_for(membership: Membership | None, code: UUID) -> SupportRequest:
    """A request, for the member who asked."""
    viewer = _member(membership)
    return get_object_or_404(
        SupportRequest.objects.select_related(
            "supporter__user", "preferred_supporter__user", "organisation"
        ),
        code=code,
        organisation_id=viewer.organisation_id,
        requester=viewer,
    )


def get_request_to_answer_for(membership: Membership | None, code: UUID) -> SupportRequest:
    """A request, for someone it was paged to. The supporter who took it reads what the
    requester shared (name, phone, note): that read writes an audit row."""
    viewer = _member(membership)
    support_request = get_object_or_404(
        SupportRequest.objects.select_related("requester__user", "unit", "organisation"),
        code=code,
        organisation_id=viewer.organisation_id,
    )
    if not Page.objects.filter(support_request=support_request, recipient=viewer).exists():
        raise Http404
    if support_request.supporter_id == viewer.pk:
        record_event(
            by=viewer.user,
            action=AuditAction.SUPPORT_REQUEST_VIEWED,
            organisation_id=viewer.organisation_id,
            target=support_request,
        )
    return support_request


def get_shift_for(membership: Membership | None, code: UUID) -> Shift | ExtraShift:
    """A weekly or one-off shift, for coordinators of its organisation."""
    viewer = _member(membership)
    if not has_permission(viewer, Permission.MANAGE_ROTA):
        raise Http404
    shift = Shift.objects.filter(code=code, organisation_id=viewer.organisation_id).first()
    if shift is not None:
        return shift
    return get_object_or_404(ExtraShift, code=code, organisation_id=viewer.organisation_id)


def get_time_off_for(membership: Membership | None, code: UUID) -> TimeOff:
    """Time off, for the supporter it belongs to or a coordinator of their organisation."""
    viewer = _member(membership)
    time_off = get_object_or_404(
        TimeOff.objects.select_related("supporter__user"),
        code=code,
        organisation_id=viewer.organisation_id,
    )
    if time_off.supporter_id != viewer.pk and not has_permission(viewer, Permission.MANAGE_ROTA):
        raise Http404
    return time_off


def get_calendar_feed(token: str) -> CalendarFeed:
    """A supporter's calendar feed, for whoever holds its private link (calendar apps cannot
    sign in): the random token is the check. A member who has left has no feed."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("supporter__user", "supporter__organisation"),
        token=token,
    )
    if not feed.supporter.is_active:
        raise Http404
    return feed
