"""Apprise channels, against a JSON endpoint these tests run locally (json://)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from alongside.lib.errors import ActionError
from alongside.notifications.actions import (
    MAX_CHANNELS,
    add_channel,
    attempt_delivery,
    notify,
    send_test,
)
from alongside.notifications.models import MAX_ATTEMPTS, Channel, Delivery
from alongside.organisations.models import Membership
from conftest import client_for

pytestmark = pytest.mark.django_db


class JsonSink:
    """A local HTTP endpoint that records every JSON body POSTed to it."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                sink.received.append(json.loads(self.rfile.read(length)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/alongside"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def sink() -> Iterator[JsonSink]:
    sink = JsonSink()
    yield sink
    sink.server.shutdown()


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"json://127.0.0.1:{s.getsockname()[1]}/?cto=1&rto=1"


def _page(member: Membership) -> Any:
    return notify(
        recipient_id=member.user_id,
        email=member.user.email,
        language="en",
        template="support-page",
        context={"urgency": "now", "link": "https://alongside.test/support/respond/x/"},
        link="/support/respond/x/",
        organisation_id=member.organisation_id,
        urgent=True,
    )


def test_a_page_reaches_a_persons_channel_too_with_no_clinical_content(
    author: Membership, sink: JsonSink
) -> None:
    channel = add_channel(user_id=author.user_id, url=sink.url)

    _page(author)
    deliveries = {d.channel: d for d in Delivery.objects.all()}
    attempt_delivery(delivery_id=deliveries["apprise"].pk)

    assert set(deliveries) == {"email", "apprise"}
    assert deliveries["apprise"].to_address == channel.label == "JSON"
    (received,) = sink.received
    assert received["title"] == "Someone would like to talk now"
    assert "https://alongside.test/support/respond/x/" in received["message"]
    channel.refresh_from_db()
    assert channel.last_sent_at is not None and channel.last_error == ""


def test_the_channel_address_is_encrypted_at_rest(author: Membership, sink: JsonSink) -> None:
    add_channel(user_id=author.user_id, url=sink.url)

    with connection.cursor() as cursor:
        cursor.execute("SELECT url FROM notifications_channel")
        (stored,) = cursor.fetchone()

    assert "127.0.0.1" not in stored and "json" not in stored


def test_an_address_apprise_cannot_read_is_refused_with_a_message(author: Membership) -> None:
    for url in ("", "not a url", "slack://"):
        with pytest.raises(ActionError, match="couldn't read that address"):
            add_channel(user_id=author.user_id, url=url)

    assert not Channel.objects.exists()


def test_a_failing_channel_is_retried_and_recorded_and_blocks_no_other(
    author: Membership,
) -> None:
    url = _closed_port_url()
    add_channel(user_id=author.user_id, url=url)

    _page(author)
    email = Delivery.objects.get(channel="email")
    failing = Delivery.objects.get(channel="apprise")
    attempt_delivery(delivery_id=failing.pk)
    attempt_delivery(delivery_id=email.pk)

    failing.refresh_from_db()
    email.refresh_from_db()
    assert failing.status == "pending" and failing.attempts == 1
    assert failing.last_error.startswith("The service did not accept the message")
    assert url not in Channel.objects.get().last_error  # the address holds credentials
    assert email.status == "sent"
    for _ in range(MAX_ATTEMPTS - 1):
        Delivery.objects.filter(pk=failing.pk).update(next_attempt_at=failing.created_at)
        attempt_delivery(delivery_id=failing.pk)
    failing.refresh_from_db()
    assert failing.status == "failed" and failing.attempts == MAX_ATTEMPTS


def test_a_person_has_at_most_five_channels(author: Membership, sink: JsonSink) -> None:
    for _ in range(MAX_CHANNELS):
        add_channel(user_id=author.user_id, url=sink.url)

    with pytest.raises(ActionError, match="up to 5 channels"):
        add_channel(user_id=author.user_id, url=sink.url)


