from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.organisations.http import AuthenticatedRequest

from . import actions
from .forms import LanguageForm, ProfileForm


def _organisation_id(request: HttpRequest) -> int | None:
    membership = getattr(request, "membership", None)
    return membership.organisation_id if membership else None


@login_required
def profile(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={"name": user.name, "phone": user.phone, "language": user.language},
    )
    if request.method == "POST" and form.is_valid():
        actions.update_profile(
            by=user,
            name=form.cleaned_data["name"],
            phone=form.cleaned_data["phone"],
            language=form.cleaned_data["language"],
            organisation_id=_organisation_id(request),
        )
        messages.success(request, _("Saved."))
        response = redirect("accounts:profile")
        if form.cleaned_data["language"]:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                form.cleaned_data["language"],
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
                max_age=365 * 24 * 3600,
            )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
@login_required
def sign_out_everywhere(request: AuthenticatedRequest) -> HttpResponse:
    actions.sign_out_everywhere(
        by=request.user,
        organisation_id=_organisation_id(request),
    )
    logout(request)
    messages.success(request, _("You are signed out on every device, this one included."))
    return redirect("account_login")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language. Signed-in people keep the choice on their profile too."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            actions.update_profile(
                by=request.user,
                name=request.user.name,
                language=language,
                organisation_id=_organisation_id(request),
            )
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=True,
            max_age=365 * 24 * 3600,
        )
    return response
