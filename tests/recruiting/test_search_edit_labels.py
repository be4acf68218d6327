"""The requirement rows of a vacancy search read plainly: a checkbox is never labelled "(optional)"."""

import re

import pytest
from django.urls import reverse

from recruiting.services.searches import Requirement, create_search
from tests.factories import ChecklistItemFactory

pytestmark = pytest.mark.django_db


def edit_page(client, recruiter, language: str) -> str:
    item = ChecklistItemFactory(name="Retries")
    search = create_search(
        owner=recruiter,
        title="Airflow platform engineer",
        text="We ask for retries.",
        requirements=[Requirement(item=item, min_level=2, is_must_have=True)],
    )
    url = reverse("recruiting:search-edit", kwargs={"pk": search.pk})
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def label_text(body: str, name_suffix: str) -> list[str]:
    """The text of every label of a field whose name ends in ``name_suffix``, tags left out."""
    ids = re.findall(rf'name="[^"]*-{name_suffix}"[^>]*id="([^"]+)"', body)
    labels = [re.search(rf'<label[^>]*for="{field_id}"[^>]*>(.*?)</label>', body, re.S) for field_id in ids]
    return [" ".join(re.sub(r"<[^>]+>", "", label.group(1)).split()) for label in labels if label]


@pytest.mark.parametrize(
    ("language", "must_have", "delete"), [("en", "Must-have", "Remove"), ("nl", "Must-have", "Verwijderen")]
)
def test_a_must_have_or_delete_checkbox_is_not_called_optional(
    recruiter_client, recruiter, language, must_have, delete
):
    body = edit_page(recruiter_client, recruiter, language)
    assert set(label_text(body, "is_must_have")) == {must_have}
    assert set(label_text(body, "DELETE")) == {delete}
    assert "(optional)" not in body and "(optioneel)" not in body
