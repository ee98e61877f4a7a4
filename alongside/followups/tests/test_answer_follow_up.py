from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from alongside.audit.models import AuditAction, AuditEvent
from alongside.followups.actions import answer_follow_up, send_due_follow_ups
from alongside.followups.models import Answer, FollowUp, Reason
from alongside.lib.errors import ActionError
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership
from alongside.support_requests.actions import escalate_due_requests
from alongside.support_requests.models import Page, Step, SupportRequest, TimeOff, Urgency

from .conftest import Rota, sent_follow_up, talk_with

pytestmark = pytest.mark.django_db


def test_doing_ok_is_kept_with_its_time_and_audited_without_the_answer_or_the_name(
    talk: SupportRequest,
) -> None:
    follow_up = sent_follow_up(talk)

    assert answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.OK) is None

    follow_up.refresh_from_db()
    assert follow_up.answer == Answer.OK and follow_up.answered_at is not None
    assert follow_up.remind_at is None  # answered: no reminder
    event = AuditEvent.objects.get(action=AuditAction.FOLLOW_UP_ANSWERED)
    assert event.actor_id is None and talk.requester.user.email not in str(event.__dict__)
    assert "ok" not in str(event.detail)


def test_not_great_lets_the_supporter_they_spoke_with_know(talk: SupportRequest) -> None:
    follow_up = sent_follow_up(talk)
    supporter = talk.supporter
    assert supporter is not None

    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.NOT_GREAT)

    notice = Notification.objects.get(recipient=supporter.user, link="/check-ins/people/")
    assert "answered a check-in" in notice.title
    assert talk.requester.user.display_name not in notice.title


def test_stop_these_cancels_the_rest_and_nothing_more_goes_out(talk: SupportRequest) -> None:
    follow_up = sent_follow_up(talk)

    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.STOP)

    later = FollowUp.objects.filter(support_request=talk).exclude(pk=follow_up.pk)
    assert all(f.cancelled_at is not None for f in later)
    assert send_due_follow_ups(now=timezone.now() + timedelta(days=60)) == 0


def test_talk_again_pages_the_same_supporter_first_even_off_shift(
    talk: SupportRequest, rota: Rota
) -> None:
    follow_up = sent_follow_up(talk)
    sam = rota.on_call[0]
    sam.shifts.all().delete()  # off the rota now

    new_request = answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.TALK_AGAIN)

    assert new_request is not None and new_request.pk != talk.pk
    assert new_request.step == Step.SAME_SUPPORTER and new_request.preferred_supporter == sam
    assert new_request.urgency == Urgency.TODAY
    assert new_request.contact_method == talk.contact_method
    assert list(new_request.pages.values_list("recipient", flat=True)) == [sam.pk]


def test_when_the_same_supporter_does_not_answer_the_on_call_peers_are_paged(
    talk: SupportRequest, rota: Rota
) -> None:
    follow_up = sent_follow_up(talk)
    new_request = answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.TALK_AGAIN)
    assert new_request is not None and new_request.escalate_at is not None

    escalate_due_requests(now=new_request.escalate_at)

    new_request.refresh_from_db()
    assert new_request.step == Step.ON_CALL
    paged = set(
        Page.objects.filter(support_request=new_request).values_list("recipient", flat=True)
    )
    assert paged == {m.pk for m in rota.on_call}  # Sam once, Olu now


def test_a_same_supporter_on_time_off_is_skipped_at_once(talk: SupportRequest, rota: Rota) -> None:
    follow_up = sent_follow_up(talk)
    sam, olu = rota.on_call
    now = timezone.now()
    TimeOff.objects.create(
        organisation=sam.organisation,
        supporter=sam,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    )

    new_request = answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.TALK_AGAIN)

    assert new_request is not None and new_request.step == Step.ON_CALL
    assert list(new_request.pages.values_list("recipient", flat=True)) == [olu.pk]


def test_after_another_answer_the_person_can_still_ask_to_talk_again_once(
    talk: SupportRequest,
) -> None:
    follow_up = sent_follow_up(talk)
    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.NOT_GREAT)

    with pytest.raises(ActionError, match="already answered"):
        answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.OK)
    assert answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.TALK_AGAIN)
    with pytest.raises(ActionError, match="already answered"):
        answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.TALK_AGAIN)

    assert SupportRequest.objects.filter(requester=talk.requester).count() == 2


def test_only_the_person_it_was_sent_to_can_answer(
    talk: SupportRequest, colleague: Membership
) -> None:
    follow_up = sent_follow_up(talk)

    with pytest.raises(ActionError, match="someone else"):
        answer_follow_up(by=colleague, follow_up=follow_up, answer=Answer.OK)
    with pytest.raises(ActionError, match="choose one"):
        answer_follow_up(by=talk.requester, follow_up=follow_up, answer="fine-ish")


def test_a_supporter_asking_for_a_peer_after_a_hard_talk_gets_the_on_call_peers(
    author: Membership, rota: Rota
) -> None:
    sam, olu = rota.on_call
    talk_with(author, sam, was_hard=True)
    own = FollowUp.objects.get(member=sam, reason=Reason.AFTER_HARD_TALK)
    send_due_follow_ups(now=own.due_at)
    own.refresh_from_db()

    new_request = answer_follow_up(by=sam, follow_up=own, answer=Answer.TALK_AGAIN)

    assert new_request is not None and new_request.requester == sam
    assert new_request.preferred_supporter is None and new_request.step == Step.ON_CALL
    assert list(new_request.pages.values_list("recipient", flat=True)) == [olu.pk]


def test_not_great_on_a_supporters_own_check_in_tells_nobody(
    author: Membership, rota: Rota
) -> None:
    sam = rota.on_call[0]
    talk_with(author, sam, was_hard=True)
    own = FollowUp.objects.get(member=sam, reason=Reason.AFTER_HARD_TALK)
    send_due_follow_ups(now=own.due_at)
    notices_before = Notification.objects.count()

    answer_follow_up(by=sam, follow_up=own, answer=Answer.NOT_GREAT)

    assert Notification.objects.count() == notices_before


def test_a_supporter_who_has_left_is_not_told(talk: SupportRequest) -> None:
    follow_up = sent_follow_up(talk)
    supporter = talk.supporter
    assert supporter is not None
    supporter.deactivated_at = timezone.now()
    supporter.save()

    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.NOT_GREAT)

    assert not Notification.objects.filter(recipient=supporter.user, link="/check-ins/people/")
