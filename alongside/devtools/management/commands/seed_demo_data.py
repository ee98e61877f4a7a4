"""Create "Demo General Hospital" with units, people, crisis lines and a few self-check results.
Safe to run twice."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import User
from alongside.losses.models import EhrFeed, FeedUnitCode, StaffIdentifier
from alongside.organisations.actions import create_organisation
from alongside.organisations.models import CrisisResource, Membership, Organisation, Unit
from alongside.selfchecks.actions import complete_self_check
from alongside.selfchecks.models import SelfCheck
from alongside.support_requests.models import Shift, Tier

ORGANISATION = "Demo General Hospital"
PASSWORD = "demo-alongside-2026"  # noqa: S105 - the published demo password, dev only
UNITS = ["Emergency", "ICU", "Paediatrics", "Oncology"]
# (email, name, roles, units)
PEOPLE: list[tuple[str, str, set[str], list[str]]] = [
    ("admin@demo.alongside.test", "Alex Admin", {"org_admin", "clinician"}, []),
    ("coordinator@demo.alongside.test", "Cora Coordinator", {"coordinator", "clinician"}, []),
    ("maria@demo.alongside.test", "Maria Santos", {"peer_supporter", "clinician"}, ["ICU"]),
    ("james@demo.alongside.test", "James Okafor", {"peer_supporter", "clinician"}, ["Emergency"]),
    (
        "priya@demo.alongside.test",
        "Priya Shah",
        {"peer_supporter", "clinician", "moderator"},
        ["Paediatrics"],
    ),
    ("tom@demo.alongside.test", "Tom Becker", {"peer_supporter", "clinician"}, ["Oncology"]),
    ("nurse@demo.alongside.test", "Nia Reyes", {"clinician"}, ["ICU"]),
    ("doctor@demo.alongside.test", "Daniel Kim", {"clinician"}, ["Emergency"]),
    ("paramedic@demo.alongside.test", "Sam Walsh", {"clinician"}, ["Emergency"]),
    ("paeds@demo.alongside.test", "Lucía García", {"clinician"}, ["Paediatrics"]),
    ("oncology@demo.alongside.test", "Hannah Lee", {"clinician"}, ["Oncology"]),
    ("student@demo.alongside.test", "Omar Haddad", {"clinician"}, ["ICU"]),
]
# The rota: every hour covered, with backups (email, weekdays, starts, ends, tier).
ROTA = [
    ("maria@demo.alongside.test", range(7), time(7), time(19), Tier.PRIMARY),
    ("james@demo.alongside.test", range(7), time(19), time(7), Tier.PRIMARY),
    ("priya@demo.alongside.test", range(7), time(0), time(0), Tier.BACKUP),
    ("tom@demo.alongside.test", range(5), time(8), time(18), Tier.BACKUP),
]
# Services a peer supporter can refer someone to (name, kind, phone, hours).
REFERRALS = [
    ("Employee Assistance Program", "employee_assistance", "555 0142", "24/7"),
    ("Chaplaincy and spiritual care", "chaplaincy", "555 0177", "On call day and night"),
    ("Staff psychology service", "psychology", "555 0190", "Mon-Fri 8:00-18:00"),
]
ROLE_FIELDS = ["clinician", "peer_supporter", "moderator", "coordinator", "org_admin"]


class Command(BaseCommand):
    help = "Load the demo organisation (idempotent) and print its logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet", action="store_true")

    @transaction.atomic
    def handle(self, *args: Any, quiet: bool = False, **options: Any) -> None:
        organisation = Organisation.objects.filter(name=ORGANISATION).first()
        if organisation is None:
            organisation = create_organisation(
                by=None,
                name=ORGANISATION,
                country="US",
                time_zone="America/New_York",
                language="en",
            )
        units = {}
        for name in UNITS:
            units[name], _ = Unit.objects.get_or_create(organisation=organisation, name=name)
        for email, name, roles, unit_names in PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=PASSWORD, name=name)
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            membership, _ = Membership.objects.get_or_create(
                user=user,
                organisation=organisation,
                defaults={f"is_{role}": role in roles for role in ROLE_FIELDS},
            )
            membership.units.set([units[u] for u in unit_names])
        members = {m.user.email: m for m in organisation.memberships.select_related("user")}
        for email, days, starts, ends, tier in ROTA:
            for day in days:
                Shift.objects.get_or_create(
                    organisation=organisation,
                    supporter=members[email],
                    weekday=day,
                    starts=starts,
                    defaults={"ends": ends, "tier": tier},
                )
        for position, (name, kind, phone, hours) in enumerate(REFERRALS, start=50):
            CrisisResource.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={"kind": kind, "phone": phone, "hours": hours, "position": position},
            )
        self.seed_self_checks(members["nurse@demo.alongside.test"])
        self.seed_ehr_feed(organisation, units, members)
        if not quiet:
            self.stdout.write(self.login_table())

    @staticmethod
    def seed_self_checks(nurse: Membership) -> None:
        """Three WHO-5 results for Nia over the last month, so her trend chart has a line."""
        if SelfCheck.objects.filter(member=nurse).exists():
            return
        now = timezone.now()
        for days, answers in ((28, [2, 2, 1, 2, 2]), (14, [3, 2, 2, 3, 2]), (1, [3, 3, 3, 4, 3])):
            done = complete_self_check(by=nurse, instrument="who5", answers=answers)
            at = now - timedelta(days=days)
            SelfCheck.objects.filter(pk=done.pk).update(
                started_at=at, updated_at=at, completed_at=at
            )

    @staticmethod
    def seed_ehr_feed(
        organisation: Organisation, units: dict[str, Unit], members: dict[str, Membership]
    ) -> None:
        """The hospital's feed, on for facility DEMO: each unit's name (upper case) is its code,
        and each clinician's staff identifier is D plus their place in the list above."""
        EhrFeed.objects.get_or_create(
            organisation=organisation, defaults={"is_enabled": True, "facility": "DEMO"}
        )
        for name, unit in units.items():
            FeedUnitCode.objects.get_or_create(
                organisation=organisation, code=name.upper(), defaults={"unit": unit}
            )
        for number, (email, *_rest) in enumerate(PEOPLE, start=1):
            StaffIdentifier.objects.get_or_create(
                organisation=organisation,
                identifier=f"D{number:03d}",
                defaults={"member": members[email]},
            )

    @staticmethod
    def login_table() -> str:
        lines = [f"Demo logins for {ORGANISATION} (password for all: {PASSWORD})"]
        for email, name, roles, _units in PEOPLE:
            lines.append(f"  {email:<34} {name:<18} {', '.join(sorted(roles))}")
        lines.append(
            "  The org admin and the coordinator are asked to set up two-step sign-in "
            "(an authenticator app) on first sign-in: the organisation's policy."
        )
        lines.append(
            "  Hospital feed: HL7 v2 to facility DEMO (listening when ALONGSIDE_EHR_LISTEN is"
            " host:port); codes EMERGENCY, ICU, PAEDIATRICS, ONCOLOGY; staff IDs D001-D012 in"
            " this order."
        )
        return "\n".join(lines)
