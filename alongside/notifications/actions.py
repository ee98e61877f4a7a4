"""Sending notifications. Other apps call these; this app imports no domain app."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import tasks
from .models import MAX_ATTEMPTS, Delivery, Notification, backoff
from .transports.email import EmailMessage, EmailTransport

PRERENDERED = "prerendered"
# How long a claimed delivery is left to its worker before the tick may try it again.
CLAIM_LEASE = timedelta(minutes=5)


def send_email(
    *,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str,
    organisation_id: int | None = None,
    recipient_id: int | None = None,
    urgent: bool = False,
) -> Delivery:
    """Record an email and send it from the worker once the caller's transaction commits.

    `context` must be JSON and must carry no clinical or journal content (style 4.7).
    """
    delivery = Delivery.objects.create(
        to_address=to,
        template=template,
        context=context,
        language=language,
        organisation_id=organisation_id,
        recipient_id=recipient_id,
        is_urgent=urgent,
    )
    transaction.on_commit(partial(tasks.deliver.enqueue, delivery_id=delivery.pk))
    return delivery


def send_rendered_email(
    *, to: str, subject: str, body: str, html: str = "", recipient_id: int | None = None
) -> Delivery:
    """Record an email already rendered elsewhere (allauth's verification and reset mails) so it
    gets the same retries and record. Its text is wiped once sent: it may hold a sign-in link."""
    delivery = Delivery.objects.create(
        to_address=to,
        template=PRERENDERED,
        recipient_id=recipient_id,
        context={"subject": subject, "body": body, "html": html},
    )
    transaction.on_commit(partial(tasks.deliver.enqueue, delivery_id=delivery.pk))
    return delivery


def notify_in_app(
    *, recipient_id: int, title: str, link: str = "", organisation_id: int | None = None
) -> Notification:
    """Create an in-app notice (shown in the header badge and the notices page)."""
    return Notification.objects.create(
        recipient_id=recipient_id, title=title, link=link, organisation_id=organisation_id
    )


def notify(
    *,
    recipient_id: int,
    email: str,
    language: str,
    template: str,
    context: dict[str, Any],
    link: str,
    organisation_id: int | None = None,
    urgent: bool = False,
) -> Notification:
    """Reach a person on each of their channels at once: an in-app notice now, and an email
    from the worker after commit (each channel recorded and retried on its own, so one that
    fails holds up no other). The notice's title is the email's subject in their language;
    neither carries clinical content, only `link`, which needs sign-in (style 4.7)."""
    with translation.override(language):
        title = " ".join(render_to_string(f"emails/{template}-subject.txt", context).split())
    notice = notify_in_app(
        recipient_id=recipient_id, title=title, link=link, organisation_id=organisation_id
    )
    send_email(
        to=email,
        template=template,
        context=context,
        language=language,
        organisation_id=organisation_id,
        recipient_id=recipient_id,
        urgent=urgent,
    )
    return notice


def mark_notifications_read(*, recipient_id: int) -> int:
    return Notification.objects.filter(recipient_id=recipient_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def render_email(delivery: Delivery) -> EmailMessage:
    if delivery.template == PRERENDERED:
        ctx = delivery.context
        return EmailMessage(
            to=delivery.to_address,
            subject=ctx["subject"],
            body=ctx["body"],
            html=ctx.get("html") or "",
        )
    with translation.override(delivery.language):
        name = f"emails/{delivery.template}"
        subject = render_to_string(f"{name}-subject.txt", delivery.context).strip()
        body = render_to_string(f"{name}-body.txt", delivery.context)
        html = render_to_string(f"{name}-body.html", delivery.context)
    return EmailMessage(
        to=delivery.to_address, subject=" ".join(subject.split()), body=body, html=html
    )


def attempt_delivery(*, delivery_id: int) -> Delivery | None:
    """Claim a due delivery and try to send it once. Safe to call twice: the claim is a
    conditional UPDATE, so two workers never send the same message."""
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM_LEASE)
    if not claimed:
        return None
    delivery = Delivery.objects.get(pk=delivery_id)
    error = EmailTransport().send(render_email(delivery))
    delivery.attempts += 1
    if error is None:
        delivery.status = Delivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        if delivery.template == PRERENDERED:
            delivery.context = {}
    else:
        delivery.last_error = error
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = Delivery.Status.FAILED
        else:
            delivery.next_attempt_at = timezone.now() + backoff(
                delivery.attempts, urgent=delivery.is_urgent
            )
    delivery.save(
        update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at", "context"]
    )
    return delivery


def retry_due_deliveries() -> int:
    """Tick job: try every pending delivery whose time has come (retries, and any a dead
    worker left behind). Returns how many were attempted."""
    due = list(
        Delivery.objects.filter(
            status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).values_list("pk", flat=True)[:200]
    )
    for delivery_id in due:
        attempt_delivery(delivery_id=delivery_id)
    return len(due)
