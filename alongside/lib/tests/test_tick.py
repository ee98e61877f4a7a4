from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import override_settings

PASSES: list[str] = []


def record_a_pass() -> int:
    PASSES.append("pass")
    return 0


@pytest.fixture
def signals_restored() -> Iterator[None]:
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@override_settings(TICK_JOBS=["alongside.lib.tests.test_tick.record_a_pass"])
def test_a_tick_told_to_stop_while_it_starts_exits_cleanly_without_a_pass(
    signals_restored: None,
) -> None:
    PASSES.clear()

    # The stop arrives during the system checks, the longest part of starting.
    def stop_now(**kwargs: object) -> list[checks.CheckMessage]:
        os.kill(os.getpid(), signal.SIGTERM)
        return []

    checks.register(stop_now)
    try:
        call_command("tick", "--loop", "--interval", "0.1", skip_checks=False)
    finally:
        checks.registry.registry.registered_checks.discard(stop_now)

    assert PASSES == []
