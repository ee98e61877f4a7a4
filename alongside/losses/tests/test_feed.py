"""The hospital's feed: reading HL7 v2 and FHIR R4, and what a death in them becomes."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alongside.audit.models import AuditAction, AuditEvent
from alongside.followups.models import FollowUp
from alongside.lib.errors import ActionError
from alongside.losses import actions, hl7, mllp
from alongside.losses.feed import Death, Rejected
from alongside.losses.models import (
    EhrFeed,
    FeedUnitCode,
    HowAdded,
    Kind,
    LossEvent,
    Participant,
    Source,
    StaffIdentifier,
)
from alongside.notifications.models import Notification
from alongside.organisations.models import Membership, Organisation, Unit
from alongside.organisations.tests.factories import UnitFactory
from conftest import client_for

from .hl7_messages import Adt, ack_code, patient

pytestmark = pytest.mark.django_db

NOW = timezone.now()
ZONE = ZoneInfo("America/New_York")  # the organisation's, in the factory


def local(moment: datetime) -> datetime:
    """A moment as the hospital's EHR writes it: wall-clock time, no offset."""
    return moment.astimezone(ZONE).replace(tzinfo=None)


def adt(**kwargs: Any) -> Adt:
    defaults: dict[str, Any] = {
        "staff": [("7", "1234", "SMITH"), ("17", "5678", "JONES"), ("8", "0000", "NOBODY")],
        "died_at": local(NOW - timedelta(hours=1)),
    }
    return Adt(patient(random.Random(kwargs.pop("seed", 1)), 1, now=NOW), **{**defaults, **kwargs})


# --- Reading HL7 ------------------------------------------------------------------------------


def test_an_a03_discharged_as_expired_is_a_death_with_its_unit_visit_and_care_team() -> None:
    message = adt(staff=[("7", "1", "A"), ("7", "2", "B"), ("9", "3", "C"), ("17", "1", "A")])
    message.roles = [("4", "D")]
    read = hl7.parse(message.er7())

    assert read.header.control_id == "MSG1" and read.header.event == "A03"
    assert read.death is not None
    assert read.death.point_of_care == "ICU"
    assert read.death.visit.startswith(message.patient.visit)
    assert read.death.staff_ids == ("1", "2", "3", "4")


@pytest.mark.parametrize("disposition", ["20", "40", "41", "42"])
def test_each_expired_disposition_of_table_0112_is_a_death(disposition: str) -> None:
    assert hl7.parse(adt(disposition=disposition, died_at=None).er7()).death is not None


def test_other_dispositions_and_other_events_are_not_deaths() -> None:
    assert hl7.parse(adt(disposition="01", died_at=None).er7()).death is None
    assert hl7.parse(adt(event="A01", died_at=None).er7()).death is None
    # A01 with PID-29 is not among the events that report a death.
    assert hl7.parse(adt(event="A01").er7()).death is None


def test_an_a08_with_a_death_indicator_or_date_is_a_death() -> None:
    assert hl7.parse(adt(event="A08", died_at=None, death_flag="Y").er7()).death is not None
    assert hl7.parse(adt(event="A08").er7()).death is not None
    assert hl7.parse(adt(event="A08", died_at=None, death_flag="N").er7()).death is None


def test_times_are_read_in_the_organisations_zone_unless_they_carry_an_offset() -> None:
    berlin = timezone.get_fixed_timezone(60)
    assert hl7.parse_time("202611240315", berlin) == datetime(2026, 11, 24, 2, 15, tzinfo=UTC)
    assert hl7.parse_time("20261124031500-0500", berlin) == datetime(
        2026, 11, 24, 8, 15, tzinfo=UTC
    )
    assert hl7.parse_time("2026", UTC) == datetime(2026, 1, 1, tzinfo=UTC)
    assert hl7.parse_time("20261324", UTC) is None  # month 13
    assert hl7.parse_time("yesterday", UTC) is None


