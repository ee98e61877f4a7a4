from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import Role

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]
DEFAULT_FOLLOW_UP_DAYS = "1,3,7,30"
MAX_FOLLOW_UPS = 8
MAX_FOLLOW_UP_DAY = 365


def parse_follow_up_days(value: str) -> list[int]:
    """ "1, 3, 7, 30" -> [1, 3, 7, 30]: distinct whole days after the talk, in order. An empty
    value means no check-ins. Raises ValidationError with a message for a person to read."""
    parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise ValidationError(
            _("Use whole numbers of days separated by commas, such as 1, 3, 7, 30.")
        )
    days = sorted({int(p) for p in parts})
    if days and (days[0] < 1 or days[-1] > MAX_FOLLOW_UP_DAY):
        raise ValidationError(
            _("Each day must be between 1 and %(max)s.") % {"max": MAX_FOLLOW_UP_DAY}
        )
    if len(days) > MAX_FOLLOW_UPS:
        raise ValidationError(
            _("Please choose at most %(max)s check-ins.") % {"max": MAX_FOLLOW_UPS}
        )
    return days


def validate_follow_up_days(value: str) -> None:
    parse_follow_up_days(value)


class Organisation(models.Model):
    """A hospital or health system: the tenant every domain row belongs to."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(
        _("country"),
        max_length=2,
        default="US",
        help_text=_("Two-letter country code; sets the default crisis lines."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", choices=TIME_ZONE_CHOICES
    )
    language = models.CharField(
        _("default language"), max_length=8, default="en", choices=settings.LANGUAGES
    )
    # Policy (style 7.4: data that org admins edit, not settings).
    requires_mfa_for_leads = models.BooleanField(
        _("require two-step sign-in for coordinators and org admins"), default=True
    )
    session_idle_hours = models.PositiveSmallIntegerField(
        _("sign people out after this many hours without activity"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(72)],
    )
    sso_provider_id = models.SlugField(
        _("single sign-on provider id"),
        max_length=64,
        blank=True,
        help_text=_("The id of this organisation's OpenID Connect app, if it has one."),
    )
    sso_joins_as_clinician = models.BooleanField(
        _("people who sign in through our identity provider join as clinicians"), default=True
    )
    # How long a support request waits for someone to accept before the next people are paged
    # (backup tier, then coordinators, then the requester is told): support_requests.actions.
    escalation_minutes_now = models.PositiveSmallIntegerField(
        _("minutes to wait before asking more people, when someone needs to talk now"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    escalation_minutes_today = models.PositiveSmallIntegerField(
        _("minutes to wait before asking more people, for a talk later today"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(720)],
    )
    escalation_minutes_soon = models.PositiveIntegerField(
        _("minutes to wait before asking more people, for a talk in the next few days"),
        default=24 * 60,
        validators=[MinValueValidator(30), MaxValueValidator(7 * 24 * 60)],
    )
    # When a check-in reaches someone after a talk with a peer: followups.actions.
    follow_up_days = models.CharField(
        _("check in with people this many days after a talk"),
        max_length=64,
        default=DEFAULT_FOLLOW_UP_DAYS,
        blank=True,
        validators=[validate_follow_up_days],
        help_text=_("Days separated by commas, such as 1, 3, 7, 30. Leave empty for none."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(session_idle_hours__gte=1, session_idle_hours__lte=72),
                name="organisation_session_idle_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(escalation_minutes_now__gte=1, escalation_minutes_today__gte=1)
                & Q(escalation_minutes_soon__gte=1),
                name="organisation_escalation_windows_positive",
            ),
            # One organisation per identity provider: SSO sign-in maps to exactly one tenant.
            models.UniqueConstraint(
                fields=["sso_provider_id"],
                condition=~Q(sso_provider_id=""),
                name="organisation_unique_sso_provider",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def follow_up_schedule(self) -> list[int]:
        """The policy's days after a talk (validated when it is saved through a form)."""
        return parse_follow_up_days(self.follow_up_days)


class Unit(models.Model):
    """A ward, department or team inside an organisation (Emergency, ICU, ...)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unit_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class RoleFlags(models.Model):
    """The five roles as flags: a person may hold several (shared by Membership and Invitation)."""

    is_clinician = models.BooleanField(_("clinician"), default=True)
    is_peer_supporter = models.BooleanField(_("peer supporter"), default=False)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    is_org_admin = models.BooleanField(_("org admin"), default=False)

    class Meta:
        abstract = True

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(role for role in Role if getattr(self, role.field_name))

    def has_role(self, role: Role) -> bool:
        return bool(getattr(self, role.field_name))


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self) -> MembershipQuerySet:
        return self.filter(deactivated_at__isnull=True)

    def with_role(self, role: Role) -> MembershipQuerySet:
        return self.filter(**{role.field_name: True})


class Membership(RoleFlags):
    """A person's place in one organisation: their roles and units."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    units = models.ManyToManyField(Unit, blank=True, related_name="memberships")
    created_at = models.DateTimeField(default=timezone.now)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[MembershipQuerySet] = MembershipQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
            models.CheckConstraint(
                condition=Q(is_clinician=True)
                | Q(is_peer_supporter=True)
                | Q(is_moderator=True)
                | Q(is_coordinator=True)
                | Q(is_org_admin=True),
                name="membership_has_a_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"

    @property
    def is_active(self) -> bool:
        return self.deactivated_at is None

    @property
    def requires_mfa(self) -> bool:
        return self.organisation.requires_mfa_for_leads and (
            self.is_coordinator or self.is_org_admin
        )


class Invitation(RoleFlags):
    """An org admin's invitation to join, sent by email as a signed, expiring, single-use link."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    units = models.ManyToManyField(Unit, blank=True, related_name="+")
    invited_by_label = models.CharField(max_length=150)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_both_accepted_and_revoked",
            ),
        ]
        indexes = [
            # organisations.queries.pending_invitations_for: the admin's members page.
            models.Index(fields=["organisation", "email"], name="invitation_org_email_idx"),
        ]

    def __str__(self) -> str:
        return self.email

    def is_pending(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > now


class CrisisResource(models.Model):
    """A line or service a person can reach right now, shown on every "Need help now?" page,
    and offered by peer supporters when they refer someone on (by its kind)."""

    class Kind(models.TextChoices):
        CRISIS_LINE = "crisis_line", _("Crisis line")
        EMPLOYEE_ASSISTANCE = "employee_assistance", _("Employee assistance")
        CHAPLAINCY = "chaplaincy", _("Chaplaincy or spiritual care")
        PSYCHOLOGY = "psychology", _("Psychology or counselling")
        OTHER = "other", _("Other support")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="crisis_resources"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=32, choices=Kind.choices, default=Kind.CRISIS_LINE
    )
    description = models.CharField(_("what it offers"), max_length=300, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    text = models.CharField(_("text or chat"), max_length=120, blank=True)
    url = models.URLField(_("website"), blank=True)
    hours = models.CharField(_("hours"), max_length=80, blank=True)
    is_emergency = models.BooleanField(
        _("for immediate danger"),
        default=False,
        help_text=_("Shown first, in bold: lines for someone at risk right now."),
    )
    position = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["-is_emergency", "position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(text="") | ~Q(url=""),
                name="crisis_resource_has_a_way_to_reach_it",
            ),
        ]

    def __str__(self) -> str:
        return self.name
