from __future__ import annotations

import ipaddress
import logging
import socket

import apprise
from django.conf import settings


def is_valid_url(url: str) -> bool:
    """Whether Apprise can read this URL (a service it knows, with what that service needs)."""
    return apprise.Apprise().add(url)


def service_name(url: str) -> str:
    """The service's name for a URL ("Slack", "ntfy", "JSON"), to show instead of the URL."""
    plugin = apprise.Apprise.instantiate(url)
    return str(getattr(plugin, "service_name", "") or "") if plugin else ""


def private_host(url: str) -> str | None:
    """The host an Apprise URL would reach when it is this machine or a private or reserved
    network (a hospital's intranet, a cloud's metadata address), unless settings allow it;
    otherwise None. Any member can add a channel, so without this check a channel could make
    the server send requests inside the hospital's network.

    Services with a fixed address carry tokens where the host goes (`slack://T1…/…`); those do
    not resolve, or resolve to public addresses, and pass."""
    plugin = apprise.Apprise.instantiate(url)
    host = getattr(plugin, "host", None) if plugin else None
    if not isinstance(host, str) or not host:
        return None
    if host.lower() in settings.CHANNEL_PRIVATE_HOSTS:
        return None
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return None  # nothing to reach: the send fails, is retried and recorded
    for address in addresses:
        if not ipaddress.ip_address(str(address).split("%")[0]).is_global:
            return host
    return None


class AppriseTransport:
    """Sends one message to one Apprise URL (SMS gateways, Slack, Teams, ntfy, webhooks)."""

    def send(self, *, url: str, title: str, body: str) -> str | None:
        """Return error text (never the URL: it holds credentials), or None when sent."""
        notifier = apprise.Apprise()
        if not notifier.add(url):
            return "The channel's address could not be read."
        if private_host(url):  # checked again: a name can point elsewhere since it was saved
            return (
                "The channel's address is on a private network, which this server does not send to."
            )
        # Apprise reports why a send failed only through logging.
        with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
            sent = notifier.notify(title=title, body=body)
        if sent:
            return None
        detail = " ".join(captured.getvalue().split()).replace(url, "[channel]")
        return f"The service did not accept the message. {detail}"[:300]
