from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult
from pytest_django import DjangoCaptureOnCommitCallbacks

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.notifications.models import Delivery
from alongside.organisations.actions import invite_member
from alongside.organisations.models import Invitation, Membership, Organisation, Unit
from alongside.organisations.roles import Role
from alongside.organisations.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_invitation_is_saved_audited_and_emailed_after_commit(
    org_admin: Membership,
    unit: Unit,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_member(
            by=org_admin.user,
            organisation=org_admin.organisation,
            email=" New.Person@X.test ",
            roles=[Role.PEER_SUPPORTER, Role.CLINICIAN],
            units=[unit],
        )

    assert invitation.email == "new.person@x.test"
    assert invitation.roles == {Role.PEER_SUPPORTER, Role.CLINICIAN}
    assert list(invitation.units.all()) == [unit]
    assert AuditEvent.objects.filter(
        action=AuditAction.INVITATION_SENT, target_id=str(invitation.code)
    ).exists()
    delivery = Delivery.objects.get(template="invitation")
    assert delivery.to_address == "new.person@x.test"
    assert DBTaskResult.objects.filter(args_kwargs__kwargs__delivery_id=delivery.pk).exists()


def test_invitation_email_carries_a_working_signed_link(
    org_admin: Membership, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from alongside.notifications.actions import attempt_delivery

    with django_capture_on_commit_callbacks(execute=True):
        invite_member(
            by=org_admin.user,
            organisation=org_admin.organisation,
            email="n@x.test",
            roles=["clinician"],
        )
    attempt_delivery(delivery_id=Delivery.objects.get().pk)

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/organisation/join/" in body
    assert org_admin.organisation.name in mail.outbox[0].subject


def test_inviting_an_existing_member_says_they_are_already_a_member(
    org_admin: Membership, author: Membership
) -> None:
    with pytest.raises(ActionError, match="already a member"):
        invite_member(
            by=org_admin.user,
            organisation=org_admin.organisation,
            email=author.user.email.upper(),
            roles=["clinician"],
        )


def test_inviting_twice_while_the_first_is_pending_is_refused(org_admin: Membership) -> None:
    invite_member(
        by=org_admin.user,
        organisation=org_admin.organisation,
        email="a@x.test",
        roles=["clinician"],
    )
    with pytest.raises(ActionError, match="already has an invitation waiting"):
        invite_member(
            by=org_admin.user,
            organisation=org_admin.organisation,
            email="a@x.test",
            roles=["clinician"],
        )


def test_an_invitation_needs_a_role(org_admin: Membership) -> None:
    with pytest.raises(ActionError, match="at least one role"):
        invite_member(
            by=org_admin.user, organisation=org_admin.organisation, email="a@x.test", roles=[]
        )
    assert not Invitation.objects.exists()


def test_units_of_another_organisation_are_ignored(
    org_admin: Membership, other_organisation: Organisation
) -> None:
    foreign = UnitFactory.create(organisation=other_organisation)
    invitation = invite_member(
        by=org_admin.user,
        organisation=org_admin.organisation,
        email="a@x.test",
        roles=["clinician"],
        units=[foreign],
    )
    assert invitation.units.count() == 0


def test_admin_invites_from_the_members_page_and_the_form_keeps_input_on_error(
    as_admin: Client, org_admin: Membership, author: Membership
) -> None:
    response = as_admin.post(
        "/organisation/members/",
        {"email": author.user.email, "roles": ["peer_supporter"]},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "already a member" in content
    assert f'value="{author.user.email}"' in content
    assert 'value="peer_supporter" id="id_roles_1" checked' in content

    ok = as_admin.post(
        "/organisation/members/",
        {"email": "fresh@x.test", "roles": ["clinician"]},
    )
    assert ok.status_code == 302
    assert Invitation.objects.filter(email="fresh@x.test").exists()


def test_clinicians_cannot_open_the_members_page(as_author: Client) -> None:
    assert as_author.get("/organisation/members/").status_code == 404
