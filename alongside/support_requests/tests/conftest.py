"""An organisation with peer supporters on the rota, beside the shared personas."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from alongside.organisations.models import Membership, Organisation, Unit
from alongside.organisations.tests.factories import MembershipFactory, UnitFactory
from alongside.support_requests.models import Tier

from .factories import put_on_call


@dataclass
class Rota:
    on_call: list[Membership]  # primary tier; the first shares the author's unit
    backup: Membership
    other_unit: Unit


@pytest.fixture
def rota(organisation: Organisation, unit: Unit, author: Membership) -> Rota:
    other_unit = UnitFactory.create(organisation=organisation, name="Alpha Emergency")
    same = MembershipFactory.create(
        organisation=organisation, units=[unit], is_peer_supporter=True, user__name="Sam Sameunit"
    )
    other = MembershipFactory.create(
        organisation=organisation,
        units=[other_unit],
        is_peer_supporter=True,
        user__name="Olu Otherunit",
    )
    backup = MembershipFactory.create(
        organisation=organisation, is_peer_supporter=True, user__name="Bea Backup"
    )
    for member in (same, other):
        put_on_call(member)
    put_on_call(backup, tier=Tier.BACKUP)
    return Rota(on_call=[same, other], backup=backup, other_unit=other_unit)
