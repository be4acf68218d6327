"""How the learning path says where an engineer stands on each item: a level rated and one never rated read in the
same short form, in English and Dutch (templates/skills/partials/learning_path.html), its facts a .fact-list whose CSS
draws the dots between them, so that none ends a line on a phone."""

import pytest
from django.urls import reverse

from tests.factories import RoleFactory, RoleRequirementFactory, assess
from tests.markup import fact_rows, inside

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "rated", "unrated"),
    [
        ("en", "Your level 1 · level 3 needed · 2 levels to go", "Not yet rated · level 2 needed"),
        ("nl", "Jouw niveau 1 · niveau 3 nodig · nog 2 niveaus", "Nog niet beoordeeld · niveau 2 nodig"),
    ],
)
def test_the_learning_path_says_a_rated_and_an_unrated_item_plainly(client, engineer, language, rated, unrated):
    role = RoleFactory()
    skew = RoleRequirementFactory(role=role, item__name="skew", item__order=1, min_level=3)
    retries = RoleRequirementFactory(role=role, item__name="retries", item__order=2, min_level=2)
    assess(user=engineer, item=skew.item, level=1)
    body = client.get(
        reverse("skills:role-gaps", kwargs={"slug": role.slug}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    skew_line, retries_line = (inside(body, f"path-item-{item.pk}") for item in (skew.item, retries.item))
    assert rated in fact_rows(skew_line)
    assert unrated in fact_rows(retries_line) and "to go" not in retries_line and "te gaan" not in retries_line
