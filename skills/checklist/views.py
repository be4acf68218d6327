"""The engineer's checklist: the page, saving its rows (one with htmx, or every row the one form carries without
JavaScript), an item's marks and a learning resource done; a plain post lands back where it came from, with what was
saved said there.

The page keeps its rendered content in the fragment cache (``{% fragment %}``) until the engineer's data or the
checklist changes; the selectors are passed lazily, so a cache hit runs none of their queries.
"""

from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import reswap, retarget

from portal.accounts.redirects import safe_next
from portal.placed_messages import add_placed_message, claim, claimed_messages
from skills.checklist.places import path_place, row_place
from skills.forms import (
    AssessmentForm,
    ChecklistFilterForm,
    ItemStateForm,
    ResourceDoneForm,
    level_legend,
    submitted_assessment_forms,
)
from skills.models import ChecklistItem, ItemState, Resource
from skills.selectors import checklist as checklist_page
from skills.selectors.checklist import SavedAssessments
from skills.selectors.states import state_of_item
from skills.services.assessments import save_assessments
from skills.services.states import set_item_state, set_resource_done


def _attach_forms(page: checklist_page.Checklist, bound: dict[int, AssessmentForm] | None = None) -> None:
    """Give each row its form: the submitted one where there is one (errors and input kept), else the stored values."""
    bound = bound or {}
    for row in page.rows:
        row.form = bound.get(row.item.pk) or AssessmentForm(
            item=row.item,
            # An item never rated has no level chosen yet, not 0.
            initial={"level": row.level if row.is_rated else None, "evidence_url": row.evidence_url, "note": row.note},
        )


def _tickable_items():
    """The items a post may save: published, with their skill for the answer's words."""
    return ChecklistItem.objects.published().select_related("skill")


def _render_checklist(
    request: HttpRequest, bound: dict[int, AssessmentForm] | None = None, show: str = "all", correction: str = ""
) -> HttpResponse:
    """The checklist page; only the clean rendering is cached, never one holding submitted input and errors, nor
    the outcome of a plain save shown beside its row. ``correction`` says at the top what was refused, linked to
    the first row to correct."""
    feedback = claim(request, is_shown=row_place.holds)

    def build() -> checklist_page.Checklist:
        page = checklist_page.checklist(user=request.user, show=show)
        _attach_forms(page, bound)
        for row in page.rows:
            row.feedback = feedback.get(row_place(row.item.pk), [])
        return page

    context = {
        "page": SimpleLazyObject(build),
        "submitted": bound is not None,
        "correction": correction,
        "shown_in_place": claimed_messages(feedback),
        "levels": level_legend(),
        "show": show,
        "show_choices": ChecklistFilterForm.base_fields["show"].choices,
    }
    return render(request, "skills/checklist.html", context)


def _htmx_tick_response(
    request: HttpRequest, item: ChecklistItem, form: AssessmentForm, saved: SavedAssessments | None
) -> HttpResponse:
    """Not saved: the row with the submitted input and its errors. Saved from the row's Save button: the row drawn
    again from what was saved, so an error an earlier refusal showed goes. Saved level alone: the item's badges and
    status, so the row's inputs keep what the engineer typed meanwhile. Saved either way: its skill's progress and
    the summary, out of band.

    Built from what the save returned: one form, no other row, no match computed again.
    """
    tick = checklist_page.checklist_tick(user=request.user, item=item, saved=saved)
    tick.row.form = form
    whole_row = saved is None or form.sends_whole_row()
    if whole_row:  # its marks are drawn again with it
        tick.row.state = state_of_item(user=request.user, item_id=item.pk)
    context = {
        "row": tick.row,
        "block": tick.block,
        "summary": tick.summary,
        "saved": saved is not None,
        "whole_row": whole_row,
    }
    response = render(request, "skills/partials/assess_response.html", context)
    if whole_row:
        reswap(response, "outerHTML")
        retarget(response, f"#item-row-{item.pk}")
    return response


@require_safe
def checklist(request: HttpRequest) -> HttpResponse:
    return _render_checklist(request, show=ChecklistFilterForm(request.GET).cleaned_show())


