from __future__ import annotations

import pytest
from django.test import Client

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.actions import (
    add_crisis_resource,
    create_unit,
    rename_unit,
    update_crisis_resource,
)
from alongside.organisations.models import CrisisResource, Membership, Organisation, Unit
from alongside.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_resource_needs_a_way_to_reach_it_and_the_form_keeps_what_was_typed(
    as_coordinator: Client,
) -> None:
    response = as_coordinator.post(
        "/organisation/resources/",
        {"name": "Chaplaincy", "description": "Any faith or none", "position": 5},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "so people can reach this service" in content
    assert 'value="Chaplaincy"' in content and "Any faith or none" in content


def test_coordinators_add_edit_and_remove_resources(
    as_coordinator: Client, coordinator: Membership
) -> None:
    as_coordinator.post(
        "/organisation/resources/",
        {"name": "Chaplaincy", "phone": "555 0101", "position": 5},
    )
    resource = CrisisResource.objects.get(name="Chaplaincy")
    url = f"/organisation/resources/{resource.code}/"
    as_coordinator.post(
        url,
        {
            "name": "Chaplaincy (24/7)",
            "phone": "555 0101",
            "position": 5,
        },
    )
    resource.refresh_from_db()
    assert resource.name == "Chaplaincy (24/7)"
    as_coordinator.post(url, {"delete": "1"})
    assert not CrisisResource.objects.filter(pk=resource.pk).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        AuditAction.RESOURCE_CREATED,
        AuditAction.RESOURCE_CHANGED,
        AuditAction.RESOURCE_DELETED,
    } <= actions


def test_resource_actions_refuse_an_unreachable_line(coordinator: Membership) -> None:
    with pytest.raises(ActionError):
        add_crisis_resource(
            by=coordinator.user, organisation=coordinator.organisation, values={"name": "Nothing"}
        )
    resource = add_crisis_resource(
        by=coordinator.user,
        organisation=coordinator.organisation,
        values={"name": "Line", "phone": "1"},
    )
    with pytest.raises(ActionError):
        update_crisis_resource(by=coordinator.user, resource=resource, values={"phone": ""})


def test_unit_names_are_unique_within_an_organisation(
    org_admin: Membership, unit: Unit, as_admin: Client
) -> None:
    with pytest.raises(ActionError, match="already a unit"):
        create_unit(by=org_admin.user, organisation=org_admin.organisation, name=unit.name.upper())
    other = create_unit(by=org_admin.user, organisation=org_admin.organisation, name="Renal")
    with pytest.raises(ActionError, match="already a unit"):
        rename_unit(by=org_admin.user, unit=other, name=unit.name)
    response = as_admin.post("/organisation/units/", {"name": unit.name})
    assert "already a unit" in response.content.decode()


def test_another_organisation_may_use_the_same_unit_name(org_admin: Membership) -> None:
    create_unit(by=org_admin.user, organisation=OrganisationFactory.create(), name="ICU")
    assert create_unit(by=org_admin.user, organisation=org_admin.organisation, name="ICU")


def test_admins_change_the_organisations_policy_and_it_is_audited(
    as_admin: Client, organisation: Organisation
) -> None:
    response = as_admin.post(
        "/organisation/settings/",
        {
            "name": organisation.name,
            "country": "gb",
            "time_zone": "Europe/London",
            "language": "en",
            "session_idle_hours": 8,
            "requires_mfa_for_leads": "on",
            "escalation_minutes_now": 3,
            "escalation_minutes_today": 60,
            "escalation_minutes_soon": 1440,
            "follow_up_days": "14, 2,7 ,2",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.session_idle_hours == 8 and organisation.country == "GB"
    assert organisation.escalation_minutes_now == 3
    assert organisation.follow_up_schedule == [2, 7, 14]
    event = AuditEvent.objects.get(action=AuditAction.ORGANISATION_POLICY_CHANGED)
    assert event.detail["fields"] == [
        "country",
        "escalation_minutes_now",
        "follow_up_days",
        "session_idle_hours",
        "time_zone",
    ]


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("1, 3, next week", "Use whole numbers of days"),
        ("0, 3", "Each day must be between 1 and 365"),
        ("1,2,3,4,5,6,7,8,9", "at most 8 check-ins"),
    ],
)
def test_a_follow_up_schedule_that_makes_no_sense_is_refused_with_the_form_kept(
    as_admin: Client, organisation: Organisation, days: str, message: str
) -> None:
    response = as_admin.post(
        "/organisation/settings/",
        {
            "name": organisation.name,
            "country": "US",
            "time_zone": "UTC",
            "language": "en",
            "session_idle_hours": 12,
            "escalation_minutes_now": 5,
            "escalation_minutes_today": 60,
            "escalation_minutes_soon": 1440,
            "follow_up_days": days,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{days}"' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.follow_up_schedule == [1, 3, 7, 30]


def test_an_idle_limit_out_of_range_is_refused_with_the_form_kept(
    as_admin: Client, organisation: Organisation
) -> None:
    response = as_admin.post(
        "/organisation/settings/",
        {
            "name": "Renamed Hospital",
            "country": "US",
            "time_zone": "UTC",
            "language": "en",
            "session_idle_hours": 500,
        },
    )
    assert response.status_code == 200
    assert 'value="Renamed Hospital"' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.session_idle_hours == 12
