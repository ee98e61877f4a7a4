"""Nobody in crisis meets a dead end: the help page, and every error page, offer a person."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings
from django.views.defaults import server_error

from alongside.organisations.actions import create_organisation
from alongside.organisations.models import CrisisResource, Membership
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_signed_out_visitors_see_the_default_countrys_lines() -> None:
    page = Client().get("/help/").content.decode()
    assert 'href="tel:988"' in page
    assert 'href="tel:911"' in page


@override_settings(ALONGSIDE_DEFAULT_COUNTRY="GB")
def test_the_server_default_country_can_be_changed() -> None:
    page = Client().get("/help/").content.decode()
    assert 'href="tel:116123"' in page


def test_a_new_organisation_starts_with_its_countrys_lines() -> None:
    organisation = create_organisation(
        by=None, name="Hospital de Prueba", country="ES", language="es"
    )
    names = list(
        CrisisResource.objects.filter(organisation=organisation).values_list("phone", flat=True)
    )
    assert "024" in names and "112" in names


def test_members_see_their_organisations_own_lines_first(author: Membership) -> None:
    CrisisResource.objects.create(
        organisation=author.organisation,
        name="Staff Care Line",
        phone="555 0199",
        is_emergency=True,
    )
    page = client_for(author).get("/help/").content.decode()
    assert "Staff Care Line" in page


def test_an_organisation_with_no_lines_left_still_shows_its_countrys(author: Membership) -> None:
    CrisisResource.objects.filter(organisation=author.organisation).delete()
    page = client_for(author).get("/help/").content.decode()
    assert 'href="tel:988"' in page


def test_not_found_pages_offer_help() -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert 'href="/help/"' in response.content.decode()


def test_a_rejected_form_offers_help_and_says_what_to_do() -> None:
    response = Client(enforce_csrf_checks=True).post("/language/", {"language": "es"})
    assert response.status_code == 403
    content = response.content.decode()
    assert 'href="/help/"' in content
    assert "reload the page" in content


def test_the_server_error_page_carries_crisis_numbers_without_the_database() -> None:
    request = RequestFactory().get("/")
    response = server_error(request)
    content = response.content.decode()
    assert response.status_code == 500
    assert 'href="/help/"' in content
    assert 'href="tel:988"' in content and 'href="tel:116123"' in content


def test_the_help_page_is_open_to_leads_who_have_not_set_up_two_step_sign_in(
    author: Membership,
) -> None:
    author.is_org_admin = True
    author.save()
    assert client_for(author).get("/help/").status_code == 200


def test_an_organisation_without_a_crisis_line_still_shows_its_countrys_lines(
    author: Membership, as_author: Client
) -> None:
    """Found at phone width: an organisation that kept only its employee assistance programme
    showed a person waiting for support no line to call."""
    from alongside.organisations.models import CrisisResource

    CrisisResource.objects.filter(organisation=author.organisation).delete()
    CrisisResource.objects.create(
        organisation=author.organisation, name="Alpha EAP", kind="employee_assistance", phone="1"
    )

    page = as_author.get("/help/").content.decode()

    assert 'href="tel:988"' in page and "Alpha EAP" in page
