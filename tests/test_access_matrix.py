"""Every URL pattern, as every persona: nobody reaches anything of another organisation.

The walk is over the URL resolver itself, so a new URL is covered the day it is added. A URL
whose parameters this file does not know how to fill fails the test until someone says here
how to fill them: no URL is skipped silently.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from alongside.audit.models import AuditEvent
from alongside.followups.models import FollowUp
from alongside.journal.actions import save_entry
from alongside.journal.models import JournalEntry
from alongside.losses.actions import add_participants, record_loss
from alongside.losses.models import LossEvent, Participant
from alongside.notifications.actions import notify_in_app
from alongside.notifications.models import Channel, PushSubscription
from alongside.organisations import access, queries
from alongside.organisations.models import (
    CrisisResource,
    Invitation,
    Membership,
    Organisation,
    Unit,
)
from alongside.organisations.tests.factories import CrisisResourceFactory, InvitationFactory
from alongside.selfchecks.actions import complete_self_check, set_reminder
from alongside.selfchecks.models import SelfCheck
from alongside.stories.actions import approve_story, reply_to, save_draft, submit_story
from alongside.stories.models import Reply, Story, StoryReaction
from alongside.support_requests.actions import open_support_request
from alongside.support_requests.models import Shift, SupportRequest, TimeOff
from alongside.support_requests.tests.factories import put_on_call
from conftest import client_for

pytestmark = pytest.mark.django_db

# What org A's data looks like in a page: every org-A label below contains it.
MARKER = "Alpha"
# Random tokens (a page's CSRF token is 64 letters and digits, new for every session) carry no
# data, yet now and then one spells the marker by chance. No org-A label is such a run, so they
# are blanked before the marker is looked for.
RANDOM_TOKEN = re.compile(r"[A-Za-z0-9]{32,}")

# Routes left out of the walk, each with its reason.
NOT_WALKED = {
    "admin/": "Django admin: staff-only, for server operators, not organisation members.",
}
# Reachable by anyone holding the link, by design; the signature is the access check.
# Parameters that point at one of org A's objects (the others are keys nobody else holds, filled
# with made-up values: those pages may answer 200 with "this link is not valid").
OBJECT_PARAMS = {"code", "pk", "provider_id", "token"}
PUBLIC_BY_DESIGN = {
    "organisations:invitation-accept": "a signed, expiring, single-use invitation link",
    "support_requests:calendar-feed": "a supporter's private calendar link (a random token)",
}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    params: tuple[str, ...]


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            outer = params + tuple(pattern.pattern.regex.groupindex)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns, outer)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if any(route.startswith(skip) for skip in NOT_WALKED):
                continue
            name = namespace + pattern.name if pattern.name else ""
            yield Route(name, route, params + tuple(pattern.pattern.regex.groupindex))


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


@dataclass
class AlphaWorld:
    """Org A's objects, every one labelled with MARKER, and how to fill each parameter."""

    values: dict[str, list[Any]]


