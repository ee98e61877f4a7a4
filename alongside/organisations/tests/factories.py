from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from alongside.accounts.tests.factories import UserFactory
from alongside.organisations.models import (
    CrisisResource,
    Invitation,
    Membership,
    Organisation,
    Unit,
)


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Hospital {n}")
    country = "US"
    time_zone = "America/New_York"


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Unit {n}")


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_clinician = True

    @factory.post_generation
    def units(obj: Membership, create: bool, extracted: list[Unit] | None, **kw: object) -> None:
        if create and extracted:
            obj.units.set(extracted)


class InvitationFactory(factory.django.DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.test")
    invited_by_label = "An admin"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class CrisisResourceFactory(factory.django.DjangoModelFactory[CrisisResource]):
    class Meta:
        model = CrisisResource

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Helpline {n}")
    phone = "555 0100"
