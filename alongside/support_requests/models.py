"""Support requests, the pages that reach peer supporters, the on-call rota and encounters.

Work that happens at a time is state on these rows (style 4.4): `SupportRequest.escalate_at`
is claimed by the tick with a conditional UPDATE, and an acceptance is a conditional UPDATE on
`supporter IS NULL`, so two people, ticks or workers never win the same thing twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField
from alongside.organisations.models import CrisisResource, Membership, Organisation, Unit

NOTE_MAX_LENGTH = 500
ENCOUNTER_NOTE_MAX_LENGTH = 2000


class Urgency(models.TextChoices):
    NOW = "now", _("Now")
    TODAY = "today", _("Later today")
    SOON = "soon", _("In the next few days")


class ContactMethod(models.TextChoices):
    CALL = "call", _("A phone call")
    TEXT = "text", _("A text message")
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("A video call")


class RequestKind(models.TextChoices):
    SELF = "self", _("For me")
    COLLEAGUE = "colleague", _("For a colleague who is struggling")
    TEAM = "team", _("For my team (a group conversation)")


class Step(models.IntegerChoices):
    """Who has been asked so far. Each step waits the organisation's window for the urgency.
    A request that continues an earlier talk ("I'd like to talk again") starts one step early,
    with the supporter the person spoke with."""

    SAME_SUPPORTER = -1, _("The peer supporter they spoke with before")
    ON_CALL = 0, _("On-call peer supporters")
    BACKUP = 1, _("Backup peer supporters")
    COORDINATORS = 2, _("Programme coordinators")
    REQUESTER_TOLD = 3, _("Told the person it is taking longer")


class SupportRequestQuerySet(models.QuerySet["SupportRequest"]):
    def waiting(self) -> SupportRequestQuerySet:
        return self.filter(status__in=SupportRequest.WAITING)

    def open(self) -> SupportRequestQuerySet:
        return self.filter(status__in=SupportRequest.OPEN_STATUSES)


class SupportRequest(models.Model):
    """A member's request to talk to a peer: for themselves, a colleague or their team.

    The lifecycle is open -> paged -> (escalated) -> accepted -> contacted -> closed, or
    withdrawn by the requester; each step is one action and its time is kept here, so response
    times come from the data.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Finding someone")
        PAGED = "paged", _("Finding someone")
        ESCALATED = "escalated", _("Still finding someone")
        ACCEPTED = "accepted", _("Someone has it")
        CONTACTED = "contacted", _("Spoke")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    WAITING = (Status.OPEN, Status.PAGED, Status.ESCALATED)
    OPEN_STATUSES = (*WAITING, Status.ACCEPTED, Status.CONTACTED)

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="support_requests"
    )
    requester = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="support_requests"
    )
    kind = models.CharField(max_length=16, choices=RequestKind.choices, default=RequestKind.SELF)
    urgency = models.CharField(max_length=8, choices=Urgency.choices, default=Urgency.NOW)
    contact_method = models.CharField(
        max_length=16, choices=ContactMethod.choices, default=ContactMethod.CALL
    )
    # What the requester chose to share: only the supporter who accepts reads these.
    contact_phone = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    about_name = EncryptedTextField(blank=True, default="")  # the colleague, when named
    # The unit the request is about (the team's, or the requester's own).
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL)
    wants_outside_unit = models.BooleanField(default=False)
    # Nobody but the supporter who accepts may see who asked: not coordinators, not admins.
    is_name_private = models.BooleanField(default=True)
    # "Talk again" after a follow-up: this supporter is paged first (Step.SAME_SUPPORTER).
    preferred_supporter = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    step = models.SmallIntegerField(choices=Step.choices, default=Step.ON_CALL)
    escalate_at = models.DateTimeField(null=True, blank=True)
    supporter = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_requests",
    )
    contact_within_minutes = models.PositiveSmallIntegerField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    first_paged_at = models.DateTimeField(null=True, blank=True)
    backup_paged_at = models.DateTimeField(null=True, blank=True)
    coordinators_paged_at = models.DateTimeField(null=True, blank=True)
    requester_told_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    contacted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[SupportRequestQuerySet] = SupportRequestQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # support_requests.actions.escalate_due_requests (the tick): waiting rows by due time.
            models.Index(
                fields=["escalate_at"],
                condition=Q(escalate_at__isnull=False),
                name="request_escalation_due_idx",
            ),
            # queries.requests_for_programme and requests_of: an organisation's, newest first.
            models.Index(fields=["organisation", "-created_at"], name="request_org_created_idx"),
        ]
        constraints = [
            # An accepted request has its owner and the time it was taken.
            models.CheckConstraint(
                condition=Q(supporter__isnull=True, accepted_at__isnull=True)
                | Q(supporter__isnull=False, accepted_at__isnull=False),
                name="request_owner_and_accepted_at_together",
            ),
            # Only a request still waiting for someone can be due to escalate.
            models.CheckConstraint(
                condition=Q(escalate_at__isnull=True)
                | Q(status__in=["open", "paged", "escalated"]),
                name="request_escalates_only_while_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"Support request {str(self.code)[:8]}"

    @property
    def short_code(self) -> str:
        return str(self.code)[:8]

    @property
    def is_waiting(self) -> bool:
        return self.status in self.WAITING

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_waiting_for_same_supporter(self) -> bool:
        return self.is_waiting and self.step == Step.SAME_SUPPORTER

    @property
    def contact_by(self) -> datetime | None:
        if self.accepted_at is None or self.contact_within_minutes is None:
            return None
        return self.accepted_at + timedelta(minutes=self.contact_within_minutes)


class Page(models.Model):
    """One alert to one person about one request. The page itself carries no content: its
    notice and email say how urgent it is and link to a page that needs sign-in."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="pages"
    )
    recipient = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="pages")
    step = models.SmallIntegerField(choices=Step.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when this recipient took the request, or when it stopped needing them (taken by
    # someone else, withdrawn): the page then shows "already taken, thank you".
    accepted_at = models.DateTimeField(null=True, blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Escalation pages new people only: nobody is paged twice for one request.
            models.UniqueConstraint(
                fields=["support_request", "recipient"], name="page_once_per_recipient"
            ),
        ]
        indexes = [
            # queries.pages_for: the supporter's live list, newest first.
            models.Index(fields=["recipient", "-created_at"], name="page_recipient_idx"),
        ]

    def __str__(self) -> str:
        return f"Page {str(self.code)[:8]}"


class Tier(models.TextChoices):
    PRIMARY = "primary", _("On call")
    BACKUP = "backup", _("Backup")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Shift(models.Model):
    """A weekly on-call shift in the organisation's local time. An end at or before the start
    runs past midnight into the next day. Local wall-clock times keep a 08:00-20:00 shift at
    08:00-20:00 across daylight-saving changes."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="shifts")
    tier = models.CharField(_("tier"), max_length=8, choices=Tier.choices, default=Tier.PRIMARY)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["weekday", "starts"]
        indexes = [
            # queries.on_call_supporters: who covers this weekday, on every request.
            models.Index(fields=["organisation", "tier", "weekday"], name="shift_on_call_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"

    @property
    def is_overnight(self) -> bool:
        return self.ends <= self.starts


class ExtraShift(models.Model):
    """A one-off on-call period a coordinator adds on top of the weekly rota (cover, a swap)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="extra_shifts")
    tier = models.CharField(_("tier"), max_length=8, choices=Tier.choices, default=Tier.PRIMARY)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="extra_shift_ends_after_start"
            ),
        ]
        indexes = [
            # queries.on_call_supporters: one-off cover that includes now.
            models.Index(fields=["organisation", "ends_at"], name="extra_shift_current_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}-{self.ends_at:%H:%M}"


class TimeOff(models.Model):
    """A time a supporter is not available, set by themselves (or a coordinator): it wins over
    every shift, weekly or one-off."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="time_off")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="time_off_ends_after_start"
            ),
        ]
        indexes = [
            # queries.on_call_supporters: who is away now.
            models.Index(fields=["organisation", "ends_at"], name="time_off_current_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}-{self.ends_at:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """A supporter's private link to their on-call shifts, for their calendar app. Calendar
    apps cannot sign in, so knowing the random token is the access check; making a new token
    ends the old link."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    supporter = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return "Calendar feed"


class Outcome(models.TextChoices):
    LISTENED = "listened", _("We talked; I listened")
    EMPLOYEE_ASSISTANCE = "employee_assistance", _("Referred to employee assistance")
    CHAPLAINCY = "chaplaincy", _("Referred to chaplaincy or spiritual care")
    PSYCHOLOGY = "psychology", _("Referred to psychology or counselling")
    CRISIS = "crisis", _("Referred to a crisis service")
    OTHER = "other", _("Referred somewhere else")


# Which resources to offer for each referral outcome (organisations.CrisisResource.Kind).
OUTCOME_RESOURCE_KINDS: dict[str, tuple[str, ...]] = {
    Outcome.EMPLOYEE_ASSISTANCE: (CrisisResource.Kind.EMPLOYEE_ASSISTANCE,),
    Outcome.CHAPLAINCY: (CrisisResource.Kind.CHAPLAINCY,),
    Outcome.PSYCHOLOGY: (CrisisResource.Kind.PSYCHOLOGY,),
    Outcome.CRISIS: (CrisisResource.Kind.CRISIS_LINE,),
    Outcome.OTHER: (CrisisResource.Kind.OTHER,),
}


class Encounter(models.Model):
    """What the supporter who took a request recorded: that they spoke, when, the outcome and
    an optional note that only they can read (encrypted at rest)."""

    support_request = models.OneToOneField(
        SupportRequest, on_delete=models.CASCADE, related_name="encounter"
    )
    supporter = models.ForeignKey(
        Membership, null=True, on_delete=models.SET_NULL, related_name="encounters"
    )
    spoke_at = models.DateTimeField()
    outcome = models.CharField(max_length=32, choices=Outcome.choices, default=Outcome.LISTENED)
    # Labels copied, not keys: the referral stays readable if the resource is later removed.
    referred_to = models.CharField(max_length=120, blank=True)
    note = EncryptedTextField(blank=True, default="")
    was_hard = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Encounter {self.support_request.short_code}"
