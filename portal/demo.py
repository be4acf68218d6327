"""Demo users for local use; the content loaders live in their own apps."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.guards.roles import EDITORS, RECRUITERS

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - local demo only; load_demo refuses without DEBUG
# Staff need two-factor login; the demo staff share this authenticator secret (`manage.py demo_totp`).
DEMO_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # noqa: S105 - local demo only

DEMO_USERS = (
    ("editor@example.com", EDITORS, True),
    ("recruiter@example.com", RECRUITERS, False),
    ("engineer@example.com", None, False),
)


def load_demo_users() -> list[str]:
    """Create the three demo users with verified e-mail; returns the ones created."""
    user_model = get_user_model()
    created_emails = []
    for email, group_name, is_staff in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=email, defaults={"email": email, "is_staff": is_staff}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            created_emails.append(email)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, DEMO_TOTP_SECRET)
    return created_emails


def current_demo_totp_code() -> str:
    """The six digits an authenticator app with the demo secret shows right now."""
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))
