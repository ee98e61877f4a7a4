"""'Share my name only with the supporter who accepts': nobody else sees who asked, by any page,
notice, email, audit row or table of the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.tests.factories import UserFactory
from alongside.organisations.models import Membership
from alongside.support_requests.actions import (
    accept_support_request,
    escalate_support_request,
    open_support_request,
    record_encounter,
    withdraw_support_request,
)
from conftest import client_for

from .conftest import Rota

pytestmark = pytest.mark.django_db

NAME = "Avery Alphaauthor"
# The tables that describe a person rather than what they did: their name lives there by design.
PERSON_TABLES = {"accounts_user", "account_emailaddress"}


def raw_dump_without_person_tables() -> str:
    """Every row of every other table as stored (no ORM, so nothing is decrypted)."""
    rows: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in PERSON_TABLES:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_a_private_name_reaches_nobody_but_the_supporter_who_accepts(
    author: Membership, rota: Rota, coordinator: Membership, org_admin: Membership
) -> None:
    assert author.user.display_name == NAME
    first = open_support_request(by=author, note="Alpha note")
    second = open_support_request(by=author, kind="colleague")
    accept_support_request(by=rota.on_call[0], support_request=first)
    record_encounter(by=rota.on_call[0], support_request=first, note="Quokka-7 encounter note")
    for step in (0, 1):  # on to the backups, then the coordinators
        later = timezone.now() + timedelta(hours=step + 1)
        assert escalate_support_request(request_id=second.pk, from_step=step, now=later)
    withdraw_support_request(by=author, support_request=second)

    # The supporter who took it sees the name.
    owner = client_for(rota.on_call[0])
    respond = reverse("support_requests:respond", kwargs={"code": first.code})
    assert NAME in owner.get(respond).content.decode()
    # Nobody else does, on any page they can open.
    others: list[tuple[Client, list[str]]] = [
        (
            client_for(coordinator),
            [
                reverse("support_requests:programme"),
                reverse("audit:event-list"),
                reverse("support_requests:page-list"),
                reverse("support_requests:respond", kwargs={"code": second.code}),
                "/",
            ],
        ),
        (client_for(org_admin), [reverse("audit:event-list"), "/"]),
        (
            client_for(rota.on_call[1]),
            [
                reverse("support_requests:page-list"),
                reverse("support_requests:respond", kwargs={"code": first.code}),
                reverse("notifications:notification-list"),
            ],
        ),
    ]
    for client, urls in others:
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert NAME not in response.content.decode(), url
    # The Django admin, for server operators.
    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")
    for url in ["/admin/", "/admin/audit/auditevent/", "/admin/notifications/delivery/"]:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert NAME not in response.content.decode(), url
    # And no table that records what happened holds it.
    dump = raw_dump_without_person_tables()
    assert NAME not in dump
    assert "Alpha note" not in dump and "Quokka-7" not in dump


def test_a_shared_name_is_shown_to_coordinators(
    author: Membership, rota: Rota, as_coordinator: Client
) -> None:
    open_support_request(by=author, is_name_private=False)

    page = as_coordinator.get(reverse("support_requests:programme")).content.decode()

    assert NAME in page
