"""What a vacancy asks besides skills: the languages a candidate must speak, the years of experience, the place.

- **Languages**: a language named in a sentence that says how well it must be spoken or written ("vloeiend
  Nederlands", "fluent Dutch", "goede beheersing van het Engels", "English at C1 level"), not negated ("Nederlands
  is niet vereist") and outside the company and offer sections. Reported as language codes ("nl", "en"…).
- **Years**: the fewest years of experience asked (the rule of skills.vacancies.seniority), or none.
- **Location**: the text after "Locatie:", "Location:", "Standplaats:"…, else the place after "based in",
  "gevestigd in", "kantoor in", "office in"…, else the first Dutch or Belgian city named, else "remote" for a
  fully remote job, else none.
"""

import re
from dataclasses import dataclass, field

from skills.vacancies.layout import ASKING_NOTHING, Layout
from skills.vacancies.text import word_set

LANGUAGE_NAMES = {
    "nl": word_set("dutch nederlands nederlandse nederlandstalig nederlandstalige"),
    "en": word_set("english engels engelse engelstalig engelstalige"),
    "de": word_set("german duits duitse duitstalig"),
    "fr": word_set("french frans franse franstalig"),
}
LANGUAGE_OF_WORD = {word: code for code, names in LANGUAGE_NAMES.items() for word in names}
PROFICIENCY = word_set(
    """
    fluent fluently fluency native proficient proficiency speak speaks speaking spoken written writing excellent
    command mastery business level c1 c2 b2 required must communicate communication
    vloeiend vloeiende moedertaal moedertaalniveau beheersing beheers beheerst spreek spreekt spreken
    schriftelijk mondeling uitstekend uitstekende goede goed niveau vereist verplicht communiceren
    """
)
LOCATION_LABEL = re.compile(
    r"^[\s\-*•·]*(?:locatie|location|standplaats|werklocatie|werkplek|plaats|place of work|office)\s*:\s*(?P<place>[^\n|;(]+)",
    re.IGNORECASE | re.MULTILINE,
)
LOCATION_PHRASE = re.compile(
    r"\b(?i:based in|located in|office in|offices in|gevestigd in|kantoor in|werken in|werkplek in|standplaats)\s+"
    r"(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)*)"
)
MOST_LOCATION_CHARS = 80
PLACES = (
    "Amsterdam Rotterdam Utrecht Den Haag Eindhoven Groningen Arnhem Nijmegen Leiden Delft Haarlem Zwolle Breda "
    "Tilburg Amersfoort Apeldoorn Enschede Maastricht Hilversum Almere Leeuwarden Deventer Zaandam Schiphol "
    "Antwerpen Antwerp Brussel Brussels Gent Ghent Leuven Mechelen The Hague"
)
PLACE = re.compile(r"\b(?P<place>Den Haag|The Hague|" + "|".join(PLACES.split()) + r")\b")
REMOTE = re.compile(r"\b(?:fully remote|volledig remote|100% remote|remote-first|remote first)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Requirements:
    languages: tuple[str, ...] = field(default=())
    years: int | None = None
    location: str | None = None


def languages_asked(layout: Layout) -> tuple[str, ...]:
    """The codes of the languages the vacancy asks a candidate to speak or write, in order of first mention."""
    found: list[str] = []
    for index, word in enumerate(layout.words):
        code = LANGUAGE_OF_WORD.get(word)
        if code is None or code in found or layout.section(index) in ASKING_NOTHING:
            continue
        if PROFICIENCY.isdisjoint(layout.sentence_words(index)) or layout.is_negated(index, index):
            continue
        found.append(code)
    return tuple(found)


def location_of(text: str) -> str | None:
    """Where the job is, as the vacancy writes it."""
    match = LOCATION_LABEL.search(text) or LOCATION_PHRASE.search(text) or PLACE.search(text)
    if match is None:
        return "remote" if REMOTE.search(text) else None
    place = match.group("place").strip(" .,-–")
    return place[:MOST_LOCATION_CHARS] or None
