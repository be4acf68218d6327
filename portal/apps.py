from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import access
        from portal.fragments import forget_everything_after_migrate
        from portal.roles import ensure_role_groups_after_migrate

        access.connect()
        post_migrate.connect(ensure_role_groups_after_migrate, dispatch_uid="portal.ensure_role_groups")
        post_migrate.connect(forget_everything_after_migrate, dispatch_uid="portal.forget_fragments")
