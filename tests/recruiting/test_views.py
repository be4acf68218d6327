"""Recruiter pages through the test client: who gets in, what they see, what never leaks."""

import csv
import io
import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from recruiting.models import ProfileView, ShortlistEntry
from skills.models import EngineerProfile, RoleMatch
from skills.services.profiles import delete_account
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    RoleRequirementFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.headings import headings_in_summaries, labelled_folds

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE


def make_candidate(*, role, score, visibility=VISIBLE, missing=(), user=None, **profile_fields):
    """A profile with a stored match; the match is written directly, as the services would store it."""
    owner = user or UserFactory(password=None)  # an unusable password skips the slow hashing
    profile = EngineerProfileFactory(user=owner, visibility=visibility, **profile_fields)
    RoleMatchFactory(
        profile=profile,
        role=role,
        score=score,
        requirements_met=1,
        requirements_total=2,
        must_haves_missing=len(missing),
        missing_must_have_ids=[ChecklistItemFactory(name=name).pk for name in missing],
    )
    return profile


@pytest.fixture
def role():
    return RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse", order=1)


def body(response) -> str:
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def exported(client, params=None):
    """Queue an export of the list with these filters (the job runs at once in tests) and download its file."""
    queued = client.post(f"{reverse('recruiting:candidate-export')}?{urlencode(params or {}, doseq=True)}")
    assert queued.status_code == 303, queued
    progress = client.get(queued["Location"])
    assert progress.status_code == 200
    export = progress.context["export"]
    assert export.is_downloadable, export.error
    return client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}))


# Who may reach the recruiter pages ---------------------------------------------------------------

USERS = {
    "engineer": UserFactory,
    "editor": EditorFactory,
    "recruiter": RecruiterFactory,
    "superuser": SuperuserFactory,
}


def recruiter_urls(*, shortlist, profile):
    """Every recruiter URL with the method a real request uses; the shortlist belongs to the acting user."""
    return [
        ("get", reverse("recruiting:candidate-list"), {}),
        ("get", reverse("recruiting:candidate-export"), {}),
        ("get", reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}), {}),
        ("get", reverse("recruiting:shortlist-list"), {}),
        ("post", reverse("recruiting:shortlist-list"), {"name": "New list"}),
        ("get", reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk}), {}),
        ("get", reverse("recruiting:shortlist-delete", kwargs={"pk": shortlist.pk}), {}),
        ("post", reverse("recruiting:shortlist-add"), {"profile": profile.pk, "shortlist": shortlist.pk}),
        (
            "post",
            reverse("recruiting:shortlist-note", kwargs={"pk": shortlist.pk, "profile_pk": profile.pk}),
            {"note": "x"},
        ),
        ("post", reverse("recruiting:shortlist-remove", kwargs={"pk": shortlist.pk, "profile_pk": profile.pk}), {}),
        ("post", reverse("recruiting:shortlist-delete", kwargs={"pk": shortlist.pk}), {}),
    ]


@pytest.mark.parametrize("kind", ["anonymous", "engineer", "editor", "recruiter", "superuser"])
def test_authorization_matrix(client, role, kind):
    user = USERS[kind]() if kind != "anonymous" else None
    owner = user if kind in ("recruiter", "superuser") else RecruiterFactory()
    shortlist = ShortlistFactory(recruiter=owner)
    profile = make_candidate(role=role, score=50)
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    if user:
        client.force_login(user)
    for method, url, data in recruiter_urls(shortlist=shortlist, profile=profile):
        response = getattr(client, method)(url, data)
        if kind == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("account_login")), url
        elif kind in ("engineer", "editor"):
            assert response.status_code == 403, url
        else:
            assert response.status_code in (200, 302), (url, response.status_code)


def test_recruiter_urls_have_the_contracted_paths():
    assert reverse("recruiting:candidate-list") == "/recruiting/candidates/"
    assert reverse("recruiting:candidate-export") == "/recruiting/candidates/export.csv"
    assert reverse("recruiting:candidate-detail", kwargs={"pk": 7}) == "/recruiting/candidates/7/"
    assert reverse("recruiting:shortlist-list") == "/recruiting/shortlists/"


def test_navigation_shows_recruiter_links_only_to_recruiters(client, recruiter):
    client.force_login(UserFactory())
    assert reverse("recruiting:shortlist-list") not in body(client.get("/"))
    client.force_login(recruiter)
    page = body(client.get("/"))
    assert reverse("recruiting:candidate-list") in page
    assert reverse("recruiting:shortlist-list") in page


# The candidate list ------------------------------------------------------------------------------


def list_names(response) -> list[str]:
    return [row.profile.headline for row in response.context["candidates"].rows]


def test_list_ranks_visible_candidates_by_stored_score(recruiter_client, role):
    make_candidate(role=role, score=40, headline="middle")
    make_candidate(role=role, score=90, headline="best")
    make_candidate(role=role, score=10, headline="last")
    make_candidate(role=role, score=99, headline="Private Pat", visibility=PRIVATE)
    response = recruiter_client.get(reverse("recruiting:candidate-list"))
    assert list_names(response) == ["best", "middle", "last"]
    assert response.context["candidates"].page.paginator.count == 3
    assert "Private Pat" not in body(response)


