"""The only way a view loads a journal entry (style 3.6): its writer's, nobody else's, whatever
their role. 404 when it does not exist or is not the viewer's."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from alongside.organisations.models import Membership

from .models import JournalEntry


def get_entry_for(membership: Membership, code: UUID) -> JournalEntry:
    """One's own journal entry."""
    return get_object_or_404(
        JournalEntry, code=code, organisation_id=membership.organisation_id, member=membership
    )
