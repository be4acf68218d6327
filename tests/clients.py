"""A test client whose ``force_login`` logs in as the account's owner would, second factor included."""

from django.test import Client

from portal.guards.access import mark_second_factor_passed

# A reader's browser language, as request headers: ``client.get(url, **DUTCH)``.
DUTCH = {"HTTP_ACCEPT_LANGUAGE": "nl"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


class PortalClient(Client):
    def force_login(self, user, backend=None) -> None:
        """Log in as if the password and, for an account with an authenticator app, its code were given."""
        super().force_login(user, backend)
        self.pass_second_factor(user)

    def force_login_password_only(self, user, backend=None) -> None:
        """Log in as someone who knows only the password: staff rights must not count."""
        super().force_login(user, backend)

    def pass_second_factor(self, user) -> None:
        """What allauth's two-factor step leaves in the session (see portal.guards.access)."""
        session = self.session
        mark_second_factor_passed(session, user)
        session.save()


def signed_in(user) -> PortalClient:
    """A browser of its own, logged in as ``user`` (second factor included)."""
    client = PortalClient()
    client.force_login(user)
    return client
