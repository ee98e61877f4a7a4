from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from .middleware import UNREAD_KEY
from .roles import Permission, permissions_for

# Each language named in itself ("English", "Español") for the switcher on every page.
LANGUAGE_CHOICES = [
    (code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES
]


def membership(request: HttpRequest) -> dict[str, Any]:
    """`membership`, `organisation`, `can` (granted permissions by value) and `unread_notices`."""
    member = getattr(request, "membership", None)
    return {
        "unread_notices": request.session.get(UNREAD_KEY, 0) if member else 0,
        "language_choices": LANGUAGE_CHOICES,
        "membership": member,
        "organisation": member.organisation if member else None,
        "can": {p.value: True for p in permissions_for(member)},
        "Permission": Permission,
    }