def test_list_defaults_to_first_published_senior_role(recruiter_client, role):
    RoleFactory(title="Medior Data Engineer", slug="medior", is_senior=False, order=0)
    RoleFactory(title="Draft role", slug="draft", published=False, order=0)
    response = recruiter_client.get(reverse("recruiting:candidate-list"))
    assert response.context["role"] == role


def test_list_ranks_by_the_chosen_role(recruiter_client, role):
    other = RoleFactory(slug="platform", order=2)
    first = make_candidate(role=role, score=90, headline="lakehouse person")
    second = make_candidate(role=role, score=20, headline="platform person")
    RoleMatchFactory(profile=first, role=other, score=10)
    RoleMatchFactory(profile=second, role=other, score=80)
    response = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": "platform"})
    assert list_names(response) == ["platform person", "lakehouse person"]


def test_list_paginates_25_per_page_and_handles_bad_page_numbers(recruiter_client, role):
    for score in range(30):
        make_candidate(role=role, score=score)
    url = reverse("recruiting:candidate-list")
    assert len(recruiter_client.get(url).context["candidates"].rows) == 25
    assert len(recruiter_client.get(url, {"page": 2}).context["candidates"].rows) == 5
    assert recruiter_client.get(url, {"page": "abc"}).context["candidates"].page.number == 1
    assert recruiter_client.get(url, {"page": "999"}).context["candidates"].page.number == 2


def test_a_list_longer_than_the_browsable_part_says_more_than_and_how_to_reach_the_rest(
    recruiter_client, role, settings
):
    for score in range(6):
        make_candidate(role=role, score=score)
    settings.BROWSABLE_CANDIDATES = 5
    url = reverse("recruiting:candidate-list")
    page = body(recruiter_client.get(url, {"page": 9}))
    assert "More than 5 candidates for" in page and 'id="results-more"' in page
    settings.BROWSABLE_CANDIDATES = 6
    cache.clear()
    page = body(recruiter_client.get(url))
    assert "6 candidates for" in page and "More than" not in page and 'id="results-more"' not in page
    settings.BROWSABLE_CANDIDATES = 5
    cache.clear()
    recruiter_client.cookies["django_language"] = "nl"
    assert "Meer dan 5 kandidaten voor" in body(recruiter_client.get(url))


def test_list_filters_combine(recruiter_client, role):
    make_candidate(role=role, score=80, headline="match", years_experience=8, location="Utrecht", open_to_work=True)
    make_candidate(
        role=role, score=80, headline="too junior", years_experience=2, location="Utrecht", open_to_work=True
    )
    make_candidate(role=role, score=80, headline="elsewhere", years_experience=8, location="Leeds", open_to_work=True)
    make_candidate(role=role, score=80, headline="not looking", years_experience=8, location="Utrecht")
    make_candidate(role=role, score=50, headline="low score", years_experience=8, location="utrecht", open_to_work=True)
    response = recruiter_client.get(
        reverse("recruiting:candidate-list"),
        {"min_years": 5, "location": "utrECHT", "open_to_work": "on", "min_score": 60},
    )
    assert list_names(response) == ["match"]


def test_list_filters_on_items_at_a_minimum_level(recruiter_client, role):
    strong = make_candidate(role=role, score=50, headline="strong")
    weak = make_candidate(role=role, score=60, headline="weak")
    assessment = AssessmentFactory(user=strong.user, level=3)
    AssessmentFactory(user=weak.user, item=assessment.item, level=2)
    url = reverse("recruiting:candidate-list")
    assert list_names(recruiter_client.get(url, {"items": assessment.item.pk, "item_level": 3})) == ["strong"]
    assert list_names(recruiter_client.get(url, {"items": assessment.item.pk})) == ["weak", "strong"]


def test_list_shows_missing_must_haves_and_a_skill_bar(recruiter_client, role):
    profile = make_candidate(role=role, score=50, missing=("skew", "retries"))
    AssessmentFactory(user=profile.user, level=4, item__skill__name="PySpark")
    page = body(recruiter_client.get(reverse("recruiting:candidate-list")))
    assert '<ul class="name-list mb-0"><li>skew</li><li>retries</li></ul>' in page  # a list, not a comma run
    assert "PySpark: 4.0 / 4" in page


def test_list_sorts_by_experience(recruiter_client, role):
    make_candidate(role=role, score=90, headline="junior", years_experience=1)
    make_candidate(role=role, score=10, headline="senior", years_experience=12)
    response = recruiter_client.get(reverse("recruiting:candidate-list"), {"sort": "experience"})
    assert list_names(response) == ["senior", "junior"]


@pytest.mark.parametrize(
    "params",
    [
        {"min_score": "abc"},
        {"min_score": "101"},
        {"role": "no-such-role"},
        {"items": "not-a-number"},
        {"items": "999999"},
        {"items": str(2**63)},
        {"items": "²"},
        {"updated_since": "31-31-2024"},
        {"updated_since": "0001-01-01"},
        {"min_years": "-1"},
        {"sort": "password"},
        {"item_level": "9"},
    ],
)
def test_bad_filter_is_reported_and_ignored(recruiter_client, role, params):
    make_candidate(role=role, score=50, headline="still listed")
    response = recruiter_client.get(reverse("recruiting:candidate-list"), params)
    assert response.status_code == 200
    assert "could not be used" in body(response)
    assert list_names(response) == ["still listed"]


