"""The one-minute start's progress on the profile. Profiles that exist already count as done: their engineers
found their way before there was a start, and are not sent through it on their next login."""

from django.db import migrations, models

CHOICES = [("new", "Not started"), ("role", "Role chosen"), ("skipped", "Skipped for now"), ("done", "Done")]


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0019_vacancy_cues_context_and_unrecognised_terms"),
    ]

    operations = [
        migrations.AddField(
            model_name="engineerprofile",
            name="start",
            field=models.CharField(choices=CHOICES, default="done", max_length=10, verbose_name="start"),
        ),
        migrations.AlterField(
            model_name="engineerprofile",
            name="start",
            field=models.CharField(choices=CHOICES, default="new", max_length=10, verbose_name="start"),
        ),
    ]
