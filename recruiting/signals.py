"""What no cascade reaches goes with its row, however the row is deleted (its owner's account, say).

- A search's private role: it is the search's target (``VacancySearch.role``), so no cascade reaches it.
- An export's file: it lives in the exports storage, not in the database.
"""

from django.db.models.signals import post_delete

from recruiting.models import CandidateExport, VacancySearch


def _delete_search_role(sender, instance: VacancySearch, **kwargs) -> None:
    from recruiting.searches import delete_search_role

    delete_search_role(search=instance)


def _delete_export_file(sender, instance: CandidateExport, **kwargs) -> None:
    from recruiting.services import delete_export_file

    delete_export_file(export=instance)


def connect() -> None:
    post_delete.connect(_delete_search_role, sender=VacancySearch, dispatch_uid="recruiting.delete_search_role")
    post_delete.connect(_delete_export_file, sender=CandidateExport, dispatch_uid="recruiting.delete_export_file")
