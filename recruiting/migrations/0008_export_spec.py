"""Exports keep the list's filters as parsed (a JSON spec) instead of the query string the job parsed again."""

from datetime import date
from urllib.parse import parse_qs, urlencode

from django.db import migrations, models

SPEC_DEFAULTS = {
    "role": "",
    "sort": "score",
    "min_score": None,
    "must_haves_met": False,
    "min_years": None,
    "location": "",
    "open_to_work": False,
    "updated_since": None,
    "items": [],
    "item_level": 2,
}
CHECKED = {"on", "true", "True", "1", "yes"}


def _number(values: list[str]) -> int | None:
    value = values[-1] if values else ""
    return int(value) if value.isdecimal() and len(value) < 10 else None


def _date(values: list[str]) -> str | None:
    try:
        return date.fromisoformat(values[-1]).isoformat() if values else None
    except ValueError:
        return None


def spec_of(filters: str) -> dict:
    """The spec of an old row's query string; what the old form would have refused is left out, as it was."""
    query = parse_qs(filters, keep_blank_values=True)
    return {
        **SPEC_DEFAULTS,
        "role": (query.get("role") or [""])[-1],
        "sort": (query.get("sort") or ["score"])[-1]
        if (query.get("sort") or [""])[-1] in ("score", "experience", "updated")
        else "score",
        "min_score": _number(query.get("min_score", [])),
        "must_haves_met": bool(set(query.get("must_haves_met", [])) & CHECKED),
        "min_years": _number(query.get("min_years", [])),
        "location": (query.get("location") or [""])[-1][:100],
        "open_to_work": bool(set(query.get("open_to_work", [])) & CHECKED),
        "updated_since": _date(query.get("updated_since", [])),
        "items": sorted({int(pk) for pk in query.get("items", []) if pk.isdecimal() and len(pk) < 19})[:10],
        "item_level": _number(query.get("item_level", [])) or 2,
    }


def filters_to_spec(apps, schema_editor):
    CandidateExport = apps.get_model("recruiting", "CandidateExport")
    for export in CandidateExport.objects.only("pk", "filters").iterator():
        CandidateExport.objects.filter(pk=export.pk).update(spec=spec_of(export.filters))


def spec_to_filters(apps, schema_editor):
    CandidateExport = apps.get_model("recruiting", "CandidateExport")
    for export in CandidateExport.objects.only("pk", "spec").iterator():
        spec = {**SPEC_DEFAULTS, **export.spec}
        pairs = [
            (name, "on" if value is True else value)
            for name, values in spec.items()
            if values not in (None, "", False, [])
            for value in (values if isinstance(values, list) else [values])
        ]
        CandidateExport.objects.filter(pk=export.pk).update(filters=urlencode(sorted(pairs)))


class Migration(migrations.Migration):
    dependencies = [("recruiting", "0007_export_format_and_language")]

    operations = [
        migrations.AddField(
            model_name="candidateexport",
            name="spec",
            field=models.JSONField(blank=True, default=dict, verbose_name="filters"),
        ),
        migrations.RunPython(filters_to_spec, spec_to_filters),
        migrations.RemoveField(model_name="candidateexport", name="filters"),
    ]
