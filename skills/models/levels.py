"""The scales engineers and skills are placed on: an item's level (0–4) and a skill's growth stage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    NONE = 0, _("No experience yet")
    LEARNING = 1, _("Learning")
    WORKING = 2, _("Working")
    STRONG = 3, _("Strong")
    TEACH = 4, _("Can teach others")


TICKED_LEVEL = Level.WORKING  # "ticked" on the recruiter checklist means working knowledge or better


class GrowthStage(models.IntegerChoices):
    FOUNDATION = 1, _("Stage 1 · SQL and Python")
    ORCHESTRATION = 2, _("Stage 2 · Orchestration and deployment")
    SCALE = 3, _("Stage 3 · Scale with Spark/Databricks")
