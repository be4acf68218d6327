"""Negation cues deny what their clause names, wherever they stand in it (skills.vacancies.negation): the cues that
negated a mention after them and those that negated one before them become one kind, "negation"; "instead of",
"rather than", "without", "in plaats van" and "zonder" negate only the mention right after them, a kind of their
own."""

from django.db import migrations, models
from django.db.models.functions import Lower

NEXT_ONLY = ("instead of", "rather than", "in plaats van", "without", "zonder")


def merge_negation_cues(apps, schema_editor):
    VacancyCue = apps.get_model("skills", "VacancyCue")
    for cue in VacancyCue.objects.filter(kind__in=("negation-before", "negation-after")).order_by("pk"):
        kind = "negation-next" if cue.text.lower() in NEXT_ONLY else "negation"
        same = VacancyCue.objects.annotate(lowered=Lower("text")).filter(
            kind=kind, language=cue.language, lowered=cue.text.lower()
        )
        if same.exists():
            cue.delete()  # "not" was both: one cue of the new kind is enough
        else:
            cue.kind = kind
            cue.save(update_fields=["kind"])


def split_negation_cues(apps, schema_editor):
    VacancyCue = apps.get_model("skills", "VacancyCue")
    VacancyCue.objects.filter(kind__in=("negation", "negation-next")).update(kind="negation-before")


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0024_history_rows_carry_the_state_after_their_save"),
    ]

    operations = [
        migrations.AlterField(
            model_name="vacancycue",
            name="kind",
            field=models.CharField(
                choices=[
                    ("required", "heading of a required section"),
                    ("nice", "heading of a nice-to-have section"),
                    ("plain", "heading of the role or the tasks (asked for)"),
                    ("company", "heading of the company section (asks for nothing)"),
                    ("offer", "heading of the offer section (asks for nothing)"),
                    ("not-asked", "heading of what is not needed (all it names is not asked)"),
                    ("nice-cue", "makes its sentence nice to have"),
                    ("negation", 'denies the need for what its clause names ("no", "niet", "hardly", "out of scope")'),
                    ("negation-next", 'negates only the mention right after it ("instead of", "zonder")'),
                    ("not-negating", 'an idiom that looks negative but asks ("no problem with")'),
                    (
                        "term",
                        "a product, language, format or technical acronym (named as unrecognised unless a phrase knows it)",
                    ),
                    ("offer-cue", 'what follows it in its sentence is offered, not asked ("we will train you in")'),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(merge_negation_cues, split_negation_cues),
    ]
