from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.roles import Permission

from .actions import record_event
from .forms import AuditFilterForm
from .models import AuditAction
from .queries import events_for


@member_required(Permission.VIEW_AUDIT_LOG)
def event_list(request: MemberRequest) -> HttpResponse:
    """The organisation's audit log, for org admins and coordinators."""
    membership = request.membership
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = events_for(
        membership.organisation_id,
        action=filters.get("action") or "",
        actor=filters.get("actor") or "",
        since=filters.get("since"),
        until=filters.get("until"),
    )
    # Reading the log is itself a sensitive read: who looked at whom.
    record_event(
        by=request.user,
        action=AuditAction.AUDIT_LOG_VIEWED,
        organisation_id=membership.organisation_id,
        target_label="audit log",
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/event_list.html", {"form": form, "page": page, "query": query.urlencode()}
    )
