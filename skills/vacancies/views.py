"""/skills/vacancy/: paste a vacancy, read what it asks for against your own levels, keep it in a private list.

Reading stores nothing; only "Save to my vacancies" does. A saved vacancy is its owner's alone: anyone
else gets the plain 404.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.accounts.redirects import safe_next
from portal.guards.rate_limits import VACANCY_READINGS
from portal.placed_messages import add_placed_message
from skills.models import SavedVacancy
from skills.models.saved_vacancies import SAVED_VACANCIES_PLACE
from skills.vacancies.fit import vacancy_rule
from skills.vacancies.forms import SaveVacancyForm, VacancyForm, refuses_a_too_long_vacancy
from skills.vacancies.reading import read_vacancy
from skills.vacancies.selectors import VacancyFit, saved_copy, vacancy_fit
from skills.vacancies.services import (
    VacancySavedAlready,
    count_unrecognised_terms,
    delete_saved_vacancy,
    save_vacancy,
)


def _fit(request: HttpRequest, form: VacancyForm | SaveVacancyForm, text: str) -> VacancyFit | None:
    """The text's fit for the signed-in engineer; None, with the reading's objection on ``form``, if it cannot be read."""
    try:
        reading = read_vacancy(text=text)
    except ValidationError as error:
        form.add_error("text", error)
        return None
    return vacancy_fit(user=request.user, reading=reading)


def _render(request: HttpRequest, **context) -> HttpResponse:
    context.setdefault("rule", vacancy_rule())
    form = context.get("form")
    status = 413 if form is not None and form.is_bound and refuses_a_too_long_vacancy(form) else 200
    return render(request, "skills/vacancy.html", context, status=status)


def limited_like_the_api(view):
    """A posted reading counts against the API's limit on vacancy readings per client address: past it, the paste
    form comes back with 429 and Retry-After, as the API answers."""

    @wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST" or VACANCY_READINGS.allow(request):
            return view(request, *args, **kwargs)
        seconds = VACANCY_READINGS.retry_after()
        text = request.POST.get("text", request.POST.get(SaveVacancyForm.prefix + "-text", ""))
        form = VacancyForm({"text": text})
        form.add_error(None, _("Too many requests; try again in %(seconds)d seconds.") % {"seconds": seconds})
        response = _render(request, form=form)
        response.status_code = 429
        response["Retry-After"] = str(seconds)
        return response

    return limited


@require_http_methods(["GET", "HEAD", "POST"])
@limited_like_the_api
def vacancy(request: HttpRequest) -> HttpResponse:
    """The paste form; posted, the reading of the text against the engineer's levels (the text is not stored, only
    the counts of the terms it did not recognise)."""
    form = VacancyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        fit = _fit(request, form, text)
        if fit is not None:
            count_unrecognised_terms(reading=fit.reading, reader=request.user)
            save_form = SaveVacancyForm(initial={"text": text, "title": fit.reading.title})
            copy = saved_copy(owner=request.user, text=text)
            return _render(request, form=form, fit=fit, save_form=save_form, saved_copy=copy)
    return _render(request, form=form)


@require_POST
@limited_like_the_api
def vacancy_save(request: HttpRequest) -> HttpResponse:
    """Keep the read vacancy; with a bad title or link the reading comes back with the errors and the input."""
    save_form = SaveVacancyForm(request.POST)
    if not save_form.is_valid() and "text" in save_form.errors:
        # The text came along unseen from the reading page: show its problem where it can be fixed.
        form = VacancyForm({"text": save_form.data.get(save_form.add_prefix("text"), "")})
        form.is_valid()
        return _render(request, form=form)
    text = save_form.cleaned_data["text"]
    form = VacancyForm({"text": text})
    if save_form.is_valid():
        try:
            vacancy = save_vacancy(
                owner=request.user,
                title=save_form.cleaned_data["title"],
                link=save_form.cleaned_data["link"],
                text=text,
            )
        except VacancySavedAlready as already:
            messages.info(request, already.message)
            return redirect(already.vacancy)
        except ValidationError as error:
            save_form.add_error(None, error)
        else:
            messages.success(request, _("“%(title)s” is saved to your vacancies.") % {"title": vacancy.title})
            return redirect(vacancy)
    fit = _fit(request, form, text)
    return _render(request, form=form, fit=fit, save_form=save_form if fit is not None else None)


@require_safe
def saved_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    """A saved vacancy read again: with today's phrases and the engineer's current levels."""
    vacancy = get_object_or_404(SavedVacancy.objects.owned_by(request.user), pk=pk)
    form = VacancyForm({"text": vacancy.text})
    return _render(request, form=form, fit=_fit(request, form, vacancy.text), saved=vacancy)


@require_http_methods(["GET", "HEAD", "POST"])
def saved_vacancy_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first, on a page of its own (no script needed), as the portal does before every deletion: "Keep it"
    goes back to where the engineer was (``next``, this site only), else to the vacancy's card in the list; POST
    deletes and lands under the saved vacancies' heading, which says so."""
    vacancy = get_object_or_404(SavedVacancy.objects.owned_by(request.user), pk=pk)
    if request.method != "POST":
        card = f"{reverse('skills:gaps')}#vacancy-{vacancy.pk}-title"
        keep_url = safe_next(request, request.GET.get("next", ""), card)
        return render(request, "skills/vacancy_delete.html", {"vacancy": vacancy, "keep_url": keep_url})
    delete_saved_vacancy(owner=request.user, vacancy=vacancy)
    text = _("“%(title)s” is deleted from your vacancies.") % {"title": vacancy.title}
    add_placed_message(request, messages.SUCCESS, text, place=SAVED_VACANCIES_PLACE)
    return redirect(f"{reverse('skills:gaps')}#{SAVED_VACANCIES_PLACE}")