def test_the_channels_page_adds_tests_and_removes_and_keeps_a_bad_address(
    as_author: Client, author: Membership, sink: JsonSink
) -> None:
    url = reverse("notifications:channel-list")

    bad = as_author.post(url, {"url": "slack://"})
    good = as_author.post(url, {"url": sink.url}, follow=True)
    channel = Channel.objects.get()
    test = as_author.post(reverse("notifications:channel-test", kwargs={"code": channel.code}))
    delivery = Delivery.objects.get(template="channel-test")
    attempt_delivery(delivery_id=delivery.pk)
    removed = as_author.post(
        reverse("notifications:channel-remove", kwargs={"code": channel.code}), follow=True
    )

    assert bad.status_code == 200 and "couldn&#x27;t read that address" in bad.content.decode()
    assert 'value="slack://"' in bad.content.decode()  # what was typed stays
    assert "Added JSON" in good.content.decode()
    assert sink.url not in good.content.decode()  # never shown again
    assert test.status_code == 302 and sink.received[0]["title"] == "A test from Alongside"
    assert "None yet" in removed.content.decode() and not Channel.objects.exists()


def test_nobody_else_tests_or_removes_someone_s_channel(
    author: Membership, colleague: Membership, sink: JsonSink
) -> None:
    channel = add_channel(user_id=author.user_id, url=sink.url)
    other = client_for(colleague)

    for name in ("notifications:channel-test", "notifications:channel-remove"):
        assert other.post(reverse(name, kwargs={"code": channel.code})).status_code == 404
    assert "JSON" not in other.get(reverse("notifications:channel-list")).content.decode()
    assert Channel.objects.filter(pk=channel.pk).exists()
    assert not Delivery.objects.exists()


def test_a_test_message_goes_through_the_worker_queue(author: Membership, sink: JsonSink) -> None:
    channel = add_channel(user_id=author.user_id, url=sink.url)

    delivery = send_test(to=channel, language="es")

    assert delivery.status == "pending" and delivery.is_urgent
    attempt_delivery(delivery_id=delivery.pk)
    assert sink.received[0]["title"] == "Una prueba de Alongside"


def test_a_supporter_with_no_channel_is_told_so_on_the_home_page(
    colleague: Membership, sink: JsonSink
) -> None:
    colleague.is_peer_supporter = True
    colleague.save()
    client = client_for(colleague)
    assert "Pages reach you only by email" in client.get("/").content.decode()

    add_channel(user_id=colleague.user_id, url=sink.url)

    assert "Pages reach you only by email" not in client.get("/").content.decode()


def test_clinicians_are_not_asked_for_a_channel(as_author: Client) -> None:
    assert "Pages reach you only by email" not in as_author.get("/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "json://169.254.169.254/latest/meta-data/",  # a cloud's metadata address
        "json://10.0.0.5/hook",  # the hospital's network
        "jsons://localhost:8443/",  # this machine, by name
        "json://0x7f000001/",  # this machine, spelled as a number
    ],
)
def test_an_address_inside_a_private_network_is_refused(author: Membership, url: str) -> None:
    with pytest.raises(ActionError, match="inside a private network"):
        add_channel(user_id=author.user_id, url=url)

    assert not Channel.objects.exists()


def test_services_with_their_own_address_and_allowed_private_hosts_are_accepted(
    author: Membership, settings: Any
) -> None:
    settings.CHANNEL_PRIVATE_HOSTS = ["10.0.0.5"]

    slack = add_channel(
        user_id=author.user_id, url="slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ"
    )
    own = add_channel(user_id=author.user_id, url="json://10.0.0.5/hook")

    assert (slack.label, own.label) == ("Slack", "JSON")


def test_a_saved_address_that_now_points_inside_the_network_is_not_sent_to(
    author: Membership, settings: Any
) -> None:
    # Allowed when it was saved; the administrator has since taken the host off the list.
    settings.CHANNEL_PRIVATE_HOSTS = ["10.0.0.5"]
    add_channel(user_id=author.user_id, url="json://10.0.0.5/hook")
    settings.CHANNEL_PRIVATE_HOSTS = []

    _page(author)
    delivery = Delivery.objects.get(channel="apprise")
    attempt_delivery(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert delivery.status == "pending" and "private network" in delivery.last_error
