from __future__ import annotations

import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from alongside.notifications.actions import (
    attempt_delivery,
    retry_due_deliveries,
    send_email,
    send_rendered_email,
)
from alongside.notifications.models import MAX_ATTEMPTS, Delivery
from alongside.organisations.models import Membership

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _smtp_down() -> override_settings:
    """A real SMTP backend pointed at a port where nothing listens: a real failure."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=_closed_port(),
        EMAIL_TIMEOUT=2,
        EMAIL_USE_TLS=False,
    )


def _invitation() -> Delivery:
    return send_email(
        to="x@example.test",
        template="invitation",
        language="en",
        context={"organisation": "Alpha", "invited_by": "Ann", "link": "/l", "days": 7},
    )


def test_a_failed_send_is_recorded_and_retried_until_it_goes_through() -> None:
    delivery = _invitation()
    with _smtp_down():
        attempt_delivery(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert "Connection refused" in delivery.last_error or "Errno" in delivery.last_error
    assert retry_due_deliveries() == 0  # not due yet: back-off

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert retry_due_deliveries() == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.attempts == 2
    assert len(mail.outbox) == 1


def test_a_delivery_gives_up_after_the_last_attempt_and_says_so() -> None:
    delivery = _invitation()
    with _smtp_down():
        for _attempt in range(MAX_ATTEMPTS):
            Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
            attempt_delivery(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == MAX_ATTEMPTS
    assert delivery.last_error


def test_a_delivery_is_sent_once_even_if_two_workers_try() -> None:
    delivery = _invitation()
    first = attempt_delivery(delivery_id=delivery.pk)
    second = attempt_delivery(delivery_id=delivery.pk)
    assert first is not None and second is None
    assert len(mail.outbox) == 1


def test_a_claim_left_by_a_dead_worker_is_picked_up_after_its_lease() -> None:
    delivery = _invitation()
    # A worker claimed it (lease set) and was killed before sending.
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    assert retry_due_deliveries() == 0
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert retry_due_deliveries() == 1
    assert len(mail.outbox) == 1


def test_prerendered_mail_text_is_wiped_once_sent() -> None:
    delivery = send_rendered_email(
        to="x@example.test", subject="Reset", body="secret link https://x/reset/abc", html=""
    )
    attempt_delivery(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.context == {}
    assert "reset/abc" in mail.outbox[0].body


def test_invitation_mail_is_in_the_organisations_language() -> None:
    delivery = send_email(
        to="x@example.test",
        template="invitation",
        language="es",
        context={"organisation": "Alfa", "invited_by": "Ana", "link": "/l", "days": 7},
    )
    attempt_delivery(delivery_id=delivery.pk)
    assert "Te invitan a Alfa" in mail.outbox[0].subject


def test_the_header_badge_shows_a_new_notice_within_the_minute_and_clears_when_read(
    author: Membership,
) -> None:
    from datetime import timedelta as td

    from alongside.notifications.actions import notify_in_app
    from conftest import client_for

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = client_for(author)
        client.get("/")
        notify_in_app(recipient_id=author.user_id, title="A peer replied")
    with time_machine.travel(start + td(seconds=61), tick=False):
        page = client.get("/").content.decode()
        assert '<span class="badge">1<span class="visually-hidden"> new</span>' in page
        client.post("/notifications/read/")
        assert 'class="badge">1' not in client.get("/").content.decode()
