"""Sending notifications. Other apps call these; this app imports no domain app."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alongside.lib.errors import ActionError
from alongside.lib.urls import absolute_url

from . import tasks
from .models import MAX_ATTEMPTS, Channel, Delivery, Notification, PushSubscription, backoff
from .transports import webpush
from .transports.apprise import AppriseTransport, is_valid_url, private_host, service_name
from .transports.email import EmailMessage, EmailTransport

PRERENDERED = "prerendered"
MAX_CHANNELS = 5
MAX_DEVICES = 10
ALL_KINDS = frozenset(Delivery.Channel.values)
# How long a claimed delivery is left to its worker before the tick may try it again.
CLAIM_LEASE = timedelta(minutes=5)


def _record(**fields: Any) -> Delivery:
    """Record one message on one channel; the worker sends it once the caller commits."""
    delivery = Delivery.objects.create(**fields)
    transaction.on_commit(partial(tasks.deliver.enqueue, delivery_id=delivery.pk))
    return delivery


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
    return _record(
        to_address=to,
        template=template,
        context=context,
        language=language,
        organisation_id=organisation_id,
        recipient_id=recipient_id,
        is_urgent=urgent,
    )


def send_rendered_email(
    *, to: str, subject: str, body: str, html: str = "", recipient_id: int | None = None
) -> Delivery:
    """Record an email already rendered elsewhere (allauth's verification and reset mails) so it
    gets the same retries and record. Its text is wiped once sent: it may hold a sign-in link."""
    return _record(
        to_address=to,
        template=PRERENDERED,
        recipient_id=recipient_id,
        context={"subject": subject, "body": body, "html": html},
    )


def notify_in_app(
    *, recipient_id: int, title: str, link: str = "", organisation_id: int | None = None
) -> Notification:
    """Create an in-app notice (shown in the header badge and the notices page)."""
    return Notification.objects.create(
        recipient_id=recipient_id, title=title, link=link, organisation_id=organisation_id
    )


@dataclass(frozen=True)
class Recipient:
    user_id: int
    email: str
    language: str


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
    """Reach a person on each of their channels at once: an in-app notice now, and an email,
    a push to each device that said yes, and a message on each channel they added (Apprise)
    from the worker after commit, each
    recorded and retried on its own, so one that fails holds up no other. The notice's title
    is the email's subject in their language; none carries clinical content, only `link`,
    which needs sign-in (style 4.7)."""
    (notice,) = notify_all(
        recipients=[Recipient(recipient_id, email, language)],
        template=template,
        context=context,
        link=link,
        organisation_id=organisation_id,
        urgent=urgent,
    )
    return notice


def notify_all(
    *,
    recipients: list[Recipient],
    template: str,
    context: dict[str, Any],
    link: str,
    organisation_id: int | None = None,
    urgent: bool = False,
    gathered: dict[str, Any] | None = None,
    kinds: frozenset[str] = ALL_KINDS,
) -> list[Notification]:
    """`notify` for several people with the same message (the pages of one step), in a few
    statements whatever their number: a page to fifty supporters must not keep the person
    who asked waiting.

    With `gathered` (the context of one message that stands for several), a channel whose
    earlier message of this template has not been picked up to send yet gets `gathered`
    instead of a second message: on a night with many requests a supporter's phone buzzes
    with "more than one colleague is waiting", not once per request. Every notice in the app
    is still created, one per call.

    `kinds` picks the channels besides the notice: a page was "taken" needs only to replace
    the alert on the phone (push), not a second email."""
    titles: dict[str, str] = {}
    for language in {r.language for r in recipients}:
        with translation.override(language):
            rendered = render_to_string(f"emails/{template}-subject.txt", context)
        titles[language] = " ".join(rendered.split())
    notices = Notification.objects.bulk_create(
        Notification(
            recipient_id=r.user_id,
            title=titles[r.language],
            link=link,
            organisation_id=organisation_id,
        )
        for r in recipients
    )
    common = {
        "template": template,
        "context": context,
        "organisation_id": organisation_id,
        "is_urgent": urgent,
    }
    language_of = {r.user_id: r.language for r in recipients}
    deliveries = [
        Delivery(to_address=r.email, language=r.language, recipient_id=r.user_id, **common)
        for r in recipients
        if Delivery.Channel.EMAIL in kinds
    ]
    deliveries += [
        Delivery(
            channel=Delivery.Channel.APPRISE,
            channel_ref=channel,
            to_address=channel.label,
            language=language_of[channel.user_id],
            recipient_id=channel.user_id,
            **common,
        )
        for channel in Channel.objects.filter(user_id__in=language_of)
        if Delivery.Channel.APPRISE in kinds
    ]
    deliveries += [
        Delivery(
            channel=Delivery.Channel.PUSH,
            push_ref_id=pk,
            to_address=label,
            language=language_of[user_id],
            recipient_id=user_id,
            **common,
        )
        for pk, user_id, label in PushSubscription.objects.filter(
            user_id__in=language_of
        ).values_list("pk", "user_id", "label")
        if Delivery.Channel.PUSH in kinds
    ]
    if gathered is not None:
        deliveries = _gather(
            deliveries, template=template, context=gathered, organisation_id=organisation_id
        )
    for delivery in Delivery.objects.bulk_create(deliveries):
        transaction.on_commit(partial(tasks.deliver.enqueue, delivery_id=delivery.pk))
    return notices


def _target(delivery: Delivery) -> tuple[str, int | None, int | None, int | None]:
    return (
        delivery.channel,
        delivery.recipient_id,
        delivery.channel_ref_id,
        delivery.push_ref_id,
    )


def _gather(
    deliveries: list[Delivery],
    *,
    template: str,
    context: dict[str, Any],
    organisation_id: int | None,
) -> list[Delivery]:
    """Turn each waiting, unclaimed message of `template` to these people into the gathered
    one, and return the deliveries still to create (for channels that had none waiting).

    The UPDATE's conditions are the worker's claim in reverse (`next_attempt_at <= now`, never
    tried): a row the worker has claimed is left alone and a new message is created instead,
    and a row gathered here is read by the worker only after this transaction commits. The
    rows this call changed are found again by a one-off mark in their context."""
    mark = uuid.uuid4().hex
    waiting = Delivery.objects.filter(
        status=Delivery.Status.PENDING,
        next_attempt_at__lte=timezone.now(),
        template=template,
        attempts=0,
        organisation_id=organisation_id,
        recipient_id__in={d.recipient_id for d in deliveries},
    )
    if not waiting.update(context={**context, "gathered": mark}):
        return deliveries
    covered = {
        _target(d)
        for d in Delivery.objects.filter(
            status=Delivery.Status.PENDING, template=template, context__gathered=mark
        ).only("channel", "recipient_id", "channel_ref_id", "push_ref_id")
    }
    return [d for d in deliveries if _target(d) not in covered]


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
    delivery = Delivery.objects.select_related("channel_ref", "push_ref").get(pk=delivery_id)
    message = render_email(delivery)
    gone = False
    if delivery.channel == Delivery.Channel.PUSH:
        error, gone = _push(delivery, message)
    elif delivery.channel_ref is not None:
        error = AppriseTransport().send(
            url=delivery.channel_ref.url, title=message.subject, body=message.body
        )
        Channel.objects.filter(pk=delivery.channel_ref.pk).update(
            last_sent_at=timezone.now() if error is None else delivery.channel_ref.last_sent_at,
            last_error=error or "",
        )
    else:
        error = EmailTransport().send(message)
    delivery.attempts += 1
    if error is None:
        delivery.status = Delivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        if delivery.template == PRERENDERED:
            delivery.context = {}
    else:
        delivery.last_error = error
        if gone or delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = Delivery.Status.FAILED
        else:
            delivery.next_attempt_at = timezone.now() + backoff(
                delivery.attempts, urgent=delivery.is_urgent
            )
    delivery.save(
        update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at", "context"]
    )
    return delivery


def _push(delivery: Delivery, message: EmailMessage) -> tuple[str | None, bool]:
    """Send a delivery to its device: the subject as the title and the link, nothing more.
    Returns the error (None when sent) and whether the device is gone for good, in which case
    it is forgotten so that nothing is sent to it again."""
    device = delivery.push_ref
    if device is None:
        return "The device was removed before the message could go.", True
    link = delivery.context.get("link") or absolute_url("/")
    with translation.override(delivery.language):
        payload = {
            "title": message.subject,
            # A page asks for action; a check-in or "taken" says all in its title.
            "body": _("Open Alongside to see it.") if delivery.is_urgent else "",
            "url": link,
            # One notice per request on the phone: "taken" replaces "someone needs a peer".
            "tag": link,
            "urgent": delivery.is_urgent,
            # Replaces an alert without a sound ("taken by a colleague").
            "quiet": bool(delivery.context.get("quiet")),
        }
    result = webpush.WebPushTransport().send(
        endpoint=device.endpoint,
        keys=json.loads(device.keys),
        payload=payload,
        urgent=delivery.is_urgent,
    )
    if result.gone:
        device.delete()  # the delivery keeps its record, with no device (SET_NULL)
        delivery.push_ref = None
    else:
        PushSubscription.objects.filter(pk=device.pk).update(
            last_sent_at=timezone.now() if result.error is None else device.last_sent_at,
            last_error=result.error or "",
        )
    return result.error, result.gone


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


# --- A person's channels ------------------------------------------------------------------


def add_channel(*, user_id: int, url: str) -> Channel:
    """A person adds a way to reach them (an Apprise URL). One that Apprise cannot read is
    refused with a message; the URL is stored encrypted and never shown again."""
    url = url.strip()
    if not url or not is_valid_url(url):
        raise ActionError(
            _(
                "We couldn't read that address. Check it against your service's Apprise "
                "format (for example ntfy://topic or slack://…)."
            )
        )
    if private_host(url):
        raise ActionError(
            _(
                "That address is inside a private network, and Alongside doesn't send there. "
                "Use the service's public address, or ask your administrator."
            )
        )
    if Channel.objects.filter(user_id=user_id).count() >= MAX_CHANNELS:
        raise ActionError(
            _("You can have up to %(max)s channels. Remove one first.") % {"max": MAX_CHANNELS}
        )
    return Channel.objects.create(user_id=user_id, url=url, label=service_name(url)[:80])


def remove_channel(*, channel: Channel) -> None:
    channel.delete()


def send_test(*, to: Channel | PushSubscription, language: str) -> Delivery:
    """Send a test to one of a person's channels or devices now (through the worker, recorded
    like any other message)."""
    target: dict[str, Any] = (
        {"channel": Delivery.Channel.APPRISE, "channel_ref": to}
        if isinstance(to, Channel)
        else {"channel": Delivery.Channel.PUSH, "push_ref": to}
    )
    return _record(
        **target,
        to_address=to.label,
        template="channel-test",
        context={},
        language=language,
        recipient_id=to.user_id,
        is_urgent=True,
    )


# --- A person's devices (Web Push) ----------------------------------------------------------


def _digest(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


def _checked(endpoint: Any, keys: Any) -> tuple[str, str]:
    """A browser's subscription, checked: the endpoint on a known push service and keys that
    can encrypt. Returns the endpoint and the keys as stored."""
    if (
        not isinstance(endpoint, str)
        or len(endpoint) > 2000
        or not webpush.is_allowed_endpoint(endpoint)
        or not webpush.are_valid_keys(keys)
    ):
        raise ActionError(_("This browser sent details we can't use. Try again, or use email."))
    return endpoint, json.dumps({"p256dh": keys["p256dh"], "auth": keys["auth"]})


def subscribe_device(*, user_id: int, endpoint: Any, keys: Any, label: str) -> PushSubscription:
    """A browser or the installed app said yes to Web Push. The same device subscribing again
    (or after another person signed in on it) updates its row and belongs to whoever is signed
    in now. Endpoints off the known push services, and keys that cannot encrypt, are refused."""
    if not webpush.is_enabled():
        raise ActionError(_("Notifications to the app are not set up on this server yet."))
    endpoint, stored_keys = _checked(endpoint, keys)
    digest = _digest(endpoint)
    fields = {
        "user_id": user_id,
        "endpoint": endpoint,
        "keys": stored_keys,
        "label": (label.strip() or _("A browser"))[:80],
        "last_error": "",
    }
    device = PushSubscription.objects.filter(endpoint_digest=digest).first()
    if device is None:
        if PushSubscription.objects.filter(user_id=user_id).count() >= MAX_DEVICES:
            raise ActionError(
                _("You can have up to %(max)s devices. Remove one first.") % {"max": MAX_DEVICES}
            )
        return PushSubscription.objects.create(endpoint_digest=digest, **fields)
    for name, value in fields.items():
        setattr(device, name, value)
    device.save()
    return device


def renew_device(*, old_endpoint: Any, endpoint: Any, keys: Any) -> PushSubscription:
    """The browser replaced a device's subscription (its service worker's
    `pushsubscriptionchange`): move the device to the new endpoint and keys. Knowing the old
    endpoint, a secret shared only by the browser, the push service and us, is what proves it
    is that device, so this needs no session (it may have ended long ago)."""
    device = PushSubscription.objects.filter(endpoint_digest=_digest(str(old_endpoint))).first()
    if device is None:
        raise ActionError(_("We don't know this device. Turn alerts on again from Alongside."))
    device.endpoint, device.keys = _checked(endpoint, keys)
    device.endpoint_digest = _digest(device.endpoint)
    PushSubscription.objects.filter(endpoint_digest=device.endpoint_digest).exclude(
        pk=device.pk
    ).delete()
    device.last_error = ""
    device.save()
    return device


def remove_device(*, device: PushSubscription) -> None:
    device.delete()
