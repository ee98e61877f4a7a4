from __future__ import annotations

import pytest

from alongside.audit.models import AuditEvent
from alongside.lib.errors import ActionError
from alongside.notifications.models import Delivery, Notification
from alongside.organisations.models import Membership
from alongside.support_requests.actions import (
    accept_support_request,
    open_support_request,
    withdraw_support_request,
)
from alongside.support_requests.models import Page, SupportRequest

from .conftest import Rota

pytestmark = pytest.mark.django_db


def test_the_first_to_accept_owns_it_and_the_others_are_told(
    author: Membership, rota: Rota
) -> None:
    first, second = rota.on_call
    support_request = open_support_request(by=author)

    accept_support_request(by=first, support_request=support_request, contact_within_minutes=30)
    with pytest.raises(ActionError, match="already taken"):
        accept_support_request(by=second, support_request=support_request)

    support_request.refresh_from_db()
    assert support_request.supporter == first
    assert support_request.status == SupportRequest.Status.ACCEPTED
    assert support_request.contact_within_minutes == 30
    assert support_request.escalate_at is None
    assert Page.objects.get(recipient=first).accepted_at is not None
    assert Page.objects.get(recipient=second).settled_at is not None
    assert Notification.objects.filter(
        recipient=second.user, title__contains="taken by a colleague"
    ).exists()
    told = Delivery.objects.get(template="support-accepted")
    assert told.to_address == author.user.email
    assert told.context["supporter"] == first.user.display_name
    assert AuditEvent.objects.filter(action="support_request.accepted").count() == 1


def test_someone_who_was_not_paged_cannot_accept(author: Membership, colleague: Membership) -> None:
    support_request = open_support_request(by=author)

    with pytest.raises(ActionError, match="not sent to you"):
        accept_support_request(by=colleague, support_request=support_request)


def test_a_withdrawn_request_cannot_be_accepted(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)
    withdraw_support_request(by=author, support_request=support_request)

    with pytest.raises(ActionError, match="withdrew"):
        accept_support_request(by=rota.on_call[0], support_request=support_request)

    assert Page.objects.filter(settled_at__isnull=True).count() == 0


def test_withdrawing_tells_the_supporter_who_took_it(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)
    accept_support_request(by=rota.on_call[0], support_request=support_request)

    withdraw_support_request(by=author, support_request=support_request)

    assert Notification.objects.filter(
        recipient=rota.on_call[0].user, title__contains="withdrawn"
    ).exists()
    with pytest.raises(ActionError, match="already closed"):
        withdraw_support_request(by=author, support_request=support_request)


def test_only_the_requester_can_withdraw(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)

    with pytest.raises(ActionError):
        withdraw_support_request(by=rota.on_call[0], support_request=support_request)
