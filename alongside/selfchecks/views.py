from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.lib.errors import ActionError
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.queries import crisis_resources_for
from alongside.organisations.roles import Permission
from alongside.support_requests import queries as support_queries

from . import access, actions, queries
from .definitions import instruments
from .forms import ReminderForm, SelfCheckForm
from .meanings import READINGS, SEE_SOMEONE_BANDS, SUBSCALE_BANDS, main_value
from .models import SelfCheck


def _crisis_lines(request: MemberRequest) -> object:
    return crisis_resources_for(request.membership.organisation)


@member_required(Permission.USE_SUPPORT)
def self_check_list(request: MemberRequest) -> HttpResponse:
    """Every self-check, what it looks at, and when the person last took it."""
    member = request.membership
    latest = queries.latest_dates(member)
    drafts = queries.drafts_of(member)
    rows = [
        {
            "instrument": definition,
            "reading": READINGS[definition.id],
            "last_at": latest.get(definition.id),
            "has_draft": definition.id in drafts,
        }
        for definition in instruments().values()
    ]
    return render(request, "selfchecks/self_check_list.html", {"rows": rows})


@member_required(Permission.USE_SUPPORT)
def take(request: MemberRequest, instrument: str) -> HttpResponse:
    """The questionnaire: all questions in one form (one per screen on a phone, with the page's
    script), answers kept as a draft as they are given and when a send fails."""
    definition = access.get_instrument(instrument)
    wording = definition.wording(get_language())
    member = request.membership
    if request.method == "POST":
        form = SelfCheckForm(request.POST, instrument=definition, wording=wording)
        if form.is_valid():
            try:
                self_check = actions.complete_self_check(
                    by=member, instrument=definition.id, answers=form.answers()
                )
            except ActionError as error:
                form.add_error(None, error.message)
            else:
                return redirect("selfchecks:result", code=self_check.code)
    else:
        draft = queries.draft_of(member, definition.id)
        answers = draft.answers if draft else []
        form = SelfCheckForm(
            initial={f"q{n}": v for n, v in enumerate(answers, start=1) if v is not None},
            instrument=definition,
            wording=wording,
        )
    safety = dict(definition.safety)
    questions = [
        {"number": n, "field": form[f"q{n}"], "safety_at_least": safety.get(n)}
        for n in range(1, definition.item_count + 1)
    ]
    return render(
        request,
        "selfchecks/self_check_form.html",
        {
            "instrument": definition,
            "wording": wording,
            "reading": READINGS[definition.id],
            "form": form,
            "questions": questions,
            "has_safety_items": bool(safety),
            "resources": _crisis_lines(request) if safety else [],
            "open_request": support_queries.open_request_of(member) if safety else None,
        },
    )


@require_POST
@member_required(Permission.USE_SUPPORT)
def draft(request: MemberRequest, instrument: str) -> HttpResponse:
    """The page's script keeps the answers given so far here, as they are given."""
    definition = access.get_instrument(instrument)
    form = SelfCheckForm(request.POST, instrument=definition)
    if not form.is_valid():
        return HttpResponse(status=400)
    try:
        actions.save_draft(by=request.membership, instrument=definition.id, answers=form.answers())
    except ActionError:
        return HttpResponse(status=400)
    return HttpResponse(status=204)


