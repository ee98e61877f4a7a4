from __future__ import annotations

import json
from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.lib.errors import ActionError
from alongside.lib.risk import assess
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.queries import crisis_resources_for
from alongside.organisations.roles import Permission
from alongside.support_requests import queries as support_queries

from . import access, actions, queries
from .forms import EntryForm
from .models import JournalEntry, Prompt


@member_required(Permission.USE_SUPPORT)
def entry_list(request: MemberRequest) -> HttpResponse:
    """One's own entries, newest first, with search and tags."""
    entries = queries.entries_of(request.membership)
    text, tag = request.GET.get("q", ""), request.GET.get("tag", "")
    return render(
        request,
        "journal/entry_list.html",
        {
            "entries": queries.search(entries, text=text, tag=tag),
            "count": len(entries),
            "tags": queries.tags_in(entries),
            "q": text,
            "tag": tag,
        },
    )


def _editor(request: MemberRequest, entry: JournalEntry | None) -> HttpResponse:
    member = request.membership
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                entry = actions.save_entry(
                    by=member,
                    body=form.cleaned_data["body"],
                    tags=form.cleaned_data["tags"],
                    prompt=form.cleaned_data["prompt"],
                    entry=entry,
                )
            except ActionError as error:
                form.add_error(None, error.message)
            else:
                messages.info(request, _("Saved. Only you can read it."))
                return redirect("journal:entry-edit", code=entry.code)
    elif entry is not None:
        form = EntryForm(
            initial={"body": entry.body, "tags": ", ".join(entry.tags), "prompt": entry.prompt}
        )
    else:
        form = EntryForm(initial={"prompt": request.GET.get("prompt", "")})
    written = form.data.get("body", "") if form.is_bound else (entry.body if entry else "")
    return render(
        request,
        "journal/entry_form.html",
        {
            "form": form,
            "entry": entry,
            # For the writer's own screen only: nothing is stored or reported (lib/risk.py).
            "risk": assess(written).level,
            "resources": crisis_resources_for(request.membership.organisation),
            "open_request": support_queries.open_request_of(request.membership),
            "autosave_url": reverse("journal:entry-autosave", kwargs={"code": entry.code})
            if entry
            else reverse("journal:entry-autosave-new"),
        },
    )


@member_required(Permission.USE_SUPPORT)
def entry_new(request: MemberRequest) -> HttpResponse:
    return _editor(request, None)


@member_required(Permission.USE_SUPPORT)
def entry_edit(request: MemberRequest, code: UUID) -> HttpResponse:
    return _editor(request, access.get_entry_for(request.membership, code))


def _saved(entry: JournalEntry) -> JsonResponse:
    return JsonResponse(
        {
            "risk": assess(entry.body).level,
            "code": str(entry.code),
            "autosave_url": reverse("journal:entry-autosave", kwargs={"code": entry.code}),
            "edit_url": reverse("journal:entry-edit", kwargs={"code": entry.code}),
            "saved_at": time_format(timezone.localtime(entry.updated_at), "H:i"),
        }
    )


def _autosave(request: MemberRequest, entry: JournalEntry | None) -> HttpResponse:
    form = EntryForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Something in the form is not right.")}, status=400)
    try:
        entry = actions.save_entry(
            by=request.membership,
            body=form.cleaned_data["body"],
            tags=form.cleaned_data["tags"],
            prompt=form.cleaned_data["prompt"],
            entry=entry,
        )
    except ActionError as error:
        return JsonResponse({"error": error.message}, status=400)
    return _saved(entry)


@require_POST
@member_required(Permission.USE_SUPPORT)
def entry_autosave_new(request: MemberRequest) -> HttpResponse:
    """The editor's first save of a new entry, as the person starts typing."""
    return _autosave(request, None)


@require_POST
@member_required(Permission.USE_SUPPORT)
def entry_autosave(request: MemberRequest, code: UUID) -> HttpResponse:
    """The editor saves as the person types, and when the tab is hidden or closed."""
    return _autosave(request, access.get_entry_for(request.membership, code))


@require_POST
@member_required(Permission.USE_SUPPORT)
def entry_delete(request: MemberRequest, code: UUID) -> HttpResponse:
    entry = access.get_entry_for(request.membership, code)
    actions.delete_entry(by=request.membership, entry=entry)
    messages.info(request, _("Deleted. It's gone for good."))
    return redirect("journal:entry-list")


@member_required(Permission.USE_SUPPORT)
def journal_delete(request: MemberRequest) -> HttpResponse:
    """Delete everything, after saying so plainly."""
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        deleted = actions.delete_journal(by=request.membership)
        messages.info(
            request, _("Your journal is deleted: %(n)s entries, gone for good.") % {"n": deleted}
        )
        return redirect("journal:entry-list")
    return render(
        request,
        "journal/journal_delete.html",
        {"count": len(queries.entries_of(request.membership))},
    )


@member_required(Permission.USE_SUPPORT)
def export(request: MemberRequest, fmt: str) -> HttpResponse:
    """Everything, as Markdown or JSON, to keep: the journal is yours to take with you."""
    entries = list(reversed(queries.entries_of(request.membership)))
    actions.record_export(by=request.membership)
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        payload = [
            {
                "created_at": e.created_at.isoformat(),
                "updated_at": e.updated_at.isoformat(),
                "prompt": str(Prompt(e.prompt).label) if e.prompt else None,
                "tags": e.tags,
                "text": e.body,
            }
            for e in entries
        ]
        response = HttpResponse(
            json.dumps({"journal": payload}, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    else:
        title = _("My journal")
        parts = [f"# {title}\n"]
        for e in entries:
            when = timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M")
            parts.append(f"\n## {when}\n")
            if e.prompt:
                parts.append(f"\n*{Prompt(e.prompt).label}*\n")
            if e.tags:
                parts.append("\n" + " ".join(f"#{t.replace(' ', '-')}" for t in e.tags) + "\n")
            parts.append(f"\n{e.body}\n")
        response = HttpResponse("".join(parts), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="journal-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
