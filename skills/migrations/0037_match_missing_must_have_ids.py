"""A stored match keeps the must-haves it misses by item id instead of by English name, so each reader sees them
named in their own language, and as the items are named now (an item renamed since kept its old name in a match).

Each stored list of names becomes the ids of its role's must-haves of those names, in the order they were stored. A
name no must-have of the role bears any more (an item renamed or a requirement removed since) is left out: the next
recompute of the role or tick of the engineer writes the match afresh. Going back names the items in English again.
"""

from django.db import migrations, models

BATCH = 2000


def names_to_ids(apps, schema_editor):
    RoleMatch = apps.get_model("skills", "RoleMatch")
    RoleRequirement = apps.get_model("skills", "RoleRequirement")
    must_haves: dict[int, dict[str, int]] = {}
    for role_id, item_id, name_en, name in RoleRequirement.objects.filter(
        is_must_have=True, item__isnull=False
    ).values_list("role_id", "item_id", "item__name_en", "item__name"):
        must_haves.setdefault(role_id, {}).setdefault(name_en or name, item_id)
    _rewrite(
        RoleMatch,
        read="missing_must_have_names",
        write="missing_must_have_ids",
        convert=lambda match, names: [
            must_haves[match.role_id][name] for name in names if name in must_haves.get(match.role_id, {})
        ],
    )


def ids_to_names(apps, schema_editor):
    RoleMatch = apps.get_model("skills", "RoleMatch")
    ChecklistItem = apps.get_model("skills", "ChecklistItem")
    names = {pk: name_en or name for pk, name_en, name in ChecklistItem.objects.values_list("pk", "name_en", "name")}
    _rewrite(
        RoleMatch,
        read="missing_must_have_ids",
        write="missing_must_have_names",
        convert=lambda match, ids: [names[pk] for pk in ids if pk in names],
    )


def _rewrite(RoleMatch, *, read: str, write: str, convert) -> None:
    """Write ``convert(match, stored)`` into ``write`` for every match whose ``read`` holds anything, in batches."""
    changed = []
    for match in RoleMatch.objects.only("pk", "role_id", read).order_by("pk").iterator(chunk_size=BATCH):
        if stored := getattr(match, read):
            setattr(match, write, convert(match, stored))
            changed.append(match)
        if len(changed) >= BATCH:
            RoleMatch.objects.bulk_update(changed, [write])
            changed = []
    RoleMatch.objects.bulk_update(changed, [write])


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0036_share_link_issue_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="rolematch",
            name="missing_must_have_ids",
            field=models.JSONField(blank=True, default=list, verbose_name="must-haves missing, by item id"),
        ),
        migrations.RunPython(names_to_ids, ids_to_names),
        migrations.RemoveField(
            model_name="rolematch",
            name="missing_must_have_names",
        ),
    ]
