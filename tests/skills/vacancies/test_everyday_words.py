"""Items described in everyday words, in English and Dutch: the demo phrases of the concepts vacancies describe
without naming them (finding why output went wrong, reading only what a query needs, a way back after a release…),
the generic ones only beside their skill, and how new demo phrases reach a database that already holds the demo."""

import pytest

from skills.demo_phrases import load_item_phrases_demo
from skills.models import ItemPhrase
from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("You track down where the output of a pipeline went wrong.", "pandas/debugging"),
        ("Je achterhaalt waar de output van een pipeline fout ging.", "pandas/debugging"),
        ("You choose sort keys and distribution keys for the warehouse tables.", "sql/query-performance"),
        ("Je kiest sorteersleutels en clustersleutels voor grote tabellen.", "sql/query-performance"),
        ("Queries read only the columns they need.", "sql/query-performance"),
        ("Je voorkomt dat een query de hele tabel scant.", "sql/query-performance"),
        ("You release new versions step by step, with a way back if something breaks.", "ci-cd/deploying-services"),
        ("Je brengt nieuwe versies stap voor stap live.", "ci-cd/deploying-services"),
        ("You ship services to production safely.", "ci-cd/deploying-services"),
        ("Je zet services veilig in productie.", "ci-cd/deploying-services"),
        ("You manage who has access to what in our AWS account.", "cloud/access"),
        (
            "Elke job draait met alleen de rechten die hij nodig heeft, en wachtwoorden en tokens staan in een kluis.",
            "cloud/access",
        ),
        ("You keep passwords and keys out of the repository, never in code.", "cloud/access"),
        ("You run jobs on serverless compute.", "cloud/storage-compute"),
        ("Je werkt met opslag en rekenkracht in de cloud.", "cloud/storage-compute"),
        ("Some extracts don't fit in memory, so you read them in chunks.", "pandas/memory"),
        ("Je verwerkt bestanden die niet in het geheugen passen in delen.", "pandas/memory"),
        ("You decide how data is partitioned across the Spark cluster.", "pyspark/partitioning"),
        ("You replace shuffles with broadcast joins.", "pyspark/shuffles"),
        ("You find out why a Spark job is slow and what it costs.", "pyspark/runtime-debugging"),
        ("Je zoekt in Spark uit waarom een job traag is en wat het kost.", "pyspark/runtime-debugging"),
        ("You write small functions with clear inputs and outputs.", "python-fundamentals/functions"),
        ("You combine tables from several sources.", "sql/joins"),
        ("Je koppelt tabellen uit verschillende bronnen.", "sql/joins"),
        ("You use PARTITION BY and OVER clauses in SQL.", "sql/window-functions"),
        ("Adding checks so that a customer key is never empty.", "data-quality/null-checks"),
        ("Je controleert of velden die nooit leeg mogen zijn ook echt gevuld zijn.", "data-quality/null-checks"),
        ("The customer table has no duplicates before anyone sees it.", "data-quality/data-tests"),
        ("You package the jobs in containers.", "ci-cd/docker"),
        ("You rewrite the queries so they only touch the data they need.", "sql/query-performance"),
        ("You write small, tested, reusable functions.", "python-fundamentals/functions"),
        ("Je koppelt gegevens uit verschillende registraties aan elkaar.", "sql/joins"),
        ("Cut down the data that travels between machines during joins.", "pyspark/shuffles"),
        ("One task ends up doing all the work while the rest of the cluster waits.", "pyspark/skew"),
        ("Je berekent in SQL voortschrijdende gemiddelden per klant.", "sql/window-functions"),
    ],
)
def test_an_item_described_in_everyday_words_is_asked(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("You enjoy finding out why a number on a dashboard is wrong.", "pandas/debugging"),  # an analyst's curiosity
        ("Our data is partitioned by date.", "sql/window-functions"),  # PARTITION BY only beside SQL
        ("We are a short walk from Canary Wharf.", "ci-cd/deploying-services"),
        ("Je hebt rechten gestudeerd.", "cloud/access"),
        ("You can always find a way back to the office from the station.", "ci-cd/deploying-services"),
        ("Your laptop has plenty of memory.", "pandas/memory"),
        ("Je werkt stap voor stap je inwerkprogramma af.", "ci-cd/deploying-services"),
        ("The file contains one row per customer.", "ci-cd/docker"),  # "contains" has the English stem of "containers"
        ("Each container move at the terminal is counted once.", "ci-cd/docker"),
        ("Je zorgt dat een tabel nooit leeg wordt opgeleverd.", "data-quality/null-checks"),  # a table, not a field
        ("The team has a short stand-up every morning at 9:00.", "orchestration/scheduling"),
        ("Iedere ochtend om 10:00 is er een stand-up van een kwartier.", "orchestration/scheduling"),
    ],
)
def test_everyday_words_without_their_skill_ask_nothing(demo, text, item):
    assert item not in asked_items(read_vacancy(text=text))


