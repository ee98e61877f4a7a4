from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


@dataclass(frozen=True)
class EmailMessage:
    to: str
    subject: str
    body: str
    html: str


class EmailTransport:
    """Sends through Django's configured email backend."""

    def send(self, message: EmailMessage) -> str | None:
        """Return error text, or None when the server accepted the message."""
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
        )
        email.attach_alternative(message.html, "text/html")
        try:
            sent = email.send(fail_silently=False)
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"[:1000]
        return None if sent else "The mail server accepted no recipients."
