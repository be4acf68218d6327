"""Demo candidates for the recruiter pages: a dozen engineers with different strengths.

Idempotent: an engineer who already exists is left as they are, so running the
loader again changes nothing.
Runs after the skills demo (it needs the checklist and the roles).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from skills.models import ChecklistItem, EngineerProfile, Role
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE

# Levels per skill slug; a senior item gets one level less, so seniority shows where it should.
LAKEHOUSE = {
    "python-fundamentals": 3,
    "sql": 4,
    "pandas": 3,
    "data-quality": 3,
    "orchestration": 3,
    "cloud": 3,
    "ci-cd": 2,
    "pyspark": 4,
}
PLATFORM = {
    "python-fundamentals": 4,
    "sql": 3,
    "pandas": 2,
    "data-quality": 2,
    "orchestration": 2,
    "cloud": 3,
    "ci-cd": 4,
    "pyspark": 1,
}
ANALYTICS = {
    "python-fundamentals": 2,
    "sql": 4,
    "pandas": 3,
    "data-quality": 4,
    "orchestration": 2,
    "ci-cd": 2,
    "cloud": 1,
}
MEDIOR = {
    "python-fundamentals": 2,
    "sql": 2,
    "pandas": 3,
    "data-quality": 2,
    "orchestration": 1,
    "cloud": 1,
    "ci-cd": 1,
    "pyspark": 1,
}
JUNIOR = {"python-fundamentals": 2, "sql": 1, "pandas": 2}
SPARK_NO_AIRFLOW = {
    "python-fundamentals": 3,
    "sql": 3,
    "pandas": 2,
    "data-quality": 1,
    "orchestration": 1,
    "cloud": 2,
    "ci-cd": 2,
    "pyspark": 4,
}
ALLROUND = dict.fromkeys(LAKEHOUSE, 3)
ORCHESTRATION = {
    "python-fundamentals": 3,
    "sql": 2,
    "pandas": 2,
    "data-quality": 2,
    "orchestration": 4,
    "cloud": 3,
    "ci-cd": 3,
    "pyspark": 2,
}
EXPERT = dict.fromkeys(LAKEHOUSE, 4)
SCIENTIST = {
    "python-fundamentals": 3,
    "sql": 3,
    "pandas": 4,
    "data-quality": 2,
    "orchestration": 1,
    "cloud": 1,
    "ci-cd": 1,
    "pyspark": 1,
}
CLOUD_OPS = {
    "python-fundamentals": 3,
    "sql": 2,
    "pandas": 1,
    "data-quality": 1,
    "orchestration": 3,
    "cloud": 4,
    "ci-cd": 4,
    "pyspark": 1,
}

# e-mail, first name, last name, headline, years, location, target role slug, open to work, visibility,
# levels, days since the last update
CANDIDATES = (
    ("cand01@example.com", "Sanne", "de Boer", "Lakehouse engineer on Databricks and Spark", 9, "Amsterdam",
     "senior-data-engineer-lakehouse", True, VISIBLE, LAKEHOUSE, 2),
    ("cand02@example.com", "Daan", "Visser", "Builds data APIs with FastAPI, ships them with Docker", 8, "Utrecht",
     "senior-data-engineer-platform-apis", False, VISIBLE, PLATFORM, 5),
    ("cand03@example.com", "Lotte", "Jansen", "Analytics engineer: SQL models, dbt and data tests", 6, "Rotterdam",
     "senior-analytics-engineer", True, VISIBLE, ANALYTICS, 12),
    ("cand04@example.com", "Milan", "Bakker", "Python and SQL pipelines, learning Airflow", 3, "Eindhoven",
     "data-engineer-medior", True, VISIBLE, MEDIOR, 20),
    ("cand05@example.com", "Emma", "Smit", "Junior data engineer, strong in Pandas", 1, "Groningen",
     "data-engineer-medior", True, VISIBLE, JUNIOR, 35),
    ("cand06@example.com", "Thijs", "Mulder", "Spark performance tuning: partitions, skew, shuffles", 7, "Den Haag",
     "senior-data-engineer-lakehouse", False, VISIBLE, SPARK_NO_AIRFLOW, 8),
    ("cand07@example.com", "Noor", "van Dijk", "All-round data engineer across the whole stack", 10, "Amsterdam",
     "senior-data-engineer-lakehouse", True, VISIBLE, ALLROUND, 1),
    ("cand08@example.com", "Bram", "de Groot", "Airflow and cloud: scheduling that heals itself", 5, "Utrecht",
     "senior-data-engineer-platform-apis", True, VISIBLE, ORCHESTRATION, 15),
    ("cand09@example.com", "Fleur", "Bos", "Principal data engineer (private profile)", 14, "Amsterdam",
     "senior-data-engineer-lakehouse", False, PRIVATE, EXPERT, 3),
    ("cand10@example.com", "Ruben", "Vos", "Data engineer (private profile)", 4, "Zwolle",
     "data-engineer-medior", False, PRIVATE, MEDIOR, 40),
    ("cand11@example.com", "Iris", "Peters", "From data science to data engineering", 4, "Leiden",
     "senior-analytics-engineer", True, VISIBLE, SCIENTIST, 25),
    ("cand12@example.com", "Sem", "Hendriks", "Cloud and CI/CD for data platforms", 12, "Arnhem",
     "senior-data-engineer-platform-apis", True, VISIBLE, CLOUD_OPS, 60),
)  # fmt: skip


def _levels(levels_by_skill: dict[str, int], items: list[ChecklistItem], email: str) -> list[AssessmentInput]:
    entries = []
    for item in items:
        level = levels_by_skill.get(item.skill.slug, 0) - (1 if item.is_senior else 0)
        if level <= 0:
            continue
        evidence = f"https://example.org/portfolio/{email.split('@')[0]}/{item.skill.slug}" if level >= 3 else ""
        entries.append(AssessmentInput(item=item, level=level, evidence_url=evidence))
    return entries


@transaction.atomic
def load_demo_candidates() -> None:
    """Create the demo candidates (most visible to recruiters, two private)."""
    user_model = get_user_model()
    items = list(ChecklistItem.objects.select_related("skill"))
    roles = {role.slug: role for role in Role.objects.all()}
    now = timezone.now()
    for number, (
        email,
        first,
        last,
        headline,
        years,
        location,
        role_slug,
        open_to_work,
        visibility,
        levels,
        days,
    ) in enumerate(CANDIDATES):
        user, created = user_model.objects.get_or_create(
            username=email, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if not created:
            continue
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        update_profile(
            user=user,
            headline=headline,
            years_experience=years,
            location=location,
            target_role=roles.get(role_slug),
            open_to_work=open_to_work,
            visibility=visibility,
            display_name=f"{first} {last}",
            # Half of them show their name; the others let recruiters see a pseudonym.
            identity=EngineerProfile.Identity.NAME if number % 2 == 0 else EngineerProfile.Identity.PSEUDONYM,
        )
        save_assessments(user=user, entries=_levels(levels, items, email))
        # Spread the last updates over the past weeks, so "updated since" and sorting have something to show.
        EngineerProfile.objects.filter(user=user).update(updated_at=now - timedelta(days=days))
