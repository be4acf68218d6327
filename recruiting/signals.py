"""A search's private role goes with the search, however the search is deleted (its owner's account, say).

The role is the search's target (``VacancySearch.role``), so no cascade reaches it from the search.
"""

from django.db.models.signals import post_delete

from recruiting.models import VacancySearch


def _delete_search_role(sender, instance: VacancySearch, **kwargs) -> None:
    from recruiting.searches import delete_search_role

    delete_search_role(search=instance)


def connect() -> None:
    post_delete.connect(_delete_search_role, sender=VacancySearch, dispatch_uid="recruiting.delete_search_role")