def test_filter_form_keeps_the_input_and_marks_the_bad_field(recruiter_client, role):
    item = AssessmentFactory(user=make_candidate(role=role, score=50).user, level=3).item
    RoleFactory(slug="platform", order=2)
    params = {"role": "platform", "min_score": "abc", "location": "Utre<cht", "items": [item.pk], "sort": "experience"}
    page = " ".join(body(recruiter_client.get(reverse("recruiting:candidate-list"), params)).split())
    assert '<label for="id_min_score" class="form-label"> Minimum match score </label>' in page
    assert 'value="abc" min="0" max="100" class="numberinput form-control is-invalid" aria-invalid="true"' in page
    assert '<div id="id_min_score_error" class="invalid-feedback">' in page
    assert "Enter a whole number." in page
    assert 'value="Utre&lt;cht" maxlength="100"' in page
    assert re.search(r'<input type="radio"[^>]* name="role" value="platform"[^>]* checked>', page)
    assert re.search(r'<input type="radio"[^>]* name="role" value="lakehouse" id="id_role_0">', page)
    assert '<option value="experience" selected>' in page
    assert '<option value="2" selected>' in page  # the default item level, filled in
    assert f'name="items" value="{item.pk}" id="id_items_0" checked>' in page
    assert '<label for="id_items_0" class="form-check-label">' in page


def test_list_without_published_roles_explains_itself(recruiter_client):
    response = recruiter_client.get(reverse("recruiting:candidate-list"))
    assert response.status_code == 200
    assert "no published role" in body(response)


# One candidate -------------------------------------------------------------------------------------


def test_private_profile_is_404_even_by_direct_id(recruiter_client, role):
    profile = make_candidate(role=role, score=50, visibility=PRIVATE)
    response = recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert response.status_code == 404
    assert not ProfileView.objects.exists()


def test_a_candidate_who_shows_no_profile_gets_one_page_that_tells_nothing_about_them(recruiter_client, role):
    """Hidden, deleted or never there: the recruiter reads the same explanation and ways on, whatever the reason."""
    hidden = make_candidate(role=role, score=50, visibility=PRIVATE)
    deleted = make_candidate(role=role, score=50)
    deleted_pk = deleted.pk
    delete_account(user=deleted.user)
    pages = []
    for pk in (hidden.pk, deleted_pk, deleted_pk + 1000):
        for name in ("recruiting:candidate-detail", "recruiting:contact-request"):
            response = recruiter_client.get(reverse(name, kwargs={"pk": pk}))
            assert response.status_code == 404
            pages.append(re.search(r"<main.*</main>", body(response), re.DOTALL)[0])
    assert "they may have hidden it or deleted their account" in pages[0]
    assert reverse("recruiting:shortlist-list") in pages[0]
    assert len(set(pages)) == 1
    assert not ProfileView.objects.exists()


def test_detail_records_the_view(recruiter_client, recruiter, role):
    profile = make_candidate(role=role, score=50)
    recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    views = ProfileView.objects.filter(profile=profile)
    assert [view.recruiter for view in views] == [recruiter]


def test_a_recruiter_who_reloads_a_candidate_counts_as_one_view_that_day_and_again_the_next(client, role):
    from tests.clients import PortalClient as Client

    engineer = UserFactory(password=None)
    profile = make_candidate(role=role, score=50, user=engineer)
    recruiter_browser = Client()
    recruiter_browser.force_login(
        RecruiterFactory(email="talent@agency.example", recruiter_profile__name="Tess Talent")
    )
    url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    assert recruiter_browser.get(url).status_code == recruiter_browser.get(url).status_code == 200
    client.force_login(engineer)
    page = body(client.get(reverse("skills:profile")))
    assert "viewed it on <time" in page and "days" not in page.split("viewed it on", 1)[1].split("</li>")[0]
    dutch = body(client.get(reverse("skills:profile"), HTTP_ACCEPT_LANGUAGE="nl"))
    assert "bekeek het op <time" in dutch
    ProfileView.objects.filter(profile=profile).update(viewed_at=timezone.now() - timedelta(days=1))
    recruiter_browser.get(url)
    again = body(client.get(reverse("skills:profile")))
    assert again.count("Tess Talent") == 1 and "viewed it on 2 different days, the last on" in again
    assert "talent@agency.example" not in again


def test_engineer_sees_on_their_profile_page_who_viewed_it(client, role):
    from skills.privacy.personal_data import profile_views
    from tests.clients import PortalClient as Client

    engineer = UserFactory(password=None)
    profile = make_candidate(role=role, score=50, user=engineer)
    viewer = RecruiterFactory(
        email="talent@agency.example", recruiter_profile__name="Tess Talent", recruiter_profile__company="Agency BV"
    )
    recruiter_browser = Client()
    recruiter_browser.force_login(viewer)
    recruiter_browser.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    visits = [(visit.name, visit.company, visit.days) for visit in profile_views(user=engineer)]
    assert visits == [("Tess Talent", "Agency BV", 1)]
    client.force_login(engineer)
    page = body(client.get("/skills/profile/"))
    assert "Tess Talent" in page and "Agency BV" in page and "talent@agency.example" not in page


