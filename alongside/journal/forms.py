from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Prompt


class EntryForm(forms.Form):
    prompt = forms.ChoiceField(
        label=_("A question to start from (optional)"),
        choices=[("", _("No prompt: just write")), *Prompt.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Your words"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
    )
    tags = forms.CharField(
        label=_("Tags (optional)"),
        required=False,
        help_text=_("A few words to find it again, separated by commas."),
    )
