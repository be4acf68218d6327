"""Edits to the checklist, the roles or their requirements change what every engineer's pages show.

The admin, the demo loader and the factories all save these models one by one,
so a receiver catches every write; the services touch the same kind where they
write stored matches in bulk.
"""

from portal.cache.fragments import touch_on_writes
from skills.models import ChecklistItem, ItemPhrase, Resource, Role, RoleRequirement, Skill, VacancyCue
from skills.selectors.checklist import CHECKLIST_KIND
from skills.vacancies.phrasebook import VACANCY_PHRASES_KIND

CHECKLIST_MODELS = (Skill, ChecklistItem, Role, RoleRequirement, Resource)


def connect() -> None:
    touch_on_writes(CHECKLIST_KIND, models=CHECKLIST_MODELS, links=(Skill.tools.through,))
    # The vacancy phrasebook names items with their skill: built afresh after any of these changes.
    touch_on_writes(
        VACANCY_PHRASES_KIND, models=(Skill, ChecklistItem, ItemPhrase, VacancyCue), links=(Skill.tools.through,)
    )
