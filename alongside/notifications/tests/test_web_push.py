"""Web Push, against a push service these tests run locally: the payload is decrypted with the
browser's keys and the VAPID signature checked, as a real push service and phone would."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from alongside.lib.errors import ActionError
from alongside.notifications.actions import (
    MAX_DEVICES,
    Recipient,
    attempt_delivery,
    notify,
    notify_all,
    subscribe_device,
)
from alongside.notifications.models import Delivery, PushSubscription
from alongside.notifications.queries import has_channel
from alongside.notifications.transports.webpush import application_server_key, device_label
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import MembershipFactory
from alongside.support_requests.actions import accept_support_request, open_support_request
from alongside.support_requests.tests.factories import put_on_call
from conftest import client_for
from tests.push_service import Browser, PushService, push_service, vapid_claims

pytestmark = pytest.mark.django_db

LINK = "https://alongside.test/support/respond/x/"


@pytest.fixture
def service(settings: Any) -> Iterator[PushService]:
    settings.WEB_PUSH_HOSTS = ["127.0.0.1"]
    with push_service() as service:
        yield service


def _subscribe(member: Membership, browser: Browser) -> PushSubscription:
    sub = browser.subscription
    return subscribe_device(
        user_id=member.user_id, endpoint=sub["endpoint"], keys=sub["keys"], label="Chrome · Android"
    )


def _page(member: Membership) -> Any:
    return notify(
        recipient_id=member.user_id,
        email=member.user.email,
        language="en",
        template="support-page",
        context={"urgency": "now", "link": LINK},
        link="/support/respond/x/",
        organisation_id=member.organisation_id,
        urgent=True,
    )


def _send_push() -> Delivery:
    delivery = Delivery.objects.get(channel=Delivery.Channel.PUSH)
    attempt_delivery(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    return delivery


def test_a_page_reaches_the_phone_encrypted_signed_and_with_no_clinical_content(
    author: Membership, service: PushService
) -> None:
    browser = Browser(service)
    _subscribe(author, browser)

    _page(author)
    delivery = _send_push()

    assert delivery.status == Delivery.Status.SENT and delivery.to_address == "Chrome · Android"
    (pushed,) = service.received
    assert browser.decrypt(pushed) == {
        "title": "Someone would like to talk now",
        "body": "Open Alongside to see it.",
        "url": LINK,
        "tag": LINK,
        "urgent": True,
        "quiet": False,
    }
    # The phone is woken for a page, and a page not delivered within the hour is dropped.
    assert pushed.headers["urgency"] == "high" and pushed.headers["ttl"] == "3600"
    public_key, claims = vapid_claims(pushed)
    assert public_key == application_server_key()
    assert claims["aud"] == service.url and claims["sub"] == "mailto:alongside@localhost"
    assert claims["exp"] > time.time()
    device = PushSubscription.objects.get()
    assert device.last_sent_at is not None and device.last_error == ""


def test_a_device_the_push_service_says_is_gone_is_forgotten_and_not_retried(
    author: Membership, service: PushService
) -> None:
    _subscribe(author, Browser(service))
    service.status = 410

    _page(author)
    delivery = _send_push()

    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 1
    assert delivery.last_error == "The device no longer takes messages."
    assert not PushSubscription.objects.exists()
    # The email of the same page is untouched.
    assert Delivery.objects.get(channel=Delivery.Channel.EMAIL).status == Delivery.Status.PENDING


def test_a_push_service_that_fails_is_retried_and_the_device_shows_why(
    author: Membership, service: PushService
) -> None:
    _subscribe(author, Browser(service))
    service.status = 503

    _page(author)
    delivery = _send_push()

    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1
    assert delivery.last_error == "The push service did not accept the message (503)."
    assert PushSubscription.objects.get().last_error == delivery.last_error
    service.status = 201
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=delivery.created_at)
    assert _send_push().status == Delivery.Status.SENT
    assert PushSubscription.objects.get().last_error == ""


def test_a_device_removed_before_its_message_went_is_recorded_not_retried(
    author: Membership, service: PushService
) -> None:
    _subscribe(author, Browser(service))
    _page(author)
    PushSubscription.objects.all().delete()

    delivery = _send_push()

    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 1
    assert not service.received


def test_endpoints_off_the_push_services_and_bad_keys_are_refused(
    author: Membership, service: PushService
) -> None:
    keys = Browser(service).subscription["keys"]
    for endpoint in (
        "http://169.254.169.254/latest/meta-data/",  # not a push service: never aimed at
        "https://intranet.hospital.example/push",
        "http://fcm.googleapis.com/fcm/send/x",  # not https
        "ftp://127.0.0.1/x",
        None,
    ):
        with pytest.raises(ActionError, match="details we can't use"):
            subscribe_device(user_id=author.user_id, endpoint=endpoint, keys=keys, label="")
    for bad_keys in ({"p256dh": "abc", "auth": keys["auth"]}, {"p256dh": keys["p256dh"]}, "x"):
        with pytest.raises(ActionError, match="details we can't use"):
            subscribe_device(
                user_id=author.user_id, endpoint=f"{service.url}/push/x", keys=bad_keys, label=""
            )

    assert not PushSubscription.objects.exists()


def test_the_known_push_services_are_accepted_over_https(author: Membership) -> None:
    keys = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGx",
    ):
        subscribe_device(user_id=author.user_id, endpoint=endpoint, keys=keys, label="")

    assert PushSubscription.objects.filter(user_id=author.user_id).count() == 3


def test_the_same_device_subscribing_again_is_one_row_and_follows_who_is_signed_in(
    author: Membership, colleague: Membership, service: PushService
) -> None:
    browser = Browser(service)
    _subscribe(author, browser)
    _subscribe(author, browser)
    assert PushSubscription.objects.filter(user_id=author.user_id).count() == 1

    # A shared computer: the colleague signs in on it and turns alerts on.
    _subscribe(colleague, browser)

    device = PushSubscription.objects.get()
    assert device.user_id == colleague.user_id
    assert not has_channel(author.user_id) and has_channel(colleague.user_id)


def test_there_is_a_limit_of_devices_per_person(author: Membership, service: PushService) -> None:
    for number in range(MAX_DEVICES):
        _subscribe(author, Browser(service, name=str(number)))

    with pytest.raises(ActionError, match="up to 10 devices"):
        _subscribe(author, Browser(service, name="one-too-many"))


def test_the_endpoint_and_keys_are_encrypted_at_rest(
    author: Membership, service: PushService
) -> None:
    browser = Browser(service)
    _subscribe(author, browser)

    with connection.cursor() as cursor:
        cursor.execute("SELECT endpoint, keys FROM notifications_pushsubscription")
        (endpoint, keys) = cursor.fetchone()

    assert "127.0.0.1" not in endpoint and "/push/" not in endpoint
    assert browser.subscription["keys"]["auth"] not in keys and "p256dh" not in keys


def test_push_is_off_when_the_server_has_no_key(
    author: Membership, service: PushService, settings: Any
) -> None:
    browser = Browser(service)
    _subscribe(author, browser)
    settings.WEB_PUSH_PRIVATE_KEY = ""

    _page(author)
    delivery = _send_push()

    assert delivery.last_error == "Web Push is not set up on this server."
    with pytest.raises(ActionError, match="not set up on this server"):
        _subscribe(author, browser)
    page = client_for(author).get(reverse("notifications:channel-list")).content.decode()
    assert "Alerts to the app are not set up on this server yet" in page


# --- The pages --------------------------------------------------------------------------------


def _post_subscription(client: Client, body: Any) -> Any:
    return client.post(
        reverse("notifications:device-subscribe"),
        data=body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
        headers={"User-Agent": "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537"},
    )


def test_a_browser_turns_alerts_on_and_the_person_sees_tests_and_removes_the_device(
    author: Membership, service: PushService
) -> None:
    client = client_for(author)
    browser = Browser(service)

    response = _post_subscription(client, browser.subscription)
    page = client.get(reverse("notifications:channel-list")).content.decode()
    device = PushSubscription.objects.get()
    test = client.post(reverse("notifications:device-test", kwargs={"code": device.code}))
    attempt_delivery(delivery_id=Delivery.objects.get(template="channel-test").pk)

    assert response.status_code == 200 and response.json() == {"ok": True}
    assert device.user_id == author.user_id and device.label == "Chrome · Android"
    assert "Chrome · Android" in page and application_server_key() in page
    assert test.status_code == 302
    assert browser.decrypt(service.received[0])["title"] == "A test from Alongside"
    client.post(reverse("notifications:device-remove", kwargs={"code": device.code}))
    assert not PushSubscription.objects.exists()


def test_a_refused_subscription_answers_with_the_message_to_show(
    author: Membership, service: PushService
) -> None:
    client = client_for(author)
    browser = Browser(service)
    outside = {**browser.subscription, "endpoint": "https://attacker.example/push"}

    for body in (outside, "not json", [1, 2], "x" * 5000):
        response = _post_subscription(client, body)
        assert response.status_code == 400
        assert "details we can't use" in response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_nobody_tests_or_removes_someone_else_s_device(
    author: Membership, colleague: Membership, service: PushService
) -> None:
    device = _subscribe(author, Browser(service))
    other = client_for(colleague)

    for name in ("notifications:device-test", "notifications:device-remove"):
        assert other.post(reverse(name, kwargs={"code": device.code})).status_code == 404
    assert PushSubscription.objects.filter(pk=device.pk).exists()
    assert not Delivery.objects.exists()


def test_the_home_page_stops_asking_once_alerts_are_on(
    author: Membership, service: PushService
) -> None:
    author.is_peer_supporter = True
    author.save()
    client = client_for(author)
    assert "Turn on alerts on your phone" in client.get("/").content.decode()

    _subscribe(author, Browser(service))

    assert "Turn on alerts on your phone" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Safari/604.1",
            "Safari · iPhone",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36 Edg/131.0",
            "Edge · Windows",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox · Linux",
        ),
        ("", ""),
    ],
)
def test_a_device_is_named_so_that_a_person_can_tell_theirs_apart(
    user_agent: str, label: str
) -> None:
    assert device_label(user_agent) == label


def test_a_generated_key_signs_what_a_push_service_verifies(
    author: Membership, service: PushService, settings: Any
) -> None:
    out = StringIO()
    call_command("generate_vapid_key", stdout=out)
    settings.WEB_PUSH_PRIVATE_KEY = out.getvalue().strip()
    browser = Browser(service)
    _subscribe(author, browser)

    _page(author)
    _send_push()

    public_key, _claims = vapid_claims(service.received[0])
    assert public_key == application_server_key()
    assert browser.decrypt(service.received[0])["title"] == "Someone would like to talk now"


def test_a_page_gathered_with_one_still_waiting_buzzes_the_phone_once(
    author: Membership, service: PushService
) -> None:
    browser = Browser(service)
    _subscribe(author, browser)
    waiting = {"urgency": "now", "link": "https://alongside.test/support/pages/", "several": True}
    for code in ("x", "y"):
        notify_all(
            recipients=[Recipient(author.user_id, author.user.email, "en")],
            template="support-page",
            context={"urgency": "now", "link": f"https://alongside.test/support/respond/{code}/"},
            link=f"/support/respond/{code}/",
            urgent=True,
            gathered=waiting,
        )

    delivery = _send_push()

    assert Delivery.objects.filter(channel="email").count() == 1
    message = browser.decrypt(service.received[0])
    assert message["title"] == "More than one colleague would like to talk"
    assert message["url"] == message["tag"] == "https://alongside.test/support/pages/"
    assert delivery.status == Delivery.Status.SENT


def test_when_a_colleague_takes_the_request_the_alert_on_the_phone_is_replaced_quietly(
    author: Membership, colleague: Membership, service: PushService
) -> None:
    phone = Browser(service)
    for supporter in (author, colleague):
        supporter.is_peer_supporter = True
        supporter.save()
        put_on_call(supporter)
    requester = MembershipFactory.create(organisation=author.organisation)
    _subscribe(author, phone)
    support_request = open_support_request(by=requester)
    page = Delivery.objects.get(channel="push", template="support-page")
    attempt_delivery(delivery_id=page.pk)

    accept_support_request(by=colleague, support_request=support_request)
    settled = Delivery.objects.get(channel="push", template="support-settled")
    attempt_delivery(delivery_id=settled.pk)

    alert, replacement = (phone.decrypt(pushed) for pushed in service.received)
    assert replacement["tag"] == alert["tag"]  # the phone shows one, replaced
    assert replacement["title"] == (
        "A request you were paged for has been taken by a colleague. Thank you."
    )
    assert replacement["quiet"] is True and replacement["body"] == ""
    assert alert["quiet"] is False and alert["urgent"] is True
    # Nothing else goes out for it: no email, no second notice beyond the app's.
    assert not Delivery.objects.filter(template="support-settled", channel="email").exists()


def _renew(body: Any) -> Any:
    # The service worker has no session and no CSRF token: the old endpoint is the proof.
    return Client(enforce_csrf_checks=True).post(
        reverse("notifications:device-renew"),
        data=body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
    )


def test_a_renewed_subscription_moves_the_device_and_pages_reach_the_new_one(
    author: Membership, service: PushService
) -> None:
    old_browser, new_browser = Browser(service, "old"), Browser(service, "new")
    device = _subscribe(author, old_browser)

    response = _renew(
        {
            "old_endpoint": old_browser.subscription["endpoint"],
            "subscription": new_browser.subscription,
        }
    )
    _page(author)
    _send_push()

    assert response.status_code == 200
    device.refresh_from_db()
    assert device.endpoint == new_browser.subscription["endpoint"]
    (pushed,) = service.received
    assert pushed.path == "/push/new"
    assert new_browser.decrypt(pushed)["title"] == "Someone would like to talk now"


def test_a_renewal_needs_the_old_endpoint_and_a_usable_new_one(
    author: Membership, service: PushService
) -> None:
    old_browser = Browser(service, "old")
    _subscribe(author, old_browser)
    usable = Browser(service, "new").subscription
    outside = {**usable, "endpoint": "http://169.254.169.254/x"}

    unknown = _renew({"old_endpoint": f"{service.url}/push/guess", "subscription": usable})
    off_list = _renew(
        {"old_endpoint": old_browser.subscription["endpoint"], "subscription": outside}
    )
    malformed = _renew("{not json")
    missing = _renew({"subscription": usable})

    assert unknown.status_code == 400 and "don't know this device" in unknown.json()["error"]
    assert off_list.status_code == 400 and "details we can't use" in off_list.json()["error"]
    assert malformed.status_code == 400 and missing.status_code == 400
    assert PushSubscription.objects.get().endpoint == old_browser.subscription["endpoint"]


def test_the_service_worker_knows_where_to_renew_and_with_which_key() -> None:
    body = Client().get("/sw.js").content.decode()

    assert "pushsubscriptionchange" in body
    assert reverse("notifications:device-renew") in body and application_server_key() in body
