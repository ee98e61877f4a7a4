from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alongside.audit.models import AuditEvent
from alongside.lib.errors import ActionError
from alongside.notifications.actions import CLAIM_LEASE, render_email
from alongside.notifications.models import Delivery, Notification
from alongside.organisations.models import Membership, Organisation
from alongside.organisations.tests.factories import MembershipFactory
from alongside.support_requests.actions import open_support_request
from alongside.support_requests.models import NOTE_MAX_LENGTH, Page, Step, SupportRequest

from .conftest import Rota
from .factories import put_on_call

pytestmark = pytest.mark.django_db


def test_an_empty_request_pages_everyone_on_call_at_once(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author)

    assert support_request.status == SupportRequest.Status.PAGED
    assert support_request.urgency == "now" and support_request.contact_method == "call"
    assert support_request.is_name_private is True
    assert support_request.escalate_at is not None
    assert (support_request.escalate_at - support_request.created_at).total_seconds() == 5 * 60
    paged = set(Page.objects.values_list("recipient_id", flat=True))
    assert paged == {m.pk for m in rota.on_call}
    # Each paged person: an in-app notice now, and an urgent email from the worker.
    assert Notification.objects.filter(title="Someone would like to talk now").count() == 2
    emails = Delivery.objects.filter(template="support-page")
    assert {d.to_address for d in emails} == {m.user.email for m in rota.on_call}
    assert all(d.is_urgent for d in emails)


def test_deliveries_are_enqueued_only_when_the_request_is_saved(
    author: Membership, rota: Rota, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:  # type: ignore[operator]
        open_support_request(by=author)

    assert len(callbacks) == 2
    assert DBTaskResult.objects.count() == 2


def test_nobody_from_the_requesters_unit_is_paged_when_they_ask_for_someone_outside(
    author: Membership, rota: Rota
) -> None:
    open_support_request(by=author, wants_outside_unit=True)

    assert list(Page.objects.values_list("recipient_id", flat=True)) == [rota.on_call[1].pk]


def test_the_requester_is_never_paged_even_when_on_call(rota: Rota) -> None:
    supporter = rota.on_call[0]

    open_support_request(by=supporter)

    assert supporter.pk not in Page.objects.values_list("recipient_id", flat=True)


def test_with_nobody_on_call_the_backups_are_paged_straight_away(
    author: Membership, organisation: object, coordinator: Membership
) -> None:
    backup = MembershipFactory.create(organisation=organisation, is_peer_supporter=True)
    from alongside.support_requests.models import Tier

    from .factories import put_on_call

    put_on_call(backup, tier=Tier.BACKUP)

    support_request = open_support_request(by=author)

    assert support_request.step == Step.BACKUP
    assert support_request.status == SupportRequest.Status.ESCALATED
    assert support_request.backup_paged_at == support_request.created_at
    assert list(Page.objects.values_list("recipient_id", "step")) == [(backup.pk, Step.BACKUP)]


def test_with_nobody_on_the_rota_at_all_the_coordinators_are_paged(
    author: Membership, coordinator: Membership
) -> None:
    support_request = open_support_request(by=author)

    assert support_request.step == Step.COORDINATORS
    assert list(Page.objects.values_list("recipient_id", flat=True)) == [coordinator.pk]


def test_with_nobody_to_page_the_requester_is_told_at_once_and_the_request_stays_open(
    author: Membership,
) -> None:
    support_request = open_support_request(by=author)

    assert support_request.step == Step.REQUESTER_TOLD
    assert support_request.requester_told_at is not None
    assert support_request.is_waiting and support_request.escalate_at is None
    assert Delivery.objects.get().template == "support-delayed"
    assert Delivery.objects.get().to_address == author.user.email


def test_a_second_tap_returns_the_open_request_instead_of_paging_again(
    author: Membership, rota: Rota
) -> None:
    first = open_support_request(by=author)
    second = open_support_request(by=author)

    assert second.pk == first.pk
    assert Page.objects.count() == 2


def test_an_over_long_note_is_refused_naming_the_limit(author: Membership, rota: Rota) -> None:
    with pytest.raises(ActionError, match=str(NOTE_MAX_LENGTH)):
        open_support_request(by=author, note="x" * (NOTE_MAX_LENGTH + 1))

    assert SupportRequest.objects.count() == 0


def test_a_unit_of_another_organisation_is_refused(
    author: Membership, outsider: Membership
) -> None:
    from alongside.organisations.tests.factories import UnitFactory

    foreign = UnitFactory.create(organisation=outsider.organisation)

    with pytest.raises(ActionError):
        open_support_request(by=author, kind="team", unit=foreign)


def test_what_the_requester_shares_is_encrypted_and_the_audit_row_has_no_name(
    author: Membership, rota: Rota
) -> None:
    author.user.phone = "+1 555 0199"
    author.user.save()

    support_request = open_support_request(
        by=author, kind="colleague", about_name="Jordan Quill", note="Alpha tough night"
    )

    assert support_request.contact_phone == "+1 555 0199"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT note, about_name, contact_phone FROM support_requests_supportrequest"
        )
        raw = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in raw)
    assert "Quill" not in "".join(raw) and "Alpha" not in "".join(raw)
    event = AuditEvent.objects.get(action="support_request.opened")
    assert event.actor_id is None
    assert author.user.display_name not in event.actor_label + event.target_label


