"""Friendly, stable pseudonyms for candidates: an adjective, a bird and a number, drawn from a random source.

Never derived from anything the engineer entered (least of all the email
address), so a pseudonym tells a recruiter nothing about who is behind it. About
two million combinations per language: "unique enough" for a list a recruiter
reads, while the profile id stays the key; new profiles still skip a pseudonym
already in use.

A pseudonym is in the engineer's language when their profile is made ("Stille
Reiger 482" for a Dutch engineer, "Quiet Heron 482" for an English one) and then
stays as it is: recruiters may have noted it, so a later switch of language does
not rename anyone, and existing profiles were left as they were.

A pseudonym must not hold the engineer's own name or the start of their email address (:func:`part_named_in`):
some birds and colours are names too ("Robin", "Amber", "de Valk"), so a pseudonym drawn for a known person
skips them (``avoiding``).
"""

import re
import secrets
import unicodedata
from collections.abc import Mapping

from django.utils.translation import get_language

ADJECTIVES = (
    "Amber", "Bold", "Brave", "Bright", "Calm", "Clever", "Coral", "Crisp", "Curious", "Daring", "Eager", "Even",
    "Fair", "Fleet", "Gentle", "Golden", "Grand", "Green", "Happy", "Honest", "Humble", "Indigo", "Jade", "Keen",
    "Kind", "Lively", "Lucid", "Lunar", "Merry", "Mild", "Noble", "Olive", "Patient", "Polar", "Proud", "Quick",
    "Quiet", "Rapid", "Ruby", "Sage", "Silver", "Solar", "Steady", "Swift", "Tidy", "Vivid", "Warm", "Witty",
)  # fmt: skip
NOUNS = (
    "Albatross", "Avocet", "Bittern", "Bunting", "Condor", "Crane", "Curlew", "Dipper", "Dunlin", "Eagle", "Egret",
    "Eider", "Falcon", "Finch", "Gannet", "Godwit", "Goshawk", "Grebe", "Harrier", "Heron", "Hobby", "Ibis",
    "Jay", "Kestrel", "Kingfisher", "Kite", "Lapwing", "Lark", "Linnet", "Magpie", "Merlin", "Nightjar",
    "Nuthatch", "Oriole", "Osprey", "Owl", "Pelican", "Petrel", "Plover", "Puffin", "Redstart", "Robin",
    "Sanderling", "Shrike", "Siskin", "Swift", "Tern", "Wren",
)  # fmt: skip


# Dutch: adjectives inflected for "de" words, and only birds that are "de" words ("de reiger", never "het roodborstje").
DUTCH_ADJECTIVES = (
    "Blije", "Dappere", "Eerlijke", "Fiere", "Flinke", "Frisse", "Geduldige", "Gouden", "Groene", "Handige",
    "Heldere", "Kalme", "Koene", "Kordate", "Krachtige", "Kwieke", "Lenige", "Levendige", "Lieve", "Moedige",
    "Montere", "Nieuwsgierige", "Nobele", "Opgewekte", "Oranje", "Parmantige", "Pientere", "Rustige", "Schrandere",
    "Serene", "Slimme", "Snelle", "Speelse", "Sterke", "Stille", "Stoere", "Trouwe", "Vaste", "Vlotte", "Vrolijke",
    "Vurige", "Warme", "Wijze", "Zachte", "Zilveren", "Zonnige", "Bedachtzame", "Gezellige",
)  # fmt: skip
DUTCH_NOUNS = (
    "Albatros", "Boomklever", "Buizerd", "Eider", "Ekster", "Fuut", "Gaai", "Goudvink", "Grutto", "Havik",
    "IJsvogel", "Kauw", "Kievit", "Kneu", "Koolmees", "Kraai", "Kraanvogel", "Kuifmees", "Kwartel", "Leeuwerik",
    "Lepelaar", "Lijster", "Meeuw", "Merel", "Mus", "Nachtegaal", "Ooievaar", "Pelikaan", "Pimpelmees", "Plevier",
    "Putter", "Reiger", "Roodstaart", "Scholekster", "Sijs", "Specht", "Sperwer", "Spreeuw", "Stern", "Strandloper",
    "Tureluur", "Uil", "Valk", "Vink", "Wielewaal", "Winterkoning", "Wulp", "Zwaluw",
)  # fmt: skip
WORDS = {"en": (ADJECTIVES, NOUNS), "nl": (DUTCH_ADJECTIVES, DUTCH_NOUNS)}


MAX_DRAWS = 1000  # far more than any name needs: a name part is in a few of the words at most

# Parts of a name too short or too common to point to anyone: under three letters, or a Dutch, German, French,
# Spanish or Portuguese particle ("van der", "ten", "von", "del"…).
MIN_NAME_PART = 3
NAME_PARTICLES = frozenset({"van", "der", "den", "ter", "ten", "het", "von", "del", "des", "dos", "das", "die"})


def random_pseudonym(language: str | None = None, *, avoiding: Mapping[str, str] | None = None) -> str:
    """A new pseudonym such as "Quiet Heron 482", in ``language`` (by default the active one: the engineer's, as
    their profile is made); the model's default, so every way of creating a profile gets one. ``avoiding``: the
    person's :func:`own_name_parts`, none of which it holds."""
    adjectives, nouns = WORDS.get((language or get_language() or "en")[:2], WORDS["en"])
    for _ in range(MAX_DRAWS):
        pseudonym = f"{secrets.choice(adjectives)} {secrets.choice(nouns)} {100 + secrets.randbelow(900)}"
        if not avoiding or part_named_in(pseudonym, avoiding) is None:
            return pseudonym
    raise ValueError("No pseudonym avoids these name parts.")  # only if nearly every word held one


def _letters(text: str) -> str:
    """The letters of ``text`` only, in lower case and without accents: "Sänne de-Vries" → "sannedevries"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if character.isalpha())


def name_parts(*texts: str) -> dict[str, str]:
    """The words of ``texts`` that could point to a person, by their letters (see :func:`_letters`), each with the
    word as written: every word of three letters or more that is not a particle such as "van" or "der"."""
    parts = {}
    for text in texts:
        for word in re.split(r"[\W\d_]+", text or ""):
            letters = _letters(word)
            if len(letters) >= MIN_NAME_PART and letters not in NAME_PARTICLES:
                parts.setdefault(letters, word)
    return parts


def own_name_parts(*, user, display_name: str = "") -> dict[str, str]:
    """The parts of who the engineer is that a pseudonym must not hold: their name on the profile and on the account,
    and their email address before the "@"."""
    email = (getattr(user, "email", "") or "").partition("@")[0]
    return name_parts(display_name, getattr(user, "first_name", ""), getattr(user, "last_name", ""), email)


def part_named_in(pseudonym: str, parts: Mapping[str, str]) -> str | None:
    """The first of the person's name ``parts`` (see :func:`name_parts`, the name before the email address) that
    ``pseudonym`` holds, as written; capitals, accents, spaces and punctuation do not hide one. None when it holds
    none."""
    letters = _letters(pseudonym)
    return next((word for part, word in parts.items() if part in letters), None)
