from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import IntegrityError
from django.db.models import QuerySet
from django.utils import timezone

from alongside.audit.models import AuditAction, AuditEvent
from alongside.followups.models import FollowUp, Reason
from alongside.lib.errors import ActionError
from alongside.losses import actions
from alongside.losses.models import HowAdded, Kind, LossEvent, Participant
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership, Unit
from alongside.organisations.tests.factories import MembershipFactory, UnitFactory
from alongside.support_requests.models import SupportRequest

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


def test_recording_a_loss_keeps_no_patient_detail_and_makes_the_recorder_its_first_person(
    author: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.UNEXPECTED)

    assert {f.name for f in LossEvent._meta.concrete_fields} == {
        "id", "code", "organisation", "unit", "occurred_at", "kind", "source", "recorded_by",
        "join_code", "join_open_until", "is_high_impact", "paused_at", "debriefed_at",
        "feed_key", "created_at",
    }  # fmt: skip
    assert len(loss.join_code) == 6 and set(loss.join_code) <= set(actions.JOIN_ALPHABET)
    assert loss.is_join_open and not loss.is_high_impact
    (participant,) = loss.participants.all()
    assert participant.member == author and participant.how_added == HowAdded.RECORDED
    assert FollowUp.objects.filter(member=author, loss=loss, reason=Reason.AFTER_LOSS).count() == 4
    assert AuditEvent.objects.filter(action=AuditAction.LOSS_RECORDED).count() == 1
    assert not Notification.objects.exists()  # their own offer is on the screen they're on


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "unknown"}, "what kind"),
        ({"occurred_at": timedelta(hours=1)}, "in the future"),
        ({"occurred_at": -timedelta(days=15)}, "two weeks"),
    ],
)
def test_a_loss_that_cannot_be_right_is_refused_with_a_reason(
    author: Membership, unit: Unit, change: dict[str, Any], message: str
) -> None:
    arguments: dict[str, Any] = {"kind": Kind.EXPECTED}
    if "kind" in change:
        arguments["kind"] = change["kind"]
    if "occurred_at" in change:
        arguments["occurred_at"] = timezone.now() + change["occurred_at"]

    with pytest.raises(ActionError, match=message):
        actions.record_loss(by=author, unit=unit, **arguments)
    assert not LossEvent.objects.exists()


def test_a_unit_of_another_organisation_is_refused(
    author: Membership, outsider: Membership
) -> None:
    elsewhere = UnitFactory.create(organisation=outsider.organisation)

    with pytest.raises(ActionError, match="your organisation's units"):
        actions.record_loss(by=author, unit=elsewhere, kind=Kind.EXPECTED)


