"""A form that issues a secret (an API token, a share link) answers its POST with the secret itself, which is never
stored; so a reload of that answer would post the form again and quietly make a second live secret. Each such form
carries a key of its own, drawn with the form, and the row it issues keeps the key: a database constraint lets one
person's key issue one row, so the same form sent again (a reload, a double click) issues nothing more, and says so.

A form drawn again (Back reloads the page, which is never cached) has a new key, and sending it is a new request.
A post without a key (a script, an old page) issues as before; a key that is not one the form draws is ignored.
"""

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, models, transaction

KEY_MAX_LENGTH = 32
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,32}")


def new_issue_key() -> str:
    return secrets.token_urlsafe(16)


class AlreadyIssued(Exception):
    """The form with this key issued its secret before; nothing new was issued."""


class IssuedOnceForm(forms.Form):
    """Adds the hidden key; the view passes ``cleaned_data["issue_key"]`` to the service that issues."""

    issue_key = forms.CharField(widget=forms.HiddenInput, required=False, initial=new_issue_key, strip=True)

    def clean_issue_key(self) -> str:
        key = self.cleaned_data["issue_key"]
        return key if KEY_PATTERN.fullmatch(key) else ""


def issue_key_field() -> models.CharField:
    """The column an issued row keeps its form's key in ("" when it came without one)."""
    return models.CharField(max_length=KEY_MAX_LENGTH, blank=True, default="", editable=False)


def issued_once_constraint(name: str) -> models.UniqueConstraint:
    """One row per person and key: what decides two sends of one form that arrive together."""
    return models.UniqueConstraint(fields=("user", "issue_key"), condition=~models.Q(issue_key=""), name=name)


@contextmanager
def issuing_once(model: type[models.Model], *, user: AbstractBaseUser, issue_key: str) -> Iterator[None]:
    """Around the creation of the row: raises AlreadyIssued when this person's key issued one before, also when
    the other send commits while this one writes."""
    if issue_key and model.objects.filter(user=user, issue_key=issue_key).exists():
        raise AlreadyIssued
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        if issue_key and model.objects.filter(user=user, issue_key=issue_key).exists():
            raise AlreadyIssued from error
        raise
