from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import BODY_MAX, REPLY_MAX, TITLE_MAX
from .models import Role, Visibility


class StoryForm(forms.Form):
    title = forms.CharField(label=_("A title (optional)"), max_length=TITLE_MAX, required=False)
    body = forms.CharField(
        label=_("Your story"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Before anyone reads it, names, dates, places and numbers are found and replaced, "
            "and a moderator looks at it. Nobody sees that you wrote it."
        ),
        error_messages={"required": _("Write your story first: even a few lines.")},
    )
    role = forms.ChoiceField(
        label=_("Show readers that you are"), choices=Role.choices, required=False
    )
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.ORGANISATION,
        widget=forms.RadioSelect,
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("A note for the person who wrote it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Say in a few words what the author should change.")},
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Names, dates and places are taken out, and a moderator reads it first. "
            "Nobody sees that you wrote it."
        ),
        error_messages={"required": _("Write a few words first.")},
    )
