"""The target role saved with the profile form goes through the one home of "make this my target role"
(:func:`skills.services.profiles.set_target_role`): a changed target has the engineer's stored matches, which
recruiters rank by, written at once."""

import ast

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from skills.services.profiles import set_target_role
from tests.api.conftest import bearer
from tests.factories import ChecklistItemFactory, RecruiterFactory, RoleFactory, RoleRequirementFactory, assess
from tests.test_layers import MODULES, parsed, relative

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(engineer):
    """The engineer meets Joins at 3; then two roles are published whose role-wide recompute has not run yet, so
    neither has a stored match of theirs."""
    joins = ChecklistItemFactory(name="Joins")
    first = RoleFactory(title="Data engineer", slug="data", order=1)  # no requirements yet
    assess(user=engineer, item=joins, level=3)
    set_target_role(user=engineer, role=first)
    analytics, lakehouse = (
        RoleFactory(title="Analytics lead", slug="analytics-lead", order=2),
        RoleFactory(title="Senior lakehouse", slug="lakehouse", order=3),
    )
    RoleRequirementFactory(role=analytics, item=joins, min_level=2)
    RoleRequirementFactory(role=lakehouse, item=joins, min_level=4)
    RoleRequirementFactory(role=lakehouse, item=ChecklistItemFactory(name="Skew"), min_level=3, is_must_have=True)
    return {"first": first, "analytics": analytics, "lakehouse": lakehouse}


def stored_matches(client, profile: EngineerProfile) -> dict[str, tuple[int, int, list[str]]]:
    """What a recruiter reads of the candidate's stored matches: per role, score, requirements met, must-haves
    missing."""
    detail = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(RecruiterFactory())).json()
    return {
        match["role"]: (match["score"], match["requirements_met"], match["missing_must_haves"])
        for match in detail["matches"]
    }


@pytest.mark.parametrize("target", ["lakehouse", None])
def test_a_target_role_changed_on_the_profile_page_writes_the_stored_matches_at_once(client, engineer, roles, target):
    data = {"headline": "SQL first", "years_experience": "4", "location": "", "visibility": "recruiters"}
    role = roles[target] if target else None
    response = client.post(reverse("skills:profile"), {**data, "target_role": str(role.pk) if role else ""})
    assert response.status_code == 302
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.target_role, profile.headline, profile.visibility) == (role, "SQL first", "recruiters")
    assert stored_matches(client, profile) == {
        "analytics-lead": (100, 1, []),
        "data": (0, 0, []),  # a role without requirements scores 0
        "lakehouse": (19, 0, ["Skew"]),
    }


class _TargetRoleWriters(ast.NodeVisitor):
    """The functions that assign an engineer's target role (``….target_role = …``, ``.update(target_role=…)``)."""

    FIELDS = frozenset({"target_role", "target_role_id"})

    def __init__(self, module: str) -> None:
        self.module, self.function, self.found = module, "", set()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(target, ast.Attribute) and target.attr in self.FIELDS for target in node.targets):
            self.found.add(f"{self.module}:{self.function}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        updates = isinstance(node.func, ast.Attribute) and node.func.attr == "update"
        if updates and any(keyword.arg in self.FIELDS for keyword in node.keywords):
            self.found.add(f"{self.module}:{self.function}")
        self.generic_visit(node)


def test_the_apps_change_a_target_role_in_set_target_role_alone():
    """One rule, one home: the profile form, the start and every other page change the target through it (a profile
    created with a target, as the demo does, is not a change)."""
    writers = set()
    for path in MODULES:
        visitor = _TargetRoleWriters(relative(path))
        visitor.visit(parsed(path))
        writers |= visitor.found
    assert writers == {"skills/services/profiles.py:set_target_role"}
