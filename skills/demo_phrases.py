"""Demo vacancy phrases: for every demo checklist item, the words that tell a Data Engineering vacancy asks for it.

Keyed by (skill slug, item slug): (English phrases, Dutch phrases). A phrase matches every word form and both
languages' stems, so one form per idea is enough. A skill named as a whole ("SQL", "Python", "Airflow", "Spark",
"Azure", "data quality") counts as its first item, the one every level of the skill starts with. Dutch vacancies
use many English terms; those that Dutch texts use as they are stay in the English list. Idempotent: phrases are
matched by item and text.
"""

from skills.models import ChecklistItem, ItemPhrase

PHRASES = {
    ("python-fundamentals", "functions"): (
        ("Python", "functions and modules", "modular code", "reusable code"),
        ("programmeren in Python", "modulaire code", "herbruikbare code", "functies en modules"),
    ),
    ("python-fundamentals", "classes"): (
        ("object-oriented", "object oriented programming", "OOP", "classes and objects"),
        ("objectgeoriënteerd", "objectgeoriënteerd programmeren", "klassen en objecten"),
    ),
    ("python-fundamentals", "typing"): (
        ("type hints", "type annotations", "typed Python", "mypy", "typing"),
        ("typering", "type-annotaties", "getypeerde Python"),
    ),
    ("python-fundamentals", "vectorised-code"): (
        ("vectorised", "vectorized", "vectorisation", "vectorization", "NumPy arrays"),
        ("gevectoriseerd", "vectorisatie", "vectoriseren"),
    ),
    ("sql", "joins"): (
        ("SQL", "joins", "SQL queries", "T-SQL"),
        ("SQL-kennis", "SQL-query's"),
    ),
    ("sql", "window-functions"): (
        ("window functions", "analytic functions", "analytical functions", "ROW_NUMBER"),
        ("window functies", "windowfuncties", "vensterfuncties", "analytische functies"),
    ),
    ("sql", "query-performance"): (
        (
            "query performance",
            "query optimisation",
            "query optimization",
            "query tuning",
            "query plans",
            "execution plans",
            "optimising queries",
            "optimizing queries",
            "indexing",
            "slow queries",
            "slow SQL",
            "SQL tuning",
        ),
        (
            "queryperformance",
            "queryoptimalisatie",
            "query's optimaliseren",
            "queries optimaliseren",
            "uitvoeringsplannen",
            "indexen",
            "trage query's",
            "trage SQL-query's",
            "optimaliseren van query's",
            "optimaliseert query's",
        ),
    ),
    ("pandas", "cleaning"): (
        ("Pandas", "data cleaning", "cleaning data", "data cleansing", "data wrangling"),
        ("data opschonen", "opschonen", "opschonen van data", "datacleaning", "gegevens opschonen", "data opschoont"),
    ),
    ("pandas", "debugging"): (
        ("debugging", "troubleshooting", "root cause", "ETL debugging", "debugging DataFrames"),
        ("debuggen", "foutanalyse", "root-cause-analyse", "fouten opsporen"),
    ),
    ("pandas", "memory"): (
        ("memory usage", "memory-efficient", "memory efficiency", "dtypes", "chunking"),
        ("geheugengebruik", "geheugenefficiënt", "in chunks verwerken"),
    ),
    ("data-quality", "data-tests"): (
        (
            "data quality",
            "data tests",
            "data testing",
            "dbt tests",
            "Great Expectations",
            "data validation",
            "data checks",
            "validation rules",
            "quality checks",
        ),
        (
            "datakwaliteit",
            "datatests",
            "data testen",
            "datavalidatie",
            "valideren",
            "kwaliteitscontroles",
            "testen van data",
            "kwaliteitschecks",
            "validatieregels",
            "datacontroles",
            "datakwaliteitscontroles",
        ),
    ),
    ("data-quality", "null-checks"): (
        ("null checks", "null values", "missing values", "NULL handling", "completeness checks", "empty fields"),
        (
            "null-checks",
            "nullwaarden",
            "ontbrekende waarden",
            "lege waarden",
            "lege velden",
            "missende waarden",
            "volledigheidscontroles",
        ),
    ),
    ("data-quality", "schema-drift"): (
        (
            "schema drift",
            "schema changes",
            "schema evolution",
            "changing schemas",
            "schema mismatches",
            "schema checks",
        ),
        (
            "schemawijzigingen",
            "schema-evolutie",
            "veranderende schema's",
            "wijzigende schema's",
            "schemacontroles",
            "structuur van een bronbestand",
        ),
    ),
    ("orchestration", "airflow-dags"): (
        ("Airflow", "Apache Airflow", "orchestration", "workflow orchestration", "Dagster", "Prefect"),
        ("orkestratie", "orkestreren", "orkestreert", "workflow-orkestratie"),
    ),
    ("orchestration", "scheduling"): (
        ("scheduling", "scheduled jobs", "batch jobs", "cron", "backfills", "backfilling", "nightly loads"),
        (
            "inplannen van jobs",
            "planning van jobs",
            "jobs inplannen",
            "batchjobs",
            "inplannen",
            "plannen",
            "ingepland",
            "nachtelijke laadprocessen",
            "schedulen",
            "schedulet",
        ),
    ),
    ("orchestration", "retries"): (
        (
            "retries",
            "retry logic",
            "alerting",
            "pipeline monitoring",
            "monitoring and alerting",
            "timeouts",
            "failure handling",
            "job monitoring",
            "monitoring jobs",
            "monitoring batch jobs",
            "when one of them fails",
            "failed loads",
        ),
        (
            "foutafhandeling",
            "pipelinemonitoring",
            "monitoring van pipelines",
            "monitoring en alerting",
            "opnieuw proberen",
            "opnieuw laten proberen",
            "opnieuw laat proberen",
            "als er één mislukt",
            "mislukte laadprocessen",
            "als een laadproces faalt",
        ),
    ),
    ("cloud", "cloud-platform"): (
        ("cloud", "cloud platform", "Azure", "AWS", "GCP", "Google Cloud", "Amazon Web Services"),
        ("cloudplatform", "cloudomgeving"),
    ),
    ("cloud", "storage-compute"): (
        (
            "object storage",
            "data lake",
            "lakehouse",
            "S3",
            "ADLS",
            "Blob Storage",
            "GCS",
            "Cloud Storage",
            "serverless",
            "managed compute",
        ),
        ("objectopslag", "datalake", "opslag in de cloud"),
    ),
    ("cloud", "access"): (
        (
            "IAM",
            "identity and access management",
            "access management",
            "access control",
            "service principals",
            "service accounts",
            "Key Vault",
            "secrets management",
            "RBAC",
            "least privilege",
        ),
        (
            "toegangsbeheer",
            "toegangsrechten",
            "rechtenbeheer",
            "rollen en rechten",
            "autorisaties",
            "beheer van secrets",
        ),
    ),
    ("ci-cd", "docker"): (
        (
            "Docker",
            "containers",
            "containerisation",
            "containerization",
            "containerise",
            "containerize",
            "dockerised",
            "dockerized",
            "container images",
        ),
        ("containerisatie", "gecontaineriseerd"),
    ),
    ("ci-cd", "ci-pipelines"): (
        (
            "CI/CD",
            "CI pipeline",
            "continuous integration",
            "GitHub Actions",
            "GitLab CI",
            "Azure DevOps",
            "unit tests",
            "pytest",
            "automated tests",
            "automated testing",
        ),
        ("geautomatiseerd testen", "geautomatiseerde tests", "unittests", "testautomatisering", "automatisch testen"),
    ),
    ("ci-cd", "deploying-services"): (
        ("deployment", "deploying", "Kubernetes", "Terraform", "infrastructure as code", "releases"),
        ("uitrollen", "in productie brengen", "naar productie brengen", "uitrol", "deployen", "deployt", "gedeployed"),
    ),
    ("pyspark", "scalable-pipelines"): (
        (
            "Spark",
            "PySpark",
            "Databricks",
            "big data",
            "large datasets",
            "large data volumes",
            "distributed processing",
            "scalable pipelines",
        ),
        (
            "grote datasets",
            "grote datavolumes",
            "schaalbare pipelines",
            "gedistribueerde verwerking",
            "grote hoeveelheden data",
        ),
    ),
    ("pyspark", "partitioning"): (
        ("partitioning", "partitions", "partition strategy"),
        ("partitionering", "partities", "partitioneren"),
    ),
    ("pyspark", "shuffles"): (
        ("shuffles", "shuffling"),
        ("shuffle-operaties", "data herverdelen over de nodes"),
    ),
    ("pyspark", "skew"): (
        ("data skew", "skewed data", "skewed joins", "skew"),
        ("scheve verdeling", "scheve data", "scheef verdeelde data"),
    ),
    ("pyspark", "caching"): (
        ("caching", "persisting DataFrames"),
        ("cachen",),
    ),
    ("pyspark", "runtime-debugging"): (
        (
            "Spark UI",
            "debugging",
            "tuning",
            "executors",
            "cluster costs",
            "cost optimisation",
            "cost optimization",
            "performance tuning",
            "cluster tuning",
            "cluster settings",
            "cloud costs",
            "slow jobs",
        ),
        (
            "kostenoptimalisatie",
            "clusterkosten",
            "clusterinstellingen",
            "cloudkosten",
            "kosten van clusters",
            "debuggen",
            "trage jobs",
        ),
    ),
}


