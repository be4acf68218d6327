"""A failed job's row keeps a code of its reason, put in words in the reader's language when shown: the rows written
before kept the English text itself, which a Dutch reader then saw in English. Every known text becomes its code, for
the exports and for the role recomputes (both are jobs of portal.jobs.lifecycle); a text not known here stays, and
reads as the generic failure."""

from django.db import migrations

# The texts as the portal wrote them, frozen here; older wordings included.
JOB_REASONS = {
    "The database could not be reached.": "database",
    "The file could not be written (the disk may be full).": "storage",
    "The processing stopped unexpectedly, and retrying did not help.": "worker-lost",
    "The worker running this job stopped, and retrying did not help.": "worker-lost",
    "Something went wrong while running this job.": "unexpected",
}
REASONS = {
    ("recruiting", "CandidateExport"): {
        **JOB_REASONS,
        "The role of this export is no longer published.": "role-gone",
        "You may no longer read candidates, so this export was not written.": "right-gone",
        "The shortlist of this export was deleted.": "shortlist-gone",
    },
    ("skills", "RoleRecompute"): {
        **JOB_REASONS,
        "A newer change to the role started a fresh recompute.": "replaced",
    },
}


def texts_to_codes(apps, schema_editor):
    for (app_label, model_name), reasons in REASONS.items():
        jobs = apps.get_model(app_label, model_name).objects
        for text, code in reasons.items():
            jobs.filter(error=text).update(error=code)


def codes_to_texts(apps, schema_editor):
    for (app_label, model_name), reasons in REASONS.items():
        jobs = apps.get_model(app_label, model_name).objects
        for text, code in reasons.items():  # the first wording of a code, the current one, wins
            jobs.filter(error=code).update(error=text)


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0011_export_of_a_shortlist"),
        ("skills", "0025_vacancy_cue_negation_of_the_clause"),
    ]

    operations = [migrations.RunPython(texts_to_codes, codes_to_texts)]
