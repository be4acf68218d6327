from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import DEMO_TOTP_SECRET, current_demo_totp_code


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo editor and recruiter (local use only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp is for the local demo: run it only with DJANGO_DEBUG=1.")
        self.stdout.write(f"Code now: {current_demo_totp_code()}  (secret {DEMO_TOTP_SECRET}, valid about 30 s)")