def test_escape_sequences_are_undone_and_other_delimiters_are_honoured() -> None:
    pv1 = ["PV1", "", "I", "4\\T\\WEST*1"] + [""] * 40
    pv1[19], pv1[36] = "V1", "20"
    text = "MSH#*~\\&#EPIC#GEN#AL#ALPHA#20261124##ADT*A03#C1#P#2.5\r" + "#".join(pv1) + "\r"
    read = hl7.parse(text)
    assert read.death is not None and read.death.point_of_care == "4&WEST"


@pytest.mark.parametrize(
    ("text", "code", "reason"),
    [
        ("", "AR", "MSH"),
        ("\x00\xff random bytes", "AR", "MSH"),
        ("PID|||1\rMSH|^~\\&|", "AR", "MSH"),
        ("MSHA^~\\&|X", "AR", "MSH-1"),
        ("MSH|^|X|Y", "AR", "MSH-2"),
        ("MSH|^~\\&|E|F|A|ALPHA|20261124||ADT^A03|||2.5\r", "AR", "MSH-10"),
        ("MSH|^~\\&|E|F|A|ALPHA|20261124||ORU^R01|C1|P|2.5\r", "AR", "ORU"),
        ("MSH|^~\\&|E|F|A|ALPHA|20261124||ADT^A03|C1|P|2.5\rPID|||1||||||" + "|" * 21 + "Y\r",
         "AE", "PV1"),
    ],
)  # fmt: skip
def test_what_cannot_be_read_is_refused_with_a_reason(text: str, code: str, reason: str) -> None:
    with pytest.raises(Rejected) as refused:
        hl7.parse(text)
    assert refused.value.code == code and reason in refused.value.reason


def test_a_death_without_a_point_of_care_or_visit_number_is_refused() -> None:
    no_place = adt().er7().replace("ICU^12^B^GENHOSP", "")
    with pytest.raises(Rejected, match="PV1-3"):
        hl7.parse(no_place)
    message = adt()
    no_visit = message.er7().replace(f"{message.patient.visit}^^^GENHOSP^VN", "")
    with pytest.raises(Rejected, match="PV1-19"):
        hl7.parse(no_visit)


def test_the_acknowledgement_names_the_message_and_escapes_our_words() -> None:
    header = hl7.read_header(adt(control_id="C|7").er7().replace("C|7", "C\\F\\7"))
    ack = hl7.acknowledgement(header, "AE", "Code A|B^C", control_id="ACK1", now=NOW)
    msh, msa, err = ack.rstrip("\r").split("\r")
    assert msh.split("|")[8] == "ACK^A03^ACK" and msh.split("|")[2] == "ALONGSIDE"
    assert msa == "MSA|AE|C\\F\\7|Code A\\F\\B\\S\\C"
    assert err.split("|")[3] == "207^^HL70357" and err.split("|")[4] == "E"
    assert "ERR" not in hl7.acknowledgement(header, "AA", "ok", control_id="A", now=NOW)


# --- What a death becomes ------------------------------------------------------------------------