@pytest.fixture
def world(
    organisation: Organisation,
    author: Membership,
    colleague: Membership,
    coordinator: Membership,
    org_admin: Membership,
) -> AlphaWorld:
    """Org A with every persona, an invitation, a crisis line, a notice and SSO."""
    organisation.sso_provider_id = "alpha-sso"
    organisation.save()
    invitation = InvitationFactory.create(organisation=organisation, email="alpha.invitee@x.test")
    resource = CrisisResourceFactory.create(organisation=organisation, name="Alpha Helpline")
    notify_in_app(
        recipient_id=author.user_id, title="Alpha notice", organisation_id=organisation.pk
    )
    # A request paged to the colleague (on call around the clock), with rota rows.
    colleague.is_peer_supporter = True
    colleague.save()
    put_on_call(colleague)
    support_request = open_support_request(by=author, note="Alpha note", is_name_private=False)
    time_off = TimeOff.objects.create(
        organisation=organisation,
        supporter=colleague,
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=2),
    )
    # A check-in the author was sent and answered, for the colleague to see.
    follow_up = FollowUp.objects.create(
        organisation=organisation,
        member=author,
        support_request=support_request,
        supporter=colleague,
        day=1,
        due_at=timezone.now(),
        sent_at=timezone.now(),
        answer="not_great",
        answered_at=timezone.now(),
    )
    channel = Channel.objects.create(user=author.user, label="Alpha Slack", url="json://x/")
    device = PushSubscription.objects.create(
        user=author.user,
        label="Alpha phone",
        endpoint="https://fcm.googleapis.com/fcm/send/alpha",
        endpoint_digest="alpha",
        keys="{}",
    )
    # The author's own self-check (PHQ-9 item 9 positive) and a reminder: theirs alone.
    self_check = complete_self_check(by=author, instrument="phq9", answers=[0] * 8 + [2])
    set_reminder(by=author, instrument="phq9", rhythm="weekly")
    # A loss on the unit, recorded by the author, the colleague there too.
    loss = record_loss(by=author, unit=author.units.get(), kind="child")
    (there,) = add_participants(by=author, loss=loss, members=[colleague])
    # The author's journal: nobody else's to read.
    entry = save_entry(by=author, body="Alpha words of my own", tags="alpha")
    # Stories of the organisation: one shared with it (read by its members only), one
    # waiting for a moderator, and a draft.
    colleague.is_moderator = True
    colleague.save()
    shared = save_draft(by=author, title="Alpha shared story", body="Alpha night")
    submit_story(by=author, story=shared)
    approve_story(by=colleague, story=shared)
    waiting = save_draft(by=author, title="Alpha waiting story", body="Alpha dawn")
    submit_story(by=author, story=waiting)
    story_draft = save_draft(by=author, title="Alpha draft story", body="Alpha dusk")
    reply = reply_to(by=coordinator, story=shared, body="Alpha reply")
    codes = [
        reply.code,
        shared.code,
        waiting.code,
        story_draft.code,
        entry.code,
        loss.code,
        there.code,
        self_check.code,
        device.code,
        support_request.code,
        follow_up.code,
        channel.code,
        time_off.code,
        *Shift.objects.filter(organisation=organisation).values_list("code", flat=True)[:1],
        *Membership.objects.filter(organisation=organisation).values_list("code", flat=True),
        *Unit.objects.filter(organisation=organisation).values_list("code", flat=True),
        *Invitation.objects.filter(organisation=organisation).values_list("code", flat=True),
        resource.code,
        organisation.code,
        author.user.code,
    ]
    authenticators = list(
        Authenticator.objects.filter(user__memberships__organisation=organisation).values_list(
            "pk", flat=True
        )
    )
    return AlphaWorld(
        values={
            "code": codes,
            "token": [access.invitation_token(invitation)],
            "key": ["not-a-real-key"],
            "uidb36": ["1"],
            "pk": authenticators,
            "provider_id": ["alpha-sso"],
            # Instruments are public names, not objects: each member sees only their own.
            "instrument": ["phq9"],
            # A join code is typed by hand: the page only says "were you there?".
            "join_code": [loss.join_code],
        }
    )


def urls_for(route: Route, world: AlphaWorld) -> list[str]:
    unknown = [p for p in route.params if p not in world.values]
    assert not unknown, (
        f"{route.route} takes {unknown}: teach tests/test_access_matrix.py which objects of "
        "another organisation to try there."
    )
    if not route.params:
        if route.name:
            return [reverse(route.name)]
        return ["/" + route.route]
    combos = itertools.product(*(world.values[p] for p in route.params))
    return [
        reverse(route.name, kwargs=dict(zip(route.params, combo, strict=True))) for combo in combos
    ]


def snapshot(organisation: Organisation) -> dict[str, Any]:
    """What an outsider's POSTs must never change."""
    return {
        "members": sorted(
            Membership.objects.filter(organisation=organisation).values_list(
                "code", "deactivated_at", "is_org_admin", "is_peer_supporter"
            )
        ),
        "units": sorted(Unit.objects.filter(organisation=organisation).values_list("code", "name")),
        "invitations": sorted(
            Invitation.objects.filter(organisation=organisation).values_list(
                "code", "revoked_at", "accepted_at"
            )
        ),
        "resources": sorted(
            CrisisResource.objects.filter(organisation=organisation).values_list("code", "name")
        ),
        "organisation": Organisation.objects.filter(pk=organisation.pk)
        .values_list("name", "requires_mfa_for_leads", "session_idle_hours")
        .get(),
        "requests": sorted(
            SupportRequest.objects.filter(organisation=organisation).values_list(
                "code", "status", "supporter_id"
            )
        ),
        "shifts": sorted(Shift.objects.filter(organisation=organisation).values_list("code")),
        "time_off": sorted(TimeOff.objects.filter(organisation=organisation).values_list("code")),
        "channels": sorted(
            Channel.objects.filter(user__memberships__organisation=organisation).values_list(
                "code", flat=True
            )
        ),
        "devices": sorted(
            PushSubscription.objects.filter(
                user__memberships__organisation=organisation
            ).values_list("code", flat=True)
        ),
        "follow_ups": sorted(
            FollowUp.objects.filter(organisation=organisation).values_list(
                "code", "answer", "answered_at", "cancelled_at"
            )
        ),
        "self_checks": sorted(
            SelfCheck.objects.filter(organisation=organisation).values_list("code", "completed_at")
        ),
        "journal": sorted(
            JournalEntry.objects.filter(organisation=organisation).values_list("code", "updated_at")
        ),
        "stories": sorted(
            Story.objects.filter(organisation=organisation).values_list(
                "code", "status", "updated_at"
            )
        ),
        "reactions": StoryReaction.objects.filter(story__organisation=organisation).count(),
        "replies": sorted(
            Reply.objects.filter(organisation=organisation).values_list("code", "status")
        ),
        "losses": sorted(
            LossEvent.objects.filter(organisation=organisation).values_list("code", "unit_id")
        ),
        "participants": sorted(
            Participant.objects.filter(loss__organisation=organisation).values_list(
                "member_id", "offer"
            )
        ),
        "audit_by_others": AuditEvent.objects.filter(organisation_id=organisation.pk)
        .exclude(action="membership.viewed")
        .count(),
    }


