"""Proposals of vacancy searches, as the recruiter and the editors meet them: proposing twice or changing the note
alone keeps one proposal, a change of what the search asks replaces it; the admin's list opens on what waits, the
index counts it, a proposal's page leads to its publish form, and the recruiter alone is told of the publication."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.models import Notice, PersonLanguage
from portal.notices.kinds import NoticeKind
from recruiting.models import SearchProposal, VacancySearch
from recruiting.services.publishing import publish_proposal
from recruiting.services.searches import propose_search
from tests.clients import DUTCH, signed_in
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    SkillFactory,
    StaffUserFactory,
)
from tests.recruiting.test_vacancy_searches import ROLE_TEXTS, edit_data, make_search, publish_page, row
from tests.recruiting.test_views import SESSION_QUERIES

pytestmark = pytest.mark.django_db

PROPOSALS = reverse("admin:recruiting_searchproposal_changelist")
RECRUITER_EMAIL = "rita.private@datawerk.example"
RECRUITER_NAME = "Rita Recruiter"


@pytest.fixture
def items():
    skill = SkillFactory(name="Orchestration")
    return [ChecklistItemFactory(skill=skill, name=name) for name in ("Retries", "Backfills", "Idempotency")]


@pytest.fixture
def recruiter():
    """A recruiter whose name and address no editor may read."""
    return RecruiterFactory(
        email=RECRUITER_EMAIL, recruiter_profile__name=RECRUITER_NAME, recruiter_profile__company="DataWerk BV"
    )


def propose(client, search, note="") -> int:
    return client.post(reverse("recruiting:search-propose", kwargs={"pk": search.pk}), {"note": note}).status_code


def change_page(proposal) -> str:
    return reverse("admin:recruiting_searchproposal_change", args=[proposal.pk])


def listed(client, **params) -> list[str]:
    """The titles on the admin's list of proposals, as filtered by ``params``."""
    return [proposal.title for proposal in client.get(PROPOSALS, params).context["cl"].result_list]


def reader():
    """Staff who may read roles, and so proposals, but not add or change roles: no publishing."""
    user = StaffUserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="skills", codename="view_role"))
    return user


# Proposing -----------------------------------------------------------------------------------------------------


