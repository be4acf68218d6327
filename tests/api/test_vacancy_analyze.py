"""POST /api/vacancies/analyze: open to all, limited per address, JSON errors for every bad input, nothing stored."""

import copy
import json
import unicodedata

import pytest

from portal.guards.rate_limits import VACANCY_READINGS
from skills.vacancies.limits import VACANCY_MAX_CHARS

pytestmark = pytest.mark.django_db

URL = "/api/vacancies/analyze"
DUTCH = (
    "Senior Data Engineer\n\nWat vragen wij?\n- Ervaring met Spark en SQL, inclusief analytische functies.\n"
    "- Geen Airflow-ervaring nodig.\n\nPluspunten\n- Docker\n"
)


def analyze(client, body, **kwargs):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **kwargs)


@pytest.mark.parametrize("who", ["anonymous", "engineer", "recruiter"])
def test_anyone_may_analyze_a_vacancy(client, call_as, demo, who):
    response = call_as(client, who, "post", URL, data={"text": DUTCH}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["seniority"] == "senior"


def test_the_reading_names_items_tools_flags_and_offsets(client, demo):
    body = analyze(client, {"text": DUTCH}).json()
    assert body["language"] == "nl"
    items = {(item["skill"], item["item"]): item for item in body["items"]}
    assert items["sql", "window-functions"]["required"] is True
    assert items["ci-cd", "docker"]["required"] is False
    assert ("orchestration", "airflow-dags") not in items
    assert [tool["tool"] for tool in body["tools"]] == ["pyspark"]
    for asked in (*body["items"], *body["tools"]):
        for phrase in asked["phrases"]:
            assert DUTCH[phrase["start"] : phrase["end"]] == phrase["text"]


def test_a_text_over_the_limit_answers_413_json(client, demo):
    response = analyze(client, {"text": "a" * (VACANCY_MAX_CHARS + 1)})
    assert response.status_code == 413
    assert str(VACANCY_MAX_CHARS) in response.json()["detail"].replace(",", "")
    assert analyze(client, {"text": "a" * VACANCY_MAX_CHARS}).status_code == 200


@pytest.mark.parametrize("body", [{}, {"text": 42}, {"text": None}, {"text": ["SQL"]}, {"tekst": "SQL"}, []])
def test_a_missing_or_wrongly_typed_text_answers_422_json(client, demo, body):
    response = analyze(client, body)
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "text",
    [
        "Minimaal ſix years experience with Python.",  # a number word of look-alike letters
        "Spark wat do however hoeft and any of are wat pandas - however which als tune te Airflow nodig no at matter",
    ],
)
def test_a_text_that_once_made_the_reader_raise_is_read(client, demo, text):
    response = analyze(client, {"text": text})
    assert response.status_code == 200
    assert response.json()["requirements"]["years"] is None


def test_the_most_line_breaks_the_limit_lets_through_are_read_at_once(client, demo):
    """20,000 CRLF line breaks count as 20,000 characters; the location label's pattern once read the blank lines
    below each of them again, two minutes of a worker's time per anonymous call."""
    response = analyze(client, {"text": "\r\n" * VACANCY_MAX_CHARS})
    assert response.status_code == 200
    assert response.json()["requirements"]["location"] is None


def test_a_body_that_is_not_json_answers_400_json(client, demo):
    response = analyze(client, "nonsense")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_nul_character_is_refused_with_json(client, demo):
    response = analyze(client, '{"text": "SQL\\u0000"}')
    assert response.status_code in (400, 422)
    assert response.json()["detail"]


