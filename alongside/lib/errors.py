from __future__ import annotations

from django.utils.functional import Promise


class ActionError(Exception):
    """A rule every caller must obey was broken; the message is for the person (translated)."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message: str = str(message)