def test_a_double_submit_makes_one_current_proposal_and_one_row(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    assert propose(recruiter_client, search, "Often asked.") == 303
    assert propose(recruiter_client, search, "Often asked.") == 303
    proposal = SearchProposal.objects.get()
    assert (proposal.title, proposal.note, proposal.is_replaced) == (search.title, "Often asked.", False)


def test_a_changed_note_alone_updates_the_current_proposals_note(recruiter_client, recruiter, items):
    search = make_search(recruiter, items)
    propose(recruiter_client, search, "Often asked.")
    proposed_at = SearchProposal.objects.get().proposed_at
    assert propose(recruiter_client, search, "Three clients asked this month.") == 303
    proposal = SearchProposal.objects.get()
    assert (proposal.note, proposal.proposed_at, proposal.is_replaced) == (
        "Three clients asked this month.",
        proposed_at,
        False,
    )
    search.refresh_from_db()
    assert search.proposal_note == "Three clients asked this month."


def test_saving_the_search_unchanged_after_proposing_makes_no_new_proposal(recruiter_client, recruiter, items):
    search = make_search(recruiter, items[:2], must=(True, False), level=3)
    propose(recruiter_client, search)
    rows = [row(items[0], 3, must=True), row(items[1], 3)]
    edited = recruiter_client.post(reverse("recruiting:search-edit", kwargs={"pk": search.pk}), edit_data(search, rows))
    assert edited.status_code == 303
    assert SearchProposal.objects.count() == 1


@pytest.mark.parametrize("change", ["level", "title"])
def test_a_change_of_what_the_search_asks_makes_a_new_proposal_replacing_the_old(
    recruiter_client, recruiter, items, change
):
    search = make_search(recruiter, items[:2], must=(True, False), level=3)
    propose(recruiter_client, search, "Often asked.")
    rows = [row(items[0], 4 if change == "level" else 3, must=True), row(items[1], 3)]
    title = "Renamed search" if change == "title" else None
    recruiter_client.post(
        reverse("recruiting:search-edit", kwargs={"pk": search.pk}), edit_data(search, rows, title=title)
    )
    old, new = SearchProposal.objects.order_by("pk")
    assert old.is_replaced and not new.is_replaced
    assert (new.replaces, new.note) == (old, "Often asked.")
    assert SearchProposal.objects.current().get() == new


# The editors' list, its default and the count on the index --------------------------------------------------


@pytest.fixture
def three_states(recruiter, items):
    """A proposal replaced by a newer one that waits, and another search's proposal already published."""
    changed = make_search(recruiter, items[:1], title="First title", must=(True,))
    propose_search(owner=recruiter, search=changed)
    changed.title = "Second title"
    changed.save()
    changed.role.requirements.update(min_level=4)
    propose_search(owner=recruiter, search=changed)
    published = make_search(recruiter, items, title="Published search")
    propose_search(owner=recruiter, search=published)
    publish_proposal(proposal=published.proposals.get(), editor=EditorFactory(), **ROLE_TEXTS)
    return changed, published


def test_the_admin_list_opens_on_the_proposals_waiting_for_an_editor(editor_client, three_states):
    assert listed(editor_client) == ["Second title"]
    page = editor_client.get(PROPOSALS).content.decode()
    assert re.search(r'<li class="selected">\s*<a href="\?state=waiting">Waiting for an editor</a>', page)
    assert re.search(r'<li>\s*<a href="\?state=all">All</a>', page), "every copy stays one click away"
    counted = editor_client.get(PROPOSALS, {"_facets": "True"}).content.decode()
    assert "Waiting for an editor (1)" in counted and "Changed by the recruiter since (1)" in counted


def test_all_and_the_other_states_show_the_replaced_and_published_proposals(editor_client, three_states):
    assert sorted(listed(editor_client, state="all")) == ["First title", "Published search", "Second title"]
    assert listed(editor_client, state="changed") == ["First title"]
    assert listed(editor_client, state="published") == ["Published search"]
    assert listed(editor_client, state="waiting") == ["Second title"]


def waiting_box(page: str) -> str:
    found = re.search(r'<div class="module waiting-module">(.*?)</div>', page, re.S)
    return found.group(1) if found else ""


def test_the_admin_index_and_the_recruiting_page_count_the_proposals_that_wait(editor_client, recruiter, items):
    for title in ("One", "Two"):
        propose_search(owner=recruiter, search=make_search(recruiter, items, title=title))
    index = editor_client.get(reverse("admin:index")).content.decode()
    box = waiting_box(index)
    assert "2 proposed vacancy searches wait for an editor." in box
    assert f'href="{PROPOSALS}"' in box
    assert RECRUITER_EMAIL not in index and RECRUITER_NAME not in index, "a count, never who proposed"
    recruiting = editor_client.get(reverse("admin:app_list", kwargs={"app_label": "recruiting"})).content.decode()
    assert "2 proposed vacancy searches wait for an editor." in waiting_box(recruiting)
    catalog = editor_client.get(reverse("admin:app_list", kwargs={"app_label": "catalog"})).content.decode()
    assert not waiting_box(catalog), "each app's page counts its own"

    publish_proposal(proposal=SearchProposal.objects.get(title="One"), editor=EditorFactory(), **ROLE_TEXTS)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "1 proposed vacancy search waits for an editor." in waiting_box(index)
    with translation.override("en"):
        dutch = editor_client.get(reverse("admin:index"), **DUTCH).content.decode()
    assert "1 voorgestelde vacaturezoekopdracht wacht op een redacteur." in waiting_box(dutch)


def test_the_index_says_nothing_waits_by_saying_nothing(editor_client):
    assert not waiting_box(editor_client.get(reverse("admin:index")).content.decode())


def test_only_who_may_publish_is_told_that_proposals_wait(client, recruiter, items):
    propose_search(owner=recruiter, search=make_search(recruiter, items))
    client.force_login(reader())
    assert not waiting_box(client.get(reverse("admin:index")).content.decode())


@pytest.mark.parametrize("count", [1, 12])
def test_the_list_and_the_index_of_proposals_take_few_queries_however_many_wait(
    editor_client, recruiter, items, django_assert_max_num_queries, count
):
    for number in range(count):
        search = make_search(recruiter, items, title=f"Search {number}")
        propose_search(owner=recruiter, search=search, note="First")
        search.role.requirements.update(min_level=4)
        propose_search(owner=recruiter, search=search, note="Changed")
    for params in ({}, {"state": "all"}):
        with django_assert_max_num_queries(7 + SESSION_QUERIES):
            assert editor_client.get(PROPOSALS, params).status_code == 200
    with django_assert_max_num_queries(3 + SESSION_QUERIES):  # the editor, their rights, the count
        assert editor_client.get(reverse("admin:index")).status_code == 200


# Publishing from a proposal's page -----------------------------------------------------------------------------


def test_a_waiting_proposals_page_links_to_its_publish_form_which_publishes_it(editor_client, recruiter, items):
    search = make_search(recruiter, items, title="Lakehouse platform engineer")
    propose_search(owner=recruiter, search=search)
    proposal = SearchProposal.objects.get()
    page = editor_client.get(change_page(proposal)).content.decode()
    assert f'<a href="{publish_page(proposal)}" class="publishlink">Publish as a role</a>' in page

    form = editor_client.get(publish_page(proposal))
    assert form.status_code == 200 and 'value="Lakehouse platform engineer"' in form.content.decode()
    published = editor_client.post(publish_page(proposal), ROLE_TEXTS)
    assert published.status_code == 302 and published["Location"] == PROPOSALS
    search.role.refresh_from_db()
    assert (search.role.published, search.role.title_nl) == (True, ROLE_TEXTS["title_nl"])
    after = editor_client.get(PROPOSALS).content.decode()
    assert "Published as the role “Lakehouse platform engineer”" in after
    assert 'class="publishlink"' not in editor_client.get(change_page(proposal)).content.decode(), "published"


def test_the_publish_form_offers_the_title_in_the_language_of_its_vacancy(editor_client, recruiter, items):
    dutch = make_search(recruiter, items, title="Medior Data Engineer – Rotterdam")
    VacancySearch.objects.filter(pk=dutch.pk).update(
        text="Medior Data Engineer\n\nWat je meebrengt\n- Ervaring met Python en SQL\n- Je werkt graag in een team"
    )
    english = make_search(recruiter, items, title="Lakehouse platform engineer")
    for search in (dutch, english):
        propose_search(owner=recruiter, search=search)
    titles = {}
    for proposal in SearchProposal.objects.all():
        form = editor_client.get(publish_page(proposal)).context["form"]
        titles[proposal.title] = {name: form[name].value() for name in ("title_en", "title_nl")}
    assert titles == {
        "Medior Data Engineer – Rotterdam": {"title_en": None, "title_nl": "Medior Data Engineer – Rotterdam"},
        "Lakehouse platform engineer": {"title_en": "Lakehouse platform engineer", "title_nl": None},
    }


def test_a_replaced_proposal_has_no_publish_link_and_its_publish_form_says_why(editor_client, three_states):
    replaced = SearchProposal.objects.get(title="First title")
    assert 'class="publishlink"' not in editor_client.get(change_page(replaced)).content.decode()
    refused = editor_client.get(publish_page(replaced), follow=True)
    assert refused.redirect_chain == [(change_page(replaced), 302)]
    assert "The recruiter changed “First title” after this proposal" in refused.content.decode()
    assert not SearchProposal.objects.filter(published_at__isnull=False, title="First title").exists()


def test_an_editor_without_the_right_to_publish_reads_a_proposal_without_the_link(client, recruiter, items):
    propose_search(owner=recruiter, search=make_search(recruiter, items))
    proposal = SearchProposal.objects.get()
    client.force_login(reader())
    page = client.get(change_page(proposal))
    assert page.status_code == 200 and 'class="publishlink"' not in page.content.decode()
    assert client.get(publish_page(proposal)).status_code == 403
    assert client.post(publish_page(proposal), ROLE_TEXTS).status_code == 403
    assert "publish_as_role" not in client.get(PROPOSALS).content.decode(), "nor the list's action"
    assert not SearchProposal.objects.filter(published_at__isnull=False).exists()


# The recruiter is told -----------------------------------------------------------------------------------------


def notice_texts(client, **headers) -> str:
    with translation.override("en"):
        return client.get(reverse("notices"), **headers).content.decode()


def test_the_recruiter_alone_is_told_their_proposal_is_published_in_their_language(editor_client, recruiter, items):
    search = make_search(recruiter, items, title="Lakehouse platform engineer")
    propose_search(owner=recruiter, search=search)
    other_recruiter, engineer = RecruiterFactory(), EngineerProfileFactory().user
    PersonLanguage.objects.create(user=recruiter, language="nl")

    published = editor_client.post(publish_page(SearchProposal.objects.get()), ROLE_TEXTS, follow=True)
    said = published.content.decode()
    assert RECRUITER_EMAIL not in said and RECRUITER_NAME not in said, "the editor learns nothing of who proposed"

    notice = Notice.objects.get()
    assert (notice.recipient, notice.kind, notice.about) == (recruiter, NoticeKind.SEARCH_PUBLISHED, None)
    assert notice.url == f"http://testserver{search.get_absolute_url()}"
    reading = signed_in(recruiter)
    english = notice_texts(reading)
    assert "The editors published your search “Lakehouse platform engineer” as a role" in english
    assert f'href="{notice.url}"' in english
    dutch = notice_texts(reading, **DUTCH)
    assert "De redacteuren hebben je zoekopdracht “Lakehouse platform engineer” als rol gepubliceerd" in dutch
    for user in (other_recruiter, engineer):
        assert "Lakehouse platform engineer" not in notice_texts(signed_in(user))

    [email] = [message for message in mail.outbox if message.to == [RECRUITER_EMAIL]]
    assert "Lakehouse platform engineer" in email.subject and "is nu een rol" in email.subject, "in her language"
    assert search.get_absolute_url() in email.body
    assert {message.to[0] for message in mail.outbox} == {RECRUITER_EMAIL}
