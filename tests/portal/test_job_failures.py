"""A failure code is put in words in one place for every kind of job: the kind's own reasons, the shared ones, and the
generic reason for a code it does not know."""

from django.utils import translation

from portal.jobs.lifecycle import REASON_DATABASE, reason_of_failure
from recruiting.models import CandidateExport, ExportFailure
from skills.models import RoleRecompute
from skills.models.recomputes import RecomputeFailure

GENERIC = "Something went wrong while running this job."


def test_each_kind_of_job_words_its_own_codes_and_the_shared_ones():
    assert reason_of_failure(RoleRecompute, RecomputeFailure.REPLACED) == (
        "A newer change to the role started a fresh recompute."
    )
    assert reason_of_failure(CandidateExport, ExportFailure.ROLE_GONE) == (
        "The role of this export is no longer published."
    )
    assert reason_of_failure(RoleRecompute, REASON_DATABASE) == "The database could not be reached."
    assert reason_of_failure(CandidateExport, REASON_DATABASE) == "The database could not be reached."


def test_a_code_the_kind_does_not_know_reads_as_the_generic_reason():
    assert reason_of_failure(RoleRecompute, ExportFailure.ROLE_GONE) == GENERIC
    assert reason_of_failure(CandidateExport, "Disk quota exceeded on /srv/exports") == GENERIC
    assert reason_of_failure(CandidateExport, "") == GENERIC


def test_the_reason_is_in_the_readers_language():
    with translation.override("nl"):
        assert reason_of_failure(RoleRecompute, REASON_DATABASE) == "De database was niet bereikbaar."