def test_new_demo_phrases_reach_a_database_that_holds_the_demo(demo):
    ItemPhrase.objects.filter(text__in=("sort keys", "sorteersleutels")).delete()  # a database from before this round
    editors = ItemPhrase.objects.create(
        item=ItemPhrase.objects.get(text="query plans").item, text="zone maps", language="en"
    )
    text = "You choose sort keys and zone maps."
    assert _phrases_of(read_vacancy(text=text), "query-performance") == ["zone maps"]

    load_item_phrases_demo()

    assert _phrases_of(read_vacancy(text=text), "query-performance") == ["sort keys", "zone maps"]
    assert ItemPhrase.objects.filter(pk=editors.pk).exists()


def _phrases_of(reading, item_slug: str) -> list[str]:
    return [hit.text for asked in reading.items if asked.item.slug == item_slug for hit in asked.phrases]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Onze Spark-jobs verwerken terabytes. Jij maakt ze sneller.\n- Je kiest een slimme partitiestrategie.", True),
        ("Our Spark jobs process terabytes; you make them faster:\n\n- You choose the partitions on purpose.", True),
        ("Wat ga je doen?\n- Je kiest een slimme partitiestrategie.", False),  # a heading names no skill
        ("We love Spark.\n\nWe are a small team.\n- Je kiest een slimme partitiestrategie.", False),  # not its lead
    ],
)
def test_a_bullet_has_the_skills_named_on_the_line_that_leads_its_list(demo, text, asked):
    assert ("pyspark/partitioning" in asked_items(read_vacancy(text=text))) is asked


def test_a_tool_on_the_lead_line_gives_its_bullets_no_context(demo):
    text = "Our code base is Python and Pandas.\n- Every change goes through a build with tests."
    assert "data-quality/data-tests" not in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "When a supplier adds a column or sends a date as a string, the pipeline notices.",
            "data-quality/schema-drift",
        ),
        ("Als een leverancier een veld toevoegt of het type van een bestaand veld wijzigt, merk je dat op.", None),
        ("Een kolom die verdwijnt of ineens anders heet, vang je netjes af.", "data-quality/schema-drift"),
        ("Every code must be one that we actually know, and speeds stay within what is physically possible.", None),
        ("Je legt vast dat elk bonnummer uniek is en dat meetwaarden fysiek mogelijk blijven.", None),
        ("When a load fails and still fails after a retry, the engineer on call is paged.", "orchestration/retries"),
        ("Mislukte laadacties worden drie keer opnieuw geprobeerd.", "orchestration/retries"),
        ("You find out why a SQL query that used to take a second takes a minute.", "sql/query-performance"),
        ("Reports read every row of the table in SQL to show one week.", "sql/query-performance"),
        ("Je spoort op in welke stap van de verwerking het misgaat.", "pandas/debugging"),
        ("Je weet waarom die ene klant een Spark-job laat vastlopen terwijl de rest klaar is.", "pyspark/skew"),
        ("One overrepresented postcode slows the Spark job down.", "pyspark/skew"),
        ("Tests fail the build when an account id appears twice or a price is negative.", "data-quality/data-tests"),
        ("Velden die leeg of helemaal niet binnenkomen, vang je af.", "data-quality/null-checks"),
        ("Our pipeline automatically runs the dbt build and all the tests.", "ci-cd/ci-pipelines"),
        ("Bij elke wijziging draait automatisch een build met alle tests.", "ci-cd/ci-pipelines"),
    ],
)
def test_the_common_wordings_of_checks_changes_failures_and_speed_are_asked(demo, text, item):
    """Two generic wordings of one item in a sentence second each other; one beside its skill counts alone."""
    items = asked_items(read_vacancy(text=text))
    if item:
        assert item in items
    else:
        assert {"data-quality/schema-drift", "data-quality/data-tests"} & items.keys()


@pytest.mark.parametrize(
    "text",
    [
        "Our app is unique in the market.",
        "Projects stay within budget.",
        "Als het misgaat met je laptop, helpt de servicedesk.",
        "The office has an extra field next to the car park.",
        "Our on-call rota is shared fairly.",
        "The temperature outside is negative.",
        "All the tests of the new app are done by our QA team.",
    ],
)
def test_a_single_generic_wording_without_its_skill_asks_nothing(demo, text):
    assert asked_items(read_vacancy(text=text)) == {}


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("You lower the memory usage of our pandas scripts.", {"pandas/memory": True, "pandas/cleaning": True}),
        ("Je verlaagt het geheugengebruik van onze pandas-scripts.", {"pandas/memory": True, "pandas/cleaning": True}),
        ("You set alerts on the memory usage of the nodes.", {}),
        ("Je stelt alerts in op het geheugengebruik van de nodes.", {}),
        ("The logs no longer fit in memory, so you read them in chunks.", {"pandas/memory": True}),
        ("Onze bestanden passen niet meer in het geheugen.", {"pandas/memory": True}),
        ("You explain why looping over rows is slow.", {"python-fundamentals/vectorised-code": True}),
    ],
)
def test_memory_and_loops_in_everyday_words(demo, text, items):
    """Memory usage is a server's as often as a script's; a phrase a negation naturally precedes carries it."""
    assert asked_items(read_vacancy(text=text)) == items


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("Picking the right dtypes and reading in chunks is not optional.", True),
        ("Zuinige datatypes kiezen is niet optioneel.", True),
        ("Picking the right dtypes is optional.", False),
    ],
)
def test_an_idiom_that_asks_holds_no_nice_cue(demo, text, required):
    assert asked_items(read_vacancy(text=text)) == {"pandas/memory": required}
