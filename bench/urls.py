"""The portal's URLs plus the benchmark's baseline page, used only inside ``bench.run``."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

# The cheapest real page: the full middleware stack and base.html, no query of its own.
BASELINE_TEMPLATE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>Baseline</h1><p>Layout only.</p>{% endblock %}'
)


def baseline(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BASELINE_TEMPLATE.render({}, request))


urlpatterns = [path("bench/baseline/", baseline, name="bench-baseline"), *portal_urlpatterns]
