from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from alongside.lib.errors import ActionError
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.queries import crisis_resources_for
from alongside.organisations.roles import Permission
from alongside.support_requests import queries as support_queries

from . import access, actions
from .models import Answer


@member_required()
def answer(request: MemberRequest, code: UUID) -> HttpResponse:
    """One check-in on one screen: four answers, one tap. After "Not great" the screen offers
    a person and the lines to call; "I'd like to talk again" goes to the new request."""
    member = request.membership
    follow_up = access.get_follow_up_for(member, code)
    if request.method == "POST":
        try:
            support_request = actions.answer_follow_up(
                by=member, follow_up=follow_up, answer=request.POST.get("answer", "")
            )
        except ActionError as error:
            messages.info(request, error.message)
        else:
            if support_request is not None:
                return redirect("support_requests:request-detail", code=support_request.code)
        return redirect("followups:answer", code=follow_up.code)
    return render(
        request,
        "followups/answer.html",
        {
            "follow_up": follow_up,
            "answers": Answer,
            "open_request": support_queries.open_request_of(member),
            "resources": crisis_resources_for(member.organisation),
        },
    )


@member_required(Permission.RESPOND_TO_REQUESTS)
def people(request: MemberRequest) -> HttpResponse:
    """A supporter's people: how each answered their check-ins, and nothing more."""
    return render(
        request,
        "followups/people.html",
        {"people": access.answers_for_supporter(request.membership)},
    )
