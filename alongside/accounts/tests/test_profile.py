from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from alongside.audit.models import AuditEvent
from alongside.organisations.models import Membership

pytestmark = pytest.mark.django_db


def test_a_phone_number_is_saved_encrypted_and_audited_without_its_value(
    as_author: Client, author: Membership
) -> None:
    response = as_author.post(
        "/accounts/profile/", {"name": "Avery Alphaauthor", "phone": " +1 555 0199 "}
    )

    assert response.status_code == 302
    author.user.refresh_from_db()
    assert author.user.phone == "+1 555 0199"
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [author.user_id])
        (stored,) = cursor.fetchone()
    assert stored.startswith("enc1:") and "555" not in stored
    event = AuditEvent.objects.get(action="user.profile_changed")
    assert event.detail == {"fields": ["phone"]}
    assert "555" not in str(event.detail) + event.target_label
