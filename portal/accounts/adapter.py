"""allauth's account adapter and sign-up form: messages go out through a job, a confirmation link that logs in says
so once, and sign-up tells no one who is registered."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.utils import translation

from portal.jobs.mail import QueuedEmailBackend
from portal.languages.selectors import is_language, kept_language

EMAIL_CONFIRMED = "account/messages/email_confirmed.txt"
LOGGED_IN = "account/messages/logged_in.txt"
CONFIRMED_AND_LOGGED_IN = "account/messages/email_confirmed_logged_in.txt"
LOGGED_IN_ANOTHER_LANGUAGE = "account/messages/logged_in_another_language.txt"


def user_display(user) -> str:
    """How allauth names an account in its messages and e-mails: the address, never the internal username."""
    return user.email


@dataclass(frozen=True)
class PortalSite:
    """What allauth's messages call the site ("Hello from …!"): the portal's name, not the host it runs on."""

    name: str
    domain: str  # "… register an account on {domain}": the name again


class QueuedMailAccountAdapter(DefaultAccountAdapter):
    """Renders each message in the request, as allauth does, and queues it: the request never waits on SMTP. A message
    to someone with a kept language is written in it; to an address of no one's, in the page's language."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        language = kept_language(address=email)
        with translation.override(language if is_language(language) else translation.get_language()):
            site = PortalSite(name=settings.PRODUCT_NAME, domain=settings.PRODUCT_NAME)
            super().send_mail(template_prefix, email, {**context, "current_site": site})

    def add_message(
        self, request, level, message_template=None, message_context=None, extra_tags="", message=None
    ) -> None:
        """A confirmation link that also logs the newcomer in says both in one message, not in two banners: the login,
        which follows the confirmation in the same request, takes the confirmation's message off and says both. A
        message to someone signed in is written in their kept language, that of the page it will show on; signing in
        from a page in another language says why the portal changed language."""
        confirmation = getattr(request, "email_confirmation_message", None)  # (its place among the messages, address)
        if message_template == LOGGED_IN and confirmation is not None:
            place, email = confirmation
            earlier = list(messages.get_messages(request))  # reading them takes them all off; the others go back
            for index, earlier_message in enumerate(earlier):
                if index != place:
                    messages.add_message(
                        request, earlier_message.level, earlier_message.message, extra_tags=earlier_message.extra_tags
                    )
            message_template, message_context = CONFIRMED_AND_LOGGED_IN, {"email": email}
        place = len(messages.get_messages(request))
        user = getattr(request, "user", None)
        language = kept_language(user=user) if user is not None and user.is_authenticated else None
        if message_template == LOGGED_IN and is_language(language) and language != translation.get_language():
            message_template = LOGGED_IN_ANOTHER_LANGUAGE  # the next page is not in the sign-in page's language
        with translation.override(language if is_language(language) else translation.get_language()):
            # signing in switches the portal to the person's language from the next page on, where this shows
            super().add_message(request, level, message_template, message_context, extra_tags, message)
        if message_template == EMAIL_CONFIRMED and len(messages.get_messages(request)) > place:
            request.email_confirmation_message = (place, message_context["email"])

    def render_mail(self, template_prefix: str, email: str, context: dict, headers: dict | None = None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.connection = QueuedEmailBackend()
        return message


class SameWorkSignupForm(SignupForm):
    """allauth's sign-up form, which answers alike for a new and a registered address (it mails the owner instead
    of creating an account); here both paths also take the same time, as both hash the password."""

    def try_save(self, request):
        if self.account_already_exists:
            # The hash is thrown away: it only costs what the new account's password costs.
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
