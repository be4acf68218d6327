"""An engineer's own pseudonym: fresh suggestions in their language, or one they type, checked so that it can
neither name nor reach them (not their own name or the start of their email address, no email address, no web
address or domain) and is nobody else's.

Apart from ``skills.privacy.pseudonyms`` (the words and the default the model uses), which must not import the
models.
"""

import re

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from portal.cache.fragments import person_kind, touch
from skills.models import EngineerProfile
from skills.privacy.pseudonyms import own_name_parts, part_named_in, random_pseudonym
from skills.services.profiles import get_or_create_profile

PSEUDONYM_MIN_LENGTH = 3
PSEUDONYM_MAX_LENGTH = 40
SUGGESTIONS = 5
# Anything that reads as an email address or a web address: "@", a scheme, "www.", a word-dot-word domain, or one
# spaced out ("example . com") when a common top-level domain ends it, so that "Mr. Pipeline" or "S. de Vries" (an
# initial or a title before a name) is no domain, nor is a title before a word that happens to be a top-level domain
# ("Mr. Info", "Dr. Dev").
EMAIL_LIKE = re.compile(r"@|＠")
COMMON_TOP_LEVEL_DOMAINS = "com|nl|org|net|io|dev|eu|be|de|co|uk|ai|app|info|tech|me|biz|online|site|xyz"
TITLES = "mr|mrs|ms|mx|dr|drs|prof|ir|ing|dhr|mevr|mw|jr|sr"
WEB_LIKE = re.compile(
    r"(?i)(://|\bwww\.|\b[\w-]+\.[a-z]{2,}\b"
    rf"|\b(?!(?:{TITLES})\s*\.)[\w-]+\s*\.\s*(?:{COMMON_TOP_LEVEL_DOMAINS})\b(?!\s+[^\W\d_]))"
)


def clean_pseudonym(value: str) -> str:
    """The pseudonym with its spaces tidied, or a ValidationError that says what to change."""
    pseudonym = " ".join(value.split())
    if "\x00" in value or any(not character.isprintable() for character in pseudonym):
        raise ValidationError(_("Use letters, digits, spaces and ordinary punctuation only."), code="characters")
    if len(pseudonym) < PSEUDONYM_MIN_LENGTH or len(pseudonym) > PSEUDONYM_MAX_LENGTH:
        raise ValidationError(
            _("A pseudonym has %(min)d to %(max)d characters.")
            % {"min": PSEUDONYM_MIN_LENGTH, "max": PSEUDONYM_MAX_LENGTH},
            code="length",
        )
    if EMAIL_LIKE.search(pseudonym):
        raise ValidationError(_("A pseudonym cannot hold an email address: it would tell who you are."), code="email")
    if WEB_LIKE.search(pseudonym):
        raise ValidationError(
            _("A pseudonym cannot hold a web address or domain name: it could lead to you."), code="url"
        )
    return pseudonym


def pseudonym_taken(*, pseudonym: str, profile: EngineerProfile | None = None) -> bool:
    """Whether another engineer has this pseudonym, in any mix of capitals."""
    others = EngineerProfile.objects.filter(pseudonym__iexact=pseudonym)
    return (others.exclude(pk=profile.pk) if profile is not None and profile.pk else others).exists()


def refuse_own_name(*, pseudonym: str, user: AbstractBaseUser, display_name: str) -> None:
    """A ValidationError when the pseudonym holds the engineer's own name or the start of their email address
    (:func:`skills.privacy.pseudonyms.part_named_in`)."""
    part = part_named_in(pseudonym, own_name_parts(user=user, display_name=display_name))
    if part is not None:
        raise ValidationError(
            _(
                "A pseudonym cannot hold your own name or the start of your email address (here: “%(part)s”): "
                "it would lead to you."
            )
            % {"part": part},
            code="own_name",
        )


def pseudonym_suggestions(*, language: str, user: AbstractBaseUser, count: int = SUGGESTIONS) -> list[str]:
    """``count`` fresh pseudonyms in ``language`` that nobody has yet and that hold nothing of the engineer's name
    or email address, so that picking one always works; three queries at most."""
    display_name = EngineerProfile.objects.filter(user=user).values_list("display_name", flat=True).first() or ""
    avoiding = own_name_parts(user=user, display_name=display_name)
    drawn = list(dict.fromkeys(random_pseudonym(language, avoiding=avoiding) for _ in range(count * 2)))
    taken = set(
        EngineerProfile.objects.annotate(lowered=Lower("pseudonym"))
        .filter(lowered__in=[name.lower() for name in drawn])
        .values_list("lowered", flat=True)
    )
    return [name for name in drawn if name.lower() not in taken][:count]


@transaction.atomic
def choose_pseudonym(*, user: AbstractBaseUser, pseudonym: str) -> EngineerProfile:
    """Give the engineer the pseudonym they picked or typed, once checked and free; recruiters see it from now on."""
    get_or_create_profile(user=user)
    profile = EngineerProfile.objects.select_for_update().get(user=user)
    pseudonym = clean_pseudonym(pseudonym)
    refuse_own_name(pseudonym=pseudonym, user=user, display_name=profile.display_name)
    if pseudonym_taken(pseudonym=pseudonym, profile=profile):
        raise ValidationError(_("Another engineer already uses this pseudonym; pick another."), code="taken")
    profile.pseudonym = pseudonym
    profile.save(update_fields=["pseudonym", "updated_at"])
    touch(person_kind(user.pk))
    return profile
