from __future__ import annotations

from datetime import timedelta

import pytest

from alongside.audit.models import AuditAction, AuditEvent
from alongside.followups.actions import record_talk_and_schedule_follow_ups, schedule_follow_ups
from alongside.followups.models import FollowUp, Reason
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership
from alongside.support_requests.actions import accept_support_request, open_support_request
from alongside.support_requests.models import SupportRequest

from .conftest import Rota, talk_with

pytestmark = pytest.mark.django_db


def test_closing_a_talk_schedules_check_ins_on_the_default_days(talk: SupportRequest) -> None:
    follow_ups = list(FollowUp.objects.order_by("day"))

    assert [f.day for f in follow_ups] == [1, 3, 7, 30]
    closed_at = talk.closed_at
    assert closed_at is not None
    for follow_up in follow_ups:
        assert follow_up.member_id == talk.requester_id
        assert follow_up.supporter_id == talk.supporter_id
        assert follow_up.reason == Reason.AFTER_TALK
        assert follow_up.sent_at is None
        assert abs(follow_up.due_at - (closed_at + timedelta(days=follow_up.day))) < timedelta(
            seconds=5
        )
    event = AuditEvent.objects.get(action=AuditAction.FOLLOW_UPS_SCHEDULED)
    assert event.detail == {"days": [1, 3, 7, 30], "supporter_check_in": False}


def test_the_organisation_policy_sets_the_days_and_an_empty_one_schedules_none(
    author: Membership, colleague: Membership, rota: Rota
) -> None:
    organisation = author.organisation
    organisation.follow_up_days = "2, 5"
    organisation.save()
    talk_with(author, rota.on_call[0])
    assert sorted(FollowUp.objects.values_list("day", flat=True)) == [2, 5]

    organisation.follow_up_days = ""
    organisation.save()
    talk_with(colleague, rota.on_call[0])
    assert not FollowUp.objects.filter(member=colleague).exists()


def test_a_talk_that_stayed_with_the_supporter_gives_them_their_own_check_in_tomorrow(
    author: Membership, rota: Rota
) -> None:
    supporter = rota.on_call[0]

    talk_with(author, supporter, was_hard=True)

    own = FollowUp.objects.get(member=supporter)
    assert own.reason == Reason.AFTER_HARD_TALK and own.day == 1
    assert own.supporter is None  # nobody else sees how the supporter is
    assert FollowUp.objects.filter(member=author).count() == 4


def test_scheduling_twice_for_one_talk_adds_nothing(talk: SupportRequest) -> None:
    assert schedule_follow_ups(support_request=talk, now=talk.created_at) == []
    assert FollowUp.objects.count() == 4


def test_a_talk_that_cannot_be_recorded_schedules_nothing(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)
    accept_support_request(by=rota.on_call[0], support_request=support_request)

    with pytest.raises(ActionError):
        record_talk_and_schedule_follow_ups(by=rota.on_call[1], support_request=support_request)

    assert not FollowUp.objects.exists()
