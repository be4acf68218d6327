"""Whatever a recruiter (or a crawler) puts in the query string, the pages answer without a server error."""

from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport
from skills.models import EngineerProfile
from tests.clients import PortalClient as Client
from tests.factories import AssessmentFactory, EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory
from tests.hostile import HOSTILE_BYTES, form_encode, is_hostile

# The candidate list's query parameters (its filter form, sorting and paging); tests/test_bad_input.py fuzzes them too.
CANDIDATE_FILTERS = (
    "role",
    "min_score",
    "must_haves_met",
    "items",
    "item_level",
    "min_years",
    "location",
    "open_to_work",
    "updated_since",
    "sort",
    "page",
)

values = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "2024-02-30", "9999-12-31", "0001-01-01", "on", "lakehouse", str(2**63)]),
    st.sampled_from(HOSTILE_BYTES),
)
query = st.dictionaries(st.sampled_from(CANDIDATE_FILTERS), st.lists(values, min_size=1, max_size=3), max_size=6)


class RecruiterPagesSurviveAnyQueryString(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.recruiter = RecruiterFactory()
        role = RoleFactory(slug="lakehouse")
        profile = EngineerProfileFactory(visibility=EngineerProfile.Visibility.RECRUITERS)
        RoleMatchFactory(profile=profile, role=role, score=70)
        AssessmentFactory(user=profile.user, level=3)

    def recruiter_client(self) -> Client:
        client = Client()
        client.force_login(self.recruiter)
        return client

    @settings(max_examples=60, deadline=None)
    @given(params=query)
    def test_candidate_list(self, params):
        response = self.recruiter_client().get(f"{reverse('recruiting:candidate-list')}?{form_encode(params)}")
        self.assertEqual(response.status_code, 400 if is_hostile(params) else 200)

    @settings(max_examples=40, deadline=None)
    @given(params=query)
    def test_candidate_export(self, params):
        response = self.recruiter_client().get(f"{reverse('recruiting:candidate-export')}?{form_encode(params)}")
        self.assertEqual(response.status_code, 400 if is_hostile(params) else 200)
        if response.streaming:
            b"".join(response.streaming_content)

    @settings(max_examples=30, deadline=None)
    @given(params=query)
    def test_candidate_export_job(self, params):
        """Queueing posts the list's query string; the job (run at once here) must end done or failed."""
        response = self.recruiter_client().post(f"{reverse('recruiting:candidate-export')}?{form_encode(params)}")
        self.assertEqual(response.status_code, 400 if is_hostile(params) else 303)
        if response.status_code == 303:
            export = CandidateExport.objects.latest("created_at")
            self.assertIn(export.status, (JobStatus.DONE, JobStatus.FAILED))

    @settings(max_examples=25, deadline=None)
    @given(role=values)
    def test_candidate_detail_role(self, role):
        profile = EngineerProfile.objects.get()
        url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
        response = self.recruiter_client().get(f"{url}?{form_encode({'role': role})}")
        self.assertEqual(response.status_code, 400 if is_hostile({"role": role}) else 200)
