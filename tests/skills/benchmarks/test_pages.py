"""The benchmark page, its choice, the home's line and the market map, through the client and the API."""

import re

import pytest
from django.urls import reverse

from api.services import create_token
from skills.benchmarks.services import build_snapshot, queue_snapshot_if_due
from skills.models import BenchmarkSnapshot, ChecklistItem, EngineerProfile
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)

BENCHMARKS = reverse("skills:benchmarks")
MARKET = reverse("recruiting:market")


def engineers(count: int, items, *, role=None, counts_in=True) -> list:
    users = []
    for index in range(count):
        user = UserFactory()
        EngineerProfileFactory(user=user, counts_in_benchmarks=counts_in, target_role=role, years_experience=6)
        for item in items:
            assess(user=user, item=item, level=index % 5)
        users.append(user)
    return users


@pytest.fixture
def items(db):
    first = ChecklistItemFactory(name="Window functions")
    return [first, ChecklistItemFactory(skill=first.skill, name="Query plans")]


def test_an_engineer_who_does_not_count_in_gets_the_choice_not_the_numbers(client, items):
    engineers(10, items)
    build_snapshot()
    outsider = engineers(1, items, counts_in=False)[0]
    client.force_login(outsider)
    page = client.get(BENCHMARKS).content.decode()
    assert "Count my levels in" in page and "among the top" not in page


def test_counting_in_then_a_snapshot_shows_the_bands(client, items):
    engineers(10, items)
    me = engineers(1, items)[0]
    assess(user=me, item=items[0], level=3)
    EngineerProfile.objects.filter(user=me).update(counts_in_benchmarks=False)
    client.force_login(me)
    response = client.post(reverse("skills:benchmark-choice"), {"counts_in": "on", "next": "https://evil.example/"})
    assert response["Location"] == BENCHMARKS  # only a page of this site
    build_snapshot()
    page = client.get(BENCHMARKS).content.decode()
    assert "among the top" in page and 'id="benchmark-date"' in page
    assert "home-benchmarks" in client.get(reverse("skills:home")).content.decode()


def test_a_cohort_under_k_says_too_few_to_show(client, items):
    users = engineers(9, items)  # k is 10
    build_snapshot()
    client.force_login(users[0])
    page = client.get(BENCHMARKS).content.decode()
    assert "too few to show" in page and "among the top" not in page


def test_turning_it_off_leaves_the_engineer_out_of_the_next_snapshot(client, items):
    users = engineers(12, items)
    client.force_login(users[0])
    client.post(reverse("skills:benchmark-choice"), {})
    snapshot = build_snapshot()
    assert snapshot.cells.filter(cohort="all").first().population == 11


def test_the_worker_queues_no_snapshot_while_nobody_counts_in(items):
    engineers(3, items, counts_in=False)
    assert queue_snapshot_if_due() == 0
    assert BenchmarkSnapshot.objects.latest_built() is None


def test_the_worker_queues_a_snapshot_when_none_is_there(items):
    engineers(1, items)
    assert queue_snapshot_if_due() == 1  # runs at once in tests
    assert BenchmarkSnapshot.objects.latest_built() is not None
    assert queue_snapshot_if_due() == 0  # fresh, and no changes since


