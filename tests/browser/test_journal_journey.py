"""A nurse writes in her journal on her phone after a night shift: every word is saved as she
types, through a dropped connection and an expired session, and she finds it again."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from alongside.journal.models import JournalEntry
from alongside.organisations.tests.factories import MembershipFactory, OrganisationFactory
from alongside.support_requests.models import SupportRequest

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _status(page: Any, start: str) -> None:
    expect(page.locator("[data-status]")).to_have_text(re.compile("^" + re.escape(start)))


def _saved(page: Any) -> None:
    _status(page, "Saved at")


def test_no_word_is_lost_to_a_dropped_connection_or_an_expired_session(phone: Any) -> None:
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    MembershipFactory.create(
        organisation=organisation, user__name="Nia Reyes", user__email="nia@x.test"
    )
    page = phone.page
    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    page.get_by_role("link", name="Your journal").click()
    page.get_by_role("link", name="Write").click()
    page.wait_for_url("**/journal/new/")
    page.get_by_text("Need a place to start?").click()
    page.get_by_label("What do I need right now?").check()
    words = page.get_by_label("Your words")
    words.fill("Sleep, and to tell someone about bed nine.")
    page.get_by_label("Tags (optional)").fill("nights, bed nine")
    _saved(page)
    page.wait_for_url("**/journal/*-*/")  # the address is now the entry's own
    phone.check("journal-writing")
    entry = JournalEntry.objects.get()
    assert entry.body == "Sleep, and to tell someone about bed nine." and entry.prompt == "need_now"

    # The connection drops: the words wait on the phone and go when it comes back.
    page.context.set_offline(True)
    words.press("End")
    words.type(" The family thanked us.")
    _status(page, "Not saved yet")
    phone.check("journal-offline")
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    _saved(page)
    entry.refresh_from_db()
    assert entry.body.endswith("The family thanked us.")

    # The session expires while she writes: nothing is lost; she signs in and it is saved.
    page.context.clear_cookies()
    words.type(" I did what I could.")
    _status(page, "You are signed out")
    entry.refresh_from_db()
    assert not entry.body.endswith("I did what I could.")
    edit = page.url
    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    page.goto(edit)
    # The page brings the words back from the phone ("We brought back words...") and saves them
    # at once: the server never had them before.
    for _ in range(50):
        entry.refresh_from_db()
        if entry.body.endswith("I did what I could."):
            break
        page.wait_for_timeout(100)
    assert entry.body.endswith("I did what I could.")
    assert "I did what I could." in page.get_by_label("Your words").input_value()
    for _ in range(30):  # once the server has the words, none are left on the phone
        if page.evaluate("Object.keys(localStorage).length") == 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("Object.keys(localStorage).length") == 0

    # She finds it again.
    phone.goto("/journal/?q=bed+nine")
    assert "The family thanked us" in page.content()
    phone.check("journal-search")


def _writing(phone: Any, first: str) -> Any:
    """Nia signs in, starts an entry with `first` and sees it saved, with no help panel yet;
    the box she types in."""
    organisation = OrganisationFactory.create(name="Demo General Hospital")
    MembershipFactory.create(
        organisation=organisation, user__name="Nia Reyes", user__email="nia@x.test"
    )
    sign_in(phone, "nia@x.test")
    phone.page.wait_for_url(f"{phone.base_url}/")
    phone.goto("/journal/new/")
    words = phone.page.get_by_label("Your words")
    words.fill(first)
    _saved(phone.page)
    assert not phone.page.locator("[data-risk]").is_visible()
    return words


def test_heavy_words_bring_help_onto_the_same_screen_without_stopping_the_writing(
    phone: Any,
) -> None:
    page = phone.page
    words = _writing(phone, "This shift is killing me.")

    words.press("End")
    words.type(" Some nights I think about ending it all.")
    expect(page.locator("[data-risk]")).to_be_visible()
    phone.check("journal-with-help")
    words.type(" I'm still writing.")
    for _ in range(50):  # the save after the pause in typing (about a second)
        if JournalEntry.objects.get().body.endswith("I'm still writing."):
            break
        page.wait_for_timeout(100)
    assert JournalEntry.objects.get().body.endswith("I'm still writing.")
    page.get_by_role("button", name="Talk to someone now").click()
    page.wait_for_url("**/support/requests/**")
    assert SupportRequest.objects.get().urgency == "now"


def test_risk_said_without_the_obvious_words_brings_help_too(phone: Any) -> None:
    page = phone.page
    words = _writing(phone, "We lost him at four this morning.")

    # No rule names this: the sentence model reads it (lib/risk_model.py).
    words.press("End")
    words.type(" I'm not going to be here by Christmas.")
    expect(page.locator("[data-risk]")).to_be_visible()
    expect(page.get_by_role("button", name="Talk to someone now")).to_be_visible()
    phone.check("journal-with-help-from-the-model")
