"""Authenticated encryption of sensitive text at rest (journal entries, encounter notes, story
drafts), with key rotation.

Fernet (AES-128-CBC with an HMAC-SHA256 tag, from `cryptography`) under a MultiFernet: the first
key of settings.FIELD_ENCRYPTION_KEYS encrypts, every key decrypts, and `manage.py
rotate_field_keys` re-encrypts stored values under the first key so old keys can be retired.
A database dump or the SQLite file holds only tokens; nothing can be searched by its content.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import connections, models, transaction

PREFIX = "enc1:"
ROTATION_BATCH = 500


class DecryptionError(Exception):
    """A stored value is not a token any configured key can open (tampered, or a lost key)."""


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: see docs/configuration.md.")
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError:
        raise ImproperlyConfigured(
            "ALONGSIDE_FIELD_KEYS holds a key that is not a Fernet key; make one with "
            "`manage.py generate_field_key`."
        ) from None


def _keys() -> tuple[str, ...]:
    return tuple(settings.FIELD_ENCRYPTION_KEYS)


def encrypt(text: str) -> str:
    return PREFIX + _multi(_keys()).encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token.startswith(PREFIX):
        raise DecryptionError("not an encrypted value")
    try:
        return _multi(_keys()).decrypt(token[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise DecryptionError("no configured key opens this value") from None


def is_current(token: str) -> bool:
    """True when the first (current) key opens the token: nothing to rotate."""
    try:
        Fernet(_keys()[0]).decrypt(token[len(PREFIX) :].encode("ascii"))
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    return PREFIX + _multi(_keys()).rotate(token[len(PREFIX) :].encode("ascii")).decode("ascii")


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text stored encrypted. It cannot be filtered on (only `isnull`), ordered by, or indexed."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        return None if value is None else encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise FieldError(f"{self.name} is encrypted and cannot be searched ({lookup_name}).")
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[tuple[type[models.Model], list[EncryptedTextField]]]:
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            found.append((model, fields))
    return found


def rotate_stored_values(
    targets: Iterable[tuple[type[models.Model], list[EncryptedTextField]]] | None = None,
) -> dict[str, int]:
    """Re-encrypt every stored value not under the current key. Returns counts per field.

    Works on the raw column (the ORM would hand back plaintext), batch by batch in primary-key
    order, and each UPDATE only applies if the value is still the one read, so an edit made
    meanwhile is never overwritten. Safe to run again: current values are left alone."""
    counts: dict[str, int] = {}
    for model, fields in targets if targets is not None else encrypted_fields():
        connection = connections[model._base_manager.db]
        quote = connection.ops.quote_name
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        for field in fields:
            column = quote(field.column)
            label = f"{model._meta.label}.{field.name}"
            counts[label] = 0
            last: Any = None
            while True:
                with connection.cursor() as cursor:
                    where = f"WHERE {pk} > %s " if last is not None else ""
                    cursor.execute(
                        f"SELECT {pk}, {column} FROM {table} {where}"  # noqa: S608 - quoted names
                        f"ORDER BY {pk} LIMIT {ROTATION_BATCH}",
                        [last] if last is not None else [],
                    )
                    rows = cursor.fetchall()
                if not rows:
                    break
                with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                    for row_pk, token in rows:
                        if token is None or is_current(token):
                            continue
                        cursor.execute(
                            f"UPDATE {table} SET {column} = %s "  # noqa: S608 - quoted names
                            f"WHERE {pk} = %s AND {column} = %s",
                            [rotate(token), row_pk, token],
                        )
                        counts[label] += cursor.rowcount
                last = rows[-1][0]
    return counts
