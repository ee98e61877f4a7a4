from __future__ import annotations

import pytest
from django.test import Client

from alongside.organisations.models import Membership
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_switching_to_spanish_sticks_for_a_visitor(db: None) -> None:
    client = Client()
    response = client.post("/language/", {"language": "es", "next": "/help/"})
    assert response["Location"] == "/help/"
    page = client.get("/help/").content.decode()
    assert "¿Necesitas ayuda ahora?" in page
    assert '<html lang="es">' in page


def test_a_members_choice_is_saved_on_their_profile(author: Membership) -> None:
    client = client_for(author)
    client.post("/language/", {"language": "es", "next": "/"})
    author.user.refresh_from_db()
    assert author.user.language == "es"
    fresh = client_for(author)  # another device, no cookie
    assert "Hola" in fresh.get("/").content.decode()


def test_the_organisations_language_is_the_default(author: Membership) -> None:
    author.organisation.language = "es"
    author.organisation.save()
    assert "Hola" in client_for(author).get("/").content.decode()


def test_an_unsafe_next_address_is_ignored(db: None) -> None:
    response = Client().post("/language/", {"language": "en", "next": "https://evil.test/"})
    assert response["Location"] == "/"
