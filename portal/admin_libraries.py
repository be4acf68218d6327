"""Two libraries' admin pages in the reader's language where the library gives a label no translatable name:
allauth's two-factor authenticators (three fields without a verbose name) and the job queue's tasks (a column and
two fields named by plain strings in its admin, and a result named "DBTaskResult object (<uuid>)" on its own page).
English reads as before; locale/nl gives the Dutch. What the pages show and allow stays the libraries'.
"""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

# Only the names a field shows: a field's own verbose_name (not the one its migrations record) changes no migration.
AUTHENTICATOR_FIELD_NAMES = {"user": _("user"), "created_at": _("created at"), "last_used_at": _("last used at")}


def task_result_label(result: DBTaskResult) -> str:
    """A queued job as a superuser tells it from the others: its task, its state and when it was queued."""
    return gettext("%(task)s: %(status)s, enqueued %(enqueued)s") % {
        "task": result.task_name,
        "status": result.get_status_display(),
        "enqueued": date_format(timezone.localtime(result.enqueued_at), "SHORT_DATETIME_FORMAT"),
    }


@dataclass(frozen=True)
class LabelledRow:
    """A row as the admin's breadcrumbs name and link it (its ``str`` and ``pk``), under our label for it."""

    pk: object
    label: str

    def __str__(self) -> str:
        return self.label


class TaskResultAdmin(DBTaskResultAdmin):
    """django_tasks_db's admin, with its own column and field labels translatable and each result named by
    :func:`task_result_label` on its page and its history (the library's model has no ``__str__``)."""

    list_display = tuple("task" if name == "task_name" else name for name in DBTaskResultAdmin.list_display)

    @admin.display(description=_("task name"))
    def task(self, obj: DBTaskResult) -> str:
        return obj.task_name

    @admin.display(description=_("traceback"))
    def formatted_traceback(self, obj: DBTaskResult) -> str:
        return super().formatted_traceback(obj)

    @admin.display(description=_("run after"))
    def display_run_after(self, obj: DBTaskResult):
        return super().display_run_after(obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:  # the template's breadcrumbs show ``labelled_result`` (results are never added here)
            context["labelled_result"] = LabelledRow(pk=obj.pk, label=task_result_label(obj))
            context["subtitle"] = context["labelled_result"].label
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        result = self.get_object(request, unquote(object_id))
        if result is not None:  # else the library's own answer to a result that is gone
            label = task_result_label(result)
            extra_context = {
                **(extra_context or {}),
                "title": gettext("Change history: %s") % label,
                "object": LabelledRow(pk=result.pk, label=label),
            }
        return super().history_view(request, object_id, extra_context)


def name_library_labels() -> None:
    """Once every app's admin is registered (PortalConfig.ready runs after the admin's autodiscovery)."""
    for name, verbose_name in AUTHENTICATOR_FIELD_NAMES.items():
        Authenticator._meta.get_field(name).verbose_name = verbose_name
    admin.site.unregister(DBTaskResult)
    admin.site.register(DBTaskResult, TaskResultAdmin)
