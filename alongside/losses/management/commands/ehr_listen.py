"""`python manage.py ehr_listen --host 127.0.0.1 --port 2575`: the hospital's HL7 v2 feed.

Listens for ADT messages over MLLP until SIGTERM or Ctrl-C (losses/mllp.py). Without --host
and --port it uses ALONGSIDE_EHR_LISTEN (host:port), which also makes `dev.py run` start it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.losses.mllp import Listener


def _address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError(f"ALONGSIDE_EHR_LISTEN should be host:port, not {value!r}.")
    return host, int(port)


class Command(BaseCommand):
    help = "Listen for the hospital's HL7 v2 ADT messages over MLLP."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", help="address to listen on (default from settings)")
        parser.add_argument("--port", type=int, help="port to listen on; 0 picks a free one")

    def handle(self, *args: Any, host: str | None, port: int | None, **options: Any) -> None:
        if host is None or port is None:
            if not settings.ALONGSIDE_EHR_LISTEN:
                raise CommandError("Give --host and --port, or set ALONGSIDE_EHR_LISTEN.")
            default_host, default_port = _address(settings.ALONGSIDE_EHR_LISTEN)
            host = host or default_host
            port = default_port if port is None else port

        def ready(address: tuple[str, int]) -> None:
            self.stdout.write(f"Listening for HL7 v2 over MLLP on {address[0]}:{address[1]}")
            self.stdout.flush()

        asyncio.run(Listener().serve(host, port, ready=ready))
        self.stdout.write("Stopped.")