def test_detail_shows_levels_with_evidence_and_gaps(recruiter_client, role):
    profile = make_candidate(role=role, score=50, evidence_public=True)  # else only after an accepted contact
    AssessmentFactory(
        user=profile.user, level=3, item__name="window functions", evidence_url="https://example.org/sql-demo"
    )
    from tests.factories import RoleRequirementFactory

    RoleRequirementFactory(role=role, item__name="skew", min_level=3, is_must_have=True)
    page = body(recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})))
    assert "window functions" in page
    assert 'href="https://example.org/sql-demo"' in page
    assert "skew" in page
    assert re.search(r'data-label="Score"><strong>50</strong> out of 100</td>', page)  # per role, as everywhere


def test_detail_uses_the_role_parameter_and_reports_a_bad_one(recruiter_client, role):
    other = RoleFactory(slug="platform", title="Platform engineer", order=5)
    profile = make_candidate(role=role, score=50)
    url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    assert recruiter_client.get(url, {"role": "platform"}).context["role"] == other
    response = recruiter_client.get(url, {"role": "nope"})
    assert response.status_code == 200
    assert response.context["role"] == role
    assert "not published" in body(response)


def test_detail_defaults_to_the_candidates_target_role(recruiter_client, role):
    target = RoleFactory(slug="analytics", order=9)
    profile = make_candidate(role=role, score=50, target_role=target)
    response = recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert response.context["role"] == target


# CSV export ---------------------------------------------------------------------------------------


def test_export_streams_filtered_visible_rows_with_absolute_urls(recruiter_client, role):
    make_candidate(role=role, score=80, headline="Lead", location="Delft", years_experience=9, missing=("skew",))
    make_candidate(role=role, score=20, headline="Junior")
    make_candidate(role=role, score=99, headline="Private one", visibility=PRIVATE)
    response = exported(recruiter_client, {"min_score": 50})
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header == [
        "name", "headline", "location", "years of experience", "role", "score", "must-haves missing", "profile URL", "email"
    ]  # fmt: skip
    assert len(rows) == 1
    _name, headline, location, years, role_title, score, missing, url, email = rows[0]
    assert email == ""  # no contact request accepted
    assert (headline, location, years, role_title, score, missing) == ("Lead", "Delft", "9", role.title, "80", "skew")
    assert url.startswith("http://testserver/recruiting/candidates/")


def test_export_is_offered_only_for_a_list_with_candidates(recruiter_client, role):
    make_candidate(role=role, score=80, headline="Lead")
    listed = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": role.pk}).content.decode()
    empty = recruiter_client.get(reverse("recruiting:candidate-list"), {"role": role.pk, "min_score": 90})
    assert 'class="d-inline-flex flex-wrap align-items-center gap-2 export-form"' in listed
    assert "export-form" not in empty.content.decode()
    assert "0 candidates" in empty.content.decode()


def test_export_links_each_row_to_its_own_profile(recruiter_client, role):
    profiles = [make_candidate(role=role, score=score) for score in (90, 80)]
    _header, *rows = csv_rows(exported(recruiter_client))
    expected = [
        "http://testserver" + reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}) for profile in profiles
    ]
    assert [row[-2] for row in rows] == expected


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_export_escapes_formula_cells(recruiter_client, role, payload):
    make_candidate(role=role, score=50, headline=payload, location=payload)
    _, row = csv_rows(exported(recruiter_client))
    assert row[1] == "'" + payload
    assert row[2] == "'" + payload


def test_export_with_bad_parameters_is_not_an_error(recruiter_client, role):
    make_candidate(role=role, score=50)
    response = exported(recruiter_client, {"min_score": "x", "updated_since": "never"})
    assert response.status_code == 200
    assert len(csv_rows(response)) == 2


# Shortlists ---------------------------------------------------------------------------------------


def test_shortlist_list_counts_only_visible_candidates(recruiter_client, recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter, name="Lakehouse")
    ShortlistEntryFactory(shortlist=shortlist, profile=make_candidate(role=role, score=1))
    hidden = make_candidate(role=role, score=1)
    ShortlistEntryFactory(shortlist=shortlist, profile=hidden)
    EngineerProfile.objects.filter(pk=hidden.pk).update(visibility=PRIVATE)
    response = recruiter_client.get(reverse("recruiting:shortlist-list"))
    assert [item.visible_count for item in response.context["shortlists"]] == [1]
    assert "1 candidate<" in body(response)


def test_candidate_going_private_vanishes_from_shortlist_but_entry_is_kept(recruiter_client, recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter)
    profile = make_candidate(role=role, score=1, headline="Soon private")
    ShortlistEntryFactory(shortlist=shortlist, profile=profile, note="call back")
    url = reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk})
    assert "Soon private" in body(recruiter_client.get(url))
    EngineerProfile.objects.filter(pk=profile.pk).update(visibility=PRIVATE)
    page = body(recruiter_client.get(url))
    assert "Soon private" not in page
    assert "call back" not in page
    assert ShortlistEntry.objects.filter(profile=profile).exists()