@require_POST
def assess(request: HttpRequest, item_id: int) -> HttpResponse:
    """Save one item (the level alone when it changes, or with its evidence and note); htmx gets the fragments that
    changed. Pressed in the checklist's one form without JavaScript, the post carries every row, and what was chosen
    or typed in the others is saved with it, all or nothing (unlike "Save all", which keeps the valid rows): nothing
    entered on the page is lost. The bench's tick is this request."""
    item = get_object_or_404(_tickable_items(), pk=item_id)
    if not request.htmx:
        rows = _save_rows(request, item, own_row_required=True)
        if isinstance(rows, HttpResponse):
            return rows
        text = _("Saved “%(item)s”.") % {"item": item.name}
        return _saved_beside_the_row(request, item, _with_others_saved(text, rows.others_changed(item)))
    form = AssessmentForm(request.POST, item=item)
    saved = None
    if form.is_valid():
        try:
            saved = save_assessments(user=request.user, entries=[form.to_input()])
        except ValidationError as error:
            form.add_error(None, error)
    return _htmx_tick_response(request, item, form, saved)


class SavedRows(NamedTuple):
    forms: list[AssessmentForm]  # the rows a plain post carried
    saved: SavedAssessments | None = None  # None when it carried none (a learning path's mark)

    def others_changed(self, item: ChecklistItem) -> int:
        return len(self.saved.changed_items - {item.pk}) if self.saved else 0


def _save_rows(
    request: HttpRequest, item: ChecklistItem, *, own_row_required: bool = False
) -> SavedRows | HttpResponse:
    """Save every row a plain post of the checklist's one form carries, all or nothing: what was saved, or the page
    again with every row's input and the refused ones marked, ``item``'s first. ``own_row_required`` (its Save was
    pressed): ``item``'s row is among them even with nothing chosen, so it is refused for want of a level."""
    rows = submitted_assessment_forms(request.POST, _tickable_items())
    if own_row_required and all(row.item.pk != item.pk for row in rows):
        rows.append(AssessmentForm(request.POST, item=item))
    if not rows:
        return SavedRows(rows)
    if all(row.is_valid() for row in rows):
        try:
            return SavedRows(rows, save_assessments(user=request.user, entries=[row.to_input() for row in rows]))
        except ValidationError as error:
            next((row for row in rows if row.item.pk == item.pk), rows[0]).add_error(None, error)
    invalid = [row for row in rows if not row.is_valid()]
    first = next((row for row in invalid if row.item.pk == item.pk), invalid[0])
    correction = _not_saved_text(item) if first.item.pk == item.pk else _held_back_text(item, first.item)
    return _render_checklist(request, {row.item.pk: row for row in rows}, correction=correction)


def _not_saved_text(item: ChecklistItem) -> str:
    return _("“%(item)s” was not saved: check the marked field.") % {"item": item.name}


def _held_back_text(pressed: ChecklistItem, refused: ChecklistItem) -> str:
    """The pressed row was fine, another row was not: all or nothing, so the pressed one is not saved either."""
    return _("Nothing was saved, not “%(item)s” either: first correct “%(refused)s”, marked below.") % {
        "item": pressed.name,
        "refused": refused.name,
    }


def _saved_beside_the_row(request: HttpRequest, item: ChecklistItem, text: str) -> HttpResponse:
    """After a plain form post: back on the item's row, with what was saved said there."""
    add_placed_message(request, messages.SUCCESS, text, place=row_place(item.pk))
    return redirect(f"{reverse('skills:checklist')}#{row_place(item.pk)}")


@require_POST
def assess_all(request: HttpRequest) -> HttpResponse:
    """Save every valid submitted item at once; an invalid one is kept with its input and errors, and the answer says
    what was saved, as levels htmx saved the moment they changed are stored whatever else the form holds."""
    forms = submitted_assessment_forms(request.POST, _tickable_items())
    if not forms:
        messages.error(request, _("There was nothing to save."))
        return redirect("skills:checklist")
    invalid = {form.item.pk: form for form in forms if not form.is_valid()}
    if invalid:
        valid = [form for form in forms if form.item.pk not in invalid]
        saved = save_assessments(user=request.user, entries=[form.to_input() for form in valid]) if valid else None
        return _render_checklist(request, invalid, correction=_partly_saved_text(forms, saved, len(invalid)))
    saved = save_assessments(user=request.user, entries=[form.to_input() for form in forms])
    if saved.changed:
        messages.success(request, _("Your checklist is saved."))
    else:
        messages.info(request, _("Nothing had changed: your checklist was already saved."))
    return redirect("skills:checklist")


