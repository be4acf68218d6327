"""The job queue's app (django_tasks_db) under a name the admin shows in the reader's language; its label, tables
and migrations stay the library's."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class JobQueueConfig(TasksAppConfig):
    verbose_name = _("Background jobs")