def _change(self_check: SelfCheck, previous: SelfCheck | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    reading = READINGS[self_check.instrument]
    now, then = (main_value(self_check.instrument, s.result) for s in (self_check, previous))
    if now is None or then is None:
        return {"previous": previous}
    better = (now > then) == reading.higher_is_better
    return {
        "previous": previous,
        "then": then,
        "now": now,
        "direction": "same" if now == then else ("better" if better else "harder"),
    }


def _subscales(self_check: SelfCheck, previous: SelfCheck | None) -> list[dict[str, Any]]:
    reading = READINGS[self_check.instrument]
    before = previous.result.get("subscales", {}) if previous else {}
    rows = []
    for name, (label, higher_is_better) in reading.subscales.items():
        value = self_check.result["subscales"][name]
        then = before.get(name, {}).get("score")
        rows.append(
            {
                "label": label,
                "score": value["score"],
                "band": SUBSCALE_BANDS[value["band"]],
                "then": then,
                "direction": None
                if then is None
                else "same"
                if then == value["score"]
                else ("better" if (value["score"] > then) == higher_is_better else "harder"),
            }
        )
    return rows


@member_required(Permission.USE_SUPPORT)
def result(request: MemberRequest, code: UUID) -> HttpResponse:
    """A result in plain words. A safety flag puts the crisis lines and one button to a
    person above everything else on the page."""
    member = request.membership
    self_check = access.get_self_check_for(member, code)
    previous = queries.previous_result(self_check)
    outcome = self_check.result
    reading = READINGS[self_check.instrument]
    band = outcome.get("band")
    return render(
        request,
        "selfchecks/self_check_result.html",
        {
            "self_check": self_check,
            "instrument": instruments()[self_check.instrument],
            "reading": reading,
            "outcome": outcome,
            "value": main_value(self_check.instrument, outcome),
            "meaning": reading.bands.get(band) if band else None,
            "see_someone": (self_check.instrument, band) in SEE_SOMEONE_BANDS,
            "subscales": _subscales(self_check, previous) if reading.subscales else [],
            "change": _change(self_check, previous),
            "resources": _crisis_lines(request),
            "open_request": support_queries.open_request_of(member),
        },
    )


@require_POST
@member_required(Permission.USE_SUPPORT)
def delete(request: MemberRequest, code: UUID) -> HttpResponse:
    member = request.membership
    self_check = access.get_self_check_for(member, code)
    instrument = self_check.instrument
    actions.delete_self_check(by=member, self_check=self_check)
    messages.info(request, _("Deleted. It's gone for good."))
    return redirect("selfchecks:history", instrument=instrument)


@member_required(Permission.USE_SUPPORT)
def history(request: MemberRequest, instrument: str) -> HttpResponse:
    """The person's results over time: a chart and the same figures as a table, and their
    reminder for this self-check."""
    definition = access.get_instrument(instrument)
    member = request.membership
    reading = READINGS[definition.id]
    results = queries.history_of(member, definition.id)
    reminder = queries.reminders_of(member).get(definition.id)
    if request.method == "POST":
        reminder_form = ReminderForm(request.POST)
        if reminder_form.is_valid():
            try:
                actions.set_reminder(
                    by=member, instrument=definition.id, rhythm=reminder_form.cleaned_data["rhythm"]
                )
            except ActionError as error:
                reminder_form.add_error(None, error.message)
            else:
                messages.info(request, _("Your reminder is saved."))
                return redirect("selfchecks:history", instrument=definition.id)
    else:
        reminder_form = ReminderForm(initial={"rhythm": reminder.rhythm if reminder else ""})
    rows = []
    for self_check in results:
        outcome = self_check.result
        row: dict[str, Any] = {
            "self_check": self_check,
            "value": main_value(definition.id, outcome),
        }
        if reading.subscales:
            row["subscales"] = [outcome["subscales"][name]["score"] for name in reading.subscales]
        band = outcome.get("band")
        row["band"] = reading.bands.get(band) if band else None
        rows.append(row)
    series = (
        [{"label": str(label), "key": name} for name, (label, _up) in reading.subscales.items()]
        if reading.subscales
        else [{"label": str(definition.name), "key": "value"}]
    )
    chart = {
        "labels": [
            date_format(timezone.localtime(r["self_check"].completed_at), "SHORT_DATE_FORMAT")
            for r in rows
        ],
        "series": [
            {
                "label": s["label"],
                "values": [r["subscales"][i] if reading.subscales else r["value"] for r in rows],
            }
            for i, s in enumerate(series)
        ],
        "max": reading.maximum,
    }
    return render(
        request,
        "selfchecks/self_check_history.html",
        {
            "instrument": definition,
            "reading": reading,
            "rows": rows,
            "series": series,
            "chart": chart,
            "reminder": reminder,
            "reminder_form": reminder_form,
        },
    )
