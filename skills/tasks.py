"""The skills side's jobs (Django's Tasks API): the work itself lives in skills.recomputes and the services."""

from django_tasks import task

from skills import recomputes


@task()
def recompute_role(
    *, recompute_id: int, attempt: int, after_pk: int = 0, up_to_pk: int | None = None, retry: int = 0
) -> None:
    """One chunk of a role recompute: the profiles with ``after_pk < pk <= up_to_pk`` (all of them by default);
    ``retry`` counts how often this chunk was queued again."""
    recomputes.run_role_recompute(
        recompute_id=recompute_id, attempt=attempt, after_pk=after_pk, up_to_pk=up_to_pk, retry=retry
    )
