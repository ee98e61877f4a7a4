"""Alongside's JSON API (django-ninja), mounted at /api/v1/ with its OpenAPI schema at
/api/v1/openapi.json. No interactive docs page: it would load scripts from elsewhere, which the
site's Content Security Policy refuses."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from alongside.losses.api import outcome
from alongside.losses.api import router as fhir
from alongside.selfchecks.api import router as selfchecks

api = NinjaAPI(
    title="Alongside API",
    version="1",
    description=(
        "Self-check scoring for integrations and independent checks, and the FHIR R4 side of "
        "the hospital's feed of deaths (a bearer token per organisation)."
    ),
    docs_url=None,
    urls_namespace="api",
)
api.add_router("/selfchecks/", selfchecks)
api.add_router("/fhir/", fhir)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A body that is not what a route takes: 422 naming the field, and for the FHIR route an
    OperationOutcome, as FHIR servers answer."""
    if request.path.startswith(reverse("api:api-root") + "fhir/"):
        first = error.errors[0] if error.errors else {}
        where = ".".join(str(p) for p in first.get("loc", ())[2:]) or "the body"
        text = f"Not a FHIR R4 Encounter, Patient or Bundle that Alongside reads ({where})."
        return api.create_response(request, outcome("error", "invalid", text), status=400)
    return api.create_response(request, {"detail": error.errors}, status=422)
