"""Demo vacancy phrases of the demo tools, besides the tool's own name, which always counts.

By tool slug: (English phrases, Dutch phrases). Idempotent: phrases are matched by tool and text.
"""

from catalog.models import Tool, ToolPhrase

PHRASES = {
    "fastapi": (("Fast API", "FastAPI services"), ("FastAPI-services",)),
    "django": (("Django REST framework", "DRF"), ("Django-applicaties",)),
    "flask": (("Flask apps",), ("Flask-applicaties",)),
    "pyspark": (
        ("Spark", "Apache Spark", "Databricks", "Delta Lake", "Spark SQL", "Structured Streaming", "Delta tables"),
        ("Spark-jobs", "Databricks-omgeving", "Delta-tabellen"),
    ),
    "airflow": (("Apache Airflow", "Cloud Composer", "MWAA", "Astronomer"), ("Airflow-DAG's",)),
    "dbt": (("dbt Core", "dbt Cloud", "data build tool", "Core or Cloud", "Cloud or Core"), ("dbt-modellen",)),
    "pandas": (("Pandas DataFrames",), ("Pandas-dataframes",)),
    "numpy": (("NumPy arrays",), ("NumPy-arrays",)),
    "scikit-learn": (("sklearn", "scikit learn"), ("scikit-learn-modellen",)),
}


def load_tool_phrases_demo() -> None:
    """Create the demo phrases of every demo tool that exists; an editor's own phrases stay as they are."""
    tools = {tool.slug: tool for tool in Tool.objects.all()}
    existing = {(phrase.tool_id, phrase.text.lower()) for phrase in ToolPhrase.objects.all()}
    for slug, by_language in PHRASES.items():
        tool = tools.get(slug)
        if tool is None:
            continue
        for language, texts in zip(("en", "nl"), by_language, strict=True):
            for text in texts:
                if (tool.pk, text.lower()) not in existing:
                    ToolPhrase.objects.create(tool=tool, text=text, language=language)
                    existing.add((tool.pk, text.lower()))