def test_a_death_becomes_a_loss_on_the_mapped_unit_and_each_known_person_gets_the_offer(
    feed: EhrFeed,
    unit: Unit,
    author: Membership,
    colleague: Membership,
    django_capture_on_commit_callbacks: Any,
) -> None:
    message = adt()
    with django_capture_on_commit_callbacks(execute=True):
        ack = mllp.handle_message(message.framed()[1:-2], now=NOW)

    assert ack_code(ack) == "AA" and "2 of 3 care team members" in ack
    loss = LossEvent.objects.get()
    assert loss.unit == unit and loss.kind == Kind.UNSPECIFIED and loss.source == Source.HL7
    assert loss.recorded_by is None and not loss.is_high_impact
    assert loss.occurred_at == (NOW - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    read = hl7.parse(message.er7()).death
    assert read is not None
    assert loss.feed_key == actions.visit_key(feed.organisation_id, read.visit)
    assert {(p.member, p.how_added) for p in loss.participants.all()} == {
        (author, HowAdded.FEED),
        (colleague, HowAdded.FEED),
    }
    assert FollowUp.objects.filter(loss=loss).count() == 2 * len(
        feed.organisation.follow_up_schedule
    )
    # The offers go with the next tick, once each.
    offers = Notification.objects.filter(link__startswith="/losses/offers/")
    assert not offers.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_due_offers() == 2
        assert actions.send_due_offers() == 0
    assert {n.recipient_id for n in offers} == {author.user_id, colleague.user_id}
    assert not Participant.objects.filter(offer_due_at__isnull=False).exists()
    recorded = AuditEvent.objects.get(action=AuditAction.LOSS_RECORDED)
    assert recorded.actor_id is None and recorded.detail["source"] == "hl7"
    assert message.patient.visit not in json.dumps(recorded.detail)
    feed.refresh_from_db()
    assert feed.last_message_at == NOW


def test_the_same_death_sent_again_or_updated_is_one_loss(feed: EhrFeed) -> None:
    first = adt(control_id="M1")
    again = adt(control_id="M2")
    update = adt(control_id="M3", event="A08", died_at=None, death_flag="Y")

    acks = [mllp.handle_message(m.er7().encode(), now=NOW) for m in (first, again, update)]

    assert [ack_code(a) for a in acks] == ["AA", "AA", "AA"]
    assert "Already recorded" in acks[1] and "Already recorded" in acks[2]
    assert LossEvent.objects.count() == 1
    assert Participant.objects.count() == 2


def test_messages_that_are_not_about_a_death_are_acknowledged_and_change_nothing(
    feed: EhrFeed,
) -> None:
    ack = mllp.handle_message(adt(event="A01", died_at=None).er7().encode(), now=NOW)
    assert ack_code(ack) == "AA" and "Not about a death" in ack
    assert not LossEvent.objects.exists()


def test_an_unknown_or_switched_off_facility_is_refused(feed: EhrFeed) -> None:
    ack = mllp.handle_message(adt(facility="BETA").er7().encode(), now=NOW)
    assert ack_code(ack) == "AR" and "'BETA'" in ack
    EhrFeed.objects.update(is_enabled=False)
    assert ack_code(mllp.handle_message(adt().er7().encode(), now=NOW)) == "AR"
    assert not LossEvent.objects.exists()


def test_a_point_of_care_missing_from_the_code_table_is_an_error_to_fix_and_resend(
    feed: EhrFeed, unit: Unit
) -> None:
    ack = mllp.handle_message(adt(point_of_care="5EAST").er7().encode(), now=NOW)
    assert ack_code(ack) == "AE" and "5EAST" in ack and "ERR|||103^^HL70357|E" in ack
    FeedUnitCode.objects.create(organisation=feed.organisation, code="5EAST", unit=unit)
    assert ack_code(mllp.handle_message(adt(point_of_care="5east").er7().encode())) == "AA"


def test_a_failure_while_storing_is_an_error_the_sender_retries_and_names_no_field(
    feed: EhrFeed, caplog: pytest.LogCaptureFixture
) -> None:
    message = adt()
    with mock.patch.object(
        actions, "record_feed_loss", side_effect=RuntimeError(message.patient.mrn)
    ):
        ack = mllp.handle_message(message.er7().encode(), now=NOW)
    assert ack_code(ack) == "AE" and "Send it again" in ack
    assert message.patient.mrn not in caplog.text and "RuntimeError" in caplog.text


def test_the_log_names_the_outcome_and_no_patient_detail(
    feed: EhrFeed, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="alongside.losses.ehr")
    message = adt()
    for text in (message.er7(), message.er7().replace("ICU^", "NOPE^"), "garbage"):
        mllp.handle_message(text.encode("latin-1"), now=NOW)
    assert "HL7 AA ADT^A03" in caplog.text and "HL7 AE" in caplog.text and "HL7 AR" in caplog.text
    for value in message.patient.identifiers:
        assert value not in caplog.text


def test_a_death_older_than_two_weeks_reaches_nobody(feed: EhrFeed) -> None:
    old = adt(died_at=local(NOW - timedelta(days=15)))
    ack = mllp.handle_message(old.er7().encode(), now=NOW)
    assert ack_code(ack) == "AA" and "Older than two weeks" in ack
    assert not LossEvent.objects.exists()


def test_a_death_timed_in_the_future_is_timed_now_and_a_second_on_the_unit_tells_coordinators(
    feed: EhrFeed, coordinator: Membership, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        mllp.handle_message(adt(died_at=local(NOW + timedelta(days=1))).er7().encode(), now=NOW)
        mllp.handle_message(adt(seed=2, control_id="M2").er7().encode(), now=NOW)
    first, second = LossEvent.objects.order_by("created_at", "pk")
    assert first.occurred_at == NOW.replace(minute=0, second=0, microsecond=0)
    assert not first.is_high_impact and second.is_high_impact
    assert Notification.objects.filter(
        recipient_id=coordinator.user_id, link=f"/losses/{second.code}/"
    ).exists()


def test_people_who_left_are_not_contacted(feed: EhrFeed, colleague: Membership) -> None:
    colleague.deactivated_at = NOW
    colleague.save()
    mllp.handle_message(adt().er7().encode(), now=NOW)
    assert list(Participant.objects.values_list("member", flat=True)) == [
        StaffIdentifier.objects.get(identifier="1234").member_id
    ]


def test_a_switched_off_feed_records_nothing_even_when_called_directly(feed: EhrFeed) -> None:
    feed.is_enabled = False
    death = Death(visit="V1", point_of_care="ICU", occurred_at=None)
    with pytest.raises(Rejected) as refused:
        actions.record_feed_loss(feed=feed, death=death, source=Source.HL7)
    assert refused.value.code == "AR" and refused.value.status == 400


def test_the_visit_key_is_keyed_per_organisation_and_not_the_number() -> None:
    key = actions.visit_key(1, "VN123")
    assert key == actions.visit_key(1, " VN123 ") and len(key) == 64
    assert key != actions.visit_key(2, "VN123") and "VN123" not in key


def test_the_feed_notes_when_it_last_heard_from_the_hospital_once_a_minute(feed: EhrFeed) -> None:
    actions.note_feed_message(feed=feed, now=NOW)
    actions.note_feed_message(feed=feed, now=NOW + timedelta(seconds=30))
    feed.refresh_from_db()
    assert feed.last_message_at == NOW
    actions.note_feed_message(feed=feed, now=NOW + timedelta(minutes=2))
    feed.refresh_from_db()
    assert feed.last_message_at == NOW + timedelta(minutes=2)


# --- Setting the feed up -------------------------------------------------------------------------


def test_an_org_admin_switches_the_feed_on_for_a_facility_and_makes_a_token(
    org_admin: Membership, other_organisation: Organisation
) -> None:
    with pytest.raises(ActionError, match="MSH-6"):
        actions.configure_feed(by=org_admin, is_enabled=True, facility=" ")
    EhrFeed.objects.create(organisation=other_organisation, facility="TAKEN")
    with pytest.raises(ActionError, match="Another organisation"):
        actions.configure_feed(by=org_admin, is_enabled=True, facility="TAKEN")

    feed = actions.configure_feed(by=org_admin, is_enabled=True, facility=" ALPHA ")
    assert feed.is_enabled and feed.facility == "ALPHA"
    token = actions.new_feed_token(by=org_admin)
    feed.refresh_from_db()
    assert token.startswith("alf_") and feed.token_hint == token[:8]
    assert token not in feed.token_hash and len(feed.token_hash) == 64
    # A feed with only a token (FHIR alone) may be switched on without a facility.
    assert actions.configure_feed(by=org_admin, is_enabled=True, facility="").is_enabled
    assert AuditEvent.objects.filter(action=AuditAction.EHR_FEED_CHANGED).count() == 3


def test_only_org_admins_connect_the_feed_and_only_leads_edit_its_tables(
    coordinator: Membership, author: Membership, unit: Unit
) -> None:
    with pytest.raises(ActionError):
        actions.configure_feed(by=coordinator, is_enabled=True, facility="X")
    with pytest.raises(ActionError):
        actions.new_feed_token(by=coordinator)
    with pytest.raises(ActionError):
        actions.set_unit_codes(by=author, rows=[("ICU", unit)])
    assert actions.set_unit_codes(by=coordinator, rows=[(" icu ", unit), ("ICU", unit)]) == 1
    assert FeedUnitCode.objects.get().code == "ICU"


def test_the_code_table_and_staff_identifiers_are_replaced_and_kept_to_the_organisation(
    coordinator: Membership,
    unit: Unit,
    author: Membership,
    outsider: Membership,
) -> None:
    other_unit = UnitFactory.create(organisation=outsider.organisation)
    with pytest.raises(ActionError):
        actions.set_unit_codes(by=coordinator, rows=[("X", other_unit)])
    with pytest.raises(ActionError):
        actions.set_unit_codes(by=coordinator, rows=[(" ", unit)])
    with pytest.raises(ActionError):
        actions.set_staff_identifiers(by=coordinator, rows=[("1", outsider)])
    with pytest.raises(ActionError):
        actions.set_staff_identifiers(by=coordinator, rows=[(" ", author)])

    actions.set_staff_identifiers(by=coordinator, rows=[("1", author), ("2", coordinator)])
    assert actions.set_staff_identifiers(by=coordinator, rows=[(" 3 ", author)]) == 1
    assert list(StaffIdentifier.objects.values_list("identifier", "member")) == [("3", author.pk)]


def test_the_feed_page_saves_the_tables_and_shows_a_new_token_once(
    org_admin: Membership, unit: Unit, author: Membership
) -> None:
    client = client_for(org_admin)
    assert client.get("/losses/feed/").status_code == 200

    response = client.post(
        "/losses/feed/", {"form": "units", "units-table": "ICU, alpha icu\nnope\n"}
    )
    assert "Line 2" in response.content.decode() and not FeedUnitCode.objects.exists()
    response = client.post("/losses/feed/", {"form": "units", "units-table": "ICU, Nowhere"})
    assert "no unit called" in response.content.decode()
    client.post(
        "/losses/feed/", {"form": "units", "units-table": "ICU, alpha icu\n\n4W\tAlpha ICU"}
    )
    assert sorted(FeedUnitCode.objects.values_list("code", flat=True)) == ["4W", "ICU"]

    response = client.post("/losses/feed/", {"form": "staff", "staff-table": "77, nobody@x.org"})
    assert "nobody@x.org" in response.content.decode()
    client.post(
        "/losses/feed/", {"form": "staff", "staff-table": f"77, {author.user.email.upper()}"}
    )
    assert StaffIdentifier.objects.get().member == author

    response = client.post("/losses/feed/", {"form": "connection", "is_enabled": "on"})
    assert "MSH-6" in response.content.decode()
    client.post("/losses/feed/", {"form": "connection", "is_enabled": "on", "facility": "ALPHA"})
    page = client.post("/losses/feed/", {"form": "token"}).content.decode()
    feed = EhrFeed.objects.get()
    assert feed.is_enabled and feed.token_hint in page and "not shown again" in page
    assert "not shown again" not in client.get("/losses/feed/").content.decode()


def test_coordinators_see_the_tables_but_not_the_link(coordinator: Membership) -> None:
    page = client_for(coordinator).get("/losses/feed/").content.decode()
    assert "Code table" in page and "FHIR token" not in page
    client_for(coordinator).post("/losses/feed/", {"form": "token"})
    assert not EhrFeed.objects.exclude(token_hash="").exists()


# --- FHIR R4 -------------------------------------------------------------------------------------


@pytest.fixture
def token(feed: EhrFeed, org_admin: Membership) -> str:
    return actions.new_feed_token(by=org_admin)


def encounter(**changes: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Encounter",
        "id": "enc-1",
        "status": "finished",
        "identifier": [
            {"system": "urn:oid:1.2.3", "value": "MRN-NOT-THIS"},
            {"system": "urn:oid:1.2.4", "value": "VN555", "type": {"coding": [{"code": "VN"}]}},
        ],
        "subject": {"reference": "Patient/p1", "display": "Jane Doe"},
        "period": {"start": "2026-11-20T08:00:00Z", "end": (NOW - timedelta(hours=2)).isoformat()},
        "location": [
            {"location": {"reference": "Location/ED"}, "status": "completed"},
            {"location": {"identifier": {"value": "ICU"}}, "status": "active"},
        ],
        "participant": [
            {"individual": {"reference": "Practitioner/1234"}},
            {"individual": {"identifier": {"value": "5678"}, "display": "Dr Jones"}},
        ],
        "hospitalization": {
            "dischargeDisposition": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/discharge-disposition",
                        "code": "exp",
                    }
                ]
            }
        },
    }
    resource.update(changes)
    return resource


