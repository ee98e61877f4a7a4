"""Writes of `stories`: a draft, its scrubbing and submission, moderation, reactions, withdrawal.

The author is never named in an audit row (ANONYMOUS), so the log cannot say who wrote what.
A story reaches a moderator only through `submit_story`, which scrubs it on the server: every
likely identifier becomes a placeholder unless the author kept it, and kept ones are shown to
the moderator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.lib.scrub import Span, find, redact
from alongside.organisations.models import Membership
from alongside.organisations.roles import Permission, has_permission
from alongside.support_requests.actions import notify_member

from . import search
from .models import (
    Reaction,
    Reply,
    Role,
    Status,
    Story,
    StoryReaction,
    Visibility,
    author_key,
)

TITLE_MAX = 120
BODY_MAX = 10_000
ALSO_MAX = 20  # things the author can add to what the scrubber found, at most
ALSO_LONGEST = 100
EDITABLE = (Status.DRAFT, Status.RETURNED)


def _check(title: str, body: str, role: str, visibility: str) -> None:
    if not body.strip():
        raise ActionError(_("Write your story first: even a few lines."))
    if len(body) > BODY_MAX or len(title) > TITLE_MAX:
        raise ActionError(
            _("Please keep the title to %(title)s characters and the story to %(body)s.")
            % {"title": TITLE_MAX, "body": BODY_MAX}
        )
    if role not in Role.values or visibility not in Visibility.values:
        raise ActionError(_("Please choose from the options given."))


@transaction.atomic
def save_draft(
    *,
    by: Membership,
    story: Story | None = None,
    title: str,
    body: str,
    role: str = "",
    visibility: str = Visibility.ORGANISATION,
) -> Story:
    """Save the author's draft (encrypted), new or edited; only a draft or a returned story can
    change."""
    _check(title, body, role, visibility)
    if story is None:
        story = Story(
            organisation_id=by.organisation_id, author_key=author_key(by), author_ref=str(by.pk)
        )
    elif not story.is_by(by) or story.status not in EDITABLE:
        raise ActionError(_("This story can't be changed now."))
    story.title, story.body = title.strip(), body.strip()
    story.role, story.visibility = role, visibility
    story.updated_at = timezone.now()
    story.save()
    return story


def identifiers_in(story: Story) -> list[Span]:
    """What the scrubber finds in the title and body (offsets into `title + "\\n\\n" + body`)."""
    return find(_text(story))


def _text(story: Story) -> str:
    return f"{story.title}\n\n{story.body}" if story.title else story.body


def also_phrases(typed: str) -> list[str]:
    """What the author typed as things the scrubber missed: one a line, or between commas."""
    seen: dict[str, str] = {}
    for part in re.split(r"[\n,;]+", typed):
        phrase = " ".join(part.split())
        if phrase:
            seen.setdefault(phrase.casefold(), phrase)
    return list(seen.values())


def _also_spans(text: str, phrases: list[str]) -> list[Span]:
    """Every place each phrase stands in the text as whole words, in any letters ("Yura" finds
    "yura", not the "yura" inside "Hayura")."""
    if len(phrases) > ALSO_MAX:
        raise ActionError(_("Please add at most %(most)s things at a time.") % {"most": ALSO_MAX})
    spans = []
    for phrase in phrases:
        if len(phrase) < 2 or len(phrase) > ALSO_LONGEST:
            raise ActionError(
                _("Each thing to replace should be 2 to %(most)s characters: “%(phrase)s”.")
                % {"most": ALSO_LONGEST, "phrase": phrase[:ALSO_LONGEST]}
            )
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        found = [
            Span(m.start(), m.end(), "OTHER", m.group())
            for m in re.finditer(rf"(?<!\w){words}(?!\w)", text, flags=re.IGNORECASE)
        ]
        if not found:
            raise ActionError(
                _("We couldn't find “%(phrase)s” in your story. Check how it is spelt there.")
                % {"phrase": phrase}
            )
        spans += found
    return spans


def _merged(text: str, spans: list[Span]) -> list[Span]:
    """Overlapping spans as one, so that no part of either is left: the author's "aldea El
    Rosario" and the scrubber's "El Rosario" become one placeholder."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            end = max(last.end, span.end)
            longer = last if last.end - last.start >= span.end - span.start else span
            merged[-1] = Span(last.start, end, longer.type, text[last.start : end])
        else:
            merged.append(span)
    return merged


