"""Editors see content, never people: an unrecognised term reaches the editors' list only once several engineers met
it (UNRECOGNISED_TERM_MIN_READERS, each person counting a term once for good), and a term with a long number in it
never does. Read on the engineer's page, seen through the admin as a signed-in editor."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.urls import reverse

from skills.models import UnrecognisedTerm
from skills.services.profiles import delete_account
from skills.vacancies.reading import read_vacancy
from skills.vacancies.services import count_unrecognised_terms
from tests.clients import DUTCH
from tests.factories import EditorFactory, UserFactory
from tests.skills.vacancies.test_unrecognised_terms_known import LIST_URL, listed

pytestmark = pytest.mark.django_db

PRODUCT = "Data Engineer\n\nRequirements\n- Experience with Snowflake and SQL\n"
PEOPLE = (
    f"{PRODUCT}\nQuestions? Ask PietJansen, or our hiring manager MarieDeVries2 and KarelVanDam. Send your "
    "BSN123456789 with your letter.\n"
)
NAMES = {"PietJansen", "MarieDeVries2", "KarelVanDam"}
NUMBER = "BSN123456789"


def read_by(client, readers, text: str = PRODUCT, *, times: int = 1) -> None:
    """Each of ``readers`` reads ``text`` on the vacancy page, ``times`` times."""
    for reader in readers:
        client.force_login(reader)
        for _ in range(times):
            assert client.post(reverse("skills:vacancy"), {"text": text}).status_code == 200


def editors_see(client, **headers) -> dict[str, str]:
    client.force_login(EditorFactory())
    return listed(client, **headers)


def adopt_page(client, term: str):
    client.force_login(EditorFactory())
    pk = UnrecognisedTerm.objects.get(term=term).pk
    return client.get(reverse("admin:skills_unrecognisedterm_adopt", args=[pk]))


def test_one_engineer_pasting_a_text_three_times_shows_editors_nothing(demo, client):
    read_by(client, [UserFactory()], times=3)
    assert UnrecognisedTerm.objects.get(term="Snowflake").count == 1
    assert editors_see(client) == {}


def test_three_engineers_meeting_a_term_show_it_to_editors(demo, client):
    read_by(client, UserFactory.create_batch(3))
    assert set(editors_see(client)) == {"Snowflake"}


def test_the_number_of_readers_editors_need_is_a_setting(demo, client, settings):
    settings.UNRECOGNISED_TERM_MIN_READERS = 2
    read_by(client, UserFactory.create_batch(2))
    assert set(editors_see(client)) == {"Snowflake"}


def test_names_one_engineer_pasted_never_reach_editors(demo, client):
    read_by(client, [UserFactory()], PEOPLE, times=3)
    assert editors_see(client) == {}
    page = client.get(f"{LIST_URL}?q=Jansen").content.decode()
    assert not any(name in page for name in (*NAMES, NUMBER))


def test_a_long_number_never_reaches_editors_even_from_three_readers(demo, client):
    read_by(client, UserFactory.create_batch(3), PEOPLE)
    shown = editors_see(client)
    assert "Snowflake" in shown and NUMBER not in shown
    assert not UnrecognisedTerm.objects.filter(term=NUMBER).exists()


def test_the_reader_still_sees_a_long_number_as_unrecognised_and_kept_from_editors(demo, client):
    client.force_login(UserFactory())
    page = unescape(client.post(reverse("skills:vacancy"), {"text": PEOPLE}).content.decode())
    said = page.split('id="vacancy-unrecognised"', 1)[1].split("</section>", 1)[0]
    to_editors, _, private = said.partition("person's name or number")
    assert NUMBER in private and NUMBER not in to_editors
    assert "editors see them once several people have come across them" in to_editors


def test_the_adopt_page_is_not_found_until_enough_readers_met_the_term(demo, client):
    read_by(client, UserFactory.create_batch(2))
    assert adopt_page(client, "Snowflake").status_code == 404
    read_by(client, [UserFactory()])
    assert adopt_page(client, "Snowflake").status_code == 200


def test_a_term_below_the_threshold_has_no_admin_page_that_names_it(demo, client):
    read_by(client, [UserFactory()], PEOPLE)
    client.force_login(EditorFactory())
    for name in NAMES:
        pk = UnrecognisedTerm.objects.get(term=name).pk
        for view in ("change", "delete", "history"):
            response = client.get(reverse(f"admin:skills_unrecognisedterm_{view}", args=[pk]), follow=True)
            assert name not in response.content.decode(), (name, view)


@pytest.mark.parametrize(
    ("headers", "line"),
    [
        ({}, "A term shows here only once 3 different people read a vacancy with it; each person counts once,"),
        (DUTCH, "Een term staat hier pas als 3 verschillende mensen een vacature met die term lieten lezen;"),
    ],
)
def test_the_list_says_when_a_term_shows(demo, editor_client, headers, line):
    page = editor_client.get(LIST_URL, **headers).content.decode()
    said = re.search(r'<p id="unrecognised-terms-threshold">(.*?)</p>', page, re.S).group(1)
    assert line in " ".join(unescape(said).split())


def test_a_person_counts_once_in_a_fixed_number_of_queries_however_often_and_many_terms(
    demo, django_assert_num_queries
):
    reader, reading = UserFactory(), read_vacancy(text=PEOPLE + "\nAlso Zorblax, Quarkflow and Streamhub.\n")
    for _ in range(3):
        with django_assert_num_queries(4):
            count_unrecognised_terms(reading=reading, reader=reader)
    assert set(UnrecognisedTerm.objects.values_list("count", flat=True)) == {1}


def test_counting_outlives_a_month_and_a_cache_that_forgot_everything(demo, client):
    """Nothing of the counting is in the cache: one person reading a name again after the cache was emptied (a
    Redis restart, a month gone by) still counts once."""
    reader = UserFactory()
    for _ in range(3):
        read_by(client, [reader], PEOPLE)
        cache.clear()
    assert set(UnrecognisedTerm.objects.values_list("count", flat=True)) == {1}
    assert editors_see(client) == {}


def test_deleting_an_account_takes_its_readings_out_of_every_count(demo, client):
    readers = UserFactory.create_batch(3)
    read_by(client, readers)
    assert set(editors_see(client)) == {"Snowflake"}
    delete_account(user=readers[0])
    assert UnrecognisedTerm.objects.get(term="Snowflake").count == 2
    assert editors_see(client) == {}
