"""A clinician asks for support and a peer supporter answers: two phones, side by side."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import (
    CrisisResourceFactory,
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)
from alongside.support_requests.models import SupportRequest
from alongside.support_requests.tests.factories import put_on_call

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
