"""Reads of the journal, for its writer only. Text is encrypted, so search happens here, on the
writer's own decrypted entries (a journal is hundreds of entries, not millions)."""

from __future__ import annotations

from collections import Counter

from alongside.organisations.models import Membership

from .models import JournalEntry


def entries_of(member: Membership) -> list[JournalEntry]:
    return list(JournalEntry.objects.filter(member=member).order_by("-created_at", "-pk"))


def search(entries: list[JournalEntry], *, text: str = "", tag: str = "") -> list[JournalEntry]:
    """Entries whose words or tags contain `text` (any case), with `tag` when given."""
    needle = " ".join(text.split()).casefold()
    found = []
    for entry in entries:
        if tag and tag not in entry.tags:
            continue
        if (
            needle
            and needle not in " ".join(entry.body.split()).casefold()
            and not any(needle in t for t in entry.tags)
        ):
            continue
        found.append(entry)
    return found


def tags_in(entries: list[JournalEntry]) -> list[tuple[str, int]]:
    counts = Counter(tag for entry in entries for tag in entry.tags)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
