"""Coordinators keep the rota; supporters mark time off; each rule and each denial."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.audit.models import AuditEvent
from alongside.lib.errors import ActionError
from alongside.organisations.models import Membership
from alongside.support_requests import access
from alongside.support_requests.actions import (
    add_extra_shift,
    add_shift,
    add_time_off,
    remove_shift,
    remove_time_off,
)
from alongside.support_requests.models import ExtraShift, Shift, TimeOff
from conftest import client_for

from .conftest import Rota

pytestmark = pytest.mark.django_db


def test_only_the_organisations_peer_supporters_go_on_the_rota(
    coordinator: Membership, colleague: Membership, outsider: Membership
) -> None:
    for person in (colleague, outsider):  # not a supporter; another organisation
        with pytest.raises(ActionError, match="peer supporters"):
            add_shift(by=coordinator, supporter=person, weekday=0, starts=time(8), ends=time(9))


def test_one_off_cover_is_added_removed_and_audited(coordinator: Membership, rota: Rota) -> None:
    now = timezone.now()
    with pytest.raises(ActionError, match="after the start"):
        add_extra_shift(by=coordinator, supporter=rota.backup, starts_at=now, ends_at=now)

    extra = add_extra_shift(
        by=coordinator, supporter=rota.backup, starts_at=now, ends_at=now + timedelta(hours=4)
    )
    assert access.get_shift_for(coordinator, extra.code) == extra
    remove_shift(by=coordinator, shift=extra)

    assert not ExtraShift.objects.exists()
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "rota.shift_added" in actions and "rota.shift_removed" in actions


def test_time_off_must_end_after_it_starts_and_in_the_future(rota: Rota) -> None:
    supporter = rota.backup
    now = timezone.now()
    with pytest.raises(ActionError, match="after the start"):
        add_time_off(by=supporter, supporter=supporter, starts_at=now, ends_at=now)
    with pytest.raises(ActionError, match="already passed"):
        add_time_off(
            by=supporter,
            supporter=supporter,
            starts_at=now - timedelta(hours=2),
            ends_at=now - timedelta(hours=1),
        )


def test_a_coordinator_may_set_and_remove_a_supporters_time_off(
    coordinator: Membership, rota: Rota, as_coordinator: Client
) -> None:
    now = timezone.now()
    time_off = add_time_off(
        by=coordinator, supporter=rota.backup, starts_at=now, ends_at=now + timedelta(days=1)
    )

    response = as_coordinator.post(
        reverse("support_requests:time-off-remove", kwargs={"code": time_off.code})
    )

    assert response["Location"] == reverse("support_requests:rota")
    assert not TimeOff.objects.exists()


def test_a_supporter_removes_their_own_time_off_but_not_a_colleagues(rota: Rota) -> None:
    now = timezone.now()
    mine, theirs = (
        add_time_off(by=m, supporter=m, starts_at=now, ends_at=now + timedelta(days=1))
        for m in (rota.on_call[0], rota.on_call[1])
    )
    client = client_for(rota.on_call[0])

    assert (
        client.post(reverse("support_requests:time-off-remove", kwargs={"code": theirs.code}))
    ).status_code == 404
    response = client.post(reverse("support_requests:time-off-remove", kwargs={"code": mine.code}))

    assert response["Location"] == reverse("support_requests:availability")
    assert list(TimeOff.objects.values_list("pk", flat=True)) == [theirs.pk]
    remove_time_off(by=rota.on_call[1], time_off=theirs)
    assert not TimeOff.objects.exists()


def test_a_weekly_shift_is_removed_from_the_rota_page(
    coordinator: Membership, rota: Rota, as_coordinator: Client
) -> None:
    shift = rota.backup.shifts.first()
    assert shift is not None

    response = as_coordinator.post(
        reverse("support_requests:shift-remove", kwargs={"code": shift.code})
    )

    assert response.status_code == 302
    assert not Shift.objects.filter(pk=shift.pk).exists()


def test_access_to_rota_rows_needs_the_rota_permission_and_the_organisation(
    author: Membership, coordinator: Membership, outsider: Membership, rota: Rota
) -> None:
    shift = rota.backup.shifts.first()
    assert shift is not None
    for viewer in (None, author, outsider):
        with pytest.raises(Http404):
            access.get_shift_for(viewer, shift.code)
    with pytest.raises(Http404):
        access.get_own_request_for(None, shift.code)
    assert access.get_shift_for(coordinator, shift.code) == shift


def test_the_rota_page_adds_one_off_cover_and_shows_who_is_on_call(
    as_coordinator: Client, rota: Rota
) -> None:
    page = as_coordinator.get(reverse("support_requests:rota")).content.decode()
    assert "Sam Sameunit" in page and "Bea Backup" in page

    response = as_coordinator.post(
        reverse("support_requests:rota"),
        {
            "form": "extra",
            "supporter": rota.backup.pk,
            "tier": "primary",
            "starts_at": "2030-01-01T08:00",
            "ends_at": "2030-01-01T07:00",
        },
    )
    assert "The end must be after the start" in response.content.decode()
    response = as_coordinator.post(
        reverse("support_requests:rota"),
        {
            "form": "extra",
            "supporter": rota.backup.pk,
            "tier": "primary",
            "starts_at": "2030-01-01T08:00",
            "ends_at": "2030-01-01T20:00",
        },
    )
    assert response.status_code == 302 and ExtraShift.objects.count() == 1
