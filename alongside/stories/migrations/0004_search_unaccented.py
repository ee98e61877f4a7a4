"""PostgreSQL search as readers type on a phone, and fast enough to rank many matches.

- A word typed without its accents finds it ("murio" finds "murió"), as SQLite's FTS5 table
  already does (remove_diacritics 2): a text search configuration, `alongside_search`, that is
  English with `unaccent` before the stemmer.
- The words are kept, not recomputed for every match: a stored generated column,
  `search_vector` (the title weighted above the body, as SQLite's bm25 weights do), with the GIN
  index on it. Ranking thousands of matches ("stories like this one" asks for any of a story's
  words) read the text of each again before. The model does not declare the column: only
  PostgreSQL has it, and only stories.search reads it; the database fills it, and empties it
  when a withdrawn story's text is cleared.

`unaccent` ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and later), so the
database's owner can create it; where it is already there, it is used as it is."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

OLD_INDEX = (
    "CREATE INDEX story_search_idx ON stories_story USING GIN ("
    "to_tsvector('english', coalesce(published_title, '') || ' ' || "
    "coalesce(published_body, ''))) WHERE status = 'published'"
)


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION alongside_search (COPY = english)")
    schema_editor.execute(
        "ALTER TEXT SEARCH CONFIGURATION alongside_search "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
    )
    schema_editor.execute("DROP INDEX IF EXISTS story_search_idx")
    schema_editor.execute(
        "ALTER TABLE stories_story ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('alongside_search', coalesce(published_title, '')), 'A') || "
        "setweight(to_tsvector('alongside_search', coalesce(published_body, '')), 'B')"
        ") STORED"
    )
    schema_editor.execute(
        "CREATE INDEX story_search_idx ON stories_story USING GIN (search_vector) "
        "WHERE status = 'published'"
    )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS story_search_idx")
    schema_editor.execute("ALTER TABLE stories_story DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(OLD_INDEX)
    schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS alongside_search")


class Migration(migrations.Migration):
    dependencies = [("stories", "0003_replies")]

    operations = [UnaccentExtension(), migrations.RunPython(create, drop)]
