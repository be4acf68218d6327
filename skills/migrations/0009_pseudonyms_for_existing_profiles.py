"""Existing profiles: each its own pseudonym (AddField gave them all one), shown to recruiters by default.

The user's first and last name, which recruiters used to see, become the profile's name, still hidden until
the engineer chooses to show it.
"""

from django.db import migrations

from skills.privacy.pseudonyms import random_pseudonym


def give_pseudonyms(apps, schema_editor):
    EngineerProfile = apps.get_model("skills", "EngineerProfile")
    used = set()
    batch = []
    rows = list(EngineerProfile.objects.order_by("pk").values_list("pk", "user__first_name", "user__last_name"))
    for pk, first_name, last_name in rows:
        pseudonym = random_pseudonym()
        for _attempt in range(5):
            if pseudonym not in used:
                break
            pseudonym = random_pseudonym()
        used.add(pseudonym)
        name = f"{first_name} {last_name}".strip()[:100]
        batch.append(EngineerProfile(pk=pk, pseudonym=pseudonym, identity="pseudonym", display_name=name))
        if len(batch) >= 2000:
            EngineerProfile.objects.bulk_update(batch, ["pseudonym", "identity", "display_name"])
            batch = []
    EngineerProfile.objects.bulk_update(batch, ["pseudonym", "identity", "display_name"])


class Migration(migrations.Migration):
    dependencies = [("skills", "0008_profile_identity")]

    operations = [migrations.RunPython(give_pseudonyms, migrations.RunPython.noop)]
