from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.organisations.models import Membership
from alongside.selfchecks.actions import complete_self_check, save_draft
from alongside.selfchecks.models import SelfCheck, SelfCheckReminder
from alongside.support_requests.models import SupportRequest
from conftest import client_for

pytestmark = pytest.mark.django_db

TAKE = "/self-checks/phq9/"


def _answers(values: list[int]) -> dict[str, str]:
    return {f"q{n}": str(v) for n, v in enumerate(values, start=1)}


def test_the_list_offers_every_instrument(as_author: Client) -> None:
    page = as_author.get("/self-checks/").content.decode()

    for name in (
        "PHQ-9",
        "PHQ-2",
        "GAD-7",
        "GAD-2",
        "PCL-5",
        "ProQOL",
        "Brief Resilience",
        "WHO-5",
    ):
        assert name in page
    assert "Mini-Z" in page


def test_the_form_shows_the_published_wording_and_marks_the_safety_answers(
    as_author: Client,
) -> None:
    page = as_author.get(TAKE).content.decode()

    assert "Little interest or pleasure in doing things" in page
    assert "Thoughts that you would be better off dead or of hurting yourself in some way" in page
    assert "More than half the days" in page and "Developed by Drs. Robert L. Spitzer" in page
    # Item 9's answers 1-3 reveal the crisis lines on the same screen (CSS :has, no script).
    assert page.count("data-safety") == 3
    assert 'class="safety-now' in page and 'form="talk-now"' in page


def test_a_complete_form_goes_to_the_result(as_author: Client, author: Membership) -> None:
    response = as_author.post(TAKE, _answers([1, 1, 2, 1, 0, 1, 1, 0, 0]))

    self_check = SelfCheck.objects.get(member=author)
    assert response.status_code == 302
    assert response["Location"] == reverse("selfchecks:result", kwargs={"code": self_check.code})
    page = as_author.get(response["Location"]).content.decode()
    assert "7" in page and "out of 27" in page and "not a diagnosis" in page
    assert "data-safety-net" not in page and "first result" in page


def test_a_missing_answer_says_which_and_keeps_every_other_answer(as_author: Client) -> None:
    answers = _answers([1, 1, 2, 1, 0, 1, 1, 0, 0])
    del answers["q4"]

    response = as_author.post(TAKE, answers)

    page = response.content.decode()
    assert response.status_code == 200 and "Please answer question 4" in page
    assert page.count("checked") == 8
    again = as_author.get(TAKE).content.decode()
    assert again.count("checked") == 8  # kept as a draft: a reload loses nothing


def test_answers_are_kept_as_they_are_given(as_author: Client, author: Membership) -> None:
    response = as_author.post("/self-checks/phq9/draft/", {"q1": "2", "q2": "1"})

    assert response.status_code == 204
    draft = SelfCheck.objects.get(member=author, completed_at__isnull=True)
    assert draft.answers == [2, 1, None, None, None, None, None, None, None]
    assert 'value="2"\n        checked' in as_author.get(TAKE).content.decode()


def test_a_draft_with_an_answer_out_of_range_is_refused(as_author: Client) -> None:
    assert as_author.post("/self-checks/phq9/draft/", {"q1": "9"}).status_code == 400
    assert not SelfCheck.objects.exists()


def test_a_draft_for_an_unknown_instrument_is_refused(as_author: Client) -> None:
    assert as_author.post("/self-checks/sf36/draft/", {"q1": "1"}).status_code == 404


def test_item_9_puts_the_crisis_lines_and_a_person_above_the_score(
    as_author: Client, author: Membership
) -> None:
    response = as_author.post(TAKE, _answers([0, 0, 0, 0, 0, 0, 0, 0, 1]), follow=True)

    page = response.content.decode()
    assert page.index("data-safety-net") < page.index("result-figure")
    assert page.index("Talk to someone now") < page.index("result-figure")
    assert "988" in page or "tel:" in page  # the organisation's crisis lines
    talk = as_author.post(reverse("support_requests:request-new"))
    assert talk.status_code == 302 and SupportRequest.objects.filter(requester=author).exists()


