from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from alongside.accounts.actions import sign_out_everywhere
from alongside.audit.models import AuditAction, AuditEvent
from alongside.organisations.models import Membership
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_the_organisations_idle_time(author: Membership) -> None:
    author.organisation.session_idle_hours = 2
    author.organisation.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = client_for(author)
        assert client.get("/").status_code == 200
    with time_machine.travel(start + timedelta(hours=1, minutes=50), tick=False):
        assert client.get("/").status_code == 200  # activity keeps it alive
    with time_machine.travel(start + timedelta(hours=3, minutes=55), tick=False):
        response = client.get("/organisation/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    follow = client.get(response["Location"])
    assert "without activity" in follow.content.decode()


def test_the_default_idle_time_is_twelve_hours(author: Membership) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = client_for(author)
        client.get("/")
    with time_machine.travel(start + timedelta(hours=11), tick=False):
        assert client.get("/").status_code == 200
    with time_machine.travel(start + timedelta(hours=23, minutes=30), tick=False):
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_out_everywhere_ends_every_session(author: Membership) -> None:
    phone, laptop = client_for(author), client_for(author)
    assert phone.get("/").status_code == 200 and laptop.get("/").status_code == 200

    response = phone.post("/accounts/sign-out-everywhere/")

    assert response.status_code == 302
    assert laptop.get("/").status_code == 200  # the public home page
    assert "_auth_user_id" not in laptop.session
    assert AuditEvent.objects.filter(action=AuditAction.USER_SIGNED_OUT_EVERYWHERE).exists()


def test_sign_out_everywhere_action_rotates_the_session_hash(author: Membership) -> None:
    before = author.user.get_session_auth_hash()
    sign_out_everywhere(by=author.user, organisation_id=author.organisation_id)
    assert author.user.get_session_auth_hash() != before


def test_coordinators_must_set_up_two_step_sign_in_first(author: Membership) -> None:
    author.is_coordinator = True
    author.save()
    client = client_for(author)

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/help/").status_code == 200  # help is never behind the wall


def test_an_organisation_can_turn_the_two_step_requirement_off(author: Membership) -> None:
    author.is_org_admin = True
    author.save()
    author.organisation.requires_mfa_for_leads = False
    author.organisation.save()
    assert client_for(author).get("/").status_code == 200


def test_a_signed_in_person_without_an_organisation_is_told_so(db: None) -> None:
    from alongside.accounts.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory.create())
    response = client.get("/", follow=True)
    assert "not part of an organisation" in response.content.decode()
    assert "Need help now?" in response.content.decode()


def test_sign_out_everywhere_also_clears_the_list_of_signed_in_devices(
    author: Membership,
) -> None:
    from allauth.usersessions.models import UserSession

    from alongside.accounts.tests.factories import PASSWORD

    client = Client()
    client.post("/accounts/login/", {"login": author.user.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=author.user).count() == 1

    sign_out_everywhere(by=author.user, organisation_id=author.organisation_id)

    assert not UserSession.objects.filter(user=author.user).exists()
    assert client.get("/organisation/members/").status_code == 302


def test_saving_an_unchanged_profile_writes_no_audit_row(author: Membership) -> None:
    from alongside.accounts.actions import update_profile

    update_profile(
        by=author.user,
        name=author.user.name,
        language=author.user.language,
        organisation_id=author.organisation_id,
    )
    assert not AuditEvent.objects.filter(action=AuditAction.USER_PROFILE_CHANGED).exists()
    update_profile(
        by=author.user, name="Avery A.", language="es", organisation_id=author.organisation_id
    )
    event = AuditEvent.objects.get(action=AuditAction.USER_PROFILE_CHANGED)
    assert event.detail == {"fields": ["name", "language"]}
    assert "Avery A." not in str(event.detail)
