"""After a death on the unit: a charge nurse records it on her phone, two colleagues join with
the code on her screen and a third is added by name, the team pauses and holds a short
debrief with one action point, the colleague who says yes is paged a peer, and the action
point is closed by its owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alongside.losses.actions import (
    NewActionPoint,
    close_action_point,
    hold_pause,
    record_debrief,
    record_loss,
)
from alongside.losses.models import ActionPoint, LossEvent, Participant
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)
from alongside.support_requests.models import Page, SupportRequest
from alongside.support_requests.tests.factories import put_on_call

from .conftest import Phone
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _join(phone: Phone, email: str, code: str) -> None:
    sign_in(phone, email)
    phone.page.wait_for_url(f"{phone.base_url}/")
    phone.page.get_by_role("link", name="Join with a colleague's code").click()
    phone.page.get_by_label("The code on your colleague's screen").fill(code.lower())
    phone.page.get_by_role("button", name="I was there").click()
    phone.page.wait_for_url("**/losses/offers/**")
    assert "That was a hard one" in phone.page.content()


def test_a_loss_is_recorded_the_team_pauses_and_debriefs_and_each_colleague_is_offered_a_peer(
    phone: Any, another_phone: Callable[[str], Phone]
) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    nurse: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Nia Reyes", user__email="nia@x.test"
    )
    rafael: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Rafael Diaz", user__email="raf@x.test"
    )
    tomas: Membership = MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Tomas Okafor", user__email="tom@x.test"
    )
    MembershipFactory.create(
        organisation=organisation, units=[icu], user__name="Priya Shah", user__email="pri@x.test"
    )
    supporter = MembershipFactory.create(
        organisation=organisation, is_peer_supporter=True, user__email="maria@x.test"
    )
    put_on_call(supporter)
    page = phone.page

    # The charge nurse records it: one screen, nothing about the patient.
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

    # Two colleagues join with the code on her screen, each on their own phone.
    rafael_phone, tomas_phone = another_phone("rafael"), another_phone("tomas")
    _join(rafael_phone, "raf@x.test", loss.join_code)
    rafael_phone.check("the-offer")
    _join(tomas_phone, "tom@x.test", loss.join_code)
    tomas_phone.page.get_by_role("button", name="I'm ok").click()
    # (content() read mid-navigation can come back empty: wait for the page's words.)
    expect(tomas_phone.page.locator("body")).to_contain_text("Thank you for letting us know")

    # A third is added by name (type-ahead).
    page.reload()
    page.get_by_label("Add a colleague who was there").fill("Pri")
    page.get_by_role("button", name="Add Priya Shah").click()
    page.wait_for_url("**/losses/*/")
    assert "Priya Shah is added" in page.content()
    assert Notification.objects.filter(
        recipient__email="pri@x.test", link__startswith="/losses/offers/"
    ).exists()

    # The pause, then the debrief with one action point for Rafael.
    page.get_by_role("link", name="A pause for the person who died").click()
    page.wait_for_url("**/pause/")
    assert page.locator(".pause-circle").is_visible()
    phone.check("the-pause")
    page.get_by_role("button", name="Done: on to a short debrief").click()
    page.wait_for_url("**/debrief/")
    page.locator("#id_points-0-text").fill("Check the defibrillator pads on every trolley")
    page.locator("#id_points-0-owner").select_option(label="Rafael Diaz")
    page.locator("#id_points-0-due_on").fill("2031-01-31")
    phone.check("debrief")
    page.get_by_role("button", name="Record the action points").click()
    page.wait_for_url("**/losses/*/")
    assert "1 action point is recorded" in page.content()
    phone.check("who-was-there")
    loss.refresh_from_db()
    assert loss.paused_at is not None and loss.debriefed_at is not None

    # Rafael says yes: a peer supporter is paged. Then he closes his action point.
    other = rafael_phone.page
    other.get_by_role("button", name="Yes, I'd like to talk").click()
    other.wait_for_url("**/support/requests/**")
    assert "Finding someone" in other.content()
    request = SupportRequest.objects.get(requester=rafael)
    assert Page.objects.filter(support_request=request, recipient=supporter).exists()
    rafael_phone.goto("/")
    other.get_by_role("link", name="1 action point from a debrief is yours").click()
    other.wait_for_url("**/losses/action-points/")
    rafael_phone.check("action-points")
    other.get_by_role("button", name="Mark as done").click()
    expect(other.locator("body")).to_contain_text("Thank you for seeing it through")
    assert not ActionPoint.objects.get().is_open

    # Nobody's answer is shown to anyone else.
    assert Participant.objects.filter(loss=loss).count() == 4
    page.reload()
    assert "I'm ok" not in page.locator("#people-heading").locator("..").inner_text()
    assert nurse.pk == loss.recorded_by_id and tomas.pk != rafael.pk


def test_a_coordinator_sees_how_often_teams_paused_and_debriefed(phone: Phone) -> None:
    organisation = OrganisationFactory.create(
        name="Demo General Hospital", requires_mfa_for_leads=False
    )
    icu = UnitFactory.create(organisation=organisation, name="ICU")
    nurse = MembershipFactory.create(organisation=organisation, units=[icu])
    MembershipFactory.create(
        organisation=organisation, is_coordinator=True, user__email="cora@x.test"
    )
    first = record_loss(by=nurse, unit=icu, kind="unexpected")
    record_loss(by=nurse, unit=icu, kind="expected")
    hold_pause(by=nurse, loss=first)
    (point,) = record_debrief(
        by=nurse,
        loss=first,
        action_points=[NewActionPoint("Restock the airway trolley", nurse, timezone.localdate())],
    )
    close_action_point(by=nurse, action_point=point)

    sign_in(phone, "cora@x.test")
    phone.page.wait_for_url(f"{phone.base_url}/")
    phone.goto("/losses/action-points/")
    content = phone.page.content()
    assert "The team paused after 50% of them" in content
    assert "1 of 1 action points done (100%), 1 of them by their due date" in content
    phone.check("coordinator-loss-figures")