def test_recruiter_never_sees_another_recruiters_shortlist_or_notes(recruiter_client, role):
    other = ShortlistFactory(name="Their list")
    profile = make_candidate(role=role, score=1)
    ShortlistEntryFactory(shortlist=other, profile=profile, note="secret note")
    assert "Their list" not in body(recruiter_client.get(reverse("recruiting:shortlist-list")))
    kwargs = {"pk": other.pk}
    entry_kwargs = {"pk": other.pk, "profile_pk": profile.pk}
    assert recruiter_client.get(reverse("recruiting:shortlist-detail", kwargs=kwargs)).status_code == 404
    assert recruiter_client.get(reverse("recruiting:shortlist-delete", kwargs=kwargs)).status_code == 404
    assert recruiter_client.post(reverse("recruiting:shortlist-delete", kwargs=kwargs)).status_code == 404
    assert (
        recruiter_client.post(reverse("recruiting:shortlist-note", kwargs=entry_kwargs), {"note": "x"}).status_code
        == 404
    )
    assert recruiter_client.post(reverse("recruiting:shortlist-remove", kwargs=entry_kwargs)).status_code == 404
    detail = body(recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})))
    assert "secret note" not in detail
    assert "Their list" not in detail
    assert ShortlistEntry.objects.get(shortlist=other).note == "secret note"


def test_adding_to_another_recruiters_shortlist_is_refused(recruiter_client, role):
    other = ShortlistFactory()
    profile = make_candidate(role=role, score=1)
    recruiter_client.post(reverse("recruiting:shortlist-add"), {"profile": profile.pk, "shortlist": other.pk})
    assert not ShortlistEntry.objects.exists()


def test_create_shortlist_then_add_and_remove_without_javascript(recruiter_client, recruiter, role):
    profile = make_candidate(role=role, score=1)
    response = recruiter_client.post(reverse("recruiting:shortlist-list"), {"name": "  Spark people "})
    shortlist = recruiter.shortlists.get()
    assert shortlist.name == "Spark people"
    assert response.url == reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk})
    detail_url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"), {"profile": profile.pk, "shortlist": shortlist.pk, "next": detail_url}
    )
    assert response.status_code == 302
    assert response.url == f"{detail_url}#candidate-{profile.pk}"
    assert shortlist.entries.filter(profile=profile).exists()
    response = recruiter_client.post(
        reverse("recruiting:shortlist-remove", kwargs={"pk": shortlist.pk, "profile_pk": profile.pk})
    )
    assert response.url == reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk})
    assert not shortlist.entries.exists()


def controls_outcome(page: str, profile) -> list[str]:
    """What a candidate's shortlist widget says it did, as "role: text" lines."""
    widget = page.split(f'id="shortlist-controls-{profile.pk}"', 1)[1].split("<form", 1)[0]
    lines = re.findall(r'<p [^>]*role="(status|alert)">(.*?)</p>', widget, re.S)
    return [f"{role}: {text.strip()}" for role, text in lines]


@pytest.mark.parametrize(
    ("language", "added"), [("en", "Added to “Spark people”."), ("nl", "Toegevoegd aan “Spark people”.")]
)
def test_without_javascript_adding_from_the_list_lands_on_the_card_and_says_so_there(
    recruiter_client, recruiter, role, language, added
):
    shortlist = ShortlistFactory(recruiter=recruiter, name="Spark people")
    profiles = [make_candidate(role=role, score=90 - number) for number in range(4)]
    fourth = profiles[3]
    list_url = f"{reverse('recruiting:candidate-list')}?role={role.slug}"
    recruiter_client.get(list_url)  # the clean list is cached: the outcome must not come from it, nor go into it
    form = {"profile": fourth.pk, "shortlist": shortlist.pk, "next": list_url}
    response = recruiter_client.post(reverse("recruiting:shortlist-add"), form, HTTP_ACCEPT_LANGUAGE=language)
    assert response.url == f"{list_url}#candidate-{fourth.pk}"
    page = body(recruiter_client.get(response.url, HTTP_ACCEPT_LANGUAGE=language))
    assert f'id="candidate-{fourth.pk}"' in page
    assert controls_outcome(page, fourth) == [f"status: {added}"]
    assert controls_outcome(page, profiles[0]) == []
    assert 'class="messages"' not in page
    again = body(recruiter_client.get(list_url, HTTP_ACCEPT_LANGUAGE=language))
    assert controls_outcome(again, fourth) == []


def test_without_javascript_a_refused_add_says_why_on_the_card(recruiter_client, recruiter, role):
    ShortlistFactory(recruiter=recruiter, name="Spark people")
    profile = make_candidate(role=role, score=50)
    list_url = f"{reverse('recruiting:candidate-list')}?role={role.slug}"
    form = {"profile": profile.pk, "new_name": "Spark people", "next": list_url}
    page = body(recruiter_client.post(reverse("recruiting:shortlist-add"), form, follow=True))
    [refusal] = controls_outcome(page, profile)
    assert refusal.startswith("alert: ") and "Spark people" in refusal


def test_without_javascript_removing_from_the_list_lands_on_the_card(recruiter_client, recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter, name="Spark people")
    profile = make_candidate(role=role, score=50)
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    list_url = f"{reverse('recruiting:candidate-list')}?role={role.slug}"
    remove = reverse("recruiting:shortlist-remove", kwargs={"pk": shortlist.pk, "profile_pk": profile.pk})
    response = recruiter_client.post(remove, {"fragment": "controls", "next": list_url})
    assert response.url == f"{list_url}#candidate-{profile.pk}"
    assert controls_outcome(body(recruiter_client.get(response.url)), profile) == [
        "status: Removed from “Spark people”."
    ]


def test_add_redirect_ignores_foreign_next_url(recruiter_client, recruiter, role):
    profile = make_candidate(role=role, score=1)
    shortlist = ShortlistFactory(recruiter=recruiter)
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"),
        {"profile": profile.pk, "shortlist": shortlist.pk, "next": "https://evil.example/"},
    )
    assert response.url == reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})


