from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "skills"
    verbose_name = _("Skills")

    def ready(self) -> None:
        from portal.jobs import workers
        from skills import signals
        from skills.benchmarks import services as benchmarks  # its import registers disclosure's system check
        from skills.services import recomputes

        signals.connect()
        workers.when_lost(
            "skills.services.recomputes.recompute_role", lambda kwargs: recomputes.take_over_chunk(**kwargs)
        )
        workers.sweep_also(recomputes.reclaim_stale_recomputes)
        workers.sweep_also(benchmarks.queue_snapshot_if_due)  # the worker's timer builds benchmark snapshots
