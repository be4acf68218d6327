"""allauth's own words for logging in, signing up and out, as msgids of ours.

allauth's pages say "Sign In" and, in Dutch, "Aanmelden". Listing its msgids
here keeps them in our catalogues (``make messages``), so that
locale/nl gives them "Inloggen", "Registreren", "Uitloggen" and locale/en
gives them "Log in", "Sign up", "Log out": the words of our own pages.
Nothing imports this module; it only holds the strings.
"""

from django.utils.translation import gettext_noop

ALLAUTH_WORDS = (
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
    gettext_noop("Signup"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("You have signed out."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    gettext_noop("Sign in with a passkey"),
)
