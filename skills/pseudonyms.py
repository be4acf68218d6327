"""Friendly, stable pseudonyms for candidates: an adjective, a bird and a number, drawn from a random source.

Never derived from anything the engineer entered (least of all the e-mail
address), so a pseudonym tells a recruiter nothing about who is behind it. About
two million combinations: "unique enough" for a list a recruiter reads, while the
profile id stays the key; new profiles still skip a pseudonym already in use.
"""

import secrets

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


def random_pseudonym() -> str:
    """A new pseudonym such as "Quiet Heron 482"; the model's default, so every way of creating a profile gets one."""
    return f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)} {100 + secrets.randbelow(900)}"
