"""Self-checks: one person's answers to a validated questionnaire, and their result.

Results belong to the person. The answers and the result are encrypted at rest; the only
readers are the person's own pages (`access.py`) and `queries.aggregate_scores`, which gives
programme reports counts per band with small cells suppressed. Nothing else reads them.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField
from alongside.organisations.models import Membership, Organisation


class SelfCheck(models.Model):
    """One filling-in of one instrument. While `completed_at` is empty it is a draft: the
    answers given so far, kept so a dropped connection or a reload loses none of them."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="self_checks")
    instrument = models.CharField(max_length=32)  # an id from definitions.instruments()
    # JSON list, one printed code per item (null while unanswered).
    answers_data = EncryptedTextField()
    # JSON: what scoring.score returned. Null while a draft.
    result_data = EncryptedTextField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-completed_at"]
        indexes = [
            # queries.history_of / previous_result: a person's results for one instrument.
            models.Index(
                fields=["member", "instrument", "-completed_at"], name="self_check_history_idx"
            ),
            # queries.aggregate_scores: an organisation's results in a period.
            models.Index(
                fields=["organisation", "completed_at"],
                condition=Q(completed_at__isnull=False),
                name="self_check_org_done_idx",
            ),
        ]
        constraints = [
            # actions.save_draft: one draft per person and instrument, whatever the race.
            models.UniqueConstraint(
                fields=["member", "instrument"],
                condition=Q(completed_at__isnull=True),
                name="self_check_one_draft",
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True, result_data__isnull=True)
                | Q(completed_at__isnull=False, result_data__isnull=False),
                name="self_check_result_when_completed",
            ),
        ]

    def __str__(self) -> str:
        return f"Self-check {str(self.code)[:8]}"

    @property
    def answers(self) -> list[int | None]:
        value: list[int | None] = json.loads(self.answers_data)
        return value

    @property
    def result(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.result_data) if self.result_data else {}
        return value

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class Rhythm(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every four weeks")

    @property
    def interval(self) -> timedelta:
        return {"weekly": timedelta(days=7), "fortnightly": timedelta(days=14)}.get(
            self.value, timedelta(days=28)
        )


class SelfCheckReminder(models.Model):
    """A person's own reminder to take one instrument again, at the rhythm they picked."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="self_check_reminders"
    )
    instrument = models.CharField(max_length=32)
    rhythm = models.CharField(max_length=16, choices=Rhythm.choices)
    next_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["next_at"]
        indexes = [
            # actions.send_due_self_check_reminders (the tick): reminders by due time.
            models.Index(fields=["next_at"], name="self_check_reminder_due_idx"),
        ]
        constraints = [
            # actions.set_reminder: one reminder per person and instrument.
            models.UniqueConstraint(
                fields=["member", "instrument"], name="self_check_one_reminder"
            ),
        ]

    def __str__(self) -> str:
        return f"Self-check reminder {str(self.code)[:8]}"
