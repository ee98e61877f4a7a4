"""Writes for a person's own account."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db import transaction

from alongside.audit.actions import record_event
from alongside.audit.models import AuditAction

from .models import User, new_session_salt


@transaction.atomic
def create_user_for_invitation(*, email: str, name: str, password: str) -> User:
    """Create the account of someone who opened an invitation. The link reached their inbox, so
    the address counts as verified."""
    user = User.objects.create_user(email=email, password=password, name=name.strip())
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@transaction.atomic
def update_profile(
    *,
    by: User,
    name: str,
    language: str,
    organisation_id: int | None,
    phone: str | None = None,
) -> User:
    """A person changes their own name, language or phone number (None leaves it as it is).
    Audited with the names of the fields, never the values."""
    values = {"name": name.strip(), "language": language}
    if phone is not None:
        values["phone"] = phone.strip()
    changed = [field for field, value in values.items() if getattr(by, field) != value]
    if changed:
        for field in changed:
            setattr(by, field, values[field])
        by.save(update_fields=changed)
        record_event(
            by=by,
            action=AuditAction.USER_PROFILE_CHANGED,
            organisation_id=organisation_id,
            target=by,
            target_label=by.display_name,
            detail={"fields": changed},
        )
    return by


@transaction.atomic
def sign_out_everywhere(*, by: User, organisation_id: int | None) -> User:
    """End every session of this person on every device, this one included.

    Rotating the salt in the session hash invalidates sessions in any session store; the
    allauth session list is cleared too. Audited."""
    by.session_salt = new_session_salt()
    by.save(update_fields=["session_salt"])
    for session in UserSession.objects.filter(user=by):
        session.end()
    record_event(
        by=by,
        action=AuditAction.USER_SIGNED_OUT_EVERYWHERE,
        organisation_id=organisation_id,
        target=by,
        target_label=by.display_name,
    )
    return by
