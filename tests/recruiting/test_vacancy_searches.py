"""A recruiter's vacancy searches: private to their owner, ranked through stored matches like a role, proposed to
the editors as a frozen copy and published by them, as reviewed, in one step."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from recruiting.models import SearchProposal, VacancySearch
from recruiting.services.publishing import publish_proposal
from recruiting.services.searches import Requirement, create_search, propose_search, rank_search
from skills.models import EngineerProfile, Role, RoleMatch, RoleRecompute
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import delete_account, update_profile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)
from tests.recruiting.test_views import SESSION_QUERIES, csv_rows, exported

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE


@pytest.fixture
def items():
    skill = SkillFactory(name="Orchestration")
    return [ChecklistItemFactory(skill=skill, name=name) for name in ("Retries", "Backfills", "Idempotency")]


@pytest.fixture
def role(items):
    """A published editors' role, so the candidate list has a default."""
    role = RoleFactory(title="Senior Data Engineer — platform", slug="platform", order=1)
    RoleRequirementFactory(role=role, item=items[0], min_level=2)
    return role


def engineer(levels: dict, *, visible: bool = True, name: str = "") -> EngineerProfile:
    """An engineer with these levels per item, visible to recruiters or not, shown by name."""
    user = UserFactory(password=None)
    save_assessments(user=user, entries=[AssessmentInput(item=item, level=level) for item, level in levels.items()])
    return update_profile(
        user=user,
        headline="",
        years_experience=3,
        location="Utrecht",
        target_role=None,
        open_to_work=False,
        visibility=VISIBLE if visible else PRIVATE,
        display_name=name,
        identity=EngineerProfile.Identity.NAME if name else EngineerProfile.Identity.PSEUDONYM,
    )


def make_search(owner, items, *, title="Airflow platform engineer", must=(True, True, False), level=3):
    requirements = [
        Requirement(item=item, min_level=level, is_must_have=is_must_have)
        for item, is_must_have in zip(items, must, strict=False)
    ]
    return create_search(owner=owner, title=title, text="We ask for retries and backfills.", requirements=requirements)


@pytest.fixture
def candidates(items, role):
    """Three visible engineers at falling fit with the search, and a strong one who stays private."""
    return {
        "strong": engineer({items[0]: 3, items[1]: 3, items[2]: 3}, name="Sam Strong"),
        "middle": engineer({items[0]: 3, items[1]: 1}, name="Mia Middle"),
        "weak": engineer({items[0]: 1}, name="Wim Weak"),
        "private": engineer({items[0]: 4, items[1]: 4, items[2]: 4}, visible=False, name="Pia Private"),
    }


