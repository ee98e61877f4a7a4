"""Attach the signed-in person's membership to the request, in one place, and apply the
organisation's sign-in policy: sessions end after inactivity, and coordinators and org admins
set up two-step sign-in before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alongside.notifications.queries import unread_count_for

from .backends import MEMBERSHIP_ATTRIBUTE
from .queries import active_membership_for


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


LAST_SEEN_KEY = "alongside_last_seen"
UNREAD_KEY = "alongside_unread_notices"
# Write the last-seen time at most once a minute: a session write per request would cost more
# than the idle check is worth.
LAST_SEEN_RESOLUTION = 60
SIGN_OUT_NOTICE_GRACE = 24 * 3600
# Pages a person who must set up two-step sign-in can still reach (help is never blocked).
MFA_SETUP_OPEN_PREFIXES = ("/accounts/", "/help/", "/privacy/", "/language/", "/static/", "/i18n/")


class MembershipMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = None  # type: ignore[attr-defined]
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)

        # MemberBackend loaded it with the user; other backends (tests' force_login) did not.
        membership = getattr(user, MEMBERSHIP_ATTRIBUTE, None) or active_membership_for(user.pk)
        request.membership = membership  # type: ignore[attr-defined]

        idle_hours = membership.organisation.session_idle_hours if membership else 12
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if isinstance(last_seen, int) and now - last_seen > idle_hours * 3600:
            logout(request)
            messages.info(
                request,
                _(
                    "You were signed out after %(hours)s hours without "
                    "activity, to keep your account private. Sign in again "
                    "to carry on."
                )
                % {"hours": idle_hours},
            )
            login = reverse("account_login") + "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(login)
        if not isinstance(last_seen, int) or now - last_seen >= LAST_SEEN_RESOLUTION:
            request.session[LAST_SEEN_KEY] = now
            # The header's notices badge, refreshed with the same once-a-minute session write
            # rather than counted on every page.
            request.session[UNREAD_KEY] = unread_count_for(user.pk)
            # The store keeps the session a day past the idle limit so that, within that day,
            # the person is told why they were signed out; the check above enforces the limit.
            request.session.set_expiry(idle_hours * 3600 + SIGN_OUT_NOTICE_GRACE)

        language = user.language or (
            membership.organisation.language
            if membership and not request.COOKIES.get("alongside_language")
            else ""
        )
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        if membership is not None:
            # Times are stored in UTC and shown in the organisation's time zone.
            timezone.activate(zone(membership.organisation.time_zone))
        else:
            timezone.deactivate()

        if membership is not None and membership.requires_mfa and not self._mfa_open(request):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user_id=user.pk).exists():
                messages.warning(
                    request,
                    _(
                        "Your role looks after other people's records, so "
                        "your organisation asks you to set up two-step "
                        "sign-in first. It takes a minute."
                    ),
                )
                return HttpResponseRedirect(reverse("mfa_activate_totp"))

        response = self.get_response(request)
        return response

    @staticmethod
    def _mfa_open(request: HttpRequest) -> bool:
        return request.path.startswith(MFA_SETUP_OPEN_PREFIXES)
