from __future__ import annotations

import pytest
from django.test import Client

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.actions import (
    deactivate_membership,
    reactivate_membership,
    update_membership,
)
from alongside.organisations.models import Membership, Organisation, Unit
from alongside.organisations.roles import Permission, Role, has_permission

pytestmark = pytest.mark.django_db


def test_roles_and_units_are_set_and_audited(
    org_admin: Membership, author: Membership, unit: Unit
) -> None:
    update_membership(
        by=org_admin.user, membership=author, roles=[Role.PEER_SUPPORTER, Role.MODERATOR], units=[]
    )

    author.refresh_from_db()
    assert author.roles == {Role.PEER_SUPPORTER, Role.MODERATOR}
    assert author.units.count() == 0
    event = AuditEvent.objects.get(action=AuditAction.MEMBERSHIP_CHANGED)
    assert event.detail["roles_after"] == ["moderator", "peer_supporter"]


def test_the_last_org_admin_cannot_be_removed(org_admin: Membership) -> None:
    with pytest.raises(ActionError, match="at least one org admin"):
        update_membership(by=org_admin.user, membership=org_admin, roles=[Role.CLINICIAN], units=[])
    with pytest.raises(ActionError, match="at least one org admin"):
        deactivate_membership(by=org_admin.user, membership=org_admin)


def test_a_deactivated_member_loses_access_and_can_be_reactivated(
    org_admin: Membership, author: Membership, as_author: Client
) -> None:
    deactivate_membership(by=org_admin.user, membership=author)

    response = as_author.get("/")
    assert response.status_code == 302 and response["Location"] == "/no-organisation/"
    assert not has_permission(Membership.objects.get(pk=author.pk), Permission.USE_SUPPORT)

    reactivate_membership(by=org_admin.user, membership=author)
    assert as_author.get("/").status_code == 200


def test_admin_edits_a_member_from_their_page(
    as_admin: Client, author: Membership, unit: Unit
) -> None:
    url = f"/organisation/members/{author.code}/"
    page = as_admin.get(url)
    assert page.status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.MEMBERSHIP_VIEWED, target_id=str(author.code)
    ).exists()

    response = as_admin.post(url, {"roles": ["peer_supporter"], "units": [unit.pk]})
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.is_peer_supporter and not author.is_clinician


def test_a_member_without_roles_is_refused_with_the_form_kept(
    as_admin: Client, author: Membership, unit: Unit
) -> None:
    response = as_admin.post(f"/organisation/members/{author.code}/", {"units": [unit.pk]})
    assert response.status_code == 200
    assert "Choose at least one role" in response.content.decode()


def test_role_permissions_are_what_the_programme_expects() -> None:
    clinician = Membership(is_clinician=True)
    supporter = Membership(is_clinician=False, is_peer_supporter=True)
    coordinator = Membership(is_clinician=False, is_coordinator=True)
    admin = Membership(is_clinician=False, is_org_admin=True)

    assert has_permission(clinician, Permission.USE_SUPPORT)
    assert not has_permission(clinician, Permission.VIEW_AUDIT_LOG)
    assert has_permission(supporter, Permission.RESPOND_TO_REQUESTS)
    assert has_permission(coordinator, Permission.VIEW_PROGRAMME)
    assert not has_permission(coordinator, Permission.MANAGE_MEMBERS)
    assert has_permission(admin, Permission.MANAGE_MEMBERS)
    assert not has_permission(None, Permission.USE_SUPPORT)


def test_a_person_in_two_organisations_works_in_the_one_they_joined_first(
    author: Membership, other_organisation: Organisation
) -> None:
    from datetime import timedelta

    from alongside.organisations.queries import active_membership_for
    from alongside.organisations.tests.factories import MembershipFactory

    later = MembershipFactory.create(
        user=author.user,
        organisation=other_organisation,
        created_at=author.created_at + timedelta(days=1),
    )
    assert active_membership_for(author.user_id) == author
    author.deactivated_at = author.created_at
    author.save()
    assert active_membership_for(author.user_id) == later
