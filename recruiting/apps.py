from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitingConfig(AppConfig):
    name = "recruiting"
    verbose_name = _("Recruiting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from portal.jobs import workers
        from recruiting import signals
        from recruiting.services.exports import reclaim_stale_exports, take_over_export

        signals.connect()
        workers.when_lost(
            "recruiting.services.exports.write_candidate_export", lambda kwargs: take_over_export(**kwargs)
        )
        workers.sweep_also(reclaim_stale_exports)
