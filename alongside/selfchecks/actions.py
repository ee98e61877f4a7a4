"""Writes of `selfchecks`: drafts, completed self-checks, deletions and reminders.

Audit rows for self-checks name nobody and nothing: that someone completed or deleted a
self-check is all they say (results belong to the person, docs/privacy.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership
from alongside.support_requests.actions import notify_member

from .definitions import Instrument, instruments
from .models import Rhythm, SelfCheck, SelfCheckReminder
from .scoring import score

SEND_BATCH = 200


def _instrument(instrument_id: str) -> Instrument:
    found = instruments().get(instrument_id)
    if found is None:
        raise ActionError(_("We don't know that self-check."))
    return found


def _checked(definition: Instrument, answers: Sequence[int | None]) -> list[int | None]:
    if len(answers) != definition.item_count:
        raise ActionError(_("Something went wrong with the form. Please try again."))
    for value in answers:
        if value is not None and value not in definition.codes:
            raise ActionError(_("Something went wrong with the form. Please try again."))
    return list(answers)


def _draft(by: Membership, instrument_id: str) -> SelfCheck | None:
    return SelfCheck.objects.filter(
        member=by, instrument=instrument_id, completed_at__isnull=True
    ).first()


@transaction.atomic
def save_draft(*, by: Membership, instrument: str, answers: Sequence[int | None]) -> SelfCheck:
    """Keep the answers given so far (the page sends them as the person goes), so a dropped
    connection or a reload loses nothing. One draft per person and instrument. No audit row:
    nothing is complete, and the draft is the person's own."""
    definition = _instrument(instrument)
    data = json.dumps(_checked(definition, answers))
    now = timezone.now()
    draft = _draft(by, instrument)
    if draft is None:
        try:
            with transaction.atomic():
                return SelfCheck.objects.create(
                    organisation_id=by.organisation_id,
                    member=by,
                    instrument=instrument,
                    answers_data=data,
                    started_at=now,
                    updated_at=now,
                )
        except IntegrityError:
            # Two saves at once (two taps, two tabs): the other created it; update that one.
            draft = SelfCheck.objects.get(
                member=by, instrument=instrument, completed_at__isnull=True
            )
    draft.answers_data = data
    draft.updated_at = now
    draft.save(update_fields=["answers_data", "updated_at"])
    return draft


def complete_self_check(
    *, by: Membership, instrument: str, answers: Sequence[int | None]
) -> SelfCheck:
    """Score a completed form and keep the result for the person alone. An unanswered item
    is refused with its number (never scored, never prorated) and the answers are kept as a
    draft. Moves the person's reminder for this instrument to one interval from now."""
    definition = _instrument(instrument)
    checked = _checked(definition, answers)
    missing = [number for number, value in enumerate(checked, start=1) if value is None]
    if missing:
        save_draft(by=by, instrument=instrument, answers=checked)  # committed: nothing is lost
        raise ActionError(
            _("Please answer question %(number)s. Your other answers are kept.")
            % {"number": missing[0]}
        )
    given = [value for value in checked if value is not None]
    with transaction.atomic():
        return _complete(by, instrument, given)


def _complete(by: Membership, instrument: str, given: list[int]) -> SelfCheck:
    result = score(instrument, given)
    now = timezone.now()
    self_check = _draft(by, instrument) or SelfCheck(
        organisation_id=by.organisation_id, member=by, instrument=instrument, started_at=now
    )
    self_check.answers_data = json.dumps(given)
    self_check.result_data = json.dumps(result)
    self_check.updated_at = self_check.completed_at = now
    self_check.save()
    record_event(
        by=ANONYMOUS, action=AuditAction.SELF_CHECK_COMPLETED, organisation_id=by.organisation_id
    )
    for reminder in SelfCheckReminder.objects.filter(member=by, instrument=instrument):
        reminder.next_at = now + Rhythm(reminder.rhythm).interval
        reminder.save(update_fields=["next_at"])
    return self_check


@transaction.atomic
def delete_self_check(*, by: Membership, self_check: SelfCheck) -> None:
    """The person deletes one of their results: really deleted. The audit row says that a
    self-check was deleted, never whose or what."""
    if self_check.member_id != by.pk:
        raise ActionError(_("You can only delete your own self-checks."))
    self_check.delete()
    record_event(
        by=ANONYMOUS, action=AuditAction.SELF_CHECK_DELETED, organisation_id=by.organisation_id
    )


@transaction.atomic
def set_reminder(*, by: Membership, instrument: str, rhythm: str) -> SelfCheckReminder | None:
    """Turn a person's reminder for one instrument on (weekly, fortnightly, monthly), change
    its rhythm, or turn it off with an empty rhythm. The first one comes one interval after
    the person's last result, or after now when that has passed."""
    _instrument(instrument)
    if not rhythm:
        SelfCheckReminder.objects.filter(member=by, instrument=instrument).delete()
        return None
    if rhythm not in Rhythm.values:
        raise ActionError(_("Choose how often you'd like a reminder."))
    interval = Rhythm(rhythm).interval
    now = timezone.now()
    last = (
        SelfCheck.objects.filter(member=by, instrument=instrument, completed_at__isnull=False)
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )
    next_at = max(now + timedelta(hours=1), (last or now) + interval)
    reminder, _created = SelfCheckReminder.objects.update_or_create(
        member=by,
        instrument=instrument,
        defaults={"rhythm": rhythm, "next_at": next_at, "organisation_id": by.organisation_id},
    )
    return reminder


# --- The tick -------------------------------------------------------------------------------


def send_due_self_check_reminders(*, now: datetime | None = None) -> int:
    """Tick job: send each reminder whose time has come. Returns how many went out."""
    now = now or timezone.now()
    due = list(
        SelfCheckReminder.objects.filter(next_at__lte=now)
        .order_by("next_at")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    return sum(send_self_check_reminder(reminder_id=pk, now=now) for pk in due)


@transaction.atomic
def send_self_check_reminder(*, reminder_id: int, now: datetime) -> bool:
    """Claim one due reminder by moving `next_at` on with a conditional UPDATE (of two ticks,
    one sends), then reach the person in the app and on their channels. The message names
    no instrument and no score (style 4.7): only a link to the self-check."""
    reminder = SelfCheckReminder.objects.filter(pk=reminder_id, next_at__lte=now).first()
    if reminder is None:
        return False
    next_at = reminder.next_at + Rhythm(reminder.rhythm).interval
    if next_at <= now:  # the server was off for a while: no burst of old reminders
        next_at = now + Rhythm(reminder.rhythm).interval
    claimed = SelfCheckReminder.objects.filter(pk=reminder_id, next_at=reminder.next_at).update(
        next_at=next_at, last_sent_at=now
    )
    if not claimed:
        return False
    member = Membership.objects.select_related("user", "organisation").get(pk=reminder.member_id)
    if not member.is_active:
        return False
    link = reverse("selfchecks:take", kwargs={"instrument": reminder.instrument})
    notify_member(member, template="self-check-reminder", link=link)
    return True
