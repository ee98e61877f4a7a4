"""Full-text search over published stories, in the database: SQLite's FTS5 (a table kept by
`index` and `remove`) or PostgreSQL's full-text search (a stored, indexed column of each
story's words, migration 0004). On both, a word is found by its start and without its
accents, as readers type on a phone: "reanim" and "reanimacion" find "reanimación".

Only published, scrubbed text is indexed. Queries are the reader's words, letters and digits
only, so no search syntax reaches the database from a person. Results are story ids, best
first, ranked among the stories the caller says the reader may read (`within`), so other
organisations' stories never take the places of theirs.
"""

from __future__ import annotations

import re
from collections import Counter

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from .models import Story

FTS_TABLE = "stories_story_fts"
# English, with accents taken off before the stemmer (migration 0004).
PG_CONFIG = "alongside_search"
# A published story's words, title weighted above body: a stored column on PostgreSQL only,
# with the GIN index on it (migration 0004).
PG_VECTOR = "search_vector"
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


def matching(
    words: list[str], *, within: QuerySet[Story], any_word: bool = False, limit: int = 50
) -> list[int]:
    """Ids of the published stories in `within` (what the reader may read) with every word (or,
    with `any_word`, any of them), best first."""
    words = [w for w in dict.fromkeys(words) if _WORD.fullmatch(w)][:12]  # letters, no syntax
    if not words:
        return []
    if connection.vendor == "sqlite":
        return _matching_in_sqlite(words, within, any_word=any_word, limit=limit)
    joiner = " | " if any_word else " & "
    query = joiner.join(w + ":*" for w in words)  # each word, or the start of one
    tsquery = f"to_tsquery('{PG_CONFIG}', %s)"
    # One pass over the table, with the reader's filter and the words together. The SQL is
    # this module's constants; the reader's words go in as a parameter.
    matches = RawSQL(f"{PG_VECTOR} @@ {tsquery}", [query], output_field=BooleanField())  # noqa: S611
    rank = RawSQL(f"ts_rank({PG_VECTOR}, {tsquery})", [query], output_field=FloatField())  # noqa: S611
    found = within.filter(matches).annotate(rank=rank)
    return list(found.order_by("-rank", "-pk").values_list("pk", flat=True)[:limit])


def _matching_in_sqlite(
    words: list[str], within: QuerySet[Story], *, any_word: bool, limit: int
) -> list[int]:
    among, among_params = within.order_by().values("pk").query.sql_with_params()
    joiner = " OR " if any_word else " "
    query = joiner.join(f'"{w}"*' for w in words)  # each word, or the start of one
    # The words first, then each match looked up among the readable (CROSS JOIN keeps that
    # order): the other way round runs the MATCH once for every story the reader may read.
    sql = (
        f"SELECT f.rowid FROM {FTS_TABLE} f CROSS JOIN ({among}) r "  # noqa: S608
        f"WHERE f.rowid = r.pk AND {FTS_TABLE} MATCH %s "
        f"ORDER BY bm25({FTS_TABLE}, 2.0, 1.0) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*among_params, query, limit])
        return [row[0] for row in cursor.fetchall()]


def distinctive_words(story: Story, n: int = 8) -> list[str]:
    """The words a story uses most that are not everyday ones: what it is about."""
    counts = Counter(
        w
        for w in words_of(f"{story.published_title} {story.published_body}")
        if len(w) > 3 and w not in _COMMON
    )
    return [w for w, _count in counts.most_common(n)]
