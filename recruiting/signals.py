"""What no cascade reaches goes with its row, however the row is deleted (its owner's account, say).

- A search's private role: it is the search's target (``VacancySearch.role``), so no cascade reaches it.
- An export's files: they live in the exports storage, not in the database.
"""

from django.db.models.signals import post_delete

from recruiting.models import CandidateExport, VacancySearch
from recruiting.services.exports import delete_export_file
from recruiting.services.searches import delete_search_role


def _delete_search_role(sender, instance: VacancySearch, **kwargs) -> None:
    delete_search_role(search=instance)


def _delete_export_file(sender, instance: CandidateExport, **kwargs) -> None:
    delete_export_file(export=instance)


def connect() -> None:
    post_delete.connect(_delete_search_role, sender=VacancySearch, dispatch_uid="recruiting.delete_search_role")
    post_delete.connect(_delete_export_file, sender=CandidateExport, dispatch_uid="recruiting.delete_export_file")
