"""Stories clinicians share with peers, after the identifier scrubber and a moderator.

Who wrote a story is not in the database as such: a story holds a keyed hash of its author
(to find one's own stories) and their membership id encrypted (to tell them of the moderator's
answer), so nobody, not moderators, coordinators, admins or whoever holds a database dump,
can tell who wrote it. The text is encrypted at rest until it is published; what is published
is the scrubbed text, which peers read and search.
"""

from __future__ import annotations

import json
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField
from alongside.organisations.models import Membership, Organisation


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for a moderator")
    RETURNED = "returned", _("Returned to you with a note")
    PUBLISHED = "published", _("Shared")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("People in this organisation")
    EVERYONE = "everyone", _("Everyone on Alongside, in every organisation")


class Role(models.TextChoices):
    """What the author may choose to show of themselves: a role, never a name."""

    NONE = "", _("Don't show anything about me")
    NURSE = "nurse", _("a nurse")
    DOCTOR = "doctor", _("a doctor")
    PARAMEDIC = "paramedic", _("a paramedic")
    MIDWIFE = "midwife", _("a midwife")
    STUDENT = "student", _("a student")
    THERAPIST = "therapist", _("a therapist")
    OTHER = "other", _("a colleague in health care")


class Reaction(models.TextChoices):
    BEEN_THERE = "been_there", _("I've been there")
    THANK_YOU = "thank_you", _("Thank you for sharing")
    STRENGTH = "strength", _("Sending strength")


class Story(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # The author: `author_key(member)`, and their membership id, encrypted (see above).
    author_key = models.CharField(max_length=64)
    author_ref = EncryptedTextField(blank=True, default="")
    title = EncryptedTextField(blank=True, default="")
    body = EncryptedTextField(blank=True, default="")
    # Identifiers the author chose to keep as written, for the moderator to look at:
    # a JSON list of {"type", "text"}, encrypted like the body.
    kept_data = EncryptedTextField(blank=True, default="[]")
    role = models.CharField(max_length=16, choices=Role.choices, blank=True)
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.ORGANISATION
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    moderator_note = EncryptedTextField(blank=True, default="")
    # The published text (already scrubbed and approved): plain, so peers can search it.
    published_title = models.TextField(blank=True, default="")
    published_body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name_plural = "stories"
        indexes = [
            # queries.own_stories, access.get_own_story: one's own stories.
            models.Index(fields=["author_key", "-updated_at"], name="story_author_idx"),
            # queries.moderation_queue: an organisation's stories waiting, oldest first.
            models.Index(
                fields=["organisation", "submitted_at"],
                condition=Q(status="submitted"),
                name="story_queue_idx",
            ),
            # queries.published_for: what a member may read, newest first.
            models.Index(
                fields=["visibility", "organisation", "-published_at"],
                condition=Q(status="published"),
                name="story_published_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Story {str(self.code)[:8]}"

    @property
    def kept(self) -> list[dict[str, str]]:
        value: list[dict[str, str]] = json.loads(self.kept_data or "[]")
        return value

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def is_by(self, member: Membership) -> bool:
        return self.author_key == author_key(member)


def author_key(member: Membership) -> str:
    """Equal for the same member, and useless without the server's secret key."""
    return salted_hmac("alongside.stories.author", str(member.code), algorithm="sha256").hexdigest()


class StoryReaction(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Reaction.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "member", "kind"], name="story_reaction_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.story}"


class Reply(models.Model):
    """A peer's answer to a shared story: scrubbed (everything found is replaced) and read by
    a moderator of the story's organisation before anyone else; its writer held like a story's
    (a keyed hash and an encrypted id), so nobody can tell who wrote it."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="replies")
    # The story's organisation, whose moderators read the reply (its writer may be elsewhere).
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author_key = models.CharField(max_length=64)
    author_ref = EncryptedTextField(blank=True, default="")
    body = EncryptedTextField(blank=True, default="")  # scrubbed, waiting for a moderator
    published_body = models.TextField(blank=True, default="")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    moderator_note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "replies"
        indexes = [
            # queries.reply_queue and replies_to: a story's or an organisation's replies by state.
            models.Index(fields=["organisation", "status", "created_at"], name="reply_queue_idx"),
            models.Index(fields=["story", "status", "created_at"], name="reply_story_idx"),
        ]

    def __str__(self) -> str:
        return f"Reply {str(self.code)[:8]}"

    def is_by(self, member: Membership) -> bool:
        return self.author_key == author_key(member)