def _partly_saved_text(forms: list[AssessmentForm], saved: SavedAssessments | None, refused: int) -> str:
    """What "Save all" did when some rows were refused: the items it changed, or that the others were stored already."""
    not_done = ngettext(
        "%(count)d item was not saved: correct it, marked below.",
        "%(count)d items were not saved: correct them, marked below.",
        refused,
    ) % {"count": refused}
    if saved is None:
        return not_done
    names = [form.item.name for form in forms if form.item.pk in saved.changed_items]
    if names:
        done = _("Saved: %(items)s.") % {"items": ", ".join(f"“{name}”" for name in names)}
    else:
        done = _("Everything else was already saved.")
    return f"{done} {not_done}"


def _back_on_the_path(request: HttpRequest, item: ChecklistItem, text: str, *, fallback: str) -> HttpResponse:
    """After a plain form post from a learning path: back on the item, on the page it came from (``next``, this
    site only), with what was saved said there; else to ``fallback``."""
    add_placed_message(request, messages.SUCCESS, text, place=path_place(item.pk))
    page = safe_next(request, request.POST.get("next", ""))
    return redirect(f"{page}#{path_place(item.pk)}" if page else fallback)


@require_POST
def item_state(request: HttpRequest, item_id: int) -> HttpResponse:
    """Mark an item "learning now" or "for later" (or neither); htmx gets the item's marks again. Pressed in the
    checklist's one form without JavaScript, the post carries every row: what was chosen or typed in them is saved
    with the mark, all or nothing (unlike "Save all", which keeps the valid rows), so nothing entered is lost."""
    item = get_object_or_404(_tickable_items(), pk=item_id)
    form = ItemStateForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose “learning now”, “for later” or neither."))
    rows = SavedRows([]) if request.htmx else _save_rows(request, item)
    if isinstance(rows, HttpResponse):
        return rows
    marked = set_item_state(user=request.user, item=item, state=form.cleaned_data["state"])
    if request.htmx:
        context = {"item": item, "state": marked.state if marked else ""}
        return render(request, "skills/partials/item_state_buttons.html", context)
    if not rows.forms and request.POST.get("next"):  # from a learning path: the mark alone, said back there
        checklist_row = f"{reverse('skills:checklist')}#{row_place(item.pk)}"
        return _back_on_the_path(request, item, _mark_saved_text(item, marked), fallback=checklist_row)
    own = next((row for row in rows.forms if row.item.pk == item.pk), None)
    text = _state_saved_text(item, own.cleaned_data["level"], marked) if own else _mark_saved_text(item, marked)
    return _saved_beside_the_row(request, item, _with_others_saved(text, rows.others_changed(item)))


def _mark_saved_text(item: ChecklistItem, marked: ItemState | None) -> str:
    if marked is None:
        return _("Saved: “%(item)s” is no longer marked.") % {"item": item.name}
    return _("Saved: “%(item)s” is marked “%(state)s”.") % {"item": item.name, "state": marked.get_state_display()}


def _state_saved_text(item: ChecklistItem, level: int, marked: ItemState | None) -> str:
    names = {"item": item.name, "level": level}
    if marked is None:
        return _("Saved “%(item)s” at level %(level)d, without a mark.") % names
    return _("Saved “%(item)s” at level %(level)d, marked “%(state)s”.") % {
        **names,
        "state": marked.get_state_display(),
    }


def _with_others_saved(text: str, others: int) -> str:
    """What a mark's button saved, with the changes in other rows it saved too (the checklist is one form)."""
    if not others:
        return text
    also = ngettext(
        "Your change to %(count)d other item is saved too.",
        "Your changes to %(count)d other items are saved too.",
        others,
    ) % {"count": others}
    return f"{text} {also}"


@require_POST
def resource_done(request: HttpRequest, resource_id: int) -> HttpResponse:
    """Mark a learning resource done or not done; htmx gets its button again, a plain form post lands back on the
    resource's item."""
    resource = get_object_or_404(Resource.objects.public().select_related("item", "tool"), pk=resource_id)
    done = ResourceDoneForm(request.POST)
    done.is_valid()  # a boolean: anything but a true value is "not done"
    is_done = done.cleaned_data.get("done", False)
    set_resource_done(user=request.user, resource=resource, done=is_done)
    if request.htmx:
        context = {"resource": resource, "is_done": is_done}
        return render(request, "skills/partials/resource_done_button.html", context)
    if is_done:
        text = _("Saved: “%(resource)s” is done.") % {"resource": resource.label}
    else:
        text = _("Saved: “%(resource)s” is not done.") % {"resource": resource.label}
    return _back_on_the_path(request, resource.item, text, fallback=reverse("skills:gaps"))
