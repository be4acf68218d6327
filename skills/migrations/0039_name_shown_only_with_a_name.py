from django.db import migrations


def pseudonym_where_no_name(apps, schema_editor):
    """A profile that chose "My name" with no name showed recruiters its pseudonym all along: now that a profile
    refuses that choice, such a profile says what recruiters saw, so its owner can still save it (hiding it, say)
    without being asked for a name first."""
    profiles = apps.get_model("skills", "EngineerProfile").objects
    profiles.filter(identity="name", display_name__regex=r"^\s*$").update(identity="pseudonym")


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0038_unrecognised_terms_counted_by_people"),
    ]

    operations = [
        migrations.RunPython(pseudonym_where_no_name, migrations.RunPython.noop),
    ]
