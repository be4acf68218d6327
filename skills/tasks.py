"""The skills side's jobs (Django's Tasks API): the work itself lives in the services."""

from django_tasks import task

from skills import services


@task()
def recompute_role(*, recompute_id: int, attempt: int) -> None:
    services.run_role_recompute(recompute_id=recompute_id, attempt=attempt)
