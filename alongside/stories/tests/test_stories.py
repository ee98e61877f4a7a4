"""Stories: scrubbed before anyone reads them, moderated without the author, read and
answered by peers, withdrawn by their author at any time."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.db import IntegrityError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from alongside.audit.models import AuditAction, AuditEvent
from alongside.journal.actions import save_entry
from alongside.lib.errors import ActionError
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import MembershipFactory
from alongside.stories import access, actions, queries
from alongside.stories.models import Reply, Status, Story, StoryReaction, Visibility
from conftest import client_for

pytestmark = pytest.mark.django_db

TEXT = (
    "I found Mr. Okafor in bed 12 at 0340 on Christmas Eve. His daughter Chloe rang "
    "07700 900461 every hour. The ICU team came, and I held his hand."
)


@pytest.fixture
def moderator(organisation: Any) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, is_moderator=True, user__name="Morgan Alphamoderator"
    )


def draft(author: Membership, body: str = TEXT, **kwargs: Any) -> Story:
    return actions.save_draft(by=author, title="The night shift", body=body, **kwargs)


def test_a_story_reaches_the_moderator_scrubbed_and_the_author_kept_what_they_chose(
    author: Membership,
) -> None:
    story = draft(author)
    spans = actions.identifiers_in(story)
    found = [s.text for s in spans]
    assert found == ["Mr. Okafor", "bed 12", "Christmas Eve", "Chloe", "07700 900461"]

    actions.submit_story(by=author, story=story, keep=[found.index("bed 12")])

    story.refresh_from_db()
    assert story.status == Status.SUBMITTED
    assert story.body == (
        "I found [name] in bed 12 at 0340 on [date]. His daughter [name] rang "
        "[phone] every hour. The ICU team came, and I held his hand."
    )
    assert story.kept == [{"type": "LOCATION", "text": "bed 12"}]
    event = AuditEvent.objects.get(action=AuditAction.STORY_SUBMITTED)
    assert event.actor_id is None and event.detail == {"kept": 1, "replaced": 4, "added": 0}


def test_what_the_author_adds_is_replaced_wherever_it_stands_and_never_recorded(
    author: Membership,
) -> None:
    body = (
        "We drove out to the old mill after the call. The road back from the OLD MILL was "
        "dark. Our old millhouse joke stayed."
    )
    story = draft(author, body=body)
    assert actions.also_phrases(" yura ,\n\nYURA;  road  to ") == ["yura", "road to"]

    actions.submit_story(by=author, story=story, also=["old mill"])

    story.refresh_from_db()
    assert story.status == Status.SUBMITTED
    assert story.body == (
        "We drove out to the [detail] after the call. The road back from the [detail] was "
        "dark. Our old millhouse joke stayed."
    )
    event = AuditEvent.objects.get(action=AuditAction.STORY_SUBMITTED)
    assert event.detail == {"kept": 0, "replaced": 0, "added": 2}
    assert "mill" not in str(event.detail).casefold()


def test_what_the_author_adds_wins_over_keeping_and_joins_what_it_overlaps(
    author: Membership,
) -> None:
    story = draft(author)
    found = [s.text for s in actions.identifiers_in(story)]
    # Kept, then added: replaced. Added across two findings: one placeholder, nothing between.
    actions.submit_story(
        by=author,
        story=story,
        keep=[found.index("Mr. Okafor"), found.index("Chloe")],
        also=["Okafor in bed", "daughter"],
    )
    story.refresh_from_db()
    assert story.body == (
        "I found [detail] at 0340 on [date]. His [detail] Chloe rang "
        "[phone] every hour. The ICU team came, and I held his hand."
    )
    assert story.kept == [{"type": "NAME", "text": "Chloe"}]


@pytest.mark.parametrize(
    ("also", "message"),
    [
        (["Zanzibar"], "We couldn't find “Zanzibar” in your story"),
        (["x"], "should be 2 to 100 characters"),
        ([f"word{n}" for n in range(21)], "at most 20 things"),
    ],
)
def test_what_the_author_adds_must_be_in_the_story(
    author: Membership, also: list[str], message: str
) -> None:
    story = draft(author)
    with pytest.raises(ActionError, match=message):
        actions.submit_story(by=author, story=story, also=also)
    story.refresh_from_db()
    assert story.status == Status.DRAFT and "Okafor" in story.body


def test_the_check_page_keeps_what_was_typed_and_ticked_when_it_cannot_send(
    author: Membership,
) -> None:
    story = draft(author)
    check = reverse("stories:story-check", args=[story.code])
    page = client_for(author).get(check).content.decode()
    assert "Did we miss anything?" in page
    response = client_for(author).post(check, {"keep": ["1"], "also": "Okafor\nZanzibar"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "We couldn&#x27;t find “Zanzibar” in your story" in page
    assert ">Okafor\nZanzibar</textarea>" in page
    assert 'name="keep" value="1" checked' in page and 'value="0" checked' not in page
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    response = client_for(author).post(check, {"also": "Okafor"})
    story.refresh_from_db()
    assert story.status == Status.SUBMITTED and "Okafor" not in story.body


def test_a_story_with_an_identifier_cannot_be_published_without_the_scrubber(
    author: Membership, moderator: Membership
) -> None:
    story = draft(author)
    # Not sent through the scrubber: no moderator can share it.
    with pytest.raises(ActionError):
        actions.approve_story(by=moderator, story=story)
    actions.submit_story(by=author, story=story)
    story.refresh_from_db()
    published = actions.approve_story(by=moderator, story=story)
    assert "Okafor" not in published.published_body and "Chloe" not in published.published_body
    assert "07700" not in published.published_body


def test_moderators_never_see_who_wrote_it(
    author: Membership, moderator: Membership, org_admin: Membership, coordinator: Membership
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    queue = client_for(moderator).get(reverse("stories:moderation-queue")).content.decode()
    page = client_for(moderator).get(reverse("stories:moderate", args=[story.code]))
    assert "The night shift" in queue
    for html in (queue, page.content.decode()):
        assert author.user.display_name not in html and author.user.email not in html
    actions.approve_story(by=moderator, story=story)
    for reader in (moderator, org_admin, coordinator):
        response = client_for(reader).get(reverse("stories:story-detail", args=[story.code]))
        assert response.status_code == 200
        assert author.user.display_name not in response.content.decode()
    audit = client_for(org_admin).get(reverse("audit:event-list")).content.decode()
    assert author.user.display_name not in audit
    assert not AuditEvent.objects.filter(actor_id=author.user_id).exists()


def test_a_moderator_returns_a_story_with_a_note_and_the_author_sends_it_again(
    author: Membership, moderator: Membership, django_capture_on_commit_callbacks: Any
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    with pytest.raises(ActionError):
        actions.return_story(by=moderator, story=story, note=" ")
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_story(by=moderator, story=story, note="Please take out the bed number.")
    story.refresh_from_db()
    assert story.status == Status.RETURNED and "bed number" in story.moderator_note
    assert Notification.objects.filter(recipient=author.user).count() == 1
    page = client_for(author).get(reverse("stories:story-edit", args=[story.code]))
    assert "Please take out the bed number." in page.content.decode()

    actions.save_draft(by=author, story=story, title="", body="I held his hand all night.")
    actions.submit_story(by=author, story=story)
    story.refresh_from_db()
    assert story.status == Status.SUBMITTED and story.moderator_note == ""
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_story(by=moderator, story=story)
    assert Notification.objects.filter(recipient=author.user).count() == 2


def test_only_a_moderator_of_the_organisation_moderates_and_never_their_own(
    author: Membership, moderator: Membership, outsider: Membership, colleague: Membership
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    for who in (outsider, colleague):
        with pytest.raises(ActionError):
            actions.approve_story(by=who, story=story)
        assert client_for(who).get(reverse("stories:moderate", args=[story.code])).status_code in {
            403,
            404,
        }
    own = draft(moderator)
    actions.submit_story(by=moderator, story=own)
    with pytest.raises(ActionError):
        actions.approve_story(by=moderator, story=own)
    assert [s.pk for s in queries.moderation_queue(moderator)] == [story.pk]
    actions.approve_story(by=moderator, story=story)
    with pytest.raises(ActionError):  # a second moderator, a moment later
        actions.approve_story(by=moderator, story=story)


def test_who_can_read_a_published_story(
    author: Membership, moderator: Membership, colleague: Membership, outsider: Membership
) -> None:
    mine = draft(author)
    shared = draft(author, body="We lost a man tonight.", visibility=Visibility.EVERYONE)
    for story in (mine, shared):
        actions.submit_story(by=author, story=story)
        actions.approve_story(by=moderator, story=story)

    assert set(queries.published_for(colleague)) == {mine, shared}
    assert list(queries.published_for(outsider)) == [shared]
    url = reverse("stories:story-detail", args=[mine.code])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(colleague).get(url).status_code == 200


def test_peers_react_once_and_can_take_it_back(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    story = draft(author)
    with pytest.raises(ActionError):
        actions.react(by=colleague, story=story, kind="thank_you")
    actions.submit_story(by=author, story=story)
    actions.approve_story(by=moderator, story=story)
    story.refresh_from_db()
    with pytest.raises(ActionError):
        actions.react(by=colleague, story=story, kind="like")

    assert actions.react(by=colleague, story=story, kind="been_there") is True
    assert actions.react(by=moderator, story=story, kind="been_there") is True
    reactions = {
        value: (count, mine) for value, _l, count, mine in queries.reactions_to(story, colleague)
    }
    assert reactions["been_there"] == (2, True) and reactions["strength"] == (0, False)
    assert actions.react(by=colleague, story=story, kind="been_there") is False
    client_for(colleague).post(
        reverse("stories:story-react", args=[story.code]), {"kind": "strength"}
    )
    assert StoryReaction.objects.filter(member=colleague).count() == 1


def test_the_author_withdraws_a_story_and_its_words_are_gone(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    actions.approve_story(by=moderator, story=story)
    actions.react(by=colleague, story=story, kind="thank_you")
    with pytest.raises(ActionError):
        actions.withdraw_story(by=colleague, story=story)

    response = client_for(author).post(reverse("stories:story-withdraw", args=[story.code]))

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Status.WITHDRAWN and story.body == "" and story.published_body == ""
    assert not StoryReaction.objects.exists()
    assert actions.withdraw_story(by=author, story=story).status == Status.WITHDRAWN
    assert (
        client_for(colleague).get(reverse("stories:story-detail", args=[story.code])).status_code
        == 404
    )
    assert AuditEvent.objects.get(action=AuditAction.STORY_WITHDRAWN).actor_id is None


def test_drafts_are_checked_and_kept_to_their_author(
    author: Membership, colleague: Membership
) -> None:
    with pytest.raises(ActionError):
        actions.save_draft(by=author, title="", body="  ")
    with pytest.raises(ActionError):
        actions.save_draft(by=author, title="x" * 200, body="a story")
    with pytest.raises(ActionError):
        actions.save_draft(by=author, title="", body="a story", role="surgeon")
    story = draft(author)
    with pytest.raises(ActionError):
        actions.save_draft(by=colleague, story=story, title="", body="mine now")
    with pytest.raises(ActionError):
        actions.submit_story(by=colleague, story=story)
    with pytest.raises(ActionError):
        actions.submit_story(by=author, story=story, keep=[99])
    assert (
        client_for(colleague).get(reverse("stories:story-check", args=[story.code])).status_code
        == 404
    )


def test_a_story_starts_from_the_writers_own_journal_entry(
    author: Membership, colleague: Membership
) -> None:
    entry = save_entry(by=author, body="The little shoes by the bed stayed with me.")
    url = reverse("stories:story-new") + f"?from={entry.code}"
    assert "The little shoes by the bed" in client_for(author).get(url).content.decode()
    assert client_for(colleague).get(url).status_code == 404


def test_writing_checking_and_sending_through_the_pages(
    author: Membership, moderator: Membership
) -> None:
    client = client_for(author)
    response = client.post(
        reverse("stories:story-new"),
        {"title": "", "body": TEXT, "role": "nurse", "visibility": "organisation"},
    )
    story = Story.objects.get()
    check = reverse("stories:story-check", args=[story.code])
    assert response["Location"] == check
    page = client.get(check).content.decode()
    assert '<mark class="identifier" id="found-0">Mr. Okafor</mark>' in page
    assert "Keep as written" in page
    response = client.post(reverse("stories:story-check", args=[story.code]), {"keep": ["1"]})
    story.refresh_from_db()
    assert story.status == Status.SUBMITTED and story.kept[0]["text"] == "bed 12"
    queue = client_for(moderator).get(reverse("stories:moderation-queue")).content.decode()
    assert "1 item kept as written" in queue
    client_for(moderator).post(
        reverse("stories:moderate", args=[story.code]), {"decision": "approve"}
    )
    story.refresh_from_db()
    assert story.is_published
    listing = client_for(moderator).get(reverse("stories:story-list")).content.decode()
    assert "By a nurse" in listing


def test_a_draft_that_sounds_like_acute_risk_shows_the_crisis_lines_on_the_check_page(
    author: Membership,
) -> None:
    story = draft(author, body="After that night I keep thinking I want to end my life.")
    page = client_for(author).get(reverse("stories:story-check", args=[story.code]))
    assert "You don't have to carry this alone" in page.content.decode()
    calm = draft(author, body="We lost a patient tonight and I held his hand.")
    page = client_for(author).get(reverse("stories:story-check", args=[calm.code]))
    assert "You don't have to carry this alone" not in page.content.decode()


def test_two_moderators_at_once_and_two_taps_at_once_do_no_harm(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    story.refresh_from_db()
    # Another moderator shares it while this one is writing a note.
    Story.objects.filter(pk=story.pk).update(status=Status.PUBLISHED)
    with pytest.raises(ActionError, match="Another moderator"):
        actions.return_story(by=moderator, story=story, note="Take out the date.")
    with pytest.raises(ActionError, match="Another moderator"):
        actions.approve_story(by=moderator, story=story)
    story.refresh_from_db()
    with mock.patch.object(StoryReaction.objects, "create", side_effect=IntegrityError):
        assert actions.react(by=colleague, story=story, kind="strength") is True


def test_an_author_who_has_left_is_not_told(
    author: Membership, moderator: Membership, django_capture_on_commit_callbacks: Any
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    author.deactivated_at = timezone.now()
    author.save()
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_story(by=moderator, story=story)
    assert not Notification.objects.filter(recipient=author.user).exists()


def test_only_moderators_load_a_story_to_moderate(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    story = draft(author)
    actions.submit_story(by=author, story=story)
    with pytest.raises(Http404):
        access.get_story_to_moderate(colleague, story.code)
    assert access.get_story_to_moderate(moderator, story.code) == story


def shared(author: Membership, moderator: Membership, body: str, **kwargs: Any) -> Story:
    story = actions.save_draft(by=author, title=kwargs.pop("title", ""), body=body, **kwargs)
    actions.submit_story(by=author, story=story)
    story.refresh_from_db()
    return actions.approve_story(by=moderator, story=story)


def test_published_stories_are_found_by_their_words_and_only_by_who_may_read_them(
    author: Membership, moderator: Membership, colleague: Membership, outsider: Membership
) -> None:
    drowning = shared(author, moderator, "A drowning at the lake. I did compressions on the dock.")
    sepsis = shared(
        author, moderator, "Sepsis took him in hours; the compressions went on for forty minutes.",
        visibility=Visibility.EVERYONE,
    )  # fmt: skip
    waiting = actions.save_draft(by=author, title="", body="Another drowning, not shared yet.")
    actions.submit_story(by=author, story=waiting)

    assert queries.search_for(colleague, "drowning") == [drowning]
    assert set(queries.search_for(colleague, "compressions")) == {drowning, sepsis}
    assert queries.search_for(colleague, "Drowning dock") == [drowning]  # every word
    assert queries.search_for(outsider, "compressions") == [sepsis]  # org-only stays home
    assert queries.search_for(colleague, "compression") != []  # a word's start finds it
    for odd in ['"', "*", "OR", "NEAR(", 'drowning" OR "x', "-", "^"]:
        queries.search_for(colleague, odd)  # the reader's words are never search syntax
    actions.withdraw_story(by=author, story=drowning)
    assert queries.search_for(colleague, "drowning") == []

    page = client_for(colleague).get(reverse("stories:story-list"), {"q": "sepsis"})
    assert "Sepsis took him in hours" in page.content.decode()
    page = client_for(colleague).get(reverse("stories:story-list"), {"q": "parachute"})
    assert "No shared story mentions" in page.content.decode()


def test_a_search_ranks_among_what_the_reader_may_read_so_other_hospitals_never_crowd_it_out(
    author: Membership,
    moderator: Membership,
    colleague: Membership,
    outsider: Membership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    their_moderator = MembershipFactory.create(
        organisation=outsider.organisation, is_moderator=True
    )
    for _ in range(3):  # more about asystole than ours, so they would rank first
        shared(outsider, their_moderator, "It was asystole, then asystole, and asystole again.")
    ours = shared(author, moderator, "We stopped after an hour of asystole.")
    also_ours = shared(author, moderator, "Another hour of asystole on nights.")
    monkeypatch.setattr(queries, "FOUND", 2)

    assert set(queries.search_for(colleague, "asystole")) == {ours, also_ours}
    assert queries.like(ours, colleague, n=1) == [also_ours]


def test_a_search_finds_a_word_by_its_start_and_without_its_accents_on_either_database(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    spanish = shared(
        author, moderator, "La reanimación duró cuarenta minutos. La enfermería entera lloró.",
    )  # fmt: skip
    english = shared(author, moderator, "We resuscitated her for an hour; the café was shut.")

    assert queries.search_for(colleague, "reanimacion") == [spanish]  # typed on a phone
    assert queries.search_for(colleague, "ENFERMERÍA") == [spanish]
    assert queries.search_for(colleague, "enfermeria lloro") == [spanish]
    assert queries.search_for(colleague, "reanim") == [spanish]  # the start of a word
    assert queries.search_for(colleague, "resusc") == [english]
    assert queries.search_for(colleague, "cafe") == [english]
    assert queries.search_for(colleague, "reanimacion resusc") == []  # still every word
    assert queries.like(spanish, colleague) == []  # nothing shared but the everyday words


def test_the_list_of_stories_goes_back_page_by_page_and_so_do_searches(
    author: Membership,
    moderator: Membership,
    colleague: Membership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(queries, "PAGE", 2)
    for n, word in enumerate(["rain", "snow", "fog", "frost", "thunder"]):
        shared(author, moderator, f"Story number {n}, in the {word}: the monitor alarmed.")
    client = client_for(colleague)
    url = reverse("stories:story-list")

    def read(**params: str) -> str:
        return client.get(url, params).content.decode()

    first, second, last = read(), read(page="2"), read(page="3")
    assert "Story number 4" in first and "Story number 3" in first
    assert "Story number 2" not in first and "Page 1 of 3" in first
    assert 'href="?page=2"' in first and "Older stories" in first
    assert "Story number 2" in second and "Story number 1" in second
    assert "Newer stories" in second and "Older stories" in second
    assert "Story number 0" in last and "Older stories" not in last
    assert "Story number 0" in read(page="99")  # past the end: the last page, not an error
    assert "Story number 4" in read(page="nonsense")  # not a number: the first page

    found = read(q="monitor", page="3")  # a search keeps its words from page to page
    assert "Page 3 of 3" in found and 'href="?q=monitor&amp;page=2"' in found
    assert "Closer matches" in found
    alone = read(q="thunder")
    assert "Story number 4" in alone and "Page" not in alone  # one page: no pager


def test_stories_like_this_one_share_its_words(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    first = shared(
        author, moderator, "The resuscitation of a child. The parents watched the resuscitation."
    )
    second = shared(author, moderator, "Another child, another resuscitation, the parents outside.")
    shared(author, moderator, "An old man died peacefully with his daughter singing.")

    assert queries.like(first, colleague) == [second]
    page = client_for(colleague).get(reverse("stories:story-detail", args=[first.code]))
    assert "Stories like this one" in page.content.decode()


def test_a_reply_is_scrubbed_moderated_and_its_writer_unknown_and_the_story_writer_told(
    author: Membership,
    moderator: Membership,
    colleague: Membership,
    outsider: Membership,
    django_capture_on_commit_callbacks: Any,
) -> None:
    story = shared(author, moderator, "Our first death on nights.", visibility=Visibility.EVERYONE)
    client = client_for(colleague)
    url = reverse("stories:story-detail", args=[story.code])
    # Nothing typed: the form says so and nothing is sent.
    assert "Write a few words first." in client.post(url, {"body": "  "}).content.decode()
    client.post(url, {"body": "Same for me with Mrs. Adebayo on Ward 7B. You are not alone."})
    reply = Reply.objects.get()
    assert reply.body == "Same for me with [name] on [ward]. You are not alone."
    assert reply.status == Status.SUBMITTED and reply.organisation_id == story.organisation_id
    assert "waiting for a moderator" in client.get(url).content.decode()
    assert "You are not alone" not in client_for(outsider).get(url).content.decode()

    queue = client_for(moderator).get(reverse("stories:moderation-queue")).content.decode()
    page = client_for(moderator).get(reverse("stories:moderate-reply", args=[reply.code]))
    for html in (queue, page.content.decode()):
        assert "You are not alone" in html
        assert colleague.user.display_name not in html and colleague.user.email not in html
    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(
            reverse("stories:moderate-reply", args=[reply.code]), {"decision": "approve"}
        )
    reply.refresh_from_db()
    assert reply.status == Status.PUBLISHED
    assert "You are not alone" in client_for(outsider).get(url).content.decode()
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {author.user_id, colleague.user_id}
    assert not AuditEvent.objects.filter(actor_id=colleague.user_id).exists()


def test_a_moderator_declines_a_reply_with_a_note_its_writer_alone_sees(
    author: Membership, moderator: Membership, colleague: Membership, outsider: Membership
) -> None:
    story = shared(author, moderator, "A hard night.")
    with pytest.raises(ActionError):
        actions.reply_to(by=colleague, story=story, body="x" * 3000)
    with pytest.raises(ActionError):
        actions.reply_to(by=colleague, story=story, body="   ")
    reply = actions.reply_to(by=colleague, story=story, body="You did wrong.")
    for who in (outsider, colleague):
        with pytest.raises(ActionError):
            actions.approve_reply(by=who, reply=reply)
    own = actions.reply_to(by=moderator, story=story, body="Me too.")
    with pytest.raises(ActionError):
        actions.approve_reply(by=moderator, reply=own)
    assert [r.pk for r in queries.reply_queue(moderator)] == [reply.pk]
    with pytest.raises(ActionError):
        actions.decline_reply(by=moderator, reply=reply, note=" ")
    actions.decline_reply(by=moderator, reply=reply, note="Please be kind.")
    with pytest.raises(ActionError):  # already looked at
        actions.decline_reply(by=moderator, reply=reply, note="Again")
    stale = Reply.objects.get(pk=own.pk)
    Reply.objects.filter(pk=own.pk).update(status=Status.PUBLISHED)
    colleague_moderator = MembershipFactory.create(
        organisation=author.organisation, is_moderator=True
    )
    with pytest.raises(ActionError, match="Another moderator"):
        actions.approve_reply(by=colleague_moderator, reply=stale)
    with pytest.raises(ActionError, match="Another moderator"):
        actions.decline_reply(by=colleague_moderator, reply=stale, note="No")

    url = reverse("stories:story-detail", args=[story.code])
    assert "Please be kind." in client_for(colleague).get(url).content.decode()
    assert "Please be kind." not in client_for(author).get(url).content.decode()
    page = client_for(moderator).post(
        reverse("stories:moderate-reply", args=[own.code]), {"decision": "decline"}
    )
    assert page.status_code == 404  # one's own reply is for another moderator


def test_replies_need_a_shared_story_and_go_with_it_when_it_is_withdrawn(
    author: Membership, moderator: Membership, colleague: Membership
) -> None:
    waiting = actions.save_draft(by=author, title="", body="Not shared yet.")
    with pytest.raises(ActionError):
        actions.reply_to(by=colleague, story=waiting, body="Hello")
    story = shared(author, moderator, "Shared now.")
    reply = actions.reply_to(by=colleague, story=story, body="Thank you.")
    actions.approve_reply(by=moderator, reply=reply)
    actions.withdraw_story(by=author, story=story)
    assert not Reply.objects.exists()
    with pytest.raises(Http404):
        access.get_reply_to_moderate(colleague, reply.code)
