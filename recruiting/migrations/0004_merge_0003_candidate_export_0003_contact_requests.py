"""Joins the background-jobs and the identity branches of this app's migrations; changes nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0003_candidate_export"),
        ("recruiting", "0003_contact_requests"),
    ]

    operations = []
