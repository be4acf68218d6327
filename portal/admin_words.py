"""Words the admin shows from Django's own strings, as msgids of ours, so that locale/nl gives them in Dutch.

Django's Dutch catalogue lacks the admin index's table headers (read out by screen readers) and the "Error:" of a
tab's title, django-simple-history
has no Dutch at all for a row's history, and the job queue
(django_tasks_db) has no Dutch at all: a superuser reads its labels. A change in the
history is stored with each field's English label and translated when shown: the label of a bilingual text is
its name and language ("Description [nl]"), a msgid no library has. Listing them here keeps them in our
catalogue (``make messages``); tests/portal/test_admin_dutch.py fails when a bilingual field is added without
its label here. Nothing imports this module; it only holds the strings (like portal/accounts/words.py).
"""

from django.utils.translation import gettext_noop, pgettext_lazy

ADMIN_INDEX_HEADERS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)

# What the tab's title starts with on a form with errors (change form, change list, login): Django 5.2's, not yet
# in its Dutch catalogue.
ADMIN_ERROR_TITLE = gettext_noop("Error:")

# The history's labels of the texts kept in both languages (catalog/translation.py, skills/translation.py).
BILINGUAL_FIELD_LABELS = (
    gettext_noop("Answer [en]"),
    gettext_noop("Answer [nl]"),
    gettext_noop("Description [en]"),
    gettext_noop("Description [nl]"),
    gettext_noop("How it shows up in vacancies [en]"),
    gettext_noop("How it shows up in vacancies [nl]"),
    gettext_noop("Name [en]"),
    gettext_noop("Name [nl]"),
    gettext_noop("One-line summary [en]"),
    gettext_noop("One-line summary [nl]"),
    gettext_noop("Pitfalls [en]"),
    gettext_noop("Pitfalls [nl]"),
    gettext_noop("Question [en]"),
    gettext_noop("Question [nl]"),
    gettext_noop("Reason [en]"),
    gettext_noop("Reason [nl]"),
    gettext_noop("Signs of seniority [en]"),
    gettext_noop("Signs of seniority [nl]"),
    gettext_noop("Strengths [en]"),
    gettext_noop("Strengths [nl]"),
    gettext_noop("Summary [en]"),
    gettext_noop("Summary [nl]"),
    gettext_noop("Title [en]"),
    gettext_noop("Title [nl]"),
    gettext_noop("Typical uses [en]"),
    gettext_noop("Typical uses [nl]"),
    gettext_noop("What it is for in data engineering [en]"),
    gettext_noop("What it is for in data engineering [nl]"),
    gettext_noop("What it teaches [en]"),
    gettext_noop("What it teaches [nl]"),
    gettext_noop("What you build [en]"),
    gettext_noop("What you build [nl]"),
    gettext_noop("When to pick it [en]"),
    gettext_noop("When to pick it [nl]"),
    gettext_noop("Why these tools [en]"),
    gettext_noop("Why these tools [nl]"),
)

# The job queue's names and labels (django_tasks_db's DBTaskResult), which the library marks for translation.
JOB_QUEUE_LABELS = (
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
)

# The job queue's states (django_tasks' TaskResultStatus), which the library marks with the context "Task".
JOB_QUEUE_STATES = (
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
)

# django-simple-history's words on a row's history and its versions, which the library has no Dutch for. Its list
# of versions is ours (templates/simple_history/object_history_list.html), so its column heads are there.
CHANGE_HISTORY = (
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Press the 'Change History' button below to edit the history."),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("Revert %s"),
    gettext_noop("View history: %s"),
    gettext_noop("Revert"),
    gettext_noop("Change History"),
    gettext_noop("You may edit it again below"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("Deleted %(type_name)s"),
)
