"""The recruiter side's jobs (Django's Tasks API): the work itself lives in the services."""

from django_tasks import task

from recruiting import services


@task()
def write_candidate_export(*, export_id: int, attempt: int) -> None:
    services.write_candidate_export(export_id=export_id, attempt=attempt)


@task()
def delete_expired_exports() -> int:
    return services.delete_expired_exports()
