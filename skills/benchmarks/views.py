"""/skills/benchmarks/: where the engineer's levels stand (for those who count in; the others get the choice), and
the choice itself, posted from that page and from the start."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from portal.jobs.workers import workers_wait
from skills.benchmarks.disclosure import min_cohort
from skills.benchmarks.forms import BenchmarkChoiceForm
from skills.benchmarks.selectors import engineer_benchmarks, latest_snapshot_for
from skills.benchmarks.services import set_benchmark_choice
from skills.selectors.profiles import own_profile


@require_safe
def benchmarks(request: HttpRequest) -> HttpResponse:
    """The tables are a cached fragment (the snapshot, k, the checklist and the engineer's own data name it): the
    standings are computed only when it is not stored."""
    profile = own_profile(user=request.user)
    context = {
        "counts_in": bool(profile and profile.counts_in_benchmarks),
        "snapshot": latest_snapshot_for(profile),
        "min_cohort": min_cohort(),
        "benchmarks": SimpleLazyObject(lambda: engineer_benchmarks(user=request.user)),
        "wait": SimpleLazyObject(workers_wait),  # read only while the first snapshot is awaited
    }
    return render(request, "skills/benchmarks.html", context)


@require_POST
def benchmark_choice(request: HttpRequest) -> HttpResponse:
    form = BenchmarkChoiceForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("That choice could not be read."))
    counts_in = form.cleaned_data["counts_in"]
    set_benchmark_choice(user=request.user, counts_in=counts_in)
    if counts_in:
        messages.success(request, _("You count in: the next snapshot includes your levels, anonymously."))
    else:
        messages.success(request, _("You no longer count in: the next snapshot leaves your levels out."))
    return redirect(form.next_url(request, default=reverse("skills:benchmarks")))