def test_a_request_that_shares_the_name_is_audited_under_it(author: Membership, rota: Rota) -> None:
    open_support_request(by=author, is_name_private=False)

    event = AuditEvent.objects.get(action="support_request.opened")
    assert event.actor_id == author.user_id


def test_a_team_request_keeps_the_unit_it_names(author: Membership, rota: Rota) -> None:
    support_request = open_support_request(by=author, kind="team", unit=rota.other_unit)

    assert support_request.unit == rota.other_unit


def test_a_supporter_cannot_record_a_talk_in_the_future_or_before_the_request(
    author: Membership, rota: Rota
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from alongside.support_requests.actions import accept_support_request, record_encounter

    support_request = open_support_request(by=author)
    with pytest.raises(ActionError, match="who took"):
        record_encounter(by=rota.on_call[0], support_request=support_request)
    accept_support_request(by=rota.on_call[0], support_request=support_request)
    for when, message in [
        (timezone.now() + timedelta(hours=1), "future"),
        (support_request.created_at - timedelta(hours=1), "before they asked"),
    ]:
        with pytest.raises(ActionError, match=message):
            record_encounter(by=rota.on_call[0], support_request=support_request, spoke_at=when)
    with pytest.raises(ActionError, match="2000 characters"):
        record_encounter(by=rota.on_call[0], support_request=support_request, note="x" * 2001)
    record_encounter(by=rota.on_call[0], support_request=support_request)
    with pytest.raises(ActionError, match="already closed"):
        record_encounter(by=rota.on_call[0], support_request=support_request)


def test_a_preferred_supporter_from_elsewhere_or_oneself_is_ignored(
    author: Membership, outsider: Membership, rota: Rota
) -> None:
    for preferred in (outsider, author):
        support_request = open_support_request(
            by=author, kind="colleague", preferred_supporter=preferred
        )

        assert support_request.preferred_supporter is None
        assert support_request.step == Step.ON_CALL


def test_paging_more_supporters_takes_no_more_statements(organisation: Organisation) -> None:
    # A page to fifty supporters must not keep the person who asked waiting: the notices and
    # deliveries of one step are written in bulk, whatever their number.
    def statements_to_page(supporters: int) -> int:
        for _ in range(supporters):
            put_on_call(MembershipFactory.create(organisation=organisation, is_peer_supporter=True))
        requester = MembershipFactory.create(organisation=organisation)
        with CaptureQueriesContext(connection) as queries:
            open_support_request(by=requester)
        return len(queries)

    few = statements_to_page(2)
    # The same start each time: no pages, and no email still waiting to go that the second
    # request's pages would be gathered into.
    Page.objects.all().delete()
    Delivery.objects.all().delete()
    many = statements_to_page(10)  # 12 on call now

    assert Page.objects.count() == 12
    assert many == few


def _emails_to(member: Membership) -> list[Delivery]:
    return list(Delivery.objects.filter(channel="email", to_address=member.user.email))


def test_pages_not_yet_on_their_way_are_gathered_into_one_message(
    author: Membership, colleague: Membership, rota: Rota
) -> None:
    # A busy night: a second request opens before the first page to Sam has been sent.
    sam = rota.on_call[0]
    first = open_support_request(by=author)
    second = open_support_request(by=colleague)

    (email,) = _emails_to(sam)
    assert email.context["several"] is True
    assert email.context["link"].endswith("/support/pages/")
    assert render_email(email).subject == "More than one colleague would like to talk"
    # Nothing else is gathered: each request has its page, and each page its notice.
    assert Page.objects.filter(recipient=sam).count() == 2
    assert Notification.objects.filter(recipient=sam.user).count() == 2
    for support_request in (first, second):
        assert Page.objects.filter(support_request=support_request, recipient=sam).exists()


def test_a_page_already_picked_up_to_send_is_left_alone_and_a_new_one_goes(
    author: Membership, colleague: Membership, rota: Rota
) -> None:
    sam = rota.on_call[0]
    open_support_request(by=author)
    (first,) = _emails_to(sam)
    # The worker has claimed it (its lease moves the time ahead) or is retrying it.
    Delivery.objects.filter(pk=first.pk).update(next_attempt_at=timezone.now() + CLAIM_LEASE)

    second = open_support_request(by=colleague)

    emails = _emails_to(sam)
    assert len(emails) == 2
    newest = max(emails, key=lambda d: d.pk)
    assert newest.context["link"].endswith(f"/support/respond/{second.code}/")
    assert "several" not in Delivery.objects.get(pk=first.pk).context


def test_a_page_being_retried_is_not_gathered_into(
    author: Membership, colleague: Membership, rota: Rota
) -> None:
    sam = rota.on_call[0]
    open_support_request(by=author)
    Delivery.objects.filter(to_address=sam.user.email).update(attempts=1)

    open_support_request(by=colleague)

    assert len(_emails_to(sam)) == 2
