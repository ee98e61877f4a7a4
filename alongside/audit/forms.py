from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditAction


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What happened"),
        required=False,
        choices=[("", _("Anything")), *AuditAction.choices],
    )
    actor = forms.CharField(label=_("Who did it"), required=False, max_length=100)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
