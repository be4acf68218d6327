"""The demo recruiter's shortlist, made once after the demo candidates exist."""

from django.contrib.auth import get_user_model
from django.db import transaction

from recruiting.services import add_to_shortlist, create_shortlist, set_shortlist_note
from skills.models import EngineerProfile

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
