"""Reads for follow-ups, each scoped to one organisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from alongside.organisations.models import Membership
from alongside.support_requests.models import SupportRequest

from .models import FollowUp, Reason


def check_in_waiting_for(member: Membership) -> FollowUp | None:
    """The latest check-in sent to this person that they have not answered (the home page)."""
    return (
        FollowUp.objects.filter(
            organisation_id=member.organisation_id,
            member=member,
            sent_at__isnull=False,
            answered_at__isnull=True,
            cancelled_at__isnull=True,
        )
        .order_by("-sent_at")
        .first()
    )


@dataclass
class Person:
    """Someone a supporter spoke with, and the check-ins they answered, latest first."""

    support_request: SupportRequest
    name: str
    answers: list[FollowUp] = field(default_factory=list)


def answers_for(supporter: Membership, *, limit: int = 200) -> list[Person]:
    """The check-in answers of the people a supporter spoke with, grouped by talk, the latest
    answer first. Only what each person chose to tell them: the answer and when, no more."""
    person_by_request: dict[int, Person] = {}
    answered = (
        FollowUp.objects.filter(
            organisation_id=supporter.organisation_id,
            supporter=supporter,
            reason=Reason.AFTER_TALK,
            answered_at__isnull=False,
        )
        .select_related("support_request__requester__user", "support_request__encounter")
        .order_by("-answered_at")[:limit]
    )
    for follow_up in answered:
        support_request = follow_up.support_request
        assert support_request is not None  # noqa: S101 - AFTER_TALK always follows a request
        person = person_by_request.setdefault(
            support_request.pk,
            Person(support_request, support_request.requester.user.display_name),
        )
        person.answers.append(follow_up)
    return list(person_by_request.values())
