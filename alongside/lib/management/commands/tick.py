"""Run the jobs that happen at a time (settings.TICK_JOBS), once or in a loop (ADR 0001)."""

from __future__ import annotations

import logging
import signal
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger("alongside.tick")


class Command(BaseCommand):
    help = "Run due jobs (retries, escalations, follow-ups). --loop keeps running."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--loop", action="store_true", help="Run until stopped.")
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between passes (default: ALONGSIDE_TICK_INTERVAL).",
        )

    def execute(self, *args: Any, **options: Any) -> str | None:
        # Listen for the stop signal before the system checks, which take the longest part of
        # starting: a tick told to stop while it starts exits cleanly, without a pass.
        self._stopping = False
        if options.get("loop"):
            signal.signal(signal.SIGTERM, self._stop)
            signal.signal(signal.SIGINT, self._stop)
        return super().execute(*args, **options)

    def handle(self, *args: Any, loop: bool, interval: float | None, **options: Any) -> None:
        interval = interval if interval is not None else settings.TICK_INTERVAL_SECONDS
        if loop:
            if self._stopping:
                return
            logger.info("tick loop started: a pass every %s s", interval)
        while True:
            self.run_once()
            if not loop or self._stopping:
                return
            deadline = time.monotonic() + interval
            while not self._stopping and time.monotonic() < deadline:
                time.sleep(min(0.5, interval))
            if self._stopping:
                return

    def _stop(self, signum: int, frame: Any) -> None:
        self._stopping = True

    def run_once(self) -> None:
        close_old_connections()
        for path in settings.TICK_JOBS:
            try:
                done = import_string(path)()
            except Exception:
                # One failing job must not stop the others (a follow-up must not wait on email).
                logger.exception("tick job %s failed", path)
                continue
            if done:
                logger.info("tick job %s handled %s", path, done)