PATIENT = {
    "resourceType": "Patient",
    "id": "p1",
    "name": [{"family": "Doe", "given": ["Jane"]}],
    "birthDate": "1950-03-12",
    "deceasedDateTime": (NOW - timedelta(hours=3)).isoformat(),
}


def post(token: str | None, body: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return Client().post(
        "/api/v1/fhir/",
        data=json.dumps(body),
        content_type="application/fhir+json",
        headers=headers,
    )


def test_fhir_needs_the_organisations_current_token(token: str, feed: EhrFeed) -> None:
    assert post(None, encounter()).status_code == 401
    assert post("alf_wrong", encounter()).status_code == 401
    EhrFeed.objects.update(is_enabled=False)
    assert post(token, encounter()).status_code == 401
    assert not LossEvent.objects.exists()


def test_an_encounter_discharged_expired_is_one_loss_however_often_it_comes(
    token: str, unit: Unit, author: Membership, colleague: Membership
) -> None:
    response = post(token, encounter())
    assert response.status_code == 200
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"
    assert "2 of 2 care team members" in body["issue"][0]["diagnostics"]
    loss = LossEvent.objects.get()
    assert loss.unit == unit and loss.source == Source.FHIR
    assert {p.member for p in loss.participants.all()} == {author, colleague}
    assert loss.feed_key == actions.visit_key(loss.organisation_id, "urn:oid:1.2.4|VN555")

    again = post(token, encounter(id="other-id"))
    assert "Already recorded" in again.json()["issue"][0]["diagnostics"]
    assert LossEvent.objects.count() == 1


def test_a_deceased_patient_with_its_encounter_in_a_subscription_notification_is_a_loss(
    token: str,
) -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "history",
        "entry": [
            {"resource": {"resourceType": "Parameters", "parameter": []}},
            {"fullUrl": "https://ehr/Patient/p1", "resource": PATIENT},
            {"resource": encounter(hospitalization=None, subject={"reference": "Patient/p1"})},
        ],
    }
    assert post(token, bundle).status_code == 200
    loss = LossEvent.objects.get()
    died = NOW - timedelta(hours=3)
    assert loss.occurred_at == died.replace(minute=0, second=0, microsecond=0)


