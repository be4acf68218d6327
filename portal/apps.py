from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal.roles import ensure_role_groups_after_migrate

        post_migrate.connect(ensure_role_groups_after_migrate, dispatch_uid="portal.ensure_role_groups")
