"""Support requests with the real worker and tick processes, a tick killed with -9, two ticks
racing, and simultaneous accepts on separate database connections."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from alongside.audit.models import AuditEvent
from alongside.followups.actions import record_talk_and_schedule_follow_ups
from alongside.followups.models import FollowUp
from alongside.lib.errors import ActionError
from alongside.notifications.actions import add_channel, subscribe_device
from alongside.notifications.models import Delivery, Notification
from alongside.notifications.transports.webpush import application_server_key
from alongside.organisations.models import Membership, Organisation
from alongside.organisations.tests.factories import MembershipFactory
from alongside.support_requests.actions import accept_support_request, open_support_request
from alongside.support_requests.models import Page, Step, SupportRequest, Tier
from alongside.support_requests.tests.factories import put_on_call

from .processes import ROOT, manage, process_env, run_together, sent_mail, start, stop
from .push_service import Browser, push_service, vapid_claims
from .sinks import JsonSink, SmtpSink, text_of

pytestmark = pytest.mark.django_db(transaction=True)


def supporters(organisation: Organisation, count: int, tier: str) -> list[Membership]:
    people = [
        MembershipFactory.create(organisation=organisation, is_peer_supporter=True)
        for _ in range(count)
    ]
    for person in people:
        put_on_call(person, tier=tier)
    return people


def make_due() -> None:
    """The organisation's window passes: the due time moves into the past."""
    SupportRequest.objects.filter(escalate_at__isnull=False).update(
        escalate_at=timezone.now() - timedelta(seconds=1)
    )


def test_pages_leave_through_the_worker_and_the_tick_escalates_to_the_backups(
    author: Membership, tmp_path: Path
) -> None:
    on_call = supporters(author.organisation, 2, Tier.PRIMARY)
    backup = supporters(author.organisation, 1, Tier.BACKUP)
    support_request = open_support_request(by=author)

    worker = manage(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", env=process_env(tmp_path)
    )
    assert worker.returncode == 0, worker.stderr
    mails = sent_mail(tmp_path)
    assert len(mails) == 2
    assert all("Someone would like to talk now" in mail for mail in mails)
    assert all(f"/support/respond/{support_request.code}/" in mail for mail in mails)
    assert {d.to_address for d in Delivery.objects.filter(status="sent")} == {
        m.user.email for m in on_call
    }

    make_due()
    tick = manage("tick", env=process_env(tmp_path))
    assert tick.returncode == 0, tick.stderr
    worker = manage(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", env=process_env(tmp_path)
    )
    assert worker.returncode == 0, worker.stderr

    support_request.refresh_from_db()
    assert support_request.step == Step.BACKUP
    assert len(sent_mail(tmp_path)) == 3
    assert Delivery.objects.get(to_address=backup[0].user.email).status == "sent"


def test_a_tick_killed_mid_escalation_loses_nothing_and_two_ticks_fire_each_step_once(
    organisation: Organisation, tmp_path: Path
) -> None:
    supporters(organisation, 1, Tier.PRIMARY)
    supporters(organisation, 1, Tier.BACKUP)
    requesters = [MembershipFactory.create(organisation=organisation) for _ in range(40)]
    for requester in requesters:
        open_support_request(by=requester)
    make_due()

    # A tick that is SIGKILLed part-way through its pass.
    tick = subprocess.Popen(
        [sys.executable, "manage.py", "tick", "--loop", "--interval", "0.2"],
        cwd=ROOT,
        env=process_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Page.objects.filter(step=Step.BACKUP).exists():
        time.sleep(0.01)
    tick.send_signal(signal.SIGKILL)
    tick.wait(timeout=10)
    done_before_restart = SupportRequest.objects.filter(step=Step.BACKUP).count()

    # Two ticks started together finish the rest.
    run_together("tick", env=process_env(tmp_path))

    assert done_before_restart >= 1
    assert SupportRequest.objects.filter(step=Step.BACKUP).count() == 40
    assert Page.objects.filter(step=Step.BACKUP).count() == 40
    assert AuditEvent.objects.filter(action="support_request.escalated").count() == 40
    # ...and each step once: nothing is due any more until the next window.
    assert not SupportRequest.objects.filter(escalate_at__lte=timezone.now()).exists()


def test_simultaneous_accepts_on_separate_connections_give_exactly_one_owner(
    author: Membership,
) -> None:
    paged = supporters(author.organisation, 6, Tier.PRIMARY)
    support_request = open_support_request(by=author)
    start = threading.Barrier(len(paged))
    outcomes: list[str] = []

    def accept(member: Membership) -> None:
        try:
            start.wait()
            accept_support_request(
                by=member, support_request=SupportRequest.objects.get(pk=support_request.pk)
            )
            outcomes.append("won")
        except ActionError:
            outcomes.append("already taken")
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=accept, args=(member,)) for member in paged]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    support_request.refresh_from_db()
    assert sorted(outcomes) == ["already taken"] * 5 + ["won"]
    assert support_request.supporter in paged
    assert Page.objects.filter(accepted_at__isnull=False).count() == 1
    assert AuditEvent.objects.filter(action="support_request.accepted").count() == 1


