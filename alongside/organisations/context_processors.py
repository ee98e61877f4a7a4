from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .roles import Permission, permissions_for


def membership(request: HttpRequest) -> dict[str, Any]:
    """`membership`, `organisation` and `perms_` (a set of Permission values) for templates."""
    member = getattr(request, "membership", None)
    return {
        "membership": member,
        "organisation": member.organisation if member else None,
        "can": {p.value: True for p in permissions_for(member)},
        "Permission": Permission,
    }
