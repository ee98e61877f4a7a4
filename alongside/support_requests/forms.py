from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.organisations.models import CrisisResource, Membership, Organisation, Unit

from .models import (
    ENCOUNTER_NOTE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    ContactMethod,
    Outcome,
    RequestKind,
    Tier,
    Urgency,
    Weekday,
)

WHO_SEES_SUPPORTER = "supporter"
WHO_SEES_PROGRAMME = "programme"


def _too_long(limit: int) -> MaxLengthValidator:
    # A validator rather than max_length: the browser would cut pasted text at maxlength without
    # a word; this way the whole text comes back with the limit named.
    return MaxLengthValidator(
        limit,
        message=_(
            "Please keep this to %(limit_value)s characters (it has %(show_value)s). "
            "Everything you typed is still here."
        ),
    )


class DefaultingChoiceField(forms.ChoiceField):
    """A choice that falls back to its default when left out: an empty request is valid."""

    def __init__(self, *, default: str, **kwargs: Any) -> None:
        self.default = default
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(required=False, initial=default, **kwargs)

    def clean(self, value: Any) -> str:
        return str(super().clean(value) or self.default)


class SupportRequestForm(forms.Form):
    urgency = DefaultingChoiceField(
        label=_("When would you like to talk?"), choices=Urgency.choices, default=Urgency.NOW
    )
    contact_method = DefaultingChoiceField(
        label=_("How should they reach you?"),
        choices=ContactMethod.choices,
        default=ContactMethod.CALL,
    )
    contact_phone = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Only the supporter who takes your request sees it."),
    )
    kind = DefaultingChoiceField(
        label=_("Who is it for?"), choices=RequestKind.choices, default=RequestKind.SELF
    )
    about_name = forms.CharField(
        label=_("Your colleague's name (optional)"),
        required=False,
        max_length=150,
        help_text=_("Only if you want to say. Only the supporter who takes it sees it."),
    )
    unit = forms.ModelChoiceField(
        label=_("Which team or unit?"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("My own unit"),
    )
    note = forms.CharField(
        label=_("Anything you'd like them to know (optional)"),
        required=False,
        strip=False,
        validators=[_too_long(NOTE_MAX_LENGTH)],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "A few words is plenty. Please leave out anything that could identify a patient. "
            "Only the supporter who takes it reads this."
        ),
    )
    wants_outside_unit = forms.BooleanField(
        label=_("I'd rather talk to someone from outside my unit"), required=False
    )
    who_sees_name = DefaultingChoiceField(
        label=_("Who can see that it was you?"),
        choices=[
            (WHO_SEES_SUPPORTER, _("Only the peer supporter who takes it (recommended)")),
            (WHO_SEES_PROGRAMME, _("Also the programme coordinators")),
        ],
        default=WHO_SEES_SUPPORTER,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )


class AcceptForm(forms.Form):
    contact_within_minutes = forms.TypedChoiceField(
        label=_("I'll be in touch within"),
        coerce=int,
        choices=[
            (15, _("15 minutes")),
            (30, _("30 minutes")),
            (60, _("an hour")),
            (240, _("4 hours")),
            (1440, _("a day")),
        ],
        initial=15,
    )


class EncounterForm(forms.Form):
    spoke_at = forms.DateTimeField(
        label=_("When did you speak?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    outcome = forms.ChoiceField(
        label=_("How did it go?"),
        choices=Outcome.choices,
        initial=Outcome.LISTENED,
        widget=forms.RadioSelect,
    )
    referred_to = forms.ModelChoiceField(
        label=_("Who did you refer them to?"),
        queryset=CrisisResource.objects.none(),
        required=False,
        empty_label=_("Not listed here"),
    )
    note = forms.CharField(
        label=_("A private note for yourself (optional)"),
        required=False,
        strip=False,
        validators=[_too_long(ENCOUNTER_NOTE_MAX_LENGTH)],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Encrypted, and only you can read it: not the person, not coordinators, not admins. "
            "No patient details, please."
        ),
    )
    was_hard = forms.BooleanField(
        label=_("This one stayed with me too"),
        required=False,
        help_text=_("Supporters need support too: we'll check in with you tomorrow."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "spoke_at", timezone.localtime().replace(second=0, microsecond=0)
        )
        super().__init__(*args, **kwargs)
        self.fields["referred_to"].queryset = CrisisResource.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )


class _SupporterChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Membership) -> str:
        return obj.user.display_name


class _RotaForm(forms.Form):
    """A form that picks one of the organisation's active peer supporters."""

    supporter = _SupporterChoice(label=_("Peer supporter"), queryset=Membership.objects.none())

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supporter"].queryset = (  # type: ignore[attr-defined]
            Membership.objects.active()
            .filter(organisation=organisation, is_peer_supporter=True)
            .select_related("user")
            .order_by("user__name")
        )


class ShiftForm(_RotaForm):
    tier = forms.ChoiceField(label=_("As"), choices=Tier.choices, initial=Tier.PRIMARY)
    weekday = forms.TypedChoiceField(label=_("Every"), choices=Weekday.choices, coerce=int)
    starts = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(
        label=_("Until"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("An end at or before the start runs overnight into the next day."),
    )


def _datetime_local(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class _PeriodMixin(forms.Form):
    """`starts_at` and `ends_at`, the end after the start."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class ExtraShiftForm(_PeriodMixin, _RotaForm):
    tier = forms.ChoiceField(label=_("As"), choices=Tier.choices, initial=Tier.PRIMARY)
    starts_at = _datetime_local(_("From"))
    ends_at = _datetime_local(_("Until"))


class TimeOffForm(_PeriodMixin):
    starts_at = _datetime_local(_("Not available from"))
    ends_at = _datetime_local(_("Until"))
