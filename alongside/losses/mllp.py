"""The HL7 v2 listener: ADT messages over MLLP from the hospital's interface engine.

`python manage.py ehr_listen --host 127.0.0.1 --port 2575` runs `serve()`. Each connection is
read frame by frame (<VT> message <FS><CR>); each message is stored before it is acknowledged,
so an AA means it is safe, and a crash before the AA means the sender sends it again (and the
same visit is still one loss). Bytes outside a frame are dropped; a frame over the size limit
is read to its end, dropped, and answered AR; a connection closed mid-message loses only that
unacknowledged message. Nothing a connection sends can stop the listener.

Logs name the message's type, control ID, facility and outcome, never a field of PID or PV1.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone

from . import actions, hl7, queries
from .feed import Rejected
from .models import Source

logger = logging.getLogger("alongside.losses.ehr")

START = b"\x0b"
END = b"\x1c\x0d"
READ_SIZE = 64 * 1024


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # every byte is a character: the header can still be read


def handle_message(raw: bytes, *, now: datetime | None = None) -> str:
    """One framed message in, its acknowledgement out. Never raises."""
    now = now or timezone.now()
    header = hl7.Header()
    try:
        text = _decode(raw)
        header = hl7.read_header(text)
        feed = queries.feed_for_facility(header.receiving_facility)
        if feed is None:
            raise Rejected(
                "AR",
                f"No organisation takes messages for facility {header.receiving_facility!r}.",
                "204",
            )
        actions.note_feed_message(feed=feed, now=now)
        message = hl7.parse(text, tz=ZoneInfo(feed.organisation.time_zone))
        if message.death is None:
            code, reason, error = "AA", "Not about a death: nothing to do.", ""
        else:
            outcome = actions.record_feed_loss(
                feed=feed, death=message.death, source=Source.HL7, now=now
            )
            code, reason, error = "AA", outcome.text, ""
    except Rejected as rejected:
        code, reason, error = rejected.code, rejected.reason, rejected.error
    except Exception as exc:
        # Only the type: an exception's text can carry a field's value.
        logger.error("HL7 message %r failed: %s", header.control_id, type(exc).__name__)
        code, reason, error = "AE", "Alongside could not store it just now. Send it again.", "207"
    logger.info(
        "HL7 %s %s^%s control=%r facility=%r: %s",
        code,
        header.message_type or "?",
        header.event or "?",
        header.control_id,
        header.receiving_facility,
        reason,
    )
    return hl7.acknowledgement(
        header, code, reason, control_id=f"ACK{now:%Y%m%d%H%M%S%f}", now=now, error=error
    )


def _handle_on_worker(raw: bytes) -> str:
    # A long-lived thread, like a web worker between requests: drop a connection that broke
    # or grew old before using it.
    close_old_connections()
    return handle_message(raw)


def too_large(first_bytes: bytes, limit: int) -> str:
    """The AR for a frame over the size limit, addressed from its header when it has one."""
    now = timezone.now()
    try:
        header = hl7.read_header(_decode(first_bytes).split("\r", 1)[0] + "\r")
    except Rejected:
        header = hl7.Header()
    reason = f"The message is over {limit} bytes, Alongside's limit."
    logger.info("HL7 AR control=%r: %s", header.control_id, reason)
    return hl7.acknowledgement(
        header, "AR", reason, control_id=f"ACK{now:%Y%m%d%H%M%S%f}", now=now, error="207"
    )


class Listener:
    """The asyncio MLLP server. Messages are handled on `workers` threads (each with its own
    database connection); a connection's messages are handled one after another, in order."""

    def __init__(
        self,
        *,
        max_bytes: int | None = None,
        idle_seconds: float | None = None,
        workers: int | None = None,
    ) -> None:
        self.max_bytes = max_bytes or settings.ALONGSIDE_EHR_MAX_MESSAGE_BYTES
        self.idle_seconds = idle_seconds or settings.ALONGSIDE_EHR_IDLE_SECONDS
        self.workers = workers or settings.ALONGSIDE_EHR_WORKERS
        self.executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ehr")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        loop = asyncio.get_running_loop()
        buffer = bytearray()
        discarding: bytes | None = None  # the first bytes of an oversized frame being skipped
        try:
            while True:
                chunk = await asyncio.wait_for(reader.read(READ_SIZE), self.idle_seconds)
                if not chunk:
                    return  # closed by the sender (a partial message is not acknowledged)
                buffer += chunk
                while True:
                    if discarding is not None:
                        end = buffer.find(END)
                        if end < 0:
                            del buffer[: max(0, len(buffer) - 1)]  # keep a split <FS>
                            break
                        del buffer[: end + len(END)]
                        writer.write(START + too_large(discarding, self.max_bytes).encode() + END)
                        await writer.drain()
                        discarding = None
                        continue
                    start = buffer.find(START)
                    if start < 0:
                        buffer.clear()  # bytes outside a frame
                        break
                    del buffer[:start]
                    end = buffer.find(END)
                    if end < 0:
                        if len(buffer) > self.max_bytes:
                            discarding = bytes(buffer[1:4097])
                            del buffer[:-1]
                            continue
                        break
                    frame = bytes(buffer[1:end])
                    del buffer[: end + len(END)]
                    # A start inside a frame means the one before it was cut short.
                    frame = frame[frame.rfind(START) + 1 :]
                    if len(frame) > self.max_bytes:
                        ack = too_large(frame[:4096], self.max_bytes)
                    else:
                        ack = await loop.run_in_executor(self.executor, _handle_on_worker, frame)
                    writer.write(START + ack.encode() + END)
                    await writer.drain()
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            return
        except Exception as exc:
            logger.error("HL7 connection failed: %s", type(exc).__name__)
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()

    async def serve(
        self, host: str, port: int, *, ready: Callable[[tuple[str, int]], None] | None = None
    ) -> None:
        """Listen until SIGTERM or SIGINT (or the task is cancelled)."""
        server = await asyncio.start_server(self.handle, host, port, limit=READ_SIZE)
        self._stop = stop = asyncio.Event()
        self._loop = loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(RuntimeError, ValueError):  # not the main thread (tests)
                loop.add_signal_handler(sig, stop.set)
        address = server.sockets[0].getsockname()[:2]
        if ready is not None:
            ready(address)
        async with server:
            await stop.wait()
        await loop.run_in_executor(None, self._close_worker_connections)
        self.executor.shutdown(wait=True)

    def stop(self) -> None:
        """Stop serving (from any thread)."""
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)

    def _close_worker_connections(self) -> None:
        # Each worker thread holds its own database connection: one closing task per thread
        # (the barrier keeps any thread from taking two), so none is left open at exit.
        barrier = threading.Barrier(self.workers)

        def close() -> None:
            connections.close_all()
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=10)

        for future in [self.executor.submit(close) for _ in range(self.workers)]:
            future.result()
