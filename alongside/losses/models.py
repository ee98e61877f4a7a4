"""Losses: a patient's death on a unit, recorded without any patient identifier, and the
people who were there, each of whom gets a private offer of a peer and check-ins after.

Nothing here names or describes the patient: a unit, a time and a kind of loss. Whether a
person accepted, declined or ignored the offer is theirs alone (no page shows it to anyone else).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField
from alongside.organisations.models import Membership, Organisation, Unit


class Kind(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    UNEXPECTED = "unexpected", _("Unexpected")
    CHILD = "child", _("A child")
    TRAUMATIC = "traumatic", _("Traumatic or violent")
    AFTER_RESUSCITATION = "after_resuscitation", _("After resuscitation")
    COLLEAGUE = "colleague", _("A colleague")


# Coordinators are told of these, so they can offer the team a group session.
HIGH_IMPACT_KINDS = frozenset({Kind.CHILD, Kind.TRAUMATIC, Kind.COLLEAGUE})


class Source(models.TextChoices):
    RECORDED = "recorded", _("Recorded by a member")
    HL7 = "hl7", _("Hospital feed (HL7)")
    FHIR = "fhir", _("Hospital feed (FHIR)")


class LossEvent(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # A unit removed later leaves its losses (and their check-ins) in place, without a unit.
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="losses"
    )
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=24, choices=Kind.choices)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.RECORDED)
    recorded_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Team members open this on their own phones to add themselves (typed, or from the QR).
    join_code = models.CharField(max_length=8, unique=True)
    join_open_until = models.DateTimeField()
    is_high_impact = models.BooleanField(default=False)
    # For the programme reports: whether the team paused and held a hot debrief.
    paused_at = models.DateTimeField(null=True, blank=True)
    debriefed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            # actions.record_loss: earlier losses on the same unit within a shift.
            models.Index(fields=["unit", "-occurred_at"], name="loss_unit_time_idx"),
        ]

    def __str__(self) -> str:
        return f"Loss {str(self.code)[:8]}"

    @property
    def is_join_open(self) -> bool:
        return timezone.now() < self.join_open_until


class Offer(models.TextChoices):
    YES = "yes", _("Yes, I'd like to talk")
    NOT_NOW = "not_now", _("Not now")
    OK = "ok", _("I'm ok")


class HowAdded(models.TextChoices):
    RECORDED = "recorded", _("Recorded the loss")
    PICKED = "picked", _("Added by a colleague")
    JOIN_CODE = "join_code", _("Joined with the code")


class Participant(models.Model):
    """One person who was there, and their private offer of a peer. "Not now" brings the offer
    back once, `remind_at` later (the tick claims it with a conditional UPDATE)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loss = models.ForeignKey(LossEvent, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    how_added = models.CharField(max_length=16, choices=HowAdded.choices)
    offer = models.CharField(max_length=16, choices=Offer.choices, blank=True)
    offer_answered_at = models.DateTimeField(null=True, blank=True)
    remind_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            # actions.add_participants: a person is there once, however they were added.
            models.UniqueConstraint(fields=["loss", "member"], name="loss_participant_once"),
        ]
        indexes = [
            # actions.send_due_offer_reminders (the tick): offers to bring back.
            models.Index(
                fields=["remind_at"], condition=Q(remind_at__isnull=False), name="loss_remind_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Participant {str(self.code)[:8]}"


class ActionPoint(models.Model):
    """The one thing a hot debrief records: something to change, with an owner and a due date.
    No feelings and no names; tracked until its owner (or a coordinator) closes it."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loss = models.ForeignKey(LossEvent, on_delete=models.CASCADE, related_name="action_points")
    text = EncryptedTextField()
    owner = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField()
    created_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["closed_at", "due_on"]
        indexes = [
            # queries.action_points_for: an owner's open points by due date.
            models.Index(fields=["owner", "closed_at", "due_on"], name="action_point_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"Action point {str(self.code)[:8]}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
