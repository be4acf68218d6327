"""Joins the background-jobs and the identity branches of this app's migrations; changes nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0008_role_recompute"),
        ("skills", "0010_share_links"),
    ]

    operations = []
