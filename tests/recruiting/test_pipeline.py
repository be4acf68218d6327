"""Shortlists as a pipeline: a stage per candidate, moved from the shortlist or the candidate page (htmx or a
plain form), each move audited with its date; the candidate's current score for the shortlist's role."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from recruiting.models import ShortlistEntry, Stage, StageChange
from recruiting.services.contacts import answer_contact_request, withdraw_acceptance
from tests.clients import DUTCH
from tests.factories import RecruiterFactory, RoleFactory, ShortlistEntryFactory, ShortlistFactory
from tests.recruiting.test_contacts import ask
from tests.recruiting.test_views import SESSION_QUERIES, body, make_candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def role():
    return RoleFactory(published=True, is_senior=True)


@pytest.fixture
def entry(recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter, role=role)
    return ShortlistEntryFactory(shortlist=shortlist, profile=make_candidate(role=role, score=73))


def stage_url(entry) -> str:
    return reverse("recruiting:shortlist-stage", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})


def test_a_new_entry_waits_to_be_contacted(entry):
    assert entry.stage == Stage.TO_CONTACT


def test_a_plain_form_moves_the_candidate_and_audits_the_move(recruiter_client, recruiter, entry):
    response = recruiter_client.post(stage_url(entry), {"stage": Stage.INTERVIEWING})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.stage == Stage.INTERVIEWING
    change = StageChange.objects.get(entry=entry)
    assert (change.from_stage, change.to_stage, change.changed_by) == (Stage.TO_CONTACT, Stage.INTERVIEWING, recruiter)
    assert change.changed_at == entry.stage_changed_at


def test_htmx_gets_the_stage_form_back_with_the_new_stage(recruiter_client, entry):
    response = recruiter_client.post(stage_url(entry), {"stage": Stage.CONTACTED}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = body(response)
    assert '<option value="contacted" selected>' in page
    assert "Moved to “Contacted”." in page


def test_the_candidate_pages_stage_form_still_names_its_shortlist_after_htmx_swaps_it(recruiter_client, entry):
    """With several shortlists, a bare "Stage" label would no longer say which one the select moves."""
    response = recruiter_client.post(
        stage_url(entry), {"stage": Stage.CONTACTED, "named": "1"}, headers={"HX-Request": "true"}
    )
    page = body(response)
    assert f"Stage on “{entry.shortlist.name}”" in page
    assert '<input type="hidden" name="named" value="1">' in page


def test_moving_to_the_same_stage_writes_no_audit_row(recruiter_client, entry):
    recruiter_client.post(stage_url(entry), {"stage": Stage.TO_CONTACT})
    assert not StageChange.objects.exists()


@pytest.mark.parametrize(
    ("headers", "said"), [({}, "Already in “To contact”."), (DUTCH, "Staat al op “Te benaderen”.")]
)
def test_moving_to_the_same_stage_says_it_is_already_there_not_that_it_moved(recruiter_client, entry, headers, said):
    response = recruiter_client.post(
        stage_url(entry), {"stage": Stage.TO_CONTACT}, headers={"HX-Request": "true"}, **headers
    )
    page = body(response)
    assert said in page
    assert "Moved to" not in page and "Verplaatst naar" not in page
    assert not StageChange.objects.exists()


def test_a_plain_form_to_the_same_stage_says_it_is_already_there(recruiter_client, entry):
    response = recruiter_client.post(stage_url(entry), {"stage": Stage.TO_CONTACT}, follow=True)
    assert "Already in “To contact”." in body(response)
    assert "Moved to" not in body(response)


@pytest.mark.parametrize("stage", ["hired!", "", "a" * 5000])
def test_an_unknown_stage_is_refused_with_a_400(recruiter_client, entry, stage):
    response = recruiter_client.post(stage_url(entry), {"stage": stage})
    assert response.status_code == 400
    assert "Choose one of the stages." in body(response)
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.TO_CONTACT


def test_a_nul_byte_in_the_stage_is_a_400(recruiter_client, entry):
    assert recruiter_client.post(stage_url(entry), {"stage": "hired\x00"}).status_code == 400
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.TO_CONTACT


def test_another_recruiter_cannot_move_the_entry(client, entry):
    client.force_login(RecruiterFactory())
    assert client.post(stage_url(entry), {"stage": Stage.HIRED}).status_code == 404
    assert client.post(stage_url(entry), {"stage": Stage.HIRED}, headers={"HX-Request": "true"}).status_code == 404
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.TO_CONTACT


def test_another_recruiter_cannot_set_the_shortlists_role(client, entry):
    client.force_login(RecruiterFactory())
    url = reverse("recruiting:shortlist-role", kwargs={"pk": entry.shortlist_id})
    assert client.post(url, {"role": ""}).status_code == 404
    entry.shortlist.refresh_from_db()
    assert entry.shortlist.role is not None


def test_the_shortlist_shows_stage_date_and_score_for_its_role(recruiter_client, entry, role):
    page = body(recruiter_client.get(reverse("recruiting:shortlist-detail", kwargs={"pk": entry.shortlist_id})))
    assert f"Match with {role.title}: <strong>73</strong> out of 100" in page
    assert '<option value="to_contact" selected>' in page
    assert "since " in page


def test_the_role_of_a_shortlist_can_be_chosen(recruiter_client, recruiter, role):
    shortlist = ShortlistFactory(recruiter=recruiter)
    url = reverse("recruiting:shortlist-role", kwargs={"pk": shortlist.pk})
    assert recruiter_client.post(url, {"role": role.pk}).status_code == 302
    shortlist.refresh_from_db()
    assert shortlist.role == role


def test_a_role_that_is_not_published_cannot_be_chosen(recruiter_client, recruiter):
    shortlist = ShortlistFactory(recruiter=recruiter)
    draft = RoleFactory(published=False)
    recruiter_client.post(reverse("recruiting:shortlist-role", kwargs={"pk": shortlist.pk}), {"role": draft.pk})
    shortlist.refresh_from_db()
    assert shortlist.role is None


def test_a_new_shortlist_can_be_made_for_a_role(recruiter_client, recruiter, role):
    response = recruiter_client.post(reverse("recruiting:shortlist-list"), {"name": "Lakehouse", "role": role.pk})
    assert response.status_code == 302
    assert recruiter.shortlists.get().role == role


def test_the_candidate_page_moves_the_stage_and_shows_the_dated_moves(recruiter_client, entry):
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": entry.profile_id})
    response = recruiter_client.post(stage_url(entry), {"stage": Stage.INTERVIEWING, "next": detail, "named": "1"})
    assert response["Location"] == f"{detail}#stage-{entry.pk}"
    page = body(recruiter_client.get(detail))
    assert f"Stage on “{entry.shortlist.name}”" in page
    assert "To contact → Interviewing" in page


SHORTLIST_QUERY_LIMIT = (
    10 + SESSION_QUERIES
)  # the shortlist, its role, the entries with their scores, the role form, the menu


@pytest.mark.parametrize("count", [1, 30])
def test_the_shortlist_runs_a_fixed_number_of_queries(
    recruiter_client, recruiter, role, django_assert_max_num_queries, count
):
    shortlist = ShortlistFactory(recruiter=recruiter, role=role)
    for index in range(count):
        entry = ShortlistEntryFactory(shortlist=shortlist, profile=make_candidate(role=role, score=index))
        ShortlistEntry.objects.filter(pk=entry.pk).update(stage=Stage.values[index % len(Stage.values)])
    with django_assert_max_num_queries(SHORTLIST_QUERY_LIMIT):
        response = recruiter_client.get(reverse("recruiting:shortlist-detail", kwargs={"pk": shortlist.pk}))
    assert response.status_code == 200
    assert body(response).count(f"Match with {role.title}: ") == count


# tests/recruiting/test_views.py's page, with the stages and their moves and the menu's count of unread notices.
DETAIL_QUERY_LIMIT = 25 + SESSION_QUERIES


@pytest.mark.parametrize("count", [1, 6])
def test_the_candidate_page_with_stages_runs_a_fixed_number_of_queries(
    recruiter_client, recruiter, role, django_assert_max_num_queries, count
):
    profile = make_candidate(role=role, score=50)
    for _ in range(count):
        entry = ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter, role=role), profile=profile)
        StageChange.objects.create(
            entry=entry, from_stage=Stage.TO_CONTACT, to_stage=Stage.CONTACTED, changed_by=recruiter
        )
    with django_assert_max_num_queries(DETAIL_QUERY_LIMIT):
        response = recruiter_client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert body(response).count("To contact → Contacted") == count


def test_the_stage_follows_the_contact_request_forward_and_never_back(recruiter, role, entry):
    """Sent: "contacted"; accepted: "accepted"; each move audited like one by hand. Later stages stay."""
    interviewing = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=entry.profile, stage=Stage.INTERVIEWING
    )
    elsewhere = ShortlistEntryFactory(shortlist=ShortlistFactory(), profile=entry.profile)  # another recruiter's
    contact = ask(recruiter, entry.profile)
    entry.refresh_from_db()
    assert entry.stage == Stage.CONTACTED
    answer_contact_request(engineer=entry.profile.user, contact_request=contact, accept=True)
    entry.refresh_from_db()
    assert entry.stage == Stage.ACCEPTED
    assert list(StageChange.objects.filter(entry=entry).order_by("pk").values_list("from_stage", "to_stage")) == [
        (Stage.TO_CONTACT, Stage.CONTACTED),
        (Stage.CONTACTED, Stage.ACCEPTED),
    ]
    for untouched, stage in ((interviewing, Stage.INTERVIEWING), (elsewhere, Stage.TO_CONTACT)):
        untouched.refresh_from_db()
        assert untouched.stage == stage and not StageChange.objects.filter(entry=untouched).exists()


def test_a_withdrawn_acceptance_takes_the_stage_back_to_contacted_and_leaves_later_stages(
    recruiter, recruiter_client, entry
):
    interviewing = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter), profile=entry.profile, stage=Stage.INTERVIEWING
    )
    contact = ask(recruiter, entry.profile)
    answer_contact_request(engineer=entry.profile.user, contact_request=contact, accept=True)
    withdraw_acceptance(engineer=entry.profile.user, contact_request=contact)
    entry.refresh_from_db()
    interviewing.refresh_from_db()
    assert (entry.stage, interviewing.stage) == (Stage.CONTACTED, Stage.INTERVIEWING)
    assert StageChange.objects.filter(entry=entry).order_by("pk").last().from_stage == Stage.ACCEPTED
    page = body(recruiter_client.get(reverse("recruiting:shortlist-detail", kwargs={"pk": entry.shortlist.pk})))
    assert '<option value="contacted" selected>' in page and '<option value="accepted" selected>' not in page


def test_a_declined_request_leaves_the_stage_to_the_recruiter(recruiter, entry):
    answer_contact_request(engineer=entry.profile.user, contact_request=ask(recruiter, entry.profile), accept=False)
    entry.refresh_from_db()
    assert entry.stage == Stage.CONTACTED


def added_after(recruiter_client, recruiter, role, answer) -> str:
    """The stage a candidate gets on a new shortlist once the recruiter's request reached ``answer``."""
    profile = make_candidate(role=role, score=60)
    contact = ask(recruiter, profile)
    if answer in ("accept", "withdraw"):
        answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    if answer == "withdraw":
        withdraw_acceptance(engineer=profile.user, contact_request=contact)
    if answer == "decline":
        answer_contact_request(engineer=profile.user, contact_request=contact, accept=False)
    add = {"profile": profile.pk, "new_name": f"Medior Utrecht {answer}"}
    assert recruiter_client.post(reverse("recruiting:shortlist-add"), add).status_code == 302
    entry = ShortlistEntry.objects.get(profile=profile, shortlist__name=add["new_name"])
    page = body(
        recruiter_client.get(reverse("recruiting:shortlist-detail", kwargs={"pk": entry.shortlist_id}), **DUTCH)
    )
    assert f'<option value="{entry.stage}" selected>' in page
    return entry.stage


