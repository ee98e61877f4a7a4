"""The only way a view loads a protected object of `notifications` (style 3.6)."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from .models import Channel, PushSubscription


def get_channel_for(user_id: int, code: UUID) -> Channel:
    """One of a person's own channels; 404 for anyone else's."""
    return get_object_or_404(Channel, code=code, user_id=user_id)


def get_device_for(user_id: int, code: UUID) -> PushSubscription:
    """One of a person's own devices; 404 for anyone else's."""
    return get_object_or_404(PushSubscription, code=code, user_id=user_id)
