"""A form that issues a secret (an API token, a share link) answers its POST with the secret itself, which is never
stored; so a reload, or Back and send again, would post it again and quietly make a second live secret. Each such
form carries a key of its own, made when the form is drawn: a key this session has already issued with makes
nothing more. Only the keys are kept in the session, never the secret.

A post without a key (a script, an old page) issues as before.
"""

import secrets

from django import forms
from django.contrib.sessions.backends.base import SessionBase

SESSION_KEY = "issued_with"
KEYS_KEPT = 20  # the forms of one session that can be sent again: far more than anyone has open at once
KEY_LENGTH = 22  # what token_urlsafe(16) gives


def new_issue_key() -> str:
    return secrets.token_urlsafe(16)


class IssuedOnceForm(forms.Form):
    """Adds the hidden key; a view asks :func:`issued_before` before it issues and :func:`remember_issue` after."""

    issue_key = forms.CharField(
        widget=forms.HiddenInput, required=False, initial=new_issue_key, max_length=KEY_LENGTH, strip=True
    )


def issued_before(session: SessionBase, form: IssuedOnceForm) -> bool:
    """Whether this form, by its key, already issued a secret in this session."""
    key = form.cleaned_data.get("issue_key")
    return bool(key) and key in session.get(SESSION_KEY, [])


def remember_issue(session: SessionBase, form: IssuedOnceForm) -> None:
    """Note the form's key as issued: the same form sent again issues nothing."""
    key = form.cleaned_data.get("issue_key")
    if key:
        session[SESSION_KEY] = [*session.get(SESSION_KEY, [])[-(KEYS_KEPT - 1) :], key]
