from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitingConfig(AppConfig):
    name = "recruiting"
    verbose_name = _("Recruiting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from portal import workers
        from recruiting import services, signals

        signals.connect()
        workers.when_lost("recruiting.tasks.write_candidate_export", lambda kwargs: services.take_over_export(**kwargs))
        workers.sweep_also(services.reclaim_stale_exports)
