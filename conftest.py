"""Shared fixtures: the four personas of style 8.2, plus an org admin.

`author` and `colleague` are clinicians on the same unit of `organisation`; `coordinator` and
`org_admin` lead it; `outsider` holds every role in another organisation, so only organisation
scoping (never a missing permission) can keep them out of `organisation`'s things.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import Client
from django.utils import translation

from alongside.accounts.models import User
from alongside.organisations.models import Membership, Organisation, Unit
from alongside.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UnitFactory,
)

ALL_ROLES = {
    "is_clinician": True,
    "is_peer_supporter": True,
    "is_moderator": True,
    "is_coordinator": True,
    "is_org_admin": True,
}


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A request in Spanish leaves its language active in this thread (as it would in a web
    worker until the next request sets it); later tests' texts must not depend on test order."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def enrol_totp(user: User) -> str:
    secret: str = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory.create(name="Alpha General Hospital")


@pytest.fixture
def unit(organisation: Organisation) -> Unit:
    return UnitFactory.create(organisation=organisation, name="Alpha ICU")


@pytest.fixture
def author(organisation: Organisation, unit: Unit) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, units=[unit], user__name="Avery Alphaauthor"
    )


@pytest.fixture
def colleague(organisation: Organisation, unit: Unit) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, units=[unit], user__name="Casey Alphacolleague"
    )


@pytest.fixture
def coordinator(organisation: Organisation) -> Membership:
    member = MembershipFactory.create(
        organisation=organisation, is_coordinator=True, user__name="Corin Alphacoordinator"
    )
    enrol_totp(member.user)
    return member


@pytest.fixture
def org_admin(organisation: Organisation) -> Membership:
    member = MembershipFactory.create(
        organisation=organisation, is_org_admin=True, user__name="Adrian Alphaadmin"
    )
    enrol_totp(member.user)
    return member


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory.create(name="Beta Community Hospital")


@pytest.fixture
def outsider(other_organisation: Organisation) -> Membership:
    member = MembershipFactory.create(
        organisation=other_organisation, user__name="Olive Betaoutsider", **ALL_ROLES
    )
    enrol_totp(member.user)
    return member


def client_for(membership: Membership | None) -> Client:
    client = Client()
    if membership is not None:
        client.force_login(membership.user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def as_author(author: Membership) -> Client:
    return client_for(author)


@pytest.fixture
def as_coordinator(coordinator: Membership) -> Client:
    return client_for(coordinator)


@pytest.fixture
def as_admin(org_admin: Membership) -> Client:
    return client_for(org_admin)


@pytest.fixture
def as_outsider(outsider: Membership) -> Client:
    return client_for(outsider)
