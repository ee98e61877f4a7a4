"""The only way a view loads a protected object of `selfchecks` (style 3.6).

A result is the person's own: nobody else, whatever their role, can load it. Each function
answers 404 both when the object does not exist and when it is not the viewer's.
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404

from alongside.organisations.models import Membership

from .definitions import Instrument, instruments
from .models import SelfCheck


def get_instrument(instrument_id: str) -> Instrument:
    found = instruments().get(instrument_id)
    if found is None:
        raise Http404("No such self-check")
    return found


def get_self_check_for(membership: Membership, code: UUID) -> SelfCheck:
    """A completed self-check, for the person who took it and nobody else."""
    return get_object_or_404(
        SelfCheck,
        code=code,
        organisation_id=membership.organisation_id,
        member=membership,
        completed_at__isnull=False,
    )
