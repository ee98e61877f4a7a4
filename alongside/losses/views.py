from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import segno
from django.conf import settings
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alongside.lib.errors import ActionError
from alongside.lib.urls import absolute_url
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.models import Membership
from alongside.organisations.roles import Permission, has_permission
from alongside.support_requests import queries as support_queries

from . import access, actions, queries
from .forms import (
    ActionPointFormSet,
    FeedConnectionForm,
    JoinForm,
    LossForm,
    StaffIdentifiersForm,
    UnitCodesForm,
)
from .models import LossEvent, Offer

FIGURES_DAYS = 90


@member_required(Permission.USE_SUPPORT)
def loss_new(request: MemberRequest) -> HttpResponse:
    """Record a loss on one phone screen; then the join code and who was there."""
    member = request.membership
    form = LossForm(
        request.POST or None,
        organisation=member.organisation,
        initial={"unit": member.units.order_by("name").first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            loss = actions.record_loss(
                by=member,
                unit=form.cleaned_data["unit"],
                kind=form.cleaned_data["kind"],
                occurred_at=form.cleaned_data["occurred_at"],
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            return redirect("losses:loss-detail", code=loss.code)
    return render(request, "losses/loss_new.html", {"form": form})


def _qr(url: str) -> str:
    # segno draws paths with attributes only (no inline style), so the CSP holds.
    return mark_safe(segno.make(url, error="m").svg_inline(scale=5, omitsize=True))  # noqa: S308


@member_required(Permission.USE_SUPPORT)
def loss_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    """The join code and its QR, who was there, adding a colleague by name, and the viewer's
    own offer. htmx asks for the search results alone."""
    member = request.membership
    loss = access.get_loss_for(member, code)
    search = request.GET.get("q", "")
    matches = queries.people_to_add(loss, search)
    own = loss.participants.filter(member=member).first()
    join_url = absolute_url(reverse("losses:join-code", kwargs={"join_code": loss.join_code}))
    context = {
        "loss": loss,
        "participants": queries.participants_of(loss),
        "search": search,
        "matches": matches,
        "own": own,
        "offers": Offer,
        "join_url": join_url,
        "qr": _qr(join_url) if loss.is_join_open else "",
    }
    if request.htmx:
        return render(request, "losses/loss_detail.html#matches", context)
    return render(request, "losses/loss_detail.html", context)


@require_POST
@member_required(Permission.USE_SUPPORT)
def loss_add(request: MemberRequest, code: UUID) -> HttpResponse:
    member = request.membership
    loss = access.get_loss_for(member, code)
    picked = Membership.objects.filter(
        organisation_id=member.organisation_id, code__in=request.POST.getlist("member")
    ).select_related("user")
    try:
        added = actions.add_participants(by=member, loss=loss, members=picked)
    except ActionError as error:
        messages.info(request, error.message)
    else:
        for participant in added:
            messages.info(
                request,
                _("%(name)s is added and will get a private offer of a peer.")
                % {"name": participant.member.user.display_name},
            )
    return redirect("losses:loss-detail", code=loss.code)


@member_required(Permission.USE_SUPPORT)
def join(request: MemberRequest, join_code: str = "") -> HttpResponse:
    """Add yourself to a loss with the code on a colleague's screen (or its QR)."""
    member = request.membership
    form = JoinForm(request.POST or None, initial={"join_code": join_code})
    if request.method == "POST" and form.is_valid():
        try:
            participant = actions.join_loss(by=member, join_code=form.cleaned_data["join_code"])
        except ActionError as error:
            form.add_error("join_code", error.message)
        else:
            return redirect("losses:offer", code=participant.code)
    return render(request, "losses/join.html", {"form": form, "join_code": join_code})


@member_required(Permission.USE_SUPPORT)
def offer(request: MemberRequest, code: UUID) -> HttpResponse:
    """ "That was a hard one. Would you like to talk to a peer?" Yes / Not now / I'm ok."""
    member = request.membership
    participant = access.get_offer_for(member, code)
    if request.method == "POST":
        try:
            support_request = actions.answer_offer(
                by=member, participant=participant, offer=request.POST.get("offer", "")
            )
        except ActionError as error:
            messages.info(request, error.message)
        else:
            if support_request is not None:
                return redirect("support_requests:request-detail", code=support_request.code)
        return redirect("losses:offer", code=participant.code)
    return render(
        request,
        "losses/offer.html",
        {
            "participant": participant,
            "offers": Offer,
            "open_request": support_queries.open_request_of(member),
        },
    )


PAUSE_LENGTHS = (15, 30, 45)


@member_required(Permission.USE_SUPPORT)
def pause(request: MemberRequest, code: UUID) -> HttpResponse:
    """The pause: a full-screen moment, 15 to 45 seconds, to honour the person who died and
    the team's efforts. Skippable; finishing it goes on to the (optional) debrief."""
    member = request.membership
    loss = access.get_loss_for(member, code)
    if request.method == "POST":
        try:
            actions.hold_pause(by=member, loss=loss)
        except ActionError as error:
            messages.info(request, error.message)
            return redirect("losses:loss-detail", code=loss.code)
        return redirect("losses:debrief", code=loss.code)
    seconds = request.GET.get("seconds", "30")
    length = int(seconds) if seconds in {str(n) for n in PAUSE_LENGTHS} else 30
    return render(
        request,
        "losses/pause.html",
        {"loss": loss, "seconds": length, "lengths": PAUSE_LENGTHS},
    )


def _owners(loss: LossEvent) -> QuerySet[Membership]:
    there = loss.participants.values("member_id")
    return (
        Membership.objects.active()
        .filter(organisation_id=loss.organisation_id)
        .filter(Q(pk__in=there) | Q(is_coordinator=True))
        .select_related("user")
        .order_by("user__name")
    )


@member_required(Permission.USE_SUPPORT)
def debrief(request: MemberRequest, code: UUID) -> HttpResponse:
    """A five-minute hot debrief after STOP5. Only its points to action are recorded."""
    member = request.membership
    loss = access.get_loss_for(member, code)
    owners = _owners(loss)
    formset = ActionPointFormSet(
        request.POST or None, form_kwargs={"owners": owners}, prefix="points"
    )
    if request.method == "POST" and formset.is_valid():
        points = [
            actions.NewActionPoint(
                text=form.cleaned_data["text"],
                owner=form.cleaned_data["owner"],
                due_on=form.cleaned_data["due_on"],
            )
            for form in formset
            if form.cleaned_data.get("text")
        ]
        try:
            actions.record_debrief(by=member, loss=loss, action_points=points)
        except ActionError as error:
            messages.info(request, error.message)
        else:
            messages.info(
                request,
                ngettext(
                    "Thank you. %(n)s action point is recorded; its owner can close it when done.",
                    "Thank you. %(n)s action points are recorded; each owner can close theirs.",
                    len(points),
                )
                % {"n": len(points)}
                if points
                else _("Thank you. The debrief is noted; no action points were recorded."),
            )
            return redirect("losses:loss-detail", code=loss.code)
    return render(request, "losses/debrief.html", {"loss": loss, "formset": formset})


@member_required(Permission.USE_SUPPORT)
def action_point_list(request: MemberRequest) -> HttpResponse:
    """Action points from debriefs: open ones first, each closed by its owner. Coordinators
    also see the last 90 days' pause and debrief rates and how many points got done."""
    member = request.membership
    is_coordinator = has_permission(member, Permission.VIEW_PROGRAMME)
    figures = None
    if is_coordinator:
        figures = queries.loss_figures(
            member.organisation_id,
            since=timezone.now() - timedelta(days=FIGURES_DAYS),
            today=timezone.localdate(),
        )
    return render(
        request,
        "losses/action_point_list.html",
        {
            "points": queries.action_points_for(member, is_coordinator=is_coordinator),
            "figures": figures,
            "figures_days": FIGURES_DAYS,
        },
    )


@require_POST
@member_required(Permission.USE_SUPPORT)
def action_point_close(request: MemberRequest, code: UUID) -> HttpResponse:
    member = request.membership
    point = access.get_action_point_for(member, code)
    try:
        actions.close_action_point(by=member, action_point=point)
    except ActionError as error:
        messages.info(request, error.message)
    else:
        messages.info(request, _("Closed. Thank you for seeing it through."))
    return redirect("losses:action-point-list")


@member_required(Permission.MANAGE_EHR_FEED)
def feed_settings(request: MemberRequest) -> HttpResponse:
    """The hospital's feed: its link (org admins), the code table of points of care and the
    staff identifiers (coordinators and org admins), and when it last sent anything."""
    member = request.membership
    organisation = member.organisation
    feed = queries.feed_of(organisation.pk)
    can_connect = has_permission(member, Permission.MANAGE_ORGANISATION)
    posted = request.POST.get("form", "") if request.method == "POST" else ""
    connection = FeedConnectionForm(
        request.POST if posted == "connection" else None,
        initial={"is_enabled": feed.is_enabled, "facility": feed.facility} if feed else None,
    )
    units = UnitCodesForm(
        request.POST if posted == "units" else None,
        prefix="units",
        organisation=organisation,
        initial={
            "table": "\n".join(
                f"{c.code}, {c.unit.name}" for c in queries.unit_codes_of(organisation.pk)
            )
        },
    )
    staff = StaffIdentifiersForm(
        request.POST if posted == "staff" else None,
        prefix="staff",
        organisation=organisation,
        initial={
            "table": "\n".join(
                f"{s.identifier}, {s.member.user.email}"
                for s in queries.staff_identifiers_of(organisation.pk)
            )
        },
    )
    new_token = ""
    try:
        if posted == "connection" and can_connect and connection.is_valid():
            actions.configure_feed(by=member, **connection.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("losses:feed")
        if posted == "token" and can_connect:
            new_token = actions.new_feed_token(by=member)
            feed = queries.feed_of(organisation.pk)
        if posted == "units" and units.is_valid():
            count = actions.set_unit_codes(by=member, rows=units.cleaned_data["rows"])
            messages.success(
                request, ngettext("%(n)s code saved.", "%(n)s codes saved.", count) % {"n": count}
            )
            return redirect("losses:feed")
        if posted == "staff" and staff.is_valid():
            count = actions.set_staff_identifiers(by=member, rows=staff.cleaned_data["rows"])
            messages.success(
                request,
                ngettext("%(n)s staff identifier saved.", "%(n)s staff identifiers saved.", count)
                % {"n": count},
            )
            return redirect("losses:feed")
    except ActionError as error:
        {"connection": connection, "units": units, "staff": staff}.get(
            posted, connection
        ).add_error(None, error.message)
    return render(
        request,
        "losses/feed_settings.html",
        {
            "feed": feed,
            "can_connect": can_connect,
            "connection": connection,
            "units": units,
            "staff": staff,
            "new_token": new_token,
            "fhir_url": absolute_url(reverse("api:api-root") + "fhir/"),
            "listen": settings.ALONGSIDE_EHR_LISTEN,
        },
    )
