"""One candidate export written in a process of its own, as a `db_worker` would: its time and its peak memory.

`python -m bench.export_memory EXPORT_ID` (run by bench/jobs.py on the bench database) prints one JSON line:
the seconds of the job and the process's peak resident size (Django and the libraries included). No tracemalloc:
it made the job two to four times slower than a worker runs it. That peak is the kernel's VmHWM of this process's own memory:
``getrusage``'s ``ru_maxrss`` would also hold the parent's size at the fork (Linux keeps it across ``exec``), so it
said 336 MB for any export started from a bench process of that size.
"""

import json
import resource
import sys
import time
from pathlib import Path


def main(export_id: int) -> None:
    import django

    django.setup()
    from recruiting.models import CandidateExport
    from recruiting.services import exports as export_services

    export = CandidateExport.objects.get(pk=export_id)
    started = time.perf_counter()
    export_services.write_candidate_export.call(export_id=export.pk, attempt=export.attempt)
    seconds = time.perf_counter() - started
    export.refresh_from_db()
    print(
        json.dumps(
            {
                "status": export.status,
                "error": export.error,
                "rows": export.rows_written,
                "seconds": seconds,
                "peak_rss_mb": peak_resident_mb(),
            }
        )
    )


def peak_resident_mb() -> float:
    """This process's own peak resident size: VmHWM where /proc has it, else getrusage (kilobytes on Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main(int(sys.argv[1]))
