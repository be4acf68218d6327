"""A failed export says why in the reader's language: its row keeps a code of the reason, and the rows from before
the codes, which kept the English text, were given their code by a migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport

BEFORE_CODES = [("recruiting", "0011_export_of_a_shortlist"), ("skills", "0025_vacancy_cue_negation_of_the_clause")]

# What an old row held, and what its progress page says in English and in Dutch.
OLD_ROWS = {
    "The worker running this job stopped, and retrying did not help.": (  # an older wording of the same reason
        "This export failed: The processing stopped unexpectedly, and retrying did not help.",
        "Deze export is mislukt: De verwerking stopte onverwacht, en opnieuw proberen hielp niet.",
    ),
    "The role of this export is no longer published.": (
        "This export failed: The role of this export is no longer published.",
        "Deze export is mislukt: De rol van deze export is niet meer gepubliceerd.",
    ),
    "Disk quota exceeded on /srv/exports": (  # a text no code stands for: the generic reason, never the raw text
        "This export failed: Something went wrong while running this job.",
        "Deze export is mislukt: Er ging iets mis bij het uitvoeren van deze taak.",
    ),
}


def failure_shown(client, export, language: str) -> str:
    page = client.get(export.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return " ".join(page.split('<div class="alert alert-danger mb-0" role="alert">')[1].split("</div>")[0].split())


@pytest.mark.django_db(transaction=True)
def test_old_failed_exports_say_why_in_the_readers_language(executor, recruiter, recruiter_client):
    executor.migrate(BEFORE_CODES)
    OldExport = executor.loader.project_state(BEFORE_CODES, at_end=True).apps.get_model("recruiting", "CandidateExport")
    old = {
        text: OldExport.objects.create(
            recruiter_id=recruiter.pk, status=JobStatus.FAILED, error=text, spec={"role": "lakehouse"}
        ).pk
        for text in OLD_ROWS
    }
    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())
    for text, (english, dutch) in OLD_ROWS.items():
        export = CandidateExport.objects.get(pk=old[text])
        assert failure_shown(recruiter_client, export, "en") == english
        assert failure_shown(recruiter_client, export, "nl") == dutch
