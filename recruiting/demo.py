"""The demo recruiter's shortlist and vacancy search, made once after the demo candidates exist."""

from django.contrib.auth import get_user_model
from django.db import transaction

from recruiting.services.searches import save_reading
from recruiting.services.shortlists import add_to_shortlist, create_shortlist, set_shortlist_note
from skills.models import EngineerProfile
from skills.vacancies.reading import read_vacancy

DEMO_RECRUITER = "recruiter@example.com"
DEMO_SHORTLIST = "Lakehouse — first round"
DEMO_SHORTLIST_NOTES = {
    "cand01@example.com": "Strong across the board; ask about cost control on Databricks.",
    "cand06@example.com": "Excellent on Spark tuning; retries and scheduling in Airflow still missing.",
    "cand07@example.com": "",
}


@transaction.atomic
def load_demo_shortlist() -> None:
    """Idempotent: a recruiter who already has the demo shortlist keeps it as it is."""
    recruiter = get_user_model().objects.filter(username=DEMO_RECRUITER).first()
    if recruiter is None or recruiter.shortlists.filter(name=DEMO_SHORTLIST).exists():
        return
    shortlist = create_shortlist(recruiter=recruiter, name=DEMO_SHORTLIST)
    profiles = EngineerProfile.objects.visible_to_recruiters().filter(user__username__in=DEMO_SHORTLIST_NOTES)
    for profile in profiles.select_related("user"):
        add_to_shortlist(recruiter=recruiter, shortlist=shortlist, profile=profile)
        note = DEMO_SHORTLIST_NOTES[profile.user.username]
        if note:
            set_shortlist_note(recruiter=recruiter, shortlist=shortlist, profile=profile, note=note)


DEMO_SEARCH = "Data engineer, analytics platform (Utrecht)"
DEMO_VACANCY = """Data engineer, analytics platform (Utrecht)

What you will do
You keep our analytics platform running: daily loads into the warehouse, clean tables for the analysts.

What we ask
- Two years or more as a data engineer
- Good SQL: joins and window functions
- Python with Pandas for cleaning data
- Scheduling jobs with Airflow, including retries

Nice to have
- Docker
- Data quality tests
"""


@transaction.atomic
def load_demo_search() -> None:
    """Idempotent: the demo recruiter's vacancy search, read from a demo vacancy and ranked by the job."""
    recruiter = get_user_model().objects.filter(username=DEMO_RECRUITER).first()
    if recruiter is None or recruiter.vacancy_searches.filter(title=DEMO_SEARCH).exists():
        return
    save_reading(owner=recruiter, title=DEMO_SEARCH, reading=read_vacancy(text=DEMO_VACANCY))