def in_dutch(client, url) -> str:
    """A page in Dutch; the language its request activates does not stay on for the next test's factories."""
    with translation.override("en"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def ranked_names(response) -> list[str]:
    return [row.profile.shown_identity.name for row in response.context["candidates"].rows]


def ranked_list(client, search, **params):
    return client.get(reverse("recruiting:candidate-list"), {"role": search.role.slug, **params})


# The search and its private role ------------------------------------------------------------------------------


def test_a_search_is_a_private_role_that_the_database_never_lets_be_published(recruiter, items):
    search = make_search(recruiter, items)
    assert search.role.is_search and not search.role.published
    assert [(r.item, r.min_level, r.is_must_have, r.weight) for r in search.role.requirements.order_by("item_id")] == [
        (items[0], 3, True, 2),
        (items[1], 3, True, 2),
        (items[2], 3, False, 3),
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.filter(pk=search.role.pk).update(published=True)


def test_two_recruiters_may_name_searches_alike_but_editors_roles_stay_unique(recruiter, items, role):
    make_search(recruiter, items, title=role.title)
    make_search(RecruiterFactory(), items, title=role.title)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(title=role.title)


# Ranking through stored matches -------------------------------------------------------------------------------


def test_candidates_are_ranked_by_the_search_after_the_job_without_the_private_one(
    recruiter_client, recruiter, items, candidates
):
    search = make_search(recruiter, items)
    assert not RoleMatch.objects.filter(role=search.role).exists(), "nothing is ranked until the job runs"
    recompute = rank_search(owner=recruiter, search=search)  # the immediate backend runs it at once
    recompute.refresh_from_db()
    assert recompute.status == "done"
    response = ranked_list(recruiter_client, search)
    assert response.status_code == 200
    assert response.context["role"] == search.role
    assert ranked_names(response) == ["Sam Strong", "Mia Middle", "Wim Weak"]
    body = response.content.decode()
    assert "Ranked by your vacancy search “Airflow platform engineer”." in body
    assert "Ranking computed" in body
    assert "Pia Private" not in body


def test_an_engineers_tick_leaves_search_matches_alone_until_rank_again(recruiter, items, candidates, role):
    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    weak = candidates["weak"]
    before = RoleMatch.objects.get(profile=weak, role=search.role)
    editors_before = RoleMatch.objects.get(profile=weak, role=role)
    assess(user=weak.user, item=items[1], level=4)
    after = RoleMatch.objects.get(profile=weak, role=search.role)
    assert (after.score, after.updated_at) == (before.score, before.updated_at)
    assert RoleMatch.objects.get(profile=weak, role=role).updated_at > editors_before.updated_at
    rank_search(owner=recruiter, search=search)
    assert RoleMatch.objects.get(profile=weak, role=search.role).score > before.score


def test_a_tick_costs_as_many_queries_with_many_searches(recruiter, items, candidates, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = candidates["middle"].user
    with CaptureQueriesContext(connection) as without:
        assess(user=user, item=items[2], level=1)
    for number in range(5):
        rank_search(owner=recruiter, search=make_search(recruiter, items, title=f"Search {number}"))
    with django_assert_num_queries(len(without.captured_queries)):
        assess(user=user, item=items[2], level=2)
    assert RoleMatch.objects.filter(profile__user=user, role__kind="search").count() == 5


def test_the_tick_keeps_the_editors_drafts_current_but_not_searches(recruiter, items):
    draft = RoleFactory(published=False)
    search = make_search(recruiter, items)
    profile = engineer({items[0]: 2})
    assert set(Role.objects.editorial()) == {draft}
    assert RoleMatch.objects.filter(profile=profile, role=draft).exists()
    assert not RoleMatch.objects.filter(profile=profile, role=search.role).exists()


def test_a_candidate_who_goes_private_leaves_the_search_ranking_at_once(recruiter_client, recruiter, items, candidates):
    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    strong = candidates["strong"]
    update_profile(
        user=strong.user,
        headline="",
        years_experience=3,
        location="",
        target_role=None,
        open_to_work=False,
        visibility=PRIVATE,
    )
    assert not RoleMatch.objects.get(profile=strong, role=search.role).profile_visible
    assert "Sam Strong" not in ranked_names(ranked_list(recruiter_client, search))


def bulk_engineers(count: int, item) -> None:
    """``count`` visible engineers at levels 0 to 4 on one item, written in bulk (their matches by the job)."""
    from django.contrib.auth import get_user_model

    from skills.models import Assessment

    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bulk{n}@example.com", email=f"bulk{n}@example.com") for n in range(count)
    )
    EngineerProfile.objects.bulk_create(EngineerProfile(user=user, visibility=VISIBLE) for user in users)
    Assessment.objects.bulk_create(Assessment(user=user, item=item, level=n % 5) for n, user in enumerate(users))


def test_filters_pages_and_export_work_on_a_search(recruiter_client, recruiter, items, candidates):
    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    assert ranked_names(ranked_list(recruiter_client, search, must_haves_met="on")) == ["Sam Strong"]
    rows = csv_rows(exported(recruiter_client, {"role": search.role.slug}))
    assert [row[0] for row in rows[1:]] == ["Sam Strong", "Mia Middle", "Wim Weak"]
    assert {row[4] for row in rows[1:]} == {"Airflow platform engineer"}

    bulk_engineers(30, items[0])
    rank_search(owner=recruiter, search=search)
    first, second = ranked_list(recruiter_client, search), ranked_list(recruiter_client, search, page=2)
    assert first.context["candidates"].page.paginator.count == 33
    first_ids = [row.profile.pk for row in first.context["candidates"].rows]
    second_ids = [row.profile.pk for row in second.context["candidates"].rows]
    assert len(first_ids) == 25 and len(second_ids) == 8 and not set(first_ids) & set(second_ids)
    scores = [row.match.score for row in [*first.context["candidates"].rows, *second.context["candidates"].rows]]
    assert scores == sorted(scores, reverse=True)
    assert f"role={search.role.slug}" in second.content.decode(), "the page links keep the search"


def test_another_recruiters_search_can_neither_rank_nor_export_and_is_not_among_the_roles(
    client, recruiter, items, candidates, role
):
    from django.http import QueryDict

    from recruiting.filters import CandidateFilter, CandidateSpec
    from recruiting.services.exports import request_candidate_export

    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    other = RecruiterFactory()
    client.force_login(other)
    response = ranked_list(client, search)
    assert response.context["role"] == role, "an unknown role is left out and the default one used"
    assert "role" in response.context["form"].errors
    assert search.title not in response.content.decode()
    assert "The vacancy search in this link is not one of yours" in response.content.decode()
    spec = CandidateFilter(QueryDict(f"role={search.role.slug}"), recruiter=other).spec
    export = request_candidate_export(recruiter=other, spec=spec, profile_url_base="http://testserver/p/")
    assert export.role == role
    with pytest.raises(ValidationError):  # a spec naming someone else's search is refused, not guessed
        request_candidate_export(
            recruiter=other, spec=CandidateSpec(role=search.role.slug), profile_url_base="http://testserver/p/"
        )


def test_a_link_to_another_recruiters_search_says_so_on_the_old_and_new_candidate_list(
    client, recruiter, items, candidates, role
):
    search = make_search(recruiter, items)
    client.force_login(RecruiterFactory())
    for path in ("/skills/candidates/", reverse("recruiting:candidate-list")):
        response = client.get(path, {"role": search.role.slug}, follow=True)
        body = response.content.decode()
        assert response.context["role"] == role
        assert "The vacancy search in this link is not one of yours, so the default role is used." in body
        assert search.title not in body
    unknown = client.get(reverse("recruiting:candidate-list"), {"role": "no-such-role"}).content.decode()
    assert "not one of yours" not in unknown, "an unknown role is not called someone's search"
    api = client.get("/api/recruiter/candidates", {"role": search.role.slug})
    assert api.status_code == 422


def test_the_owner_may_compare_a_candidate_with_the_search_and_nobody_else_sees_it(
    client, recruiter, items, candidates, role
):
    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    profile = candidates["middle"]
    url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    client.force_login(recruiter)
    mine = client.get(url, {"role": search.role.slug})
    assert mine.context["role"] == search.role
    assert [match.role for match in mine.context["role_matches"]] == [role], "a search is no role of the candidate"
    client.force_login(RecruiterFactory())
    theirs = client.get(url, {"role": search.role.slug})
    assert theirs.context["role"] != search.role
    assert search.title not in theirs.content.decode()


def test_cached_pages_never_show_one_recruiters_searches_to_another(client, recruiter, items, candidates, role):
    make_search(recruiter, items, title="Confidential lakehouse lead")
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": candidates["middle"].pk})
    client.force_login(recruiter)
    assert ">Confidential lakehouse lead</option>" in client.get(reverse("recruiting:candidate-list")).content.decode()
    assert "Your search: Confidential lakehouse lead" in client.get(detail).content.decode()
    client.force_login(RecruiterFactory())
    assert "Confidential" not in client.get(reverse("recruiting:candidate-list")).content.decode()
    assert "Confidential" not in client.get(detail).content.decode()


# Pages ---------------------------------------------------------------------------------------------------------


def test_the_search_page_shows_requirements_progress_and_when_it_was_ranked(
    recruiter_client, recruiter, items, candidates, settings
):
    from tests.jobs import queue_in_database, work_off_queue

    queue_in_database(settings)
    search = make_search(recruiter, items)
    response = recruiter_client.post(reverse("recruiting:search-rank", kwargs={"pk": search.pk}))
    assert response.status_code == 303
    page = recruiter_client.get(search.get_absolute_url())
    body = page.content.decode()
    assert "Your search is queued: ranking the candidates starts in a moment…" in body
    assert 'hx-trigger="every 2s"' in body
    assert "Retries" in body and "nice-to-have" in body
    work_off_queue()
    part = recruiter_client.get(search.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert "Ranking computed" in part.content.decode()
    assert "every 2s" not in part.content.decode(), "polling stops when the job is done"
    assert f"?role={search.role.slug}" in part.content.decode()


def test_the_search_list_and_navigation_show_only_the_recruiters_own_searches(recruiter_client, recruiter, items):
    mine = make_search(recruiter, items, title="Mine")
    make_search(RecruiterFactory(), items, title="Someone else's")
    response = recruiter_client.get(reverse("recruiting:search-list"))
    assert list(response.context["searches"]) == [mine]
    assert "Someone else" not in response.content.decode()
    assert (
        reverse("recruiting:search-list") in recruiter_client.get(reverse("recruiting:candidate-list")).content.decode()
    )


@pytest.mark.parametrize("name", ["search-detail", "search-edit", "search-delete"])
def test_another_recruiter_gets_404_for_a_search(client, recruiter, items, name):
    search = make_search(recruiter, items)
    client.force_login(RecruiterFactory())
    assert client.get(reverse(f"recruiting:{name}", kwargs={"pk": search.pk})).status_code == 404


@pytest.mark.parametrize("name", ["search-rank", "search-propose", "search-delete", "search-edit"])
def test_another_recruiter_cannot_change_a_search(client, recruiter, items, name):
    search = make_search(recruiter, items)
    client.force_login(RecruiterFactory())
    assert client.post(reverse(f"recruiting:{name}", kwargs={"pk": search.pk}), {"note": "x"}).status_code == 404
    search.refresh_from_db()
    assert search.proposed_at is None
    assert VacancySearch.objects.filter(pk=search.pk).exists()
    assert not RoleRecompute.objects.filter(role=search.role).exists()


def test_engineers_anonymous_visitors_and_recruiters_without_second_factor_are_refused(client, recruiter, items):
    search = make_search(recruiter, items)
    url = search.get_absolute_url()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login_password_only(recruiter)
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("mfa-required"))


# Editing -------------------------------------------------------------------------------------------------------


def edit_data(search, rows, *, title=None, initial=None):
    data = {
        "search-title": title if title is not None else search.title,
        "req-TOTAL_FORMS": str(len(rows)),
        "req-INITIAL_FORMS": str(initial if initial is not None else search.role.requirements.count()),
        "req-MIN_NUM_FORMS": "0",
        "req-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"req-{index}-{name}"] = value
    return data


def row(item, level, must=False, delete=False):
    data = {"item": str(item.pk), "min_level": str(level)}
    if must:
        data["is_must_have"] = "on"
    if delete:
        data["DELETE"] = "on"
    return data


def test_editing_changes_levels_and_must_haves_adds_and_removes_items_and_ranks_again(
    recruiter_client, recruiter, items, candidates
):
    search = make_search(recruiter, items[:2])
    extra = ChecklistItemFactory(name="Data contracts")
    rows = [row(items[0], 2, must=True), row(items[1], 3, delete=True), row(extra, 4), {"item": "", "min_level": "2"}]
    response = recruiter_client.post(
        reverse("recruiting:search-edit", kwargs={"pk": search.pk}), edit_data(search, rows, title="Renamed", initial=2)
    )
    assert response.status_code == 303, response.context and response.context["formset"].errors
    search.refresh_from_db()
    assert search.title == search.role.title == "Renamed"
    assert sorted((r.item.name, r.min_level, r.is_must_have, r.weight) for r in search.role.requirements.all()) == [
        ("Data contracts", 4, False, 3),
        ("Retries", 2, True, 2),
    ]
    assert RoleRecompute.objects.filter(role=search.role, status="done").exists()
    assert RoleMatch.objects.filter(role=search.role).count() == EngineerProfile.objects.count()


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(lambda items: [row(items[0], 9)], id="level out of range"),
        pytest.param(lambda items: [row(items[0], 0)], id="level 0"),
        pytest.param(lambda items: [{"item": "not-a-number", "min_level": "2"}], id="item not a number"),
        pytest.param(lambda items: [{"item": "999999", "min_level": "2"}], id="unknown item"),
        pytest.param(lambda items: [row(items[0], 2), row(items[0], 3)], id="the same item twice"),
    ],
)
def test_bad_requirements_rerender_with_errors_and_change_nothing(recruiter_client, recruiter, items, rows):
    search = make_search(recruiter, items[:1])
    response = recruiter_client.post(
        reverse("recruiting:search-edit", kwargs={"pk": search.pk}), edit_data(search, rows(items), initial=0)
    )
    assert response.status_code == 400
    formset = response.context["formset"]
    assert any(formset.errors) or formset.non_form_errors()
    assert [r.min_level for r in search.role.requirements.all()] == [3]


@pytest.mark.parametrize("initial", [0, 1], ids=["rows posted as new", "rows posted as the search's own"])
def test_an_item_listed_twice_is_refused_whatever_the_post_says_of_its_rows(
    recruiter_client, recruiter, items, initial
):
    """The page counts the search's own rows as its first ones; a post that calls them new (req-INITIAL_FORMS 0)
    has a row just as the search holds it skipped as an empty new one, and so its item, listed again below, was
    listed twice unseen (and the row dropped)."""
    search = make_search(recruiter, items[:1])
    as_it_is = row(items[0], 3, must=True)
    response = recruiter_client.post(
        reverse("recruiting:search-edit", kwargs={"pk": search.pk}),
        edit_data(search, [as_it_is, row(items[0], 2)], initial=initial),
    )
    assert response.status_code == 400
    assert response.context["formset"].non_form_errors() == [f"“{items[0].name}” is in the list twice."]
    assert [(r.min_level, r.is_must_have) for r in search.role.requirements.all()] == [(3, True)]


def test_an_empty_title_or_a_tampered_formset_is_an_error_not_a_500(recruiter_client, recruiter, items):
    search = make_search(recruiter, items[:1])
    url = reverse("recruiting:search-edit", kwargs={"pk": search.pk})
    empty_title = recruiter_client.post(url, edit_data(search, [row(items[0], 2)], title="  ", initial=1))
    assert empty_title.status_code == 400
    assert empty_title.context["title_form"].errors
    tampered = recruiter_client.post(url, {"search-title": "x", "req-TOTAL_FORMS": "100000000"})
    assert tampered.status_code == 400
    too_long = recruiter_client.post(url, edit_data(search, [row(items[0], 2)], title="x" * 500, initial=1))
    assert too_long.status_code == 400
    search.refresh_from_db()
    assert search.title == "Airflow platform engineer"


def test_a_nul_character_is_refused_before_any_view(recruiter_client, recruiter, items):
    search = make_search(recruiter, items[:1])
    url = reverse("recruiting:search-edit", kwargs={"pk": search.pk})
    assert (
        recruiter_client.post(url, edit_data(search, [row(items[0], 2)], title="a\x00b", initial=1)).status_code == 400
    )


def test_the_edit_page_shows_the_rows_for_each_requirement_and_two_to_add(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    response = recruiter_client.get(reverse("recruiting:search-edit", kwargs={"pk": search.pk}))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 5
    assert response.content.decode().count('name="req-0-item"') == 1


def test_each_control_of_the_edit_page_is_named_after_its_row_in_english_and_dutch(recruiter_client, recruiter, items):
    search = make_search(recruiter, items[:2])
    url = reverse("recruiting:search-edit", kwargs={"pk": search.pk})
    body = recruiter_client.get(url).content.decode()
    names = re.findall(r'aria-label="([^"]+)"[^>]*name="req-\d+-', body) + re.findall(
        r'name="req-\d+-[^"]+"[^>]*aria-label="([^"]+)"', body
    )
    for name in (
        "Checklist item, row 1", "Needed level for Retries", "Must-have: Retries", "Remove Retries",
        "Checklist item, row 2", "Needed level for Backfills", "Must-have: Backfills", "Remove Backfills",
        "Checklist item, row 3", "Needed level for row 3", "Must-have: row 3", "Checklist item, row 4",
    ):  # fmt: skip
        assert names.count(name) == 1, name
    assert len(names) == len(set(names)), "no two controls share a name"
    dutch = in_dutch(recruiter_client, url)
    assert 'aria-label="Nodig niveau voor Retries"' in dutch
    assert 'aria-label="Retries verwijderen"' in dutch


# Proposing and publishing --------------------------------------------------------------------------------------


def publish(search):
    """An editor publishes the search's current proposal."""
    return publish_proposal(proposal=search.proposals.current().get(), editor=EditorFactory())


PROPOSALS = "admin:recruiting_searchproposal_changelist"


def test_editors_see_only_proposed_searches_and_publish_one_in_one_step(client, recruiter, items, candidates, role):
    proposed = make_search(recruiter, items, title="Lakehouse platform engineer")
    make_search(recruiter, items, title="Secret private search")
    client.force_login(recruiter)
    response = client.post(
        reverse("recruiting:search-propose", kwargs={"pk": proposed.pk}), {"note": "Many vacancies ask this."}
    )
    assert response.status_code == 303
    proposed.refresh_from_db()
    assert proposed.is_proposed and proposed.proposal_note == "Many vacancies ask this."
    proposal = SearchProposal.objects.get()

    client.force_login(EditorFactory())
    changelist = client.get(reverse(PROPOSALS))
    assert changelist.status_code == 200
    assert "Lakehouse platform engineer" in changelist.content.decode()
    assert "Secret private search" not in changelist.content.decode()
    shown = client.get(reverse("admin:recruiting_searchproposal_change", args=[proposal.pk]))
    assert "Many vacancies ask this." in shown.content.decode() and "Retries" in shown.content.decode()
    roles = client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert "Secret private search" not in roles and "Lakehouse platform engineer" not in roles

    asked = client.post(reverse(PROPOSALS), {"action": "publish_as_role", "_selected_action": [proposal.pk]})
    assert asked.status_code == 302 and asked["Location"] == publish_page(proposal), "the action leads there"
    published = client.post(publish_page(proposal), ROLE_TEXTS, follow=True)
    assert "Published as the role “Lakehouse platform engineer”" in published.content.decode()
    role_now = Role.objects.get(pk=proposed.role.pk)
    assert (role_now.kind, role_now.published, role_now.slug) == ("role", True, "lakehouse-platform-engineer")
    assert RoleRecompute.objects.filter(role=role_now).exists(), "a recompute is queued (and ran at once here)"
    assert RoleMatch.objects.filter(role=role_now).count() == EngineerProfile.objects.count()
    assert role_now in Role.objects.published()
    assert client.get(reverse("skills:role-detail", kwargs={"slug": role_now.slug})).status_code == 200


def test_editors_read_a_proposal_without_the_person_who_proposed_it(client, items):
    recruiter = RecruiterFactory(
        email="rita.private@datawerk.example",
        recruiter_profile__name="Rita Recruiter",
        recruiter_profile__company="DataWerk BV",
    )
    search = make_search(recruiter, items, title="Lakehouse platform engineer")
    propose_search(owner=recruiter, search=search, note="Many vacancies ask this.")
    proposal = SearchProposal.objects.get()

    client.force_login(EditorFactory())
    for url in (reverse(PROPOSALS), reverse("admin:recruiting_searchproposal_change", args=[proposal.pk])):
        page = client.get(url).content.decode()
        assert "Lakehouse platform engineer" in page
        assert "rita.private" not in page and "Rita Recruiter" not in page, url


ROLE_TEXTS = {
    "title_en": "Lakehouse platform engineer",
    "title_nl": "Lakehouse-platformengineer",
    "summary_en": "Builds and runs the lakehouse platform.",
    "summary_nl": "Bouwt en beheert het lakehouse-platform.",
}


def publish_page(proposal) -> str:
    return reverse("admin:recruiting_searchproposal_publish", args=[proposal.pk])


def publish_in_admin(client, search, **fields):
    """The publish page of the search's current proposal: asked with no fields, sent with them."""
    page = publish_page(search.proposals.current().get())
    return client.post(page, fields, follow=True) if fields else client.get(page)


def test_publishing_asks_the_editor_for_both_languages_titles_and_descriptions_first(client, recruiter, items):
    search = make_search(recruiter, items, title="Lakehouse platform engineer")
    propose_search(owner=recruiter, search=search)
    client.force_login(EditorFactory())
    asked = publish_in_admin(client, search)
    assert asked.status_code == 200
    assert not Role.objects.get(pk=search.role.pk).published, "nothing is published before the texts are given"
    form = asked.content.decode()
    for label in ("Title (English)", "Title (Dutch)", "Description (English)", "Description (Dutch)"):
        assert label in form
    assert 'value="Lakehouse platform engineer"' in form, "the English title starts as the search's"

    incomplete = publish_in_admin(client, search, **{**ROLE_TEXTS, "summary_nl": " "})
    assert "This field is required." in incomplete.content.decode()
    assert not Role.objects.get(pk=search.role.pk).published

    publish_in_admin(client, search, **ROLE_TEXTS)
    role = Role.objects.get(pk=search.role.pk)
    assert role.published
    assert {name: getattr(role, name) for name in ROLE_TEXTS} == ROLE_TEXTS
    dutch = in_dutch(client, reverse("skills:role-detail", kwargs={"slug": role.slug}))
    assert ROLE_TEXTS["title_nl"] in dutch and ROLE_TEXTS["summary_nl"] in dutch


def test_publishing_under_another_roles_title_is_a_form_error_and_publishes_nothing(client, recruiter, items, role):
    search = make_search(recruiter, items)
    propose_search(owner=recruiter, search=search)
    client.force_login(EditorFactory())
    answer = publish_in_admin(client, search, **{**ROLE_TEXTS, "title_en": role.title})
    assert "A role with this title already exists." in answer.content.decode()
    assert Role.objects.get(pk=search.role.pk).is_search


def test_a_published_search_page_says_one_thing_and_links_the_ranking_once(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    assert "Only you see this search." in recruiter_client.get(search.get_absolute_url()).content.decode()
    propose_search(owner=recruiter, search=search)
    publish_proposal(proposal=search.proposals.current().get(), editor=EditorFactory(), **ROLE_TEXTS)
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "Engineers now see it" in page
    assert "Only you" not in page
    assert page.count("See the ranked candidates") == 1
    assert "once you rank again" not in page, "a published role is not ranked again by its recruiter"


def test_a_proposal_is_published_as_reviewed_and_a_later_edit_is_a_new_proposal_the_editor_sees(
    client, recruiter, items, candidates
):
    search = make_search(recruiter, items[:1], title="Reviewed title", must=(True,), level=2)
    client.force_login(recruiter)
    client.post(reverse("recruiting:search-propose", kwargs={"pk": search.pk}), {"note": "Please add."})
    reviewed = SearchProposal.objects.get()
    editor = EditorFactory()
    client.force_login(editor)
    assert (
        "Retries" in client.get(reverse("admin:recruiting_searchproposal_change", args=[reviewed.pk])).content.decode()
    )

    client.force_login(recruiter)  # the bait and switch: another title, other items, higher levels
    rows = [row(items[0], 2, must=True, delete=True), row(items[1], 4, must=True)]
    edited = client.post(
        reverse("recruiting:search-edit", kwargs={"pk": search.pk}), edit_data(search, rows, title="Switched title")
    )
    assert edited.status_code == 303

    client.force_login(editor)
    refused = client.get(publish_page(reviewed), follow=True).content.decode()
    assert "Title (Dutch)" not in refused, "a replaced proposal is refused before the editor writes its texts"
    assert "The recruiter changed “Reviewed title” after this proposal" in refused
    assert Role.objects.get(pk=search.role_id).is_search, "nothing was published"
    changelist = client.get(reverse(PROPOSALS), {"state": "all"}).content.decode()
    assert "Changed by the recruiter on" in changelist and "changed since the proposal of" in changelist
    newer = SearchProposal.objects.current().get()
    assert (newer.replaces, newer.title, newer.note) == (reviewed, "Switched title", "Please add.")
    reviewed.refresh_from_db()
    assert reviewed.title == "Reviewed title" and [r["item"] for r in reviewed.requirements] == [items[0].pk]

    client.post(publish_page(newer), {**ROLE_TEXTS, "title_en": "Switched title"})
    role_now = Role.objects.get(pk=search.role_id)
    assert (role_now.title, role_now.published) == ("Switched title", True)
    assert [(r.item, r.min_level, r.is_must_have) for r in role_now.requirements.all()] == [(items[1], 4, True)]


def test_publishing_publishes_the_frozen_copy_whatever_the_search_holds_now(recruiter, items):
    search = make_search(recruiter, items[:1], title="Frozen", must=(True,), level=2)
    propose_search(owner=recruiter, search=search)
    search.role.requirements.update(min_level=4)  # a change that made no new proposal
    role = publish(search)
    assert [(r.item, r.min_level) for r in role.requirements.all()] == [(items[0], 2)]


def test_publishing_gives_a_title_and_slug_no_other_role_has(recruiter, items, role):
    search = make_search(recruiter, items, title=role.title)
    propose_search(owner=recruiter, search=search)
    published = publish(search)
    assert published.title == f"{role.title} 2"
    assert published.slug not in {role.slug, ""}
    with pytest.raises(Exception, match="already published"):
        publish(search)


def test_an_unproposed_search_has_no_proposal_for_the_editors(client, recruiter, items):
    search = make_search(recruiter, items)
    assert not SearchProposal.objects.exists()
    client.force_login(EditorFactory())
    assert search.title not in client.get(reverse(PROPOSALS)).content.decode()
    assert Role.objects.get(pk=search.role.pk).is_search


def test_a_published_search_is_no_longer_edited_or_ranked_by_its_recruiter(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    propose_search(owner=recruiter, search=search)
    publish(search)
    edit = recruiter_client.get(reverse("recruiting:search-edit", kwargs={"pk": search.pk}))
    assert edit.status_code == 302
    recruiter_client.post(reverse("recruiting:search-rank", kwargs={"pk": search.pk}))
    assert RoleRecompute.objects.filter(role=search.role).count() == 1, "only the editor's publishing ranked it"
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "The editors published this search as the role" in page


def test_a_long_proposal_note_rerenders_the_page_with_the_error(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    response = recruiter_client.post(
        reverse("recruiting:search-propose", kwargs={"pk": search.pk}), {"note": "x" * 2000}
    )
    assert response.status_code == 400
    assert response.context["propose_form"].errors
    search.refresh_from_db()
    assert search.proposed_at is None


def test_recruiters_cannot_open_the_proposals_in_the_admin(client, recruiter):
    client.force_login(recruiter)
    response = client.get(reverse(PROPOSALS))
    assert response.status_code in (302, 403)


# Deleting ------------------------------------------------------------------------------------------------------


def test_deleting_a_search_deletes_its_role_requirements_and_matches(recruiter_client, recruiter, items, candidates):
    search = make_search(recruiter, items)
    rank_search(owner=recruiter, search=search)
    response = recruiter_client.post(reverse("recruiting:search-delete", kwargs={"pk": search.pk}))
    assert response.status_code == 303
    assert not Role.objects.filter(pk=search.role.pk).exists()
    assert not RoleMatch.objects.filter(role_id=search.role.pk).exists()


def test_deleting_a_recruiter_deletes_their_searches_roles_and_matches_but_not_a_published_one(
    recruiter, items, candidates
):
    private = make_search(recruiter, items, title="Private")
    rank_search(owner=recruiter, search=private)
    offered = make_search(recruiter, items, title="Offered")
    propose_search(owner=recruiter, search=offered)
    published = publish(offered)
    delete_account(user=recruiter)
    assert not VacancySearch.objects.exists()
    assert not Role.objects.searches().exists()
    assert not RoleMatch.objects.filter(role_id=private.role_id).exists()
    assert Role.objects.published().filter(pk=published.pk).exists()


# Queries -------------------------------------------------------------------------------------------------------

# The candidate list's (its item names in the reader's language and the menu's unread notices too), and the search
# with its ranking state.
SEARCH_LIST_QUERY_LIMIT = 23 + SESSION_QUERIES
SEARCH_PAGE_QUERY_LIMIT = 7 + SESSION_QUERIES


@pytest.mark.parametrize("count", [3, 60])
def test_the_ranking_by_a_search_runs_a_fixed_number_of_queries(
    recruiter_client, recruiter, items, role, django_assert_max_num_queries, count
):
    search = make_search(recruiter, items)
    bulk_engineers(count, items[0])
    rank_search(owner=recruiter, search=search)
    with django_assert_max_num_queries(SEARCH_LIST_QUERY_LIMIT):
        response = ranked_list(recruiter_client, search, page=2 if count > 25 else 1, min_score=0)
    assert response.status_code == 200
    assert response.context["candidates"].rows
    with django_assert_max_num_queries(SEARCH_PAGE_QUERY_LIMIT):
        page = recruiter_client.get(search.get_absolute_url())
    assert page.context["ranking"].is_ranked


# The role filter with many saved searches: the published roles as radios, the searches in one select ------------

ROLE_RADIO = re.compile(r'<input type="radio"[^>]* name="role" value="([^"]*)"')
SEARCH_OPTION = re.compile(r'<option value="(search-[0-9a-f]+)"[^>]*>')


def role_filter(page: str) -> str:
    return page.split('<fieldset class="mb-3 role-filter"')[1].split("</fieldset>")[0]


@pytest.mark.parametrize("count", [1, 30])
def test_saved_searches_fill_one_select_and_the_list_reads_them_at_a_fixed_cost(
    recruiter_client, recruiter, items, role, django_assert_max_num_queries, count
):
    searches = [make_search(recruiter, items, title=f"Vacancy {number:02d}") for number in range(count)]
    with django_assert_max_num_queries(SEARCH_LIST_QUERY_LIMIT):
        response = recruiter_client.get(reverse("recruiting:candidate-list"))
    assert response.context["role"] == role
    choices = role_filter(response.content.decode())
    assert ROLE_RADIO.findall(choices) == ["platform", ""]  # the published role, and "One of your saved searches:"
    assert choices.count("<select ") == 1
    assert SEARCH_OPTION.findall(choices) == [search.role.slug for search in searches]
    assert '<label for="id_role_searches" class="visually-hidden">Your saved searches</label>' in choices


@pytest.mark.parametrize(("headers", "empty_choice"), [(ENGLISH, "Choose a search"), (DUTCH, "Kies een zoekopdracht")])
def test_the_select_of_saved_searches_asks_in_words_short_enough_for_the_filter_column(
    recruiter_client, recruiter, items, role, headers, empty_choice
):
    """ "Kies een opgeslagen zoekopdracht" was cut off in the filter column at 1280 px; its radio says "saved" already."""
    make_search(recruiter, items, title="Airflow lead")
    choices = role_filter(recruiter_client.get(reverse("recruiting:candidate-list"), **headers).content.decode())
    assert re.findall(r'<option value="">([^<]*)</option>', choices) == [empty_choice]


def test_a_search_picked_in_the_select_ranks_the_list_as_its_old_links_do(recruiter_client, recruiter, items, role):
    search = make_search(recruiter, items, title="Airflow lead")
    make_search(recruiter, items, title="Backfill specialist")
    sent_by_the_form = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": ["", search.role.slug]})
    old_link = ranked_list(recruiter_client, search)
    for response in (sent_by_the_form, old_link):
        assert response.context["role"] == search.role
        assert not response.context["form"].errors
        choices = role_filter(response.content.decode())
        assert f'value="{search.role.slug}" id="id_role_search" data-role-search checked>' in choices
        assert '<option value="" selected>Airflow lead</option>' in choices  # sends nothing until changed
        assert " checked>" not in choices.split('id="id_role_search"')[0]  # no published role ticked


def test_a_search_picked_in_the_select_without_javascript_wins_over_the_role_still_ticked(
    recruiter_client, recruiter, items, role
):
    """Without JavaScript nothing ticks "One of your saved searches": the form sends the ticked role, then the
    search picked in the select, and the search counts."""
    search = make_search(recruiter, items)
    response = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": ["platform", search.role.slug]})
    assert response.context["role"] == search.role


def test_a_role_ticked_after_ranking_by_a_search_ranks_by_the_role(recruiter_client, recruiter, items, role):
    """The select still shows the search, as an option without a value: only the ticked role is sent, and counts."""
    make_search(recruiter, items)
    response = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": ["platform", ""]})
    assert response.context["role"] == role
    choices = role_filter(response.content.decode())
    assert 'name="role" value="platform" id="id_role_0" checked>' in choices
    assert 'id="id_role_search" data-role-search>' in choices


def test_a_recruiter_without_searches_sees_the_roles_alone(recruiter_client, role):
    choices = role_filter(recruiter_client.get(reverse("recruiting:candidate-list")).content.decode())
    assert ROLE_RADIO.findall(choices) == ["platform"]
    assert "<select" not in choices


# What the vacancy asks besides skills: languages, years and place are kept; the years filter the ranking ----------

BEYOND_SKILLS_VACANCY = """Medior data engineer bij een netbeheerder

Wat vragen wij?
- Minimaal 4 jaar ervaring als data engineer.
- Je spreekt vloeiend Nederlands en schrijft goed Engels.

Locatie: Arnhem, twee dagen per week op kantoor.
"""


def save_pasted(client, text=BEYOND_SKILLS_VACANCY):
    return client.post(reverse("recruiting:search-new"), {"title": "", "text": text, "action": "save"})


def test_the_saved_search_keeps_languages_years_and_place_and_its_page_shows_them(recruiter_client):
    response = save_pasted(recruiter_client)
    assert response.status_code == 303
    search = VacancySearch.objects.get()
    assert (search.languages, search.years_experience, search.location) == (
        ["nl", "en"],
        4,
        "Arnhem, twee dagen per week op kantoor",
    )
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert re.search(r'id="search-languages">Dutch, English ', page)
    assert 'id="search-years">at least 4 years ' in page
    assert 'id="search-location">Arnhem, twee dagen per week op kantoor <span' in page
    dutch = in_dutch(recruiter_client, search.get_absolute_url())
    assert re.search(r'id="search-languages">Nederlands, Engels ', dutch)
    assert "minstens 4 jaar" in dutch


def test_a_vacancy_that_asks_nothing_besides_skills_says_so(recruiter_client):
    save_pasted(recruiter_client, "Data engineer\n\nYou build pipelines in Python.\n")
    search = VacancySearch.objects.get()
    assert (search.languages, search.years_experience, search.location) == ([], None, "")
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert 'id="search-languages">none stated</dd>' in page
    assert 'id="search-years">none stated</dd>' in page
    assert 'id="search-location">not stated</dd>' in page


def test_the_years_asked_filter_the_ranked_candidates_and_can_be_cleared(recruiter_client, candidates):
    EngineerProfile.objects.update(location="Arnhem")  # the place the vacancy asks: only the years tell them apart
    EngineerProfile.objects.filter(display_name="Sam Strong").update(years_experience=6)
    EngineerProfile.objects.filter(display_name="Mia Middle").update(years_experience=4)
    EngineerProfile.objects.filter(display_name="Wim Weak").update(years_experience=1)
    save_pasted(recruiter_client)
    search = VacancySearch.objects.get()
    page = recruiter_client.get(search.get_absolute_url())
    ranked_url = re.search(r'href="([^"]*min_years=4[^"]*)"', page.content.decode()).group(1).replace("&amp;", "&")
    response = recruiter_client.get(ranked_url)
    assert response.context["filter"].form.cleaned_data["min_years"] == 4
    assert sorted(ranked_names(response)) == ["Mia Middle", "Sam Strong"], "a candidate with fewer years is left out"
    cleared = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": search.role.slug})
    assert sorted(ranked_names(cleared)) == ["Mia Middle", "Sam Strong", "Wim Weak"]


def test_the_place_asked_fills_in_the_ranked_candidates_location_as_the_years_do(recruiter_client, candidates):
    EngineerProfile.objects.update(years_experience=5)  # as the vacancy asks: only the place tells them apart
    EngineerProfile.objects.filter(display_name__in=["Sam Strong", "Mia Middle"]).update(location="Arnhem")
    EngineerProfile.objects.filter(display_name="Wim Weak").update(location="Groningen")
    save_pasted(recruiter_client)
    search = VacancySearch.objects.get()
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "(the ranked candidates open with “Arnhem” as their location; you can clear it there)" in page
    assert "(de gerangschikte kandidaten openen met “Arnhem” als locatie" in in_dutch(
        recruiter_client, search.get_absolute_url()
    )
    ranked_url = re.search(r'href="([^"]*location=Arnhem[^"]*)"', page).group(1).replace("&amp;", "&")
    response = recruiter_client.get(ranked_url)
    assert response.context["filter"].form.cleaned_data["location"] == "Arnhem"
    assert 'name="location" value="Arnhem"' in response.content.decode()  # shown in the filter, to clear
    assert sorted(ranked_names(response)) == ["Mia Middle", "Sam Strong"], "a candidate elsewhere is left out"


def test_a_remote_vacancy_fills_in_no_location(recruiter_client, candidates):
    save_pasted(recruiter_client, BEYOND_SKILLS_VACANCY.replace("Arnhem, twee dagen per week op kantoor", "Remote"))
    search = VacancySearch.objects.get()
    assert search.location == "Remote"
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "location=" not in re.search(r'href="([^"]*min_years=4[^"]*)"', page).group(1)


@pytest.mark.parametrize("place", ["Volledig remote", "100% remote", "Remote-first", "Remote - Nederland"])
def test_a_remote_vacancy_in_other_words_fills_in_no_location(recruiter_client, candidates, place):
    save_pasted(recruiter_client, BEYOND_SKILLS_VACANCY.replace("Arnhem, twee dagen per week op kantoor", place))
    search = VacancySearch.objects.get()
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "location=" not in re.search(r'href="([^"]*min_years=4[^"]*)"', page).group(1), "no one lives in 'remote'"


@pytest.mark.parametrize(
    ("place", "filled_in"),
    [
        ("Utrecht - hybride", "location=Utrecht&"),
        ("Utrecht (hybride)", "location=Utrecht&"),
        ("Amsterdam of Utrecht", None),  # a choice of places: "contains Amsterdam" would leave Utrecht out
        ("Amsterdam and Rotterdam", None),
    ],
)
def test_the_place_filled_in_is_one_place_without_what_follows_it(recruiter_client, candidates, place, filled_in):
    save_pasted(recruiter_client, BEYOND_SKILLS_VACANCY.replace("Arnhem, twee dagen per week op kantoor", place))
    search = VacancySearch.objects.get()
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    ranked = re.search(r'href="([^"]*min_years=4[^"]*)"', page).group(1).replace("&amp;", "&") + "&"
    if filled_in:
        assert filled_in in ranked
    else:
        assert "location=" not in ranked
