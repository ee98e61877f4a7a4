#!/usr/bin/env python3
"""Searching shared stories at the scale of a large network: the words a reader types, and
"stories like this one", on SQLite's FTS5 table or PostgreSQL's full-text index.

Builds a fresh database with `--stories` published stories across `--organisations`
organisations (a third shared with everyone), their text the annotated clinicians' stories in
tests/data/ (English and Spanish) with every identifier replaced by its placeholder, as a
moderator publishes them. Then times, for a member of one organisation, `queries.search_for`
over a set of searches a reader would type (whole words, the start of one, Spanish words
typed without accents) and `queries.like` for stories picked at random, and prints the p50,
p95 and the largest time of each, with how many stories each search found. On PostgreSQL it
also prints the plan of one search, to show the full-text index is used.

    .venv/bin/python bench/search_bench.py                      # 20,000 stories, SQLite
    .venv/bin/python bench/search_bench.py --stories 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alongside_bench .venv/bin/python bench/...

On PostgreSQL the database must exist and be empty.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCHES = (
    "compressions",
    "night shift",
    "his daughter",
    "resusc",  # the start of a word
    "murio",  # typed without the accent of "murió"
    "enfermera",
    "medico",  # "médico"
    "held hand",
    "sepsis",
    "paramedic",
    "the family came",  # everyday words with one that says something
    "parachute",  # in no story
)


def published_texts() -> list[str]:
    from tests.scrub_cases import SETS, load

    texts = []
    for name in SETS:
        for story in load(name):
            text = story.text
            for span in sorted(story.identifiers, key=lambda s: s.start, reverse=True):
                text = f"{text[: span.start]}[{span.type.lower()}]{text[span.end :]}"
            texts.append(text)
    return texts


def timed(call: object, repeat: int) -> tuple[list[float], int]:
    times, found = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(call())  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times, found


def figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return f"p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  max {times[-1]:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20000)
    parser.add_argument("--organisations", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=20, help="times each search is run")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-search-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["ALONGSIDE_VAR_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "alongside.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from alongside.accounts.models import User
    from alongside.organisations.models import Membership, Organisation
    from alongside.stories import queries, search
    from alongside.stories.models import Status, Story, Visibility

    call_command("migrate", verbosity=0)
    texts = published_texts()
    print(
        f"database: {connection.vendor}; {args.stories} published stories in "
        f"{args.organisations} organisations, from {len(texts)} written ones"
    )

    started = time.perf_counter()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Bench Hospital {i}") for i in range(args.organisations)
    )
    user = User.objects.create(email="reader@bench.test", name="Reader")
    reader = Membership.objects.create(user=user, organisation=organisations[0])
    rng = random.Random(7)
    now = timezone.now()
    batch: list[Story] = []
    for i in range(args.stories):
        body = texts[i % len(texts)]
        if i >= len(texts):  # the same stories again, not word for word
            sentences = body.split(". ")
            rng.shuffle(sentences)
            body = ". ".join(sentences)
        batch.append(
            Story(
                organisation=organisations[i % len(organisations)],
                author_key=f"{i:064x}",
                status=Status.PUBLISHED,
                visibility=Visibility.EVERYONE if i % 3 == 0 else Visibility.ORGANISATION,
                published_title="",
                published_body=body,
                published_at=now - timedelta(minutes=i),
            )
        )
        if len(batch) == 2000:
            for story in Story.objects.bulk_create(batch):
                search.index(story)
            batch = []
    for story in Story.objects.bulk_create(batch):
        search.index(story)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE stories_story")
    print(f"built in {time.perf_counter() - started:.0f} s\n")

    readable = queries.published_for(reader).count()
    print(f"the reader may read {readable} of them\n")
    print(f"{'search':<18} {'found':>6}   times over {args.repeat} runs")
    every: list[float] = []
    for text in SEARCHES:
        queries.search_for(reader, text)  # warm the caches once
        times, found = timed(lambda text=text: queries.search_for(reader, text), args.repeat)
        every += times
        print(f"{text!r:<18} {found:>6}   {figures(times)}")
    print(f"{'every search':<18} {'':>6}   {figures(every)}\n")

    ids = list(queries.published_for(reader).values_list("pk", flat=True))
    picked = Story.objects.filter(pk__in=rng.sample(ids, 30))
    like_times: list[float] = []
    for story in picked:
        times, _found = timed(lambda story=story: queries.like(story, reader), 3)
        like_times += times
    print(f"{'stories like this':<18} {'':>6}   {figures(like_times)} (30 stories x 3)")

    if connection.vendor == "postgresql":
        words = search.words_of("resusc")
        query = " & ".join(w + ":*" for w in words)
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN SELECT id FROM stories_story WHERE status = %s AND "  # noqa: S608
                f"{search.PG_VECTOR} @@ to_tsquery('{search.PG_CONFIG}', %s)",
                [Status.PUBLISHED, query],
            )
            print("\nplan of 'resusc' (a rare word: the index):")
            for (line,) in cursor.fetchall():
                print("  " + line)


if __name__ == "__main__":
    main()
