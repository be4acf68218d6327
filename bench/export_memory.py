"""One candidate export written in a process of its own, as a `db_worker` would: its time and its peak memory.

`python -m bench.export_memory EXPORT_ID` (run by bench/jobs.py on the bench database) prints one JSON line:
the seconds of the job, the peak of Python's own allocations during it (tracemalloc) and the process's peak
resident size (getrusage, Django and the libraries included).
"""

import json
import resource
import sys
import time
import tracemalloc


def main(export_id: int) -> None:
    import django

    django.setup()
    from recruiting.models import CandidateExport
    from recruiting.services import exports as export_services

    export = CandidateExport.objects.get(pk=export_id)
    tracemalloc.start()
    started = time.perf_counter()
    export_services.write_candidate_export.call(export_id=export.pk, attempt=export.attempt)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    export.refresh_from_db()
    print(
        json.dumps(
            {
                "status": export.status,
                "error": export.error,
                "rows": export.rows_written,
                "seconds": seconds,
                "peak_traced_mb": peak / 2**20,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux: kilobytes
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
