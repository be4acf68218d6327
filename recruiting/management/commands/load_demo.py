from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalog.demo import load_catalog_demo
from portal.demo import DEMO_PASSWORD, load_demo_users
from recruiting.demo import load_demo_search, load_demo_shortlist
from skills.demo import load_engineer_demo, load_skills_demo
from skills.demo_benchmarks import load_benchmark_demo
from skills.demo_candidates import load_demo_candidates


class Command(BaseCommand):
    """Lives in the top content app: it loads every app's demo in order, from the catalog to the shortlists and searches."""

    help = "Load demo content and demo users (idempotent; local use only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("load_demo creates users with a known password: run it only with DJANGO_DEBUG=1.")
        with transaction.atomic():
            load_catalog_demo()
            load_skills_demo()
            created = load_demo_users()
            load_engineer_demo()
            load_demo_candidates()
            load_demo_shortlist()
            load_demo_search()
            load_benchmark_demo()  # last: its snapshot counts the searches and candidates above
        for email in created:
            self.stdout.write(f"Created demo user {email} with password {DEMO_PASSWORD}")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
