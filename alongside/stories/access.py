"""The only way a view loads a story (style 3.6). 404 whenever the viewer may not see it.

Authors see their own stories in every state; peers read published ones shared with their
organisation or with everyone; moderators of the story's organisation see what waits for them.
Nobody but the author learns who the author is: these functions never hand it to a template.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from alongside.organisations.models import Membership
from alongside.organisations.roles import Permission, has_permission

from .models import Reply, Status, Story, Visibility, author_key


def get_own_story(membership: Membership, code: UUID) -> Story:
    """One's own story, in any state but withdrawn."""
    return get_object_or_404(
        Story.objects.exclude(status=Status.WITHDRAWN),
        code=code,
        author_key=author_key(membership),
    )


def get_story_to_read(membership: Membership, code: UUID) -> Story:
    """A published story the member may read, or their own."""
    readable = Q(status=Status.PUBLISHED) & (
        Q(organisation_id=membership.organisation_id) | Q(visibility=Visibility.EVERYONE)
    )
    return get_object_or_404(
        Story.objects.filter(readable | Q(author_key=author_key(membership))).exclude(
            status=Status.WITHDRAWN
        ),
        code=code,
    )


def get_story_to_moderate(membership: Membership, code: UUID) -> Story:
    """A story waiting for a moderator of its organisation (never one's own)."""
    if not has_permission(membership, Permission.MODERATE_STORIES):
        raise Http404
    return get_object_or_404(
        Story.objects.exclude(author_key=author_key(membership)),
        code=code,
        organisation_id=membership.organisation_id,
        status=Status.SUBMITTED,
    )


def get_reply_to_moderate(membership: Membership, code: UUID) -> Reply:
    """A reply waiting for a moderator of its story's organisation (never one's own)."""
    if not has_permission(membership, Permission.MODERATE_STORIES):
        raise Http404
    return get_object_or_404(
        Reply.objects.select_related("story").exclude(author_key=author_key(membership)),
        code=code,
        organisation_id=membership.organisation_id,
        status=Status.SUBMITTED,
    )
