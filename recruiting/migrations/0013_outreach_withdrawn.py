"""Acceptances taken back count as withdrawn, no longer as accepted: the stored overview rows are put right in
place (the next change to a request counts them afresh anyway)."""

from django.db import migrations, models


def move_withdrawn_out_of_accepted(apps, schema_editor):
    OutreachSummary = apps.get_model("recruiting", "OutreachSummary")
    ContactRequest = apps.get_model("recruiting", "ContactRequest")
    ShortlistEntry = apps.get_model("recruiting", "ShortlistEntry")
    for row in OutreachSummary.objects.all():
        withdrawn = ContactRequest.objects.filter(recruiter_id=row.recruiter_id, status="withdrawn")
        if row.role_id is not None:
            on_role = ShortlistEntry.objects.filter(
                shortlist__recruiter_id=row.recruiter_id, shortlist__role_id=row.role_id
            ).values("profile_id")
            withdrawn = withdrawn.filter(profile_id__in=on_role)
        count = withdrawn.count()
        if count:
            row.withdrawn = count
            row.accepted = max(row.accepted - count, 0)
            row.save(update_fields=["withdrawn", "accepted"])


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0012_job_failures_as_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="outreachsummary",
            name="withdrawn",
            field=models.PositiveIntegerField(default=0, verbose_name="withdrawn"),
        ),
        migrations.RunPython(move_withdrawn_out_of_accepted, migrations.RunPython.noop),
    ]
