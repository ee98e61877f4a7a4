from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import actions, queries


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "notifications/notification_list.html",
        {"notifications": queries.notifications_for(request.user.pk)},
    )


@require_POST
@login_required
def notification_mark_read(request: HttpRequest) -> HttpResponse:
    actions.mark_notifications_read(recipient_id=request.user.pk)
    return redirect("notifications:notification-list")
