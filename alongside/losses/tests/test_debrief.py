from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.audit.models import AuditAction, AuditEvent
from alongside.lib.errors import ActionError
from alongside.losses import actions, queries
from alongside.losses.actions import NewActionPoint
from alongside.losses.models import ActionPoint, Kind, LossEvent
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership, Unit
from conftest import client_for

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


@pytest.fixture
def loss(author: Membership, colleague: Membership, unit: Unit) -> LossEvent:
    loss = actions.record_loss(by=author, unit=unit, kind=Kind.AFTER_RESUSCITATION)
    actions.add_participants(by=author, loss=loss, members=[colleague])
    return loss


def _tomorrow() -> Any:
    return timezone.localdate() + timedelta(days=1)


def test_the_pause_is_kept_once_for_the_reports(author: Membership, loss: LossEvent) -> None:
    first = actions.hold_pause(by=author, loss=loss).paused_at
    again = actions.hold_pause(by=author, loss=loss).paused_at

    assert first is not None and again == first


def test_only_people_who_were_there_hold_the_pause_or_debrief(
    coordinator: Membership, loss: LossEvent
) -> None:
    with pytest.raises(ActionError, match="were there"):
        actions.hold_pause(by=coordinator, loss=loss)
    with pytest.raises(ActionError, match="were there"):
        actions.record_debrief(by=coordinator, loss=loss, action_points=[])


