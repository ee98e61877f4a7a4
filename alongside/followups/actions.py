"""Writes for follow-ups: scheduling check-ins, sending them (the tick) and answering them.

This app builds on `support_requests` (a check-in follows a talk, and "I'd like to talk again"
opens a request); `support_requests` does not know follow-ups exist. Recording a talk together
with its check-ins is therefore `record_talk_and_schedule_follow_ups` here, in one transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.losses.models import LossEvent
from alongside.notifications.actions import notify_in_app
from alongside.organisations.models import Membership
from alongside.support_requests import actions as support_actions
from alongside.support_requests.actions import language_of, notify_member
from alongside.support_requests.models import Encounter, Outcome, SupportRequest, Urgency

from .models import Answer, FollowUp, Reason

# One reminder, this long after a check-in that nobody answered (unless the next one of its
# series goes out first: then that one is the reminder).
REMIND_AFTER = timedelta(days=2)
# How many due check-ins (and reminders) one tick pass sends; the rest wait seconds.
SEND_BATCH = 200

TEMPLATES = {
    Reason.AFTER_TALK: "follow-up",
    Reason.AFTER_HARD_TALK: "follow-up-supporter",
    Reason.AFTER_LOSS: "follow-up-loss",
}


def schedule_follow_ups(*, support_request: SupportRequest, now: datetime) -> list[FollowUp]:
    """Check-ins for the person who asked, on the organisation's days after the talk, for
    the supporter they spoke with to see. Idempotent: a request is scheduled once."""
    if support_request.follow_ups.filter(reason=Reason.AFTER_TALK).exists():
        return []
    days = support_request.organisation.follow_up_schedule
    follow_ups = FollowUp.objects.bulk_create(
        FollowUp(
            organisation_id=support_request.organisation_id,
            member_id=support_request.requester_id,
            support_request=support_request,
            supporter_id=support_request.supporter_id,
            reason=Reason.AFTER_TALK,
            day=day,
            due_at=now + timedelta(days=day),
        )
        for day in days
    )
    return list(follow_ups)


def schedule_loss_follow_ups(
    *, loss: LossEvent, members: list[Membership], now: datetime
) -> list[FollowUp]:
    """Check-ins for each person who was there, on the organisation's days after the loss
    (counted from when they were added). Nobody else sees the answers."""
    days = loss.organisation.follow_up_schedule
    return list(
        FollowUp.objects.bulk_create(
            FollowUp(
                organisation_id=loss.organisation_id,
                member=member,
                loss=loss,
                supporter=None,
                reason=Reason.AFTER_LOSS,
                day=day,
                due_at=now + timedelta(days=day),
            )
            for member in members
            for day in days
        )
    )


def schedule_supporter_check_in(
    *, supporter: Membership, support_request: SupportRequest, now: datetime
) -> FollowUp:
    """A supporter's own check-in the next day, after a talk that stayed with them."""
    return FollowUp.objects.create(
        organisation_id=support_request.organisation_id,
        member=supporter,
        support_request=support_request,
        supporter=None,
        reason=Reason.AFTER_HARD_TALK,
        day=1,
        due_at=now + timedelta(days=1),
    )


@transaction.atomic
def record_talk_and_schedule_follow_ups(
    *,
    by: Membership,
    support_request: SupportRequest,
    spoke_at: datetime | None = None,
    outcome: str = Outcome.LISTENED,
    referred_to: str = "",
    note: str = "",
    was_hard: bool = False,
) -> Encounter:
    """The supporter records the talk and closes the request (support_requests), and the
    check-ins follow: for the person on the organisation's days, and for the supporter the
    next day when it was hard for them. One transaction: a talk is never closed without its
    check-ins. Audited."""
    encounter = support_actions.record_encounter(
        by=by,
        support_request=support_request,
        spoke_at=spoke_at,
        outcome=outcome,
        referred_to=referred_to,
        note=note,
        was_hard=was_hard,
    )
    now = timezone.now()
    scheduled = schedule_follow_ups(support_request=support_request, now=now)
    own = None
    if was_hard:
        own = schedule_supporter_check_in(supporter=by, support_request=support_request, now=now)
    record_event(
        by=None,
        action=AuditAction.FOLLOW_UPS_SCHEDULED,
        organisation_id=support_request.organisation_id,
        target=support_request,
        detail={"days": [f.day for f in scheduled], "supporter_check_in": own is not None},
    )
    return encounter


# --- The tick -------------------------------------------------------------------------------


