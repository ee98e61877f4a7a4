"""Writes for support requests, pages, encounters and the rota.

Each action runs in one transaction and leaves an audit row (style 3.3). Notices and emails are
recorded in that transaction and leave from the worker after commit. A request's time-bound
work (the next escalation) is `escalate_at` on its row, claimed by the tick with a conditional
UPDATE inside the transaction that pages the next people: a tick killed half-way pages nobody
and the next tick does it, once.
"""

from __future__ import annotations

import secrets
from datetime import datetime, time
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.lib.urls import absolute_url
from alongside.notifications.actions import Recipient, notify, notify_all, notify_in_app
from alongside.notifications.models import Delivery, Notification
from alongside.organisations.models import Membership, Unit

from . import queries
from .models import (
    ENCOUNTER_NOTE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    CalendarFeed,
    ContactMethod,
    Encounter,
    ExtraShift,
    Outcome,
    Page,
    RequestKind,
    Shift,
    Step,
    SupportRequest,
    Tier,
    TimeOff,
    Urgency,
)

Status = SupportRequest.Status
# How many due requests one tick pass escalates; the rest wait for the next pass seconds later.
ESCALATION_BATCH = 200


def language_of(member: Membership) -> str:
    return member.user.language or member.organisation.language or settings.LANGUAGE_CODE


def notify_member(
    member: Membership,
    *,
    template: str,
    link: str,
    context: dict[str, Any] | None = None,
    urgent: bool = False,
) -> Notification:
    """`notifications.actions.notify` for one member: in their language, within their
    organisation, with `link` (a path; emails get it absolute as `{{ link }}`)."""
    return notify(
        recipient_id=member.user_id,
        email=member.user.email,
        language=language_of(member),
        template=template,
        context={**(context or {}), "link": absolute_url(link)},
        link=link,
        organisation_id=member.organisation_id,
        urgent=urgent,
    )


def _requester_actor(support_request: SupportRequest) -> Any:
    # A private name stays out of the audit log too: coordinators and admins read it.
    return ANONYMOUS if support_request.is_name_private else support_request.requester.user


@transaction.atomic
def open_support_request(
    *,
    by: Membership,
    kind: str = RequestKind.SELF,
    urgency: str = Urgency.NOW,
    contact_method: str = ContactMethod.CALL,
    contact_phone: str | None = None,
    note: str = "",
    about_name: str = "",
    unit: Unit | None = None,
    wants_outside_unit: bool = False,
    is_name_private: bool = True,
    preferred_supporter: Membership | None = None,
) -> SupportRequest:
    """Any member asks for support. Every argument has a default, so an empty request is valid.

    Pages the on-call supporters at once (or the next people, when nobody is on call; or first
    `preferred_supporter`, when the person asked to talk to them again), writes
    an audit row without the name when it is private, and enqueues the deliveries on commit.
    A second request for oneself while one is still open returns the open one: a double tap
    must not page everyone twice."""
    if len(note) > NOTE_MAX_LENGTH:
        raise ActionError(
            _("Please keep the note to %(limit)s characters (it has %(count)s).")
            % {"limit": NOTE_MAX_LENGTH, "count": len(note)}
        )
    if unit is not None and unit.organisation_id != by.organisation_id:
        raise ActionError(_("Choose one of your organisation's units."))
    if preferred_supporter is not None and (
        preferred_supporter.organisation_id != by.organisation_id or preferred_supporter.pk == by.pk
    ):
        preferred_supporter = None
    if kind == RequestKind.SELF:
        existing = queries.open_request_of(by)
        if existing is not None and existing.kind == RequestKind.SELF:
            return existing
    if unit is None:
        unit = by.units.order_by("name").first()
    support_request = SupportRequest.objects.create(
        organisation_id=by.organisation_id,
        requester=by,
        kind=kind,
        urgency=urgency,
        contact_method=contact_method,
        contact_phone=(by.user.phone if contact_phone is None else contact_phone).strip(),
        note=note.strip(),
        about_name=about_name.strip() if kind == RequestKind.COLLEAGUE else "",
        unit=unit,
        wants_outside_unit=wants_outside_unit,
        is_name_private=is_name_private,
        preferred_supporter=preferred_supporter,
        step=Step.SAME_SUPPORTER if preferred_supporter is not None else Step.ON_CALL,
    )
    record_event(
        by=_requester_actor(support_request),
        action=AuditAction.SUPPORT_REQUEST_OPENED,
        organisation_id=by.organisation_id,
        target=support_request,
        detail={"kind": kind, "urgency": urgency},
    )
    _advance(support_request, now=support_request.created_at)
    return support_request


