"""Give the Editors and Recruiters groups their permissions (see DESIGN.md)."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

CONTENT_MODELS = {
    "catalog": ("category", "keyword", "tool", "chooseroption", "chooserrecommendation", "faqentry"),
    "skills": ("skill", "checklistitem", "role", "rolerequirement"),
}
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    for app_label in ("catalog", "skills"):
        # Permissions are normally made after migrate; make them now so they can be granted.
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_contenttypes(config, apps=apps, verbosity=0)
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors = Group.objects.get(name="Editors")
    for app_label, models in CONTENT_MODELS.items():
        codenames = [f"{action}_{model}" for model in models for action in ACTIONS]
        editors.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="catalog", codename="view_historicaltool")
    )

    recruiters = Group.objects.get(name="Recruiters")
    recruiters.permissions.add(Permission.objects.get(content_type__app_label="skills", codename="view_candidates"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=("Editors", "Recruiters")):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_create_groups"),
        ("catalog", "0001_initial"),
        ("skills", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