def send_due_follow_ups(*, now: datetime | None = None) -> int:
    """Tick job: send every check-in whose day has come, then the one reminder of each that
    went unanswered. Returns how many messages went out. Safe to run in several ticks."""
    now = now or timezone.now()
    due = list(
        FollowUp.objects.filter(due_at__lte=now, sent_at__isnull=True, cancelled_at__isnull=True)
        .order_by("due_at")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    sent = sum(send_follow_up(follow_up_id=pk, now=now) for pk in due)
    reminders = list(
        FollowUp.objects.filter(remind_at__lte=now)
        .order_by("remind_at")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    return sent + sum(remind_follow_up(follow_up_id=pk, now=now) for pk in reminders)


def _claimed(follow_up_id: int) -> FollowUp:
    return FollowUp.objects.select_related("member__user", "member__organisation").get(
        pk=follow_up_id
    )


def _reach(follow_up: FollowUp, template: str) -> None:
    """The check-in's link, in the app and by email, to the person it is for."""
    member = follow_up.member
    link = reverse("followups:answer", kwargs={"code": follow_up.code})
    notify_member(member, template=template, link=link)


@transaction.atomic
def send_follow_up(*, follow_up_id: int, now: datetime) -> bool:
    """Claim one due check-in and send it (in-app and email). The claim is a conditional
    UPDATE on `sent_at IS NULL`: of two ticks, one sends and the other does nothing. A check-in
    for someone who has left the organisation is cancelled instead."""
    claimed = FollowUp.objects.filter(
        pk=follow_up_id, sent_at__isnull=True, cancelled_at__isnull=True, due_at__lte=now
    ).update(sent_at=now, remind_at=now + REMIND_AFTER)
    if not claimed:
        return False
    follow_up = _claimed(follow_up_id)
    if not follow_up.member.is_active:
        FollowUp.objects.filter(pk=follow_up_id).update(cancelled_at=now, remind_at=None)
        return False
    # This check-in stands in for the reminder of any earlier one still unanswered.
    _series(follow_up).filter(remind_at__isnull=False).exclude(pk=follow_up_id).update(
        remind_at=None
    )
    _reach(follow_up, TEMPLATES[Reason(follow_up.reason)])
    return True


@transaction.atomic
def remind_follow_up(*, follow_up_id: int, now: datetime) -> bool:
    """Send the one reminder of an unanswered check-in. Claimed by clearing `remind_at`, so
    it goes once, whatever happens after."""
    claimed = FollowUp.objects.filter(
        pk=follow_up_id,
        remind_at__lte=now,
        answered_at__isnull=True,
        cancelled_at__isnull=True,
    ).update(remind_at=None, reminded_at=now)
    if not claimed:
        return False
    follow_up = _claimed(follow_up_id)
    if not follow_up.member.is_active:
        return False
    _reach(follow_up, "follow-up-reminder")
    return True


def _series(follow_up: FollowUp) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(
        member_id=follow_up.member_id,
        support_request_id=follow_up.support_request_id,
        loss_id=follow_up.loss_id,
        reason=follow_up.reason,
    )


# --- Answers --------------------------------------------------------------------------------


@transaction.atomic
def answer_follow_up(*, by: Membership, follow_up: FollowUp, answer: str) -> SupportRequest | None:
    """The person answers a check-in in one tap. "Stop these" cancels the rest of the series;
    "Not great" lets the supporter they spoke with know; "I'd like to talk again" opens a
    request to that same supporter first (returned, to show its live status). An answer can
    be changed once only to "I'd like to talk again": the screen keeps offering it. Audited
    without the answer and without the name."""
    if follow_up.member_id != by.pk:
        raise ActionError(_("This check-in was sent to someone else."))
    if answer not in Answer.values:
        raise ActionError(_("Please choose one of the answers."))
    now = timezone.now()
    if answer == Answer.TALK_AGAIN:
        open_to_answer = ~Q(answer=Answer.TALK_AGAIN)
    else:
        open_to_answer = Q(answered_at__isnull=True)
    answered = (
        FollowUp.objects.filter(pk=follow_up.pk)
        .filter(open_to_answer)
        .update(answer=answer, answered_at=now, remind_at=None)
    )
    if not answered:
        raise ActionError(_("You've already answered this one. Thank you."))
    follow_up.refresh_from_db()
    record_event(
        by=ANONYMOUS,
        action=AuditAction.FOLLOW_UP_ANSWERED,
        organisation_id=follow_up.organisation_id,
        target=follow_up,
    )
    if answer == Answer.STOP:
        _series(follow_up).filter(sent_at__isnull=True, cancelled_at__isnull=True).update(
            cancelled_at=now
        )
        _series(follow_up).filter(remind_at__isnull=False).update(remind_at=None)
    elif answer == Answer.NOT_GREAT:
        _tell_supporter(follow_up)
    elif answer == Answer.TALK_AGAIN:
        return _talk_again(by, follow_up)
    return None


def _tell_supporter(follow_up: FollowUp) -> None:
    supporter = follow_up.supporter
    if supporter is None or not supporter.is_active:
        return
    with translation.override(language_of(supporter)):
        title = _("Someone you spoke with answered a check-in. See how they are.")
    notify_in_app(
        recipient_id=supporter.user_id,
        title=title,
        link=reverse("followups:people"),
        organisation_id=follow_up.organisation_id,
    )


def _talk_again(by: Membership, follow_up: FollowUp) -> SupportRequest:
    previous = follow_up.support_request
    if follow_up.reason != Reason.AFTER_TALK or previous is None:
        # A supporter's own check-in: a new request to whoever is on call, like any other.
        return support_actions.open_support_request(by=by, urgency=Urgency.TODAY)
    return support_actions.open_support_request(
        by=by,
        urgency=Urgency.TODAY,
        contact_method=previous.contact_method,
        is_name_private=previous.is_name_private,
        preferred_supporter=follow_up.supporter,
    )
