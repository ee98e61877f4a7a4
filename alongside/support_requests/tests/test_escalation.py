"""Escalation when nobody accepts: backups, then coordinators, then the requester is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from alongside.audit.models import AuditEvent
from alongside.notifications.models import Delivery
from alongside.organisations.models import Membership
from alongside.support_requests.actions import (
    accept_support_request,
    escalate_due_requests,
    open_support_request,
)
from alongside.support_requests.models import Page, Step, SupportRequest

from .conftest import Rota

pytestmark = pytest.mark.django_db


def test_each_window_without_an_answer_asks_the_next_people(
    author: Membership, rota: Rota, coordinator: Membership
) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        support_request = open_support_request(by=author)

        clock.shift(timedelta(minutes=4, seconds=59))
        assert escalate_due_requests() == 0

        clock.shift(timedelta(seconds=1))
        assert escalate_due_requests() == 1
        support_request.refresh_from_db()
        assert support_request.step == Step.BACKUP
        assert support_request.status == SupportRequest.Status.ESCALATED
        assert support_request.backup_paged_at == timezone.now()
        assert Page.objects.filter(step=Step.BACKUP).get().recipient == rota.backup

        clock.shift(timedelta(minutes=5))
        assert escalate_due_requests() == 1
        support_request.refresh_from_db()
        assert support_request.step == Step.COORDINATORS
        assert Page.objects.filter(step=Step.COORDINATORS).get().recipient == coordinator

        clock.shift(timedelta(minutes=5))
        assert escalate_due_requests() == 1
        support_request.refresh_from_db()
        assert support_request.step == Step.REQUESTER_TOLD
        assert support_request.requester_told_at == timezone.now()
        assert support_request.is_waiting and support_request.escalate_at is None
        assert Delivery.objects.filter(template="support-delayed").count() == 1

        clock.shift(timedelta(days=1))
        assert escalate_due_requests() == 0
    steps = AuditEvent.objects.filter(action="support_request.escalated").values_list(
        "detail", flat=True
    )
    assert [d["step"] for d in reversed(steps)] == ["backup", "coordinators", "requester_told"]


def test_the_window_follows_the_organisations_policy_for_the_urgency(
    author: Membership, rota: Rota
) -> None:
    author.organisation.escalation_minutes_today = 90
    author.organisation.save()

    support_request = open_support_request(by=author, urgency="today")

    assert support_request.escalate_at == support_request.created_at + timedelta(minutes=90)


def test_an_accepted_request_does_not_escalate(author: Membership, rota: Rota) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        support_request = open_support_request(by=author)
        accept_support_request(by=rota.on_call[0], support_request=support_request)

        clock.shift(timedelta(hours=1))
        assert escalate_due_requests() == 0

    assert Page.objects.count() == 2


def test_escalating_the_same_step_twice_does_nothing_the_second_time(
    author: Membership, rota: Rota
) -> None:
    from alongside.support_requests.actions import escalate_support_request

    support_request = open_support_request(by=author)
    later = timezone.now() + timedelta(minutes=6)

    assert escalate_support_request(request_id=support_request.pk, from_step=0, now=later)
    assert not escalate_support_request(request_id=support_request.pk, from_step=0, now=later)
    assert Page.objects.filter(step=Step.BACKUP).count() == 1
