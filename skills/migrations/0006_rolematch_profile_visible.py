from django.db import migrations, models


def copy_visibility(apps, schema_editor):
    RoleMatch = apps.get_model("skills", "RoleMatch")
    RoleMatch.objects.filter(profile__visibility="recruiters").update(profile_visible=True)


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0005_rolematch_ranking_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="rolematch",
            name="profile_visible",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(copy_visibility, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name="rolematch",
            name="match_role_score_profile_idx",
        ),
        migrations.AddIndex(
            model_name="rolematch",
            index=models.Index(
                condition=models.Q(profile_visible=True),
                fields=["role", "-score", "profile"],
                name="match_visible_rank_idx",
            ),
        ),
    ]
