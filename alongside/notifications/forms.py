from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ChannelForm(forms.Form):
    url = forms.CharField(
        label=_("Apprise address"),
        max_length=1000,
        help_text=_(
            "For example ntfy://your-topic, slack://…, msteams://…, or your SMS gateway's "
            "address. It holds your service's keys, so we encrypt it and never show it again."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
