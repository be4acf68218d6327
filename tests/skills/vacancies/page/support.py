"""What the tests of /skills/vacancy/ share: the pasted text, readings built by hand (so that what is marked, asked
and needed is known exactly), and the page's two posts."""

import re

from django.urls import reverse

from skills.vacancies import services as vacancy_services
from skills.vacancies import views as vacancy_views
from skills.vacancies.reading import ItemAsked, PhraseHit, ToolAsked, VacancyReading

TEXT = (
    "Senior Data Engineer <script>alert('x')</script> bij Acme & Co.\n"
    "Wat vragen wij: window functions en Airflow-ervaring.\n"
    "Pré: kennis van skew in Spark."
)


def hits(text: str, phrase: str) -> tuple[PhraseHit, ...]:
    return tuple(
        PhraseHit(text=match.group(0), start=match.start(), end=match.end())
        for match in re.finditer(re.escape(phrase), text)
    )


def reading_of(text: str, *, items=(), tools=(), seniority="senior", language="nl") -> VacancyReading:
    """A reading as the engine gives one: ``items`` are (item, required, phrase), ``tools`` (tool, phrase)."""
    return VacancyReading(
        text=text,
        language=language,
        seniority=seniority,
        items=tuple(
            ItemAsked(item=item, required=required, phrases=hits(text, phrase)) for item, required, phrase in items
        ),
        tools=tuple(ToolAsked(tool=tool, phrases=hits(text, phrase)) for tool, phrase in tools),
    )


def read_every_text_with(monkeypatch, read) -> None:
    """The page and the save read with ``read`` instead of the engine."""
    for module in (vacancy_views, vacancy_services):
        monkeypatch.setattr(module, "read_vacancy", read)


def read_page(client, text=TEXT):
    return client.post(reverse("skills:vacancy"), {"text": text})


def save(client, *, title="Lakehouse engineer at Acme", link="https://jobs.example.org/42", text=TEXT):
    return client.post(reverse("skills:vacancy-save"), {"save-text": text, "save-title": title, "save-link": link})
