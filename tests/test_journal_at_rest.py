"""A journal entry is unreadable at rest: the SQLite file (and its write-ahead log) or a
PostgreSQL dump holds no word of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.db import connection

from alongside.journal import actions
from alongside.organisations.models import Membership

from .processes import pg_dump

PHRASE = "the little shoes by the bed in room nine stayed with me"


def test_the_database_file_and_a_dump_hold_no_word_of_an_entry(
    transactional_db: None, author: Membership, tmp_path: Path
) -> None:
    actions.save_entry(by=author, body=PHRASE, tags="little shoes")

    if connection.vendor == "sqlite":
        database = Path(connection.settings_dict["NAME"])
        files = [
            str(p) for p in (database, database.with_name(database.name + "-wal")) if p.exists()
        ]
        script = (
            "import sys; words = [w.encode() for w in sys.argv[1].split('|')]; "
            "print(sum(w in open(f, 'rb').read() for f in sys.argv[2:] for w in words))"
        )
        found = subprocess.run(
            [sys.executable, "-c", script, f"{PHRASE}|little shoes", *files],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert files and found == "0"
    else:
        dump = pg_dump()
        assert "journal_journalentry" in dump
        assert PHRASE not in dump and "little shoes" not in dump
