from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from alongside.lib.errors import ActionError
from alongside.notifications.models import Delivery, Notification
from alongside.organisations.models import Membership
from alongside.selfchecks import actions
from alongside.selfchecks.models import SelfCheckReminder

pytestmark = pytest.mark.django_db


def test_a_reminder_comes_one_interval_after_the_last_result(author: Membership) -> None:
    actions.complete_self_check(by=author, instrument="who5", answers=[3, 3, 3, 3, 3])

    reminder = actions.set_reminder(by=author, instrument="who5", rhythm="fortnightly")

    assert reminder is not None
    assert timedelta(days=13, hours=23) < reminder.next_at - timezone.now() <= timedelta(days=14)


def test_changing_the_rhythm_keeps_one_reminder_and_an_empty_rhythm_stops_it(
    author: Membership,
) -> None:
    actions.set_reminder(by=author, instrument="brs", rhythm="weekly")
    changed = actions.set_reminder(by=author, instrument="brs", rhythm="monthly")

    assert changed is not None and changed.rhythm == "monthly"
    assert SelfCheckReminder.objects.count() == 1
    assert actions.set_reminder(by=author, instrument="brs", rhythm="") is None
    assert not SelfCheckReminder.objects.exists()


def test_an_unknown_rhythm_is_refused(author: Membership) -> None:
    with pytest.raises(ActionError, match="how often"):
        actions.set_reminder(by=author, instrument="brs", rhythm="hourly")


def test_the_tick_sends_a_due_reminder_once_with_no_instrument_or_score(
    author: Membership,
) -> None:
    reminder = actions.set_reminder(by=author, instrument="phq9", rhythm="weekly")
    assert reminder is not None
    due = reminder.next_at

    assert actions.send_due_self_check_reminders(now=due - timedelta(minutes=1)) == 0
    assert actions.send_due_self_check_reminders(now=due) == 1
    assert actions.send_due_self_check_reminders(now=due) == 0

    notice = Notification.objects.get(recipient=author.user)
    assert notice.link == "/self-checks/phq9/"
    assert "PHQ" not in notice.title and "depress" not in notice.title.lower()
    assert Delivery.objects.filter(
        recipient_id=author.user_id, template="self-check-reminder", channel="email"
    ).exists()
    reminder.refresh_from_db()
    assert reminder.next_at == due + timedelta(days=7) and reminder.last_sent_at == due


def test_after_downtime_one_reminder_goes_and_the_next_is_an_interval_from_now(
    author: Membership,
) -> None:
    reminder = actions.set_reminder(by=author, instrument="gad7", rhythm="weekly")
    assert reminder is not None
    much_later = reminder.next_at + timedelta(days=30)

    assert actions.send_due_self_check_reminders(now=much_later) == 1

    reminder.refresh_from_db()
    assert reminder.next_at == much_later + timedelta(days=7)
    assert Notification.objects.count() == 1


def test_someone_who_has_left_gets_no_reminder(author: Membership) -> None:
    reminder = actions.set_reminder(by=author, instrument="gad7", rhythm="weekly")
    assert reminder is not None
    author.deactivated_at = timezone.now()
    author.save(update_fields=["deactivated_at"])

    assert actions.send_due_self_check_reminders(now=reminder.next_at) == 0
    assert not Notification.objects.exists()


def test_a_reminder_another_tick_claimed_first_is_not_sent_again(author: Membership) -> None:
    reminder = actions.set_reminder(by=author, instrument="gad7", rhythm="weekly")
    assert reminder is not None

    # The other tick moved `next_at` on between this one's read and its conditional UPDATE.
    with mock.patch.object(QuerySet, "update", return_value=0):
        sent = actions.send_self_check_reminder(reminder_id=reminder.pk, now=reminder.next_at)

    assert sent is False and not Notification.objects.exists()


def test_a_reminder_that_is_not_due_is_not_sent(author: Membership) -> None:
    reminder = actions.set_reminder(by=author, instrument="gad7", rhythm="weekly")
    assert reminder is not None

    assert actions.send_self_check_reminder(reminder_id=reminder.pk, now=timezone.now()) is False
