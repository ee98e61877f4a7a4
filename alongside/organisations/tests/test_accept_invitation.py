from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from alongside.accounts.models import User
from alongside.accounts.tests.factories import PASSWORD, UserFactory
from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.access import invitation_token
from alongside.organisations.actions import accept_invitation, revoke_invitation
from alongside.organisations.models import Invitation, Membership, Organisation, Unit
from alongside.organisations.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def _link(invitation: Invitation) -> str:
    return f"/organisation/join/{invitation_token(invitation)}/"


def test_a_new_person_joins_with_roles_and_units_and_is_signed_in(
    client: Client, organisation: Organisation, unit: Unit
) -> None:
    invitation = InvitationFactory.create(
        organisation=organisation, email="nia@x.test", is_peer_supporter=True
    )
    invitation.units.set([unit])

    response = client.post(
        _link(invitation),
        {
            "name": "Nia Reyes",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="nia@x.test")
    membership = Membership.objects.get(user=user)
    assert membership.is_peer_supporter and membership.is_clinician
    assert list(membership.units.all()) == [unit]
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.INVITATION_ACCEPTED).exists()


def test_the_form_keeps_the_name_when_passwords_differ(
    client: Client, organisation: Organisation
) -> None:
    invitation = InvitationFactory.create(organisation=organisation)

    response = client.post(
        _link(invitation),
        {
            "name": "Nia Reyes",
            "password1": PASSWORD,
            "password2": PASSWORD + "x",
        },
    )

    assert response.status_code == 200
    assert "don&#x27;t match" in response.content.decode()
    assert 'value="Nia Reyes"' in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_link_is_single_use(client: Client, organisation: Organisation) -> None:
    invitation = InvitationFactory.create(organisation=organisation)
    client.post(
        _link(invitation),
        {
            "name": "A",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    other = type(client)()

    response = other.get(_link(invitation))

    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_an_expired_link_says_to_ask_for_a_new_one(
    client: Client, organisation: Organisation
) -> None:
    invitation = InvitationFactory.create(organisation=organisation)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.get(_link(invitation))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert "Need help now?" in response.content.decode()


def test_a_tampered_link_is_rejected_with_a_clear_message(client: Client) -> None:
    response = client.get("/organisation/join/not-a-real-token/")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_a_withdrawn_invitation_cannot_be_used(
    client: Client, organisation: Organisation, org_admin: Membership
) -> None:
    invitation = InvitationFactory.create(organisation=organisation)
    revoke_invitation(by=org_admin.user, invitation=invitation)
    response = client.get(_link(invitation))
    assert "withdrawn" in response.content.decode()


def test_an_existing_account_signs_in_then_joins(
    client: Client, organisation: Organisation
) -> None:
    user = UserFactory.create(email="known@x.test")
    invitation = InvitationFactory.create(organisation=organisation, email="known@x.test")

    first = client.get(_link(invitation))
    assert first.status_code == 302 and "/accounts/login/" in first["Location"]

    client.force_login(user)
    assert client.post(_link(invitation)).status_code == 302
    assert Membership.objects.filter(user=user, organisation=organisation).exists()


def test_someone_signed_in_as_another_person_is_told_to_sign_out(
    organisation: Organisation, author: Membership
) -> None:
    invitation = InvitationFactory.create(organisation=organisation, email="someone.else@x.test")
    with pytest.raises(ActionError, match="Sign out"):
        accept_invitation(by=author.user, invitation=invitation)


def test_an_existing_member_cannot_join_twice(
    organisation: Organisation, author: Membership
) -> None:
    invitation = InvitationFactory.create(organisation=organisation, email=author.user.email)
    with pytest.raises(ActionError, match="already a member"):
        accept_invitation(by=author.user, invitation=invitation)


def test_a_claimed_invitation_cannot_be_accepted_again_by_a_racing_request(
    organisation: Organisation,
) -> None:
    user = UserFactory.create(email="race@x.test")
    invitation = InvitationFactory.create(organisation=organisation, email="race@x.test")
    stale_copy = type(invitation).objects.get(pk=invitation.pk)
    accept_invitation(by=user, invitation=invitation)
    Membership.objects.filter(user=user).delete()  # the second request got past the check

    with pytest.raises(ActionError, match="already been used"):
        accept_invitation(by=user, invitation=stale_copy)
    assert not Membership.objects.filter(user=user).exists()


def test_a_used_up_link_leaves_no_account_behind(organisation: Organisation) -> None:
    from alongside.organisations.actions import join_with_new_account

    invitation = InvitationFactory.create(organisation=organisation, email="late@x.test")
    stale = type(invitation).objects.get(pk=invitation.pk)
    join_with_new_account(invitation=invitation, name="First", password=PASSWORD)
    User.objects.filter(email="late@x.test").delete()  # as if the first request were another

    with pytest.raises(ActionError, match="already been used"):
        join_with_new_account(invitation=stale, name="Second", password=PASSWORD)
    assert not User.objects.filter(email="late@x.test").exists()


def test_joining_records_the_device_in_the_signed_in_list(
    client: Client, organisation: Organisation
) -> None:
    from allauth.usersessions.models import UserSession

    invitation = InvitationFactory.create(organisation=organisation, email="dev@x.test")
    client.post(_link(invitation), {"name": "Dev", "password1": PASSWORD, "password2": PASSWORD})
    assert UserSession.objects.filter(user__email="dev@x.test").count() == 1