def _page(support_request: SupportRequest, step: int, now: datetime) -> int:
    recipients = queries.page_recipients(support_request, step)
    Page.objects.bulk_create(
        Page(support_request=support_request, recipient=member, step=step, created_at=now)
        for member in recipients
    )
    link = reverse("support_requests:respond", kwargs={"code": support_request.code})
    notify_all(
        recipients=[Recipient(m.user_id, m.user.email, language_of(m)) for m in recipients],
        template="support-page",
        context={"urgency": support_request.urgency, "link": absolute_url(link)},
        link=link,
        organisation_id=support_request.organisation_id,
        urgent=True,
        # A page not yet on its way becomes "more than one colleague is waiting".
        gathered={
            "urgency": support_request.urgency,
            "link": absolute_url(reverse("support_requests:page-list")),
            "several": True,
        },
    )
    return len(recipients)


STEP_TIME_FIELDS = {
    Step.BACKUP: "backup_paged_at",
    Step.COORDINATORS: "coordinators_paged_at",
    Step.REQUESTER_TOLD: "requester_told_at",
}


def _advance(support_request: SupportRequest, *, now: datetime) -> None:
    """Page the people of the request's current step; when there is nobody to page, go on to
    the next step at once. Then wait the organisation's window, or, past the coordinators,
    tell the requester warmly and keep the request open."""
    fields = ["step", "status", "escalate_at"]
    while True:
        step = support_request.step
        if step in STEP_TIME_FIELDS:
            setattr(support_request, STEP_TIME_FIELDS[Step(step)], now)
            fields.append(STEP_TIME_FIELDS[Step(step)])
        if step == Step.REQUESTER_TOLD:
            _tell_requester_it_is_taking_longer(support_request)
            support_request.escalate_at = None
            break
        paged = _page(support_request, step, now)
        if paged:
            if support_request.first_paged_at is None:
                support_request.first_paged_at = now
                fields.append("first_paged_at")
            if support_request.status == Status.OPEN:
                support_request.status = Status.PAGED
            support_request.escalate_at = now + queries.escalation_window(support_request)
            break
        support_request.step = step + 1
    if support_request.step > Step.ON_CALL:
        support_request.status = Status.ESCALATED
    support_request.save(update_fields=sorted(set(fields)))


def _tell_requester_it_is_taking_longer(support_request: SupportRequest) -> None:
    requester = support_request.requester
    link = reverse("support_requests:request-detail", kwargs={"code": support_request.code})
    notify_member(requester, template="support-delayed", link=link, urgent=True)


def escalate_due_requests(*, now: datetime | None = None) -> int:
    """Tick job: move every request whose window has passed with nobody accepting to its next
    step. Returns how many were escalated. Safe to run in several ticks at once."""
    now = now or timezone.now()
    due = list(
        SupportRequest.objects.filter(escalate_at__lte=now)
        .order_by("escalate_at")
        .values_list("pk", "step")[:ESCALATION_BATCH]
    )
    return sum(escalate_support_request(request_id=pk, from_step=step, now=now) for pk, step in due)


@transaction.atomic
def escalate_support_request(*, request_id: int, from_step: int, now: datetime) -> bool:
    """Claim one due escalation and page the next people, in one transaction. The claim is a
    conditional UPDATE on the step: of two ticks, one wins and the other changes nothing."""
    claimed = SupportRequest.objects.filter(
        pk=request_id,
        step=from_step,
        escalate_at__lte=now,
        status__in=SupportRequest.WAITING,
    ).update(step=from_step + 1, escalate_at=None, status=Status.ESCALATED)
    if not claimed:
        return False
    support_request = SupportRequest.objects.select_related("organisation", "requester__user").get(
        pk=request_id
    )
    pages_before = support_request.pages.count()
    _advance(support_request, now=now)
    record_event(
        by=None,
        action=AuditAction.SUPPORT_REQUEST_ESCALATED,
        organisation_id=support_request.organisation_id,
        target=support_request,
        detail={
            "step": Step(support_request.step).name.lower(),
            "paged": support_request.pages.count() - pages_before,
        },
    )
    return True


