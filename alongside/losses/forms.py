from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.organisations.models import Membership, Organisation, Unit

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


class OwnerChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


class ActionPointForm(forms.Form):
    """One row of the debrief's points to action. A row left empty is skipped."""

    text = forms.CharField(
        label=_("What to do"),
        max_length=200,
        required=False,
        help_text=_("A change or a check, in a few words. No names of patients or staff."),
    )
    owner = OwnerChoice(label=_("Who owns it"), queryset=Membership.objects.none(), required=False)
    due_on = forms.DateField(
        label=_("Due by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, owners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if owners is not None:
            self.fields["owner"].queryset = owners  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text"):
            if not data.get("owner"):
                self.add_error("owner", _("Choose who owns it."))
            if not data.get("due_on"):
                self.add_error("due_on", _("Choose a due date."))
        return data


ActionPointFormSet = forms.formset_factory(ActionPointForm, extra=3, max_num=10)