def test_a_deceased_patient_may_carry_its_encounter_contained(token: str) -> None:
    patient = {**PATIENT, "deceasedDateTime": None, "deceasedBoolean": True}
    patient["contained"] = [encounter(hospitalization=None, identifier=[])]
    assert post(token, patient).status_code == 200
    assert LossEvent.objects.get().feed_key == actions.visit_key(
        LossEvent.objects.get().organisation_id, "Encounter/enc-1"
    )


def test_a_deceased_patient_alone_is_refused_because_it_names_no_unit(token: str) -> None:
    response = post(token, PATIENT)
    assert response.status_code == 422
    assert "Encounter" in response.json()["issue"][0]["diagnostics"]
    bundle = {
        "resourceType": "Bundle",
        "entry": [
            {"resource": PATIENT},
            {"resource": encounter(id="a", subject={"reference": "Patient/zz"})},
            {"resource": encounter(id="b", subject={"reference": "Patient/yy"})},
        ],
    }
    assert post(token, bundle).status_code == 422  # two encounters, neither of them theirs
    assert post(token, {**PATIENT, "deceasedDateTime": None}).status_code == 200


def test_fhir_that_is_not_what_we_read_is_refused_with_an_operation_outcome(token: str) -> None:
    response = post(token, {"resourceType": "Observation"})
    assert response.status_code == 400
    assert response.json()["resourceType"] == "OperationOutcome"
    bad_entry = {
        "resourceType": "Bundle",
        "entry": [{"resource": {"resourceType": "Encounter", "location": "x"}}],
    }
    assert post(token, bad_entry).status_code == 400
    assert post(token, encounter(location=[])).status_code == 422
    no_visit = encounter(identifier=[])
    del no_visit["id"]
    assert post(token, no_visit).status_code == 422
    unmapped = encounter(location=[{"location": {"display": "Roof"}}])
    assert "ROOF" in post(token, unmapped).json()["issue"][0]["diagnostics"]
    assert not LossEvent.objects.exists()


