"""Shortlists and profile views now belong to the ``recruiting`` app: removed from this app's state only.

Their tables keep their names and rows (``recruiting.0001_initial`` takes them over).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0006_rolematch_profile_visible"),
        ("recruiting", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ShortlistEntry"),
                migrations.DeleteModel(name="Shortlist"),
                migrations.DeleteModel(name="ProfileView"),
            ]
        )
    ]
