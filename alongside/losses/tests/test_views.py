from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.losses import actions
from alongside.losses.models import Kind, LossEvent, Participant
from alongside.organisations.models import Membership, Unit
from alongside.support_requests.models import SupportRequest
from conftest import client_for

pytestmark = pytest.mark.django_db


def _detail(loss: LossEvent) -> str:
    return reverse("losses:loss-detail", kwargs={"code": loss.code})


def test_one_screen_records_a_loss_and_shows_the_join_code_and_qr(
    as_author: Client, author: Membership, unit: Unit
) -> None:
    form = as_author.get("/losses/new/").content.decode()
    when = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    response = as_author.post(
        "/losses/new/", {"unit": unit.pk, "occurred_at": when, "kind": "unexpected"}
    )

    assert "Nothing about the patient" in form and "patient name" not in form.lower()
    loss = LossEvent.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail(loss)
    page = as_author.get(_detail(loss)).content.decode()
    assert loss.join_code in page and "<svg" in page and "Would you like to talk to a peer" in page


def test_a_bad_time_keeps_what_was_chosen_and_says_why(as_author: Client, unit: Unit) -> None:
    response = as_author.post(
        "/losses/new/", {"unit": unit.pk, "occurred_at": "2020-01-01T10:00", "kind": "child"}
    )

    page = response.content.decode()
    assert response.status_code == 200 and "two weeks" in page
    assert re.search(r'value="child"[^>]*checked', page)
    assert not LossEvent.objects.exists()


def test_type_ahead_finds_colleagues_of_the_organisation_only(
    as_author: Client, author: Membership, colleague: Membership, outsider: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    fragment = as_author.get(_detail(loss), {"q": "Ca"}, HTTP_HX_REQUEST="true").content.decode()
    nobody = as_author.get(_detail(loss), {"q": "Olive"}, HTTP_HX_REQUEST="true").content.decode()

    assert "Add Casey Alphacolleague" in fragment and "<html" not in fragment
    assert "Olive" not in nobody and "Nobody by that name" in nobody


def test_adding_a_colleague_sends_them_their_offer(
    as_author: Client, author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)

    response = as_author.post(
        reverse("losses:loss-add", kwargs={"code": loss.code}), {"member": str(colleague.code)}
    )

    assert response.status_code == 302
    participant = Participant.objects.get(member=colleague)
    colleague_page = client_for(colleague).get("/").content.decode()
    assert reverse("losses:offer", kwargs={"code": participant.code}) in colleague_page


def test_joining_by_the_qr_link_goes_to_your_offer(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    client = client_for(colleague)
    url = reverse("losses:join-code", kwargs={"join_code": loss.join_code})

    page = client.get(url).content.decode()
    response = client.post(url, {"join_code": loss.join_code})

    assert loss.join_code in page
    participant = Participant.objects.get(member=colleague)
    assert response["Location"] == reverse("losses:offer", kwargs={"code": participant.code})


def test_a_wrong_code_is_explained_and_kept(as_author: Client) -> None:
    response = as_author.post("/losses/join/", {"join_code": "ABCXYZ"})

    page = response.content.decode()
    assert "Check it and try again" in page and 'value="ABCXYZ"' in page


def test_yes_on_the_offer_opens_a_request(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    (participant,) = actions.add_participants(by=author, loss=loss, members=[colleague])
    client = client_for(colleague)
    url = reverse("losses:offer", kwargs={"code": participant.code})

    response = client.post(url, {"offer": "yes"})

    support_request = SupportRequest.objects.get(requester=colleague)
    assert response["Location"] == reverse(
        "support_requests:request-detail", kwargs={"code": support_request.code}
    )
    assert "You asked to talk to a peer" in client.get(url).content.decode()


def test_not_now_and_a_bad_answer_stay_on_the_offer(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    (participant,) = actions.add_participants(by=author, loss=loss, members=[colleague])
    client = client_for(colleague)
    url = reverse("losses:offer", kwargs={"code": participant.code})

    bad = client.post(url, {"offer": "perhaps"}, follow=True).content.decode()
    later = client.post(url, {"offer": "not_now"}, follow=True).content.decode()

    assert "Please choose one of the answers" in bad
    assert "ask once more in two days" in later


@pytest.mark.parametrize("persona", ["colleague", "outsider"])
def test_people_who_were_not_there_cannot_see_the_loss_or_the_offers(
    request: pytest.FixtureRequest, author: Membership, unit: Unit, persona: str
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    own = loss.participants.get()
    client = client_for(request.getfixturevalue(persona))

    assert client.get(_detail(loss)).status_code == 404
    assert client.get(reverse("losses:offer", kwargs={"code": own.code})).status_code == 404
    assert (
        client.post(reverse("losses:loss-add", kwargs={"code": loss.code}), {}).status_code == 404
    )


def test_a_coordinator_sees_the_loss_but_not_anyones_answer(
    author: Membership, coordinator: Membership, unit: Unit
) -> None:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.CHILD)
    own = loss.participants.get()
    actions.answer_offer(by=author, participant=own, offer="not_now")
    client = client_for(coordinator)

    page = client.get(_detail(loss)).content.decode()

    assert "Avery Alphaauthor" in page and "Not now" not in page
    assert client.get(reverse("losses:offer", kwargs={"code": own.code})).status_code == 404


def test_a_check_in_after_a_loss_is_private_and_can_open_a_request(
    author: Membership, colleague: Membership, unit: Unit
) -> None:
    from alongside.followups.actions import send_due_follow_ups
    from alongside.followups.models import FollowUp

    loss = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    actions.add_participants(by=author, loss=loss, members=[colleague])
    first = FollowUp.objects.filter(member=colleague, loss=loss).order_by("due_at").first()
    assert first is not None and first.day == 1
    send_due_follow_ups(now=first.due_at)
    client = client_for(colleague)
    url = reverse("followups:answer", kwargs={"code": first.code})

    page = client.get(url).content.decode()
    response = client.post(url, {"answer": "talk_again"})

    assert "after the loss on your unit" in page and "only you see your answer" in page
    assert "d like to talk to a peer</button>" in page
    support_request = SupportRequest.objects.get(requester=colleague)
    assert response["Location"].endswith(f"/support/requests/{support_request.code}/")
