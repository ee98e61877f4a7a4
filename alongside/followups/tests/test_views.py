from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.audit.models import AuditAction, AuditEvent
from alongside.followups.actions import answer_follow_up
from alongside.followups.models import Answer, FollowUp
from alongside.organisations.models import Membership
from alongside.support_requests.models import SupportRequest
from conftest import client_for

from .conftest import sent_follow_up

pytestmark = pytest.mark.django_db


def _url(follow_up: FollowUp) -> str:
    return reverse("followups:answer", kwargs={"code": follow_up.code})


def test_the_home_page_offers_the_waiting_check_in(as_author: Client, talk: SupportRequest) -> None:
    assert b"A check-in for you" not in as_author.get("/").content
    follow_up = sent_follow_up(talk)

    home = as_author.get("/").content.decode()

    assert "A check-in for you" in home and _url(follow_up) in home


def test_one_screen_with_four_answers_and_one_tap_records_one(
    as_author: Client, talk: SupportRequest
) -> None:
    follow_up = sent_follow_up(talk)

    page = as_author.get(_url(follow_up)).content.decode()
    response = as_author.post(_url(follow_up), {"answer": "ok"})

    for label in ("I&#x27;m doing ok", "Not great", "I&#x27;d like to talk again", "Stop these"):
        assert label in page
    assert "only Sam Sameunit sees your answer" in page
    assert response.status_code == 302 and response["Location"] == _url(follow_up)
    follow_up.refresh_from_db()
    assert follow_up.answer == Answer.OK
    after = as_author.get(_url(follow_up)).content.decode()
    assert (
        "Glad to hear it" in after
        and "A check-in for you" not in as_author.get("/").content.decode()
    )


def test_not_great_shows_the_lines_to_call_and_offers_a_person_on_the_same_screen(
    as_author: Client, talk: SupportRequest
) -> None:
    follow_up = sent_follow_up(talk)

    response = as_author.post(_url(follow_up), {"answer": "not_great"}, follow=True)

    body = response.content.decode()
    assert "Thank you for telling us" in body
    assert "tel:988" in body  # the crisis line, one tap away
    assert "Ask Sam Sameunit to get in touch" in body


def test_talk_again_goes_straight_to_the_live_status_of_the_new_request(
    as_author: Client, talk: SupportRequest
) -> None:
    follow_up = sent_follow_up(talk)

    response = as_author.post(_url(follow_up), {"answer": "talk_again"}, follow=True)

    new_request = SupportRequest.objects.exclude(pk=talk.pk).get()
    assert response.redirect_chain[-1][0] == reverse(
        "support_requests:request-detail", kwargs={"code": new_request.code}
    )
    assert "We've asked Sam Sameunit" in response.content.decode()
    again = as_author.get(_url(follow_up)).content.decode()
    assert "You asked to talk again" in again and "See how it's going" in again


def test_a_second_answer_is_refused_kindly(as_author: Client, talk: SupportRequest) -> None:
    follow_up = sent_follow_up(talk)
    as_author.post(_url(follow_up), {"answer": "stop"})

    response = as_author.post(_url(follow_up), {"answer": "ok"}, follow=True)

    body = response.content.decode()
    assert "already answered this one" in body and "No more check-ins about this" in body


def test_nobody_else_opens_someone_s_check_in(
    talk: SupportRequest, colleague: Membership, as_coordinator: Client
) -> None:
    follow_up = sent_follow_up(talk)
    supporter = talk.supporter
    assert supporter is not None

    for viewer in (client_for(colleague), client_for(supporter), as_coordinator):
        assert viewer.get(_url(follow_up)).status_code == 404
        assert viewer.post(_url(follow_up), {"answer": "stop"}).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.answered_at is None


def test_an_unsent_check_in_cannot_be_opened_yet(as_author: Client, talk: SupportRequest) -> None:
    unsent = FollowUp.objects.filter(support_request=talk).order_by("day").last()
    assert unsent is not None

    assert as_author.get(_url(unsent)).status_code == 404


def test_the_supporter_sees_who_answered_and_how_and_the_read_is_audited(
    talk: SupportRequest,
) -> None:
    supporter = talk.supporter
    assert supporter is not None
    follow_up = sent_follow_up(talk)
    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.NOT_GREAT)

    body = client_for(supporter).get(reverse("followups:people")).content.decode()

    assert talk.requester.user.display_name in body
    assert "Day 1" in body and "Not great" in body
    assert "Day 3" not in body  # not sent, not answered: nothing to show
    event = AuditEvent.objects.get(action=AuditAction.FOLLOW_UPS_VIEWED)
    assert event.actor_id == supporter.user_id and event.detail == {"people": 1}


def test_other_supporters_see_nothing_of_someone_else_s_people(
    talk: SupportRequest, rota: object
) -> None:
    follow_up = sent_follow_up(talk)
    answer_follow_up(by=talk.requester, follow_up=follow_up, answer=Answer.OK)
    olu = rota.on_call[1]  # type: ignore[attr-defined]

    body = client_for(olu).get(reverse("followups:people")).content.decode()

    assert talk.requester.user.display_name not in body and "No answers yet" in body
    assert not AuditEvent.objects.filter(action=AuditAction.FOLLOW_UPS_VIEWED).exists()


def test_clinicians_do_not_even_learn_the_supporters_page_exists(
    as_author: Client, talk: SupportRequest
) -> None:
    assert as_author.get(reverse("followups:people")).status_code == 404
