from __future__ import annotations

from datetime import time

import factory

from alongside.organisations.models import Membership
from alongside.support_requests.models import Shift, Tier


def put_on_call(supporter: Membership, *, tier: str = Tier.PRIMARY) -> list[Shift]:
    """A supporter on call around the clock, every day (24-hour shifts), in `tier`."""
    return [ShiftFactory.create(supporter=supporter, weekday=day, tier=tier) for day in range(7)]


class ShiftFactory(factory.django.DjangoModelFactory[Shift]):
    class Meta:
        model = Shift

    supporter = factory.SubFactory("alongside.organisations.tests.factories.MembershipFactory")
    organisation = factory.LazyAttribute(lambda shift: shift.supporter.organisation)
    tier = Tier.PRIMARY
    weekday = 0
    # An end equal to the start is a 24-hour shift.
    starts = time(0)
    ends = time(0)
