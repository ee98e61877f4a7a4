from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.followups.actions import record_talk_and_schedule_follow_ups
from alongside.lib.errors import ActionError
from alongside.lib.urls import absolute_url
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.queries import crisis_resources_for
from alongside.organisations.roles import Permission

from . import access, actions, calendar, queries
from .forms import (
    WHO_SEES_SUPPORTER,
    AcceptForm,
    EncounterForm,
    ExtraShiftForm,
    ShiftForm,
    SupportRequestForm,
    TimeOffForm,
)
from .models import ExtraShift, Outcome


def _crisis_lines(request: MemberRequest) -> object:
    return crisis_resources_for(request.membership.organisation)


@member_required(Permission.USE_SUPPORT)
def request_new(request: MemberRequest) -> HttpResponse:
    """Ask for support. A POST with nothing in it is a complete request (the home page's
    one-tap button): every field has a default."""
    member = request.membership
    form = SupportRequestForm(
        request.POST if request.method == "POST" else None,
        organisation=member.organisation,
        initial={"contact_phone": request.user.phone},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            support_request = actions.open_support_request(
                by=member,
                kind=data["kind"],
                urgency=data["urgency"],
                contact_method=data["contact_method"],
                contact_phone=data["contact_phone"] if "contact_phone" in request.POST else None,
                note=data["note"],
                about_name=data["about_name"],
                unit=data["unit"],
                wants_outside_unit=data["wants_outside_unit"],
                is_name_private=data["who_sees_name"] == WHO_SEES_SUPPORTER,
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            return redirect("support_requests:request-detail", code=support_request.code)
    return render(
        request,
        "support_requests/request_new.html",
        {"form": form, "open_request": queries.open_request_of(member)},
    )


@member_required(Permission.USE_SUPPORT)
def request_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    """The requester's live status; htmx polls the #status fragment."""
    support_request = access.get_own_request_for(request.membership, code)
    template = "support_requests/request_detail.html"
    if request.htmx:
        template += "#status"
    return render(
        request,
        template,
        {
            "support_request": support_request,
            "resources": _crisis_lines(request),
            "window": queries.escalation_window(support_request),
        },
    )


@require_POST
@member_required(Permission.USE_SUPPORT)
def request_withdraw(request: MemberRequest, code: UUID) -> HttpResponse:
    support_request = access.get_own_request_for(request.membership, code)
    try:
        actions.withdraw_support_request(by=request.membership, support_request=support_request)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Withdrawn. You can ask again any time, and the people below are always there."),
        )
    return redirect("support_requests:request-detail", code=support_request.code)


@member_required()
def page_list(request: MemberRequest) -> HttpResponse:
    """A supporter's pages and the requests they hold; htmx polls the #inbox fragment."""
    member = request.membership
    template = "support_requests/page_list.html"
    if request.htmx:
        template += "#inbox"
    return render(
        request,
        template,
        {
            "pages": queries.pages_for(member),
            "taken": queries.taken_by(member),
            "on_call": queries.is_on_call(member),
        },
    )


@member_required()
def respond(request: MemberRequest, code: UUID) -> HttpResponse:
    """What a paged person sees of a request, and where they accept it."""
    member = request.membership
    support_request = access.get_request_to_answer_for(member, code)
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.accept_support_request(
                by=member,
                support_request=support_request,
                contact_within_minutes=form.cleaned_data["contact_within_minutes"],
            )
        except ActionError as error:
            messages.info(request, error.message)
            return redirect("support_requests:page-list")
        messages.success(request, _("It's yours. Thank you for answering."))
        return redirect("support_requests:respond", code=support_request.code)
    is_owner = support_request.supporter_id == member.pk
    return render(
        request,
        "support_requests/respond.html",
        {
            "support_request": support_request,
            "form": form,
            "is_owner": is_owner,
            "requester": queries.requester_label(support_request, member),
        },
    )


@member_required()
def encounter(request: MemberRequest, code: UUID) -> HttpResponse:
    """The supporter who took the request records the talk and closes it."""
    member = request.membership
    support_request = access.get_request_to_answer_for(member, code)
    form = EncounterForm(request.POST or None, organisation=member.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # Follow-ups build on support requests: closing a talk schedules its check-ins.
            record_talk_and_schedule_follow_ups(
                by=member,
                support_request=support_request,
                spoke_at=data["spoke_at"],
                outcome=data["outcome"],
                referred_to=data["referred_to"].name if data["referred_to"] else "",
                note=data["note"],
                was_hard=data["was_hard"],
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved and closed. Thank you for being there for them."))
            return redirect("support_requests:page-list")
    return render(
        request,
        "support_requests/encounter_form.html",
        {
            "support_request": support_request,
            "form": form,
            "requester": queries.requester_label(support_request, member),
            "referrals": queries.referral_resources(member.organisation),
            "outcomes": Outcome,
        },
    )


@member_required(Permission.VIEW_PROGRAMME)
def programme(request: MemberRequest) -> HttpResponse:
    """Coordinators: every request of the organisation, with its timings; never a private name
    and never what anyone wrote."""
    member = request.membership
    rows = [
        (r, queries.requester_label(r, member))
        for r in queries.requests_for_programme(member.organisation)
    ]
    return render(request, "support_requests/programme.html", {"rows": rows})


@member_required(Permission.MANAGE_ROTA)
def rota(request: MemberRequest) -> HttpResponse:
    member = request.membership
    organisation = member.organisation
    is_extra = request.POST.get("form") == "extra"
    shift_form = ShiftForm(
        request.POST if request.method == "POST" and not is_extra else None,
        organisation=organisation,
    )
    extra_form = ExtraShiftForm(
        request.POST if request.method == "POST" and is_extra else None,
        organisation=organisation,
    )
    form = extra_form if is_extra else shift_form
    if request.method == "POST" and form.is_valid():
        try:
            if is_extra:
                actions.add_extra_shift(by=member, **form.cleaned_data)
            else:
                actions.add_shift(by=member, **form.cleaned_data)
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Added to the rota."))
            return redirect("support_requests:rota")
    return render(
        request,
        "support_requests/rota.html",
        {
            "shift_form": shift_form,
            "extra_form": extra_form,
            "supporters": queries.rota_of(organisation),
            "on_call": list(queries.on_call_supporters(organisation)),
        },
    )


@require_POST
@member_required(Permission.MANAGE_ROTA)
def shift_remove(request: MemberRequest, code: UUID) -> HttpResponse:
    shift = access.get_shift_for(request.membership, code)
    actions.remove_shift(by=request.membership, shift=shift)
    label = _("One-off cover removed.") if isinstance(shift, ExtraShift) else _("Shift removed.")
    messages.success(request, label)
    return redirect("support_requests:rota")


@member_required(Permission.RESPOND_TO_REQUESTS)
def availability(request: MemberRequest) -> HttpResponse:
    """A supporter marks times they can't take pages."""
    member = request.membership
    feed = queries.calendar_feed_of(member)
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = TimeOffForm(
        request.POST or None, initial={"starts_at": now, "ends_at": now + timedelta(hours=12)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_time_off(by=member, supporter=member, **form.cleaned_data)
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. You won't be paged in that time."))
            return redirect("support_requests:availability")
    return render(
        request,
        "support_requests/availability.html",
        {
            "form": form,
            "time_off": queries.time_off_of(member),
            "shifts": queries.shifts_of(member),
            "on_call": queries.is_on_call(member),
            "calendar_feed": feed,
            "calendar_url": absolute_url(
                reverse("support_requests:calendar-feed", kwargs={"token": feed.token})
            )
            if feed
            else "",
        },
    )


@require_POST
@member_required(Permission.RESPOND_TO_REQUESTS)
def calendar_feed_create(request: MemberRequest) -> HttpResponse:
    try:
        actions.create_calendar_feed(by=request.membership)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your private calendar link is ready. Any older link no longer works.")
        )
    return redirect("support_requests:availability")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A supporter's shifts for their calendar app: no sign-in, the private link is the key."""
    feed = access.get_calendar_feed(token)
    response = HttpResponse(
        calendar.feed_ics(feed, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="alongside-on-call.ics"'
    return response


@member_required(Permission.VIEW_PROGRAMME)
def coverage(request: MemberRequest) -> HttpResponse:
    """The next 14 days, hour by hour: who is on call, and the hours nobody is."""
    return render(
        request,
        "support_requests/coverage.html",
        {
            "coverage": queries.coverage(request.membership.organisation, start=timezone.now()),
            "hours": range(24),
        },
    )


@require_POST
@member_required()
def time_off_remove(request: MemberRequest, code: UUID) -> HttpResponse:
    time_off = access.get_time_off_for(request.membership, code)
    actions.remove_time_off(by=request.membership, time_off=time_off)
    messages.success(request, _("Removed. You can be paged again in that time."))
    if time_off.supporter_id != request.membership.pk:
        return redirect("support_requests:rota")
    return redirect("support_requests:availability")