@transaction.atomic
def submit_story(
    *, by: Membership, story: Story, keep: Collection[int] = (), also: Collection[str] = ()
) -> Story:
    """Scrub and send to the moderators. Every span the scrubber finds becomes a placeholder,
    except those the author keeps (indexes into `identifiers_in(story)`), which the moderator
    is shown; and so does every place where what the author adds (`also`: words the scrubber
    missed) stands, kept or not. Audited without the author, and without what was added."""
    if not story.is_by(by) or story.status not in EDITABLE:
        raise ActionError(_("This story can't be sent now."))
    spans = identifiers_in(story)
    if any(i < 0 or i >= len(spans) for i in keep):
        raise ActionError(_("The story changed while you were checking it. Please check again."))
    text = _text(story)
    added = _also_spans(text, list(also))

    def overlaps(span: Span) -> bool:
        return any(a.start < span.end and span.start < a.end for a in added)

    # What the author both kept and added is replaced: the later, plainer choice wins.
    keep = {i for i in keep if not overlaps(spans[i])}
    kept = [spans[i] for i in sorted(keep)]
    replaced = _merged(text, [s for i, s in enumerate(spans) if i not in keep] + added)
    scrubbed = redact(text, replaced)
    if story.title:
        title, _sep, body = scrubbed.partition("\n\n")
        story.title, story.body = title, body
    else:
        story.body = scrubbed
    story.kept_data = json.dumps([{"type": s.type, "text": s.text} for s in kept])
    story.status = Status.SUBMITTED
    story.submitted_at = story.updated_at = timezone.now()
    story.moderator_note = ""
    story.save()
    record_event(
        by=ANONYMOUS,
        action=AuditAction.STORY_SUBMITTED,
        organisation_id=story.organisation_id,
        target=story,
        detail={"kept": len(kept), "replaced": len(spans) - len(kept), "added": len(added)},
    )
    return story


def _check_moderator(by: Membership, item: Story | Reply, *, not_waiting: str, own: str) -> None:
    """A moderator of the item's organisation, deciding on something waiting, not their own."""
    if not has_permission(by, Permission.MODERATE_STORIES):
        raise ActionError(_("Only moderators can do this."))
    if item.organisation_id != by.organisation_id or item.status != Status.SUBMITTED:
        raise ActionError(not_waiting)
    if item.is_by(by):
        raise ActionError(own)


def _claim(item: Story | Reply, *, taken: str, **changes: Any) -> None:
    """Record a moderator's decision unless another moderator's came first (a conditional
    UPDATE on the waiting state), then reload the item."""
    manager: Any = type(item).objects
    if not manager.filter(pk=item.pk, status=Status.SUBMITTED).update(**changes):
        raise ActionError(taken)
    item.refresh_from_db()


def _moderate(by: Membership, story: Story) -> None:
    _check_moderator(
        by,
        story,
        not_waiting=_("This story is not waiting for a moderator."),
        own=_("Another moderator needs to look at your own story."),
    )


@transaction.atomic
def approve_story(*, by: Membership, story: Story) -> Story:
    """A moderator publishes the scrubbed story. The author is told. Audited."""
    _moderate(by, story)
    now = timezone.now()
    _claim(
        story,
        taken=_("Another moderator has just looked at this story."),
        status=Status.PUBLISHED,
        published_title=story.title,
        published_body=story.body,
        published_at=now,
        updated_at=now,
    )
    search.index(story)
    record_event(
        by=by.user,
        action=AuditAction.STORY_APPROVED,
        organisation_id=story.organisation_id,
        target=story,
    )
    transaction.on_commit(partial(_tell_author, story.pk, "story-approved"))
    return story


@transaction.atomic
def return_story(*, by: Membership, story: Story, note: str) -> Story:
    """A moderator sends the story back with a note; the author can change it and send it
    again. The author is told. Audited (without the note)."""
    _moderate(by, story)
    if not note.strip():
        raise ActionError(_("Say in a few words what the author should change."))
    _claim(
        story,
        taken=_("Another moderator has just looked at this story."),
        status=Status.RETURNED,
        updated_at=timezone.now(),
    )
    story.moderator_note = note.strip()
    story.save(update_fields=["moderator_note"])
    record_event(
        by=by.user,
        action=AuditAction.STORY_RETURNED,
        organisation_id=story.organisation_id,
        target=story,
    )
    transaction.on_commit(partial(_tell_author, story.pk, "story-returned"))
    return story


def _tell_author(story_id: int, template: str) -> None:
    story = Story.objects.get(pk=story_id)
    _tell(story.author_ref, story, template)