def test_two_ticks_send_each_due_check_in_once_and_the_worker_delivers_them(
    organisation: Organisation, tmp_path: Path
) -> None:
    (supporter,) = supporters(organisation, 1, Tier.PRIMARY)
    requesters = [MembershipFactory.create(organisation=organisation) for _ in range(20)]
    for requester in requesters:
        support_request = open_support_request(by=requester)
        accept_support_request(by=supporter, support_request=support_request)
        record_talk_and_schedule_follow_ups(by=supporter, support_request=support_request)
    FollowUp.objects.filter(day=1).update(due_at=timezone.now() - timedelta(seconds=1))
    Delivery.objects.all().delete()  # the pages and acceptances of the set-up

    env = process_env(tmp_path)
    run_together("tick", env=env)
    worker = manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", env=env)
    assert worker.returncode == 0, worker.stderr

    assert FollowUp.objects.filter(sent_at__isnull=False).count() == 20
    assert Delivery.objects.filter(template="follow-up", status="sent").count() == 20
    mails = sent_mail(tmp_path)
    assert len(mails) == 20
    assert all("Checking in: how are you doing?" in mail for mail in mails)
    assert {r.user.email for r in requesters} == {
        d.to_address for d in Delivery.objects.filter(template="follow-up")
    }


def test_a_page_buzzes_the_supporters_phone_through_the_worker(
    author: Membership, tmp_path: Path, settings: Any
) -> None:
    settings.WEB_PUSH_HOSTS = ["127.0.0.1"]
    (maria,) = supporters(author.organisation, 1, Tier.PRIMARY)
    with push_service() as service:
        phone = Browser(service)
        subscribe_device(
            user_id=maria.user_id,
            endpoint=phone.subscription["endpoint"],
            keys=phone.subscription["keys"],
            label="Chrome · Android",
        )
        support_request = open_support_request(by=author)

        worker = manage(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            env=process_env(tmp_path, ALONGSIDE_WEB_PUSH_HOSTS="127.0.0.1"),
        )

        assert worker.returncode == 0, worker.stderr
        (pushed,) = service.wait_for(1, timeout=5)
    message = phone.decrypt(pushed)
    assert message["title"] == "Someone would like to talk now"
    assert message["url"].endswith(f"/support/respond/{support_request.code}/")
    assert message["urgent"] is True
    public_key, _claims = vapid_claims(pushed)
    assert public_key == application_server_key()
    assert Delivery.objects.get(channel="push").status == "sent"


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    yield sink
    sink.close()


@pytest.fixture
def json_sink() -> Iterator[JsonSink]:
    sink = JsonSink()
    yield sink
    sink.close()


