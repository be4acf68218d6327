"""Set-up the market map's tests share: a skill of two items that roles ask for and ten engineers meet."""

import pytest

from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)


@pytest.fixture
def modelling():
    """A skill naming dbt, its two items asked for by a published role, and ten engineers who count in (k is 10)."""
    skill = SkillFactory(name_en="Data modelling", name_nl="Datamodellering")
    skill.tools.add(ToolFactory(name="dbt", slug="dbt"))
    items = [ChecklistItemFactory(skill=skill, name=name) for name in ("Models", "Tests")]
    for item in items:
        RoleRequirementFactory(role=RoleFactory(), item=item, is_must_have=True)
    for _ in range(10):
        user = UserFactory(password=None)
        EngineerProfileFactory(user=user, counts_in_benchmarks=True)
        for item in items:
            assess(user=user, item=item, level=2)
    return skill
