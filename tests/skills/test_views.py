"""The engineer's pages of skills/views.py (gaps, a role's gaps, progress, the public role pages), what no engineer
sees of another's, and their query counts."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from skills.models import AssessmentChange
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile
from tests.factories import (
    ChecklistItemFactory,
    ProfileViewFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)
from tests.markup import fact_rows
from tests.queries import page_queries
from tests.skills.worlds import grow_world, query_count

pytestmark = pytest.mark.django_db


def test_an_engineer_never_sees_another_engineers_data(client, engineer):
    other = UserFactory(email="other@example.com")
    requirement = RoleRequirementFactory(min_level=2)
    assess(user=other, item=requirement.item, level=4, evidence_url="https://example.com/secret", note="other note")
    other_profile = get_or_create_profile(user=other)
    other_profile.headline = "Other headline"
    other_profile.save()
    ProfileViewFactory(profile=other_profile, recruiter__email="spy@example.com")
    pages = [
        reverse("skills:checklist"),
        reverse("skills:gaps"),
        reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug}),
        reverse("skills:progress"),
        reverse("skills:profile"),
        reverse("skills:profile-export"),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in ("https://example.com/secret", "other note", "Other headline", "spy@example.com"):
            assert secret not in body, (url, secret)
    gaps = client.get(reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug})).content.decode()
    assert 'id="rate-first"' in gaps and 'id="gaps-score"' not in gaps  # the other's levels count for no one else


def test_gaps_page_lists_roles_with_score_and_missing_must_haves(client, engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    met = RoleRequirementFactory(role=role, item__name="Joins")
    RoleRequirementFactory(role=role, item__name="skew", is_must_have=True)
    RoleRequirementFactory(role=role, item__name="retries", is_must_have=True)
    assess(user=engineer, item=met.item, level=2)
    body = client.get(reverse("skills:gaps")).content.decode()
    assert "Senior Data Engineer — lakehouse" in body
    assert "Match: <strong>14</strong> out of 100" in body  # 1 earned of 1 + 3 + 3: must-haves count triple
    assert "You meet 1 of 3 requirements." in body
    assert "Must-haves not met yet:" in body
    assert '<ul class="name-list mb-0"><li>skew</li><li>retries</li></ul>' in body  # a list, not a comma run


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "The score counts every level, not only the requirements you meet"),
        ("nl", "De score telt elk niveau mee, niet alleen de eisen waaraan je voldoet"),
    ],
)
def test_gaps_page_says_why_score_and_requirements_met_differ_once_above_the_cards(client, engineer, language, why):
    for title in ("Lakehouse", "Platform", "Analytics", "Medior"):
        requirement = RoleRequirementFactory(role=RoleFactory(title=title))
        assess(user=engineer, item=requirement.item, level=1)
    body = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert body.count('class="h5 card-title" id="fit-') == 4
    assert body.count(why) == 1
    assert body.index(why) < body.index('class="h5 card-title" id="fit-')


def test_role_gaps_page_has_summary_learning_path_radar_and_tables(client, engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    skew = RoleRequirementFactory(role=role, item__name="skew", min_level=3, is_must_have=True)
    skew.item.skill.tools.add(ToolFactory(name="PySpark", slug="pyspark"))
    RoleRequirementFactory(role=role, item__name="retries", is_must_have=True)
    met = RoleRequirementFactory(role=role, item__name="Joins")
    assess(user=engineer, item=met.item, level=2)
    assess(user=engineer, item=skew.item, level=1)
    body = client.get(reverse("skills:role-gaps", kwargs={"slug": role.slug})).content.decode()
    assert "You meet 1 of 3 requirements for Senior Data Engineer — lakehouse. Must-haves not met yet:" in body
    unmet = body.split('id="gaps-unmet"')[1].split("</ul>")[0]
    assert "<strong>skew</strong></a> — below level (1 of 3)" in unmet  # rated, but below: not "missing"
    assert "<strong>retries</strong></a> — not yet rated" in unmet
    assert "Your level 1 · level 3 needed · 2 levels to go" in fact_rows(body)
    assert 'href="/catalog/pyspark/"' in body
    assert '<svg class="radar-chart"' in body
    assert 'role="img"' in body
    assert "<title id=" in body
    assert '<th scope="row">' in body
    assert "style=" not in body


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "— below level (0 of 2)",
                "— not yet rated",
                "Your level 0 · level 2 needed",
                "Not yet rated · level 2 needed",
            ],
        ),
        (
            "nl",
            [
                "— onder het niveau (0 van 2)",
                "— nog niet beoordeeld",
                "Jouw niveau 0 · niveau 2 nodig",
                "Nog niet beoordeeld · niveau 2 nodig",
            ],
        ),
    ],
)
def test_role_gaps_tell_an_item_never_rated_from_one_rated_0(client, engineer, language, expected):
    role, skill = RoleFactory(), SkillFactory()
    # One skill and item orders tell the two apart: the requirements are listed by stage, skill and order, and two
    # skills' sequence names ("Skill 9", "Skill 10") sort otherwise as the suite's earlier tests made more of them.
    zero = RoleRequirementFactory(
        role=role, item__skill=skill, item__name="skew", item__order=1, min_level=2, is_must_have=True
    )
    RoleRequirementFactory(
        role=role, item__skill=skill, item__name="retries", item__order=2, min_level=2, is_must_have=True
    )
    assess(user=engineer, item=zero.item, level=0)
    body = client.get(
        reverse("skills:role-gaps", kwargs={"slug": role.slug}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    unmet = body.split('id="gaps-unmet"')[1].split("</ul>")[0]
    below, unrated, path_zero, path_unrated = expected
    assert f"<strong>skew</strong></a> {below}" in unmet and f"<strong>retries</strong></a> {unrated}" in unmet
    path = body.split('class="learning-path"')[1].split("</ol>")[0]
    skew_levels, retries_levels = fact_rows(path)  # a .fact-list each, below its item's name
    assert path.index("skew") < path.index("retries")
    assert skew_levels.startswith(f"{path_zero} · ") and retries_levels == path_unrated


@pytest.mark.parametrize(
    ("language", "zero", "not_rated"), [("en", "0.0", "not yet rated"), ("nl", "0,0", "nog niet beoordeeld")]
)
def test_the_skill_table_says_a_skill_never_rated_is_not_yet_rated_and_not_0(
    client, engineer, language, zero, not_rated
):
    role = RoleFactory()
    chosen_zero = RoleRequirementFactory(role=role, item__skill=SkillFactory(name="Data quality"), min_level=2)
    RoleRequirementFactory(role=role, item__skill=SkillFactory(name="Cloud basics"), min_level=2)
    assess(user=engineer, item=chosen_zero.item, level=0)  # "none" is an answer; nothing of Cloud basics is
    body = client.get(
        reverse("skills:role-gaps", kwargs={"slug": role.slug}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    table = body[body.index('<svg class="radar-chart"') :].split("</table>")[0]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', table, re.S))
    assert rows["Data quality"] == zero
    assert re.sub(r"<[^>]+>", "", rows["Cloud basics"]) == not_rated


def test_radar_coordinates_are_not_localised(client, engineer):
    requirement = RoleRequirementFactory()
    ChecklistItemFactory(skill=SkillFactory())
    ChecklistItemFactory(skill=SkillFactory())
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    body = client.get(reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug})).content.decode()
    assert '<html lang="nl">' in body
    assert 'x1="180.0"' in body


def test_unpublished_role_is_404_on_gaps_and_public_pages(client, engineer):
    role = RoleFactory(published=False)
    assert client.get(reverse("skills:role-gaps", kwargs={"slug": role.slug})).status_code == 404
    assert client.get(reverse("skills:role-detail", kwargs={"slug": role.slug})).status_code == 404


def test_progress_page_charts_and_lists_every_change(client, engineer):
    item = ChecklistItemFactory(name="Window functions")
    assess(user=engineer, item=item, level=1)
    assess(user=engineer, item=item, level=3)
    body = client.get(reverse("skills:progress")).content.decode()
    assert '<svg class="line-chart"' in body
    assert body.count(">not yet rated → 1</td>") == 1  # its first rating
    assert body.count(">1 → 3</td>") == 1


@pytest.mark.parametrize(
    ("language", "summary", "later"),
    [
        (
            "en",
            "Since you signed up, you changed a level on 1 of 2 days.",
            "After your first week, a calendar of the days you worked on your skills shows here.",
        ),
        (
            "nl",
            "Sinds je registratie wijzigde je een niveau op 1 van 2 dagen.",
            "Na je eerste week staat hier een kalender van de dagen waarop je aan je vaardigheden werkte.",
        ),
    ],
)
def test_progress_in_an_accounts_first_week_says_its_days_instead_of_an_almost_empty_grid(
    client, engineer, language, summary, later
):
    engineer.date_joined = timezone.now() - timedelta(days=1)
    engineer.save()
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    said = re.search(r'<p id="activity-summary">\s*(.*?)\s*</p>', body, re.S).group(1)
    assert said == summary
    assert later in body
    assert 'class="activity-calendar' not in body and "activity-legend" not in body


def test_progress_shows_the_calendar_grid_from_an_accounts_first_full_week_with_the_same_queries(client, engineer):
    engineer.date_joined = timezone.now() - timedelta(days=1)
    engineer.save()
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    first_days = page_queries(client, reverse("skills:progress"))
    engineer.date_joined = timezone.now() - timedelta(days=6)
    engineer.save()
    body = client.get(reverse("skills:progress")).content.decode()
    assert len(re.findall(r'<li class="activity-day activity-\d"', body)) == 7
    assert 'id="activity-grid-later"' not in body
    assert len(page_queries(client, reverse("skills:progress"))) == len(first_days)


@pytest.mark.parametrize(("language", "not_rated"), [("en", "not yet rated"), ("nl", "nog niet beoordeeld")])
def test_progress_tells_a_first_rating_from_a_change_from_level_0(client, engineer, language, not_rated):
    never_rated, rated_zero = ChecklistItemFactory(name="Joins"), ChecklistItemFactory(name="Skew")
    assess(user=engineer, item=never_rated, level=2)
    assess(user=engineer, item=rated_zero, level=0)  # a first rating, to 0
    assess(user=engineer, item=rated_zero, level=2)
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    rows = re.findall(r'<th scope="row">(\w+) <span.*?</th>\s*<td data-label="[^"]+">(.*?)</td>', body, re.S)
    assert sorted(rows) == [("Joins", f"{not_rated} → 2"), ("Skew", "0 → 2"), ("Skew", f"{not_rated} → 0")]


def test_the_dutch_chart_axis_writes_its_months_the_dutch_way(client, engineer):
    item = ChecklistItemFactory()
    for day, level in ((datetime(2026, 3, 2, 12, tzinfo=UTC), 1), (datetime(2026, 5, 4, 12, tzinfo=UTC), 2)):
        assess(user=engineer, item=item, level=level)
        AssessmentChange.objects.filter(user=engineer, new_level=level).update(changed_at=day)
    ticks = {"en": ("2 Mar", "4 May"), "nl": ("2 mrt", "4 mei")}
    for language, (first, last) in ticks.items():
        body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert f'dy="1.2em" text-anchor="start">{first}</text>' in body, language
        assert f'dy="1.2em" text-anchor="end">{last}</text>' in body, language


def test_progress_page_paginates_and_ignores_a_bad_page_number(client, engineer):
    item = ChecklistItemFactory()
    for level in [1, 2, 3, 4] * 7:
        assess(user=engineer, item=item, level=level)
    assert "Page 1 of 2" in client.get(reverse("skills:progress")).content.decode()
    assert "Page 2 of 2" in client.get(reverse("skills:progress") + "?page=2").content.decode()
    assert client.get(reverse("skills:progress") + "?page=nonsense").status_code == 200
    assert "Page 2 of 2" in client.get(reverse("skills:progress") + "?page=99").content.decode()


def test_progress_without_changes_invites_to_start(client, engineer):
    assert "No changes yet" in client.get(reverse("skills:progress")).content.decode()


def test_role_pages_are_public(client):
    role = RoleFactory(title="Senior Analytics Engineer")
    RoleRequirementFactory(role=role, item__name="Window functions", is_must_have=True)
    assert "Senior Analytics Engineer" in client.get(reverse("skills:role-list")).content.decode()
    body = client.get(role.get_absolute_url()).content.decode()
    assert "Window functions" in body
    assert "must-have" in body
    assert reverse("account_signup") in body


def test_pages_take_as_many_queries_with_60_items_as_with_1(client, engineer, world, django_assert_max_num_queries):
    role, skills, recruiter = world
    grow_world(engineer, role, skills, 1, recruiter)
    urls = [
        reverse("skills:checklist"),
        reverse("skills:gaps"),
        reverse("skills:role-gaps", kwargs={"slug": role.slug}),
        reverse("skills:progress"),
        reverse("skills:profile"),
        reverse("skills:profile-export"),
        reverse("skills:role-list"),
        reverse("skills:role-detail", kwargs={"slug": role.slug}),
    ]
    with_one = {url: query_count(lambda url=url: client.get(url)) for url in urls}
    grow_world(engineer, role, skills, 59, recruiter)
    for url in urls:
        with django_assert_max_num_queries(with_one[url]):
            assert client.get(url).status_code == 200, url


def test_progress_takes_as_many_queries_with_changes_on_30_days_as_on_1(
    client, engineer, django_assert_max_num_queries
):
    item = ChecklistItemFactory()
    save_assessments(user=engineer, entries=[AssessmentInput(item=item, level=1)])
    on_one_day = query_count(lambda: client.get(reverse("skills:progress")))
    for day in range(1, 31):
        save_assessments(user=engineer, entries=[AssessmentInput(item=item, level=day % 2 + 1)])  # 2, 1, 2, …
        AssessmentChange.objects.filter(pk=AssessmentChange.objects.latest("id").pk).update(
            changed_at=timezone.now() - timedelta(days=day)
        )
    with django_assert_max_num_queries(on_one_day):
        body = client.get(reverse("skills:progress")).content.decode()
    assert body.count('class="chart-dot"') == 31  # one point per day (no target role: one chart)