def test_a_body_larger_than_the_upload_limit_answers_413_json(client, demo, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = analyze(client, {"text": "SQL " * 1_000})
    assert response.status_code == 413
    assert response.json()["detail"]


def test_analyses_past_the_limit_answer_429_with_retry_after_per_address(client, demo, settings, monkeypatch):
    settings.API_VACANCY_RATE_LIMIT = 2
    monkeypatch.setattr(VACANCY_READINGS, "timer", lambda: 1_000_035.0)  # 15 s into a minute's window
    assert analyze(client, {"text": "SQL"}).status_code == 200
    assert analyze(client, {"text": "SQL"}).status_code == 200
    response = analyze(client, {"text": "SQL"})
    assert response.status_code == 429
    assert response["Retry-After"] == "45"
    assert response.json()["detail"]
    assert analyze(client, {"text": "SQL"}, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_a_signed_in_caller_counts_against_the_address_too(client, call_as, demo, settings, one_rate_window):
    settings.API_VACANCY_RATE_LIMIT = 1
    assert (
        call_as(client, "engineer", "post", URL, data={"text": "SQL"}, content_type="application/json").status_code
        == 200
    )
    response = call_as(client, "engineer", "post", URL, data={"text": "SQL"}, content_type="application/json")
    assert response.status_code == 429


def test_a_new_window_allows_analyses_again(client, demo, settings, monkeypatch):
    settings.API_VACANCY_RATE_LIMIT = 1
    now = [1_000_000.0]
    monkeypatch.setattr(VACANCY_READINGS, "timer", lambda: now[0])
    assert analyze(client, {"text": "SQL"}).status_code == 200
    assert analyze(client, {"text": "SQL"}).status_code == 429
    now[0] += 60
    assert analyze(client, {"text": "SQL"}).status_code == 200


def test_the_endpoint_is_documented_with_its_limit_and_errors(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert {"200", "413", "422", "429"} <= set(operation["responses"])
    assert "a minute per client address" in operation["description"]


def test_analyzing_costs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    analyze(client, {"text": DUTCH})
    with django_assert_max_num_queries(0):
        assert analyze(client, {"text": DUTCH * 20}).status_code == 200


def test_nothing_is_stored(client, demo):
    from django.apps import apps

    counts = {model: model.objects.count() for model in apps.get_models()}
    analyze(client, {"text": DUTCH})
    assert {model: model.objects.count() for model in apps.get_models()} == counts


def test_of_a_text_with_unknown_terms_only_their_counts_and_an_unnamed_mark_of_the_reader_are_stored(client, demo):
    from django.apps import apps

    from skills.models import UnrecognisedTerm, UnrecognisedTermReader
    from tests.factories import UserFactory

    reader = UserFactory()
    client.force_login(reader)
    kept = (UnrecognisedTerm, UnrecognisedTermReader)
    counts = {model: model.objects.count() for model in apps.get_models() if model not in kept}
    analyze(client, {"text": NEGATED})
    assert {model: model.objects.count() for model in counts} == counts
    assert list(UnrecognisedTerm.objects.values_list("term", "count")) == [("Snowflake", 1)]
    (mark,) = UnrecognisedTermReader.objects.values_list("reader", flat=True)
    assert len(mark) == 64 and set(mark) <= set("0123456789abcdef")  # a hash, neither the id nor the address


NEGATED = (
    "Data Engineer\n\nWat vragen wij?\n- SQL en Python\n- Vloeiend Nederlands, minimaal 3 jaar ervaring\n\n"
    "Pré\n- Docker\n\nGeen ervaring met FastAPI of Django nodig. Je werkt met Snowflake.\nLocatie: Utrecht\n"
)


def test_the_reading_holds_not_asked_unrecognised_and_requirements(client, demo):
    body = analyze(client, {"text": NEGATED}).json()
    assert {tool["tool"] for tool in body["not_asked"]["tools"]} == {"fastapi", "django"}
    assert not {"fastapi", "django"} & {tool["tool"] for tool in body["tools"]}
    assert body["not_asked"]["items"] == []
    for hit in (hit for tool in body["not_asked"]["tools"] for hit in tool["phrases"]):
        assert NEGATED[hit["start"] : hit["end"]] == hit["text"]
    assert body["unrecognised"] == [
        {"text": "Snowflake", "start": NEGATED.index("Snowflake"), "end": NEGATED.index("Snowflake") + 9}
    ]
    assert body["requirements"] == {"languages": ["nl"], "years": 3, "location": "Utrecht"}
    assert {"skill": "ci-cd", "item": "docker", "required": False} in [
        {key: item[key] for key in ("skill", "item", "required")} for item in body["items"]
    ]


def test_a_text_that_matches_nothing_is_an_ordinary_reading_with_every_field_and_nothing_asked(client, demo):
    """The page says "nothing matched" instead of a score; the API has no score and answers as for any text."""
    bread = "Baker wanted. You knead sourdough, bake croissants and keep the ovens clean. Start at four in the morning."
    response = analyze(client, {"text": bread})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"language", "seniority", "items", "tools", "not_asked", "unrecognised", "requirements"}
    assert body["items"] == body["tools"] == [] and body["not_asked"] == {"items": [], "tools": [], "terms": []}


def test_an_unknown_term_said_not_to_be_needed_is_among_the_terms_not_asked(client, demo):
    text = "Data Engineer\n\nWat vragen wij\n- Python\n\nGeen ervaring met Dagster nodig. Je werkt met Snowflake."
    body = analyze(client, {"text": text}).json()
    start = text.index("Dagster")
    assert body["not_asked"]["terms"] == [{"text": "Dagster", "start": start, "end": start + 7}]
    assert {term["text"] for term in body["unrecognised"]} == {"Dagster", "Snowflake"}


def test_unrecognised_terms_are_counted_without_the_text(client, demo):
    from skills.models import UnrecognisedTerm
    from tests.factories import UserFactory

    analyze(client, {"text": NEGATED})
    assert not UnrecognisedTerm.objects.exists(), "an anonymous reading adds nothing to what editors see"
    for reader in UserFactory.create_batch(2):
        client.force_login(reader)
        analyze(client, {"text": NEGATED + " Snowflake again."})
    assert list(UnrecognisedTerm.objects.values_list("term", "language", "count")) == [("Snowflake", "nl", 2)]


def test_a_caller_counts_a_term_once_however_often_they_read_it(client, demo):
    from skills.models import UnrecognisedTerm
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    for _ in range(3):
        assert analyze(client, {"text": NEGATED}).json()["unrecognised"][0]["text"] == "Snowflake"
    assert list(UnrecognisedTerm.objects.values_list("term", "count")) == [("Snowflake", 1)]


def test_a_term_with_a_long_number_is_shown_but_never_kept(client, demo):
    from skills.models import UnrecognisedTerm
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    text = "We need Snowflake and Python experience. Quote reference BSN123456789 in your letter."
    shown = {term["text"] for term in analyze(client, {"text": text}).json()["unrecognised"]}
    assert {"Snowflake", "BSN123456789"} <= shown
    assert list(UnrecognisedTerm.objects.values_list("term", flat=True)) == ["Snowflake"]


def test_a_term_shaped_like_a_persons_name_is_shown_but_never_kept(client, demo):
    from skills.models import UnrecognisedTerm
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    text = "We need Snowflake and Python experience. Your contact is Petra Jansen from our HR team."
    shown = {term["text"] for term in analyze(client, {"text": text}).json()["unrecognised"]}
    assert "Snowflake" in shown
    assert list(UnrecognisedTerm.objects.values_list("term", flat=True)) == ["Snowflake"]


def test_a_kept_product_of_capitalised_words_is_counted_though_shaped_like_a_name(client, demo):
    from skills.models import UnrecognisedTerm
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    analyze(client, {"text": "You govern our tables with Unity Catalog and write SQL."})
    assert list(UnrecognisedTerm.objects.values_list("term", flat=True)) == ["Unity Catalog"]


def test_the_new_fields_are_documented(client):
    schema = client.get("/api/openapi.json").json()
    reading = schema["components"]["schemas"]["VacancyReadingOut"]
    assert {"not_asked", "unrecognised", "requirements"} <= set(reading["required"])


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Jobs that crash get restarted automatically, and we hear about it.", ["crash", "restarted"]),
        ("Als een koppeling uitvalt, start de verwerking zichzelf opnieuw op.", ["uitvalt", "opnieuw"]),
    ],
)
def test_an_item_named_by_a_pair_has_both_its_parts_among_its_phrases(client, demo, text, parts):
    """A pair ("crash + restart") names its item only with both parts in one sentence: both are what was found,
    not only the later one."""
    items = {(item["skill"], item["item"]): item for item in analyze(client, {"text": text}).json()["items"]}
    phrases = items["orchestration", "retries"]["phrases"]
    assert [phrase["text"] for phrase in phrases] == parts
    assert all(text[phrase["start"] : phrase["end"]] == phrase["text"] for phrase in phrases)


