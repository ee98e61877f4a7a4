from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.test import Client

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

from alongside.accounts.tests.factories import PASSWORD, UserFactory
from alongside.notifications.models import Delivery
from alongside.organisations.models import Membership
from conftest import enrol_totp

pytestmark = pytest.mark.django_db


def _sign_in(client: Client, email: str, password: str = PASSWORD) -> _MonkeyPatchedWSGIResponse:
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_a_member_signs_in_with_email_and_password(author: Membership) -> None:
    client = Client()
    response = _sign_in(client, author.user.email.upper())
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_an_unverified_address_must_be_verified_first(organisation: object) -> None:
    user = UserFactory.create(verified=False)
    client = Client()

    response = _sign_in(client, user.email)

    assert response["Location"] == "/accounts/confirm-email/"
    delivery = Delivery.objects.get(to_address=user.email)
    assert "confirm" in delivery.context["subject"].lower()


def test_wrong_password_keeps_the_email_and_says_what_to_do(author: Membership) -> None:
    response = _sign_in(Client(), author.user.email, "wrong-password")
    content = response.content.decode()
    assert "don&#x27;t match" in content
    assert f'value="{author.user.email}"' in content


def test_repeated_wrong_passwords_pause_the_account_with_a_clear_next_step(
    author: Membership,
) -> None:
    client = Client()
    for _ in range(5):
        _sign_in(client, author.user.email, "wrong-password")

    response = _sign_in(client, author.user.email)  # even the right password waits

    content = response.content.decode()
    assert "paused for five minutes" in content
    assert "reset your password" in content
    assert f'value="{author.user.email}"' in content
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_is_queued_with_retries(author: Membership) -> None:
    Client().post("/accounts/password/reset/", {"email": author.user.email})
    delivery = Delivery.objects.get(to_address=author.user.email)
    assert "/accounts/password/reset/key/" in delivery.context["body"]


def test_totp_sign_in_accepts_the_right_code_and_explains_a_wrong_one(
    author: Membership,
) -> None:
    secret = enrol_totp(author.user)
    client = Client()
    step = _sign_in(client, author.user.email)
    assert step["Location"] == "/accounts/2fa/authenticate/"

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "code didn&#x27;t work" in wrong.content.decode()

    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    right = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert right.status_code == 302
    assert client.get("/").status_code == 200


def test_there_is_no_open_sign_up(db: None) -> None:
    response = Client().get("/accounts/signup/")
    assert "Sign Up Closed" in response.content.decode() or response.status_code == 404
    assert not mail.outbox
