"""allauth's account adapter: its messages (verification, password reset, security notices) go out through a job."""

from allauth.account.adapter import DefaultAccountAdapter

from portal.mail import QueuedEmailBackend


class QueuedMailAccountAdapter(DefaultAccountAdapter):
    """Renders each message in the request, as allauth does, and queues it: the request never waits on SMTP."""

    def render_mail(self, template_prefix: str, email: str, context: dict, headers: dict | None = None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.connection = QueuedEmailBackend()
        return message
