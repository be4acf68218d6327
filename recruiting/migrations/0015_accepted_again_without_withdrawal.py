"""A request accepted again after a withdrawal kept the withdrawal's time (and the engineer's data export showed it
on an accepted request): cleared, and from now on the database holds it only on a request that stands withdrawn."""

from django.db import migrations, models


def clear_withdrawals_taken_back(apps, schema_editor):
    requests = apps.get_model("recruiting", "ContactRequest").objects
    requests.exclude(status="withdrawn").exclude(withdrawn_at=None).update(withdrawn_at=None)


class Migration(migrations.Migration):
    dependencies = [("recruiting", "0014_superuser_pages_labels_in_dutch")]

    operations = [
        migrations.RunPython(clear_withdrawals_taken_back, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="contactrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | models.Q(status="withdrawn"),
                name="withdrawn_at_only_when_withdrawn",
            ),
        ),
    ]
