from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from alongside.organisations.http import AuthenticatedRequest

from . import actions, queries


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
