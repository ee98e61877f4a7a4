"""Sensitive text is encrypted at rest, can be rotated to a new key, and cannot be searched."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.db import connection, models
from django.test import override_settings
from django.test.utils import isolate_apps

from alongside.lib.encryption import (
    PREFIX,
    DecryptionError,
    EncryptedTextField,
    decrypt,
    encrypt,
    rotate_stored_values,
)

from .processes import manage, process_env

PHRASE = "I keep going over the moment the monitor went quiet"


class ScratchBase(models.Model):
    body = EncryptedTextField(null=True)
    objects = models.Manager()

    class Meta:
        abstract = True


@pytest.fixture
def scratch(transactional_db: None) -> Iterator[type[ScratchBase]]:
    """A table for these tests only, in an app registry of its own (so no other test's database
    flush looks for it), created and dropped around each test."""
    with isolate_apps("alongside.lib"):

        class Scratch(ScratchBase):
            class Meta:
                app_label = "lib"
                db_table = "lib_scratch"

            def __str__(self) -> str:
                return f"scratch {self.pk}"

        with connection.schema_editor() as editor:
            editor.create_model(Scratch)
        try:
            yield Scratch
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Scratch)


def raw_values() -> list[str]:
    table = connection.ops.quote_name("lib_scratch")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {table}")  # noqa: S608 - a quoted table name
        return [row[0] for row in cursor.fetchall()]


def test_text_round_trips_and_the_same_text_never_looks_the_same() -> None:
    first, second = encrypt(PHRASE), encrypt(PHRASE)
    assert first.startswith(PREFIX) and first != second
    assert decrypt(first) == decrypt(second) == PHRASE


def test_a_tampered_value_is_refused() -> None:
    token = encrypt(PHRASE)
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(DecryptionError):
        decrypt(tampered)
    with pytest.raises(DecryptionError):
        decrypt(PHRASE)


def test_the_database_holds_no_plaintext(scratch: type[ScratchBase]) -> None:
    scratch.objects.create(body=PHRASE)

    assert scratch.objects.get().body == PHRASE
    assert all(PHRASE not in value for value in raw_values())
    if connection.vendor == "sqlite":
        # The row is in the main file or still in the write-ahead log: read both as bytes, from
        # another process (closing a file this process has open would drop SQLite's locks).
        database = Path(connection.settings_dict["NAME"])
        files = [
            str(p) for p in (database, database.with_name(database.name + "-wal")) if p.exists()
        ]
        script = (
            "import sys; phrase = sys.argv[1].encode(); "
            "print(sum(phrase in open(f, 'rb').read() for f in sys.argv[2:]))"
        )
        found = subprocess.run(
            [sys.executable, "-c", script, PHRASE, *files],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert files and found == "0"


def test_encrypted_text_cannot_be_searched(scratch: type[ScratchBase]) -> None:
    with pytest.raises(FieldError, match="encrypted"):
        list(scratch.objects.filter(body__icontains="monitor"))
    assert scratch.objects.filter(body__isnull=True).count() == 0


def test_rotation_moves_every_value_to_the_new_key_and_old_keys_still_read(
    scratch: type[ScratchBase],
) -> None:
    from django.conf import settings as django_settings

    old_keys = list(django_settings.FIELD_ENCRYPTION_KEYS)
    rows = [scratch.objects.create(body=f"{PHRASE} {n}") for n in range(3)]
    scratch.objects.create(body=None)
    new_key = Fernet.generate_key().decode()

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *old_keys]):
        assert scratch.objects.get(pk=rows[0].pk).body == f"{PHRASE} 0"  # old key still reads
        counts = rotate_stored_values([(scratch, [scratch._meta.get_field("body")])])
        assert counts == {"lib.Scratch.body": 3}
        assert rotate_stored_values([(scratch, [scratch._meta.get_field("body")])]) == {
            "lib.Scratch.body": 0
        }
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):  # the old key retired
        assert [r.body for r in scratch.objects.exclude(body__isnull=True).order_by("pk")] == [
            f"{PHRASE} {n}" for n in range(3)
        ]


def test_the_rotation_and_key_commands_run(transactional_db: None, tmp_path: Path) -> None:
    def command(name: str) -> str:
        result = manage(name, env=process_env(tmp_path))
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert Fernet(command("generate_field_key").strip().encode())
    rotated = command("rotate_field_keys")
    assert "support_requests.SupportRequest.note: 0 re-encrypted" in rotated
    assert "support_requests.Encounter.note: 0 re-encrypted" in rotated


def test_a_malformed_key_says_how_to_make_one() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with (
        override_settings(FIELD_ENCRYPTION_KEYS=["not-a-fernet-key"]),
        pytest.raises(ImproperlyConfigured, match="generate_field_key"),
    ):
        encrypt(PHRASE)
