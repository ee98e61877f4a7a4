"""Anonymous means anonymous to admins too, and to whoever holds the database: a story row
names no author, and nothing in the database joins a story to the person who wrote it."""

from __future__ import annotations

from django.db import connection

from alongside.audit.models import AuditEvent
from alongside.organisations.models import Membership
from alongside.organisations.tests.factories import MembershipFactory
from alongside.stories import actions
from alongside.stories.models import Story

from .processes import database_contents


def test_the_database_does_not_say_who_wrote_a_story(
    transactional_db: None, author: Membership
) -> None:
    moderator = MembershipFactory.create(organisation=author.organisation, is_moderator=True)
    story = actions.save_draft(by=author, title="Quiet night", body="I held his hand all night.")
    actions.submit_story(by=author, story=story)
    actions.approve_story(by=moderator, story=story)

    # No column of the story table points at a member or a user.
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, Story._meta.db_table)
        relations = connection.introspection.get_relations(cursor, Story._meta.db_table)
    names = {c.name for c in columns}
    assert "author_id" not in names and not any(
        target in {"organisations_membership", "accounts_user"}
        for _field, target in relations.values()
    )
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Story._meta.db_table)
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [story.pk])  # noqa: S608
        raw = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True))
    # The member's id is there only encrypted; their code, name and email nowhere in the row.
    assert raw["author_ref"] not in {author.pk, str(author.pk)} and len(raw["author_ref"]) > 40
    for value in (str(author.code), author.user.email, author.user.display_name):
        assert all(value not in str(field) for field in raw.values())
    # The audit log has the story's events, none by the author.
    assert not AuditEvent.objects.filter(actor_id=author.user_id).exists()
    assert AuditEvent.objects.filter(target_id=str(story.code)).count() == 2
    # And a dump holds the published text, never the draft's words in plain text elsewhere.
    contents = database_contents()
    assert "I held his hand all night." in contents  # published: peers read and search it
