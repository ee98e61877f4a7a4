from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.lib.errors import ActionError
from alongside.organisations.http import AuthenticatedRequest

from . import access, actions, queries
from .forms import ChannelForm


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
    return render(
        request,
        "notifications/channel_list.html",
        {"form": form, "channels": queries.channels_of(request.user.pk)},
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
    actions.send_test_message(channel=channel, language=get_language())
    messages.success(
        request, _("A test is on its way. If it doesn't arrive, this page will show why.")
    )
    return redirect("notifications:channel-list")
