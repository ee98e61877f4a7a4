"""Roles and permissions as code (style 3.7).

A member holds one or more roles; each role grants a fixed set of permissions. Checks go through
`has_permission`, never through role names in views or templates.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from .models import Membership


class Role(StrEnum):
    CLINICIAN = "clinician"
    PEER_SUPPORTER = "peer_supporter"
    MODERATOR = "moderator"
    COORDINATOR = "coordinator"
    ORG_ADMIN = "org_admin"

    @property
    def field_name(self) -> str:
        return f"is_{self.value}"

    @property
    def label(self) -> Promise:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, Promise] = {
    Role.CLINICIAN: _("Clinician"),
    Role.PEER_SUPPORTER: _("Peer supporter"),
    Role.MODERATOR: _("Moderator"),
    Role.COORDINATOR: _("Coordinator"),
    Role.ORG_ADMIN: _("Org admin"),
}


class Permission(StrEnum):
    USE_SUPPORT = "use_support"  # ask for support, journal, self-checks: every member
    RESPOND_TO_REQUESTS = "respond_to_requests"
    MODERATE_STORIES = "moderate_stories"
    VIEW_PROGRAMME = "view_programme"  # requests, coverage, de-identified reports
    MANAGE_ROTA = "manage_rota"  # weekly shifts, one-off cover
    VIEW_AUDIT_LOG = "view_audit_log"
    MANAGE_MEMBERS = "manage_members"  # invite, set roles and units, deactivate
    MANAGE_UNITS = "manage_units"
    MANAGE_RESOURCES = "manage_resources"
    MANAGE_ORGANISATION = "manage_organisation"  # policy, single sign-on, the EHR feed's link
    MANAGE_EHR_FEED = "manage_ehr_feed"  # the feed's code table and staff identifiers


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLINICIAN: frozenset({Permission.USE_SUPPORT}),
    Role.PEER_SUPPORTER: frozenset({Permission.USE_SUPPORT, Permission.RESPOND_TO_REQUESTS}),
    Role.MODERATOR: frozenset({Permission.USE_SUPPORT, Permission.MODERATE_STORIES}),
    Role.COORDINATOR: frozenset(
        {
            Permission.USE_SUPPORT,
            Permission.VIEW_PROGRAMME,
            Permission.MANAGE_ROTA,
            Permission.VIEW_AUDIT_LOG,
            Permission.MANAGE_RESOURCES,
            Permission.MANAGE_EHR_FEED,
        }
    ),
    Role.ORG_ADMIN: frozenset(
        {
            Permission.USE_SUPPORT,
            Permission.VIEW_AUDIT_LOG,
            Permission.MANAGE_MEMBERS,
            Permission.MANAGE_UNITS,
            Permission.MANAGE_RESOURCES,
            Permission.MANAGE_ORGANISATION,
            Permission.MANAGE_EHR_FEED,
        }
    ),
}


def permissions_for(membership: Membership | None) -> frozenset[Permission]:
    if membership is None or not membership.is_active:
        return frozenset()
    granted: set[Permission] = set()
    for role in membership.roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def has_permission(membership: Membership | None, permission: Permission) -> bool:
    """True when an active membership holds a role that grants `permission`."""
    return permission in permissions_for(membership)
