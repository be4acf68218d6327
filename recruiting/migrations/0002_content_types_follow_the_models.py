"""The moved models' content types (and so their permissions and admin log entries) follow them to this app."""

from django.db import migrations

MOVED = ("shortlist", "shortlistentry", "profileview")


def move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    taken = set(
        content_type.objects.using(db).filter(app_label="recruiting", model__in=MOVED).values_list("model", flat=True)
    )
    content_type.objects.using(db).filter(app_label="skills", model__in=set(MOVED) - taken).update(
        app_label="recruiting"
    )


def move_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    content_type.objects.using(db).filter(app_label="recruiting", model__in=MOVED).update(app_label="skills")


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0001_initial"),
        ("skills", "0007_recruiter_models_move_to_recruiting"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_content_types, move_back)]
