from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from allauth.account.signals import user_logged_in, user_signed_up

        from portal.accounts import sessions
        from portal.accounts.verification import remember_signup_email
        from portal.admin_libraries import name_library_labels
        from portal.cache.fragments import (
            forget_everything_after_migrate,
            forget_request_tokens,
            remember_tokens_for_the_request,
        )
        from portal.cache.resilient import create_fallback_table_after_migrate
        from portal.guards import access
        from portal.guards.roles import ensure_role_groups_after_migrate
        from portal.jobs import mail, workers
        from portal.languages.services import keep_language_at_sign_in, keep_language_at_sign_up

        name_library_labels()
        access.connect()
        sessions.connect()
        workers.when_lost("portal.jobs.mail.send_email", lambda kwargs: mail.take_over_email(**kwargs))
        workers.sweep_also(mail.forget_old_deliveries)
        user_signed_up.connect(remember_signup_email, dispatch_uid="portal.remember_signup_email")
        user_signed_up.connect(keep_language_at_sign_up, dispatch_uid="portal.keep_language_at_sign_up")
        user_logged_in.connect(keep_language_at_sign_in, dispatch_uid="portal.keep_language_at_sign_in")
        post_migrate.connect(ensure_role_groups_after_migrate, dispatch_uid="portal.ensure_role_groups")
        post_migrate.connect(forget_everything_after_migrate, dispatch_uid="portal.forget_fragments")
        # Once per migrate: the signal comes once for each app with models, and sessions always is one.
        post_migrate.connect(
            create_fallback_table_after_migrate,
            sender=apps.get_app_config("sessions"),
            dispatch_uid="portal.cache_table",
        )
        request_started.connect(remember_tokens_for_the_request, dispatch_uid="portal.remember_tokens")
        request_finished.connect(forget_request_tokens, dispatch_uid="portal.forget_tokens")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The admin, on a site that asks the portal's own staff rule (portal.admin.PortalAdminSite)."""

    default = False

    default_site = "portal.admin.PortalAdminSite"
