"""The MLLP listener over a real socket: framing, bad input, size, dropped connections,
repeats and many connections at once. Nothing a sender does stops it."""

from __future__ import annotations

import os
import random
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.utils import timezone

from alongside.losses import mllp
from alongside.losses.models import EhrFeed, LossEvent, Participant
from alongside.losses.tests.hl7_messages import (
    END_BLOCK,
    START_BLOCK,
    Adt,
    ack_code,
    patient,
    recv_ack,
    running,
)

pytestmark = pytest.mark.django_db(transaction=True)

LIMIT = 256 * 1024


@pytest.fixture
def address(feed: EhrFeed) -> Iterator[tuple[str, int]]:
    """A real listener on a free port, in a thread with its own event loop."""
    with running(mllp.Listener(max_bytes=LIMIT, idle_seconds=5, workers=2)) as address:
        yield address


def connect(address: tuple[str, int]) -> socket.socket:
    return socket.create_connection(address, timeout=10)


def death(number: int, **kwargs: object) -> Adt:
    now = timezone.now()
    return Adt(
        patient(random.Random(number), number, now=now),
        control_id=f"M{number}",
        staff=[("7", "1234", "SMITH")],
        died_at=(now - timedelta(hours=1))
        .astimezone(timezone.get_default_timezone())
        .replace(tzinfo=None),
        **kwargs,  # type: ignore[arg-type]
    )


def send(sock: socket.socket, data: bytes) -> str:
    sock.sendall(data)
    return recv_ack(sock)


def test_a_death_over_a_socket_is_stored_before_its_aa(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        ack = send(sock, death(1).framed())
        assert ack_code(ack) == "AA"
        # The AA came after the commit: the loss is there for everyone now.
        assert LossEvent.objects.count() == 1
        assert ack_code(send(sock, death(1).framed())) == "AA"  # the same death again
        assert ack_code(send(sock, death(2).framed())) == "AA"  # the next one
    assert LossEvent.objects.count() == 2


def test_bad_input_gets_an_answer_or_a_clean_close_and_the_listener_carries_on(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        # Bytes outside any frame are dropped; the frame after them is read.
        assert ack_code(send(sock, b"noise\r\n" + death(1).framed())) == "AA"
        # Random bytes inside a frame: AR.
        junk = bytes(random.Random(7).randrange(256) for _ in range(2000))
        junk = junk.replace(START_BLOCK, b"").replace(b"\x1c", b"")
        assert ack_code(send(sock, START_BLOCK + junk + END_BLOCK)) == "AR"
        # Not an ADT message, or an ADT message without its header fields: AR.
        assert (
            ack_code(
                send(sock, START_BLOCK + b"MSH|^~\\&|A|B|C|ALPHA|1||ORU^R01|X|P|2.5\r" + END_BLOCK)
            )
            == "AR"
        )
        # A frame whose end never came, cut short by the next start: the next one is read.
        assert ack_code(send(sock, START_BLOCK + b"MSH|^~\\&|half" + death(2).framed())) == "AA"
        # A death at a point of care nobody mapped: AE, and the connection stays usable.
        assert ack_code(send(sock, death(3, point_of_care="ROOF").framed())) == "AE"
        assert ack_code(send(sock, death(4).framed())) == "AA"
    assert LossEvent.objects.count() == 3


def test_a_ten_megabyte_message_is_refused_unread_and_the_next_is_taken(
    address: tuple[str, int],
) -> None:
    huge = death(1).er7().encode() + b"NTE|1||" + os.urandom(5 * 1024 * 1024).hex().encode()
    assert len(huge) > 10 * 1024 * 1024
    with connect(address) as sock:
        sock.sendall(START_BLOCK + huge + END_BLOCK)
        ack = recv_ack(sock)
        assert ack_code(ack) == "AR" and "MSA|AR|M1|" in ack and str(LIMIT) in ack
        assert ack_code(send(sock, death(2).framed())) == "AA"
    assert LossEvent.objects.count() == 1


def test_a_connection_dropped_mid_message_stores_nothing_and_others_carry_on(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        frame = death(1).framed()
        sock.sendall(frame[: len(frame) // 2])
    with connect(address) as sock:
        sock.sendall(b"\x0bMSH|")
        sock.shutdown(socket.SHUT_WR)  # end of input before the end block: closed, no answer
        assert sock.recv(100) == b""
    with connect(address) as sock:
        assert ack_code(send(sock, death(2).framed())) == "AA"
    assert LossEvent.objects.count() == 1


def test_ten_connections_at_once_sending_the_same_deaths_make_one_loss_each(
    address: tuple[str, int],
) -> None:
    messages = [death(n).framed() for n in range(1, 6)]

    def one_connection(_: int) -> list[str]:
        with connect(address) as sock:
            return [ack_code(send(sock, m)) for m in messages]

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(one_connection, range(10)))

    assert results == [["AA"] * 5] * 10
    assert LossEvent.objects.count() == 5
    assert Participant.objects.count() == 5  # one known person per death, offered once