@transaction.atomic
def withdraw_story(*, by: Membership, story: Story) -> Story:
    """The author takes their story back, whatever its state: no longer shown or moderated,
    and its text is gone. Audited without the author."""
    if not story.is_by(by):
        raise ActionError(_("Only the person who wrote a story can withdraw it."))
    if story.status == Status.WITHDRAWN:
        return story
    story.status = Status.WITHDRAWN
    story.withdrawn_at = story.updated_at = timezone.now()
    story.title = story.body = story.published_title = story.published_body = ""
    story.kept_data, story.moderator_note = "[]", ""
    story.save()
    search.remove(story)
    story.reactions.all().delete()
    story.replies.all().delete()
    record_event(
        by=ANONYMOUS,
        action=AuditAction.STORY_WITHDRAWN,
        organisation_id=story.organisation_id,
        target=story,
    )
    return story


def react(*, by: Membership, story: Story, kind: str) -> bool:
    """A peer reacts to a published story, once per kind; again takes it back. True when the
    reaction is now there."""
    if kind not in Reaction.values:
        raise ActionError(_("Please choose one of the reactions."))
    if not story.is_published:
        raise ActionError(_("This story is not shared any more."))
    removed, _counts = StoryReaction.objects.filter(story=story, member=by, kind=kind).delete()
    if removed:
        return False
    try:
        with transaction.atomic():
            StoryReaction.objects.create(story=story, member=by, kind=kind)
    except IntegrityError:
        pass  # the same tap twice at once: it is there
    return True


# --- Replies ----------------------------------------------------------------------------------

REPLY_MAX = 2000


@transaction.atomic
def reply_to(*, by: Membership, story: Story, body: str) -> Reply:
    """A peer answers a shared story. Everything the scrubber finds is replaced (a reply has no
    "keep"), and a moderator of the story's organisation reads it before anyone else. Audited
    without the writer."""
    if not story.is_published:
        raise ActionError(_("This story is not shared any more."))
    body = body.strip()
    if not body:
        raise ActionError(_("Write a few words first."))
    if len(body) > REPLY_MAX:
        raise ActionError(_("Please keep a reply to %(limit)s characters.") % {"limit": REPLY_MAX})
    reply = Reply.objects.create(
        story=story,
        organisation_id=story.organisation_id,
        author_key=author_key(by),
        author_ref=str(by.pk),
        body=redact(body),
    )
    record_event(
        by=ANONYMOUS,
        action=AuditAction.REPLY_SUBMITTED,
        organisation_id=story.organisation_id,
        target=reply,
    )
    return reply


def _moderate_reply(by: Membership, reply: Reply) -> None:
    _check_moderator(
        by,
        reply,
        not_waiting=_("This reply is not waiting for a moderator."),
        own=_("Another moderator needs to look at your own reply."),
    )


@transaction.atomic
def approve_reply(*, by: Membership, reply: Reply) -> Reply:
    """A moderator shares a reply under its story; the story's writer and the reply's writer
    are told. Audited."""
    _moderate_reply(by, reply)
    _claim(
        reply,
        taken=_("Another moderator has just looked at this reply."),
        status=Status.PUBLISHED,
        published_body=reply.body,
        published_at=timezone.now(),
    )
    record_event(
        by=by.user,
        action=AuditAction.REPLY_APPROVED,
        organisation_id=reply.organisation_id,
        target=reply,
    )
    story = reply.story
    transaction.on_commit(partial(_tell, story.author_ref, story, "story-replied"))
    transaction.on_commit(partial(_tell, reply.author_ref, story, "reply-shared"))
    return reply


@transaction.atomic
def decline_reply(*, by: Membership, reply: Reply, note: str) -> Reply:
    """A moderator does not share a reply, and says why; its writer sees the note on the
    story. Audited (without the note)."""
    _moderate_reply(by, reply)
    if not note.strip():
        raise ActionError(_("Say in a few words why, for the person who wrote it."))
    _claim(
        reply,
        taken=_("Another moderator has just looked at this reply."),
        status=Status.RETURNED,
    )
    reply.moderator_note = note.strip()
    reply.save(update_fields=["moderator_note"])
    record_event(
        by=by.user,
        action=AuditAction.REPLY_DECLINED,
        organisation_id=reply.organisation_id,
        target=reply,
    )
    return reply


def _tell(author_ref: str, story: Story, template: str) -> None:
    author = (
        Membership.objects.active()
        .filter(pk=int(author_ref or 0))
        .select_related("user", "organisation")
        .first()
    )
    if author is not None:
        link = reverse("stories:story-detail", kwargs={"code": story.code})
        notify_member(author, template=template, link=link)
