from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from alongside.accounts.models import User
from alongside.organisations.models import CrisisResource, Membership, Organisation, Unit

pytestmark = pytest.mark.django_db


def test_the_demo_hospital_is_loaded_once_however_often_it_runs() -> None:
    out = StringIO()
    call_command("seed_demo_data", stdout=out)
    call_command("seed_demo_data", "--quiet")

    organisation = Organisation.objects.get(name="Demo General Hospital")
    assert sorted(
        Unit.objects.filter(organisation=organisation).values_list("name", flat=True)
    ) == ["Emergency", "ICU", "Oncology", "Paediatrics"]
    members = Membership.objects.filter(organisation=organisation)
    assert members.count() == User.objects.count() == 12
    assert members.filter(is_org_admin=True).count() == 1
    assert members.filter(is_coordinator=True).count() == 1
    assert members.filter(is_peer_supporter=True).count() == 4
    assert (
        members.filter(
            is_clinician=True, is_peer_supporter=False, is_org_admin=False, is_coordinator=False
        ).count()
        == 6
    )
    assert CrisisResource.objects.filter(organisation=organisation, phone="988").exists()
    assert "admin@demo.alongside.test" in out.getvalue()
    assert User.objects.get(email="nurse@demo.alongside.test").check_password("demo-alongside-2026")


def test_the_demo_nurse_has_a_month_of_wellbeing_results_once(db: None) -> None:
    from django.core.management import call_command

    from alongside.selfchecks.models import SelfCheck

    call_command("seed_demo_data", quiet=True)
    call_command("seed_demo_data", quiet=True)

    results = SelfCheck.objects.filter(member__user__email="nurse@demo.alongside.test")
    assert results.count() == 3 and {r.result["percentage"] for r in results} == {36, 48, 64}
