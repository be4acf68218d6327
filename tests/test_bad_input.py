"""Property-based fuzzing of every form and GET filter: never a 5xx, and a rejected request changes nothing.

Besides odd text the values hold raw bytes that no field can store (NUL, lone
surrogates, over-long UTF-8): those requests must get 400, on SQLite and PostgreSQL.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.models import ApiToken
from catalog.demo import load_catalog_demo
from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport, ContactRequest, Shortlist, ShortlistEntry
from skills.demo import load_skills_demo
from skills.models import Assessment, ChecklistItem, EngineerProfile, SavedVacancy, ShareLink
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)
from tests.hostile import HOSTILE_BYTES, form_encode, is_hostile
from tests.recruiting.test_params import CANDIDATE_FILTERS

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e309",
            "NaN",
            "99999999999999999999999",
            "null",
            "[]",
            "{}",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "../../etc/passwd",
            "javascript:alert(1)",
            "https://example.com/proof",
            "2026-13-45",
            "2026-01-01",
            "true",
            "on",
            "🚀" * 50,
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
any_value = st.one_of(nasty_text, st.sampled_from(HOSTILE_BYTES))
values = st.one_of(any_value, st.lists(any_value, min_size=2, max_size=3))


def query(field_names):
    """A dict of parameters: known field names (some missing) plus a stray unknown key."""
    return st.dictionaries(st.sampled_from([*field_names, "unexpected"]), values, max_size=len(field_names) + 1)


def snapshot():
    """Everything a rejected request must leave alone."""
    return (
        list(Assessment.objects.order_by("pk").values_list("user_id", "item_id", "level", "evidence_url", "note")),
        list(
            EngineerProfile.objects.order_by("pk").values_list(
                "headline",
                "years_experience",
                "location",
                "target_role_id",
                "open_to_work",
                "visibility",
                "display_name",
                "identity",
                "pseudonym",
            )
        ),
        list(Shortlist.objects.order_by("pk").values_list("recruiter_id", "name")),
        list(ShortlistEntry.objects.order_by("pk").values_list("shortlist_id", "profile_id", "note")),
        list(ContactRequest.objects.order_by("pk").values_list("recruiter_id", "profile_id", "message", "status")),
        ApiToken.objects.count(),
        ShareLink.objects.count(),
        list(SavedVacancy.objects.order_by("pk").values_list("owner_id", "title", "link", "text")),
        get_user_model().objects.count(),
        CandidateExport.objects.count(),
    )


@pytest.fixture(scope="module")
def world(module_db):
    """Demo content and one engineer, recruiter, shortlist and contact request, made once per module."""
    with module_db.unblock():
        return _world()


def _world():
    load_catalog_demo()
    load_skills_demo()
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility=EngineerProfile.Visibility.RECRUITERS)
    recruiter = RecruiterFactory()
    shortlist = ShortlistFactory(recruiter=recruiter)
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    contact = ContactRequest.objects.create(
        recruiter=RecruiterFactory(), profile=profile, recruiter_name="R", recruiter_company="C", message="Hi"
    )
    return {
        "engineer": engineer,
        "recruiter": recruiter,
        "profile": profile,
        "shortlist": shortlist,
        "contact": contact,
    }


GET_TARGETS = [
    ("anonymous", "catalog:tool-list", None, ["q", "category", "type", "keyword"]),
    ("anonymous", "catalog:compare", None, ["tools"]),
    ("anonymous", "catalog:chooser", None, ["option"]),
    ("anonymous", "api:list_tools", None, ["q", "category", "type", "keyword", "limit", "offset"]),
    ("engineer", "skills:progress", None, ["page"]),
    ("engineer", "skills:checklist", None, ["show"]),
    ("engineer", "skills:gaps", None, ["role"]),
    ("recruiter", "recruiting:candidate-list", None, CANDIDATE_FILTERS),
    ("recruiter", "recruiting:candidate-export", None, CANDIDATE_FILTERS),
    ("recruiter", "recruiting:candidate-detail", "profile", ["role"]),
    ("recruiter", "recruiting:contact-request", "profile", ["name", "company", "message"]),
    ("recruiter", "api:list_candidates", None, [*CANDIDATE_FILTERS, "limit", "offset"]),
]


def response_body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(("who", "name", "kwarg", "fields"), GET_TARGETS, ids=[t[1] for t in GET_TARGETS])
def test_get_filters_never_fail(client, world, who, name, kwarg, fields):
    if who != "anonymous":
        client.force_login(world[who])
    url = reverse(name, kwargs={"pk" if kwarg == "profile" else "": world[kwarg].pk} if kwarg else None)

    @FUZZ
    @given(params=query(fields))
    def check(params):
        before = snapshot()
        response = client.get(f"{url}?{form_encode(params)}")
        response_body(response)  # a streamed export must not fail half-way either
        assert response.status_code < 500, (params, response.status_code)
        if is_hostile(params):
            assert response.status_code == 400, (params, response.status_code)
        assert snapshot() == before

    check()


def test_export_posts_with_any_filters_never_fail(client, world):
    """The export form posts the list's query string: any of it queues a job that ends done or failed, never 500."""
    client.force_login(world["recruiter"])
    url = reverse("recruiting:candidate-export")

    @FUZZ
    @given(params=query(CANDIDATE_FILTERS))
    def check(params):
        response = client.post(f"{url}?{form_encode(params)}")
        assert response.status_code < 500, (params, response.status_code)
        if is_hostile(params):
            assert response.status_code == 400, (params, response.status_code)
            return
        assert response.status_code in (302, 303), (params, response.status_code)
        if response.status_code == 303:
            export = CandidateExport.objects.latest("created_at")
            assert export.status in (JobStatus.DONE, JobStatus.FAILED), (params, export.status)

    check()


