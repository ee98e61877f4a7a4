"""Writing audit events. Called by other apps' actions inside their own transaction."""

from __future__ import annotations

from typing import Any, Protocol

from django.db import models

from .models import AuditAction, AuditEvent

SYSTEM_LABEL = "Alongside (system)"
ANONYMOUS_LABEL = "A member who kept their name private"


class _Actor(Protocol):
    pk: Any

    @property
    def display_name(self) -> str: ...


class _Anonymous:
    """The actor of something a member did under a private name: no id, no name."""

    pk = None
    display_name = ANONYMOUS_LABEL


ANONYMOUS = _Anonymous()


def record_event(
    *,
    by: _Actor | None,
    action: AuditAction,
    organisation_id: int | None,
    target: models.Model | None = None,
    target_label: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. `by=None` is the system (the tick, a worker).

    The target is copied as type, public code (or id) and label, never as a foreign key.
    """
    target_type = target_id = ""
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(getattr(target, "code", None) or target.pk)
        target_label = target_label or str(target)
    return AuditEvent.objects.create(
        action=action,
        organisation_id=organisation_id,
        actor_id=by.pk if by is not None else None,
        actor_label=by.display_name if by is not None else SYSTEM_LABEL,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label[:200],
        detail=detail or {},
    )
