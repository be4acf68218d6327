"""A recruiter's vacancy searches: save, edit and rank them, and propose one to the editors as a role.

Every view passes the recruiter URL group's guard (``recruiting.urls``) and reads the search through
:func:`recruiting.selectors.searches.own_searches`, so another recruiter's search is a 404. The ranked candidates are the
candidate list itself, with the search's role chosen (``?role=<slug>``): the same filters, pages and export.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from recruiting.forms import ProposeSearchForm, SearchTitleForm, VacancyTextForm, requirement_formset
from recruiting.models import VacancySearch
from recruiting.selectors.searches import items_by_skill, own_searches, search_ranking
from recruiting.services.searches import (
    delete_search,
    propose_search,
    rank_search,
    requeue_stale_ranking,
    save_reading,
    update_search,
)
from skills.vacancies.fit import vacancy_rule
from skills.vacancies.forms import refuses_a_too_long_vacancy
from skills.vacancies.labels import named_languages
from skills.vacancies.reading import read_vacancy
from skills.vacancies.services import count_unrecognised_terms


def _own_search(request: HttpRequest, pk: int) -> VacancySearch:
    return get_object_or_404(own_searches(owner=request.user), pk=pk)


def ranked_candidates_url(search: VacancySearch) -> str:
    """The candidate list ranked by the search: the same page, filters, pages and export as for a role; the years
    the vacancy asks are its minimum years of experience there, and the place it asks its location (the recruiter
    may clear either). Profiles state no languages, so the languages asked are shown on the search, not filtered by."""
    query = {"role": search.role.slug}
    if search.years_experience:
        query["min_years"] = search.years_experience
    if search.place_asked:
        query["location"] = search.place_asked
    return f"{reverse('recruiting:candidate-list')}?{urlencode(query)}"


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@require_safe
def search_list(request: HttpRequest) -> HttpResponse:
    searches = own_searches(owner=request.user).prefetch_related("role__requirements")
    context = {"searches": searches, "new_search_url": reverse("recruiting:search-new")}
    return render(request, "recruiting/search_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def search_new(request: HttpRequest) -> HttpResponse:
    """Paste a vacancy and read it ("read"): the phrases found, the items with required or nice to have, the tools
    and the seniority; then save it ("save") as a search with the vacancy rule's requirements, ranked at once."""
    form = VacancyTextForm(request.POST if request.method == "POST" else None)
    context: dict = {"form": form, "reading": None, "rule": vacancy_rule()}
    if not form.is_bound:
        return render(request, "recruiting/search_new.html", context)
    if form.is_valid():
        try:
            reading = read_vacancy(text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            count_unrecognised_terms(reading=reading, reader=request.user)  # what the page promises editors see
            if request.POST.get("action") == "save":
                search = save_reading(owner=request.user, title=form.cleaned_data["title"], reading=reading)
                messages.success(request, _("Search saved. The candidates are being ranked against it."))
                return _see_other(search.get_absolute_url())
            context.update(reading=reading, skills=items_by_skill(reading=reading))
            return render(request, "recruiting/search_new.html", context)
    status = 413 if refuses_a_too_long_vacancy(form) else 400
    return render(request, "recruiting/search_new.html", context, status=status)


@require_safe
def search_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The search, its requirements and how far its ranking is; htmx polls the ranking part while a job runs."""
    search = _own_search(request, pk)
    if request.htmx:
        return render(request, "recruiting/partials/search_ranking.html", _ranking_context(search))
    return _render_detail(request, search)


def _ranking_context(search: VacancySearch) -> dict:
    requeue_stale_ranking(search=search)
    return {"search": search, "ranking": search_ranking(search=search), "ranked_url": ranked_candidates_url(search)}


def _render_detail(request: HttpRequest, search: VacancySearch, *, propose_form: ProposeSearchForm | None = None):
    """The search page; a proposal that failed validation is shown with its errors."""
    context = {
        **_ranking_context(search),
        "requirements": search.role.requirements.select_related("item__skill"),
        "propose_form": propose_form or ProposeSearchForm(initial={"note": search.proposal_note}),
        "languages_asked": named_languages(search.languages),
    }
    return render(request, "recruiting/search_detail.html", context, status=400 if propose_form else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def search_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the title and the requirements; saving ranks the candidates again in the background."""
    search = _own_search(request, pk)
    if search.is_published:
        messages.info(request, _("This search is now a role kept by the editors; it can no longer be changed here."))
        return redirect(search)
    data = request.POST if request.method == "POST" else None
    title_form = SearchTitleForm(data, initial={"title": search.title}, prefix="search")
    formset = requirement_formset(data, search=search)
    save_errors: list[str] = []
    if data is not None and title_form.is_valid() and formset.is_valid():
        try:
            search = update_search(
                owner=request.user,
                search=search,
                title=title_form.cleaned_data["title"],
                requirements=formset.requirements(),
            )
            rank_search(owner=request.user, search=search)
        except ValidationError as error:
            save_errors = error.messages
        else:
            messages.success(request, _("Search saved. The candidates are being ranked against it again."))
            return _see_other(search.get_absolute_url())
    context = {"search": search, "title_form": title_form, "formset": formset, "save_errors": save_errors}
    return render(request, "recruiting/search_edit.html", context, status=400 if data is not None else 200)


@require_POST
def search_rank(request: HttpRequest, pk: int) -> HttpResponse:
    """Rank again: queue a fresh recompute of the search's matches (an engineer's tick does not refresh them)."""
    search = _own_search(request, pk)
    try:
        rank_search(owner=request.user, search=search)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The candidates are being ranked again."))
    return _see_other(search.get_absolute_url())


@require_POST
def search_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose the search to the editors as a new role, with an optional note."""
    search = _own_search(request, pk)
    form = ProposeSearchForm(request.POST)
    if form.is_valid():
        try:
            propose_search(owner=request.user, search=search, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Proposed to the editors. They may publish it as a role for everyone."))
            return _see_other(search.get_absolute_url())
    return _render_detail(request, search, propose_form=form)


@require_http_methods(["GET", "HEAD", "POST"])
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the search with its requirements and stored matches."""
    search = _own_search(request, pk)
    if request.method == "POST":
        delete_search(owner=request.user, search=search)
        messages.success(request, _("Search “%(title)s” deleted.") % {"title": search.title})
        return _see_other(reverse("recruiting:search-list"))
    return render(request, "recruiting/search_confirm_delete.html", {"search": search})
