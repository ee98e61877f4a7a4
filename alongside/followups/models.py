"""Follow-ups: check-ins that reach a person in the days after a talk with a peer.

A check-in falling due is state on its row (style 4.4): the tick claims `due_at` with a
conditional UPDATE on `sent_at IS NULL`, and the one reminder with a conditional UPDATE on
`remind_at`, so two ticks never send the same check-in or reminder twice.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.losses.models import LossEvent
from alongside.organisations.models import Membership, Organisation
from alongside.support_requests.models import SupportRequest


class Answer(models.TextChoices):
    OK = "ok", _("I'm doing ok")
    NOT_GREAT = "not_great", _("Not great")
    TALK_AGAIN = "talk_again", _("I'd like to talk again")
    STOP = "stop", _("Stop these")


class Reason(models.TextChoices):
    AFTER_TALK = "after_talk", _("After a talk with a peer supporter")
    AFTER_HARD_TALK = "after_hard_talk", _("For the supporter, after a talk that stayed with them")
    AFTER_LOSS = "after_loss", _("After a death on the unit")


class FollowUp(models.Model):
    """One check-in for one person. Those scheduled together (one talk, one reason) form a
    series: "Stop these" cancels the rest of it.

    `supporter` is the peer who sees the answer (the one the person spoke with); a supporter's
    own check-in after a hard talk has none, and nobody but them sees its answer.
    """

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="follow_ups")
    support_request = models.ForeignKey(
        SupportRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    supporter = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # After a loss: everyone who was there gets check-ins, with no supporter to see answers.
    loss = models.ForeignKey(
        LossEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    reason = models.CharField(max_length=24, choices=Reason.choices, default=Reason.AFTER_TALK)
    day = models.PositiveSmallIntegerField()  # days after the talk, as the policy said
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # One reminder when it goes unanswered: set when sent, cleared when the reminder goes, when
    # it is answered, or when the next check-in of the series goes out instead.
    remind_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_at"]
        indexes = [
            # followups.actions.send_due_follow_ups (the tick): unsent check-ins by due time.
            models.Index(
                fields=["due_at"],
                condition=Q(sent_at__isnull=True, cancelled_at__isnull=True),
                name="follow_up_due_idx",
            ),
            # followups.actions.send_due_follow_ups (the tick): reminders by due time.
            models.Index(
                fields=["remind_at"],
                condition=Q(remind_at__isnull=False),
                name="follow_up_remind_idx",
            ),
            # followups.queries.answers_for: a supporter's people, latest answers first.
            models.Index(fields=["supporter", "-answered_at"], name="follow_up_supporter_idx"),
            # followups.queries.waiting_for: the check-ins a person has not answered yet.
            models.Index(fields=["member", "-sent_at"], name="follow_up_member_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, answer="")
                | (Q(answered_at__isnull=False) & ~Q(answer="")),
                name="follow_up_answer_and_time_together",
            ),
            models.CheckConstraint(
                condition=Q(remind_at__isnull=True) | Q(sent_at__isnull=False),
                name="follow_up_reminds_only_after_sending",
            ),
        ]

    def __str__(self) -> str:
        return f"Follow-up {str(self.code)[:8]}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
