"""The FHIR R4 side of the hospital's feed: `POST /api/v1/fhir/`, with the organisation's
bearer token (made on the feed's page, kept only as a hash).

It takes an Encounter, a Patient or a Bundle (a subscription notification, a batch or a
transaction) and answers with an OperationOutcome: 200 when it was read (a loss recorded, one
already recorded, or nothing about a death), 400 when it is not something we take, 422 when it
is but cannot be used (a location not in the code table). Same mapping and rules as HL7.
"""

from __future__ import annotations

import logging
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from ninja import Body, Router, Schema, Status
from ninja.security import HttpBearer

from . import actions, fhir, queries
from .feed import Rejected
from .models import EhrFeed, Source

logger = logging.getLogger("alongside.losses.ehr")


class FeedToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> EhrFeed | None:
        return queries.feed_for_token(token)


class Issue(Schema):
    severity: Literal["information", "warning", "error"]
    code: str
    diagnostics: str


class OperationOutcome(Schema):
    resourceType: Literal["OperationOutcome"] = "OperationOutcome"
    issue: list[Issue]


def outcome(severity: Literal["information", "error"], code: str, text: str) -> OperationOutcome:
    return OperationOutcome(issue=[Issue(severity=severity, code=code, diagnostics=text)])


router = Router(tags=["EHR feed"], auth=FeedToken())


@router.post(
    "/",
    response={200: OperationOutcome, 400: OperationOutcome, 422: OperationOutcome},
    summary="Receive an Encounter, Patient or Bundle from the hospital's EHR",
    openapi_extra={"requestBody": {"required": True}},
)
def receive(request: HttpRequest, resource: Body[fhir.Resource]) -> Any:
    """A death is an Encounter whose `hospitalization.dischargeDisposition` is `exp`, or a
    Patient with `deceasedBoolean` true or a `deceasedDateTime`, sent with its Encounter. The
    unit comes from the Encounter's location (identifier, `Location/` id, or display) through
    the organisation's code table; the care team from its participants' identifiers through
    the staff identifiers. Only a keyed hash of the visit (the Encounter's identifier) is
    kept, so the same death sent again is one loss. Nothing else of the resource is kept."""
    feed: EhrFeed = request.auth  # type: ignore[attr-defined]
    actions.note_feed_message(feed=feed)
    try:
        deaths = fhir.deaths_in(resource, tz=ZoneInfo(feed.organisation.time_zone))
        texts = [
            actions.record_feed_loss(feed=feed, death=death, source=Source.FHIR).text
            for death in deaths
        ]
    except Rejected as rejected:
        logger.info("FHIR %s %s: %s", resource.resourceType, rejected.code, rejected.reason)
        code = "invalid" if rejected.status == 400 else "processing"
        return Status(rejected.status, outcome("error", code, rejected.reason))
    text = " ".join(texts) or "Not about a death: nothing to do."
    logger.info("FHIR %s AA: %s", resource.resourceType, text)
    return Status(200, outcome("information", "informational", text))