@pytest.mark.parametrize(
    ("answer", "stage"),
    [
        ("pending", Stage.CONTACTED),
        ("accept", Stage.ACCEPTED),
        ("withdraw", Stage.CONTACTED),
        ("decline", Stage.CONTACTED),
    ],
)
def test_a_candidate_added_after_a_request_starts_at_the_stage_the_request_reached(
    recruiter_client, recruiter, role, answer, stage
):
    assert added_after(recruiter_client, recruiter, role, answer) == stage


def test_another_recruiters_request_does_not_move_a_new_entry(recruiter_client, recruiter, role):
    profile = make_candidate(role=role, score=60)
    answer_contact_request(engineer=profile.user, contact_request=ask(RecruiterFactory(), profile), accept=True)
    recruiter_client.post(reverse("recruiting:shortlist-add"), {"profile": profile.pk, "new_name": "Mine"})
    assert ShortlistEntry.objects.get(profile=profile).stage == Stage.TO_CONTACT


def test_the_shortlist_card_dates_are_time_elements_in_the_readers_time_zone(recruiter_client, entry):
    """Each date is one <time> (which the stylesheet keeps on one line), as the date filter wrote it before."""
    late = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 7 December in Amsterdam
    ShortlistEntry.objects.filter(pk=entry.pk).update(added_at=late, stage_changed_at=late)
    page = body(recruiter_client.get(entry.shortlist.get_absolute_url(), **DUTCH))
    assert 'toegevoegd <time datetime="2026-12-07T00:30:00+01:00">07-12-2026</time>' in page
    assert 'sinds <time datetime="2026-12-07T00:30:00+01:00">07-12-2026</time>' in page


def test_the_candidate_page_dates_are_time_elements_in_the_readers_time_zone(recruiter_client, entry):
    """ "Bijgewerkt 07-12-2026" and each dated move: the date one <time>, so it never wraps in the middle on a phone."""
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": entry.profile_id})
    recruiter_client.post(stage_url(entry), {"stage": Stage.INTERVIEWING, "next": detail})
    late = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 7 December in Amsterdam
    StageChange.objects.update(changed_at=late)
    type(entry.profile).objects.filter(pk=entry.profile_id).update(updated_at=late)
    page = body(recruiter_client.get(detail, **DUTCH))
    when = '<time datetime="2026-12-07T00:30:00+01:00">07-12-2026</time>'
    assert f"<li>Bijgewerkt {when}</li>" in page
    assert f"<li>{when}: Te benaderen → In gesprek</li>" in page
