from __future__ import annotations

import hashlib
import json
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from alongside.lib.errors import ActionError
from alongside.organisations.http import AuthenticatedRequest

from . import access, actions, queries
from .forms import ChannelForm
from .transports import webpush

# A subscription is a few hundred bytes; anything much bigger is not one.
MAX_SUBSCRIPTION_BYTES = 4096


@login_required
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    # Opening the list refreshes the header badge now rather than within the minute.
    request.session["alongside_unread_notices"] = queries.unread_count_for(request.user.pk)
    return render(
        request,
        "notifications/notification_list.html",
        {"notifications": queries.notifications_for(request.user.pk)},
    )


@require_POST
@login_required
def notification_mark_read(request: AuthenticatedRequest) -> HttpResponse:
    actions.mark_notifications_read(recipient_id=request.user.pk)
    request.session.pop("alongside_unread_notices", None)  # the header badge recounts
    return redirect("notifications:notification-list")


@login_required
def channel_list(request: AuthenticatedRequest) -> HttpResponse:
    """The ways we reach a person beyond email and the app, and where they add one."""
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            channel = actions.add_channel(user_id=request.user.pk, url=form.cleaned_data["url"])
        except ActionError as error:
            form.add_error("url", error.message)
        else:
            messages.success(
                request, _("Added %(label)s. Send a test to check it.") % {"label": channel.label}
            )
            return redirect("notifications:channel-list")
    push_enabled = webpush.is_enabled()
    return render(
        request,
        "notifications/channel_list.html",
        {
            "form": form,
            "channels": queries.channels_of(request.user.pk),
            "devices": queries.devices_of(request.user.pk),
            "push_enabled": push_enabled,
            "application_server_key": webpush.application_server_key() if push_enabled else "",
        },
    )


@require_POST
@login_required
def channel_remove(request: AuthenticatedRequest, code: UUID) -> HttpResponse:
    actions.remove_channel(channel=access.get_channel_for(request.user.pk, code))
    messages.success(request, _("Removed."))
    return redirect("notifications:channel-list")


@require_POST
@login_required
def channel_test(request: AuthenticatedRequest, code: UUID) -> HttpResponse:
    channel = access.get_channel_for(request.user.pk, code)
    actions.send_test(to=channel, language=get_language())
    messages.success(
        request, _("A test is on its way. If it doesn't arrive, this page will show why.")
    )
    return redirect("notifications:channel-list")


@require_POST
@login_required
def device_subscribe(request: AuthenticatedRequest) -> HttpResponse:
    """The browser's `PushSubscription` as JSON (sent by static/js/push.js). Answers JSON: the
    page shows the message of a refusal as it is."""
    try:
        if len(request.body) > MAX_SUBSCRIPTION_BYTES:
            raise ValueError
        subscription = json.loads(request.body)
        if not isinstance(subscription, dict):
            raise ValueError
    except ValueError:
        return JsonResponse({"error": _("This browser sent details we can't use.")}, status=400)
    try:
        actions.subscribe_device(
            user_id=request.user.pk,
            endpoint=subscription.get("endpoint"),
            keys=subscription.get("keys"),
            label=webpush.device_label(request.headers.get("User-Agent", "")),
        )
    except ActionError as error:
        return JsonResponse({"error": error.message}, status=400)
    messages.success(request, _("Done. Send a test to check that this device buzzes."))
    return JsonResponse({"ok": True})


@csrf_exempt  # the service worker has no CSRF token; the old endpoint is the proof
@require_POST
def device_renew(request: HttpRequest) -> HttpResponse:
    """The service worker's `pushsubscriptionchange`: {"old_endpoint", "subscription"}."""
    try:
        if len(request.body) > MAX_SUBSCRIPTION_BYTES:
            raise ValueError
        body = json.loads(request.body)
        subscription = body["subscription"]
        actions.renew_device(
            old_endpoint=body["old_endpoint"],
            endpoint=subscription["endpoint"],
            keys=subscription["keys"],
        )
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _("This browser sent details we can't use.")}, status=400)
    except ActionError as error:
        return JsonResponse({"error": error.message}, status=400)
    return JsonResponse({"ok": True})


@require_POST
@login_required
def device_remove(request: AuthenticatedRequest, code: UUID) -> HttpResponse:
    actions.remove_device(device=access.get_device_for(request.user.pk, code))
    messages.success(request, _("Removed. This device gets no more alerts."))
    return redirect("notifications:channel-list")


@require_POST
@login_required
def device_test(request: AuthenticatedRequest, code: UUID) -> HttpResponse:
    actions.send_test(to=access.get_device_for(request.user.pk, code), language=get_language())
    messages.success(
        request, _("A test is on its way. If it doesn't arrive, this page will show why.")
    )
    return redirect("notifications:channel-list")


# --- The installed app ----------------------------------------------------------------------


@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest: what the phone needs to install Alongside from the browser."""
    icon = {"type": "image/png", "purpose": "any maskable"}
    data = {
        "id": "/",
        "name": "Alongside",
        "short_name": "Alongside",
        "description": _("A peer to talk to after a hard loss at work."),
        "lang": get_language(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbf8f4",
        "theme_color": "#2f5d62",
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", **icon},
            {"src": static("img/icon-512.png"), "sizes": "512x512", **icon},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json")


@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the root so that it covers every page: shows pushed messages and,
    without a connection, the help page with the lines to call. Browsers check it for changes
    on each visit (no-cache); its text changes whenever the static files it names do."""
    precache = [static("css/app.css"), static("img/icon-192.png")]
    key = webpush.application_server_key() if webpush.is_enabled() else ""
    version = hashlib.sha256("|".join([*precache, key]).encode()).hexdigest()[:12]
    return render(
        request,
        "notifications/service_worker.js",
        {"precache": precache, "version": version, "application_server_key": key},
        content_type="text/javascript",
    )
