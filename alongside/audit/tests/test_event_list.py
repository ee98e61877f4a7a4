from __future__ import annotations

import pytest
from pytest_django import DjangoAssertNumQueries

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction, AuditEvent
from alongside.organisations.actions import create_unit
from alongside.organisations.models import Membership
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_admins_and_coordinators_see_their_organisations_log(
    org_admin: Membership, coordinator: Membership, outsider: Membership
) -> None:
    create_unit(by=org_admin.user, organisation=org_admin.organisation, name="Alpha Cardiology")
    create_unit(by=outsider.user, organisation=outsider.organisation, name="Beta Cardiology")

    for member in (org_admin, coordinator):
        page = client_for(member).get("/organisation/audit/").content.decode()
        assert "Alpha Cardiology" in page
        assert "Beta Cardiology" not in page


def test_the_log_filters_by_action_and_person(org_admin: Membership) -> None:
    create_unit(by=org_admin.user, organisation=org_admin.organisation, name="Alpha Cardiology")
    record_event(
        by=None,
        action=AuditAction.RESOURCE_CREATED,
        organisation_id=org_admin.organisation_id,
        target_label="Alpha Helpline",
    )
    client = client_for(org_admin)

    by_action = client.get("/organisation/audit/", {"action": "unit.created"}).content.decode()
    assert "Alpha Cardiology" in by_action and "Alpha Helpline" not in by_action

    by_actor = client.get("/organisation/audit/", {"actor": "system"}).content.decode()
    assert "Alpha Helpline" in by_actor and "Alpha Cardiology" not in by_actor


def test_opening_the_log_is_itself_audited(org_admin: Membership) -> None:
    client_for(org_admin).get("/organisation/audit/")
    assert AuditEvent.objects.filter(
        action=AuditAction.AUDIT_LOG_VIEWED, actor_id=org_admin.user_id
    ).exists()


def test_clinicians_and_peer_supporters_cannot_open_the_log(author: Membership) -> None:
    author.is_peer_supporter = True
    author.save()
    assert client_for(author).get("/organisation/audit/").status_code == 404


def test_audit_rows_copy_labels_so_deleting_a_person_keeps_the_log(
    org_admin: Membership, author: Membership
) -> None:
    from alongside.organisations.actions import update_membership

    update_membership(by=org_admin.user, membership=author, roles=["peer_supporter"], units=[])
    author.user.delete()

    event = AuditEvent.objects.get(action=AuditAction.MEMBERSHIP_CHANGED)
    assert event.target_label == "Avery Alphaauthor"


def test_the_audit_list_page_uses_a_fixed_number_of_queries(
    org_admin: Membership, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(30):
        record_event(
            by=org_admin.user,
            action=AuditAction.UNIT_CREATED,
            organisation_id=org_admin.organisation_id,
            target_label=f"Unit {n}",
        )
    client = client_for(org_admin)
    client.get("/organisation/audit/")  # the once-a-minute session write happens here
    with django_assert_max_num_queries(8):
        assert client.get("/organisation/audit/").status_code == 200


def test_the_log_filters_by_date(org_admin: Membership) -> None:
    from datetime import timedelta

    from django.utils import timezone

    old = record_event(
        by=None,
        action=AuditAction.RESOURCE_CREATED,
        organisation_id=org_admin.organisation_id,
        target_label="Alpha Old Line",
    )
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    record_event(
        by=None,
        action=AuditAction.RESOURCE_CREATED,
        organisation_id=org_admin.organisation_id,
        target_label="Alpha New Line",
    )
    client = client_for(org_admin)
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    until = (timezone.localdate() - timedelta(days=30)).isoformat()

    recent = client.get("/organisation/audit/", {"since": since}).content.decode()
    assert "Alpha New Line" in recent and "Alpha Old Line" not in recent
    older = client.get("/organisation/audit/", {"until": until}).content.decode()
    assert "Alpha Old Line" in older and "Alpha New Line" not in older


def test_times_are_shown_in_the_organisations_time_zone(org_admin: Membership) -> None:
    from datetime import UTC, datetime

    import time_machine

    org_admin.organisation.time_zone = "Europe/Madrid"
    org_admin.organisation.save()
    with time_machine.travel(datetime(2026, 7, 1, 22, 30, tzinfo=UTC), tick=False):
        record_event(
            by=None,
            action=AuditAction.RESOURCE_CREATED,
            organisation_id=org_admin.organisation_id,
            target_label="Alpha Line",
        )
    page = client_for(org_admin).get("/organisation/audit/").content.decode()
    assert "2 Jul 2026 00:30" in page  # 22:30 UTC is half past midnight in Madrid in summer
