"""Writes of `losses`: recording a loss, who was there, and each person's private offer.

Outreach builds on the other apps: an offer answered "yes" opens a support request
(`support_requests`), and the check-ins after a loss are follow-ups (`followups`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.followups.actions import schedule_loss_follow_ups
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership, Unit
from alongside.organisations.roles import Permission, has_permission
from alongside.support_requests import actions as support_actions
from alongside.support_requests.models import SupportRequest, Urgency

from .models import (
    HIGH_IMPACT_KINDS,
    ActionPoint,
    HowAdded,
    Kind,
    LossEvent,
    Offer,
    Participant,
)

# The join code: no 0/O, 1/I/L, so it can be read across a room and typed without doubt.
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_LENGTH = 6
JOIN_OPEN_FOR = timedelta(hours=12)
# Several deaths on one unit within a shift count as a high-impact event.
SHIFT = timedelta(hours=12)
NOT_NOW_FOR = timedelta(days=2)
# A loss may be recorded up to this long after it happened (the end of a run of nights).
RECORD_WITHIN = timedelta(days=14)
SEND_BATCH = 200


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


@transaction.atomic
def record_loss(
    *, by: Membership, unit: Unit, kind: str, occurred_at: datetime | None = None
) -> LossEvent:
    """Any member records a loss on a unit of their organisation: no patient identifier is
    asked for or kept. They are its first participant (their own offer is on the screen they
    are looking at, so it is not sent). A child, a colleague, violence, or a second death on
    the unit within a shift tells the coordinators. Audited."""
    now = timezone.now()
    occurred_at = occurred_at or now
    if unit.organisation_id != by.organisation_id:
        raise ActionError(_("Choose one of your organisation's units."))
    if kind not in Kind.values:
        raise ActionError(_("Choose what kind of loss it was."))
    if occurred_at > now + timedelta(minutes=5):
        raise ActionError(_("That time is in the future. When did it happen?"))
    if occurred_at < now - RECORD_WITHIN:
        raise ActionError(_("A loss can be recorded up to two weeks after it happened."))
    several = LossEvent.objects.filter(
        unit=unit, occurred_at__gt=occurred_at - SHIFT, occurred_at__lt=occurred_at + SHIFT
    ).exists()
    loss = LossEvent.objects.create(
        organisation_id=by.organisation_id,
        unit=unit,
        occurred_at=occurred_at,
        kind=kind,
        recorded_by=by,
        join_code=_unused_join_code(),
        join_open_until=now + JOIN_OPEN_FOR,
        is_high_impact=kind in HIGH_IMPACT_KINDS or several,
    )
    Participant.objects.create(loss=loss, member=by, how_added=HowAdded.RECORDED)
    schedule_loss_follow_ups(loss=loss, members=[by], now=now)
    record_event(
        by=by.user,
        action=AuditAction.LOSS_RECORDED,
        organisation_id=by.organisation_id,
        target=loss,
        detail={"unit": unit.name, "kind": kind, "high_impact": loss.is_high_impact},
    )
    if loss.is_high_impact:
        transaction.on_commit(partial(_tell_coordinators, loss.pk))
    return loss


def _unused_join_code() -> str:
    while True:
        code = new_join_code()
        if not LossEvent.objects.filter(join_code=code).exists():
            return code


def _tell_coordinators(loss_id: int) -> None:
    loss = LossEvent.objects.get(pk=loss_id)
    link = reverse("losses:loss-detail", kwargs={"code": loss.code})
    for coordinator in (
        Membership.objects.active()
        .filter(organisation_id=loss.organisation_id, is_coordinator=True)
        .select_related("user", "organisation")
    ):
        support_actions.notify_member(coordinator, template="loss-high-impact", link=link)


@transaction.atomic
def add_participants(
    *, by: Membership, loss: LossEvent, members: Iterable[Membership], how: str = HowAdded.PICKED
) -> list[Participant]:
    """Someone who was there adds colleagues who were there too (or themselves, with the
    join code). Each new person gets, privately, the offer of a peer and check-ins on the
    organisation's days. People already there, from another organisation or who have left
    are skipped. Audited with a count, not names."""
    if by.organisation_id != loss.organisation_id:
        raise ActionError(_("This loss belongs to another organisation."))
    there = set(loss.participants.values_list("member_id", flat=True))
    new = [
        m
        for m in {m.pk: m for m in members}.values()
        if m.organisation_id == loss.organisation_id and m.is_active and m.pk not in there
    ]
    added = []
    for member in new:
        try:
            with transaction.atomic():
                added.append(Participant.objects.create(loss=loss, member=member, how_added=how))
        except IntegrityError:
            continue  # added by someone else a moment ago: they have their offer already
    if not added:
        return []
    schedule_loss_follow_ups(loss=loss, members=[p.member for p in added], now=timezone.now())
    record_event(
        by=by.user,
        action=AuditAction.LOSS_PEOPLE_ADDED,
        organisation_id=loss.organisation_id,
        target=loss,
        detail={"count": len(added), "how": how},
    )
    for participant in added:
        transaction.on_commit(partial(_send_offer, participant.pk, "loss-offer"))
    return added


def _send_offer(participant_id: int, template: str) -> None:
    participant = Participant.objects.select_related("member__user", "member__organisation").get(
        pk=participant_id
    )
    link = reverse("losses:offer", kwargs={"code": participant.code})
    support_actions.notify_member(participant.member, template=template, link=link)


def join_loss(*, by: Membership, join_code: str) -> Participant:
    """A team member adds themselves with the code shown on a colleague's screen (or its
    QR). Only within their own organisation, and only while the code is open."""
    code = join_code.strip().upper().replace(" ", "").replace("-", "")
    loss = LossEvent.objects.filter(organisation_id=by.organisation_id, join_code=code).first()
    if loss is None or not loss.is_join_open:
        raise ActionError(
            _(
                "That code doesn't match a loss in your organisation in the last 12 hours. "
                "Check it and try again."
            )
        )
    add_participants(by=by, loss=loss, members=[by], how=HowAdded.JOIN_CODE)
    return Participant.objects.get(loss=loss, member=by)


@transaction.atomic
def answer_offer(*, by: Membership, participant: Participant, offer: str) -> SupportRequest | None:
    """The person answers their own offer in one tap. "Yes" opens a support request (returned,
    to show its live status); "Not now" brings the offer back once, two days later; "I'm ok"
    is thanked. It can be changed to "Yes" at any time. Audited without the answer or name."""
    if participant.member_id != by.pk:
        raise ActionError(_("This offer was made to someone else."))
    if offer not in Offer.values:
        raise ActionError(_("Please choose one of the answers."))
    now = timezone.now()
    participant.offer = offer
    participant.offer_answered_at = now
    participant.remind_at = now + NOT_NOW_FOR if offer == Offer.NOT_NOW else None
    participant.save(update_fields=["offer", "offer_answered_at", "remind_at"])
    record_event(
        by=ANONYMOUS, action=AuditAction.LOSS_OFFER_ANSWERED, organisation_id=by.organisation_id
    )
    if offer == Offer.YES:
        return support_actions.open_support_request(by=by, urgency=Urgency.TODAY)
    return None


# --- The pause and the hot debrief ------------------------------------------------------------

ACTION_TEXT_MAX = 200


def _was_there(by: Membership, loss: LossEvent) -> bool:
    return loss.participants.filter(member=by).exists()


@transaction.atomic
def hold_pause(*, by: Membership, loss: LossEvent) -> LossEvent:
    """Someone who was there finished the pause with the team: kept (once) for the programme
    reports, nothing else."""
    if not _was_there(by, loss):
        raise ActionError(_("Only people who were there can hold the pause."))
    LossEvent.objects.filter(pk=loss.pk, paused_at__isnull=True).update(paused_at=timezone.now())
    loss.refresh_from_db(fields=["paused_at"])
    return loss


@dataclass(frozen=True)
class NewActionPoint:
    text: str
    owner: Membership
    due_on: date


@transaction.atomic
def record_debrief(
    *, by: Membership, loss: LossEvent, action_points: Sequence[NewActionPoint]
) -> list[ActionPoint]:
    """A hot debrief (STOP5) records only its action points, each with an owner from the
    organisation and a due date; the summary and what went well stay in the room. Owners are
    told. A debrief with no action point still counts as held. Audited with a count."""
    if not _was_there(by, loss):
        raise ActionError(_("Only people who were there can record the debrief."))
    today = timezone.localdate()
    for point in action_points:
        if not point.text.strip():
            raise ActionError(_("Each action point needs a few words saying what to do."))
        if len(point.text) > ACTION_TEXT_MAX:
            raise ActionError(
                _("Please keep each action point to %(limit)s characters.")
                % {"limit": ACTION_TEXT_MAX}
            )
        if point.owner.organisation_id != loss.organisation_id or not point.owner.is_active:
            raise ActionError(_("Choose an owner from your organisation."))
        if point.due_on < today:
            raise ActionError(_("The due date has passed. When should it be done?"))
    created = [
        ActionPoint.objects.create(
            loss=loss,
            text=point.text.strip(),
            owner=point.owner,
            due_on=point.due_on,
            created_by=by,
        )
        for point in action_points
    ]
    LossEvent.objects.filter(pk=loss.pk, debriefed_at__isnull=True).update(
        debriefed_at=timezone.now()
    )
    record_event(
        by=by.user,
        action=AuditAction.LOSS_DEBRIEFED,
        organisation_id=loss.organisation_id,
        target=loss,
        detail={"action_points": len(created)},
    )
    for new in created:
        transaction.on_commit(partial(_tell_owner, new.pk))
    return created


def _tell_owner(action_point_id: int) -> None:
    point = ActionPoint.objects.select_related("owner__user", "owner__organisation").get(
        pk=action_point_id
    )
    # Someone who gives themselves an action point in the debrief needs no message about it.
    if point.owner is not None and point.owner_id != point.created_by_id:
        support_actions.notify_member(
            point.owner, template="action-point", link=reverse("losses:action-point-list")
        )


@transaction.atomic
def close_action_point(*, by: Membership, action_point: ActionPoint) -> ActionPoint:
    """Its owner (or a coordinator) closes an action point. Closing twice is harmless."""
    is_coordinator = has_permission(by, Permission.VIEW_PROGRAMME)
    if action_point.owner_id != by.pk and not is_coordinator:
        raise ActionError(_("Only its owner or a coordinator can close this action point."))
    closed = ActionPoint.objects.filter(pk=action_point.pk, closed_at__isnull=True).update(
        closed_at=timezone.now(), closed_by=by
    )
    action_point.refresh_from_db()
    if closed:
        record_event(
            by=by.user,
            action=AuditAction.ACTION_POINT_CLOSED,
            organisation_id=action_point.loss.organisation_id,
            target=action_point,
        )
    return action_point


# --- The tick -------------------------------------------------------------------------------


def send_due_offer_reminders(*, now: datetime | None = None) -> int:
    """Tick job: bring back each offer answered "Not now" whose two days have passed."""
    now = now or timezone.now()
    due = list(
        Participant.objects.filter(remind_at__lte=now)
        .order_by("remind_at")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    return sum(remind_offer(participant_id=pk, now=now) for pk in due)


@transaction.atomic
def remind_offer(*, participant_id: int, now: datetime) -> bool:
    """Claimed by clearing `remind_at` (of two ticks, one sends); once only."""
    claimed = Participant.objects.filter(pk=participant_id, remind_at__lte=now).update(
        remind_at=None
    )
    if not claimed:
        return False
    participant = Participant.objects.select_related("member").get(pk=participant_id)
    if not participant.member.is_active:
        return False
    _send_offer(participant_id, "loss-offer-reminder")
    return True