def test_an_encounter_not_discharged_expired_changes_nothing(token: str) -> None:
    home = encounter(hospitalization={"dischargeDisposition": {"coding": [{"code": "home"}]}})
    assert "Not about a death" in post(token, home).json()["issue"][0]["diagnostics"]
    assert not LossEvent.objects.exists()


def test_the_fhir_route_is_in_the_openapi_schema_with_its_body_and_token() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    route = schema["paths"]["/api/v1/fhir/"]["post"]
    assert route["security"] == [{"FeedToken": []}]
    body = route["requestBody"]["content"]["application/json"]["schema"]
    assert "Encounter" in json.dumps(body) and "Patient" in json.dumps(body)
    assert "hospitalization" in json.dumps(schema["components"]["schemas"]["Encounter"])


def test_other_api_routes_keep_their_422_shape() -> None:
    response = Client().post("/api/v1/selfchecks/score", data="{}", content_type="application/json")
    assert response.status_code == 422 and "detail" in response.json()


# --- Whatever arrives --------------------------------------------------------------------------


@given(st.binary(max_size=3000) | st.text(max_size=3000).map(str.encode))
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_get_an_acknowledgement_and_never_an_exception(feed: EhrFeed, raw: bytes) -> None:
    ack = mllp.handle_message(b"MSH|^~\\&|E|F|A|ALPHA|2026||ADT^A03|C|P|2.5\r" + raw)
    assert ack_code(ack) in {"AA", "AE", "AR"}
    assert ack_code(mllp.handle_message(raw)) in {"AA", "AE", "AR"}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_resource = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(["Encounter", "Patient", "Bundle", "Observation"])},
    optional={
        "id": _json,
        "identifier": _json,
        "location": _json,
        "participant": _json,
        "hospitalization": _json,
        "deceasedBoolean": _json,
        "deceasedDateTime": _json,
        "contained": _json,
        "entry": _json,
        "period": _json,
    },
)


@given(_resource | _json)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_json_gets_an_operation_outcome_and_never_a_server_error(token: str, body: Any) -> None:
    response = post(token, body)
    assert response.status_code in {200, 400, 422}
    assert response.json()["resourceType"] == "OperationOutcome"
