from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from .roles import Permission, has_permission

View = Callable[..., HttpResponse]


def member_required(permission: Permission | None = None) -> Callable[[View], View]:
    """Signed in, with an active membership, and (optionally) a permission.

    A member without the permission gets 404, like a missing object: pages of roles you do not
    hold are not advertised."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = getattr(request, "membership", None)
            if membership is None:
                return redirect("no-organisation")
            if permission is not None and not has_permission(membership, permission):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
