"""What a vacancy asks besides skills: the languages a candidate must speak, the years of experience, the place.

- **Languages**: a language named as a language ("Dutch and English", "Nederlands op C1-niveau"; not "a Dutch
  company", "de Nederlandse overheid") in a requirements list or in a sentence that says how well it must be
  spoken or written ("vloeiend Nederlands", "fluent Dutch", "goede beheersing van het Engels", "English is our
  working language"), neither negated ("Nederlands is niet vereist") nor only a plus ("Dutch is a plus") and
  outside the company and offer sections; two joined by "or" ("Nederlands of Engels") ask neither. Reported as
  language codes ("nl", "en"…).
- **Years**: the fewest years of experience asked (the rule of skills.vacancies.seniority), or none.
- **Location**: the text after "Locatie:", "Location:", "Standplaats:"…, else a known city in the first lines (a
  header's "Company | Manchester | Hybrid"), else the place after "based in", "gevestigd in", "kantoor in",
  "office in"…, else the first Dutch, Belgian, British or Irish city named, else "remote" for a fully remote job,
  else none; none for a job whose header says it is fully remote ("Fernleaf – fully remote (UK)").
"""

import bisect
import re
from dataclasses import dataclass, field
from itertools import pairwise

from skills.vacancies.layout import ASKING_NOTHING, Layout, Section
from skills.vacancies.terms import ENGLISH_AND_DUTCH_SMALL_WORDS
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
    command mastery business level c1 c2 b2 required must communicate communication good strong write writes
    skills knowledge working comfortable
    vloeiend vloeiende moedertaal moedertaalniveau beheersing beheers beheerst spreek spreekt spreken
    schriftelijk mondeling uitstekend uitstekende goede goed niveau vereist verplicht communiceren schrijft
    schrijven kennis machtig voertaal werktaal woord geschrift communicatief communicatieve vaardig vaardigheden
    prettig redden vlot vlotte work works werk werkt daily dagelijks dagelijkse
    """
)  # "work" alone asks no language: "a Dutch company" is no language (see _as_language); "work in English" is
HOW_WELL = word_set(  # right before a language's name, it is the language: "good English for the sales team"
    """
    fluent good strong excellent native proficient solid professional conversational
    vloeiend vloeiende vlot vlotte goed goede uitstekend uitstekende perfect perfecte
    """
)
# After a language's name, a small word shows it is the language ("good English for…"), not an adjective ("a good
# Dutch employer", "in Dutch shops").
FUNCTION_WORDS = ENGLISH_AND_DUTCH_SMALL_WORDS | {"for", "with", "met", "and", "or", "en", "of"}
WORKING_LANGUAGE = word_set("werktaal voertaal")  # and "working language": asked in the offer's lines too
LIST_JOINS = word_set("and or en of")
LANGUAGE_NOUNS = word_set("nederlands engels duits frans")  # the Dutch names of languages, never adjectives
LANGUAGE_FOLLOWERS = word_set(
    """
    and or is are as at on in to both level language languages speaker speakers speaking skills proficiency
    required essential fluently c1 c2 b1 b2
    en of is als op in taal talen niveau vaardigheid vaardigheden taalvaardigheid spreken sprekend sprekende
    vereist verplicht vloeiend beheersen machtig schriftelijk mondeling goed well uitstekend
    """
)  # what may follow a language's name: "Dutch and English", "Nederlands op C1-niveau", not "Dutch market"
# The spaces and bullets before a label stay on its own line: a class that takes line breaks too would try every
# blank line below each line start again, the square of a text of blank lines (minutes for 20,000 of them).
LOCATION_LABEL = re.compile(
    r"^(?:[^\S\n]|[\-*•·])*(?:locatie|location|standplaats|werklocatie|werkplek|plaats|place of work|office|vestiging|kantoor|"
    r"regio|region|work location|job location|where|waar)\s*:\s*(?P<place>[^\n|;(]+)",
    re.IGNORECASE | re.MULTILINE,
)
LOCATION_PHRASE = re.compile(
    r"\b(?i:based in|located in|office in|offices in|headquartered in|gevestigd in|kantoor in|hoofdkantoor in|"
    r"vestiging in|werken in|werkplek in|standplaats)\s+"
    r"(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)*)"
)
MOST_LOCATION_CHARS = 80
SENTENCE_END = re.compile(r"[.!?]\s")
PLACES = (
    "Amsterdam, Rotterdam, Utrecht, Den Haag, The Hague, Eindhoven, Groningen, Arnhem, Nijmegen, Leiden, Delft, "
    "Haarlem, Zwolle, Breda, Tilburg, Amersfoort, Apeldoorn, Enschede, Maastricht, Hilversum, Almere, Leeuwarden, "
    "Deventer, Zaandam, Schiphol, 's-Hertogenbosch, Den Bosch, Dordrecht, Zoetermeer, Amstelveen, Hoofddorp, "
    "Alkmaar, Assen, Lelystad, Ede, Wageningen, Veenendaal, Nieuwegein, Houten, Zeist, Gouda, Heerlen, Venlo, "
    "Roermond, Sittard, Helmond, Hengelo, Emmen, Middelburg, Vlissingen, Rijswijk, Schiedam, Capelle aan den IJssel, "
    "Alphen aan den Rijn, Purmerend, Hoorn, Diemen, Woerden, Harderwijk, Oss, Veghel, Goes, Bergen op Zoom, "
    "Roosendaal, Antwerpen, Antwerp, Brussel, Brussels, Gent, Ghent, Leuven, Mechelen, Hasselt, Brugge, Bruges, "
    "Kortrijk, Luik, Liège, Namen, Namur, Charleroi, Aalst, Genk, Oostende, Ostend, Sint-Niklaas, Roeselare, "
    "Turnhout, Zaventem, Diegem, Wavre, Louvain-la-Neuve, London, Manchester, Birmingham, Leeds, Bristol, Edinburgh, "
    "Glasgow, Cardiff, Belfast, Liverpool, Sheffield, Newcastle, Nottingham, Cambridge, Oxford, Brighton, Leicester, "
    "Southampton, Aberdeen, Swansea, Coventry, Milton Keynes, Dublin, Cork, Galway"
)  # not "Reading", "Bath" or "York": words at the start of a sentence, or part of "New York"
# The header (the first lines, before a blank one): its "Company | City | Hybrid" names the job's place before any
# office named in the text.
HEADER_LINES, HEADER_CHARS = 3, 600
PLACE = re.compile(r"(?<![\w'-])(?=[A-Z'])(?P<place>" + "|".join(map(re.escape, PLACES.split(", "))) + r")\b")
REMOTE_IN_HEADER = re.compile(
    r"\bremote\b(?![- ]?(?:friendly|possible|mogelijk|optie|option))", re.IGNORECASE
)  # "Frontend
# Engineer — Remote (UK)": a header that names no city and says remote
REMOTE = re.compile(r"\b(?:fully remote|volledig remote|100% remote|remote-first|remote first)\b", re.IGNORECASE)
REMOTE_WORDS = frozenset({"op afstand", "thuiswerken", "thuis", "anywhere"})  # a location that is no place either


@dataclass(frozen=True)
class Requirements:
    languages: tuple[str, ...] = field(default=())
    years: int | None = None
    location: str | None = None


EITHER = frozenset(("or", "of"))
EITHER_FILLERS = frozenset(("in", "het", "the"))  # "Nederlands of het Engels", "in Dutch or in English"


def languages_asked(layout: Layout) -> tuple[str, ...]:
    """The codes of the languages the vacancy asks a candidate to speak or write, in order of first mention: named
    as a language (not "the Dutch market"), in a requirements section or beside how well, neither negated nor only
    a plus ("Dutch is a plus")."""
    found: list[str] = []
    only_a_plus: set[tuple[str, int]] = set()  # (language, sentence): "Dutch is a plus, as clients write in Dutch"
    says_how_well: dict[int, bool] = {}  # per sentence, read once: a long one may name a language many times
    either = _either_language(layout)
    for index in layout.positions(LANGUAGE_OF_WORD.keys()):
        code = LANGUAGE_OF_WORD[layout.words[index]]
        if code in found or not _as_language(layout, index):
            continue
        if layout.section(index) in ASKING_NOTHING and not _names_working_language(layout, index):
            continue
        if index in either:
            continue
        section = layout.section(index)
        if section is Section.NICE or _nice_in_clause(layout, index):
            only_a_plus.add((code, layout.sentences[index]))
            continue
        sentence = layout.sentences[index]
        if sentence not in says_how_well:
            says_how_well[sentence] = not PROFICIENCY.isdisjoint(layout.sentence_words(index))
        if section is not Section.REQUIRED and not says_how_well[sentence]:
            continue
        if (code, layout.sentences[index]) in only_a_plus or layout.is_negated(index, index):
            continue
        found.append(code)
    return tuple(found)


def _either_language(layout: Layout) -> set[int]:
    """The words of two languages joined by "or" ("Nederlands of Engels", "Dutch or English"): either will do, so
    neither is asked."""
    named = layout.positions(LANGUAGE_OF_WORD.keys())
    return {
        index
        for earlier, later in pairwise(named)
        if later - earlier <= 4
        and layout.words[earlier + 1] in EITHER
        and EITHER_FILLERS.issuperset(layout.words[earlier + 2 : later])
        for index in (earlier, later)
    }


def _names_working_language(layout: Layout, index: int) -> bool:
    """Whether the sentence of word ``index`` names the language people work in ("English is the working language",
    "de voertaal is Engels"): asked even where it stands among the offer's lines."""
    words = layout.sentence_words(index)
    return not WORKING_LANGUAGE.isdisjoint(words) or ("working" in words and "language" in words)


