"""Joins the recompute-chunks and the identity branches of this app's migrations; changes nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0009_role_recompute_chunks"),
        ("skills", "0011_merge_0008_role_recompute_0010_share_links"),
    ]

    operations = []
