"""The recruiter models move here from ``skills``: state only, the tables and their rows stay as they are."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("skills", "0006_rolematch_profile_visible"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name="Shortlist",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "recruiter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="shortlists",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "skills_shortlist",
                "ordering": ("name",),
                "constraints": [models.UniqueConstraint(fields=("recruiter", "name"), name="unique_shortlist_name")],
            },
        ),
        migrations.CreateModel(
            name="ShortlistEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("note", models.TextField(blank=True, max_length=1000, verbose_name="private note")),
                ("added_at", models.DateTimeField(auto_now_add=True)),
                (
                    "profile",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="shortlist_entries",
                        to="skills.engineerprofile",
                    ),
                ),
                (
                    "shortlist",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="entries", to="recruiting.shortlist"
                    ),
                ),
            ],
            options={
                "db_table": "skills_shortlistentry",
                "ordering": ("-added_at",),
                "constraints": [
                    models.UniqueConstraint(fields=("shortlist", "profile"), name="unique_profile_per_shortlist")
                ],
            },
        ),
        migrations.CreateModel(
            name="ProfileView",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("viewed_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "profile",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="views", to="skills.engineerprofile"
                    ),
                ),
                (
                    "recruiter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="profile_views_made",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "skills_profileview",
                "ordering": ("-viewed_at",),
                "indexes": [models.Index(fields=["profile", "viewed_at"], name="skills_prof_profile_66b617_idx")],
            },
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations)]
