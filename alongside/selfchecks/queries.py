"""Reads of `selfchecks`.

A person's own results are read only through `access.py`. `aggregate_scores` is the one
reader for anyone else, and it gives counts per band with every cell under five people
suppressed: nobody can be picked out of it.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from typing import Any

from alongside.organisations.models import Membership, Organisation, Unit

from .definitions import Instrument, instruments
from .models import SelfCheck, SelfCheckReminder

SMALLEST_CELL = 5


def draft_of(member: Membership, instrument: str) -> SelfCheck | None:
    """The answers a person gave so far, when they have not finished."""
    return SelfCheck.objects.filter(
        member=member, instrument=instrument, completed_at__isnull=True
    ).first()


def history_of(member: Membership, instrument: str) -> list[SelfCheck]:
    """A person's results for one instrument, oldest first (the trend's order)."""
    return list(
        SelfCheck.objects.filter(
            member=member, instrument=instrument, completed_at__isnull=False
        ).order_by("completed_at", "pk")
    )


def previous_result(self_check: SelfCheck) -> SelfCheck | None:
    """The same person's result for the same instrument just before this one."""
    if self_check.completed_at is None:
        return None
    return (
        SelfCheck.objects.filter(
            member_id=self_check.member_id,
            instrument=self_check.instrument,
            completed_at__lt=self_check.completed_at,
        )
        .order_by("-completed_at")
        .first()
    )


def latest_dates(member: Membership) -> dict[str, datetime]:
    """When the person last completed each instrument."""
    found: dict[str, datetime] = {}
    rows = (
        SelfCheck.objects.filter(member=member, completed_at__isnull=False)
        .order_by("instrument", "-completed_at")
        .values_list("instrument", "completed_at")
    )
    for instrument, completed_at in rows:
        if completed_at is not None:
            found.setdefault(instrument, completed_at)
    return found


def drafts_of(member: Membership) -> set[str]:
    return set(
        SelfCheck.objects.filter(member=member, completed_at__isnull=True).values_list(
            "instrument", flat=True
        )
    )


def reminders_of(member: Membership) -> dict[str, SelfCheckReminder]:
    return {r.instrument: r for r in SelfCheckReminder.objects.filter(member=member)}


def _cells(definition: Instrument) -> list[str]:
    if definition.subscale_bands:
        return [
            f"{subscale}.{band.name}"
            for subscale in definition.subscales
            for band in definition.subscale_bands
        ]
    return [band.name for band in definition.bands]


def _keys(definition: Instrument, result: dict[str, Any]) -> list[str]:
    if definition.subscale_bands:
        return [f"{name}.{value['band']}" for name, value in result["subscales"].items()]
    return [result["band"]]


def aggregate_scores(
    organisation: Organisation, unit: Unit | None = None, since: datetime | None = None
) -> dict[str, dict[str, int | None]]:
    """For programme reports: per instrument, how many people's latest result (since `since`,
    among members of `unit` when given) falls in each band; ProQOL 5 per subscale, as
    `"burnout.low"`. A cell under five people is None (suppressed), zero included, so no
    result can be traced to a person. Reads nothing else about anyone."""
    rows = SelfCheck.objects.filter(organisation=organisation, completed_at__isnull=False)
    if unit is not None:
        rows = rows.filter(member__units=unit)
    if since is not None:
        rows = rows.filter(completed_at__gte=since)
    latest: dict[tuple[int, str], str] = {}
    for member_id, instrument, data in rows.order_by("completed_at", "pk").values_list(
        "member_id", "instrument", "result_data"
    ):
        if data is not None:
            latest[(member_id, instrument)] = data  # later rows replace earlier ones
    counts: dict[str, Counter[str]] = {}
    for (_member, instrument), data in latest.items():
        definition = instruments().get(instrument)
        if definition is None:
            continue
        counts.setdefault(instrument, Counter()).update(_keys(definition, json.loads(data)))
    return {
        instrument: {
            cell: (n if (n := counts[instrument][cell]) >= SMALLEST_CELL else None)
            for cell in _cells(instruments()[instrument])
        }
        for instrument in sorted(counts)
    }
