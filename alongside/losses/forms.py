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
        label=_("What kind of loss"),
        # "Not known" is for losses from the hospital's feed; a person who was there knows.
        choices=[(value, label) for value, label in Kind.choices if value != Kind.UNSPECIFIED],
        widget=forms.RadioSelect,
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


# --- The hospital's feed ----------------------------------------------------------------------


class FeedConnectionForm(forms.Form):
    is_enabled = forms.BooleanField(
        label=_("Take losses from the hospital's records"), required=False
    )
    facility = forms.CharField(
        label=_("Receiving facility (MSH-6)"),
        max_length=64,
        required=False,
        help_text=_("What your interface engine puts in MSH-6 of the messages it sends us."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class _TableForm(forms.Form):
    """A table pasted as lines of "key, value" (a spreadsheet's two columns, comma or tab);
    each value must name something of the organisation (`known`). Valid: `rows`, the pairs."""

    table = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def known(self) -> dict[str, Any]:
        raise NotImplementedError

    def unknown(self, number: int, value: str) -> str:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "table" not in data:
            return data
        known = self.known()
        rows: list[tuple[str, Any]] = []
        for number, line in enumerate(data["table"].splitlines(), start=1):
            if not line.strip():
                continue
            key, sep, value = line.replace("\t", ",").partition(",")
            key, value = key.strip(), value.strip()
            if not sep or not key or not value:
                self.add_error(
                    "table",
                    _("Line %(n)s: write the two columns with a comma between them.")
                    % {"n": number},
                )
                break
            if value.casefold() not in known:
                self.add_error("table", self.unknown(number, value))
                break
            rows.append((key, known[value.casefold()]))
        data["rows"] = rows
        return data


class UnitCodesForm(_TableForm):
    """Each line: the EHR's point-of-care code (PV1-3), a comma, and the unit's name here."""

    def known(self) -> dict[str, Any]:
        return {u.name.casefold(): u for u in Unit.objects.filter(organisation=self.organisation)}

    def unknown(self, number: int, value: str) -> str:
        return _("Line %(n)s: there is no unit called “%(name)s”.") % {"n": number, "name": value}


class StaffIdentifiersForm(_TableForm):
    """Each line: a staff identifier in the EHR, a comma, and the member's email address."""

    def known(self) -> dict[str, Any]:
        return {
            m.user.email.casefold(): m
            for m in Membership.objects.active()
            .filter(organisation=self.organisation)
            .select_related("user")
        }

    def unknown(self, number: int, value: str) -> str:
        return _("Line %(n)s: nobody in your organisation has the address %(email)s.") % {
            "n": number,
            "email": value,
        }
