"""Full-text search of published stories: an FTS5 table on SQLite (kept by stories.search),
an expression GIN index on PostgreSQL (the same expression as search.PG_VECTOR)."""

from django.db import migrations


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE stories_story_fts USING fts5("
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX story_search_idx ON stories_story USING GIN ("
            "to_tsvector('english', coalesce(published_title, '') || ' ' || "
            "coalesce(published_body, ''))) WHERE status = 'published'"
        )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS stories_story_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS story_search_idx")


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_stories")]

    operations = [migrations.RunPython(create, drop)]
