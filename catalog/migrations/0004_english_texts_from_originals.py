"""Existing rows keep their text: the original columns are copied into the new English fields."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Coalesce

TEXTS = {
    "category": ("name", "description"),
    "keyword": ("name",),
    "tool": (
        "summary",
        "used_for",
        "in_vacancies",
        "typical_uses",
        "strengths",
        "pitfalls",
        "seniority_signals",
        "when_to_pick",
    ),
    "historicaltool": (
        "summary",
        "used_for",
        "in_vacancies",
        "typical_uses",
        "strengths",
        "pitfalls",
        "seniority_signals",
        "when_to_pick",
    ),
    "chooseroption": ("question", "explanation"),
    "chooserrecommendation": ("reason",),
    "faqentry": ("question", "answer"),
}


def copy_to_english(apps, schema_editor):
    for model_name, fields in TEXTS.items():
        model = apps.get_model("catalog", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


def copy_back_from_english(apps, schema_editor):
    for model_name, fields in TEXTS.items():
        model = apps.get_model("catalog", model_name)
        model.objects.update(**{field: Coalesce(f"{field}_en", F(field)) for field in fields})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_bilingual_texts")]

    operations = [migrations.RunPython(copy_to_english, copy_back_from_english)]
