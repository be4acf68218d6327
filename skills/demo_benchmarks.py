"""Demo peers for the benchmarks: sixty private engineers who count in (never visible to recruiters, no password
that works), spread over the roles and seniorities, plus the demo engineer and candidates; then a snapshot, so
/skills/benchmarks/ and /recruiting/market/ show real numbers after ``make run``."""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from skills.benchmarks.services import build_snapshot
from skills.demo import DEMO_ENGINEER
from skills.models import Assessment, ChecklistItem, EngineerProfile, Role

PEERS = 60
PEER_EMAIL = "benchmark-peer{:02d}@example.com"


@transaction.atomic
def load_benchmark_demo() -> None:
    rng = random.Random(29)  # noqa: S311 -- demo levels, not secrets: the same peers on every load
    user_model = get_user_model()
    roles = list(Role.objects.published()) or [None]
    items = list(ChecklistItem.objects.published())
    new_users = []
    for number in range(PEERS):
        email = PEER_EMAIL.format(number)
        if not user_model.objects.filter(username=email).exists():
            user = user_model(username=email, email=email)
            user.set_unusable_password()
            new_users.append(user)
    created = user_model.objects.bulk_create(new_users)
    EngineerProfile.objects.bulk_create(
        EngineerProfile(
            user=user,
            years_experience=(number * 7) % 13,
            target_role=roles[number % len(roles)],
            counts_in_benchmarks=True,
        )
        for number, user in enumerate(created)
    )
    Assessment.objects.bulk_create(
        Assessment(user=user, item=item, level=min(4, max(0, round(rng.gauss(1.8 - item.is_senior, 1.2)))))
        for user in created
        for item in items
    )
    EngineerProfile.objects.exclude(visibility=EngineerProfile.Visibility.PRIVATE).update(counts_in_benchmarks=True)
    EngineerProfile.objects.filter(user__email=DEMO_ENGINEER).update(counts_in_benchmarks=True)
    build_snapshot()
