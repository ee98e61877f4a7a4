from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from alongside.followups.actions import (
    REMIND_AFTER,
    remind_follow_up,
    send_due_follow_ups,
    send_follow_up,
)
from alongside.followups.models import FollowUp
from alongside.notifications.models import Delivery, Notification
from alongside.support_requests.models import SupportRequest

pytestmark = pytest.mark.django_db


def _first(talk: SupportRequest) -> FollowUp:
    return FollowUp.objects.filter(support_request=talk).order_by("day").first()  # type: ignore[return-value]


def test_nothing_goes_out_before_its_day(talk: SupportRequest) -> None:
    first = _first(talk)

    assert send_due_follow_ups(now=first.due_at - timedelta(minutes=1)) == 0

    assert not Delivery.objects.filter(template="follow-up").exists()


def test_a_due_check_in_reaches_the_person_once_in_app_and_by_email(
    talk: SupportRequest,
) -> None:
    first = _first(talk)

    sent = send_due_follow_ups(now=first.due_at)
    again = send_due_follow_ups(now=first.due_at + timedelta(seconds=30))

    assert (sent, again) == (1, 0)
    first.refresh_from_db()
    assert first.sent_at == first.due_at
    delivery = Delivery.objects.get(template="follow-up")
    assert delivery.to_address == talk.requester.user.email
    link = reverse("followups:answer", kwargs={"code": first.code})
    assert delivery.context["link"].endswith(link)
    notice = Notification.objects.get(recipient=talk.requester.user, link=link)
    assert notice.title == "Checking in: how are you doing?"
    # No clinical or personal content travels with it: only the link.
    assert set(delivery.context) == {"link"}


def test_an_unanswered_check_in_gets_one_reminder_and_no_more(talk: SupportRequest) -> None:
    organisation = talk.organisation
    organisation.follow_up_days = "1"
    organisation.save()
    FollowUp.objects.exclude(day=1).delete()
    first = _first(talk)
    send_due_follow_ups(now=first.due_at)

    assert send_due_follow_ups(now=first.due_at + REMIND_AFTER - timedelta(minutes=1)) == 0
    assert send_due_follow_ups(now=first.due_at + REMIND_AFTER) == 1
    assert send_due_follow_ups(now=first.due_at + 3 * REMIND_AFTER) == 0

    first.refresh_from_db()
    assert first.reminded_at == first.due_at + REMIND_AFTER and first.remind_at is None
    assert Delivery.objects.filter(template="follow-up-reminder").count() == 1


def test_the_next_check_in_stands_in_for_the_reminder_of_the_last(talk: SupportRequest) -> None:
    day_1, day_3 = FollowUp.objects.filter(support_request=talk).order_by("day")[:2]
    send_due_follow_ups(now=day_1.due_at)

    # Day 3 falls due together with day 1's reminder: one message, not two.
    sent = send_due_follow_ups(now=day_3.due_at)

    assert sent == 1
    assert Delivery.objects.filter(template="follow-up").count() == 2
    assert not Delivery.objects.filter(template="follow-up-reminder").exists()


def test_a_check_in_for_someone_who_left_is_cancelled_not_sent(talk: SupportRequest) -> None:
    first = _first(talk)
    requester = talk.requester
    requester.deactivated_at = first.due_at - timedelta(hours=1)
    requester.save()

    assert send_due_follow_ups(now=first.due_at) == 0

    first.refresh_from_db()
    assert first.cancelled_at is not None and first.remind_at is None
    assert not Delivery.objects.filter(template="follow-up").exists()


def test_no_reminder_reaches_someone_who_left_after_the_check_in(talk: SupportRequest) -> None:
    first = _first(talk)
    send_due_follow_ups(now=first.due_at)
    requester = talk.requester
    requester.deactivated_at = first.due_at + timedelta(hours=1)
    requester.save()

    assert send_due_follow_ups(now=first.due_at + REMIND_AFTER) == 0

    assert not Delivery.objects.filter(template="follow-up-reminder").exists()


def test_of_two_ticks_claiming_the_same_check_in_only_one_sends_it(talk: SupportRequest) -> None:
    first = _first(talk)

    # Both ticks listed it as due before either claimed it.
    assert send_follow_up(follow_up_id=first.pk, now=first.due_at) is True
    assert send_follow_up(follow_up_id=first.pk, now=first.due_at) is False

    assert Delivery.objects.filter(template="follow-up").count() == 1


def test_a_reminder_claimed_just_as_the_person_leaves_is_not_sent(talk: SupportRequest) -> None:
    first = _first(talk)
    send_due_follow_ups(now=first.due_at)
    # The tick listed the reminder as due; the person left before it was claimed.
    requester = talk.requester
    requester.deactivated_at = first.due_at + timedelta(hours=1)
    requester.save()

    assert remind_follow_up(follow_up_id=first.pk, now=first.due_at + REMIND_AFTER) is False

    assert not Delivery.objects.filter(template="follow-up-reminder").exists()


def test_of_two_ticks_claiming_the_same_reminder_only_one_sends_it(talk: SupportRequest) -> None:
    first = _first(talk)
    send_due_follow_ups(now=first.due_at)
    due = first.due_at + REMIND_AFTER

    assert remind_follow_up(follow_up_id=first.pk, now=due) is True
    assert remind_follow_up(follow_up_id=first.pk, now=due) is False

    assert Delivery.objects.filter(template="follow-up-reminder").count() == 1
