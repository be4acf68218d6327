"""A stored score of 100 with a requirement not met (99.5 % and up, rounded) becomes 99, as ``skills.scoring.score_of``
now scores it: the pages read 100 as "every requirement met". The next recompute would write the same."""

from django.db import migrations
from django.db.models import F


def cap_scores_not_met(apps, schema_editor):
    matches = apps.get_model("skills", "RoleMatch").objects
    matches.filter(score=100, requirements_met__lt=F("requirements_total")).update(score=99)


class Migration(migrations.Migration):
    dependencies = [("skills", "0031_requirements_in_one_order")]

    operations = [migrations.RunPython(cap_scores_not_met, migrations.RunPython.noop, elidable=True)]
