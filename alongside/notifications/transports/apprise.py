from __future__ import annotations

import logging

import apprise


def is_valid_url(url: str) -> bool:
    """Whether Apprise can read this URL (a service it knows, with what that service needs)."""
    return apprise.Apprise().add(url)


def service_name(url: str) -> str:
    """The service's name for a URL ("Slack", "ntfy", "JSON"), to show instead of the URL."""
    plugin = apprise.Apprise.instantiate(url)
    return str(getattr(plugin, "service_name", "") or "") if plugin else ""


class AppriseTransport:
    """Sends one message to one Apprise URL (SMS gateways, Slack, Teams, ntfy, webhooks)."""

    def send(self, *, url: str, title: str, body: str) -> str | None:
        """Return error text (never the URL: it holds credentials), or None when sent."""
        notifier = apprise.Apprise()
        if not notifier.add(url):
            return "The channel's address could not be read."
        # Apprise reports why a send failed only through logging.
        with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
            sent = notifier.notify(title=title, body=body)
        if sent:
            return None
        detail = " ".join(captured.getvalue().split()).replace(url, "[channel]")
        return f"The service did not accept the message. {detail}"[:300]