def test_the_result_shows_the_change_since_last_time(as_author: Client, author: Membership) -> None:
    with time_machine.travel(timezone.now() - timedelta(days=14)):
        complete_self_check(by=author, instrument="gad7", answers=[2, 2, 2, 2, 2, 2, 2])
    latest = complete_self_check(by=author, instrument="gad7", answers=[1, 1, 1, 1, 1, 1, 0])

    page = as_author.get(reverse("selfchecks:result", kwargs={"code": latest.code})).content
    assert "14 → 6" in page.decode() and "a change in a good direction" in page.decode()


def test_proqol_shows_three_subscales_and_no_total(as_author: Client, author: Membership) -> None:
    done = complete_self_check(by=author, instrument="proqol5", answers=[3] * 30)

    page = as_author.get(reverse("selfchecks:result", kwargs={"code": done.code})).content.decode()

    assert "The good you get from your work" in page and "Feeling worn out or stuck" in page
    assert "out of" not in page


def test_history_has_chart_data_and_the_same_figures_in_a_table(
    as_author: Client, author: Membership
) -> None:
    for days, answers in ((21, [3, 3, 3, 3, 3]), (7, [2, 2, 2, 2, 2]), (0, [4, 4, 4, 4, 4])):
        with time_machine.travel(timezone.now() - timedelta(days=days)):
            complete_self_check(by=author, instrument="who5", answers=answers)

    page = as_author.get("/self-checks/who5/history/").content.decode()

    data = json.loads(
        page.split('id="trend-data" type="application/json">')[1].split("</script>")[0]
    )
    assert data["series"][0]["values"] == [60, 40, 80] and data["max"] == 100
    for figure in ("60%", "40%", "80%"):
        assert f"<td>{figure}</td>" in page
    assert "chart-4.6.1.umd.min.js" in page and 'role="img"' in page


def test_a_reminder_is_set_from_the_history_page(as_author: Client, author: Membership) -> None:
    response = as_author.post("/self-checks/brs/history/", {"rhythm": "weekly"})

    assert response.status_code == 302
    assert SelfCheckReminder.objects.get(member=author).rhythm == "weekly"
    assert "Next reminder" in as_author.get("/self-checks/brs/history/").content.decode()


def test_the_person_can_delete_a_result(as_author: Client, author: Membership) -> None:
    done = complete_self_check(by=author, instrument="gad2", answers=[1, 1])

    response = as_author.post(reverse("selfchecks:result-delete", kwargs={"code": done.code}))

    assert response.status_code == 302 and not SelfCheck.objects.exists()


@pytest.mark.parametrize("persona", ["colleague", "coordinator", "org_admin", "outsider"])
def test_nobody_else_can_see_or_delete_a_result(
    request: pytest.FixtureRequest, author: Membership, persona: str
) -> None:
    done = complete_self_check(by=author, instrument="phq9", answers=[0] * 8 + [2])
    other = client_for(request.getfixturevalue(persona))

    seen = other.get(reverse("selfchecks:result", kwargs={"code": done.code}))
    deleted = other.post(reverse("selfchecks:result-delete", kwargs={"code": done.code}))
    history = other.get("/self-checks/phq9/history/").content.decode()

    assert seen.status_code == 404 and deleted.status_code == 404
    assert SelfCheck.objects.filter(pk=done.pk).exists()
    assert reverse("selfchecks:result", kwargs={"code": done.code}) not in history


def test_signed_out_visitors_are_sent_to_sign_in(author: Membership) -> None:
    done = complete_self_check(by=author, instrument="gad2", answers=[1, 1])

    response = Client().get(reverse("selfchecks:result", kwargs={"code": done.code}))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_draft_is_not_a_result(as_author: Client, author: Membership) -> None:
    draft = save_draft(by=author, instrument="gad2", answers=[1, None])

    assert (
        as_author.get(reverse("selfchecks:result", kwargs={"code": draft.code})).status_code == 404
    )


def test_in_spanish_the_phq9_is_the_authorised_spanish_version(
    as_author: Client, author: Membership
) -> None:
    author.user.language = "es"
    author.user.save(update_fields=["language"])

    page = as_author.get(TAKE, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera" in page
    assert "Ningún día" in page and 'lang="es"' in page
    assert "no tiene una traducción autorizada" not in page


def test_in_spanish_an_english_only_instrument_says_so_and_stays_as_published(
    as_author: Client, author: Membership
) -> None:
    author.user.language = "es"
    author.user.save(update_fields=["language"])

    page = as_author.get("/self-checks/who5/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "no tiene una traducción autorizada" in page
    assert "I have felt cheerful and in good spirits" in page and 'lang="en"' in page
