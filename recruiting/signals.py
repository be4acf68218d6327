"""What no cascade reaches goes with its row, however the row is deleted (its owner's account, say).

- A search's private role: it is the search's target (``VacancySearch.role``), so no cascade reaches it.
- An export's files: they live in the exports storage, not in the database.

And what a contact request changes, however it changes (a service, a cascade): its recruiter's outreach overview is
counted again once the transaction commits.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from recruiting.models import CandidateExport, ContactRequest, VacancySearch
from recruiting.services.exports import delete_export_file
from recruiting.services.outreach import count_outreach_later
from recruiting.services.searches import delete_search_role


def _delete_search_role(sender, instance: VacancySearch, **kwargs) -> None:
    delete_search_role(search=instance)


def _delete_export_file(sender, instance: CandidateExport, **kwargs) -> None:
    delete_export_file(export=instance)


def _count_outreach(sender, instance: ContactRequest, **kwargs) -> None:
    count_outreach_later(recruiter_id=instance.recruiter_id)


def _count_outreach_after_deletion(sender, instance: ContactRequest, **kwargs) -> None:
    """Deleted with an account: counted once the deletion committed, when the recruiter's own account may be gone."""
    recruiter_id = instance.recruiter_id
    transaction.on_commit(lambda: count_outreach_later(recruiter_id=recruiter_id))


def connect() -> None:
    post_save.connect(_count_outreach, sender=ContactRequest, dispatch_uid="recruiting.count_outreach_saved")
    post_delete.connect(
        _count_outreach_after_deletion, sender=ContactRequest, dispatch_uid="recruiting.count_outreach_deleted"
    )
    post_delete.connect(_delete_search_role, sender=VacancySearch, dispatch_uid="recruiting.delete_search_role")
    post_delete.connect(_delete_export_file, sender=CandidateExport, dispatch_uid="recruiting.delete_export_file")
