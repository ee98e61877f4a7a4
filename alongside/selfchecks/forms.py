from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .definitions import Instrument, Wording
from .models import Rhythm


class SelfCheckForm(forms.Form):
    """One radio group per item (`q1`…), in printed order with the printed codes. Every item
    is optional here: the action names the first one missing, and keeps the others."""

    def __init__(
        self, *args: Any, instrument: Instrument, wording: Wording | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        wording = wording or instrument.wording("en")
        choices = [(str(o.code), o.label) for o in wording.options]
        for number, text in enumerate(wording.items, start=1):
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=text,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def answers(self) -> list[int | None]:
        return [self.cleaned_data.get(f"q{n}") for n in range(1, self.instrument.item_count + 1)]


class ReminderForm(forms.Form):
    rhythm = forms.ChoiceField(
        label=_("Remind me"),
        choices=[("", _("No reminders")), *Rhythm.choices],
        required=False,
    )
