"""The edges of the organisations actions and access functions: repeats are harmless, rules
hold, and nothing is audited that did not happen."""

from __future__ import annotations

import pytest
from django.http import Http404

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations import access
from alongside.organisations.actions import (
    accept_invitation,
    add_crisis_resource,
    deactivate_membership,
    reactivate_membership,
    remove_single_sign_on,
    rename_unit,
    revoke_invitation,
    update_crisis_resource,
    update_organisation_policy,
)
from alongside.organisations.backends import MemberBackend
from alongside.organisations.models import Membership, Organisation, Unit
from alongside.organisations.queries import members_of
from alongside.organisations.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_renaming_a_unit_is_audited_with_its_old_name(org_admin: Membership, unit: Unit) -> None:
    rename_unit(by=org_admin.user, unit=unit, name="Cardiac ICU")
    unit.refresh_from_db()
    assert unit.name == "Cardiac ICU"
    assert AuditEvent.objects.get(action=AuditAction.UNIT_RENAMED).detail == {"from": "Alpha ICU"}


def test_an_accepted_invitation_cannot_be_withdrawn_and_withdrawing_twice_is_one_event(
    org_admin: Membership, organisation: Organisation
) -> None:
    accepted = InvitationFactory.create(organisation=organisation, email="a@x.test")
    from alongside.accounts.tests.factories import UserFactory

    accept_invitation(by=UserFactory.create(email="a@x.test"), invitation=accepted)
    with pytest.raises(ActionError, match="already been accepted"):
        revoke_invitation(by=org_admin.user, invitation=accepted)

    pending = InvitationFactory.create(organisation=organisation)
    revoke_invitation(by=org_admin.user, invitation=pending)
    revoke_invitation(by=org_admin.user, invitation=pending)
    assert AuditEvent.objects.filter(action=AuditAction.INVITATION_REVOKED).count() == 1


def test_repeated_deactivation_and_reactivation_change_nothing_more(
    org_admin: Membership, author: Membership
) -> None:
    deactivate_membership(by=org_admin.user, membership=author)
    first = author.deactivated_at
    deactivate_membership(by=org_admin.user, membership=author)
    assert author.deactivated_at == first
    reactivate_membership(by=org_admin.user, membership=author)
    reactivate_membership(by=org_admin.user, membership=author)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count(AuditAction.MEMBERSHIP_DEACTIVATED) == 1
    assert actions.count(AuditAction.MEMBERSHIP_REACTIVATED) == 1


def test_saving_unchanged_values_writes_no_audit_row(
    org_admin: Membership, organisation: Organisation
) -> None:
    resource = add_crisis_resource(
        by=org_admin.user, organisation=organisation, values={"name": "Line", "phone": "1"}
    )
    update_crisis_resource(by=org_admin.user, resource=resource, values={"name": "Line"})
    update_organisation_policy(
        by=org_admin.user,
        organisation=organisation,
        changes={"name": organisation.name, "not_a_field": 1},
    )
    remove_single_sign_on(by=org_admin.user, organisation=organisation)  # none configured
    assert not AuditEvent.objects.filter(
        action__in=[
            AuditAction.RESOURCE_CHANGED,
            AuditAction.ORGANISATION_POLICY_CHANGED,
            AuditAction.SSO_REMOVED,
        ]
    ).exists()


def test_access_functions_answer_404_without_a_membership_or_a_permission(
    author: Membership, unit: Unit
) -> None:
    with pytest.raises(Http404):
        access.get_unit_for(None, unit.code)
    with pytest.raises(Http404):
        access.get_unit_for(author, unit.code)  # a clinician may not manage units


def test_an_admin_reading_their_own_record_is_not_audited_as_someone_elses(
    org_admin: Membership,
) -> None:
    access.get_member_for(org_admin, org_admin.code)
    assert not AuditEvent.objects.filter(action=AuditAction.MEMBERSHIP_VIEWED).exists()


def test_members_can_be_found_by_name_or_email(
    organisation: Organisation, author: Membership, colleague: Membership
) -> None:
    assert list(members_of(organisation, search="alphaauthor")) == [author]
    assert list(members_of(organisation, search=colleague.user.email.split("@")[0] + "@")) == [
        colleague
    ]


def test_the_backend_refuses_an_inactive_user_and_loads_one_without_a_membership(
    author: Membership,
) -> None:
    from alongside.accounts.tests.factories import UserFactory

    backend = MemberBackend()
    loaded = backend.get_user(author.user_id)
    assert loaded == author.user and loaded._alongside_membership == author
    author.user.is_active = False
    author.user.save()
    assert backend.get_user(author.user_id) is None
    loner = UserFactory.create()
    assert backend.get_user(loner.pk) == loner
