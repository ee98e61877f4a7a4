"""allauth hooks: who may sign up, how mail is sent, and what errors say."""

from __future__ import annotations

import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from alongside.notifications.actions import send_rendered_email


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Sign-in to this account is paused for five minutes after several wrong passwords, "
            "to keep it safe. You can reset your password now, or try again in five minutes."
        ),
        "email_password_mismatch": _(
            "That email address and password don't match. Check both and try again, or reset "
            "your password."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People join through an invitation (organisations:invitation-accept) or their
        # organisation's single sign-on; there is no open sign-up form.
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """A sign-in in the last few minutes counts as recent: a coordinator sent straight from
        sign-in to set up two-step sign-in is not asked for the same password twice."""
        from allauth.account import app_settings
        from allauth.account.internal.flows.login import get_authentication_records

        required = bool(super().is_reauthentication_required(app=app, **kwargs))
        request = self.request
        if not required or request is None or not request.user.is_authenticated:
            return required
        records = get_authentication_records(request, request.user)
        recent = [
            r
            for r in records
            if time.time() - r.get("at", 0) < app_settings.REAUTHENTICATION_TIMEOUT
        ]
        return not recent

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Hand allauth's mails (verification, password reset) to our delivery queue, so a mail
        server outage is retried and recorded instead of failing the request."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = str(content)
        user = context.get("user")
        send_rendered_email(
            to=email,
            subject=str(message.subject),
            body=str(message.body),
            html=html,
            recipient_id=getattr(user, "pk", None),
        )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def _organisation_for(self, sociallogin: SocialLogin) -> Any:
        from alongside.organisations.models import Organisation

        provider_id = sociallogin.account.provider
        return Organisation.objects.filter(sso_provider_id=provider_id).first()

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        organisation = self._organisation_for(sociallogin)
        return bool(organisation and organisation.sso_joins_as_clinician)

    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return True

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> Any:
        user = super().save_user(request, sociallogin, form)
        self._join(sociallogin, user)
        return user

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        if self._organisation_for(sociallogin) is not None:
            # The hospital's own identity provider vouches for its staff addresses (many, such
            # as Entra ID, never send email_verified).
            for address in sociallogin.email_addresses:
                address.verified = True
        super().pre_social_login(request, sociallogin)
        if sociallogin.is_existing:
            self._join(sociallogin, sociallogin.user)

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: Any) -> Any:
        user = super().populate_user(request, sociallogin, data)
        claims = sociallogin.account.extra_data or {}
        name = (
            data.get("name")
            or claims.get("name")
            or " ".join(part for part in (data.get("first_name"), data.get("last_name")) if part)
        )
        if name and not user.name:
            user.name = str(name)[:150]
        return user

    def _join(self, sociallogin: SocialLogin, user: Any) -> None:
        from alongside.organisations.actions import join_through_sso

        organisation = self._organisation_for(sociallogin)
        if organisation is not None and user.pk:
            join_through_sso(user=user, organisation=organisation)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "That code didn't work. Codes change every 30 seconds: type the one your "
            "authenticator app shows now, or use one of your recovery codes."
        ),
    }