def test_add_with_htmx_creates_a_new_list_and_returns_the_widget(recruiter_client, recruiter, role):
    profile = make_candidate(role=role, score=1)
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"),
        {"profile": profile.pk, "new_name": "Call this week"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    page = body(response)
    assert f'id="shortlist-controls-{profile.pk}"' in page
    assert "Added to “Call this week”" in page
    assert "<html" not in page
    assert recruiter.shortlists.get().entries.get().profile == profile


def test_htmx_answer_of_the_list_page_brings_no_stage_section(recruiter_client, role):
    """Only the candidate page has a stage section to redraw (tests/recruiting/test_browser.py)."""
    profile = make_candidate(role=role, score=1)
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"), {"profile": profile.pk, "new_name": "Call"}, HTTP_HX_REQUEST="true"
    )
    assert "hx-swap-oob" not in body(response)


def test_without_javascript_the_candidate_page_shows_the_stage_of_a_shortlist_just_added(recruiter_client, role):
    profile = make_candidate(role=role, score=1)
    detail_url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"),
        {"profile": profile.pk, "new_name": "Call this week", "stages": "1", "next": detail_url},
        follow=True,
    )
    assert response.redirect_chain == [(f"{detail_url}#candidate-{profile.pk}", 302)]
    assert "Stage on “Call this week”" in body(response)
    assert controls_outcome(body(response), profile) == ["status: Added to “Call this week”."]
    assert 'class="messages"' not in body(response)


def test_add_without_a_list_shows_an_error_and_changes_nothing(recruiter_client, role):
    profile = make_candidate(role=role, score=1)
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"), {"profile": profile.pk}, HTTP_HX_REQUEST="true"
    )
    assert "Choose a shortlist or type a name" in body(response)
    assert not ShortlistEntry.objects.exists()


def test_add_with_an_existing_name_reports_it(recruiter_client, recruiter, role):
    ShortlistFactory(recruiter=recruiter, name="Spark")
    profile = make_candidate(role=role, score=1)
    response = recruiter_client.post(
        reverse("recruiting:shortlist-add"), {"profile": profile.pk, "new_name": "Spark"}, HTTP_HX_REQUEST="true"
    )
    assert "already have a shortlist called" in body(response)
    assert recruiter.shortlists.count() == 1
    assert not ShortlistEntry.objects.exists()


@pytest.mark.parametrize("profile_value", ["private", "abc", ""])
def test_add_of_private_or_unknown_candidate_is_404(recruiter_client, recruiter, role, profile_value):
    shortlist = ShortlistFactory(recruiter=recruiter)
    private = make_candidate(role=role, score=1, visibility=PRIVATE)
    value = private.pk if profile_value == "private" else profile_value
    response = recruiter_client.post(reverse("recruiting:shortlist-add"), {"profile": value, "shortlist": shortlist.pk})
    assert response.status_code == 404
    assert "they may have hidden it or deleted their account" in body(response)  # the one page that says so
    assert not ShortlistEntry.objects.exists()


def test_remove_with_htmx_from_the_candidate_widget_returns_the_widget(recruiter_client, recruiter, role):
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=make_candidate(role=role, score=1)
    )
    url = reverse("recruiting:shortlist-remove", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, {"fragment": "controls"}, HTTP_HX_REQUEST="true")
    assert f'id="shortlist-controls-{entry.profile_id}"' in body(response)
    assert not ShortlistEntry.objects.exists()


def test_remove_with_htmx_from_the_shortlist_page_drops_the_row(recruiter_client, recruiter, role):
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=make_candidate(role=role, score=1)
    )
    url = reverse("recruiting:shortlist-remove", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert body(response) == ""


def test_note_is_saved_with_htmx_and_without(recruiter_client, recruiter, role):
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=make_candidate(role=role, score=1)
    )
    url = reverse("recruiting:shortlist-note", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, {"note": "Strong on skew"}, HTTP_HX_REQUEST="true")
    assert "Saved." in body(response)
    assert "Strong on skew" in body(response)
    response = recruiter_client.post(url, {"note": "Call on Monday"})
    assert (
        response.url == reverse("recruiting:shortlist-detail", kwargs={"pk": entry.shortlist_id}) + f"#entry-{entry.pk}"
    )
    entry.refresh_from_db()
    assert entry.note == "Call on Monday"


