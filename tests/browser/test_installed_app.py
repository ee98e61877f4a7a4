"""Alongside as an app on the phone: installable, with a service worker over the whole site,
the help page when the connection drops, and the switch for alerts on this device."""

from __future__ import annotations

from typing import Any

import pytest

from alongside.notifications.actions import subscribe_device
from alongside.organisations.tests.factories import (
    CrisisResourceFactory,
    MembershipFactory,
    OrganisationFactory,
)

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supporter_installs_the_app_and_without_a_connection_still_finds_the_lines_to_call(
    phone: Any,
) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    maria = MembershipFactory.create(
        organisation=organisation,
        is_peer_supporter=True,
        user__name="Maria Santos",
        user__email="maria@x.test",
    )
    CrisisResourceFactory.create(
        organisation=organisation, name="Staff Wellbeing Line", phone="555 0199"
    )
    page = phone.page

    sign_in(phone, "maria@x.test")
    page.wait_for_url(phone.base_url + "/")
    scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    # Chromium's own verdict on whether the site installs as an app. A test browser is always
    # incognito, where nothing installs: that is the one reason allowed.
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    parsed = cdp.send("Page.getAppManifest")
    manifest = page.evaluate(
        "async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json()"
    )

    assert scope == phone.base_url + "/"
    assert [e["errorId"] for e in errors] == ["in-incognito"]
    assert parsed["errors"] == [] and parsed["url"] == phone.base_url + "/manifest.webmanifest"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"

    # The help page is saved as it is visited: the organisation's own lines, not only the
    # national ones. Then the connection drops.
    phone.goto("/help/")
    page.wait_for_function(
        "async () => (await caches.keys()).length > 0 && !!(await caches.match('/help/'))"
    )
    page.context.set_offline(True)
    page.goto(phone.base_url + "/support/")

    assert page.get_by_text("You're offline").is_visible()
    assert page.get_by_text("Staff Wellbeing Line").is_visible()
    phone.check("offline-help")
    page.context.set_offline(False)

    # Alerts on this device: the switch is offered, and when the browser cannot subscribe
    # (no push service reachable from a test machine) the person is told what still works.
    page.context.grant_permissions(["notifications"], origin=phone.base_url)
    phone.goto("/notifications/channels/")
    button = page.get_by_role("button", name="Turn on alerts on this device")
    assert button.is_visible()
    phone.check("alerts-switch")
    button.click()
    failed = page.get_by_role("alert").filter(has_text="Pages still reach you by email")
    failed.wait_for(timeout=20000)
    phone.check("alerts-failed")

    # A phone where it worked (subscribed through a real push service) is listed, to test or
    # remove, and the home page stops asking.
    subscribe_device(
        user_id=maria.user_id,
        endpoint="https://fcm.googleapis.com/fcm/send/demo",
        keys={"p256dh": "B" + "A" * 86, "auth": "A" * 22},
        label="Chrome · Android",
    )
    phone.goto("/notifications/channels/")
    assert page.get_by_text("Chrome · Android").is_visible()
    phone.check("alerts-on")
    phone.goto("/")
    assert not page.get_by_text("Turn on alerts on your phone").is_visible()
