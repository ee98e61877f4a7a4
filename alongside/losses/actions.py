"""Writes of `losses`: recording a loss, who was there, and each person's private offer.

Outreach builds on the other apps: an offer answered "yes" opens a support request
(`support_requests`), and the check-ins after a loss are follow-ups (`followups`).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from alongside.accounts.models import User
from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.followups.actions import schedule_loss_follow_ups
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership, Unit
from alongside.organisations.roles import Permission, has_permission
from alongside.support_requests import actions as support_actions
from alongside.support_requests.models import SupportRequest, Urgency

from .feed import Death, Rejected
from .models import (
    HIGH_IMPACT_KINDS,
    ActionPoint,
    EhrFeed,
    FeedUnitCode,
    HowAdded,
    Kind,
    LossEvent,
    Offer,
    Participant,
    Source,
    StaffIdentifier,
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
    if kind not in Kind.values or kind == Kind.UNSPECIFIED:
        raise ActionError(_("Choose what kind of loss it was."))
    if occurred_at > now + timedelta(minutes=5):
        raise ActionError(_("That time is in the future. When did it happen?"))
    if occurred_at < now - RECORD_WITHIN:
        raise ActionError(_("A loss can be recorded up to two weeks after it happened."))
    loss = _create_loss(unit=unit, kind=kind, occurred_at=occurred_at, now=now, recorded_by=by)
    Participant.objects.create(loss=loss, member=by, how_added=HowAdded.RECORDED)
    schedule_loss_follow_ups(loss=loss, members=[by], now=now)
    record_event(
        by=by.user,
        action=AuditAction.LOSS_RECORDED,
        organisation_id=by.organisation_id,
        target=loss,
        detail={"unit": unit.name, "kind": kind, "high_impact": loss.is_high_impact},
    )
    return loss


def _create_loss(
    *,
    unit: Unit,
    kind: str,
    occurred_at: datetime,
    now: datetime,
    recorded_by: Membership | None = None,
    source: str = Source.RECORDED,
    feed_key: str = "",
) -> LossEvent:
    several = LossEvent.objects.filter(
        unit=unit, occurred_at__gt=occurred_at - SHIFT, occurred_at__lt=occurred_at + SHIFT
    ).exists()
    loss = LossEvent.objects.create(
        organisation_id=unit.organisation_id,
        unit=unit,
        occurred_at=occurred_at,
        kind=kind,
        source=source,
        feed_key=feed_key,
        recorded_by=recorded_by,
        join_code=_unused_join_code(),
        join_open_until=now + JOIN_OPEN_FOR,
        is_high_impact=kind in HIGH_IMPACT_KINDS or several,
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
    return _add_people(loss=loss, members=members, how=how, actor=by.user)


def _add_people(
    *, loss: LossEvent, members: Iterable[Membership], how: str, actor: User | None
) -> list[Participant]:
    there = set(loss.participants.values_list("member_id", flat=True))
    new = [
        m
        for m in {m.pk: m for m in members}.values()
        if m.organisation_id == loss.organisation_id and m.is_active and m.pk not in there
    ]
    now = timezone.now()
    added = []
    for member in new:
        try:
            with transaction.atomic():
                added.append(
                    Participant.objects.create(
                        loss=loss, member=member, how_added=how, offer_due_at=now
                    )
                )
        except IntegrityError:
            continue  # added by someone else a moment ago: they have their offer already
    if not added:
        return []
    schedule_loss_follow_ups(loss=loss, members=[p.member for p in added], now=now)
    record_event(
        by=actor,
        action=AuditAction.LOSS_PEOPLE_ADDED,
        organisation_id=loss.organisation_id,
        target=loss,
        detail={"count": len(added), "how": how},
    )
    for participant in added:
        transaction.on_commit(partial(send_offer, participant_id=participant.pk, now=now))
    return added


@transaction.atomic
def send_offer(*, participant_id: int, now: datetime) -> bool:
    """Send a person their offer of a peer, once: claimed by clearing `offer_due_at`."""
    claimed = Participant.objects.filter(pk=participant_id, offer_due_at__lte=now).update(
        offer_due_at=None
    )
    if not claimed:
        return False
    _send_offer(participant_id, "loss-offer")
    return True


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


def send_due_offers(*, now: datetime | None = None) -> int:
    """Tick job: send each offer not sent yet (the feed's; or one whose sender crashed)."""
    now = now or timezone.now()
    due = list(
        Participant.objects.filter(offer_due_at__lte=now)
        .order_by("offer_due_at")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    return sum(send_offer(participant_id=pk, now=now) for pk in due)


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


# --- The hospital's feed ----------------------------------------------------------------------

FEED_TOKEN_BYTES = 32
# How often the feed's "last message" time is written: once a minute is enough to see it alive.
FEED_SEEN_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class FeedOutcome:
    """What became of a death from the feed; `text` goes back to the sender (no identifier)."""

    loss: LossEvent | None
    created: bool
    text: str


def visit_key(organisation_id: int, visit: str) -> str:
    """The keyed hash kept in place of a visit number: equal for the same visit, useless to
    anyone without the server's secret key for finding the visit, or the patient."""
    return salted_hmac(
        "alongside.losses.feed-visit", f"{organisation_id}|{visit.strip()}", algorithm="sha256"
    ).hexdigest()


def unit_code(value: str) -> str:
    return value.strip().upper()


@transaction.atomic
def record_feed_loss(
    *, feed: EhrFeed, death: Death, source: str, now: datetime | None = None
) -> FeedOutcome:
    """A death from the hospital's records becomes a loss on the unit its point of care maps
    to, of a kind not known, and the care team the record names (mapped by staff identifier)
    each get the private offer and the check-ins. The same visit again is the same loss.
    Deaths older than two weeks reach nobody. Rejected (AE) when no code maps to a unit."""
    now = now or timezone.now()
    if not feed.is_enabled:
        raise Rejected("AR", "The feed is switched off for this organisation.")
    codes = [unit_code(c) for c in (death.point_of_care, *death.other_points_of_care) if c]
    mapped = {
        c.code: c.unit
        for c in FeedUnitCode.objects.filter(
            organisation_id=feed.organisation_id, code__in=codes
        ).select_related("unit")
    }
    unit = next((mapped[code] for code in codes if code in mapped), None)
    if unit is None:
        raise Rejected(
            "AE",
            f"Point of care {', '.join(codes) or '(none)'} is not in Alongside's code table.",
            "103",
        )
    # Kept to the hour: enough for the reports and "several on one unit within a shift", and
    # one step further from the patient than the minute of their death.
    occurred_at = min(death.occurred_at or now, now).replace(minute=0, second=0, microsecond=0)
    if occurred_at < now - RECORD_WITHIN:
        return FeedOutcome(None, False, "Older than two weeks: nobody is contacted.")
    key = visit_key(feed.organisation_id, death.visit)
    try:
        with transaction.atomic():
            loss = _create_loss(
                unit=unit,
                kind=Kind.UNSPECIFIED,
                occurred_at=occurred_at,
                now=now,
                source=source,
                feed_key=key,
            )
    except IntegrityError:
        # This visit's death is recorded already (a repeat, or an A08 after the A03).
        loss = LossEvent.objects.get(organisation_id=feed.organisation_id, feed_key=key)
        return FeedOutcome(loss, False, "Already recorded.")
    # The loss is new in this transaction, so nobody is there yet: one insert for the team.
    # Their offers go with the next tick (within seconds), keeping the feed fast.
    team = list(
        Membership.objects.active().filter(
            pk__in=StaffIdentifier.objects.filter(
                organisation_id=feed.organisation_id, identifier__in=death.staff_ids
            ).values("member_id")
        )
    )
    Participant.objects.bulk_create(
        Participant(loss=loss, member=m, how_added=HowAdded.FEED, offer_due_at=now) for m in team
    )
    loss.organisation = feed.organisation  # for its follow-up days, without reading it again
    schedule_loss_follow_ups(loss=loss, members=team, now=now)
    record_event(
        by=None,
        action=AuditAction.LOSS_RECORDED,
        organisation_id=feed.organisation_id,
        target=loss,
        detail={
            "unit": unit.name,
            "kind": loss.kind,
            "source": source,
            "high_impact": loss.is_high_impact,
            "people": len(team),
        },
    )
    return FeedOutcome(
        loss,
        True,
        f"Loss recorded; {len(team)} of {len(death.staff_ids)} care team members reached.",
    )


def note_feed_message(*, feed: EhrFeed, now: datetime | None = None) -> None:
    """When the feed last sent anything, so coordinators can see it is alive (once a minute)."""
    now = now or timezone.now()
    EhrFeed.objects.filter(
        Q(last_message_at__isnull=True) | Q(last_message_at__lt=now - FEED_SEEN_EVERY),
        pk=feed.pk,
    ).update(last_message_at=now)


def _feed_of(by: Membership, permission: Permission) -> EhrFeed:
    if not has_permission(by, permission):
        raise ActionError(_("Only coordinators and org admins can set up the hospital's feed."))
    feed, _created = EhrFeed.objects.get_or_create(organisation_id=by.organisation_id)
    return feed


@transaction.atomic
def configure_feed(*, by: Membership, is_enabled: bool, facility: str) -> EhrFeed:
    """An org admin switches the feed on or off and names the facility its HL7 messages are
    addressed to (MSH-6). Audited."""
    feed = _feed_of(by, Permission.MANAGE_ORGANISATION)
    facility = facility.strip()
    if is_enabled and not facility and not feed.token_hash:
        raise ActionError(
            _("Give the receiving facility (MSH-6), or create a FHIR token, to switch it on.")
        )
    if facility and EhrFeed.objects.filter(facility=facility).exclude(pk=feed.pk).exists():
        raise ActionError(_("Another organisation uses that facility name. Choose another."))
    feed.is_enabled = is_enabled
    feed.facility = facility
    feed.save(update_fields=["is_enabled", "facility"])
    record_event(
        by=by.user,
        action=AuditAction.EHR_FEED_CHANGED,
        organisation_id=by.organisation_id,
        detail={"enabled": is_enabled, "facility": facility},
    )
    return feed


@transaction.atomic
def new_feed_token(*, by: Membership) -> str:
    """A new bearer token for the FHIR endpoint, shown once; the one before stops working.
    Only its hash is kept. Audited."""
    feed = _feed_of(by, Permission.MANAGE_ORGANISATION)
    token = "alf_" + secrets.token_urlsafe(FEED_TOKEN_BYTES)
    feed.token_hash = hashlib.sha256(token.encode()).hexdigest()
    feed.token_hint = token[:8]
    feed.token_created_at = timezone.now()
    feed.save(update_fields=["token_hash", "token_hint", "token_created_at"])
    record_event(
        by=by.user,
        action=AuditAction.EHR_FEED_CHANGED,
        organisation_id=by.organisation_id,
        detail={"token": feed.token_hint},
    )
    return token


@transaction.atomic
def set_unit_codes(*, by: Membership, rows: Sequence[tuple[str, Unit]]) -> int:
    """Coordinators replace the code table: each point-of-care code with its unit. Audited."""
    _feed_of(by, Permission.MANAGE_EHR_FEED)
    codes: dict[str, Unit] = {}
    for code, unit in rows:
        if unit.organisation_id != by.organisation_id:
            raise ActionError(_("Choose one of your organisation's units."))
        if not unit_code(code):
            raise ActionError(_("Each line needs a code."))
        codes[unit_code(code)] = unit
    FeedUnitCode.objects.filter(organisation_id=by.organisation_id).delete()
    FeedUnitCode.objects.bulk_create(
        FeedUnitCode(organisation_id=by.organisation_id, code=code, unit=unit)
        for code, unit in codes.items()
    )
    record_event(
        by=by.user,
        action=AuditAction.EHR_FEED_CHANGED,
        organisation_id=by.organisation_id,
        detail={"unit_codes": len(codes)},
    )
    return len(codes)


@transaction.atomic
def set_staff_identifiers(*, by: Membership, rows: Sequence[tuple[str, Membership]]) -> int:
    """Coordinators replace the staff identifiers: each EHR staff ID with its member, so a
    death's care team reaches them. Audited with a count."""
    _feed_of(by, Permission.MANAGE_EHR_FEED)
    ids: dict[str, Membership] = {}
    for identifier, member in rows:
        if member.organisation_id != by.organisation_id:
            raise ActionError(_("Choose members of your organisation."))
        if not identifier.strip():
            raise ActionError(_("Each line needs a staff identifier."))
        ids[identifier.strip()] = member
    StaffIdentifier.objects.filter(organisation_id=by.organisation_id).delete()
    StaffIdentifier.objects.bulk_create(
        StaffIdentifier(organisation_id=by.organisation_id, identifier=i, member=m)
        for i, m in ids.items()
    )
    record_event(
        by=by.user,
        action=AuditAction.EHR_FEED_CHANGED,
        organisation_id=by.organisation_id,
        detail={"staff_identifiers": len(ids)},
    )
    return len(ids)
