from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.organisations.models import Organisation, Unit

from .models import Kind


class LossForm(forms.Form):
    """One phone screen: the unit, when, and what kind. Nothing about the patient."""

    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"), empty_label=None)
    occurred_at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    kind = forms.ChoiceField(
        label=_("What kind of loss"), choices=Kind.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        ).order_by("name")
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class JoinForm(forms.Form):
    join_code = forms.CharField(
        label=_("The code on your colleague's screen"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
