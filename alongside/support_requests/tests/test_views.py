from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localtime

from alongside.organisations.models import Membership
from alongside.support_requests.actions import accept_support_request, open_support_request
from alongside.support_requests.models import Encounter, SupportRequest
from conftest import client_for

from .conftest import Rota

pytestmark = pytest.mark.django_db


def test_one_tap_from_the_home_page_asks_for_a_call_now(
    as_author: Client, author: Membership, rota: Rota
) -> None:
    home = as_author.get("/")
    assert b"Ask a peer to call me now" in home.content

    response = as_author.post(reverse("support_requests:request-new"))

    support_request = SupportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "support_requests:request-detail", kwargs={"code": support_request.code}
    )
    assert support_request.requester == author and support_request.urgency == "now"
    status = as_author.get(response["Location"])
    assert "Finding someone" in status.content.decode()
    assert b"Withdraw my request" in status.content
    assert b"tel:988" in status.content  # crisis lines stay one tap away while waiting


def test_an_over_long_note_is_refused_with_the_limit_and_the_text_kept(
    as_author: Client, rota: Rota
) -> None:
    note = "I keep going over it. " * 30

    response = as_author.post(
        reverse("support_requests:request-new"),
        {"note": note, "urgency": "today", "contact_method": "text"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "500 characters" in body
    assert note.strip() in body
    assert SupportRequest.objects.count() == 0


def test_the_status_fragment_updates_when_a_supporter_accepts(
    as_author: Client, author: Membership, rota: Rota
) -> None:
    support_request = open_support_request(by=author)
    url = reverse("support_requests:request-detail", kwargs={"code": support_request.code})

    waiting = as_author.get(url, headers={"HX-Request": "true"})
    accept_support_request(
        by=rota.on_call[0], support_request=support_request, contact_within_minutes=15
    )
    taken = as_author.get(url, headers={"HX-Request": "true"})

    assert b"<html" not in waiting.content and b"Finding someone" in waiting.content
    assert (
        "Sam Sameunit, a peer supporter, has your request" in taken.content.decode()
        and "call you within 15 minutes" in taken.content.decode()
    )


def test_a_supporter_accepts_records_the_talk_with_a_referral_and_the_requester_sees_it(
    as_author: Client, author: Membership, rota: Rota
) -> None:
    author.user.phone = "555 0123"
    author.user.save()
    support_request = open_support_request(by=author, note="Alpha hard night")
    supporter = client_for(rota.on_call[0])
    respond = reverse("support_requests:respond", kwargs={"code": support_request.code})

    before = supporter.get(respond).content.decode()
    assert "Alpha hard night" not in before and "555 0123" not in before
    assert supporter.post(respond, {"contact_within_minutes": "15"}).status_code == 302
    after = supporter.get(respond).content.decode()
    assert "Alpha hard night" in after and "555 0123" in after
    assert author.user.display_name in after

    eap = author.organisation.crisis_resources.create(
        name="Alpha EAP", kind="employee_assistance", phone="555 0142"
    )
    talked = reverse("support_requests:encounter", kwargs={"code": support_request.code})
    form = supporter.get(talked).content.decode()
    assert "Alpha EAP" in form and "555 0142" in form
    response = supporter.post(
        talked,
        {
            "spoke_at": localtime(
                support_request.created_at, ZoneInfo(author.organisation.time_zone)
            ).strftime("%Y-%m-%dT%H:%M"),
            "outcome": "employee_assistance",
            "referred_to": str(eap.pk),
            "note": "Alpha: follow up about the review",
            "was_hard": "on",
        },
    )

    assert response.status_code == 302
    encounter = Encounter.objects.get()
    assert encounter.referred_to == "Alpha EAP" and encounter.was_hard
    status = as_author.get(
        reverse("support_requests:request-detail", kwargs={"code": support_request.code})
    ).content.decode()
    assert "Sam Sameunit noted that you spoke" in status
    assert "follow up about the review" not in status


def test_a_second_supporter_sees_already_taken(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)
    accept_support_request(by=rota.on_call[0], support_request=support_request)
    late = client_for(rota.on_call[1])

    response = late.post(
        reverse("support_requests:respond", kwargs={"code": support_request.code}),
        {"contact_within_minutes": "15"},
        follow=True,
    )

    assert "already taken" in response.content.decode()
    support_request.refresh_from_db()
    assert support_request.supporter == rota.on_call[0]


def test_the_inbox_lists_pages_and_its_fragment_polls(rota: Rota, author: Membership) -> None:
    open_support_request(by=author)
    supporter = client_for(rota.on_call[0])

    page = supporter.get(reverse("support_requests:page-list"))
    fragment = supporter.get(reverse("support_requests:page-list"), headers={"HX-Request": "true"})

    assert b"Would like to talk now" in page.content and b'hx-trigger="every 5s"' in page.content
    assert b"<html" not in fragment.content and b"See it and take it" in fragment.content


@pytest.mark.parametrize("persona", ["colleague", "coordinator", "outsider"])
def test_nobody_but_the_requester_sees_their_status_page(
    author: Membership, rota: Rota, persona: str, request: pytest.FixtureRequest
) -> None:
    support_request = open_support_request(by=author)
    client = client_for(request.getfixturevalue(persona))

    url = reverse("support_requests:request-detail", kwargs={"code": support_request.code})
    withdraw = reverse("support_requests:request-withdraw", kwargs={"code": support_request.code})

    assert client.get(url).status_code == 404
    assert client.post(withdraw).status_code == 404


@pytest.mark.parametrize("persona", ["author", "colleague", "coordinator", "outsider"])
def test_only_paged_people_open_the_request_to_answer_it(
    author: Membership, rota: Rota, persona: str, request: pytest.FixtureRequest
) -> None:
    support_request = open_support_request(by=author)
    client = client_for(request.getfixturevalue(persona))

    url = reverse("support_requests:respond", kwargs={"code": support_request.code})

    assert client.get(url).status_code == 404
    assert client.post(url, {"contact_within_minutes": "15"}).status_code == 404
    support_request.refresh_from_db()
    assert support_request.supporter is None


def test_a_coordinator_manages_the_rota_and_a_supporter_their_time_off(
    as_coordinator: Client, rota: Rota
) -> None:
    supporter = rota.backup
    response = as_coordinator.post(
        reverse("support_requests:rota"),
        {
            "supporter": supporter.pk,
            "tier": "primary",
            "weekday": "2",
            "starts": "22:00",
            "ends": "06:00",
        },
    )
    assert response.status_code == 302
    assert supporter.shifts.filter(weekday=2, tier="primary").get().is_overnight

    as_supporter = client_for(supporter)
    bad = as_supporter.post(
        reverse("support_requests:availability"),
        {"starts_at": "2030-01-02T10:00", "ends_at": "2030-01-01T10:00"},
    )
    assert b"The end must be after the start" in bad.content
    assert b'value="2030-01-02T10:00"' in bad.content
    ok = as_supporter.post(
        reverse("support_requests:availability"),
        {"starts_at": "2030-01-01T10:00", "ends_at": "2030-01-02T10:00"},
    )
    assert ok.status_code == 302 and supporter.time_off.count() == 1


def test_clinicians_do_not_reach_the_rota_or_the_programme_list(as_author: Client) -> None:
    assert as_author.get(reverse("support_requests:rota")).status_code == 404
    assert as_author.get(reverse("support_requests:programme")).status_code == 404
    assert as_author.get(reverse("support_requests:availability")).status_code == 404