def report_failed_pages(*, now: datetime | None = None) -> int:
    """Tick job: when a page could not be delivered on a channel after its last try, tell the
    organisation's coordinators in the app, once, so they can reach the supporter another way.
    Claimed with a conditional UPDATE on `failure_reported_at IS NULL`. Returns how many."""
    now = now or timezone.now()
    failed = list(
        Delivery.objects.filter(
            template="support-page",
            status=Delivery.Status.FAILED,
            failure_reported_at__isnull=True,
            organisation_id__isnull=False,
            recipient_id__isnull=False,
        ).values_list("pk", "organisation_id", "recipient_id", "channel", "to_address")[:100]
    )
    reported = 0
    for pk, org_id, user_id, channel, to_address in failed:
        # Not null, as filtered above.
        reported += report_failed_page(
            delivery_id=pk,
            organisation_id=cast(int, org_id),
            recipient_id=cast(int, user_id),
            channel=channel,
            to_address=to_address,
            now=now,
        )
    return reported


def report_failed_page(
    *,
    delivery_id: int,
    organisation_id: int,
    recipient_id: int,
    channel: str,
    to_address: str,
    now: datetime,
) -> bool:
    """Claim one failed page (`failure_reported_at IS NULL`) and tell the coordinators. Of two
    ticks reading the same row, one tells them and the other does nothing."""
    claimed = Delivery.objects.filter(pk=delivery_id, failure_reported_at__isnull=True).update(
        failure_reported_at=now
    )
    if not claimed:
        return False
    supporter = (
        Membership.objects.filter(organisation_id=organisation_id, user_id=recipient_id)
        .select_related("user")
        .first()
    )
    for coordinator in (
        Membership.objects.active()
        .filter(organisation_id=organisation_id, is_coordinator=True)
        .select_related("user", "organisation")
    ):
        with translation.override(language_of(coordinator)):
            name = supporter.user.display_name if supporter else _("a supporter who left")
            how = _("email") if channel == Delivery.Channel.EMAIL else to_address
            title = _(
                "A page to %(name)s could not be delivered by %(how)s after every retry. "
                "They may not know someone is waiting: reach them another way."
            ) % {"name": name, "how": how}
        notify_in_app(
            recipient_id=coordinator.user_id,
            title=title[:200],
            link=reverse("support_requests:programme"),
            organisation_id=organisation_id,
        )
    return True


@transaction.atomic
def accept_support_request(
    *, by: Membership, support_request: SupportRequest, contact_within_minutes: int = 15
) -> SupportRequest:
    """A paged person takes the request. Exactly one wins, whatever the timing: the claim is a
    conditional UPDATE on `supporter IS NULL`. The requester is told who has it, and everyone
    else who was paged is told it is taken. Audited."""
    page = Page.objects.filter(support_request=support_request, recipient=by).first()
    if page is None:
        raise ActionError(_("This request was not sent to you."))
    now = timezone.now()
    won = SupportRequest.objects.filter(
        pk=support_request.pk, supporter__isnull=True, status__in=SupportRequest.WAITING
    ).update(
        supporter=by,
        status=Status.ACCEPTED,
        accepted_at=now,
        escalate_at=None,
        contact_within_minutes=contact_within_minutes,
    )
    if not won:
        support_request.refresh_from_db()
        if support_request.status == Status.WITHDRAWN:
            raise ActionError(
                _("They withdrew this request, so nobody needs to call. Thank you for answering.")
            )
        raise ActionError(_("Someone else has already taken this one. Thank you for answering."))
    support_request.refresh_from_db()
    Page.objects.filter(pk=page.pk).update(accepted_at=now, settled_at=now)
    _settle_other_pages(support_request, except_recipient=by, now=now)
    requester = support_request.requester
    link = reverse("support_requests:request-detail", kwargs={"code": support_request.code})
    notify_member(
        requester,
        template="support-accepted",
        link=link,
        context={
            "supporter": by.user.display_name,
            "contact_method": support_request.contact_method,
            "minutes": contact_within_minutes,
        },
        urgent=True,
    )
    record_event(
        by=by.user,
        action=AuditAction.SUPPORT_REQUEST_ACCEPTED,
        organisation_id=support_request.organisation_id,
        target=support_request,
        detail={"seconds_waited": int((now - support_request.created_at).total_seconds())},
    )
    return support_request


