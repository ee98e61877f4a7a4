"""The hospital's records feed, set up and used: an org admin connects it and fills its code
table and staff identifiers on her phone; a death arrives from the EHR over MLLP; the nurse
the record names finds the private offer waiting on her own phone."""

from __future__ import annotations

import random
import socket
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alongside.losses import actions, mllp
from alongside.losses.models import EhrFeed, FeedUnitCode, HowAdded, LossEvent, StaffIdentifier
from alongside.losses.tests.hl7_messages import Adt, ack_code, patient, recv_ack, running
from alongside.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)

from .conftest import Phone
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_connects_the_feed_and_a_death_in_the_records_reaches_the_nurse(
    phone: Phone,
) -> None:
    organisation = OrganisationFactory.create(
        name="Demo General Hospital", requires_mfa_for_leads=False, time_zone="UTC"
    )
    UnitFactory.create(organisation=organisation, name="Intensive care")
    MembershipFactory.create(organisation=organisation, is_org_admin=True, user__email="ada@x.test")
    nurse = MembershipFactory.create(organisation=organisation, user__email="nia@x.test")
    page = phone.page

    sign_in(phone, "ada@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    page.get_by_role("link", name="Hospital records feed").click()
    page.wait_for_url("**/losses/feed/")
    phone.check("feed-settings-empty")

    # A code table line naming no unit keeps what was typed and says which line.
    page.get_by_label("Code table").fill("ICU, Intensive care\n5E, Fifth floor")
    page.get_by_role("button", name="Save the code table").click()
    expect(page.locator("body")).to_contain_text("Line 2")  # the new page, not the old one
    assert "ICU, Intensive care" in page.get_by_label("Code table").input_value()
    page.get_by_label("Code table").fill("ICU, Intensive care")
    page.get_by_role("button", name="Save the code table").click()
    page.get_by_role("textbox", name="Staff identifiers").fill("1234, nia@x.test")
    page.get_by_role("button", name="Save the staff identifiers").click()
    page.get_by_label("Take losses from the hospital's records").check()
    page.get_by_label("Receiving facility (MSH-6)").fill("DEMO")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Make a FHIR token").click()
    token = page.locator("code.token").inner_text()
    assert token.startswith("alf_")
    phone.check("feed-settings-token")
    assert FeedUnitCode.objects.get().code == "ICU"
    assert StaffIdentifier.objects.get().member == nurse
    assert EhrFeed.objects.get(organisation=organisation).is_enabled

    # The EHR sends a death over MLLP to a real listener.
    now = timezone.now()
    death = Adt(
        patient(random.Random(3), 3, now=now),
        facility="DEMO",
        staff=[("7", "1234", "REYES")],
        died_at=(now - timedelta(minutes=40)).replace(tzinfo=None),
    )
    with (
        running(mllp.Listener(workers=1)) as address,
        socket.create_connection(address, timeout=10) as sock,
    ):
        sock.sendall(death.framed())
        assert ack_code(recv_ack(sock)) == "AA"
    loss = LossEvent.objects.get()
    assert loss.participants.get().how_added == HowAdded.FEED
    assert actions.send_due_offers() == 1  # the tick

    # The nurse finds the offer waiting on her own phone, and what the loss page says.
    page.context.clear_cookies()
    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    assert "That was a hard one" in page.content()
    phone.check("home-with-feed-offer")
    page.goto(f"{phone.base_url}/losses/{loss.code}/")
    assert "from the hospital's records" in page.content()
    phone.check("feed-loss-detail")
