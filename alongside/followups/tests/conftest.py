"""A talk that has just been recorded: the author asked, Sam (on call) took it and closed it."""

from __future__ import annotations

import pytest

from alongside.followups.actions import record_talk_and_schedule_follow_ups, send_due_follow_ups
from alongside.followups.models import FollowUp
from alongside.organisations.models import Membership
from alongside.support_requests.actions import accept_support_request, open_support_request
from alongside.support_requests.models import SupportRequest

# The rota of the support_requests tests: Sam Sameunit and Olu Otherunit on call, Bea Backup.
from alongside.support_requests.tests.conftest import Rota as Rota
from alongside.support_requests.tests.conftest import rota  # noqa: F401


def talk_with(
    requester: Membership, supporter: Membership, *, was_hard: bool = False
) -> SupportRequest:
    support_request = open_support_request(by=requester, contact_method="text")
    accept_support_request(by=supporter, support_request=support_request)
    support_request.refresh_from_db()
    record_talk_and_schedule_follow_ups(
        by=supporter, support_request=support_request, was_hard=was_hard
    )
    support_request.refresh_from_db()
    return support_request


@pytest.fixture
def talk(author: Membership, rota: Rota) -> SupportRequest:  # noqa: F811
    return talk_with(author, rota.on_call[0])


def sent_follow_up(talk: SupportRequest, day: int = 1) -> FollowUp:
    """The requester's check-in of `day`, sent by the tick when its day came."""
    follow_up = FollowUp.objects.get(support_request=talk, member=talk.requester, day=day)
    send_due_follow_ups(now=follow_up.due_at)
    follow_up.refresh_from_db()
    return follow_up