def test_both_parts_of_a_pair_said_not_to_be_needed_are_not_asked(client, demo):
    text = "You do not need to know how jobs that crash get restarted."
    body = analyze(client, {"text": text}).json()
    assert body["items"] == []
    retries = next(item for item in body["not_asked"]["items"] if item["item"] == "retries")
    assert [phrase["text"] for phrase in retries["phrases"]] == ["crash", "restarted"]


LINES = (
    "Data Engineer\nLocation: Utrecht\n\nWhat we offer\n- Training in Airflow\n\nRequirements\n- Python\n"
    "- You write SQL every day\n\nNice to have\n- Docker\n"
)


def read_aloud(body: dict) -> dict:
    """A reading without its phrases' places, which a two-character line break moves."""
    body = copy.deepcopy(body)
    for found in (*body["items"], *body["tools"], *body["not_asked"]["items"], *body["not_asked"]["tools"]):
        found["phrases"] = [phrase["text"] for phrase in found["phrases"]]
    body["unrecognised"] = [term["text"] for term in body["unrecognised"]]
    body["not_asked"]["terms"] = [term["text"] for term in body["not_asked"]["terms"]]
    return body


@pytest.mark.parametrize("line_break", ["\r\n", "\r", "\u2028", "\x85", "\x0b"])
def test_a_vacancy_sent_with_other_line_breaks_reads_as_with_newlines(client, demo, line_break):
    """A client on Windows sends "\\r\\n", a text copied from a document may hold line separators: each ends a line as
    "\\n" does (the pages turn "\\r\\n" into "\\n" before reading, the API sends the text as it came)."""
    sent = LINES.replace("\n", line_break)
    body = analyze(client, {"text": sent}).json()
    assert read_aloud(body) == read_aloud(analyze(client, {"text": LINES}).json())
    assert body["requirements"]["location"] == "Utrecht"
    for found in (*body["items"], *body["tools"]):
        for phrase in found["phrases"]:
            assert sent[phrase["start"] : phrase["end"]] == phrase["text"]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000"])
