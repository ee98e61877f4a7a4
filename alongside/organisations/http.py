"""Request types for views, so the type checker knows what the middleware guarantees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from alongside.accounts.models import User

    from .models import Membership


class AuthenticatedRequest(HttpRequest):
    """A request from someone signed in (login_required)."""

    user: User
    membership: Membership | None


class MemberRequest(HttpRequest):
    """A request that passed `member_required`: signed in, with an active membership."""

    user: User
    membership: Membership
    htmx: HtmxDetails
