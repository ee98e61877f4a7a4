#!/usr/bin/env python3
"""Self-checks at hospital scale: the programme report's counts, and a person's own pages.

Builds a fresh database with one organisation of `--people` members, each with `--results`
completed self-checks spread over a year across the nine instruments (answers and results
encrypted as in production), then times:

- `aggregate_scores(organisation)`, all time and the last 90 days, and for one unit: the only
  reader of everyone's results, which decrypts every row it counts;
- a person's history page data (`history_of`) and the result page's "previous" lookup.

    .venv/bin/python bench/selfcheck_bench.py                       # 2,000 people x 12 results
    .venv/bin/python bench/selfcheck_bench.py --people 5000 --results 24
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alongside_bench .venv/bin/python bench/...
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--results", type=int, default=12, help="completed self-checks each")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-selfcheck-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["ALONGSIDE_VAR_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "alongside.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from alongside.accounts.models import User
    from alongside.organisations.models import Membership, Organisation, Unit
    from alongside.selfchecks import queries
    from alongside.selfchecks.definitions import instruments
    from alongside.selfchecks.models import SelfCheck
    from alongside.selfchecks.scoring import score

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; {args.people} people x {args.results} results")

    started = time.perf_counter()
    organisation = Organisation.objects.create(name="Bench General")
    units = [Unit.objects.create(organisation=organisation, name=f"Unit {i}") for i in range(20)]
    users = User.objects.bulk_create(
        User(email=f"p{i}@bench.test", name=f"Person {i}") for i in range(args.people)
    )
    members = Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation) for user in users
    )
    through = Membership.units.through
    through.objects.bulk_create(
        through(membership_id=m.pk, unit_id=units[i % len(units)].pk) for i, m in enumerate(members)
    )
    rng = random.Random(7)
    defs = list(instruments().values())
    now = timezone.now()
    rows = []
    for member in members:
        for _ in range(args.results):
            definition = rng.choice(defs)
            answers = [rng.choice(definition.codes) for _ in range(definition.item_count)]
            at = now - timedelta(days=rng.uniform(0, 365))
            rows.append(
                SelfCheck(
                    organisation=organisation,
                    member=member,
                    instrument=definition.id,
                    answers_data=json.dumps(answers),
                    result_data=json.dumps(score(definition.id, answers)),
                    started_at=at,
                    updated_at=at,
                    completed_at=at,
                )
            )
    SelfCheck.objects.bulk_create(rows, batch_size=2000)
    print(f"built {len(rows)} results in {time.perf_counter() - started:.1f} s")

    def timed(label: str, call: object) -> None:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            call()  # type: ignore[operator]
            times.append((time.perf_counter() - t) * 1000)
        print(f"{label:<48} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")

    since = now - timedelta(days=90)
    timed(
        "aggregate_scores(organisation), all time", lambda: queries.aggregate_scores(organisation)
    )
    timed(
        "aggregate_scores(organisation, since=90 days)",
        lambda: queries.aggregate_scores(organisation, since=since),
    )
    timed(
        "aggregate_scores(organisation, unit=one of 20)",
        lambda: queries.aggregate_scores(organisation, unit=units[0]),
    )
    person = members[len(members) // 2]
    timed("history_of(person, 'phq9')", lambda: queries.history_of(person, "phq9"))
    latest = SelfCheck.objects.filter(member=person).order_by("-completed_at").first()
    if latest is None:
        raise SystemExit("the person has no results: nothing to time")
    timed("previous_result(latest)", lambda: queries.previous_result(latest))
    counts = queries.aggregate_scores(organisation)
    suppressed = sum(1 for cells in counts.values() for n in cells.values() if n is None)
    cells = sum(len(c) for c in counts.values())
    print(f"cells: {cells}, suppressed (under 5 people): {suppressed}")


if __name__ == "__main__":
    main()
