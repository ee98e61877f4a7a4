"""Reads of `stories`. None of them returns who wrote a story to anyone but its author."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from alongside.organisations.models import Membership

from . import search
from .models import Reaction, Reply, Status, Story, Visibility, author_key

PAGE = 30  # stories on a page of the list
FOUND = 300  # the most a search returns, best first: ten pages


def readable_by(member: Membership) -> QuerySet[Story]:
    """Stories the member may read: shared with their organisation, or with everyone."""
    return Story.objects.filter(status=Status.PUBLISHED).filter(
        Q(organisation_id=member.organisation_id) | Q(visibility=Visibility.EVERYONE)
    )


# What a reader never needs of someone else's story: the draft and the note (encrypted, and
# decrypting them for every story in a list or a search is most of its time) and who wrote it.
_NOT_FOR_READERS = ("title", "body", "kept_data", "moderator_note", "author_ref")


def published_for(member: Membership) -> QuerySet[Story]:
    """What the member may read, newest first, with its reactions counted."""
    return (
        readable_by(member)
        .defer(*_NOT_FOR_READERS)
        .annotate(reaction_count=Count("reactions"))
        .order_by("-published_at", "-pk")
    )


def search_for(member: Membership, text: str) -> list[Story]:
    """Published stories the member may read with every word of `text`, best first."""
    # Ranked among what the member may read, so other organisations' stories never crowd
    # theirs out of the first FOUND.
    ids = search.matching(search.words_of(text), within=readable_by(member), limit=FOUND)
    return _in_order(published_for(member).filter(pk__in=ids), ids)


def like(story: Story, member: Membership, n: int = 3) -> list[Story]:
    """ "Stories like this one": those sharing most of its distinctive words, best first."""
    readable = readable_by(member).exclude(pk=story.pk)
    ids = search.matching(search.distinctive_words(story), within=readable, any_word=True, limit=n)
    return _in_order(published_for(member).filter(pk__in=ids), ids)


def _in_order(stories: QuerySet[Story], ids: list[int]) -> list[Story]:
    rank = {pk: n for n, pk in enumerate(ids)}
    return sorted(stories, key=lambda s: rank[s.pk])


def own_stories(member: Membership) -> list[Story]:
    return list(
        Story.objects.filter(author_key=author_key(member))
        .exclude(status=Status.WITHDRAWN)
        .order_by("-updated_at")
    )


def moderation_queue(member: Membership) -> list[Story]:
    """The organisation's stories waiting for a moderator, oldest first (not one's own)."""
    return list(
        Story.objects.filter(organisation_id=member.organisation_id, status=Status.SUBMITTED)
        .exclude(author_key=author_key(member))
        .order_by("submitted_at")
    )


def reactions_to(story: Story, member: Membership) -> list[tuple[str, str, int, bool]]:
    """Each reaction: its value, label, how many, and whether the member gave it."""
    counts = dict(
        story.reactions.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    mine = set(story.reactions.filter(member=member).values_list("kind", flat=True))
    return [
        (value, str(label), counts.get(value, 0), value in mine)
        for value, label in Reaction.choices
    ]


def reply_queue(member: Membership) -> list[Reply]:
    """Replies to the organisation's stories waiting for a moderator, oldest first."""
    return list(
        Reply.objects.filter(organisation_id=member.organisation_id, status=Status.SUBMITTED)
        .exclude(author_key=author_key(member))
        .select_related("story")
        .order_by("created_at")
    )


def replies_to(story: Story, member: Membership) -> list[Reply]:
    """A story's shared replies, and the member's own that wait or were not shared."""
    return list(
        story.replies.filter(
            Q(status=Status.PUBLISHED) | Q(author_key=author_key(member))
        ).order_by("created_at")
    )
