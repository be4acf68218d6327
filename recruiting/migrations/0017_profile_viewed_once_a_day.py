"""One view per recruiter, profile and day, held by the database: a unique index on the day of ``viewed_at`` in the
portal's time zone (TIME_ZONE when it is built), so a second first view of the day stores nothing."""

import django.db.models.functions.datetime
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0016_merge_views_of_one_day"),
        ("skills", "0034_saved_vacancy_unrecognised_asks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="profileview",
            constraint=models.UniqueConstraint(
                models.F("recruiter"),
                models.F("profile"),
                django.db.models.functions.datetime.TruncDate("viewed_at"),
                name="profile_viewed_once_a_day",
            ),
        ),
    ]
