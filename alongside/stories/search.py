"""Full-text search over published stories, in the database: SQLite's FTS5 (a table kept by
`index` and `remove`) or PostgreSQL's full-text search (an expression index, migration 0002).

Only published, scrubbed text is indexed. Queries are the reader's words, each quoted, so no
search syntax reaches the database from a person; results are story ids, best first, which the
caller still filters to what the reader may see.
"""

from __future__ import annotations

import re
from collections import Counter

from django.db import connection

from .models import Status, Story

FTS_TABLE = "stories_story_fts"
# The same expression as the PostgreSQL index (migration 0002), so the index is used.
PG_VECTOR = (
    "to_tsvector('english', coalesce(published_title, '') || ' ' || coalesce(published_body, ''))"
)
_WORD = re.compile(r"[^\W_]{2,}")
# Words too common in these stories to say what one is about.
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "all",
        "also",
        "and",
        "any",
        "are",
        "because",
        "been",
        "before",
        "being",
        "but",
        "came",
        "can",
        "could",
        "did",
        "didn",
        "does",
        "doing",
        "don",
        "down",
        "each",
        "even",
        "every",
        "felt",
        "from",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "him",
        "his",
        "how",
        "into",
        "its",
        "just",
        "know",
        "knew",
        "like",
        "made",
        "more",
        "most",
        "much",
        "never",
        "nothing",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "out",
        "over",
        "own",
        "said",
        "same",
        "she",
        "should",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "those",
        "though",
        "through",
        "time",
        "too",
        "under",
        "until",
        "very",
        "was",
        "way",
        "went",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "name",
        "date",
        "ward",
        "hospital",
        "number",
        "place",
        "phone",
        "link",
        "postcode",
        "address",
    ]
)


def index(story: Story) -> None:
    """Add (or refresh) a published story's words; PostgreSQL indexes the row itself."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [story.pk])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
            [story.pk, story.published_title, story.published_body],
        )


def remove(story: Story) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [story.pk])  # noqa: S608


def words_of(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def matching(words: list[str], *, any_word: bool = False, limit: int = 50) -> list[int]:
    """Ids of published stories with every word (or, with `any_word`, any of them), best first."""
    words = list(dict.fromkeys(words))[:12]
    if not words:
        return []
    if connection.vendor == "sqlite":
        joiner = " OR " if any_word else " "
        query = joiner.join('"' + w.replace('"', "") + '"*' for w in words)
        sql = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
            f"ORDER BY bm25({FTS_TABLE}, 2.0, 1.0) LIMIT %s"
        )
        params: list[str | int] = [query, limit]
    else:
        joiner = " or " if any_word else " "
        query = joiner.join('"' + w.replace('"', "") + '"' for w in words)
        sql = (
            f"SELECT id FROM stories_story WHERE status = %s AND {PG_VECTOR} @@ "  # noqa: S608
            "websearch_to_tsquery('english', %s) "
            f"ORDER BY ts_rank({PG_VECTOR}, websearch_to_tsquery('english', %s)) DESC LIMIT %s"
        )
        params = [Status.PUBLISHED, query, query, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def distinctive_words(story: Story, n: int = 8) -> list[str]:
    """The words a story uses most that are not everyday ones: what it is about."""
    counts = Counter(
        w
        for w in words_of(f"{story.published_title} {story.published_body}")
        if len(w) > 3 and w not in _COMMON
    )
    return [w for w, _count in counts.most_common(n)]