@pytest.mark.parametrize("size", [10, 30])
def test_the_benchmark_page_takes_as_many_queries_however_many_engineers(
    client, items, django_assert_max_num_queries, size
):
    users = engineers(size, [*items, *(ChecklistItemFactory() for _ in range(size // 10))])
    build_snapshot()
    client.force_login(users[0])
    with django_assert_max_num_queries(14):
        assert client.get(BENCHMARKS).status_code == 200


@pytest.mark.parametrize("size", [10, 30])
def test_the_market_takes_as_many_queries_however_much_data(client, items, django_assert_max_num_queries, size):
    role = RoleFactory()
    RoleRequirementFactory(role=role, item=items[0], min_level=3, is_must_have=True)
    engineers(size, items, role=role)
    build_snapshot()
    client.force_login(RecruiterFactory())
    with django_assert_max_num_queries(14):
        assert client.get(MARKET).status_code == 200


def test_the_market_lists_the_scarcest_item_first_and_links_to_its_candidates(client, items):
    role = RoleFactory()
    RoleRequirementFactory(role=role, item=items[1], min_level=4, is_must_have=True)
    engineers(10, items, role=role)
    build_snapshot()
    client.force_login(RecruiterFactory())
    page = client.get(MARKET).content.decode()
    link = f"{reverse('recruiting:candidate-list')}?items={items[1].pk}&amp;item_level=4"
    assert link in page
    assert page.index("Query plans") < page.index("Window functions")


@pytest.mark.parametrize(
    ("language", "share"),
    [("en", "20 % have it"), ("nl", "20 % beheerst het")],
)
def test_a_market_tile_says_what_its_percentage_is(client, items, language, share):
    role = RoleFactory()
    RoleRequirementFactory(role=role, item=items[1], min_level=4, is_must_have=True)
    engineers(10, items, role=role)  # levels 0 to 4: two of ten at level 4
    build_snapshot()
    client.force_login(RecruiterFactory())
    page = client.get(MARKET, headers={"accept-language": language}).content.decode()
    tiles = re.search(r'<ol class="market-map[^>]*id="market-items-map">(.*?)</ol>', page, re.S).group(1)
    assert share in tiles


def test_an_editor_sees_the_market_without_links_to_people(client, items):
    engineers(10, items)
    build_snapshot()
    client.force_login(EditorFactory())
    page = client.get(MARKET).content.decode()
    assert "Window functions" in page and reverse("recruiting:candidate-list") not in page


def test_the_api_gives_the_same_numbers_to_who_may_read_them(client, items):
    users = engineers(10, items)
    build_snapshot()
    started = client.get("/api/me/benchmarks", headers=auth(users[1])).json()  # level 1: 8 of 10 at or above
    not_started = client.get("/api/me/benchmarks", headers=auth(users[0])).json()  # level 0
    assert started["min_cohort"] == 10 and started["skills"][0]["skill"]["standings"][0]["band"] == 80
    assert not_started["skills"][0]["skill"]["standings"][0]["band"] is None
    outsider = engineers(1, items, counts_in=False)[0]
    assert client.get("/api/me/benchmarks", headers=auth(outsider)).status_code == 403
    market = client.get("/api/market", headers=auth(RecruiterFactory(), staff_access=True)).json()
    assert {row["item_id"] for row in market["items"]} == set(ChecklistItem.objects.values_list("pk", flat=True))
    assert client.get("/api/market", headers=auth(users[0])).status_code == 403


def auth(user, *, staff_access: bool = False) -> dict:
    return {"Authorization": f"Bearer {create_token(user=user, name='t', staff_access=staff_access).plain}"}


def test_the_band_follows_a_level_changed_after_the_page_was_cached(client, items):
    users = engineers(10, items)
    me = users[0]  # level 0 on both items
    build_snapshot()
    client.force_login(me)
    page = client.get(BENCHMARKS).content.decode()
    assert "not started yet" in page and "among the top" not in page  # at level 0 everyone is "in the top 100 %"
    for item in items:
        assess(user=me, item=item, level=4)
    page = client.get(BENCHMARKS).content.decode()
    assert "among the top 20 %" in page and "your level: Can teach others" in page
    # Their level is the one outlined in each bar, and said so to a screen reader.
    assert set(re.findall(r'<rect class="benchmark-l(\d) benchmark-mine"', page)) == {"4"}
    assert re.search(r"Can teach others \d+ % \(your level\)", page)


def test_a_newcomer_who_rated_nothing_is_shown_where_to_start_until_they_rate_something(client, items):
    engineers(10, items)
    newcomer = UserFactory()
    EngineerProfileFactory(user=newcomer, counts_in_benchmarks=True, years_experience=0)
    build_snapshot()
    client.force_login(newcomer)
    start = "You have not rated yourself on any item yet"
    page = client.get(BENCHMARKS).content.decode()
    assert start in page and f'<a href="{reverse("skills:checklist")}">Rate yourself on the checklist</a>' in page
    assert '<th scope="col">Same seniority: Junior</th>' in page  # who they are compared with
    assert "no band until you rate it" in page and "not started yet" not in page
    assert "benchmark-mine" not in page  # no bar outlines a level they never gave
    assess(user=newcomer, item=items[1], level=2)
    assert start not in client.get(BENCHMARKS).content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "more than half stand at your level or higher"), ("nl", "meer dan de helft staat op jouw niveau of hoger")],
)
def test_a_band_most_engineers_reach_is_not_called_a_top(client, items, language, words):
    me = engineers(10, items)[1]  # level 1 on both items: 8 of the 10 stand at level 1 or higher
    build_snapshot()
    client.force_login(me)
    page = client.get(BENCHMARKS, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert words in page
    assert "among the top 80" not in page and "bij de beste 80" not in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "nearly everyone counted stands at your level or higher"),
        ("nl", "bijna iedereen die meetelt staat op jouw niveau of hoger"),
    ],
)
def test_where_everyone_counted_stands_at_least_as_high_the_page_says_so_instead_of_the_top_100(
    client, items, language, words
):
    users = engineers(10, items)
    for index, user in enumerate(users):  # levels 1 to 4: nobody counted stays at 0, and users[0] is at 1
        for item in items:
            assess(user=user, item=item, level=1 + index % 4)
    build_snapshot()
    client.force_login(users[0])
    page = client.get(BENCHMARKS, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert words in page and "100 %" not in page
    standing = client.get("/api/me/benchmarks", headers=auth(users[0])).json()["skills"][0]["items"][0]["standings"][0]
    assert (standing["band"], standing["with_most"]) == (None, True)


def test_one_engineer_leaving_or_changing_moves_no_number_until_k_have(client, items):
    """Two successive snapshots never differ by one engineer: not even by the one who just stopped counting in."""
    users = engineers(20, items)
    build_snapshot()
    headers = auth(users[0])
    shares = client.get("/api/me/benchmarks", headers=headers).json()["skills"]
    client.force_login(users[1])
    client.post(reverse("skills:benchmark-choice"), {})
    assess(user=users[2], item=items[0], level=4)
    build_snapshot()
    assert client.get("/api/me/benchmarks", headers=headers).json()["skills"] == shares
    for user in users[3:16]:  # with them, at least ten engineers have moved item 0: its numbers follow
        assess(user=user, item=items[0], level=4)
    build_snapshot()
    assert client.get("/api/me/benchmarks", headers=headers).json()["skills"] != shares


@pytest.mark.parametrize(
    ("language", "rated_zero", "unrated"),
    [
        ("en", "your level: No experience yet", "not yet rated"),
        ("nl", "jouw niveau: Nog geen ervaring", "nog niet beoordeeld"),
    ],
)
def test_an_item_never_rated_reads_apart_from_one_rated_0_on_the_page_and_in_the_api(
    client, items, language, rated_zero, unrated
):
    engineers(10, items)
    me = UserFactory()
    EngineerProfileFactory(user=me, counts_in_benchmarks=True, years_experience=6)
    assess(user=me, item=items[0], level=0)  # items[1] never rated
    build_snapshot()
    client.force_login(me)
    page = client.get(BENCHMARKS, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    first = page.split(">Window functions<")[1].split("</th>")[0]
    second = page.split(">Query plans<")[1].split("</th>")[0]
    assert rated_zero in first and unrated not in first
    assert unrated in second and rated_zero not in second
    skill = client.get("/api/me/benchmarks", headers=auth(me)).json()["skills"][0]
    assert [(item["name"], item["level"], item["rated"]) for item in skill["items"]] == [
        ("Window functions", 0, True),
        ("Query plans", 0, False),
    ]
    assert skill["skill"]["rated"] is True  # one of its items is rated


def test_waiting_for_the_first_snapshot_says_when_the_background_processing_is_not_running(client, items):
    """The worker builds the snapshot: without one, "come back in a little while" would wait forever."""
    import re
    from datetime import timedelta

    from django.utils import timezone

    from portal.jobs import workers
    from portal.models import WorkerHeartbeat

    client.force_login(engineers(1, items)[0])
    workers.beat(worker_id="alive")
    page = client.get(BENCHMARKS).content.decode()
    assert 'id="benchmark-waiting"' in page and "The background processing" not in page
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=3, seconds=5))
    text = re.sub(r"\s+", " ", client.get(BENCHMARKS).content.decode())
    assert "The background processing has not run for 3 minutes — this starts as soon as it is back." in text
