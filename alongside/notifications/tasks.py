from __future__ import annotations

from django_tasks import task


@task()
def deliver(*, delivery_id: int) -> None:
    """Send one recorded message (email)."""
    from .actions import attempt_delivery

    attempt_delivery(delivery_id=delivery_id)
