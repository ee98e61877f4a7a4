from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.journal import access as journal_access
from alongside.lib.errors import ActionError
from alongside.lib.risk import assess
from alongside.lib.scrub import PLACEHOLDERS
from alongside.organisations.decorators import member_required
from alongside.organisations.http import MemberRequest
from alongside.organisations.queries import crisis_resources_for
from alongside.organisations.roles import Permission, has_permission
from alongside.support_requests import queries as support_queries

from . import access, actions, queries
from .forms import ReplyForm, ReturnForm, StoryForm
from .models import Story


@member_required(Permission.USE_SUPPORT)
def story_list(request: MemberRequest) -> HttpResponse:
    """Stories shared by peers, and one's own (drafts, waiting, returned, shared)."""
    member = request.membership
    q = request.GET.get("q", "").strip()[:200]
    found = queries.search_for(member, q) if q else queries.published_for(member)
    page = Paginator(found, queries.PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "stories/story_list.html",
        {
            "q": q,
            "page": page,
            "query": urlencode({"q": q}) if q else "",
            "own": queries.own_stories(member),
            "waiting": len(queries.moderation_queue(member))
            if has_permission(member, Permission.MODERATE_STORIES)
            else None,
        },
    )


def _editor(request: MemberRequest, story: Story | None) -> HttpResponse:
    member = request.membership
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            story = actions.save_draft(by=member, story=story, **form.cleaned_data)
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            return redirect("stories:story-check", code=story.code)
    elif story is not None:
        form = StoryForm(
            initial={
                "title": story.title,
                "body": story.body,
                "role": story.role,
                "visibility": story.visibility,
            }
        )
    elif request.GET.get("from"):
        # Starting from one of the writer's own journal entries (404 for anyone else's).
        entry = journal_access.get_entry_for(member, UUID(request.GET["from"]))
        form = StoryForm(initial={"body": entry.body})
    return render(request, "stories/story_form.html", {"form": form, "story": story})


@member_required(Permission.USE_SUPPORT)
def story_new(request: MemberRequest) -> HttpResponse:
    return _editor(request, None)


@member_required(Permission.USE_SUPPORT)
def story_edit(request: MemberRequest, code: UUID) -> HttpResponse:
    story = access.get_own_story(request.membership, code)
    if story.status not in actions.EDITABLE:
        return redirect("stories:story-detail", code=story.code)
    return _editor(request, story)


def _highlighted(text: str, spans: list) -> list[tuple[str, int | None, str]]:  # type: ignore[type-arg]
    """The text in pieces: plain ones, and each identifier with its number and placeholder."""
    pieces: list[tuple[str, int | None, str]] = []
    at = 0
    for number, span in enumerate(spans):
        pieces.append((text[at : span.start], None, ""))
        pieces.append((span.text, number, PLACEHOLDERS[span.type]))
        at = span.end
    pieces.append((text[at:], None, ""))
    return pieces


@member_required(Permission.USE_SUPPORT)
def story_check(request: MemberRequest, code: UUID) -> HttpResponse:
    """Before it is sent: every likely identifier highlighted, each replaced by a neutral word
    unless the author keeps it; then to a moderator."""
    member = request.membership
    story = access.get_own_story(member, code)
    if story.status not in actions.EDITABLE:
        return redirect("stories:story-detail", code=story.code)
    spans = actions.identifiers_in(story)
    keep: list[int] = []
    also = ""
    if request.method == "POST":
        keep = [int(k) for k in request.POST.getlist("keep") if k.isdigit()]
        also = request.POST.get("also", "")[:4000]
        try:
            actions.submit_story(by=member, story=story, keep=keep, also=actions.also_phrases(also))
        except ActionError as error:
            messages.error(request, error.message)  # what was typed and ticked stays
        else:
            messages.success(
                request,
                _("Sent. A moderator will read it soon; we'll tell you when it is shared."),
            )
            return redirect("stories:story-detail", code=story.code)
    text = f"{story.title}\n\n{story.body}" if story.title else story.body
    return render(
        request,
        "stories/story_check.html",
        {
            "story": story,
            "pieces": _highlighted(text, spans),
            "spans": [(n, s, PLACEHOLDERS[s.type], n in keep) for n, s in enumerate(spans)],
            "also": also,
            # For the writer's own screen only: nothing is stored or reported (lib/risk.py).
            "risk": assess(story.body).level,
            "resources": crisis_resources_for(member.organisation),
            "open_request": support_queries.open_request_of(member),
        },
    )