@pytest.mark.parametrize("kind", [Kind.CHILD, Kind.TRAUMATIC, Kind.COLLEAGUE])
def test_a_high_impact_loss_tells_the_coordinators(
    author: Membership,
    coordinator: Membership,
    unit: Unit,
    kind: str,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        loss = actions.record_loss(by=author, unit=unit, kind=kind)

    assert loss.is_high_impact
    notice = Notification.objects.get(recipient=coordinator.user)
    assert notice.link == f"/losses/{loss.code}/"
    assert not Notification.objects.filter(recipient=author.user).exists()


def test_a_second_death_on_the_unit_within_a_shift_is_high_impact(
    author: Membership, unit: Unit, django_capture_on_commit_callbacks: Capture
) -> None:
    first = actions.record_loss(
        by=author, unit=unit, kind=Kind.EXPECTED, occurred_at=timezone.now() - timedelta(hours=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        second = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    assert not first.is_high_impact and second.is_high_impact


def test_colleagues_added_get_a_private_offer_and_check_ins(
    author: Membership,
    colleague: Membership,
    unit: Unit,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.AFTER_RESUSCITATION)

    with django_capture_on_commit_callbacks(execute=True):
        added = actions.add_participants(by=author, loss=loss, members=[colleague, colleague])

    assert [p.member for p in added] == [colleague]
    notice = Notification.objects.get(recipient=colleague.user)
    assert notice.link == f"/losses/offers/{added[0].code}/"
    assert FollowUp.objects.filter(member=colleague, loss=loss).count() == 4
    event = AuditEvent.objects.get(action=AuditAction.LOSS_PEOPLE_ADDED)
    assert event.detail == {"count": 1, "how": "picked"}
    assert colleague.user.name not in str(event.detail)


def test_people_already_there_who_left_or_are_elsewhere_are_skipped(
    author: Membership, colleague: Membership, outsider: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    gone = MembershipFactory.create(organisation=author.organisation)
    gone.deactivated_at = timezone.now()
    gone.save(update_fields=["deactivated_at"])

    added = actions.add_participants(by=author, loss=loss, members=[author, gone, outsider])

    assert added == [] and loss.participants.count() == 1
    assert not AuditEvent.objects.filter(action=AuditAction.LOSS_PEOPLE_ADDED).exists()


def test_someone_a_colleague_added_a_moment_earlier_is_not_added_or_offered_twice(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    # The other colleague's add committed between this one's read and its insert.
    with mock.patch.object(Participant.objects, "create", side_effect=IntegrityError("twice")):
        added = actions.add_participants(by=author, loss=loss, members=[colleague])

    assert added == []
    assert not FollowUp.objects.filter(member=colleague).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.LOSS_PEOPLE_ADDED).exists()


def test_a_member_of_another_organisation_cannot_add_people(
    author: Membership, outsider: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    with pytest.raises(ActionError):
        actions.add_participants(by=outsider, loss=loss, members=[outsider])


def test_joining_with_the_code_adds_you_and_sends_your_offer(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    participant = actions.join_loss(
        by=colleague, join_code=f" {loss.join_code.lower()[:3]}-{loss.join_code[3:]} "
    )

    assert participant.loss == loss and participant.how_added == HowAdded.JOIN_CODE
    assert actions.join_loss(by=colleague, join_code=loss.join_code) == participant


def test_a_wrong_closed_or_foreign_code_is_refused(
    author: Membership, colleague: Membership, outsider: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    with pytest.raises(ActionError, match="Check it and try again"):
        actions.join_loss(by=outsider, join_code=loss.join_code)
    with pytest.raises(ActionError, match="Check it and try again"):
        actions.join_loss(by=colleague, join_code="ZZZZZZ")
    LossEvent.objects.filter(pk=loss.pk).update(join_open_until=timezone.now())
    with pytest.raises(ActionError, match="Check it and try again"):
        actions.join_loss(by=colleague, join_code=loss.join_code)
    assert loss.participants.count() == 1


def test_join_codes_are_not_reused(author: Membership, unit: Unit) -> None:
    first = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    codes = iter([first.join_code, "BBBBBB"])

    with mock.patch.object(actions, "new_join_code", side_effect=lambda: next(codes)):
        second = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    assert second.join_code == "BBBBBB"


def _offer_for(member: Membership, unit: Unit, recorder: Membership) -> Participant:
    loss = actions.record_loss(by=recorder, unit=unit, kind=Kind.EXPECTED)
    (participant,) = actions.add_participants(by=recorder, loss=loss, members=[member])
    return participant


def test_yes_opens_a_support_request(author: Membership, colleague: Membership, unit: Unit) -> None:
    participant = _offer_for(colleague, unit, author)

    support_request = actions.answer_offer(by=colleague, participant=participant, offer="yes")

    assert isinstance(support_request, SupportRequest) and support_request.requester == colleague
    event = AuditEvent.objects.get(action=AuditAction.LOSS_OFFER_ANSWERED)
    assert event.actor_id is None and event.target_id == "" and event.detail == {}


def test_not_now_brings_the_offer_back_once_two_days_later(
    author: Membership,
    colleague: Membership,
    unit: Unit,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    participant = _offer_for(colleague, unit, author)
    assert actions.answer_offer(by=colleague, participant=participant, offer="not_now") is None
    participant.refresh_from_db()
    due = participant.remind_at
    assert due is not None

    assert actions.send_due_offer_reminders(now=due - timedelta(minutes=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_due_offer_reminders(now=due) == 1
    assert actions.send_due_offer_reminders(now=due) == 0
    assert Notification.objects.filter(recipient=colleague.user).count() == 1


def test_i_am_ok_is_kept_and_nothing_comes_back(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    participant = _offer_for(colleague, unit, author)

    actions.answer_offer(by=colleague, participant=participant, offer="ok")

    participant.refresh_from_db()
    assert participant.offer == "ok" and participant.remind_at is None


def test_only_the_person_can_answer_their_offer_with_a_real_answer(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    participant = _offer_for(colleague, unit, author)

    with pytest.raises(ActionError, match="someone else"):
        actions.answer_offer(by=author, participant=participant, offer="ok")
    with pytest.raises(ActionError, match="one of the answers"):
        actions.answer_offer(by=colleague, participant=participant, offer="maybe")


def test_no_reminder_for_someone_who_left_or_was_claimed_by_another_tick(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    participant = _offer_for(colleague, unit, author)
    actions.answer_offer(by=colleague, participant=participant, offer="not_now")
    participant.refresh_from_db()
    due = participant.remind_at
    assert due is not None

    with mock.patch.object(QuerySet, "update", return_value=0):
        assert actions.remind_offer(participant_id=participant.pk, now=due) is False
    colleague.deactivated_at = timezone.now()
    colleague.save(update_fields=["deactivated_at"])
    assert actions.remind_offer(participant_id=participant.pk, now=due) is False
    assert not Notification.objects.filter(recipient=colleague.user).exists()


def test_removing_a_unit_keeps_its_losses_and_their_check_ins(
    author: Membership, org_admin: Membership, unit: Unit
) -> None:
    from alongside.organisations.actions import delete_unit

    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    delete_unit(by=org_admin.user, unit=unit)

    loss.refresh_from_db()
    assert loss.unit is None and FollowUp.objects.filter(loss=loss).count() == 4


def test_an_offer_is_sent_once_by_whoever_claims_it_first(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.UNEXPECTED)
    (participant,) = actions.add_participants(by=author, loss=loss, members=[colleague])
    now = timezone.now()

    assert actions.send_offer(participant_id=participant.pk, now=now) is True
    # The tick (or a second on-commit send) finds it claimed: nothing is sent twice.
    assert actions.send_offer(participant_id=participant.pk, now=now) is False
    assert actions.send_due_offers(now=now) == 0
    assert Notification.objects.filter(recipient=colleague.user).count() == 1