def find_leaks(outsider: Client, world: AlphaWorld, organisation: Organisation) -> list[str]:
    leaks: list[str] = []
    before = snapshot(organisation)
    for route in all_routes():
        if route.name in PUBLIC_BY_DESIGN:
            continue
        for url in urls_for(route, world):
            response = outsider.get(url)
            body = RANDOM_TOKEN.sub("", response.content.decode(errors="replace"))
            if response.status_code >= 500:
                leaks.append(f"GET {url}: server error {response.status_code}")
            if MARKER in body:
                at = body.index(MARKER)
                leaks.append(
                    f"GET {url}: shows another organisation's data: {body[at - 80 : at + 40]!r}"
                )
            points_at_object = any(p in OBJECT_PARAMS for p in route.params)
            if points_at_object and response.status_code == 200:
                leaks.append(f"GET {url}: answered 200 for another organisation's object")
            if points_at_object:
                posted = outsider.post(
                    url, {"name": "Hijacked", "roles": ["org_admin"], "delete": "1"}
                )
                if posted.status_code not in (302, 403, 404, 405):
                    leaks.append(f"POST {url}: answered {posted.status_code}")
    if snapshot(organisation) != before:
        leaks.append("an outsider's request changed another organisation's data")
    return leaks


def test_an_outsider_reaches_nothing_of_another_organisation(
    world: AlphaWorld, organisation: Organisation, outsider: Membership
) -> None:
    assert find_leaks(client_for(outsider), world, organisation) == []


def test_signed_out_visitors_reach_nothing_of_an_organisation(
    world: AlphaWorld, organisation: Organisation
) -> None:
    assert find_leaks(Client(), world, organisation) == []


@pytest.mark.parametrize("persona", ["author", "colleague", "coordinator", "org_admin"])
def test_no_page_crashes_for_members_of_the_organisation(
    world: AlphaWorld, persona: str, request: pytest.FixtureRequest
) -> None:
    client = client_for(request.getfixturevalue(persona))
    errors = []
    for route in all_routes():
        for url in urls_for(route, world):
            response = client.get(url)
            if response.status_code >= 500:
                errors.append(f"{url}: {response.status_code}")
            html = response.get("Content-Type", "").startswith("text/html")
            if response.status_code == 200 and html and b'href="/help/"' not in response.content:
                errors.append(f"{url}: no 'Need help now?' link")
    assert errors == []


def test_clinicians_do_not_reach_admin_pages_of_their_own_organisation(
    world: AlphaWorld, author: Membership, colleague: Membership
) -> None:
    client = client_for(author)
    for route in all_routes():
        if not route.name.startswith(("organisations:", "audit:")):
            continue
        if route.name in PUBLIC_BY_DESIGN:
            continue
        for url in urls_for(route, world):
            assert client.get(url).status_code in (404, 405), url
            assert client.post(url, {"roles": ["org_admin"]}).status_code == 404, url


def test_the_matrix_catches_an_access_function_that_forgets_the_organisation(
    world: AlphaWorld,
    organisation: Organisation,
    outsider: Membership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.shortcuts import get_object_or_404

    def leaky_get_unit_for(membership: Membership | None, code: Any) -> Unit:
        return get_object_or_404(Unit, code=code)  # the organisation filter is gone

    monkeypatch.setattr(access, "get_unit_for", leaky_get_unit_for)
    leaks = find_leaks(client_for(outsider), world, organisation)
    assert any("/organisation/units/" in leak for leak in leaks)


def test_the_matrix_catches_a_list_query_that_forgets_the_organisation(
    world: AlphaWorld,
    organisation: Organisation,
    outsider: Membership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = queries.members_of

    def leaky_members_of(org: Organisation, *, search: str = "") -> Any:
        return original(org, search=search) | Membership.objects.all()

    monkeypatch.setattr(queries, "members_of", leaky_members_of)
    leaks = find_leaks(client_for(outsider), world, organisation)
    # The report quotes the page around what leaked, so a failure says what it saw.
    assert any(
        "/organisation/members/" in leak
        and "another organisation's data: '" in leak
        and "Alpha" in leak.split(": ", 2)[2]
        for leak in leaks
    )
