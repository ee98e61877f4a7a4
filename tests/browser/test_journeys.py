"""End-to-end journeys a person takes, in headless Chromium at 390x844."""

from __future__ import annotations

import time
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from alongside.accounts.tests.factories import PASSWORD
from alongside.notifications.models import Delivery
from alongside.organisations.actions import invite_member
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def totp(secret: str, step: int = 0) -> str:
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // 30 + step)))


def sign_in(phone: Any, email: str) -> None:
    phone.goto("/accounts/login/")
    phone.page.get_by_label("Email").fill(email)
    phone.page.get_by_label("Password").fill(PASSWORD)
    phone.page.get_by_role("button", name="Sign In", exact=True).click()


def test_a_coordinator_enrols_totp_signs_out_signs_in_with_it_and_finds_help_in_spanish(
    phone: Any,
) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    coordinator = MembershipFactory.create(
        organisation=organisation,
        is_coordinator=True,
        user__name="Cora Coordinator",
        user__email="cora@x.test",
    )
    page = phone.page

    phone.goto("/")
    phone.check("signed-out-home")
    sign_in(phone, "cora@x.test")

    # The organisation's policy sends a coordinator to set up two-step sign-in first.
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert "two-step sign-in" in page.content()
    phone.check("totp-activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(lambda url: "/totp/activate/" not in url)
    phone.check("after-activation")

    phone.goto("/")
    assert "Hello, Cora Coordinator" in page.content()
    phone.check("coordinator-home")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(
        lambda url: url.rstrip("/").endswith(phone.base_url.split("//")[1]) or url.endswith("/")
    )

    sign_in(phone, "cora@x.test")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    phone.check("totp-authenticate")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign In", exact=True).click()
    # The form posts and the page reloads: wait for the new page, not the one being replaced.
    expect(page.locator("body")).to_contain_text("code didn't work")
    page.get_by_label("Code").fill(totp(secret, step=1))
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(f"{phone.base_url}/")
    assert "Hello, Cora Coordinator" in page.content()

    page.get_by_role("button", name="Español").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Hola, Cora Coordinator" in page.content()
    phone.check("home-in-spanish")

    page.get_by_role("link", name="¿Necesitas ayuda ahora?").first.click()
    page.wait_for_url("**/help/")
    assert page.locator('a[href="tel:988"]').count() == 1
    phone.check("help-in-spanish")
    coordinator.user.refresh_from_db()
    assert coordinator.user.language == "es"


def test_an_invited_nurse_joins_from_the_link_and_a_typo_loses_nothing(phone: Any) -> None:
    admin = MembershipFactory.create(
        is_org_admin=True,
        organisation__requires_mfa_for_leads=False,
        organisation__name="Demo General Hospital",
    )
    invite_member(
        by=admin.user,
        organisation=admin.organisation,
        email="nia@x.test",
        roles=["clinician", "peer_supporter"],
    )
    link = Delivery.objects.get(to_address="nia@x.test").context["link"]
    page = phone.page

    page.goto(phone.base_url + link.split("localhost:8000", 1)[-1])
    phone.check("invitation")
    page.get_by_label("Your name").fill("Nia Reyes")
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD + "typo")
    page.get_by_role("button", name="Join").click()
    # (page.content() read mid-navigation once came back empty: CI, session 32.)
    expect(page.locator("body")).to_contain_text("don't match")
    assert page.get_by_label("Your name").input_value() == "Nia Reyes"
    phone.check("invitation-error")

    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(f"{phone.base_url}/")
    assert "As a peer supporter" in page.content()
    phone.check("new-member-home")
    assert Membership.objects.filter(user__email="nia@x.test", is_peer_supporter=True).exists()


def test_the_admin_pages_work_at_phone_width(phone: Any) -> None:
    admin = MembershipFactory.create(
        is_org_admin=True, organisation__requires_mfa_for_leads=False, user__email="admin@x.test"
    )
    MembershipFactory.create_batch(3, organisation=admin.organisation)
    sign_in(phone, "admin@x.test")
    phone.page.wait_for_url(f"{phone.base_url}/")
    for path, label in [
        ("/organisation/members/", "members"),
        ("/organisation/units/", "units"),
        ("/organisation/resources/", "resources"),
        ("/organisation/settings/", "settings"),
        ("/organisation/audit/", "audit"),
        ("/accounts/profile/", "profile"),
        ("/privacy/", "privacy"),
        ("/no/such/page/", "not-found"),
    ]:
        phone.goto(path)
        phone.check(label)


def test_a_nurse_adds_a_passkey_and_signs_in_with_it(phone: Any) -> None:
    MembershipFactory.create(user__email="passkey@x.test", user__name="Pat Passkey")
    page = phone.page
    # A platform authenticator in the browser, as a phone's fingerprint sensor would be.
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    sign_in(phone, "passkey@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    phone.goto("/accounts/2fa/webauthn/add/")
    phone.check("add-passkey")
    page.get_by_label("Name").fill("My phone")
    page.get_by_label("Passwordless").check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    phone.check("passkey-added")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    phone.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url(f"{phone.base_url}/")
    assert "Hello, Pat Passkey" in page.content()
