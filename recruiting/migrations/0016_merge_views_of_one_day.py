"""A recruiter's views of one profile on one day are one view (record_profile_view), but two requests at the same
moment could store two: before the database holds the rule (0017), each day keeps its latest view only."""

from django.db import migrations
from django.db.models import F, Window
from django.db.models.functions import RowNumber, TruncDate

BATCH = 500


def keep_the_latest_view_of_each_day(apps, schema_editor):
    views = apps.get_model("recruiting", "ProfileView").objects.using(schema_editor.connection.alias)
    ranked = views.annotate(day=TruncDate("viewed_at")).annotate(
        newer=Window(
            RowNumber(),
            partition_by=[F("recruiter_id"), F("profile_id"), F("day")],
            order_by=[F("viewed_at").desc(), F("pk").desc()],
        )
    )
    extra = list(ranked.filter(newer__gt=1).values_list("pk", flat=True))
    for start in range(0, len(extra), BATCH):
        views.filter(pk__in=extra[start : start + BATCH]).delete()


class Migration(migrations.Migration):
    dependencies = [("recruiting", "0015_accepted_again_without_withdrawal")]

    operations = [migrations.RunPython(keep_the_latest_view_of_each_day, migrations.RunPython.noop)]
