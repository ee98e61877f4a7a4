"""Links that leave the site (emails, push messages)."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """`/support/pages/` -> `https://alongside.hospital.org/support/pages/` (settings.SITE_URL)."""
    return settings.SITE_URL + path