def test_the_whole_way_through_real_processes_to_an_smtp_and_an_http_sink(
    author: Membership, tmp_path: Path, smtp: SmtpSink, json_sink: JsonSink
) -> None:
    """Ask → on-call paged by email and on their Apprise channel → nobody answers within the
    window → the backup is paged → the backup accepts, the asker is told → the talk is
    recorded → the first check-in falls due and reaches the asker. Every step goes through the
    real worker and tick; the clock is moved by moving each due time into the past."""
    env = process_env(
        tmp_path,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        EMAIL_USE_TLS="false",
        ALONGSIDE_CHANNEL_PRIVATE_HOSTS="127.0.0.1",  # where the HTTP sink runs
    )

    def worker() -> None:
        done = manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", env=env)
        assert done.returncode == 0, done.stderr

    def tick() -> None:
        done = manage("tick", env=env)
        assert done.returncode == 0, done.stderr

    def mail() -> list[tuple[str, str]]:
        return [(m["To"], text) for m, text in (text_of(raw) for _, raw in smtp.messages)]

    (maria,) = supporters(author.organisation, 1, Tier.PRIMARY)
    (bea,) = supporters(author.organisation, 1, Tier.BACKUP)
    add_channel(user_id=maria.user_id, url=json_sink.url)
    support_request = open_support_request(by=author)
    respond = f"/support/respond/{support_request.code}/"

    worker()
    assert [(to, respond in text) for to, text in mail()] == [(maria.user.email, True)]
    ((_, posted),) = json_sink.received
    assert posted["title"] == "Someone would like to talk now" and respond in posted["message"]

    make_due()
    tick()
    worker()
    assert [to for to, _ in mail()][1:] == [bea.user.email]

    accept_support_request(by=bea, support_request=support_request)
    worker()
    ((to, told),) = mail()[2:]
    assert to == author.user.email and f"{bea.user.display_name}, a peer supporter" in told
    assert Notification.objects.filter(recipient=maria.user, title__contains="taken").exists()

    support_request.refresh_from_db()
    record_talk_and_schedule_follow_ups(by=bea, support_request=support_request)
    FollowUp.objects.filter(day=1).update(due_at=timezone.now() - timedelta(seconds=1))
    tick()
    worker()
    follow_up = FollowUp.objects.get(day=1, member=author)
    (check_in,) = [to for to, text in mail() if f"/check-ins/{follow_up.code}/" in text]
    assert check_in == author.user.email

    # Everything recorded was sent, once.
    assert not Delivery.objects.exclude(status="sent").exists()
    sent = Counter((d.to_address, d.template) for d in Delivery.objects.all())
    assert max(sent.values()) == 1
    assert len(smtp.messages) == Delivery.objects.filter(channel="email").count()


def test_two_workers_and_two_ticks_deliver_every_page_of_200_requests_exactly_once(
    organisation: Organisation, tmp_path: Path, smtp: SmtpSink
) -> None:
    """200 requests arrive while two workers and two ticks run (the ticks retry due
    deliveries too, so four processes race for every row). A page that finds an earlier one
    still waiting to go is gathered into it ("more than one colleague"), so the test holds
    each supporter's inbox to this: every message recorded arrives once, and after every page
    there is a message to that supporter that left no earlier than the page was made."""
    on_call = supporters(organisation, 3, Tier.PRIMARY)
    requesters = [MembershipFactory.create(organisation=organisation) for _ in range(200)]
    env = process_env(
        tmp_path, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port), EMAIL_USE_TLS="false"
    )
    processes = [start("tick", "--loop", "--interval", "0.2", env=env) for _ in range(2)] + [
        start("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1", env=env)
        for _ in range(2)
    ]
    try:
        for requester in requesters:
            open_support_request(by=requester)
        deadline = time.monotonic() + 120
        while Delivery.objects.exclude(status="sent").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        for process in processes:
            stop(process)
        for process in processes:
            _, stderr = process.communicate(timeout=30)
            assert process.returncode == 0, stderr

    emails = Delivery.objects.filter(channel="email")
    assert not emails.exclude(status="sent").exists()
    assert len(smtp.messages) == emails.count()  # none sent twice
    assert Counter(text_of(raw)[0]["To"] for _, raw in smtp.messages) == Counter(
        emails.values_list("to_address", flat=True)
    )
    assert Page.objects.count() == 600
    last_sent = {
        member.user.email: emails.filter(to_address=member.user.email).aggregate(
            last=Max("sent_at")
        )["last"]
        for member in on_call
    }
    for recipient_email, page_made in Page.objects.values_list(
        "recipient__user__email", "created_at"
    ):
        assert last_sent[recipient_email] >= page_made
