from __future__ import annotations

from django.db.models import QuerySet

from .models import Notification


def unread_count_for(user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, read_at__isnull=True).count()


def notifications_for(user_id: int) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=user_id)[:50]
