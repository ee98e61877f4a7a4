"""From a private journal entry to a shared story: a nurse turns her entry into a story, sees
the names and places the scrubber found, keeps nothing, sends it; a moderator who cannot see
who wrote it shares it; a colleague reads it and responds; the nurse sees the response."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from alongside.journal.actions import save_entry
from alongside.organisations.tests.factories import MembershipFactory, OrganisationFactory
from alongside.stories.models import Story

from .conftest import Phone
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENTRY = (
    "I found Mr. Okafor in bed 12 at 0340 on Christmas Eve. His daughter Chloe rang every "
    "hour. I keep thinking I should have checked on him sooner."
)


def test_a_journal_entry_becomes_a_moderated_anonymous_story_that_a_colleague_answers(
    phone: Phone, another_phone: Any
) -> None:
    organisation = OrganisationFactory.create(
        name="Demo General Hospital", requires_mfa_for_leads=False
    )
    nurse = MembershipFactory.create(
        organisation=organisation, user__name="Nia Reyes", user__email="nia@x.test"
    )
    MembershipFactory.create(
        organisation=organisation,
        is_moderator=True,
        user__name="Priya Shah",
        user__email="priya@x.test",
    )
    MembershipFactory.create(organisation=organisation, user__email="omar@x.test")
    entry = save_entry(by=nurse, body=ENTRY)
    page = phone.page

    sign_in(phone, "nia@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    phone.goto(f"/journal/{entry.code}/")
    page.get_by_role("link", name="Share this as a story").click()
    page.wait_for_url("**/stories/new/**")
    assert page.get_by_label("Your story").input_value() == ENTRY
    page.get_by_label("A title (optional)").fill("The night I keep going over")
    page.get_by_label("Show readers that you are").select_option("nurse")
    phone.check("story-write")
    page.get_by_role("button", name="Check it for names and places").click()
    page.wait_for_url("**/check/")
    marks = page.locator("mark.identifier").all_inner_texts()
    assert marks == ["Mr. Okafor", "bed 12", "Christmas Eve", "Chloe"]
    # The author adds what the scrubber left: the time, which she thinks could identify him.
    page.get_by_label("Did we miss anything?").fill("0340")
    phone.check("story-check-highlights")
    page.get_by_role("button", name="Send to a moderator").click()
    page.wait_for_url("**/stories/*/")
    story = Story.objects.get()
    assert "Okafor" not in story.body and "[name]" in story.body
    assert "0340" not in story.body and "at [detail] on" in story.body

    # The moderator, on her own phone, never sees who wrote it.
    moderator = another_phone("priya")
    sign_in(moderator, "priya@x.test")
    moderator.page.wait_for_url(f"{moderator.base_url}/")
    moderator.goto("/stories/moderation/")
    moderator.page.get_by_role("link", name="The night I keep going over").click()
    # The story's page has loaded (not the moment between pages, whose content is empty).
    moderator.page.get_by_role("button", name="Share it").wait_for()
    assert "The night I keep going over" in moderator.page.content()
    assert "Nia" not in moderator.page.content() and "nia@x.test" not in moderator.page.content()
    moderator.check("story-moderate")
    moderator.page.get_by_role("button", name="Share it").click()
    moderator.page.wait_for_url("**/stories/moderation/")

    # A colleague reads it and responds.
    colleague = another_phone("omar")
    sign_in(colleague, "omar@x.test")
    colleague.page.wait_for_url(f"{colleague.base_url}/")
    colleague.page.get_by_role("link", name="Stories", exact=True).click()
    colleague.page.wait_for_url("**/stories/")
    colleague.check("stories-list")
    colleague.page.get_by_label("Find stories about").fill("checked sooner")
    colleague.page.get_by_role("button", name="Search").click()
    colleague.page.wait_for_url("**/stories/?q=*")
    colleague.check("stories-search")
    colleague.page.get_by_role("link", name="The night I keep going over").click()
    expect(colleague.page.locator("body")).to_contain_text("By a nurse")
    assert "By a nurse" in colleague.page.content() and "Nia" not in colleague.page.content()
    colleague.page.get_by_role("button", name="I've been there").click()
    colleague.check("story-read-and-react")
    colleague.page.get_by_label("Reply").fill("Same for me on Ward 7B. You are not alone.")
    colleague.page.get_by_role("button", name="Send a reply").click()
    expect(colleague.page.locator("body")).to_contain_text("waiting for a moderator")

    # The moderator shares the reply, scrubbed.
    moderator.goto("/stories/moderation/")
    moderator.check("story-moderation-queue-with-reply")
    moderator.page.get_by_role("link", name="Same for me on [ward]").click()
    moderator.check("story-moderate-reply")
    moderator.page.get_by_role("button", name="Share it", exact=True).click()
    moderator.page.wait_for_url("**/stories/moderation/")

    # The nurse sees the response on her story.
    phone.goto(f"/stories/{story.code}/")
    assert "I've been there · 1" in page.content()
    assert "Same for me on [ward]. You are not alone." in page.content()
    phone.check("story-own-with-response")


def test_a_colleague_reads_back_through_more_stories_than_fit_on_a_page(phone: Phone) -> None:
    from alongside.stories import actions

    organisation = OrganisationFactory.create(
        name="Demo General Hospital", requires_mfa_for_leads=False
    )
    writer = MembershipFactory.create(organisation=organisation)
    moderator = MembershipFactory.create(organisation=organisation, is_moderator=True)
    MembershipFactory.create(organisation=organisation, user__email="omar@x.test")
    for n in range(32):
        story = actions.save_draft(
            by=writer, title=f"Night {n + 1}", body=f"The {n + 1} night the monitor alarmed."
        )
        actions.submit_story(by=writer, story=story)
        story.refresh_from_db()
        actions.approve_story(by=moderator, story=story)
    page = phone.page

    sign_in(phone, "omar@x.test")
    page.wait_for_url(f"{phone.base_url}/")
    phone.goto("/stories/")
    assert page.get_by_role("link", name="Night 32", exact=True).is_visible()
    assert page.get_by_role("link", name="Night 1", exact=True).count() == 0
    phone.check("stories-list-first-page")
    page.get_by_role("link", name="Older stories").click()
    page.wait_for_url("**/stories/?page=2")
    assert page.get_by_role("link", name="Night 1", exact=True).is_visible()
    assert "Page 2 of 2" in page.content()
    phone.check("stories-list-older-page")
    page.get_by_role("link", name="Newer stories").click()
    page.wait_for_url("**/stories/?page=1")
    assert page.get_by_role("link", name="Night 32", exact=True).is_visible()