@pytest.mark.parametrize("htmx", [True, False])
def test_too_long_note_is_rejected_and_changes_nothing(recruiter_client, recruiter, role, htmx):
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=make_candidate(role=role, score=1), note="keep"
    )
    url = reverse("recruiting:shortlist-note", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = recruiter_client.post(url, {"note": "x" * 1001}, **headers)
    assert response.status_code in (200, 400)
    assert "at most 1000 characters" in body(response)
    entry.refresh_from_db()
    assert entry.note == "keep"


def test_delete_asks_then_removes_the_shortlist(recruiter_client, recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter, name="Old")
    ShortlistEntryFactory(shortlist=shortlist, profile=make_candidate(role=role, score=1))
    url = reverse("recruiting:shortlist-delete", kwargs={"pk": shortlist.pk})
    assert "Delete “Old”?" in body(recruiter_client.get(url))
    assert recruiter_client.post(url).url == reverse("recruiting:shortlist-list")
    assert not recruiter.shortlists.exists()
    assert not ShortlistEntry.objects.exists()


def test_a_confirm_page_escapes_its_title_once_in_title_breadcrumb_and_heading(recruiter_client, recruiter):
    shortlist = ShortlistFactory(recruiter=recruiter, name="R&D <team>")
    html = body(recruiter_client.get(reverse("recruiting:shortlist-delete", kwargs={"pk": shortlist.pk})))
    assert "<title>Delete “R&amp;D &lt;team&gt;”? · DE skills</title>" in html
    assert "<h1>Delete “R&amp;D &lt;team&gt;”?</h1>" in html
    detail = reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk})
    assert f'<a href="{detail}">R&amp;D &lt;team&gt;</a>' in html
    assert '<li class="breadcrumb-item active" aria-current="page">Delete</li>' in html
    assert "&amp;amp;" not in html


def test_create_shortlist_with_duplicate_name_rerenders_with_error(recruiter_client, recruiter):
    ShortlistFactory(recruiter=recruiter, name="Spark")
    response = recruiter_client.post(reverse("recruiting:shortlist-list"), {"name": "Spark"})
    assert response.status_code == 400
    assert "already have a shortlist called" in body(response)
    assert recruiter.shortlists.count() == 1


def test_a_shortlist_name_is_kept_on_one_line(recruiter_client, recruiter):
    assert (
        recruiter_client.post(reverse("recruiting:shortlist-list"), {"name": "Line 1\nLine\x01 2"}).status_code == 302
    )
    assert list(recruiter.shortlists.values_list("name", flat=True)) == ["Line 1 Line 2"]


# Scale: a fixed number of queries whatever the number of candidates --------------------------------


def bulk_candidates(*, role, count, items, shortlist=None):
    """Many visible candidates with assessments, matches and shortlist entries, inserted in bulk."""
    from django.contrib.auth import get_user_model

    from skills.models import Assessment

    user_model = get_user_model()
    start = user_model.objects.count()
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"bulk{start + n}@example.com", email=f"bulk{start + n}@example.com")
            for n in range(count)
        ]
    )
    profiles = EngineerProfile.objects.bulk_create(
        [
            EngineerProfile(user=user, headline=f"=Engineer {n}", visibility=VISIBLE if n % 5 else PRIVATE)
            for n, user in enumerate(users)
        ]
    )
    RoleMatch.objects.bulk_create(
        [
            RoleMatch(
                profile=profile,
                role=role,
                score=n % 101,
                missing_must_have_ids=[items[0].pk],
                profile_visible=profile.is_visible_to_recruiters,
            )
            for n, profile in enumerate(profiles)
        ]
    )
    Assessment.objects.bulk_create(
        [
            Assessment(user=user, item=item, level=(n + index) % 5)
            for n, user in enumerate(users)
            for index, item in enumerate(items)
        ]
    )
    if shortlist is not None:
        ShortlistEntry.objects.bulk_create(
            [ShortlistEntry(shortlist=shortlist, profile=profile) for profile in profiles[1::5]]
        )


@pytest.fixture
def scale_setup(recruiter, role):
    from tests.factories import SkillFactory

    skills = [SkillFactory() for _ in range(3)]
    items = [ChecklistItemFactory(skill=skills[index % 3]) for index in range(6)]
    shortlist = ShortlistFactory(recruiter=recruiter)
    return {"role": role, "items": items, "shortlist": shortlist}


# Sessions are read from Redis with REDIS_URL (as in CI), else from the database: one query more per request then.
SESSION_QUERIES = 0 if settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db" else 1
# The navigation asks whether a recruiter also has a profile, and counts unread notices (cold cache); item names in
# the reader's language.
LIST_QUERY_LIMIT = 21 + SESSION_QUERIES
# The whole export: queueing it, the job (which writes progress), its progress page and the download.
EXPORT_QUERY_LIMIT = (
    37 + 3 * SESSION_QUERIES
)  # queue, progress page, download (item names in the export's language); the tests run the later clean-up at once


@pytest.mark.parametrize("count", [10, 500])
def test_list_runs_a_fixed_number_of_queries(recruiter_client, scale_setup, django_assert_max_num_queries, count):
    bulk_candidates(
        role=scale_setup["role"], count=count, items=scale_setup["items"], shortlist=scale_setup["shortlist"]
    )
    params = {"items": [scale_setup["items"][0].pk], "item_level": 1, "min_years": 0, "page": 2}
    with django_assert_max_num_queries(LIST_QUERY_LIMIT):
        response = recruiter_client.get(reverse("recruiting:candidate-list"), params)
    assert response.status_code == 200
    assert response.context["candidates"].rows


@pytest.mark.parametrize("count", [10, 500])
def test_export_runs_a_fixed_number_of_queries(recruiter_client, scale_setup, django_assert_max_num_queries, count):
    bulk_candidates(role=scale_setup["role"], count=count, items=scale_setup["items"])
    with django_assert_max_num_queries(EXPORT_QUERY_LIMIT):
        response = exported(recruiter_client)
        rows = csv_rows(response)
    assert len(rows) == 1 + count * 4 // 5
    assert all(row[1].startswith("'=") for row in rows[1:])