def test_a_debrief_records_only_action_points_and_tells_their_owners(
    author: Membership,
    colleague: Membership,
    loss: LossEvent,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        (point, mine) = actions.record_debrief(
            by=author,
            loss=loss,
            action_points=[
                NewActionPoint("Restock the airway trolley", colleague, _tomorrow()),
                NewActionPoint("Ask pharmacy about the delay", author, _tomorrow()),
            ],
        )

    loss.refresh_from_db()
    assert loss.debriefed_at is not None and point.owner == colleague and point.is_open
    (notice,) = Notification.objects.filter(recipient=colleague.user)
    assert notice.link == "/losses/action-points/"
    assert not Notification.objects.filter(recipient=author.user).exists()
    event = AuditEvent.objects.get(action=AuditAction.LOSS_DEBRIEFED)
    assert event.detail == {"action_points": 2} and "airway" not in str(event.detail)
    assert mine.owner == author


def test_an_empty_debrief_still_counts_as_held(author: Membership, loss: LossEvent) -> None:
    assert actions.record_debrief(by=author, loss=loss, action_points=[]) == []
    loss.refresh_from_db()
    assert loss.debriefed_at is not None


@pytest.mark.parametrize(
    ("text", "owner", "due", "message"),
    [
        (" ", "colleague", 1, "a few words"),
        ("x" * 201, "colleague", 1, "200 characters"),
        ("Check the pads", "outsider", 1, "from your organisation"),
        ("Check the pads", "colleague", -1, "due date has passed"),
    ],
)
def test_an_action_point_that_cannot_be_kept_is_refused_with_a_reason(
    request: pytest.FixtureRequest,
    author: Membership,
    loss: LossEvent,
    text: str,
    owner: str,
    due: int,
    message: str,
) -> None:
    point = NewActionPoint(
        text, request.getfixturevalue(owner), timezone.localdate() + timedelta(days=due)
    )

    with pytest.raises(ActionError, match=message):
        actions.record_debrief(by=author, loss=loss, action_points=[point])
    assert not ActionPoint.objects.exists()


def test_the_owner_or_a_coordinator_closes_a_point_and_nobody_else(
    author: Membership, colleague: Membership, coordinator: Membership, loss: LossEvent
) -> None:
    (point,) = actions.record_debrief(
        by=author, loss=loss, action_points=[NewActionPoint("Fix the lift", colleague, _tomorrow())]
    )

    with pytest.raises(ActionError, match="owner or a coordinator"):
        actions.close_action_point(by=author, action_point=point)
    closed = actions.close_action_point(by=colleague, action_point=point)
    again = actions.close_action_point(by=coordinator, action_point=point)

    assert not closed.is_open and again.closed_by == colleague
    assert AuditEvent.objects.filter(action=AuditAction.ACTION_POINT_CLOSED).count() == 1


def test_the_debrief_page_records_a_point_and_keeps_a_half_filled_row(
    as_author: Client, colleague: Membership, loss: LossEvent
) -> None:
    url = reverse("losses:debrief", kwargs={"code": loss.code})
    management = {"points-TOTAL_FORMS": "3", "points-INITIAL_FORMS": "0"}
    page = as_author.get(url).content.decode()

    half = as_author.post(url, {**management, "points-0-text": "Check the suction"})
    done = as_author.post(
        url,
        {
            **management,
            "points-0-text": "Check the suction",
            "points-0-owner": str(colleague.pk),
            "points-0-due_on": _tomorrow().isoformat(),
        },
    )

    assert "Things that went well" in page and "No feelings and no names" in page
    assert "Choose who owns it" in half.content.decode()
    assert 'value="Check the suction"' in half.content.decode()
    assert done.status_code == 302 and ActionPoint.objects.get().text == "Check the suction"


def test_action_points_are_seen_by_owner_recorder_and_coordinators_only(
    author: Membership,
    colleague: Membership,
    coordinator: Membership,
    outsider: Membership,
    loss: LossEvent,
) -> None:
    (point,) = actions.record_debrief(
        by=colleague,
        loss=loss,
        action_points=[NewActionPoint("Fix the lift", colleague, _tomorrow())],
    )
    lists = {
        name: client_for(m).get("/losses/action-points/").content.decode()
        for name, m in {
            "author": author,
            "colleague": colleague,
            "coordinator": coordinator,
            "outsider": outsider,
        }.items()
    }

    assert all("Fix the lift" in lists[n] for n in ("author", "colleague", "coordinator"))
    assert "Fix the lift" not in lists["outsider"]
    close = reverse("losses:action-point-close", kwargs={"code": point.code})
    assert client_for(outsider).post(close).status_code == 404
    assert client_for(author).post(close, follow=True).status_code == 200  # told why not
    point.refresh_from_db()
    assert point.is_open
    assert client_for(colleague).post(close).status_code == 302
    point.refresh_from_db()
    assert not point.is_open


def test_the_pause_page_is_skippable_and_done_leads_to_the_debrief(
    as_author: Client, loss: LossEvent
) -> None:
    url = reverse("losses:pause", kwargs={"code": loss.code})

    page = as_author.get(url, {"seconds": "45"}).content.decode()
    odd = as_author.get(url, {"seconds": "600"}).content.decode()
    done = as_author.post(url)

    assert "pause-45" in page and "Skip" in page and "pause-30" in odd
    assert done["Location"] == reverse("losses:debrief", kwargs={"code": loss.code})


def test_a_coordinator_who_was_not_there_is_sent_back_from_the_pause(
    coordinator: Membership, loss: LossEvent
) -> None:
    response = client_for(coordinator).post(reverse("losses:pause", kwargs={"code": loss.code}))

    assert response["Location"] == reverse("losses:loss-detail", kwargs={"code": loss.code})


def test_debrief_rates_and_action_closure_are_counted_for_the_programme(
    author: Membership, colleague: Membership, coordinator: Membership, unit: Unit
) -> None:
    today = timezone.localdate()
    losses = [actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED) for _ in range(4)]
    LossEvent.objects.filter(pk=losses[3].pk).update(source="hl7")
    actions.hold_pause(by=author, loss=losses[0])
    actions.hold_pause(by=author, loss=losses[1])
    done, late, waiting = actions.record_debrief(
        by=author,
        loss=losses[0],
        action_points=[
            NewActionPoint("Check the suction", colleague, today),
            NewActionPoint("Stock the cart", colleague, today),
            NewActionPoint("Fix the lift", colleague, today + timedelta(days=3)),
        ],
    )
    actions.close_action_point(by=colleague, action_point=done)
    ActionPoint.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=2))
    old = actions.record_loss(by=author, unit=unit, kind=Kind.EXPECTED)
    LossEvent.objects.filter(pk=old.pk).update(occurred_at=timezone.now() - timedelta(days=100))

    figures = queries.loss_figures(
        author.organisation_id, since=timezone.now() - timedelta(days=90), today=today
    )

    assert figures == queries.LossFigures(
        losses=4, from_records=1, paused=2, debriefed=1, action_points=3, closed=1,
        closed_on_time=1, overdue=1,
    )  # fmt: skip
    assert (figures.pause_rate, figures.debrief_rate, figures.closure_rate) == (50, 25, 33)
    assert queries.LossFigures.percent(1, 0) is None
    page = client_for(coordinator).get("/losses/action-points/").content.decode()
    assert "paused after 50%" in page and "1 of 3 action points done (33%)" in page
    assert (
        "paused after" not in client_for(colleague).get("/losses/action-points/").content.decode()
    )
    assert waiting.is_open