def _settle_other_pages(
    support_request: SupportRequest, *, except_recipient: Membership | None, now: datetime
) -> None:
    others = (
        Page.objects.filter(support_request=support_request, settled_at__isnull=True)
        .exclude(recipient=except_recipient)
        .select_related("recipient__user", "recipient__organisation")
    )
    respond = reverse("support_requests:respond", kwargs={"code": support_request.code})
    # In the app, and on the phone, where it replaces the page's alert (same tag: the link).
    notify_all(
        recipients=[
            Recipient(
                page.recipient.user_id, page.recipient.user.email, language_of(page.recipient)
            )
            for page in others
        ],
        template="support-settled",
        context={
            "link": absolute_url(respond),
            "withdrawn": support_request.status == Status.WITHDRAWN,
            "quiet": True,
        },
        link=reverse("support_requests:page-list"),
        organisation_id=support_request.organisation_id,
        kinds=frozenset({Delivery.Channel.PUSH}),
    )
    Page.objects.filter(support_request=support_request, settled_at__isnull=True).update(
        settled_at=now
    )


@transaction.atomic
def withdraw_support_request(*, by: Membership, support_request: SupportRequest) -> SupportRequest:
    """The requester withdraws a request that is not closed yet. Whoever was paged, or took
    it, is told. Audited (without the name when it is private)."""
    if support_request.requester_id != by.pk:
        raise ActionError(_("Only the person who asked can withdraw a request."))
    now = timezone.now()
    withdrawn = SupportRequest.objects.filter(
        pk=support_request.pk, status__in=SupportRequest.OPEN_STATUSES
    ).update(status=Status.WITHDRAWN, withdrawn_at=now, escalate_at=None)
    if not withdrawn:
        raise ActionError(_("This request is already closed."))
    support_request.refresh_from_db()
    if support_request.supporter_id is not None:
        supporter = support_request.supporter
        assert supporter is not None  # noqa: S101 - checked just above
        with translation.override(language_of(supporter)):
            title = _("A request you took was withdrawn. Thank you for being there.")
        notify_in_app(
            recipient_id=supporter.user_id,
            title=title,
            link=reverse("support_requests:page-list"),
            organisation_id=support_request.organisation_id,
        )
    _settle_other_pages(support_request, except_recipient=support_request.supporter, now=now)
    record_event(
        by=_requester_actor(support_request),
        action=AuditAction.SUPPORT_REQUEST_WITHDRAWN,
        organisation_id=support_request.organisation_id,
        target=support_request,
    )
    return support_request


@transaction.atomic
def record_encounter(
    *,
    by: Membership,
    support_request: SupportRequest,
    spoke_at: datetime | None = None,
    outcome: str = Outcome.LISTENED,
    referred_to: str = "",
    note: str = "",
    was_hard: bool = False,
) -> Encounter:
    """The supporter who took the request records that they spoke, the outcome and an optional
    private note (encrypted; nobody else reads it), and closes the request. Audited without
    the note."""
    if support_request.supporter_id != by.pk:
        raise ActionError(_("Only the supporter who took this request can record the talk."))
    now = timezone.now()
    spoke_at = spoke_at or now
    if spoke_at > now:
        raise ActionError(_("The time you spoke can't be in the future."))
    # Minute precision: people enter the time they spoke as hours and minutes.
    if spoke_at < support_request.created_at.replace(second=0, microsecond=0):
        raise ActionError(_("The time you spoke is before they asked. Please check it."))
    if len(note) > ENCOUNTER_NOTE_MAX_LENGTH:
        raise ActionError(
            _("Please keep the note to %(limit)s characters (it has %(count)s).")
            % {"limit": ENCOUNTER_NOTE_MAX_LENGTH, "count": len(note)}
        )
    closed = SupportRequest.objects.filter(
        pk=support_request.pk,
        supporter=by,
        status__in=[Status.ACCEPTED, Status.CONTACTED],
    ).update(status=Status.CLOSED, contacted_at=spoke_at, closed_at=now)
    if not closed:
        raise ActionError(_("This request is already closed."))
    encounter = Encounter.objects.create(
        support_request=support_request,
        supporter=by,
        spoke_at=spoke_at,
        outcome=outcome,
        referred_to=referred_to.strip()[:120] if outcome != Outcome.LISTENED else "",
        note=note.strip(),
        was_hard=was_hard,
    )
    support_request.refresh_from_db()
    record_event(
        by=by.user,
        action=AuditAction.SUPPORT_REQUEST_CLOSED,
        organisation_id=support_request.organisation_id,
        target=support_request,
        detail={"outcome": outcome},
    )
    return encounter


