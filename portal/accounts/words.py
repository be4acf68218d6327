"""allauth's own words for logging in, signing up and out, as msgids of ours.

allauth's pages say "Sign In" and, in Dutch, "Aanmelden". Listing its msgids
here keeps them in our catalogues (``make messages``), so that
locale/nl gives them "Inloggen", "Registreren", "Uitloggen" and locale/en
gives them "Log in", "Sign up", "Log out": the words of our own pages.
The same holds allauth's Title Case ("Confirm Email Address", "Remember Me"),
which our English catalogue writes in sentence case, and allauth's Dutch that
says "alstublieft" (docs/glossary.md); its Dutch with "u" and "uw" is in
locale_overrides. Nothing imports this module; it only holds the strings.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

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


# Title Case of allauth's, in sentence case in English (locale/en) and in plain Dutch (locale/nl).
ALLAUTH_TITLES = (
    gettext_noop("Remember Me"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("TOTP Authenticator"),
    gettext_noop("Social Accounts"),
    gettext_noop("Account Inactive"),
    gettext_noop("Confirm Access"),
    gettext_noop("Email Verification"),
    gettext_noop("Enter Email Verification Code"),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop("Password Reset"),
    gettext_noop("Enter Password Reset Code"),
    gettext_noop("Phone Verification"),
    gettext_noop("Enter Phone Verification Code"),
    gettext_noop("Email Addresses"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Account Already Exists"),
    gettext_noop("Email Changed"),
    gettext_noop("Email Confirmation"),
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop("Email Removed"),
    gettext_noop("Sign-In Code"),
    gettext_noop("Password Changed"),
    gettext_noop("Password Reset Code"),
    gettext_noop("Password Reset Email"),
    gettext_noop("Password Set"),
    gettext_noop("Unknown Account"),
    gettext_noop("Email Address"),
    gettext_noop("Cancel Change"),
    gettext_noop("Change Email"),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Change Password"),
    gettext_noop("Forgot Password?"),
    gettext_noop("Reset My Password"),
    gettext_noop("Bad Token"),
    gettext_noop("Set Password"),
    gettext_noop("Change Phone"),
    gettext_noop("Request Code"),
    gettext_noop("Passkey Sign Up"),
    gettext_noop("Sign Up Closed"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Account Connections"),
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("A new set of Two-Factor Authentication recovery codes has been generated."),
    gettext_noop("Enter Device Code"),
    gettext_noop("Confirm Device"),
    gettext_noop("Device Authorized"),
    gettext_noop("Device Denied"),
    gettext_noop("Stay Signed In"),
    gettext_noop("New Recovery Codes Generated"),
    gettext_noop("Authenticator App Activated"),
    gettext_noop("Authenticator App Deactivated"),
    gettext_noop("Security Key Added"),
    gettext_noop("Security Key Removed"),
    gettext_noop("Authenticator App"),
    gettext_noop("Security Keys"),
    gettext_noop("Recovery Codes"),
    gettext_noop("Activate Authenticator App"),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop("Add Security Key"),
    gettext_noop("Remove Security Key"),
    gettext_noop("Edit Security Key"),
    gettext_noop("Create Passkey"),
    gettext_noop("Third-Party Login Failure"),
    gettext_noop("Third-Party Account Connected"),
    gettext_noop("Third-Party Account Disconnected"),
    gettext_noop("Login Cancelled"),
    gettext_noop("Started At"),
    gettext_noop("IP Address"),
    gettext_noop("Sign Out Other Sessions"),
    gettext_noop("User Sessions"),
)

# allauth's Dutch that says "alstublieft", "aanmelden" or "zijn of haar", spells a word apart or drops its full stop:
# ours says it plainly. Their Dutch with "u" and "uw" is in locale_overrides (docs/glossary.md).
FORMAL_DUTCH = (
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("Your account is protected by two-factor authentication. Please enter an authenticator code:"),
    gettext_noop("Sign In Via %(provider)s"),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop(
        "You're receiving this email because user %(user_display)s has given your email address to register an "
        "account on %(site_domain)s."
    ),
    gettext_noop("Your email has been changed from %(from_email)s to %(to_email)s."),
    gettext_noop("Email address %(deleted_email)s has been removed from your account."),
    gettext_noop("Current email"),
    gettext_noop("Mark selected email addresses as verified"),
)

# allauth's and Django's Dutch that says "aanmelden" where it means logging in: ours says "inloggen"
# (docs/glossary.md; tests/portal/test_glossary.py holds the forbidden words).
LOGIN_IN_DUTCH = (
    gettext_noop("Other sign-in options"),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("A sign-in code has been sent to %(recipient)s."),
    gettext_noop("Your sign-in code is listed below. Please enter it in your open browser window."),
    gettext_noop("You can sign in to your account using any of the following third-party accounts:"),
    gettext_noop(
        "You decided to cancel logging in to our site using one of your existing accounts. If this was a mistake, "
        'please proceed to <a href="%(login_url)s">sign in</a>.'
    ),
    gettext_noop(
        "Enabling passwordless operation allows you to sign in using just this key, but imposes additional "
        "requirements such as biometrics or PIN protection."
    ),
    gettext_noop("Designates whether the user can log into this admin site."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be able "
        "to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_noop("last login"),
)


# Django 5.2 words the minimum length as "at least %d characters", which its Dutch catalogue does not have yet (only
# the older "%(min_length)d" wording): without these the sign-up form says it in English among Dutch rules.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)
