from __future__ import annotations

from django.db.models import QuerySet

from .models import Channel, Notification, PushSubscription


def unread_count_for(user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, read_at__isnull=True).count()


def notifications_for(user_id: int) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=user_id)[:50]


def channels_of(user_id: int) -> QuerySet[Channel]:
    return Channel.objects.filter(user_id=user_id)


def devices_of(user_id: int) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user_id=user_id)


def has_channel(user_id: int) -> bool:
    """Whether a person can be reached beyond email and the web page: a device that takes
    Web Push, or a channel they added (the home page's notice)."""
    return (
        PushSubscription.objects.filter(user_id=user_id).exists()
        or Channel.objects.filter(user_id=user_id).exists()
    )