# Item names in the reader's language: once per checklist change in a process; the item count per skill behind
# each skill's average; the unread notices in the menu (cold cache); whether the recruiter named themselves.
DETAIL_QUERY_LIMIT = 28 + SESSION_QUERIES


@pytest.mark.parametrize("count", [1, 30])
def test_detail_runs_a_fixed_number_of_queries(recruiter_client, recruiter, role, django_assert_max_num_queries, count):
    from tests.factories import ChecklistItemFactory, RoleRequirementFactory, SkillFactory

    profile = make_candidate(role=role, score=50)
    skills = [SkillFactory() for _ in range(3)]
    for index in range(count):
        item = ChecklistItemFactory(skill=skills[index % 3])
        RoleRequirementFactory(role=role, item=item, is_must_have=index % 2 == 0)
        AssessmentFactory(user=profile.user, item=item, level=index % 5, evidence_url="https://example.org/e")
    ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=profile)
    with django_assert_max_num_queries(DETAIL_QUERY_LIMIT):
        response = recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert response.status_code == 200


def test_candidate_radar_speaks_of_the_candidate_not_of_you(recruiter_client, role):
    RoleRequirementFactory(role=role)
    profile = make_candidate(role=role, score=50)
    page = body(recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})))
    assert "the candidate&#x27;s level" in page or "the candidate's level" in page
    assert "your level" not in page


def test_the_dutch_candidate_page_speaks_of_the_candidate_not_to_the_recruiter(recruiter_client, role):
    """The gaps partial is shared with the engineer's own pages; in Dutch "je" would address the recruiter."""
    profile = make_candidate(role=role, score=50)
    from tests.factories import RoleRequirementFactory

    RoleRequirementFactory(role=role, item__name="skew", min_level=3, is_must_have=True)
    url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    page = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    gaps = page[page.index("Matchscore") :]
    assert "Must-haves waaraan nog niet is voldaan" in gaps
    assert not {" je ", " jij ", " jouw "} & {f" {word} " for word in gaps.lower().split()}, gaps


def facts_of(page: str) -> list[str]:
    """The items of the first list of facts on the page, as plain text."""
    facts = page.split('<ul class="fact-list', 1)[1].split("</ul>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in facts.split("<li>")[1:]]


@pytest.mark.parametrize("page_name", ["recruiting:candidate-list", "recruiting:candidate-detail"])
def test_a_candidates_facts_are_each_an_item_of_a_list_not_run_together(recruiter_client, role, page_name):
    profile = make_candidate(role=role, score=80, years_experience=9, location="Amsterdam", open_to_work=True)
    url = reverse(page_name, kwargs={"pk": profile.pk} if page_name.endswith("detail") else {})
    facts = facts_of(body(recruiter_client.get(url, {"role": role.slug})))
    assert facts[:2] == ["9 years of experience", "Amsterdam"]
    assert "Open to work" in facts
    assert facts[-1].startswith("Updated ")


@pytest.mark.parametrize(
    ("language", "summary", "clear"),
    [
        ("en", "Filtered by: Minimum match score: 50 · Location contains: Utrecht · Open to work", "Clear filters"),
        ("nl", "Gefilterd op: Minimale matchscore: 50 · Locatie bevat: Utrecht · Open voor werk", "Filters wissen"),
    ],
)
def test_the_list_says_above_the_results_which_filters_are_active_and_clears_them_with_a_link(
    recruiter_client, role, language, summary, clear
):
    make_candidate(role=role, score=80, location="Utrecht", open_to_work=True)
    make_candidate(role=role, score=30, location="Utrecht", open_to_work=True)
    url = reverse("recruiting:candidate-list")
    query = {"role": "lakehouse", "min_score": "50", "location": "Utrecht", "open_to_work": "on", "sort": "score"}
    page = body(recruiter_client.get(url, query, HTTP_ACCEPT_LANGUAGE=language))
    line = re.search(r'<ul class="fact-list small mb-2" id="active-filters">(.*?)</ul>', page, re.S).group(1)
    facts = re.findall(r"<li>(.*?)</li>", line, re.S)  # the middle dots between them are drawn by the CSS
    text = " · ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fact)).strip() for fact in facts)
    assert text == f"{summary} · {clear}"
    assert page.index('id="active-filters"') < page.index('id="results-heading"')
    assert f'<a href="{url}?role=lakehouse">{clear}</a>' in line  # a plain link: no JavaScript needed
    unfiltered = body(recruiter_client.get(f"{url}?role=lakehouse", HTTP_ACCEPT_LANGUAGE=language))
    assert 'id="active-filters"' not in unfiltered


@pytest.mark.parametrize("language", ["en", "nl"])  # "Filters" in both
@pytest.mark.parametrize(("query", "is_open"), [("", False), ("?min_score=abc", True)])
def test_the_filters_fold_below_a_heading_outside_the_fold(recruiter_client, role, language, query, is_open):
    """A heading inside the fold's <summary> (a button) is flattened to plain text by some screen readers: the
    filters' heading stands outside their fold, which a phone shows closed unless a filter was refused."""
    url = reverse("recruiting:candidate-list") + query
    page = body(recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    assert headings_in_summaries(page) == []
    (fold,) = labelled_folds(page, "filters-fold")
    assert (fold.heading, fold.heading_tag, fold.heading_in_fold) == ("Filters", "h2", False)
    assert (fold.summary, fold.is_open) == ("Filters", is_open)
