"""Demo learning resources: for every checklist item, something that teaches that item, in our own words.

Keyed by (skill slug, item slug). A resource is a catalog tool ("tool", slug, note EN, note NL) or a
link ("link", kind, url, title EN, title NL, note EN, note NL). Cloud items point at the providers' own
free fundamentals pages. Idempotent: an item's demo resources are matched by tool or by link.
"""

from catalog.demo import in_both_languages
from catalog.models import Tool
from skills.models import ChecklistItem, Resource

DOCS, COURSE, EXERCISE, BOOK = Resource.Kind.DOCS, Resource.Kind.COURSE, Resource.Kind.EXERCISE, Resource.Kind.BOOK
PY = "https://docs.python.org/3/"
PG = "https://www.postgresql.org/docs/current/"
PANDAS = "https://pandas.pydata.org/docs/user_guide/"
AIRFLOW = "https://airflow.apache.org/docs/apache-airflow/stable/"
SPARK = "https://spark.apache.org/docs/latest/"

RESOURCES = {
    ("python-fundamentals", "functions"): (
        (
            "link",
            DOCS,
            PY + "tutorial/controlflow.html#defining-functions",
            "Python tutorial: defining functions",
            "Python-tutorial: functies definiëren",
            "Parameters, return values and defaults, from the language itself.",
            "Parameters, returnwaarden en standaardwaarden, uit de taal zelf.",
        ),
        (
            "link",
            DOCS,
            PY + "tutorial/modules.html",
            "Python tutorial: modules",
            "Python-tutorial: modules",
            "How to split code into modules and packages you can import.",
            "Code opdelen in modules en packages die je kunt importeren.",
        ),
    ),
    ("python-fundamentals", "classes"): (
        (
            "link",
            DOCS,
            PY + "tutorial/classes.html",
            "Python tutorial: classes",
            "Python-tutorial: klassen",
            "Objects, attributes and methods, and when inheritance helps.",
            "Objecten, attributen en methoden, en wanneer overerving helpt.",
        ),
    ),
    ("python-fundamentals", "typing"): (
        (
            "link",
            DOCS,
            "https://mypy.readthedocs.io/en/stable/cheat_sheet_py3.html",
            "mypy: type hints cheat sheet",
            "mypy: spiekbrief type hints",
            "The annotations you write every day, each with a short example.",
            "De annotaties die je dagelijks schrijft, elk met een kort voorbeeld.",
        ),
        (
            "tool",
            "fastapi",
            "Reads your type hints to validate requests: a practical reason to write them.",
            "Leest je type hints om verzoeken te valideren: een praktische reden om ze te schrijven.",
        ),
    ),
    ("python-fundamentals", "vectorised-code"): (
        (
            "link",
            DOCS,
            "https://numpy.org/doc/stable/user/absolute_beginners.html",
            "NumPy: the absolute basics",
            "NumPy: de absolute basis",
            "Arrays and operations on whole arrays instead of Python loops.",
            "Arrays en bewerkingen op hele arrays in plaats van Python-lussen.",
        ),
        (
            "tool",
            "numpy",
            "The library behind fast numeric code in Python.",
            "De bibliotheek achter snelle numerieke code in Python.",
        ),
    ),
    ("sql", "joins"): (
        (
            "link",
            DOCS,
            PG + "tutorial-join.html",
            "PostgreSQL tutorial: joins between tables",
            "PostgreSQL-tutorial: joins tussen tabellen",
            "Inner and outer joins on a small example you can run.",
            "Inner en outer joins op een klein voorbeeld dat je zelf kunt draaien.",
        ),
        (
            "link",
            EXERCISE,
            "https://sqlbolt.com/lesson/select_queries_with_joins",
            "SQLBolt: joins exercises",
            "SQLBolt: oefeningen met joins",
            "Short exercises in the browser, checked as you type.",
            "Korte oefeningen in de browser, direct nagekeken.",
        ),
    ),
    ("sql", "window-functions"): (
        (
            "link",
            DOCS,
            PG + "tutorial-window.html",
            "PostgreSQL tutorial: window functions",
            "PostgreSQL-tutorial: windowfuncties",
            "Ranking, running totals and PARTITION BY, step by step.",
            "Rangschikken, lopende totalen en PARTITION BY, stap voor stap.",
        ),
    ),
    ("sql", "query-performance"): (
        (
            "link",
            DOCS,
            PG + "using-explain.html",
            "PostgreSQL: using EXPLAIN",
            "PostgreSQL: EXPLAIN gebruiken",
            "How to read a query plan and see where the time goes.",
            "Een queryplan lezen en zien waar de tijd blijft.",
        ),
        (
            "link",
            BOOK,
            "https://use-the-index-luke.com/",
            "Use The Index, Luke",
            "Use The Index, Luke",
            "A free book on indexes and fast SQL, for every major database.",
            "Een gratis boek over indexen en snelle SQL, voor alle grote databases.",
        ),
    ),
    ("pandas", "cleaning"): (
        (
            "link",
            DOCS,
            PANDAS + "missing_data.html",
            "pandas: working with missing data",
            "pandas: werken met ontbrekende data",
            "Finding, filling and dropping missing values.",
            "Ontbrekende waarden vinden, invullen en weglaten.",
        ),
        (
            "tool",
            "pandas",
            "The everyday tool for cleaning tables in Python.",
            "Het dagelijkse gereedschap om tabellen op te schonen in Python.",
        ),
    ),
    ("pandas", "debugging"): (
        (
            "link",
            DOCS,
            PANDAS + "indexing.html",
            "pandas: indexing and selecting data",
            "pandas: data indexeren en selecteren",
            "Selecting exactly the rows that look wrong, to see why.",
            "Precies de rijen selecteren die niet kloppen, om te zien waarom.",
        ),
    ),
    ("pandas", "memory"): (
        (
            "link",
            DOCS,
            PANDAS + "scale.html",
            "pandas: scaling to large datasets",
            "pandas: schalen naar grote datasets",
            "Smaller dtypes, fewer columns and chunks when memory runs out.",
            "Kleinere dtypes, minder kolommen en chunks als het geheugen opraakt.",
        ),
    ),
    ("data-quality", "data-tests"): (
        (
            "link",
            DOCS,
            "https://docs.getdbt.com/docs/build/data-tests",
            "dbt: data tests",
            "dbt: datatests",
            "Declaring unique, not-null and relationship tests next to your models.",
            "Tests op uniek, niet-leeg en relaties naast je modellen vastleggen.",
        ),
        (
            "tool",
            "dbt",
            "Runs the tests with every build, so bad data stops early.",
            "Draait de tests bij elke build, zodat slechte data vroeg stopt.",
        ),
    ),
    ("data-quality", "null-checks"): (
        (
            "link",
            DOCS,
            PANDAS + "missing_data.html",
            "pandas: working with missing data",
            "pandas: werken met ontbrekende data",
            "Counting and checking nulls before they reach a report.",
            "Lege waarden tellen en controleren voordat ze in een rapport belanden.",
        ),
    ),
    ("data-quality", "schema-drift"): (
        (
            "link",
            DOCS,
            "https://docs.getdbt.com/docs/collaborate/govern/model-contracts",
            "dbt: model contracts",
            "dbt: modelcontracten",
            "Fixing column names and types, so a changed source fails loudly.",
            "Kolomnamen en types vastleggen, zodat een gewijzigde bron luid faalt.",
        ),
    ),
    ("orchestration", "airflow-dags"): (
        (
            "link",
            COURSE,
            AIRFLOW + "tutorial/fundamentals.html",
            "Airflow tutorial: fundamentals",
            "Airflow-tutorial: de basis",
            "Your first DAG with tasks and dependencies, explained line by line.",
            "Je eerste DAG met taken en afhankelijkheden, regel voor regel uitgelegd.",
        ),
        ("tool", "airflow", "The orchestrator most vacancies name.", "De orchestrator die de meeste vacatures noemen."),
    ),
    ("orchestration", "scheduling"): (
        (
            "link",
            DOCS,
            AIRFLOW + "core-concepts/dag-run.html",
            "Airflow: DAG runs and schedules",
            "Airflow: DAG-runs en schema's",
            "Schedules, data intervals, catchup and backfills.",
            "Schema's, data-intervallen, catchup en backfills.",
        ),
    ),
    ("orchestration", "retries"): (
        (
            "link",
            DOCS,
            AIRFLOW + "core-concepts/tasks.html",
            "Airflow: tasks, retries and timeouts",
            "Airflow: taken, retries en timeouts",
            "What happens when a task fails, and how to retry it safely.",
            "Wat er gebeurt als een taak faalt, en hoe je hem veilig opnieuw probeert.",
        ),
    ),
    ("cloud", "cloud-platform"): (
        (
            "link",
            COURSE,
            "https://learn.microsoft.com/en-us/training/paths/microsoft-azure-fundamentals-describe-cloud-concepts/",
            "Microsoft Learn: Azure fundamentals, cloud concepts",
            "Microsoft Learn: Azure-basis, cloudconcepten",
            "Free modules on what the cloud is and how you pay for it.",
            "Gratis modules over wat de cloud is en hoe je ervoor betaalt.",
        ),
        (
            "link",
            COURSE,
            "https://aws.amazon.com/training/digital/aws-cloud-practitioner-essentials/",
            "AWS Cloud Practitioner Essentials",
            "AWS Cloud Practitioner Essentials",
            "AWS's own free introduction to its core services.",
            "De eigen gratis introductie van AWS in zijn kerndiensten.",
        ),
        (
            "link",
            COURSE,
            "https://www.cloudskillsboost.google/paths/9",
            "Google Cloud: Cloud Digital Leader path",
            "Google Cloud: leerpad Cloud Digital Leader",
            "Google's free fundamentals path.",
            "Het gratis basisleerpad van Google.",
        ),
    ),
    ("cloud", "storage-compute"): (
        (
            "link",
            DOCS,
            "https://learn.microsoft.com/en-us/azure/storage/common/storage-introduction",
            "Azure: introduction to storage",
            "Azure: introductie in opslag",
            "Blob storage and the other kinds, and when to use which.",
            "Blob-opslag en de andere soorten, en wanneer je welke gebruikt.",
        ),
        (
            "link",
            DOCS,
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html",
            "AWS: what is Amazon S3?",
            "AWS: wat is Amazon S3?",
            "Buckets, objects and storage classes.",
            "Buckets, objecten en opslagklassen.",
        ),
    ),
    ("cloud", "access"): (
        (
            "link",
            DOCS,
            "https://learn.microsoft.com/en-us/azure/role-based-access-control/overview",
            "Azure: role-based access control",
            "Azure: toegangsbeheer op basis van rollen",
            "Who may do what on which resource, the Azure way.",
            "Wie wat mag op welke resource, op de Azure-manier.",
        ),
        (
            "link",
            DOCS,
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction.html",
            "AWS: what is IAM?",
            "AWS: wat is IAM?",
            "Users, roles and policies, with least privilege.",
            "Gebruikers, rollen en policies, met zo min mogelijk rechten.",
        ),
    ),
    ("ci-cd", "docker"): (
        (
            "link",
            COURSE,
            "https://docs.docker.com/get-started/",
            "Docker: get started",
            "Docker: aan de slag",
            "Build an image, run a container, share it: Docker's own guided start.",
            "Een image bouwen, een container draaien, delen: de eigen begeleide start van Docker.",
        ),
    ),
    ("ci-cd", "ci-pipelines"): (
        (
            "link",
            DOCS,
            "https://docs.github.com/en/actions",
            "GitHub Actions: checks on every push",
            "GitHub Actions: controles bij elke push",
            "Running your tests and checks on every push.",
            "Je tests en controles bij elke push laten draaien.",
        ),
    ),
    ("ci-cd", "deploying-services"): (
        (
            "link",
            DOCS,
            "https://fastapi.tiangolo.com/deployment/",
            "FastAPI: deployment",
            "FastAPI: uitrollen",
            "HTTPS, workers and containers for a Python API.",
            "HTTPS, workers en containers voor een Python-API.",
        ),
        (
            "tool",
            "fastapi",
            "A small, typed API framework that is quick to ship.",
            "Een klein, getypeerd API-framework dat je snel live zet.",
        ),
    ),
    ("pyspark", "scalable-pipelines"): (
        (
            "link",
            DOCS,
            SPARK + "sql-programming-guide.html",
            "Spark SQL, DataFrames and Datasets guide",
            "Gids Spark SQL, DataFrames en Datasets",
            "Spark's DataFrame API from the start.",
            "De DataFrame-API van Spark vanaf het begin.",
        ),
        (
            "tool",
            "pyspark",
            "Python's way into Spark for data that no longer fits one machine.",
            "De weg van Python naar Spark voor data die niet meer op één machine past.",
        ),
    ),
    ("pyspark", "partitioning"): (
        (
            "link",
            DOCS,
            SPARK + "sql-performance-tuning.html",
            "Spark: performance tuning",
            "Spark: prestaties afstemmen",
            "Partitions, coalesce and repartition hints.",
            "Partities, coalesce en repartition-hints.",
        ),
        (
            "tool",
            "pyspark",
            "Where you call repartition() and partitionBy() yourself.",
            "Waar je zelf repartition() en partitionBy() aanroept.",
        ),
    ),
    ("pyspark", "shuffles"): (
        (
            "link",
            DOCS,
            SPARK + "rdd-programming-guide.html#shuffle-operations",
            "Spark: shuffle operations",
            "Spark: shuffle-operaties",
            "Why a shuffle is expensive and which operations cause one.",
            "Waarom een shuffle duur is en welke bewerkingen er een veroorzaken.",
        ),
    ),
    ("pyspark", "skew"): (
        (
            "link",
            DOCS,
            SPARK + "sql-performance-tuning.html#optimizing-skew-join",
            "Spark: optimizing skew joins",
            "Spark: skew joins optimaliseren",
            "How adaptive query execution splits skewed partitions.",
            "Hoe adaptive query execution scheve partities opsplitst.",
        ),
    ),
    ("pyspark", "caching"): (
        (
            "link",
            DOCS,
            SPARK + "sql-performance-tuning.html#caching-data",
            "Spark: caching data",
            "Spark: data cachen",
            "When caching a DataFrame pays off and when it only costs memory.",
            "Wanneer een DataFrame cachen loont en wanneer het alleen geheugen kost.",
        ),
    ),
    ("pyspark", "runtime-debugging"): (
        (
            "link",
            DOCS,
            SPARK + "web-ui.html",
            "Spark: the web UI",
            "Spark: de web-UI",
            "Reading jobs, stages and executors to find the slow part.",
            "Jobs, stages en executors lezen om het trage deel te vinden.",
        ),
    ),
}


def load_resources_demo() -> None:
    """Create or update the demo resources of every demo item that exists."""
    tools = {tool.slug: tool for tool in Tool.objects.all()}
    items = {(item.skill.slug, item.slug): item for item in ChecklistItem.objects.select_related("skill")}
    for key, resources in RESOURCES.items():
        item = items.get(key)
        if item is None:
            continue
        for order, resource in enumerate(resources, start=1):
            if resource[0] == "tool":
                _kind, slug, note, dutch_note = resource
                if slug not in tools:
                    continue
                Resource.objects.update_or_create(
                    item=item,
                    tool=tools[slug],
                    defaults={**in_both_languages({"note": note}, {"note": dutch_note}), "order": order},
                )
            else:
                _kind, kind, url, title, dutch_title, note, dutch_note = resource
                Resource.objects.update_or_create(
                    item=item,
                    url=url,
                    defaults={
                        **in_both_languages({"title": title, "note": note}, {"title": dutch_title, "note": dutch_note}),
                        "kind": kind,
                        "order": order,
                    },
                )
