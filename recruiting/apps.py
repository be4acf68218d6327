from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitingConfig(AppConfig):
    name = "recruiting"
    verbose_name = _("Recruiting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from portal.jobs import workers
        from portal.notices.naming import name_in_notices
        from recruiting import signals
        from recruiting.selectors.contacts import name_candidates_in_notices, tell_answers_in_notices
        from recruiting.services.exports import reclaim_stale_exports, take_over_export

        signals.connect()
        name_in_notices(name_candidates_in_notices)
        name_in_notices(tell_answers_in_notices)
        workers.when_lost(
            "recruiting.services.exports.write_candidate_export", lambda kwargs: take_over_export(**kwargs)
        )
        workers.sweep_also(reclaim_stale_exports)
