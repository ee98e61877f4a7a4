"""The private journal: what a person writes for themselves, and nobody else can read.

Text and tags are encrypted at rest (lib.encryption: authenticated encryption, rotatable
keys). Not registered in the Django admin; read only through `access.py`, by its writer.
"""

from __future__ import annotations

import json
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.lib.encryption import EncryptedTextField
from alongside.organisations.models import Membership, Organisation


class Prompt(models.TextChoices):
    """Questions clinicians ask themselves after a loss; a prompt is always optional."""

    GOING_OVER = "going_over", _("What do I keep going over?")
    TO_A_COLLEAGUE = "to_a_colleague", _("What would I say to a colleague who went through this?")
    MATTERED = "mattered", _("What did I do that mattered?")
    NEED_NOW = "need_now", _("What do I need right now?")


class JournalEntry(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    prompt = models.CharField(max_length=24, choices=Prompt.choices, blank=True)
    body = EncryptedTextField(blank=True, default="")
    tags_data = EncryptedTextField(blank=True, default="[]")  # JSON list of short words
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "journal entries"
        indexes = [
            # queries.entries_of: a person's entries, newest first.
            models.Index(fields=["member", "-created_at"], name="journal_member_idx"),
        ]

    def __str__(self) -> str:
        return f"Journal entry {str(self.code)[:8]}"

    @property
    def tags(self) -> list[str]:
        value: list[str] = json.loads(self.tags_data or "[]")
        return value
