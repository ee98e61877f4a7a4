from __future__ import annotations

import pytest
from django.utils import timezone

from alongside.notifications.models import Delivery, Notification
from alongside.organisations.models import Membership
from alongside.support_requests.actions import report_failed_page, report_failed_pages

pytestmark = pytest.mark.django_db


def _failed(member: Membership, *, template: str = "support-page", **extra: str) -> Delivery:
    fields = {"to_address": member.user.email, **extra}
    return Delivery.objects.create(
        template=template,
        organisation_id=member.organisation_id,
        recipient_id=member.user_id,
        status=Delivery.Status.FAILED,
        attempts=6,
        **fields,
    )


def test_coordinators_hear_once_when_a_page_could_not_be_delivered(
    colleague: Membership, coordinator: Membership
) -> None:
    _failed(colleague)

    assert report_failed_pages() == 1
    assert report_failed_pages() == 0

    (notice,) = Notification.objects.filter(recipient=coordinator.user)
    assert colleague.user.display_name in notice.title and "by email" in notice.title
    assert not Notification.objects.filter(recipient=colleague.user).exists()


def test_a_failed_channel_is_named_by_its_service_and_a_departed_supporter_says_so(
    colleague: Membership, coordinator: Membership
) -> None:
    _failed(colleague, channel="apprise", to_address="Slack")
    colleague.delete()

    report_failed_pages()

    (notice,) = Notification.objects.filter(recipient=coordinator.user)
    assert "a supporter who left" in notice.title and "by Slack" in notice.title


def test_failures_of_messages_to_people_who_asked_are_never_reported(
    author: Membership, coordinator: Membership
) -> None:
    # A check-in or "Maria has your request" failing must not tell coordinators who asked.
    _failed(author, template="follow-up")
    _failed(author, template="support-accepted")

    assert report_failed_pages() == 0
    assert not Notification.objects.exists()


def test_of_two_ticks_reading_the_same_failure_only_one_tells_the_coordinators(
    colleague: Membership, coordinator: Membership
) -> None:
    delivery = _failed(colleague)
    now = timezone.now()

    def claim() -> bool:
        return report_failed_page(
            delivery_id=delivery.pk,
            organisation_id=colleague.organisation_id,
            recipient_id=colleague.user_id,
            channel=delivery.channel,
            to_address=delivery.to_address,
            now=now,
        )

    # Both ticks listed the row before either claimed it.
    assert claim() is True
    assert claim() is False

    assert Notification.objects.filter(recipient=coordinator.user).count() == 1
