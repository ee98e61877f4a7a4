"""Reading FHIR R4 resources for deaths: an Encounter discharged with disposition `exp`, or a
Patient with `deceased[x]` together with its Encounter (in the same Bundle, as a subscription
notification sends them, or contained in the Patient).

The schemas name only what a loss needs, so the rest of a resource (the patient's name,
identifiers, birth date, address) is dropped as the request is read and never kept. They are
also the request body documented in the OpenAPI schema.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Annotated, Any, Literal

from django.utils.dateparse import parse_date, parse_datetime
from ninja import Schema
from pydantic import Field, TypeAdapter, ValidationError

from .feed import Death, Rejected

DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
EXPIRED = "exp"
VISIT_NUMBER = "VN"


class Coding(Schema):
    system: str | None = None
    code: str | None = None


class CodeableConcept(Schema):
    coding: list[Coding] = []


class Identifier(Schema):
    system: str | None = None
    value: str | None = None
    type: CodeableConcept | None = None


class Reference(Schema):
    reference: str | None = None
    identifier: Identifier | None = None
    display: str | None = None


class Period(Schema):
    start: str | None = None
    end: str | None = None


class EncounterLocation(Schema):
    location: Reference
    status: str | None = None


class EncounterParticipant(Schema):
    individual: Reference | None = None


class Hospitalization(Schema):
    dischargeDisposition: CodeableConcept | None = None


class Encounter(Schema):
    """The Encounter fields Alongside reads (every other field is accepted and ignored)."""

    resourceType: Literal["Encounter"]
    id: str | None = None
    identifier: list[Identifier] = []
    subject: Reference | None = None
    period: Period | None = None
    location: list[EncounterLocation] = []
    participant: list[EncounterParticipant] = []
    hospitalization: Hospitalization | None = None


class Patient(Schema):
    """The Patient fields Alongside reads: whether and when they died, and a contained
    Encounter if there is one. Names and identifiers are not read."""

    resourceType: Literal["Patient"]
    id: str | None = None
    deceasedBoolean: bool | None = None
    deceasedDateTime: str | None = None
    contained: list[dict[str, Any]] = []


class BundleEntry(Schema):
    fullUrl: str | None = None
    resource: dict[str, Any] | None = None


class Bundle(Schema):
    """A batch, transaction, collection, history or subscription-notification Bundle: its
    Encounters and Patients are read; other entries (a SubscriptionStatus) are ignored."""

    resourceType: Literal["Bundle"]
    type: str | None = None
    entry: list[BundleEntry] = []


Resource = Annotated[Encounter | Patient | Bundle, Field(discriminator="resourceType")]
_one = TypeAdapter(Encounter | Patient)


def deaths_in(resource: Encounter | Patient | Bundle, *, tz: tzinfo) -> list[Death]:
    """Each death the resource reports, once per visit. Rejected (AE) for a deceased Patient
    whose Encounter is not there: without it there is no unit and no visit."""
    encounters: list[Encounter] = []
    patients: list[tuple[Patient, set[str]]] = []
    if isinstance(resource, Encounter):
        encounters.append(resource)
    elif isinstance(resource, Patient):
        contained = _read([r for r in resource.contained if r.get("resourceType") == "Encounter"])
        encounters.extend(e for e in contained if isinstance(e, Encounter))
        patients.append((resource, {"*"}))
    else:
        for entry in resource.entry:
            if entry.resource is None or entry.resource.get("resourceType") not in {
                "Encounter",
                "Patient",
            }:
                continue
            (read,) = _read([entry.resource])
            if isinstance(read, Encounter):
                encounters.append(read)
            else:
                refs = {f"Patient/{read.id}"} | ({entry.fullUrl} if entry.fullUrl else set())
                patients.append((read, refs))
    deaths: dict[str, Death] = {}
    for encounter in encounters:
        if _expired(encounter):
            death = _death(
                encounter, when=encounter.period.end if encounter.period else None, tz=tz
            )
            deaths.setdefault(death.visit, death)
    for patient, refs in patients:
        if not (patient.deceasedBoolean or patient.deceasedDateTime):
            continue
        theirs = [e for e in encounters if "*" in refs or _subject(e) in refs]
        if not theirs and len(encounters) == 1:
            theirs = encounters
        if not theirs:
            raise Rejected(
                "AE",
                "A deceased Patient needs its Encounter with it (in the Bundle, or contained), "
                "for the unit and the visit.",
                "101",
            )
        latest = max(theirs, key=lambda e: (e.period.start or "") if e.period else "")
        when = patient.deceasedDateTime or (latest.period.end if latest.period else None)
        death = _death(latest, when=when, tz=tz)
        deaths.setdefault(death.visit, death)
    return list(deaths.values())


def _read(raw: list[dict[str, Any]]) -> list[Encounter | Patient]:
    try:
        return [_one.validate_python(r) for r in raw]
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"][1:])
        raise Rejected("AR", f"A resource in the Bundle is not valid FHIR R4 at {where}.") from None


def _subject(encounter: Encounter) -> str:
    return (encounter.subject.reference or "") if encounter.subject else ""


def _expired(encounter: Encounter) -> bool:
    disposition = encounter.hospitalization and encounter.hospitalization.dischargeDisposition
    return bool(disposition) and any(
        c.code == EXPIRED and c.system in (None, DISCHARGE_DISPOSITION)
        for c in disposition.coding  # type: ignore[union-attr]
    )


def _reference_code(reference: Reference, kind: str) -> str:
    if reference.identifier and reference.identifier.value:
        return reference.identifier.value.strip()
    ref = (reference.reference or "").strip()
    if ref.startswith(f"{kind}/"):
        return ref.split("/", 1)[1]
    return (reference.display or "").strip() if kind == "Location" else ""


def _death(encounter: Encounter, *, when: str | None, tz: tzinfo) -> Death:
    visit_ids = sorted(
        (i for i in encounter.identifier if i.value),
        key=lambda i: not (i.type and any(c.code == VISIT_NUMBER for c in i.type.coding)),
    )
    if visit_ids:
        visit = f"{visit_ids[0].system or ''}|{visit_ids[0].value}"
    elif encounter.id:
        visit = f"Encounter/{encounter.id}"
    else:
        raise Rejected("AE", "The Encounter has neither an identifier nor an id.", "101")
    # The newest location first: the active one, then the rest from last to first.
    locations = sorted(
        reversed(encounter.location), key=lambda loc: loc.status not in (None, "active")
    )
    codes = [c for c in (_reference_code(loc.location, "Location") for loc in locations) if c]
    if not codes:
        raise Rejected("AE", "The Encounter names no location, so no unit.", "101")
    staff = [
        _reference_code(p.individual, "Practitioner") for p in encounter.participant if p.individual
    ]
    return Death(
        visit=visit,
        point_of_care=codes[0],
        other_points_of_care=tuple(codes[1:]),
        occurred_at=parse_time(when, tz),
        staff_ids=tuple(dict.fromkeys(s for s in staff if s)),
    )


def parse_time(value: str | None, tz: tzinfo) -> datetime | None:
    """A FHIR dateTime (a date alone is its midnight); None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime(day.year, day.month, day.day) if day else None  # noqa: DTZ001
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment
