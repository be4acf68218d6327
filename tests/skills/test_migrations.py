"""The skills app's data migrations, each from the state just before it."""

import pytest

from skills.models import RoleMatch
from tests.factories import EngineerProfileFactory, RoleFactory

BEFORE_THE_CAP = [("skills", "0031_requirements_in_one_order")]


@pytest.mark.django_db(transaction=True)
def test_a_stored_100_with_a_requirement_not_met_becomes_99(executor):
    short, met = EngineerProfileFactory(), EngineerProfileFactory()
    role = RoleFactory()
    executor.migrate(BEFORE_THE_CAP)
    matches = executor.loader.project_state(BEFORE_THE_CAP, at_end=True).apps.get_model("skills", "RoleMatch")
    for profile, requirements_met in ((short, 6), (met, 7)):
        matches.objects.update_or_create(
            profile_id=profile.pk, role_id=role.pk,
            defaults={"score": 100, "requirements_met": requirements_met, "requirements_total": 7},
        )  # fmt: skip

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert dict(RoleMatch.objects.filter(role=role).values_list("profile_id", "score")) == {short.pk: 99, met.pk: 100}
