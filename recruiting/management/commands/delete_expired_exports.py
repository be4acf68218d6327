"""Delete the files of candidate exports past their 24 hours, and re-queue exports whose worker died.

Every export job also does this when it finishes; run it from cron where exports are rare.
"""

from django.core.management.base import BaseCommand

from recruiting.services.exports import reclaim_stale_exports, remove_expired_exports


class Command(BaseCommand):
    help = "Delete expired candidate export files and re-queue stale export jobs."

    def handle(self, *args, **options) -> None:
        reclaimed = reclaim_stale_exports()
        deleted = remove_expired_exports()
        if options["verbosity"]:
            self.stdout.write(
                f"Deleted {deleted} expired export file(s); re-queued or failed {reclaimed} stale job(s)."
            )
