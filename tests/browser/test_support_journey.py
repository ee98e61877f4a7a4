"""A clinician asks for support and a peer supporter answers: two phones, side by side, and
the check-in of the next day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from typing import Any
from urllib.parse import urlsplit

import pytest

from alongside.followups.actions import send_due_follow_ups
from alongside.followups.models import FollowUp
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import (
    CrisisResourceFactory,
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)
from alongside.support_requests.models import SupportRequest
from alongside.support_requests.tests.factories import ShiftFactory, put_on_call

from .conftest import PHONE, Phone
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_phone(browser: Any, live_server: Any) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="en-GB"
    )
    yield Phone(context.new_page(), live_server.url, "supporter")
    context.close()


def test_a_nurse_asks_a_supporter_accepts_and_records_the_talk_with_a_referral(
    phone: Any, second_phone: Any
) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    nurse: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Nia Reyes", user__email="nia@x.test"
    )
    maria = MembershipFactory.create(
        organisation=organisation,
        is_peer_supporter=True,
        user__name="Maria Santos",
        user__email="maria@x.test",
    )
    put_on_call(maria)
    CrisisResourceFactory.create(
        organisation=organisation,
        name="Employee Assistance Program",
        kind="employee_assistance",
        phone="555 0142",
    )
    clinician, supporter = phone.page, second_phone.page

    # The nurse: one tap from the home page.
    sign_in(phone, "nia@x.test")
    clinician.wait_for_url(f"{phone.base_url}/")
    phone.check("home-with-ask-button")
    clinician.get_by_role("button", name="Ask a peer to call me now").click()
    clinician.wait_for_url("**/support/requests/**")
    assert "Finding someone" in clinician.content()
    phone.check("finding-someone")

    # Maria: the page arrives in her list.
    sign_in(second_phone, "maria@x.test")
    supporter.wait_for_url(f"{second_phone.base_url}/")
    assert "1 request is waiting" in supporter.content()
    second_phone.check("supporter-home-with-a-page")
    supporter.get_by_role("link", name="See requests").click()
    second_phone.check("requests-for-you")
    supporter.get_by_role("link", name="See it and take it").click()
    second_phone.check("request-to-take")
    supporter.get_by_label("I'll be in touch within").select_option("15")
    supporter.get_by_role("button", name="I'll take it").click()
    supporter.wait_for_load_state()
    assert "Nia Reyes" in supporter.content()
    second_phone.check("request-taken")

    # The nurse's page changes by itself, with no reload.
    clinician.get_by_text("Maria Santos, a peer supporter, has your request").wait_for(
        timeout=10_000
    )
    assert "call you within 15 minutes" in clinician.content()
    phone.check("supporter-has-it")

    # Maria records the talk, with a referral to the employee assistance programme.
    supporter.get_by_role("link", name="We spoke").click()
    supporter.wait_for_url("**/talked/")
    assert "555 0142" in supporter.content()
    supporter.get_by_label("Referred to employee assistance").check()
    supporter.get_by_label("Who did you refer them to?").select_option(
        label="Employee Assistance Program"
    )
    supporter.get_by_label("A private note for yourself (optional)").fill("Check in Friday.")
    second_phone.check("we-spoke-form")
    supporter.get_by_role("button", name="Save and close").click()
    supporter.wait_for_url("**/support/pages/")
    second_phone.check("after-closing")

    clinician.get_by_text("Maria Santos noted that you spoke").wait_for(timeout=10_000)
    phone.check("noted-that-you-spoke")
    support_request = SupportRequest.objects.get()
    assert support_request.status == SupportRequest.Status.CLOSED
    assert support_request.encounter.referred_to == "Employee Assistance Program"
    assert support_request.requester == nurse

    # The next day, a check-in reaches the nurse. She is not doing great, and asks for Maria.
    first = FollowUp.objects.filter(member=nurse).order_by("day").first()
    assert first is not None and first.day == 1
    assert send_due_follow_ups(now=first.due_at) == 1
    phone.goto("/")
    clinician.get_by_role("link", name="Tell us how you are").click()
    clinician.wait_for_url("**/check-ins/**")
    phone.check("check-in")
    clinician.get_by_role("button", name="Not great").click()
    clinician.get_by_text("Thank you for telling us.").wait_for()
    assert "tel:" in clinician.content()  # the lines to call, on the same screen
    phone.check("check-in-not-great")
    clinician.get_by_role("button", name="Ask Maria Santos to get in touch").click()
    clinician.wait_for_url("**/support/requests/**")
    assert "We've asked Maria Santos" in clinician.content()
    phone.check("asked-maria-again")

    # Maria sees her latest answer, and the new request arrives in her list.
    second_phone.goto("/check-ins/people/")
    assert "Nia Reyes" in supporter.content()
    assert "I'd like to talk again" in supporter.content()
    second_phone.check("how-your-people-are-doing")
    second_phone.goto("/support/pages/")
    supporter.get_by_role("link", name="See it and take it").wait_for()


def test_a_coordinator_sees_the_gaps_and_sets_up_how_they_are_reached(phone: Any) -> None:
    organisation = OrganisationFactory.create(
        name="Demo General Hospital", time_zone="Europe/London", requires_mfa_for_leads=False
    )
    lead = MembershipFactory.create(
        organisation=organisation,
        is_peer_supporter=True,
        is_coordinator=True,
        user__name="Priya Patel",
        user__email="priya@x.test",
    )
    for day in range(5):
        ShiftFactory.create(supporter=lead, weekday=day, starts=time(8), ends=time(20))
    page = phone.page

    sign_in(phone, "priya@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    assert "Pages reach you only by email" in page.content()
    phone.check("home-no-channel")
    page.get_by_role("link", name="How we reach you").first.click()
    page.get_by_label("Apprise address").fill("slack://")
    page.get_by_role("button", name="Add").click()
    page.get_by_text("We couldn't read that address").wait_for()
    assert page.get_by_label("Apprise address").input_value() == "slack://"
    phone.check("channel-address-refused")
    phone.goto("/support/coverage/")
    assert "Hours with nobody on call" in page.content()
    assert "Nobody, not even a backup" in page.content()
    phone.check("coverage")

    phone.goto("/support/availability/")
    page.get_by_role("button", name="Make my private calendar link").click()
    link = page.get_by_label("Your private calendar link").input_value()
    assert "/support/calendar/" in link and link.endswith(".ics")
    phone.check("calendar-link")
    response = page.request.get(phone.base_url + urlsplit(link).path)  # SITE_URL is not this server
    assert response.ok and b"On call for peer support" in response.body()