@member_required(Permission.USE_SUPPORT)
def story_detail(request: MemberRequest, code: UUID) -> HttpResponse:
    """A story, its reactions and replies, a reply form (what was typed is kept when it can't
    be sent), and, for its writer, its state and a way to withdraw it."""
    member = request.membership
    story = access.get_story_to_read(member, code)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.reply_to(by=member, story=story, body=form.cleaned_data["body"])
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Sent. Names and places were taken out, and a moderator reads it first."),
            )
            return redirect("stories:story-detail", code=story.code)
    published = story.is_published
    return render(
        request,
        "stories/story_detail.html",
        {
            "story": story,
            "own": story.is_by(member),
            "reactions": queries.reactions_to(story, member) if published else [],
            "like": queries.like(story, member) if published else [],
            "replies": queries.replies_to(story, member) if published else [],
            "reply_form": form if published else None,
            "member": member,
            "title": story.published_title if published else story.title,
            "body": story.published_body if published else story.body,
        },
    )


@require_POST
@member_required(Permission.USE_SUPPORT)
def story_react(request: MemberRequest, code: UUID) -> HttpResponse:
    story = access.get_story_to_read(request.membership, code)
    try:
        actions.react(by=request.membership, story=story, kind=request.POST.get("kind", ""))
    except ActionError as error:
        messages.error(request, error.message)
    return redirect("stories:story-detail", code=story.code)


@require_POST
@member_required(Permission.USE_SUPPORT)
def story_withdraw(request: MemberRequest, code: UUID) -> HttpResponse:
    story = access.get_own_story(request.membership, code)
    actions.withdraw_story(by=request.membership, story=story)
    messages.success(request, _("Your story is withdrawn. Its words are gone."))
    return redirect("stories:story-list")


@member_required(Permission.MODERATE_STORIES)
def moderation_queue(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "stories/moderation_queue.html",
        {
            "stories": queries.moderation_queue(request.membership),
            "replies": queries.reply_queue(request.membership),
        },
    )


@member_required(Permission.MODERATE_STORIES)
def moderate(request: MemberRequest, code: UUID) -> HttpResponse:
    """One waiting story: its scrubbed text, what the author kept as written, and approve or
    return with a note. Nothing says who wrote it."""
    member = request.membership
    story = access.get_story_to_moderate(member, code)
    form = ReturnForm(request.POST if request.POST.get("decision") == "return" else None)
    try:
        if request.POST.get("decision") == "approve":
            actions.approve_story(by=member, story=story)
            messages.success(request, _("Shared. The author is told."))
            return redirect("stories:moderation-queue")
        if form.is_bound and form.is_valid():
            actions.return_story(by=member, story=story, note=form.cleaned_data["note"])
            messages.success(request, _("Returned to the author with your note."))
            return redirect("stories:moderation-queue")
    except ActionError as error:
        messages.error(request, error.message)
        return redirect("stories:moderation-queue")
    return render(request, "stories/moderate.html", {"story": story, "form": form})


@member_required(Permission.MODERATE_STORIES)
def moderate_reply(request: MemberRequest, code: UUID) -> HttpResponse:
    """One waiting reply, under the story it answers: share it, or not, saying why."""
    member = request.membership
    reply = access.get_reply_to_moderate(member, code)
    decision = request.POST.get("decision")
    form = ReturnForm(request.POST if decision == "decline" else None)
    try:
        if decision == "approve":
            actions.approve_reply(by=member, reply=reply)
            messages.success(request, _("Shared under the story. Its writer is told."))
            return redirect("stories:moderation-queue")
        if form.is_bound and form.is_valid():
            actions.decline_reply(by=member, reply=reply, note=form.cleaned_data["note"])
            messages.success(request, _("Not shared. The person who wrote it sees your note."))
            return redirect("stories:moderation-queue")
    except ActionError as error:
        messages.error(request, error.message)
        return redirect("stories:moderation-queue")
    return render(request, "stories/moderate_reply.html", {"reply": reply, "form": form})