# --- The rota -------------------------------------------------------------------------------


def _check_supporter(by: Membership, supporter: Membership) -> None:
    if supporter.organisation_id != by.organisation_id or not supporter.is_peer_supporter:
        raise ActionError(_("Choose one of your organisation's peer supporters."))


def _check_period(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise ActionError(_("The end must be after the start."))


def _audit_shift_added(by: Membership, supporter: Membership, shift: Shift | ExtraShift) -> None:
    record_event(
        by=by.user,
        action=AuditAction.SHIFT_ADDED,
        organisation_id=by.organisation_id,
        target=shift,
        target_label=f"{supporter.user.display_name}: {shift}",
    )


@transaction.atomic
def add_shift(
    *,
    by: Membership,
    supporter: Membership,
    weekday: int,
    starts: time,
    ends: time,
    tier: str = Tier.PRIMARY,
) -> Shift:
    """A coordinator puts a supporter on the weekly rota (local time; an end at or before the
    start runs overnight). Audited."""
    _check_supporter(by, supporter)
    shift = Shift.objects.create(
        organisation_id=by.organisation_id,
        supporter=supporter,
        tier=tier,
        weekday=weekday,
        starts=starts,
        ends=ends,
    )
    _audit_shift_added(by, supporter, shift)
    return shift


@transaction.atomic
def add_extra_shift(
    *,
    by: Membership,
    supporter: Membership,
    starts_at: datetime,
    ends_at: datetime,
    tier: str = Tier.PRIMARY,
) -> ExtraShift:
    """A coordinator adds one-off cover on top of the weekly rota. Audited."""
    _check_supporter(by, supporter)
    _check_period(starts_at, ends_at)
    extra = ExtraShift.objects.create(
        organisation_id=by.organisation_id,
        supporter=supporter,
        tier=tier,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    _audit_shift_added(by, supporter, extra)
    return extra


@transaction.atomic
def remove_shift(*, by: Membership, shift: Shift | ExtraShift) -> None:
    record_event(
        by=by.user,
        action=AuditAction.SHIFT_REMOVED,
        organisation_id=shift.organisation_id,
        target=shift,
    )
    shift.delete()


@transaction.atomic
def add_time_off(
    *, by: Membership, supporter: Membership, starts_at: datetime, ends_at: datetime
) -> TimeOff:
    """A supporter marks themselves unavailable (a coordinator may do it for them): no pages
    reach them in that time, whatever the rota says. Audited."""
    if by.pk != supporter.pk:
        _check_supporter(by, supporter)
    _check_period(starts_at, ends_at)
    if ends_at <= timezone.now():
        raise ActionError(_("That time has already passed. Choose an end in the future."))
    time_off = TimeOff.objects.create(
        organisation_id=by.organisation_id,
        supporter=supporter,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    record_event(
        by=by.user,
        action=AuditAction.TIME_OFF_ADDED,
        organisation_id=by.organisation_id,
        target=time_off,
        target_label=supporter.user.display_name,
    )
    return time_off


@transaction.atomic
def create_calendar_feed(*, by: Membership) -> CalendarFeed:
    """A supporter makes a private link to their shifts for their calendar app. Making a new
    one ends the old link (for a link shared by mistake). Audited."""
    if not by.is_peer_supporter:
        raise ActionError(_("Only peer supporters have shifts to put in a calendar."))
    feed, _created = CalendarFeed.objects.update_or_create(
        supporter=by,
        defaults={
            "organisation_id": by.organisation_id,
            "token": secrets.token_urlsafe(32),
            "created_at": timezone.now(),
        },
    )
    record_event(
        by=by.user,
        action=AuditAction.CALENDAR_FEED_CREATED,
        organisation_id=by.organisation_id,
        target=feed,
        target_label=by.user.display_name,
    )
    return feed


@transaction.atomic
def remove_time_off(*, by: Membership, time_off: TimeOff) -> None:
    record_event(
        by=by.user,
        action=AuditAction.TIME_OFF_REMOVED,
        organisation_id=time_off.organisation_id,
        target=time_off,
        target_label=time_off.supporter.user.display_name,
    )
    time_off.delete()
