from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField

MAX_ATTEMPTS = 6


class Notification(models.Model):
    """An in-app notice with no clinical content: a short title and a link that needs sign-in."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    organisation_id = models.BigIntegerField(null=True, blank=True)
    title = models.CharField(max_length=200)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # notifications.queries.unread_count_for: the badge in the header on every page.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class OwnChannel(models.Model):
    """A way to reach a person that they set up themselves, beyond email and the app."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    label = models.CharField(max_length=80)  # what the person sees instead of the address
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.label


class Channel(OwnChannel):
    """One more way to reach a person (an SMS gateway, Slack, Teams, ntfy, a webhook), as an
    Apprise URL. The URL holds the service's credentials, so it is encrypted at rest and never
    shown again after it is saved: the person sees the label (the service's name)."""

    url = EncryptedTextField()

    class Meta(OwnChannel.Meta):
        pass


class PushSubscription(OwnChannel):
    """A browser or the installed app that said yes to Web Push on one device: the push
    service's endpoint and the keys to encrypt for it. The endpoint is a capability URL and
    the keys are secrets, so both are encrypted at rest; `endpoint_digest` (SHA-256) finds the
    same device subscribing again without decrypting every row. The label is the browser and
    system ("Chrome · Android")."""

    endpoint = EncryptedTextField()
    endpoint_digest = models.CharField(max_length=64, unique=True)
    keys = EncryptedTextField()  # JSON: {"p256dh": …, "auth": …}

    class Meta(OwnChannel.Meta):
        pass


class Delivery(models.Model):
    """One message on one channel, with every attempt recorded on the row.

    A failed send is retried with back-off by the tick; a worker that dies mid-send leaves the
    row claimed only until its lease (`next_attempt_at`) passes, then the tick picks it up.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        APPRISE = "apprise", _("Another channel")
        PUSH = "push", _("The app on a phone")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to send")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.EMAIL)
    organisation_id = models.BigIntegerField(null=True, blank=True)
    recipient_id = models.BigIntegerField(null=True, blank=True)
    to_address = models.CharField(max_length=254)  # an email address, or the channel's label
    # The person's channel, for Apprise deliveries: its URL is read from there when sending.
    channel_ref = models.ForeignKey(
        "notifications.Channel",  # the model: inside this class, Channel is the choices
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # The device, for Web Push deliveries. Kept as empty when the device is forgotten (the
    # push service said it is gone), so the record of what was tried stays.
    push_ref = models.ForeignKey(
        PushSubscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    template = models.CharField(max_length=64)
    context = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    # Pages to peer supporters: retried within minutes, not over half an hour.
    is_urgent = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # When coordinators were told that a page could not be delivered (organisations' tick job).
    failure_reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        indexes = [
            # notifications.actions.retry_due_deliveries (the tick): pending rows by due time.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="delivery_pending_due_idx",
            ),
            # organisations.actions.report_failed_pages (the tick): failures not yet reported.
            models.Index(
                fields=["template"],
                condition=Q(status="failed", failure_reported_at__isnull=True),
                name="delivery_failed_unreported_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | ~Q(status="sent"),
                name="delivery_sent_has_sent_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} to {self.to_address} ({self.status})"


def backoff(attempts: int, *, urgent: bool = False) -> timedelta:
    """1, 2, 4, 8, 16 minutes between attempts; 10, 20, 40, 80, 160 seconds when urgent."""
    factor = 2 ** max(attempts - 1, 0)
    return timedelta(seconds=10 * factor) if urgent else timedelta(minutes=factor)