# Generic words that count for an item only beside its skill's other words or tools ("Debugging Spark jobs", not
# "debugging" alone): (skill slug, item slug, phrase).
NEEDS_CONTEXT = frozenset(
    (
        ("pandas", "debugging", "debugging"),
        ("pandas", "debugging", "troubleshooting"),
        ("pandas", "debugging", "debuggen"),
        ("pandas", "debugging", "foutanalyse"),
        ("pandas", "debugging", "fouten opsporen"),
        ("pyspark", "runtime-debugging", "debugging"),
        ("pyspark", "runtime-debugging", "debuggen"),
        ("pyspark", "runtime-debugging", "tuning"),
        ("pyspark", "runtime-debugging", "performance tuning"),
        ("pyspark", "runtime-debugging", "slow jobs"),
        ("pyspark", "runtime-debugging", "trage jobs"),
        ("pyspark", "runtime-debugging", "executors"),
        ("pyspark", "skew", "skew"),
        ("cloud", "storage-compute", "lakehouse"),
        ("orchestration", "scheduling", "scheduling"),
        ("orchestration", "scheduling", "inplannen"),
        ("orchestration", "scheduling", "plannen"),
        ("orchestration", "scheduling", "ingepland"),
        ("python-fundamentals", "typing", "typing"),
        ("sql", "joins", "joins"),  # "Join our team"
        ("orchestration", "retries", "alerting"),  # a dashboard's or a platform's alerts, not a pipeline's failures
        ("pyspark", "partitioning", "partitioning"),  # tables in a database are partitioned too
        ("pyspark", "partitioning", "partitions"),
        ("pyspark", "partitioning", "partitionering"),
        ("pyspark", "partitioning", "partities"),
        ("pyspark", "partitioning", "partitioneren"),
        ("ci-cd", "deploying-services", "Kubernetes"),  # a platform team's tools, not a deployment asked
        ("ci-cd", "deploying-services", "Terraform"),
        ("ci-cd", "deploying-services", "infrastructure as code"),
        ("ci-cd", "deploying-services", "uitrol"),  # "uitrol van rapportages"
        ("ci-cd", "deploying-services", "uitrollen"),
    )
)


def load_item_phrases_demo() -> None:
    """Create the demo phrases of every demo item that exists; an editor's own phrases stay as they are."""
    items = {(item.skill.slug, item.slug): item for item in ChecklistItem.objects.select_related("skill")}
    existing = {(phrase.item_id, phrase.text.lower()) for phrase in ItemPhrase.objects.all()}
    for key, by_language in PHRASES.items():
        item = items.get(key)
        if item is None:
            continue
        for language, texts in zip(("en", "nl"), by_language, strict=True):
            for text in texts:
                if (item.pk, text.lower()) not in existing:
                    ItemPhrase.objects.create(
                        item=item, text=text, language=language, needs_context=(*key, text) in NEEDS_CONTEXT
                    )
                    existing.add((item.pk, text.lower()))
