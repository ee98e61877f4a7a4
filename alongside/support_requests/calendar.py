"""A supporter's on-call shifts as an iCalendar (RFC 5545) feed for their calendar app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from alongside.lib.urls import absolute_url

from . import queries
from .actions import language_of
from .models import CalendarFeed, Tier

# What the feed covers: a week back (so a calendar keeps the recent past) and eight ahead.
PAST = timedelta(days=7)
AHEAD = timedelta(days=56)


def feed_ics(feed: CalendarFeed, *, now: datetime) -> bytes:
    """The shifts, one-off cover and time off of one supporter. Each event says only that
    they are on call (or away) and links to Alongside: no request, no person."""
    supporter = feed.supporter
    organisation = supporter.organisation
    start, end = now - PAST, now + AHEAD
    calendar = Calendar()
    calendar.add("prodid", "-//Alongside//On-call rota//EN")
    calendar.add("version", "2.0")
    link = absolute_url(reverse("support_requests:availability"))
    with translation.override(language_of(supporter)):
        calendar.add("x-wr-calname", _("On call for Alongside"))
        labels = {
            Tier.PRIMARY: _("On call for peer support"),
            Tier.BACKUP: _("Backup for peer support"),
            "": _("Not available for pages"),
        }
        periods = [
            *queries.shift_periods(organisation, start=start, end=end, supporter=supporter),
            *queries.time_off_periods(organisation, start=start, end=end, supporter=supporter),
        ]
        for period in periods:
            event = Event()
            event.add("uid", f"{period.uid}@alongside")
            event.add("dtstamp", now)
            event.add("dtstart", period.starts_at.astimezone(UTC))
            event.add("dtend", period.ends_at.astimezone(UTC))
            event.add("summary", labels[period.tier])
            event.add("url", link)
            event.add("transp", "TRANSPARENT" if period.tier == "" else "OPAQUE")
            calendar.add_component(event)
    return bytes(calendar.to_ical())
