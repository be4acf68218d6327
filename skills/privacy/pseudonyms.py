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
"""

import secrets

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


def random_pseudonym(language: str | None = None) -> str:
    """A new pseudonym such as "Quiet Heron 482", in ``language`` (by default the active one: the engineer's, as
    their profile is made); the model's default, so every way of creating a profile gets one."""
    adjectives, nouns = WORDS.get((language or get_language() or "en")[:2], WORDS["en"])
    return f"{secrets.choice(adjectives)} {secrets.choice(nouns)} {100 + secrets.randbelow(900)}"
