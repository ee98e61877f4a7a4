"""The Spanish catalogue is complete, and the compiled .mo matches the .po that is committed."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "alongside" / "locale" / "es" / "LC_MESSAGES"


def _entries() -> list[dict[str, object]]:
    """A small .po reader: enough for msgid, msgid_plural, msgstr[n] and flags."""
    entries: list[dict[str, object]] = []
    current: dict[str, object] = {}
    key = ""
    for raw in [*(LOCALE / "django.po").read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if current:
                entries.append(current)
            current, key = {}, ""
        elif line.startswith("#,"):
            current["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] = str(current[key]) + ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return [e for e in entries if e.get("msgid")]


def test_every_message_has_a_spanish_translation() -> None:
    missing = [
        e["msgid"]
        for e in _entries()
        if "fuzzy" in str(e.get("flags", "")) or not (e.get("msgstr") or e.get("msgstr[0]"))
    ]
    assert missing == []


def test_the_compiled_catalogue_matches_the_source() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in _entries():
        msgid = str(entry["msgid"])
        if "msgid_plural" in entry:
            got = compiled.ngettext(msgid, str(entry["msgid_plural"]), 1)
            want = entry["msgstr[0]"]
        else:
            got, want = compiled.gettext(msgid), entry["msgstr"]
        if got != want:
            stale.append(msgid)
    assert stale == [], "run compilemessages (see CONTRIBUTING.md)"
