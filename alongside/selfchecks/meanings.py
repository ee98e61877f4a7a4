"""What each result means, in plain words a clinician reads on their phone.

The instruments themselves are data (`instruments/*.json`, the published wording); what we
say about a result is ours, translatable, and never a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise


@dataclass(frozen=True)
class Reading:
    about: Promise  # what the instrument looks at, for the list of self-checks
    minutes: int
    value: str  # the result field its trend follows: "total", "mean" or "percentage"
    maximum: float
    higher_is_better: bool
    bands: dict[str, Promise] = field(default_factory=dict)
    # ProQOL 5: each subscale's label and direction; its bands are low/moderate/high.
    subscales: dict[str, tuple[Promise, bool]] = field(default_factory=dict)


SUBSCALE_BANDS: dict[str, Promise] = {
    "low": _("low"),
    "moderate": _("moderate"),
    "high": _("high"),
}

READINGS: dict[str, Reading] = {
    "phq9": Reading(
        about=_("Your mood over the last two weeks"),
        minutes=2,
        value="total",
        maximum=27,
        higher_is_better=False,
        bands={
            "none_minimal": _("Few or none of these problems have bothered you lately."),
            "mild": _(
                "Some of these problems have bothered you on some days. That's common after "
                "hard shifts, and worth keeping an eye on."
            ),
            "moderate": _(
                "Several of these problems have bothered you, often. It may help to talk to "
                "someone about how you've been."
            ),
            "moderately_severe": _(
                "Many of these problems have bothered you on most days. Talking to a peer or "
                "your own doctor could help; you don't have to wait until it gets worse."
            ),
            "severe": _(
                "These problems have been with you nearly every day. That is a lot to carry."
            ),
        },
    ),
    "phq2": Reading(
        about=_("Your mood, in two questions"),
        minutes=1,
        value="total",
        maximum=6,
        higher_is_better=False,
        bands={
            "negative": _("Low mood and loss of interest haven't bothered you much lately."),
            "positive": _(
                "Low mood or loss of interest has bothered you often. The nine-question mood "
                "check gives a fuller picture, and a peer is here to talk."
            ),
        },
    ),
    "gad7": Reading(
        about=_("Worry and feeling on edge over the last two weeks"),
        minutes=2,
        value="total",
        maximum=21,
        higher_is_better=False,
        bands={
            "minimal": _("Worry and nerves have bothered you little or not at all lately."),
            "mild": _("Worry and nerves have bothered you on some days."),
            "moderate": _(
                "Worry and nerves have bothered you often. It may help to talk it through "
                "with someone."
            ),
            "severe": _("Worry and nerves have been with you nearly every day."),
        },
    ),
    "gad2": Reading(
        about=_("Worry, in two questions"),
        minutes=1,
        value="total",
        maximum=6,
        higher_is_better=False,
        bands={
            "negative": _("Worry and nerves haven't bothered you much lately."),
            "positive": _(
                "Worry or nerves have bothered you often. The seven-question check gives a "
                "fuller picture, and a peer is here to talk."
            ),
        },
    ),
    "pcl5": Reading(
        about=_("How a very stressful experience is staying with you, over the past month"),
        minutes=5,
        value="total",
        maximum=80,
        higher_is_better=False,
        bands={
            "below_cutoff": _(
                "The experience bothers you less than the level at which people usually look "
                "for more help. If it still weighs on you, that matters too."
            ),
            "probable_ptsd": _(
                "The experience is bothering you a lot. That is a common reaction to what "
                "clinicians go through, and it gets better with the right support. Please "
                "think about talking to someone who can help: a peer, your own doctor or "
                "occupational health."
            ),
        },
    ),
    "proqol5": Reading(
        about=_("The good and the hard sides of caring for people, over the last 30 days"),
        minutes=6,
        value="subscales",
        maximum=50,
        higher_is_better=True,
        subscales={
            "compassion_satisfaction": (_("The good you get from your work"), True),
            "burnout": (_("Feeling worn out or stuck"), False),
            "secondary_traumatic_stress": (_("Carrying what your patients went through"), False),
        },
    ),
    "brs": Reading(
        about=_("How you bounce back after hard times"),
        minutes=1,
        value="mean",
        maximum=5,
        higher_is_better=True,
        bands={
            "low_resilience": _(
                "Right now, bouncing back after hard times takes you a while. That can change, "
                "and support helps."
            ),
            "normal_resilience": _("You bounce back after hard times about as most people do."),
            "high_resilience": _("You tend to bounce back quickly after hard times."),
        },
    ),
    "who5": Reading(
        about=_("Your wellbeing over the last two weeks"),
        minutes=1,
        value="percentage",
        maximum=100,
        higher_is_better=True,
        bands={
            "likely_depression": _(
                "Your wellbeing has been very low over the last two weeks. That is worth "
                "talking to someone about."
            ),
            "poor_wellbeing": _("Your wellbeing has been lower than it could be lately."),
            "above_cutoff": _("Your wellbeing has been good over the last two weeks."),
        },
    ),
    "mini_z1_burnout_item": Reading(
        about=_("Burnout, in one question"),
        minutes=1,
        value="total",
        maximum=5,
        higher_is_better=False,
        bands={
            "no_burnout": _("You don't describe yourself as burned out."),
            "burnout": _(
                "You describe at least some burnout. You're not alone in that, and it is "
                "worth talking about."
            ),
        },
    ),
}

# Bands after which the result page puts talking to someone first.
SEE_SOMEONE_BANDS = {
    ("phq9", "moderately_severe"),
    ("phq9", "severe"),
    ("gad7", "severe"),
    ("pcl5", "probable_ptsd"),
    ("who5", "likely_depression"),
}


def main_value(instrument: str, result: dict[str, Any]) -> float | None:
    """The number a trend follows (None for ProQOL 5, which follows its subscales)."""
    reading = READINGS[instrument]
    value = result.get(reading.value)
    return value if isinstance(value, int | float) else None
