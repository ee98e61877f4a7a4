"""The only way a view loads a protected object of `organisations` (style 3.6).

Each function takes the signed-in person's membership and answers 404 both when the object does
not exist and when it is not theirs to see, so nobody can learn what another organisation holds.
"""

from __future__ import annotations

from uuid import UUID

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction

from .models import CrisisResource, Invitation, Membership, Unit
from .roles import Permission, has_permission

INVITATION_SALT = "alongside.organisations.invitation"


def _require(membership: Membership | None, permission: Permission) -> Membership:
    if membership is None:
        raise Http404
    if not has_permission(membership, permission):
        raise Http404
    return membership


def get_member_for(membership: Membership | None, code: UUID) -> Membership:
    """A colleague's membership, for org admins of the same organisation. Reading someone
    else's record writes an audit row."""
    viewer = _require(membership, Permission.MANAGE_MEMBERS)
    member = get_object_or_404(
        Membership.objects.select_related("user", "organisation"),
        code=code,
        organisation_id=viewer.organisation_id,
    )
    if member.pk != viewer.pk:
        record_event(
            by=viewer.user,
            action=AuditAction.MEMBERSHIP_VIEWED,
            organisation_id=viewer.organisation_id,
            target=member,
            target_label=member.user.display_name,
        )
    return member


def get_unit_for(membership: Membership | None, code: UUID) -> Unit:
    viewer = _require(membership, Permission.MANAGE_UNITS)
    return get_object_or_404(Unit, code=code, organisation_id=viewer.organisation_id)


def get_invitation_for(membership: Membership | None, code: UUID) -> Invitation:
    viewer = _require(membership, Permission.MANAGE_MEMBERS)
    return get_object_or_404(Invitation, code=code, organisation_id=viewer.organisation_id)


def get_resource_for(membership: Membership | None, code: UUID) -> CrisisResource:
    viewer = _require(membership, Permission.MANAGE_RESOURCES)
    return get_object_or_404(CrisisResource, code=code, organisation_id=viewer.organisation_id)


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(str(invitation.code), salt=INVITATION_SALT, compress=True)


def get_invitation_by_token(token: str) -> Invitation | None:
    """The invitation a signed link points to, or None when the signature is wrong.

    Expiry, acceptance and revocation are checked by the caller so it can say which."""
    try:
        code = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("organisation").filter(code=code).first()