def _as_language(layout: Layout, index: int) -> bool:
    """Whether the word ``index`` names a language rather than a country's thing: "Dutch and English", "Dutch.",
    "Dutch-speaking", not "a Dutch company" or "de Nederlandse overheid"."""
    following = index + 1
    if following >= len(layout.words) or layout.sentences[following] != layout.sentences[index]:
        return True
    before = layout.words[index - 1] if index and layout.sentences[index - 1] == layout.sentences[index] else ""
    # "good English for the sales team", "in het Nederlands met", "in English with"; not "a good Dutch employer"
    noun = layout.words[index] in LANGUAGE_NOUNS or layout.words[following] in FUNCTION_WORDS
    if noun and (before in HOW_WELL or before in ("in", "het")):
        return True
    gap = layout.text[layout.ends[index] : layout.starts[following]]
    if gap.strip():
        return True
    if layout.words[following] in LIST_JOINS:  # "Dutch and English", "vloeiend Nederlands en…", not "Dutch and EU law"
        return (
            layout.words[index] in LANGUAGE_NOUNS
            or (index > 0 and layout.words[index - 1] in PROFICIENCY)
            or any(word in LANGUAGE_OF_WORD for word in layout.words[following + 1 : following + 4])
        )
    return layout.words[following] in LANGUAGE_FOLLOWERS


