"""Joins the learning-resources branch of this app's migrations to the others; changes nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0008_learning_resources"),
        ("skills", "0012_merge_recompute_chunks_and_share_links"),
    ]

    operations = []
