from __future__ import annotations

from copy import copy
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.lib.errors import ActionError

from . import access, actions, queries
from .decorators import member_required
from .forms import (
    AcceptInvitationForm,
    CrisisResourceForm,
    InvitationForm,
    OrganisationSettingsForm,
    RolesAndUnitsForm,
    SingleSignOnForm,
    UnitForm,
)
from .http import MemberRequest
from .models import Membership
from .roles import Permission, has_permission


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "organisations/home_public.html")
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None:
        return redirect("no-organisation")
    context: dict[str, object] = {
        "is_supporter": has_permission(membership, Permission.RESPOND_TO_REQUESTS),
        "is_moderator": has_permission(membership, Permission.MODERATE_STORIES),
        "is_coordinator": has_permission(membership, Permission.VIEW_PROGRAMME),
        "is_admin": has_permission(membership, Permission.MANAGE_MEMBERS),
    }
    # Imported here: the apps below build on organisations, not the other way round.
    from alongside.followups import queries as followup_queries
    from alongside.losses import queries as loss_queries
    from alongside.notifications import queries as notification_queries
    from alongside.support_requests import queries as support_queries

    context["open_request"] = support_queries.open_request_of(membership)
    context["check_in"] = followup_queries.check_in_waiting_for(membership)
    context["loss_offer"] = loss_queries.waiting_offer_for(membership)
    context["open_action_points"] = loss_queries.open_action_point_count(membership)
    if context["is_supporter"]:
        context["waiting_pages"] = support_queries.waiting_page_count(membership)
        context["has_channel"] = notification_queries.has_channel(membership.user_id)
    if context["is_admin"] or context["is_coordinator"]:
        context["counts"] = queries.member_counts(membership.organisation)
        context["pending_invitations"] = queries.pending_invitations_for(
            membership.organisation
        ).count()
    return render(request, "organisations/home.html", context)