def test_a_vacancy_with_no_break_spaces_reads_as_with_spaces(client, demo, space):
    """A text copied from a web page or a word processor keeps its no-break spaces ("5&nbsp;years")."""
    text = "Requirements\n- Five or more years of experience with Python, SQL and Spark\n- Fluent Dutch\n"
    body = analyze(client, {"text": text.replace(" ", space)}).json()
    assert body["requirements"] == analyze(client, {"text": text}).json()["requirements"]
    assert body["requirements"]["years"] == 5


def test_a_vacancy_with_combining_accents_reads_as_with_accented_letters(client, demo):
    """A Mac may paste "ë" as "e" and a combining diaeresis: the word stays whole, and its phrase covers the accent."""
    composed = (
        "Senior Data Engineer\n\nWat vragen wij?\n- Minimaal één jaar ervaring als data engineer\n"
        "- Je schrijft efficiënte SQL en objectgeoriënteerd Python\n"
    )
    decomposed = unicodedata.normalize("NFD", composed)
    body, expected = (analyze(client, {"text": text}).json() for text in (decomposed, composed))
    assert body["requirements"] == expected["requirements"] == {"languages": [], "years": 1, "location": None}
    assert [(item["item"], item["required"]) for item in body["items"]] == [
        (item["item"], item["required"]) for item in expected["items"]
    ]
    phrases = [phrase for item in body["items"] for phrase in item["phrases"]]
    assert "efficiënte SQL" in [unicodedata.normalize("NFC", phrase["text"]) for phrase in phrases]
    for phrase in phrases:
        assert decomposed[phrase["start"] : phrase["end"]] == phrase["text"]
        assert not unicodedata.combining(decomposed[phrase["end"]]), "a mark never ends before an accent"


def test_a_vacancy_with_soft_hyphens_and_joiners_reads_as_without_them(client, demo):
    """A text copied from a web page keeps its soft hyphens ("Data&shy;kwaliteit"), joiners and direction marks: they
    show nothing, so they split no word, and a phrase's mark covers them; so do variation selectors."""
    plain = "Wat vragen wij?\n- Ervaring met Python en datakwaliteitscontroles\n- Kennis van Docker en Spark\n"
    sent = (
        "Wat vragen wij?\n- Ervaring met Py\u00adthon en data\u00adkwaliteits\u00adcontroles\n"
        "- Kennis van \u200eDock\u200der en Spa\ufe0frk\n"  # a variation selector, as an emoji keyboard leaves it
    )
    body, expected = (analyze(client, {"text": text}).json() for text in (sent, plain))
    assert [(item["item"], item["required"]) for item in body["items"]] == [
        (item["item"], item["required"]) for item in expected["items"]
    ]
    phrases = [phrase["text"] for item in body["items"] for phrase in item["phrases"]]
    assert "Py\u00adthon" in phrases
    assert "Dock\u200der" in phrases
    assert "Spa\ufe0frk" in phrases
    for item in body["items"]:
        for phrase in item["phrases"]:
            assert sent[phrase["start"] : phrase["end"]] == phrase["text"]
