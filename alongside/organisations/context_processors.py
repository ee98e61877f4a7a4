from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .roles import Permission, permissions_for


def membership(request: HttpRequest) -> dict[str, Any]:
    """`membership`, `organisation`, `can` (granted permissions by value) and `unread_notices`."""
    member = getattr(request, "membership", None)
    unread = 0
    if member is not None:
        from alongside.notifications.queries import unread_count_for

        unread = unread_count_for(member.user_id)
    return {
        "unread_notices": unread,
        "membership": member,
        "organisation": member.organisation if member else None,
        "can": {p.value: True for p in permissions_for(member)},
        "Permission": Permission,
    }
