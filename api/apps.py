from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("JSON API")

    def ready(self) -> None:
        from allauth.mfa.models import Authenticator

        post_delete.connect(_revoke_staff_tokens, sender=Authenticator, dispatch_uid="api.revoke_staff_tokens")


def _revoke_staff_tokens(sender, instance, **kwargs) -> None:
    """Without its authenticator app an account's tokens lose their staff rights for good, not just until it
    sets up a new one."""
    from api.services import revoke_staff_tokens

    if instance.type == instance.Type.TOTP:
        revoke_staff_tokens(user=instance.user)
