"""Requirements that are not skills, in the everyday words vacancies use: languages said how well or in which the
work is done, years in words and ranges, and the place in a header or among British and Belgian cities."""

import pytest

from skills.vacancies.reading import read_vacancy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Requirements\n- Dutch at C1 level\n", ("nl",)),
        ("You speak and write Dutch.", ("nl",)),
        ("Daily work in English with colleagues.", ("en",)),
        ("You will work in English; Dutch is not required.", ("en",)),
        ("Nederlands op B2-niveau.", ("nl",)),
        ("Je spreekt vlot Engels.", ("en",)),
        ("Wat vragen wij?\n- Vlot Engels\n", ("en",)),
        ("Je werkt dagelijks in het Nederlands met klanten.", ("nl",)),
        ("- Fluent Dutch for the factory floor, and good English for the sales team.", ("nl", "en")),
        ("Our offer\n- A pension.\n\nLocation: Utrecht; English is the working language.", ("en",)),
        # either will do, or the country's adjective: none asked
        ("Dutch or English is fine.", ()),
        ("Je communiceert goed in het Nederlands of het Engels; beide is prima.", ()),
        ("You work in Dutch supermarkets and speak to English clients.", ()),
        ("Je spreekt vlot Nederlands; Frans is een troef.", ("nl",)),  # Flemish for a plus
    ],
)
def test_a_language_is_read_in_everyday_words(demo, text, languages):
    assert read_vacancy(text=text).requirements.languages == languages


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("You have between three and five years of experience.", 3),
        ("Je hebt tussen de drie en vijf jaar ervaring.", 3),
        ("Two or three years of experience.", 2),
        ("Twee of drie jaar werkervaring.", 2),
        ("Three-plus years in data engineering.", 3),
        ("Een jaar of drie ervaring met SQL.", 3),  # about three years, not one
        ("Twelve years of experience.", 12),
        ("Twaalf jaar ervaring.", 12),
        ("Two years or more building production front ends.", 2),
        ("Zero to two years of professional experience.", 0),
        ("Nul tot twee jaar werkervaring.", 0),
        ("You have several years of experience.", None),
        ("Three years of backend development in Python.", 3),  # any form of a word about experience
        ("Vier jaar als ontwikkelaar.", 4),
        ("Up to one year of experience, or a relevant degree.", 0),  # at most: none asked
        ("Tot twee jaar werkervaring.", 0),
        ("Three years of contracts with our clients.", None),
    ],
)
def test_years_in_words_and_ranges_are_the_fewest_asked(demo, line, years):
    assert read_vacancy(text=line).requirements.years == years


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Data Engineer\nHarbourline | Manchester | Hybrid\n\nAn office in Ancoats with quiet booths.", "Manchester"),
        ("Data Engineer\nRailway Co | Edinburgh | Remote within the UK\n\nWork from our office in Leith.", "Edinburgh"),
        ("Our head office is in Cardiff Bay.", "Cardiff"),
        ("You join our team in Leeds.", "Leeds"),
        ("Je werkt vanuit ons kantoor in Luik.", "Luik"),
        ("Standplaats Mechelen of Gent.", "Mechelen"),
        # a fully remote job: the city where the team meets is not where the job is
        ("Analytics Engineer\nFernleaf – fully remote (UK)\n\nA team week in Bristol every quarter.", None),
        ("Frontend Engineer — Remote (UK)\n\nTwo company meet-ups a year in Sheffield.", None),
        ("Data Engineer — Leeds, remote possible\n\nOur office is in Leeds.", "Leeds"),
    ],
)
def test_the_place_is_read_from_a_header_and_more_cities(demo, text, location):
    assert read_vacancy(text=text).requirements.location == location
