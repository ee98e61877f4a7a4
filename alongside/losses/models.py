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
    # A loss from the hospital's feed: the records say that someone died, not how.
    UNSPECIFIED = "unspecified", _("Not known")


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
    # A loss from the hospital's feed: a keyed hash of the visit number (never the number), so
    # the same death sent twice, or as both a discharge and an update, is one loss.
    feed_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            # actions.record_loss: earlier losses on the same unit within a shift.
            models.Index(fields=["unit", "-occurred_at"], name="loss_unit_time_idx"),
        ]
        constraints = [
            # actions.record_feed_loss: one loss per visit, however often the feed repeats it.
            models.UniqueConstraint(
                fields=["organisation", "feed_key"],
                condition=~Q(feed_key=""),
                name="loss_feed_key_once",
            ),
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
    FEED = "feed", _("From the hospital's records")


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
    # The offer waiting to be sent: cleared by whoever sends it (right after the commit for
    # people added by a colleague, the tick for the feed's), so a crash between the two loses
    # no offer and a race sends none twice.
    offer_due_at = models.DateTimeField(null=True, blank=True)
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
            # actions.send_due_offers (the tick): offers not sent yet.
            models.Index(
                fields=["offer_due_at"],
                condition=Q(offer_due_at__isnull=False),
                name="loss_offer_due_idx",
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


# --- The hospital's feed ----------------------------------------------------------------------


class EhrFeed(models.Model):
    """How one organisation's EHR reaches Alongside: HL7 v2 over MLLP, addressed to `facility`
    (MSH-6, receiving facility), and FHIR R4 over HTTPS with a bearer token (kept as a hash)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="ehr_feed"
    )
    is_enabled = models.BooleanField(_("accept losses from the hospital's records"), default=False)
    facility = models.CharField(
        _("receiving facility (MSH-6)"),
        max_length=64,
        blank=True,
        help_text=_("What your interface engine puts in MSH-6 of messages sent to Alongside."),
    )
    token_hash = models.CharField(max_length=64, blank=True, default="")
    token_hint = models.CharField(max_length=8, blank=True, default="")
    token_created_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # MLLP messages find their organisation by MSH-6: one organisation per facility.
            models.UniqueConstraint(
                fields=["facility"], condition=~Q(facility=""), name="ehr_feed_facility_once"
            ),
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="ehr_feed_token_once"
            ),
        ]

    def __str__(self) -> str:
        return f"EHR feed of {self.organisation_id}"


class FeedUnitCode(models.Model):
    """The code table coordinators edit: a point of care as the EHR names it (PV1-3, or a FHIR
    Location identifier) and the unit it is in Alongside."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=64)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="feed_unit_code_once"),
        ]

    def __str__(self) -> str:
        return self.code


class StaffIdentifier(models.Model):
    """A member's staff identifier in the EHR (the ID number of PV1-7/8/9/17 and ROL-4, or a
    FHIR Practitioner identifier), so the care team of a death reaches the right people."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    identifier = models.CharField(max_length=64)
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "identifier"], name="staff_identifier_once"
            ),
        ]

    def __str__(self) -> str:
        return self.identifier
