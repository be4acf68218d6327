"""Two libraries' admin pages in the reader's language where the library gives a label no translatable name:
allauth's two-factor authenticators (three fields without a verbose name) and the job queue's tasks (a column and
two fields named by plain strings in its admin). English reads as before; locale/nl gives the Dutch. What the pages
show and allow stays the libraries'.
"""

from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

# Only the names a field shows: a field's own verbose_name (not the one its migrations record) changes no migration.
AUTHENTICATOR_FIELD_NAMES = {"user": _("user"), "created_at": _("created at"), "last_used_at": _("last used at")}


class TaskResultAdmin(DBTaskResultAdmin):
    """django_tasks_db's admin, with its own column and field labels translatable."""

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


def name_library_labels() -> None:
    """Once every app's admin is registered (PortalConfig.ready runs after the admin's autodiscovery)."""
    for name, verbose_name in AUTHENTICATOR_FIELD_NAMES.items():
        Authenticator._meta.get_field(name).verbose_name = verbose_name
    admin.site.unregister(DBTaskResult)
    admin.site.register(DBTaskResult, TaskResultAdmin)
