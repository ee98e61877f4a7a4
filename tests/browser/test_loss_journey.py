"""After a death on the unit: a charge nurse records it on her phone, a colleague joins with
the code on her screen, another is added by name, and the one who says yes is paged a peer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from alongside.losses.models import LossEvent, Participant
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)
from alongside.support_requests.models import Page, SupportRequest
from alongside.support_requests.tests.factories import put_on_call

from .conftest import PHONE, Phone
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_phone(browser: Any, live_server: Any) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="en-GB"
    )
    yield Phone(context.new_page(), live_server.url, "colleague")
    context.close()


def test_a_charge_nurse_records_a_loss_and_a_colleague_who_joins_by_code_is_paged_a_peer(
    phone: Any, second_phone: Any
) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    nurse: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Nia Reyes", user__email="nia@x.test"
    )
    MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Tomas Okafor", user__email="tom@x.test"
    )
    rafael: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Rafael Diaz", user__email="raf@x.test"
    )
    supporter = MembershipFactory.create(
        organisation=organisation, is_peer_supporter=True, user__email="maria@x.test"
    )
    put_on_call(supporter)
    page, other = phone.page, second_phone.page

    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    page.get_by_role("link", name="Record a loss").click()
    page.wait_for_url("**/losses/new/")
    page.get_by_label("After resuscitation").check()
    phone.check("record-a-loss")
    page.get_by_role("button", name="Record and add who was there").click()
    page.wait_for_url("**/losses/*/")
    loss = LossEvent.objects.get()
    assert page.locator(".join-code").inner_text() == loss.join_code
    assert page.locator(".join-qr svg").is_visible()
    phone.check("join-code-and-qr")

    # Type-ahead: Tomas is added by name.
    page.get_by_label("Add a colleague who was there").fill("Tom")
    page.get_by_role("button", name="Add Tomas Okafor").click()
    page.wait_for_url("**/losses/*/")
    assert "Tomas Okafor is added" in page.content()

    # Rafael joins with the code on Nia's screen, on his own phone.
    sign_in(second_phone, "raf@x.test")
    other.wait_for_url(f"{second_phone.base_url}/")
    other.get_by_role("link", name="Join with a colleague's code").click()
    other.get_by_label("The code on your colleague's screen").fill(loss.join_code.lower())
    second_phone.check("join-with-code")
    other.get_by_role("button", name="I was there").click()
    other.wait_for_url("**/losses/offers/**")
    assert "That was a hard one" in other.content()
    second_phone.check("the-offer")
    other.get_by_role("button", name="Yes, I'd like to talk").click()
    other.wait_for_url("**/support/requests/**")
    assert "Finding someone" in other.content()

    request = SupportRequest.objects.get(requester=rafael)
    assert Page.objects.filter(support_request=request, recipient=supporter).exists()
    assert Participant.objects.filter(loss=loss).count() == 3
    assert Notification.objects.filter(
        recipient__email="tom@x.test", link__startswith="/losses/offers/"
    ).exists()

    # Nia's own offer is on her screen; the list shows names, never answers.
    page.reload()
    assert "Rafael Diaz" in page.content()
    assert page.get_by_role("button", name="Yes, I'd like to talk").is_visible()
    phone.check("who-was-there")
    assert nurse.pk == loss.recorded_by_id