def no_organisation(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/no_organisation.html")


def help_now(request: HttpRequest) -> HttpResponse:
    membership = getattr(request, "membership", None)
    organisation = membership.organisation if membership else None
    resources = queries.crisis_resources_for(
        organisation, country=settings.ALONGSIDE_DEFAULT_COUNTRY
    )
    return render(request, "organisations/help.html", {"resources": resources})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/privacy.html")


@member_required(Permission.MANAGE_MEMBERS)
def member_list(request: MemberRequest) -> HttpResponse:
    organisation = request.membership.organisation
    form = InvitationForm(
        request.POST or None, organisation=organisation, initial={"roles": ["clinician"]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = actions.invite_member(
                by=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
                units=form.cleaned_data.get("units", []),
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works for 7 days.")
                % {"email": invitation.email},
            )
            return redirect("organisations:member-list")
    search = request.GET.get("q", "").strip()
    return render(
        request,
        "organisations/member_list.html",
        {
            "form": form,
            "members": queries.members_of(organisation, search=search),
            "invitations": queries.pending_invitations_for(organisation),
            "search": search,
        },
    )


@member_required(Permission.MANAGE_MEMBERS)
def member_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    member = access.get_member_for(request.membership, code)
    initial = {"roles": [r.value for r in member.roles], "units": list(member.units.all())}
    form = RolesAndUnitsForm(
        request.POST or None, organisation=member.organisation, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_membership(
                by=request.user,
                membership=member,
                roles=form.cleaned_data["roles"],
                units=form.cleaned_data.get("units", []),
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:member-detail", code=member.code)
    return render(request, "organisations/member_detail.html", {"member": member, "form": form})


@require_POST
@member_required(Permission.MANAGE_MEMBERS)
def member_deactivate(request: MemberRequest, code: UUID) -> HttpResponse:
    member = access.get_member_for(request.membership, code)
    try:
        actions.deactivate_membership(by=request.user, membership=member)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s can no longer sign in to this organisation.")
            % {"name": member.user.display_name},
        )
    return redirect("organisations:member-detail", code=member.code)


@require_POST
@member_required(Permission.MANAGE_MEMBERS)
def member_reactivate(request: MemberRequest, code: UUID) -> HttpResponse:
    member = access.get_member_for(request.membership, code)
    actions.reactivate_membership(by=request.user, membership=member)
    messages.success(request, _("%(name)s is a member again.") % {"name": member.user.display_name})
    return redirect("organisations:member-detail", code=member.code)


@require_POST
@member_required(Permission.MANAGE_MEMBERS)
def invitation_revoke(request: MemberRequest, code: UUID) -> HttpResponse:
    invitation = access.get_invitation_for(request.membership, code)
    try:
        actions.revoke_invitation(by=request.user, invitation=invitation)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Invitation to %(email)s withdrawn.") % {"email": invitation.email}
        )
    return redirect("organisations:member-list")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Open to anyone holding the signed link: the signature is the access check."""
    from allauth.account.utils import perform_login

    from alongside.accounts.models import User

    invitation = access.get_invitation_by_token(token)
    try:
        actions.check_invitation_usable(invitation)
    except ActionError as error:
        return render(
            request,
            "organisations/invitation_problem.html",
            {"problem": error.message},
            status=410 if invitation else 404,
        )
    assert invitation is not None  # noqa: S101 - checked by check_invitation_usable
    existing = User.objects.filter(email__iexact=invitation.email).first()
    form = None
    if request.user.is_authenticated or existing is not None:
        if not request.user.is_authenticated:
            messages.info(
                request,
                _(
                    "You already have an account with %(email)s. Sign in, "
                    "and you will join %(organisation)s."
                )
                % {"email": invitation.email, "organisation": invitation.organisation.name},
            )
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if request.method == "POST":
            try:
                actions.accept_invitation(by=request.user, invitation=invitation)
            except ActionError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Welcome to %(organisation)s.")
                    % {"organisation": invitation.organisation.name},
                )
                return redirect("home")
    else:
        form = AcceptInvitationForm(request.POST or None, email=invitation.email)
        if request.method == "POST" and form.is_valid():
            try:
                membership = actions.join_with_new_account(
                    invitation=invitation,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                )
            except ActionError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Welcome to %(organisation)s.")
                    % {"organisation": invitation.organisation.name},
                )
                # allauth's sign-in: records the session in "Where you're signed in" and counts
                # as a recent sign-in for setting up two-step sign-in straight away.
                response: HttpResponse = perform_login(
                    request,
                    membership.user,
                    email_verification="none",
                    redirect_url=reverse("home"),
                )
                return response
    return render(
        request, "organisations/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@member_required(Permission.MANAGE_UNITS)
def unit_list(request: MemberRequest) -> HttpResponse:
    organisation = request.membership.organisation
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.create_unit(
                by=request.user, organisation=organisation, name=form.cleaned_data["name"]
            )
        except ActionError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("Unit added."))
            return redirect("organisations:unit-list")
    return render(
        request,
        "organisations/unit_list.html",
        {"form": form, "units": queries.units_of(organisation)},
    )


@member_required(Permission.MANAGE_UNITS)
def unit_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    unit = access.get_unit_for(request.membership, code)
    form = UnitForm(request.POST or None, initial={"name": unit.name})
    if request.method == "POST" and "delete" in request.POST:
        actions.delete_unit(by=request.user, unit=unit)
        messages.success(request, _("Unit removed."))
        return redirect("organisations:unit-list")
    if request.method == "POST" and form.is_valid():
        try:
            actions.rename_unit(by=request.user, unit=unit, name=form.cleaned_data["name"])
        except ActionError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:unit-list")
    return render(request, "organisations/unit_detail.html", {"unit": unit, "form": form})


@member_required(Permission.MANAGE_RESOURCES)
def resource_list(request: MemberRequest) -> HttpResponse:
    organisation = request.membership.organisation
    form = CrisisResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_crisis_resource(
                by=request.user, organisation=organisation, values=form.cleaned_data
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Added. It shows on every “Need help now?” page."))
            return redirect("organisations:resource-list")
    resources = queries.crisis_resources_for(organisation, country=organisation.country)
    return render(
        request, "organisations/resource_list.html", {"form": form, "resources": resources}
    )


@member_required(Permission.MANAGE_RESOURCES)
def resource_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    resource = access.get_resource_for(request.membership, code)
    if request.method == "POST" and "delete" in request.POST:
        actions.delete_crisis_resource(by=request.user, resource=resource)
        messages.success(request, _("Removed."))
        return redirect("organisations:resource-list")
    # The form validates a copy: the action compares against the row as it was.
    form = CrisisResourceForm(request.POST or None, instance=copy(resource))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_crisis_resource(
                by=request.user, resource=resource, values=form.cleaned_data
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:resource-list")
    return render(
        request, "organisations/resource_detail.html", {"resource": resource, "form": form}
    )


@member_required(Permission.MANAGE_ORGANISATION)
def organisation_settings(request: MemberRequest) -> HttpResponse:
    organisation = request.membership.organisation
    form = OrganisationSettingsForm(request.POST or None, instance=copy(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_organisation_policy(
                by=request.user,
                organisation=type(organisation).objects.get(pk=organisation.pk),
                changes=form.cleaned_data,
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:settings")
    return render(request, "organisations/organisation_settings.html", {"form": form})


@member_required(Permission.MANAGE_ORGANISATION)
def organisation_sso(request: MemberRequest) -> HttpResponse:
    from allauth.socialaccount.models import SocialApp

    organisation = request.membership.organisation
    app = (
        SocialApp.objects.filter(
            provider="openid_connect", provider_id=organisation.sso_provider_id
        ).first()
        if organisation.sso_provider_id
        else None
    )
    if request.method == "POST" and "remove" in request.POST:
        actions.remove_single_sign_on(by=request.user, organisation=organisation)
        messages.success(
            request,
            _(
                "Single sign-on is off. Members can still sign in with "
                "their email address and a password."
            ),
        )
        return redirect("organisations:sso")
    initial = {"joins_as_clinician": organisation.sso_joins_as_clinician}
    if app is not None:
        initial |= {"issuer_url": app.settings.get("server_url", ""), "client_id": app.client_id}
    form = SingleSignOnForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.configure_single_sign_on(
                by=request.user,
                organisation=organisation,
                issuer_url=form.cleaned_data["issuer_url"],
                client_id=form.cleaned_data["client_id"],
                client_secret=form.cleaned_data["client_secret"],
                joins_as_clinician=form.cleaned_data["joins_as_clinician"],
            )
        except ActionError as error:
            form.add_error("client_secret", error.message)
        else:
            messages.success(
                request,
                _("Saved. The sign-in page now offers “Sign in with %(organisation)s”.")
                % {"organisation": organisation.name},
            )
            return redirect("organisations:sso")
    provider_id = organisation.sso_provider_id or actions.sso_provider_id_for(organisation)
    callback = request.build_absolute_uri(f"/accounts/oidc/{provider_id}/login/callback/")
    return render(
        request,
        "organisations/organisation_sso.html",
        {"form": form, "app": app, "callback": callback},
    )
