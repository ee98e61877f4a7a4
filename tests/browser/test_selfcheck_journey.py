"""A nurse takes the PHQ-9 on her phone: one question per screen, the answer to question 9
brings the crisis lines and a person onto the same screen, and the result page puts them above
the score. Her trend chart draws once she has three results."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import (
    CrisisResourceFactory,
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)
from alongside.selfchecks.actions import complete_self_check
from alongside.selfchecks.models import SelfCheck
from alongside.support_requests.models import SupportRequest
from alongside.support_requests.tests.factories import put_on_call

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer(page: Any, number: int, label: str) -> None:
    question = page.locator(f"#question-{number}")
    question.get_by_label(label, exact=True).check()


def test_phq9_item_9_shows_help_above_the_score_and_talk_now_pages_a_peer(phone: Any) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    nurse: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Nia Reyes", user__email="nia@x.test"
    )
    put_on_call(
        MembershipFactory.create(
            organisation=organisation, is_peer_supporter=True, user__email="maria@x.test"
        )
    )
    CrisisResourceFactory.create(
        organisation=organisation,
        name="Staff wellbeing line",
        kind="employee_assistance",
        phone="555 0142",
    )
    page = phone.page

    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    page.get_by_role("link", name="Self-checks").click()
    page.wait_for_url("**/self-checks/")
    phone.check("self-check-list")
    page.get_by_role("link", name="PHQ-9", exact=True).click()

    # One question per screen on a phone, with progress (once the page's script has run).
    page.locator("#question-2").wait_for(state="hidden")
    assert page.locator("#question-1").is_visible() and not page.locator("#question-2").is_visible()
    assert "Question 1 of 9" in page.locator("[data-progress]").inner_text()
    phone.check("phq9-question-1")
    for number in range(1, 9):
        _answer(page, number, "Not at all")
        page.get_by_role("button", name="Next").click()
    assert page.locator("#question-9").is_visible()

    # The answers so far reach the server, as they are given: a reload loses none of them.
    deadline = time.monotonic() + 10
    while SelfCheck.objects.get(member=nurse).answers[:8] != [0] * 8:
        assert time.monotonic() < deadline, "the first eight answers never reached the server"
        time.sleep(0.1)
    page.reload()
    page.locator("#question-1").wait_for(state="hidden")
    assert page.locator("#question-9").is_visible()
    assert SelfCheck.objects.get(member=nurse).answers[:8] == [0] * 8

    safety = page.locator("#question-9 .safety-now")
    assert not safety.is_visible()
    _answer(page, 9, "Several days")
    assert safety.is_visible() and "555 0142" in safety.inner_text()
    phone.check("phq9-question-9-with-help")

    page.get_by_role("button", name="See my result").click()
    page.wait_for_url("**/self-checks/results/**")
    net = page.locator("[data-safety-net]")
    figure = page.locator(".result-figure")
    assert net.is_visible() and "555 0142" in net.inner_text()
    assert net.bounding_box()["y"] < figure.bounding_box()["y"]
    phone.check("phq9-result-with-safety-net")

    net.get_by_role("button", name="Talk to someone now").click()
    page.wait_for_url("**/support/requests/**")
    assert "Finding someone" in page.content()
    assert SupportRequest.objects.filter(requester=nurse, urgency="now").count() == 1


def test_the_trend_chart_draws_after_three_results(phone: Any) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    nurse: Membership = MembershipFactory.create(
        organisation=organisation, user__name="Nia Reyes", user__email="nia@x.test"
    )
    for days, answers in ((28, [2, 2, 2, 2, 2]), (14, [3, 2, 3, 3, 2])):
        with time_machine.travel(timezone.now() - timedelta(days=days)):
            complete_self_check(by=nurse, instrument="who5", answers=answers)
    page = phone.page
    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")

    # The third, on the phone, on a wide-enough-for-one-page form too.
    phone.goto("/self-checks/who5/")
    page.locator("#question-2").wait_for(state="hidden")
    for number in range(1, 6):
        _answer(page, number, "Most of the time")
        if number < 5:
            page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url("**/self-checks/results/**")
    assert "80%" in page.content() and "a change in a good direction" in page.content()
    page.get_by_role("link", name="Your results over time").click()
    page.wait_for_url("**/self-checks/who5/history/")

    canvas = page.locator("#trend-chart")
    canvas.wait_for()
    expect(canvas).to_have_attribute("data-drawn", "true")
    assert canvas.bounding_box()["height"] > 100
    assert page.locator("table tbody tr").count() == 3
    phone.check("who5-history-chart")
