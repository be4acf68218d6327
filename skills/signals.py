"""Edits to the checklist, the roles or their requirements change what every engineer's pages show.

The admin, the demo loader and the factories all save these models one by one,
so a receiver catches every write; the services touch the same kind where they
write stored matches in bulk.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.fragments import touch
from skills.models import ChecklistItem, Role, RoleRequirement, Skill
from skills.services import CHECKLIST_KIND

CHECKLIST_MODELS = (Skill, ChecklistItem, Role, RoleRequirement)


def checklist_changed(sender, **kwargs) -> None:
    touch(CHECKLIST_KIND)


def skill_tools_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        touch(CHECKLIST_KIND)


def connect() -> None:
    for model in CHECKLIST_MODELS:
        uid = f"skills.checklist_changed.{model._meta.model_name}"
        post_save.connect(checklist_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(checklist_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(skill_tools_changed, sender=Skill.tools.through, dispatch_uid="skills.skill_tools_changed")