def assessment_fields(item_id):
    return [f"item-{item_id}-level", f"item-{item_id}-evidence_url", f"item-{item_id}-note"]


def post_targets(world):
    item = ChecklistItem.objects.order_by("pk").first()
    other = ChecklistItem.objects.order_by("pk").last()
    shortlist, profile = world["shortlist"], world["profile"]
    return [
        ("engineer", reverse("skills:assess", kwargs={"item_id": item.pk}), assessment_fields(item.pk)),
        ("engineer", reverse("skills:assess-all"), assessment_fields(item.pk) + assessment_fields(other.pk)),
        (
            "engineer",
            reverse("skills:profile"),
            [
                "display_name",
                "headline",
                "years_experience",
                "location",
                "target_role",
                "open_to_work",
                "visibility",
                "identity",
            ],
        ),
        ("engineer", reverse("skills:profile-delete"), ["email", "password"]),
        ("engineer", reverse("tokens:list"), ["name"]),
        ("engineer", reverse("skills:share-link-create"), ["days", "role"]),
        ("engineer", reverse("skills:vacancy"), ["text"]),
        ("engineer", reverse("skills:vacancy-save"), ["save-text", "save-title", "save-link"]),
        ("recruiter", reverse("recruiting:shortlist-list"), ["name"]),
        ("recruiter", reverse("recruiting:shortlist-add"), ["profile", "shortlist", "new_name"]),
        (
            "recruiter",
            reverse("recruiting:shortlist-note", kwargs={"pk": shortlist.pk, "profile_pk": profile.pk}),
            ["note"],
        ),
        (
            "recruiter",
            reverse("recruiting:contact-request", kwargs={"pk": profile.pk}),
            ["name", "company", "message"],
        ),
        ("engineer", reverse("recruiting:contact-answer", kwargs={"pk": world["contact"].pk}), ["answer"]),
        ("engineer", reverse("recruiting:contact-withdraw", kwargs={"pk": world["contact"].pk}), []),
        ("anonymous", reverse("account_signup"), ["email", "password1", "password2"]),
        ("anonymous", reverse("account_login"), ["login", "password"]),
        ("anonymous", reverse("account_resend_confirmation"), ["email"]),
        ("anonymous", reverse("set_language"), ["language", "next"]),
    ]


POST_TARGET_COUNT = 18
SHOWN_ONCE = ("tokens:list", "skills:share-link-create")  # a new secret is shown on the page, with 200
SHOWN_ON_THE_PAGE = ("skills:vacancy",)  # a reading is the answer itself, with 200; it stores nothing


@pytest.mark.parametrize("index", range(POST_TARGET_COUNT))
def test_form_posts_never_fail_and_rejections_change_nothing(client, world, index):
    who, url, fields = post_targets(world)[index]
    if who != "anonymous":
        client.force_login(world[who])

    @FUZZ
    @given(data=query(fields))
    def check(data):
        before = snapshot()
        response = client.post(url, form_encode(data), content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (url, data, response.status_code)
        if is_hostile(data):
            assert response.status_code == 400, (url, data, response.status_code)
        # Accepted posts redirect; the token page shows the new token once (200, 400 on errors), a vacancy its reading.
        accepted = response.status_code == (
            200 if url in {reverse(name) for name in SHOWN_ONCE + SHOWN_ON_THE_PAGE} else 302
        )
        if not accepted:
            assert snapshot() == before, (url, data)

    check()


def test_post_target_count_matches_the_list(world):
    assert len(post_targets(world)) == POST_TARGET_COUNT


def test_posts_without_csrf_token_are_refused(world):
    from tests.clients import PortalClient as Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["engineer"])
    item = ChecklistItem.objects.order_by("pk").first()
    before = snapshot()
    for url, data in [
        (reverse("skills:assess", kwargs={"item_id": item.pk}), {f"item-{item.pk}-level": "3"}),
        (reverse("skills:profile"), {"headline": "x", "years_experience": "1", "visibility": "recruiters"}),
        (reverse("tokens:list"), {"name": "script"}),
        (reverse("account_logout"), {}),
    ]:
        assert client.post(url, data).status_code == 403, url
    assert snapshot() == before


SECURITY_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("anonymous", "/"),
        ("anonymous", "/catalog/"),
        ("anonymous", "/catalog/pandas/"),
        ("anonymous", "/catalog/faq/"),
        ("anonymous", "/skills/roles/"),
        ("anonymous", "/accounts/login/"),
        ("anonymous", "/no-such-page/"),
        ("engineer", "/skills/"),
        ("engineer", "/skills/gaps/"),
        ("engineer", "/skills/profile/"),
        ("recruiter", "/recruiting/candidates/"),
        ("recruiter", "/recruiting/shortlists/"),
        ("anonymous", "/api/tools"),
    ],
)
def test_security_headers_on_every_page(client, world, who, path):
    if who != "anonymous":
        client.force_login(world[who])
    response = client.get(path)
    for header in SECURITY_HEADERS:
        assert header in response.headers, (path, header)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
