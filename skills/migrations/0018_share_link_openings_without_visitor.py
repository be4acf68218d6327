"""A share link's openings are counted, never named: the visitor's account is dropped from every stored opening."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0017_protect_people_data_and_retire_checklist"),
    ]

    operations = [
        migrations.RemoveField(model_name="sharelinkview", name="viewer"),
    ]
