from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialApp
from django.test import Client

from alongside.audit.models import AuditAction, AuditEvent
from alongside.organisations.models import Organisation

pytestmark = pytest.mark.django_db

FORM = {
    "issuer_url": "https://login.alpha.test/realms/staff",
    "client_id": "alongside",
    "joins_as_clinician": "on",
}


def test_an_admin_connects_the_identity_provider_and_the_secret_is_never_shown(
    as_admin: Client, organisation: Organisation
) -> None:
    response = as_admin.post("/organisation/sso/", {**FORM, "client_secret": "s3cret"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    app = SocialApp.objects.get(provider_id=organisation.sso_provider_id)
    assert app.settings["server_url"] == FORM["issuer_url"]
    assert app.secret == "s3cret"
    page = as_admin.get("/organisation/sso/").content.decode()
    assert "s3cret" not in page and FORM["issuer_url"] in page
    event = AuditEvent.objects.get(action=AuditAction.SSO_CONFIGURED)
    assert "s3cret" not in str(event.detail)


def test_the_first_connection_needs_a_secret_and_keeps_what_was_typed(
    as_admin: Client,
) -> None:
    response = as_admin.post("/organisation/sso/", FORM)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter the client secret" in content
    assert FORM["issuer_url"] in content and 'value="alongside"' in content


def test_an_empty_secret_keeps_the_saved_one_and_turning_it_off_removes_the_app(
    as_admin: Client, organisation: Organisation
) -> None:
    as_admin.post("/organisation/sso/", {**FORM, "client_secret": "s3cret"})
    as_admin.post("/organisation/sso/", {**FORM, "client_id": "renamed"})
    app = SocialApp.objects.get()
    assert app.client_id == "renamed" and app.secret == "s3cret"

    as_admin.post("/organisation/sso/", {"remove": "1"})
    organisation.refresh_from_db()
    assert not SocialApp.objects.exists() and organisation.sso_provider_id == ""


def test_coordinators_cannot_change_single_sign_on(as_coordinator: Client) -> None:
    assert as_coordinator.get("/organisation/sso/").status_code == 404
