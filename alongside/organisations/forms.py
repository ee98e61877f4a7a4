from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .models import CrisisResource, Organisation, Unit, parse_follow_up_days
from .roles import ROLE_LABELS, Role

ROLE_CHOICES = [(role.value, ROLE_LABELS[role]) for role in Role]


class RolesAndUnitsForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(organisation=organisation)
        if units.exists():
            self.fields["units"].queryset = units  # type: ignore[attr-defined]
        else:
            del self.fields["units"]  # an empty box of choices helps nobody


class InvitationForm(RolesAndUnitsForm):
    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )

    field_order = ["email", "roles", "units"]


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("How colleagues and peer supporters will see you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters."),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords don't match. Type them again."))
        elif p1:
            from alongside.accounts.models import User

            try:
                password_validation.validate_password(
                    p1, User(email=self.email, name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Unit name"), max_length=120)


class OrganisationSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Organisation
        fields = [
            "name",
            "country",
            "time_zone",
            "language",
            "requires_mfa_for_leads",
            "session_idle_hours",
            "escalation_minutes_now",
            "escalation_minutes_today",
            "escalation_minutes_soon",
            "follow_up_days",
            "sso_provider_id",
            "sso_joins_as_clinician",
        ]

    def clean_follow_up_days(self) -> str:
        days = parse_follow_up_days(str(self.cleaned_data["follow_up_days"]))
        return ", ".join(str(day) for day in days)

    def clean_country(self) -> str:
        country = str(self.cleaned_data["country"]).strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError(_("Use the two-letter country code, such as US or GB."))
        return country


class CrisisResourceForm(forms.ModelForm):  # type: ignore[type-arg]
    url = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=CrisisResource.Kind.choices,
        required=False,
        initial=CrisisResource.Kind.CRISIS_LINE,
        help_text=_("Peer supporters see services by kind when they refer someone on."),
    )

    def clean_kind(self) -> str:
        return str(self.cleaned_data["kind"] or CrisisResource.Kind.CRISIS_LINE)

    class Meta:
        model = CrisisResource
        fields = [
            "name",
            "kind",
            "description",
            "phone",
            "text",
            "url",
            "hours",
            "is_emergency",
            "position",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("phone") or data.get("text") or data.get("url")):
            raise forms.ValidationError(
                _(
                    "Add a phone number, a text or chat line, or a "
                    "website, so people can reach this service."
                )
            )
        return data


class SingleSignOnForm(forms.Form):
    issuer_url = forms.URLField(
        label=_("Issuer address"),
        assume_scheme="https",
        help_text=_(
            "Your identity provider's address, such as "
            "https://login.example-hospital.org/realms/staff. Alongside reads its "
            "settings from /.well-known/openid-configuration there."
        ),
    )
    client_id = forms.CharField(label=_("Client ID"), max_length=191)
    client_secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Leave empty to keep the one already saved."),
    )
    joins_as_clinician = forms.BooleanField(
        label=_("Anyone who signs in through it joins as a clinician"),
        required=False,
        initial=True,
    )
