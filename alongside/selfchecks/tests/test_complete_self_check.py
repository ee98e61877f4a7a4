from __future__ import annotations

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership
from alongside.selfchecks import actions
from alongside.selfchecks.models import SelfCheck, SelfCheckReminder

pytestmark = pytest.mark.django_db

PHQ9_ITEM9 = [0, 0, 0, 0, 0, 0, 0, 0, 1]


def test_a_completed_self_check_keeps_the_published_score_for_the_person(
    author: Membership,
) -> None:
    self_check = actions.complete_self_check(
        by=author, instrument="phq9", answers=[1, 1, 2, 1, 0, 1, 1, 0, 0]
    )

    assert self_check.is_completed and self_check.member == author
    assert self_check.result == {
        "instrument": "phq9",
        "total": 7,
        "band": "mild",
        "safety_flag": False,
    }
    assert self_check.answers == [1, 1, 2, 1, 0, 1, 1, 0, 0]


def test_phq9_item_9_raises_the_safety_flag_on_the_stored_result(author: Membership) -> None:
    self_check = actions.complete_self_check(by=author, instrument="phq9", answers=PHQ9_ITEM9)

    assert self_check.result["safety_flag"] is True and self_check.result["total"] == 1


def test_answers_and_results_are_encrypted_at_rest(author: Membership) -> None:
    self_check = actions.complete_self_check(
        by=author, instrument="gad7", answers=[3, 3, 3, 3, 3, 3, 2]
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT answers_data, result_data FROM selfchecks_selfcheck WHERE id = %s",
            [self_check.pk],
        )
        answers, result = cursor.fetchone()
    for stored in (answers, result):
        assert stored.startswith("enc1:")
        # Base64 has no quotes, spaces or brackets: any of these would be plaintext JSON.
        assert '"severe"' not in stored and '"total": 20' not in stored and "[3, 3" not in stored


def test_an_unanswered_question_is_named_and_the_other_answers_are_kept(
    author: Membership,
) -> None:
    with pytest.raises(ActionError, match="Please answer question 3"):
        actions.complete_self_check(
            by=author, instrument="phq9", answers=[1, 2, None, 0, 0, 0, 0, 0, None]
        )

    draft = SelfCheck.objects.get(member=author, completed_at__isnull=True)
    assert draft.answers == [1, 2, None, 0, 0, 0, 0, 0, None]
    assert draft.result_data is None
    assert not SelfCheck.objects.filter(completed_at__isnull=False).exists()


def test_completing_turns_the_draft_into_the_result(author: Membership) -> None:
    actions.save_draft(by=author, instrument="who5", answers=[5, 4, None, None, None])

    done = actions.complete_self_check(by=author, instrument="who5", answers=[5, 4, 3, 2, 1])

    assert SelfCheck.objects.filter(member=author).count() == 1
    assert done.result["percentage"] == 60 and done.started_at < done.completed_at  # type: ignore[operator]


def test_one_draft_per_instrument_updated_in_place(author: Membership) -> None:
    first = actions.save_draft(
        by=author, instrument="brs", answers=[1, None, None, None, None, None]
    )
    second = actions.save_draft(by=author, instrument="brs", answers=[1, 2, None, None, None, None])

    assert first.pk == second.pk
    assert SelfCheck.objects.get(pk=first.pk).answers == [1, 2, None, None, None, None]


def test_a_draft_created_meanwhile_by_another_save_is_updated_not_duplicated(
    author: Membership,
) -> None:
    other = actions.save_draft(by=author, instrument="gad2", answers=[1, None])

    # The race: this save looked for a draft before the other one was committed.
    with mock.patch.object(actions, "_draft", return_value=None):
        mine = actions.save_draft(by=author, instrument="gad2", answers=[1, 3])

    assert mine.pk == other.pk and SelfCheck.objects.get(pk=other.pk).answers == [1, 3]


@pytest.mark.parametrize(
    ("instrument", "answers"),
    [
        ("nope", [1]),
        ("gad2", [1]),
        ("gad2", [1, 7]),
    ],
)
def test_a_form_that_does_not_fit_the_instrument_is_refused(
    author: Membership, instrument: str, answers: list[int | None]
) -> None:
    with pytest.raises(ActionError):
        actions.save_draft(by=author, instrument=instrument, answers=answers)
    assert not SelfCheck.objects.exists()


def test_the_audit_row_names_nobody_and_nothing(author: Membership) -> None:
    self_check = actions.complete_self_check(by=author, instrument="phq9", answers=PHQ9_ITEM9)
    actions.delete_self_check(by=author, self_check=self_check)

    rows = AuditEvent.objects.filter(
        action__in=[AuditAction.SELF_CHECK_COMPLETED, AuditAction.SELF_CHECK_DELETED]
    )
    assert rows.count() == 2
    for row in rows:
        assert row.actor_id is None and author.user.name not in row.actor_label
        assert row.target_id == "" and row.target_label == "" and row.detail == {}
        assert "phq" not in json.dumps(row.detail) and row.organisation_id == author.organisation_id


def test_deleting_really_deletes(author: Membership) -> None:
    self_check = actions.complete_self_check(by=author, instrument="gad2", answers=[0, 1])

    actions.delete_self_check(by=author, self_check=self_check)

    assert not SelfCheck.objects.filter(pk=self_check.pk).exists()


def test_nobody_else_can_delete_a_result(author: Membership, colleague: Membership) -> None:
    self_check = actions.complete_self_check(by=author, instrument="gad2", answers=[0, 1])

    with pytest.raises(ActionError):
        actions.delete_self_check(by=colleague, self_check=self_check)

    assert SelfCheck.objects.filter(pk=self_check.pk).exists()


def test_completing_moves_the_reminder_one_interval_on(author: Membership) -> None:
    reminder = actions.set_reminder(by=author, instrument="who5", rhythm="weekly")
    assert reminder is not None
    before = timezone.now()

    actions.complete_self_check(by=author, instrument="who5", answers=[5, 5, 5, 5, 5])

    reminder.refresh_from_db()
    assert reminder.next_at >= before + timedelta(days=7)
    assert SelfCheckReminder.objects.count() == 1
