"""Alongside's JSON API (django-ninja), mounted at /api/ with its OpenAPI schema at
/api/openapi.json. No interactive docs page: it would load scripts from elsewhere, which the
site's Content Security Policy refuses."""

from __future__ import annotations

from ninja import NinjaAPI

from alongside.selfchecks.api import router as selfchecks

api = NinjaAPI(
    title="Alongside API",
    version="1",
    description="Self-check scoring for integrations and independent checks.",
    docs_url=None,
    urls_namespace="api",
)
api.add_router("/selfchecks/", selfchecks)
