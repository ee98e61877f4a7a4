"""Crisis lines by country: what a new organisation starts with, and what people who are not
signed in see. Org admins edit their own copy (organisations.CrisisResource)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DefaultResource:
    name: str | Promise
    description: str | Promise
    phone: str = ""
    text: str | Promise = ""
    url: str = ""
    hours: str | Promise = ""
    is_emergency: bool = False


_24_7 = _("24 hours a day, every day")

DEFAULTS: dict[str, list[DefaultResource]] = {
    "US": [
        DefaultResource(
            _("Emergency services"),
            _("If you or someone else is in danger now."),
            phone="911",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("988 Suicide & Crisis Lifeline"),
            _("Free, confidential support from a trained counselor."),
            phone="988",
            text=_("Text 988"),
            url="https://988lifeline.org",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Physician Support Line"),
            _(
                "Free, confidential peer support from volunteer psychiatrists, "
                "for physicians and medical students."
            ),
            phone="1-888-409-0141",
            url="https://www.physiciansupportline.com",
        ),
        DefaultResource(
            _("Crisis Text Line"),
            _("Text with a trained volunteer."),
            text=_("Text HOME to 741741"),
            url="https://www.crisistextline.org",
            hours=_24_7,
        ),
    ],
    "GB": [
        DefaultResource(
            _("Emergency services"),
            _("If you or someone else is in danger now."),
            phone="999",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Samaritans"),
            _("Free, confidential, someone to talk to."),
            phone="116 123",
            url="https://www.samaritans.org",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Shout"),
            _("Free, confidential text support."),
            text=_("Text SHOUT to 85258"),
            url="https://giveusashout.org",
            hours=_24_7,
        ),
        DefaultResource(
            _("NHS 111"),
            _("Urgent mental health help (choose the mental health option)."),
            phone="111",
            hours=_24_7,
        ),
    ],
    "IE": [
        DefaultResource(
            _("Emergency services"),
            _("If you or someone else is in danger now."),
            phone="112",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Samaritans"),
            _("Free, confidential, someone to talk to."),
            phone="116 123",
            url="https://www.samaritans.org",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Text About It"),
            _("Free, anonymous text support."),
            text=_("Text HELLO to 50808"),
            url="https://text50808.ie",
            hours=_24_7,
        ),
    ],
    "ES": [
        DefaultResource(
            _("Emergency services"),
            _("If you or someone else is in danger now."),
            phone="112",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("024 Suicide prevention line"),
            _("Free, confidential support from trained professionals."),
            phone="024",
            hours=_24_7,
            is_emergency=True,
        ),
        DefaultResource(
            _("Teléfono de la Esperanza"),
            _("Someone to talk to in a crisis."),
            phone="717 003 717",
            url="https://telefonodelaesperanza.org",
            hours=_24_7,
        ),
    ],
}

INTERNATIONAL = [
    DefaultResource(
        _("Local emergency number"),
        _(
            "If you or someone else is in danger now, call your local emergency "
            "number (112 works on mobile phones in many countries)."
        ),
        phone="112",
        is_emergency=True,
    ),
    DefaultResource(
        _("Find a Helpline"),
        _("Free, confidential helplines in your country."),
        url="https://findahelpline.com",
    ),
]


def defaults_for(country: str) -> list[DefaultResource]:
    return DEFAULTS.get(country.upper(), INTERNATIONAL)
