"""The feed of Alpha's hospital records, shared by the feed's tests."""

from __future__ import annotations

import pytest

from alongside.losses.models import EhrFeed, FeedUnitCode, StaffIdentifier
from alongside.organisations.models import Membership, Organisation, Unit


@pytest.fixture
def feed(
    organisation: Organisation, unit: Unit, author: Membership, colleague: Membership
) -> EhrFeed:
    """Alpha's feed, switched on: ICU maps to the unit; staff 1234 is the author, 5678 the
    colleague."""
    feed = EhrFeed.objects.create(organisation=organisation, is_enabled=True, facility="ALPHA")
    FeedUnitCode.objects.create(organisation=organisation, code="ICU", unit=unit)
    StaffIdentifier.objects.create(organisation=organisation, identifier="1234", member=author)
    StaffIdentifier.objects.create(organisation=organisation, identifier="5678", member=colleague)
    return feed