def _nice_in_clause(layout: Layout, index: int) -> bool:
    """Whether a nice-to-have cue stands in the clause of word ``index`` ("Dutch is a plus"), or later in its
    sentence with no other language before it ("Dutch helps, but not required"; not "Dutch is nice to have, but
    English is our working language" for English)."""
    clause, sentence = layout.clauses[index], layout.sentences[index]
    cues = layout.nice_cue_words  # in order, as the clauses and sentences are: the first from the clause on decides
    at = bisect.bisect_left(cues, bisect.bisect_left(layout.clauses, clause, 0, index + 1))
    if at == len(cues):
        return False
    cue = cues[at]
    if layout.clauses[cue] == clause:
        return True
    if layout.sentences[cue] == sentence:
        return not any(word in LANGUAGE_OF_WORD for word in layout.words[index + 1 : cue])
    return False


def is_remote(place: str) -> bool:
    """Whether a location as :func:`location_of` reads it names remote work ("Remote", "Volledig remote", "op
    afstand"), not a place: nobody's profile lives there."""
    return bool(REMOTE_IN_HEADER.search(place)) or place.strip().casefold() in REMOTE_WORDS


def location_of(text: str) -> str | None:
    """Where the job is, as the vacancy writes it."""
    header = text[:HEADER_CHARS].strip().split("\n\n", 1)[0].splitlines()[:HEADER_LINES]
    match = LOCATION_LABEL.search(text) or PLACE.search("\n".join(header))
    if match is None and (REMOTE.search("\n".join(header)) or REMOTE_IN_HEADER.search("\n".join(header))):
        return None  # a fully remote job: a city further on is where the team meets, not where the job is
    match = match or LOCATION_PHRASE.search(text) or PLACE.search(text)
    if match is None:
        return "remote" if REMOTE.search(text) else None
    place = SENTENCE_END.split(match.group("place"), maxsplit=1)[0].strip(" .,-–")  # "Den Haag. Dutch is a plus"
    return place[:MOST_LOCATION_CHARS] or None
