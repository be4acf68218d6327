"""The groups that give staff rights, and the permissions each holds.

Everyone who signs up is an engineer; editors and recruiters are members of
the groups that the data migration creates. What the rights allow, and that
they need a second factor, is decided in :mod:`portal.guards.access`.
"""

EDITORS = "Editors"
RECRUITERS = "Recruiters"


CONTENT_ACTIONS = ("add", "change", "delete", "view")
GROUP_PERMISSIONS = {
    EDITORS: {
        "catalog": [
            f"{action}_{model}"
            for model in (
                "category",
                "keyword",
                "tool",
                "toolphrase",
                "chooseroption",
                "chooserrecommendation",
                "faqentry",
            )
            for action in CONTENT_ACTIONS
        ]
        + ["view_historicaltool"],
        "skills": [
            f"{action}_{model}"
            for model in ("skill", "checklistitem", "itemphrase", "vacancycue", "role", "rolerequirement", "resource")
            for action in CONTENT_ACTIONS
        ]
        + ["view_unrecognisedterm", "delete_unrecognisedterm"],
    },
    RECRUITERS: {"skills": ["view_candidates"]},
}


def ensure_role_groups(*, using: str = "default") -> None:
    """Make the groups hold the permissions of DESIGN.md; idempotent.

    The data migrations create them once; this also restores them after a
    database flush (as transactional tests do), which empties every table.
    """
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for group_name, permissions_by_app in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=group_name)
        wanted = Q()
        for app_label, codenames in permissions_by_app.items():
            wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
        group.permissions.add(*Permission.objects.using(using).filter(wanted))


def ensure_role_groups_after_migrate(sender, using: str = "default", **kwargs) -> None:
    # Permissions of every app exist once the last of our content apps has been migrated.
    if sender.label == "skills":
        ensure_role_groups(using=using)
