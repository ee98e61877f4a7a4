"""Writes for organisations, units, memberships, invitations and crisis resources.

Every action runs in one transaction and leaves an audit row (style 3.3).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction
from alongside.lib.errors import ActionError
from alongside.lib.urls import absolute_url
from alongside.notifications.actions import send_email

from .access import invitation_token
from .crisis_defaults import defaults_for
from .models import CrisisResource, Invitation, Membership, Organisation, Unit
from .queries import active_org_admin_count
from .roles import Role

if TYPE_CHECKING:
    from alongside.accounts.models import User

INVITATION_LIFETIME = timedelta(days=7)


def _set_roles(target: Membership | Invitation, roles: Iterable[Role | str]) -> None:
    chosen = {Role(role) for role in roles}
    if not chosen:
        raise ActionError(_("Choose at least one role."))
    for role in Role:
        setattr(target, role.field_name, role in chosen)


@transaction.atomic
def create_organisation(
    *,
    by: User | None,
    name: str,
    country: str = "US",
    time_zone: str = "UTC",
    language: str = "en",
) -> Organisation:
    """Create a tenant with the crisis lines of its country. Audited."""
    organisation = Organisation.objects.create(
        name=name, country=country.upper(), time_zone=time_zone, language=language
    )
    with translation.override(language):
        CrisisResource.objects.bulk_create(
            CrisisResource(
                organisation=organisation,
                name=str(item.name),
                description=str(item.description),
                phone=item.phone,
                text=str(item.text),
                url=item.url,
                hours=str(item.hours),
                is_emergency=item.is_emergency,
                position=position,
            )
            for position, item in enumerate(defaults_for(country), start=1)
        )
    record_event(
        by=by,
        action=AuditAction.ORGANISATION_CREATED,
        organisation_id=organisation.pk,
        target=organisation,
    )
    return organisation


@transaction.atomic
def update_organisation_policy(
    *, by: User, organisation: Organisation, changes: dict[str, Any]
) -> Organisation:
    """Org admins change the name, language, time zone or sign-in policy. Audited with the
    names of the fields that changed."""
    allowed = {
        "name",
        "country",
        "time_zone",
        "language",
        "requires_mfa_for_leads",
        "session_idle_hours",
        "escalation_minutes_now",
        "escalation_minutes_today",
        "escalation_minutes_soon",
        "follow_up_days",
    }
    changed = sorted(
        k for k, v in changes.items() if k in allowed and getattr(organisation, k) != v
    )
    for field in changed:
        setattr(organisation, field, changes[field])
    if changed:
        organisation.save(update_fields=changed)
        record_event(
            by=by,
            action=AuditAction.ORGANISATION_POLICY_CHANGED,
            organisation_id=organisation.pk,
            target=organisation,
            detail={"fields": changed},
        )
    return organisation


@transaction.atomic
def create_unit(*, by: User, organisation: Organisation, name: str) -> Unit:
    name = name.strip()
    if Unit.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise ActionError(_("There is already a unit called “%(name)s”.") % {"name": name})
    unit = Unit.objects.create(organisation=organisation, name=name)
    record_event(
        by=by, action=AuditAction.UNIT_CREATED, organisation_id=organisation.pk, target=unit
    )
    return unit


@transaction.atomic
def rename_unit(*, by: User, unit: Unit, name: str) -> Unit:
    name = name.strip()
    clash = Unit.objects.filter(organisation_id=unit.organisation_id, name__iexact=name)
    if clash.exclude(pk=unit.pk).exists():
        raise ActionError(_("There is already a unit called “%(name)s”.") % {"name": name})
    old = unit.name
    unit.name = name
    unit.save(update_fields=["name"])
    record_event(
        by=by,
        action=AuditAction.UNIT_RENAMED,
        organisation_id=unit.organisation_id,
        target=unit,
        detail={"from": old},
    )
    return unit


@transaction.atomic
def delete_unit(*, by: User, unit: Unit) -> None:
    record_event(
        by=by, action=AuditAction.UNIT_DELETED, organisation_id=unit.organisation_id, target=unit
    )
    unit.delete()


@transaction.atomic
def invite_member(
    *,
    by: User,
    organisation: Organisation,
    email: str,
    roles: Iterable[Role | str],
    units: Iterable[Unit] = (),
) -> Invitation:
    """Invite someone by email. Refuses a person who is already a member or already has a
    pending invitation. Audited; the email goes out from the worker after commit."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ActionError(
            _(
                "%(email)s is already a member of %(organisation)s. To change their roles or "
                "units, open them in the member list."
            )
            % {"email": email, "organisation": organisation.name}
        )
    pending = Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if pending.exists():
        raise ActionError(
            _(
                "%(email)s already has an invitation waiting. You can withdraw it below and "
                "send a new one."
            )
            % {"email": email}
        )
    invitation = Invitation(
        organisation=organisation,
        email=email,
        invited_by_label=by.display_name,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    _set_roles(invitation, roles)
    invitation.save()
    invitation.units.set([u for u in units if u.organisation_id == organisation.pk])
    record_event(
        by=by,
        action=AuditAction.INVITATION_SENT,
        organisation_id=organisation.pk,
        target=invitation,
    )
    link = absolute_url(
        reverse("organisations:invitation-accept", kwargs={"token": invitation_token(invitation)})
    )
    send_email(
        to=email,
        template="invitation",
        language=organisation.language,
        organisation_id=organisation.pk,
        context={
            "organisation": organisation.name,
            "invited_by": by.display_name,
            "link": link,
            "days": INVITATION_LIFETIME.days,
        },
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, by: User, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation. A conditional UPDATE, so an invitation accepted a moment
    ago (even in another request) is never withdrawn under the new member. Audited once."""
    now = timezone.now()
    withdrawn = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    invitation.refresh_from_db(fields=["accepted_at", "revoked_at"])
    if invitation.accepted_at is not None:
        raise ActionError(_("This invitation has already been accepted."))
    if withdrawn:
        record_event(
            by=by,
            action=AuditAction.INVITATION_REVOKED,
            organisation_id=invitation.organisation_id,
            target=invitation,
        )
    return invitation


def check_invitation_usable(invitation: Invitation | None) -> Invitation:
    """Raise ActionError saying why a link cannot be used, and what to do instead."""
    if invitation is None:
        raise ActionError(
            _(
                "This invitation link is not valid. Check that you opened the whole "
                "link from the email, or ask your organisation for a new one."
            )
        )
    if invitation.accepted_at is not None:
        raise ActionError(
            _(
                "This invitation has already been used. If it was you, sign in "
                "with your email address and password."
            )
        )
    if invitation.revoked_at is not None:
        raise ActionError(
            _("This invitation was withdrawn. Ask your organisation's admin to send you a new one.")
        )
    if invitation.expires_at <= timezone.now():
        raise ActionError(
            _(
                "This invitation has expired. Ask your organisation's admin to "
                "send you a new one; it only takes them a moment."
            )
        )
    return invitation


@transaction.atomic
def accept_invitation(*, by: User, invitation: Invitation) -> Membership:
    """The invited person joins. Single use: the invitation row is claimed with a conditional
    UPDATE, so a link opened twice at once creates one membership."""
    check_invitation_usable(invitation)
    if by.email.lower() != invitation.email.lower():
        raise ActionError(
            _(
                "This invitation was sent to %(email)s, but you are signed in as %(you)s. Sign "
                "out, then open the link again."
            )
            % {"email": invitation.email, "you": by.email}
        )
    if Membership.objects.filter(organisation_id=invitation.organisation_id, user=by).exists():
        raise ActionError(
            _("You are already a member of %(organisation)s.")
            % {"organisation": invitation.organisation.name}
        )
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(accepted_at=now)
    if not claimed:
        raise ActionError(
            _(
                "This invitation has already been used. If it was you, sign in "
                "with your email address and password."
            )
        )
    invitation.accepted_at = now
    membership = Membership(user=by, organisation_id=invitation.organisation_id)
    _set_roles(membership, invitation.roles)
    membership.save()
    membership.units.set(invitation.units.all())
    record_event(
        by=by,
        action=AuditAction.INVITATION_ACCEPTED,
        organisation_id=invitation.organisation_id,
        target=invitation,
    )
    record_event(
        by=by,
        action=AuditAction.MEMBERSHIP_CREATED,
        organisation_id=invitation.organisation_id,
        target=membership,
        target_label=by.display_name,
    )
    return membership


@transaction.atomic
def join_with_new_account(*, invitation: Invitation, name: str, password: str) -> Membership:
    """Someone new opened their invitation: create their account and membership together, so
    a link that turns out to be used up leaves no account behind. Audited."""
    from alongside.accounts.actions import create_user_for_invitation

    check_invitation_usable(invitation)
    user = create_user_for_invitation(email=invitation.email, name=name, password=password)
    return accept_invitation(by=user, invitation=invitation)


@transaction.atomic
def join_through_sso(*, user: User, organisation: Organisation) -> Membership | None:
    """Someone signed in through their organisation's identity provider: they join as a
    clinician when the organisation allows it. Audited."""
    existing = Membership.objects.filter(organisation=organisation, user=user).first()
    if existing is not None or not organisation.sso_joins_as_clinician:
        return existing
    membership = Membership.objects.create(user=user, organisation=organisation)
    record_event(
        by=user,
        action=AuditAction.MEMBERSHIP_CREATED,
        organisation_id=organisation.pk,
        target=membership,
        target_label=user.display_name,
        detail={"via": "sso"},
    )
    return membership


def sso_provider_id_for(organisation: Organisation) -> str:
    return f"org-{organisation.code.hex[:12]}"


@transaction.atomic
def configure_single_sign_on(
    *,
    by: User,
    organisation: Organisation,
    issuer_url: str,
    client_id: str,
    client_secret: str = "",
    joins_as_clinician: bool = True,
) -> Organisation:
    """Connect the organisation's OpenID Connect identity provider (one per organisation).

    An empty `client_secret` keeps the stored one. Audited without the secret."""
    from allauth.socialaccount.models import SocialApp

    provider_id = organisation.sso_provider_id or sso_provider_id_for(organisation)
    app = SocialApp.objects.filter(provider="openid_connect", provider_id=provider_id).first()
    if app is None:
        if not client_secret:
            raise ActionError(_("Enter the client secret your identity provider gave you."))
        app = SocialApp(provider="openid_connect", provider_id=provider_id)
    app.name = organisation.name
    app.client_id = client_id.strip()
    if client_secret:
        app.secret = client_secret
    app.settings = {
        "server_url": issuer_url.strip().rstrip("/"),
        "token_auth_method": "client_secret_basic",
        "oauth_pkce_enabled": True,
    }
    app.save()
    organisation.sso_provider_id = provider_id
    organisation.sso_joins_as_clinician = joins_as_clinician
    organisation.save(update_fields=["sso_provider_id", "sso_joins_as_clinician"])
    record_event(
        by=by,
        action=AuditAction.SSO_CONFIGURED,
        organisation_id=organisation.pk,
        target=organisation,
        detail={"issuer": app.settings["server_url"], "client_id": app.client_id},
    )
    return organisation


@transaction.atomic
def remove_single_sign_on(*, by: User, organisation: Organisation) -> Organisation:
    """Disconnect the identity provider; members keep their accounts and can reset a
    password to sign in. Audited."""
    from allauth.socialaccount.models import SocialApp

    if organisation.sso_provider_id:
        SocialApp.objects.filter(
            provider="openid_connect", provider_id=organisation.sso_provider_id
        ).delete()
        organisation.sso_provider_id = ""
        organisation.save(update_fields=["sso_provider_id"])
        record_event(
            by=by,
            action=AuditAction.SSO_REMOVED,
            organisation_id=organisation.pk,
            target=organisation,
        )
    return organisation


def _guard_last_admin(membership: Membership, *, losing_admin: bool) -> None:
    if (
        losing_admin
        and membership.is_org_admin
        and membership.is_active
        and active_org_admin_count(membership.organisation) <= 1
    ):
        raise ActionError(
            _(
                "%(organisation)s needs at least one org admin. Make someone else "
                "an org admin first."
            )
            % {"organisation": membership.organisation.name}
        )


@transaction.atomic
def update_membership(
    *, by: User, membership: Membership, roles: Iterable[Role | str], units: Iterable[Unit]
) -> Membership:
    """Set a member's roles and units. Keeps at least one org admin. Audited."""
    chosen = {Role(role) for role in roles}
    _guard_last_admin(membership, losing_admin=Role.ORG_ADMIN not in chosen)
    before = sorted(membership.roles)
    _set_roles(membership, chosen)
    membership.save(update_fields=[role.field_name for role in Role])
    membership.units.set([u for u in units if u.organisation_id == membership.organisation_id])
    record_event(
        by=by,
        action=AuditAction.MEMBERSHIP_CHANGED,
        organisation_id=membership.organisation_id,
        target=membership,
        target_label=membership.user.display_name,
        detail={"roles_before": before, "roles_after": sorted(chosen)},
    )
    return membership


@transaction.atomic
def deactivate_membership(*, by: User, membership: Membership) -> Membership:
    """Remove someone's access to this organisation (their own private records stay theirs).
    Keeps at least one org admin. Audited."""
    if membership.deactivated_at is not None:
        return membership
    _guard_last_admin(membership, losing_admin=True)
    membership.deactivated_at = timezone.now()
    membership.save(update_fields=["deactivated_at"])
    record_event(
        by=by,
        action=AuditAction.MEMBERSHIP_DEACTIVATED,
        organisation_id=membership.organisation_id,
        target=membership,
        target_label=membership.user.display_name,
    )
    return membership


@transaction.atomic
def reactivate_membership(*, by: User, membership: Membership) -> Membership:
    if membership.deactivated_at is None:
        return membership
    membership.deactivated_at = None
    membership.save(update_fields=["deactivated_at"])
    record_event(
        by=by,
        action=AuditAction.MEMBERSHIP_REACTIVATED,
        organisation_id=membership.organisation_id,
        target=membership,
        target_label=membership.user.display_name,
    )
    return membership


RESOURCE_FIELDS = (
    "name",
    "kind",
    "description",
    "phone",
    "text",
    "url",
    "hours",
    "is_emergency",
    "position",
)


def _check_reachable(values: dict[str, Any]) -> None:
    if not (values.get("phone") or values.get("text") or values.get("url")):
        raise ActionError(
            _(
                "Add a phone number, a text or chat line, or a website, so people "
                "can reach this service."
            )
        )


@transaction.atomic
def add_crisis_resource(
    *, by: User, organisation: Organisation, values: dict[str, Any]
) -> CrisisResource:
    _check_reachable(values)
    resource = CrisisResource.objects.create(
        organisation=organisation, **{k: values[k] for k in RESOURCE_FIELDS if k in values}
    )
    record_event(
        by=by, action=AuditAction.RESOURCE_CREATED, organisation_id=organisation.pk, target=resource
    )
    return resource


@transaction.atomic
def update_crisis_resource(
    *, by: User, resource: CrisisResource, values: dict[str, Any]
) -> CrisisResource:
    merged = {k: values.get(k, getattr(resource, k)) for k in RESOURCE_FIELDS}
    _check_reachable(merged)
    changed = [k for k in RESOURCE_FIELDS if getattr(resource, k) != merged[k]]
    for field in changed:
        setattr(resource, field, merged[field])
    if changed:
        resource.save(update_fields=changed)
        record_event(
            by=by,
            action=AuditAction.RESOURCE_CHANGED,
            organisation_id=resource.organisation_id,
            target=resource,
            detail={"fields": changed},
        )
    return resource


@transaction.atomic
def delete_crisis_resource(*, by: User, resource: CrisisResource) -> None:
    record_event(
        by=by,
        action=AuditAction.RESOURCE_DELETED,
        organisation_id=resource.organisation_id,
        target=resource,
    )
    resource.delete()
