"""Writes of the journal. Audit rows say that something was deleted or exported, never whose
or what: the journal is its writer's alone."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.audit.actions import ANONYMOUS, record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership

from .models import JournalEntry, Prompt

BODY_MAX = 100_000
TAG_MAX = 30
TAGS_MAX = 12


def clean_tags(raw: str | Sequence[str]) -> list[str]:
    """ "grief, Night shift ,grief" -> ["grief", "night shift"]: lower case, distinct, short."""
    parts = re.split(r"[,#\n]", raw) if isinstance(raw, str) else list(raw)
    tags: list[str] = []
    for part in parts:
        tag = " ".join(part.split()).lower()[:TAG_MAX]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:TAGS_MAX]


def _checked(body: str, prompt: str) -> None:
    if len(body) > BODY_MAX:
        raise ActionError(
            _(
                "This entry is very long. Please start a new one to carry on "
                "(the limit is %(n)s characters)."
            )
            % {"n": BODY_MAX}
        )
    if prompt and prompt not in Prompt.values:
        raise ActionError(_("Choose one of the prompts, or none."))


@transaction.atomic
def save_entry(
    *,
    by: Membership,
    body: str,
    tags: str | Sequence[str] = "",
    prompt: str = "",
    entry: JournalEntry | None = None,
) -> JournalEntry:
    """Write a new entry or save one's own again (the editor autosaves as the person types).
    Not audited: nothing is shared, and the audit log must not track a person's writing."""
    _checked(body, prompt)
    now = timezone.now()
    tags_data = json.dumps(clean_tags(tags))
    if entry is None:
        return JournalEntry.objects.create(
            organisation_id=by.organisation_id,
            member=by,
            body=body,
            prompt=prompt,
            tags_data=tags_data,
            created_at=now,
            updated_at=now,
        )
    if entry.member_id != by.pk:
        raise ActionError(_("This entry belongs to someone else."))
    entry.body, entry.prompt, entry.tags_data, entry.updated_at = body, prompt, tags_data, now
    entry.save(update_fields=["body", "prompt", "tags_data", "updated_at"])
    return entry


@transaction.atomic
def delete_entry(*, by: Membership, entry: JournalEntry) -> None:
    """Really deleted. The audit row says a journal entry was deleted: not whose, not what."""
    if entry.member_id != by.pk:
        raise ActionError(_("This entry belongs to someone else."))
    entry.delete()
    record_event(
        by=ANONYMOUS, action=AuditAction.JOURNAL_ENTRY_DELETED, organisation_id=by.organisation_id
    )


@transaction.atomic
def delete_journal(*, by: Membership) -> int:
    """Delete every entry of one's journal. Returns how many went."""
    deleted, _counts = JournalEntry.objects.filter(member=by).delete()
    record_event(
        by=ANONYMOUS, action=AuditAction.JOURNAL_DELETED, organisation_id=by.organisation_id
    )
    return deleted


def record_export(*, by: Membership) -> None:
    """An export is the one time the whole journal leaves the server: audited, without a name."""
    record_event(
        by=ANONYMOUS, action=AuditAction.JOURNAL_EXPORTED, organisation_id=by.organisation_id
    )
