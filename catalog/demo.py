"""Demo catalog content, based on the facts of the article in shared/seed and written in our own words.

Run through ``manage.py load_demo``; every row is matched by slug, so loading twice changes nothing.
"""

from django.db import transaction

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool

CATEGORIES = (
    {
        "slug": "web-api-frameworks",
        "name": "Web and API frameworks",
        "kind": Category.Kind.WEB,
        "order": 1,
        "description": (
            "Software frameworks for putting data behind an API or a web application. "
            "More and more data teams build data products, not only pipelines."
        ),
    },
    {
        "slug": "data-frameworks",
        "name": "Data frameworks and tools",
        "kind": Category.Kind.DATA,
        "order": 2,
        "description": (
            "The platform and pipeline side: processing at scale, orchestration and SQL transformations. "
            "In data engineering these shape the work at least as much as any web framework."
        ),
    },
    {
        "slug": "libraries",
        "name": "Libraries",
        "kind": Category.Kind.LIBRARY,
        "order": 3,
        "description": (
            "Not frameworks, but the everyday core stack of almost every data engineer: "
            "checking, computing and preparing data for machine learning."
        ),
    },
)

KEYWORDS = (
    ("apis", "APIs"),
    ("rest-api", "REST API"),
    ("openapi", "OpenAPI"),
    ("data-services", "data services"),
    ("ml-inference", "ML inference"),
    ("microservices", "microservices"),
    ("web-applications", "web applications"),
    ("admin-dashboards", "admin dashboards"),
    ("data-governance", "data governance"),
    ("permissions", "roles and permissions"),
    ("orm", "ORM"),
    ("prototyping", "prototyping"),
    ("proof-of-concept", "proof of concept"),
    ("databricks", "Databricks"),
    ("spark", "Spark"),
    ("lakehouse", "lakehouse"),
    ("delta-lake", "Delta Lake"),
    ("distributed-computing", "distributed computing"),
    ("batch-processing", "batch processing"),
    ("streaming", "streaming"),
    ("orchestration", "orchestration"),
    ("scheduling", "scheduling"),
    ("retries", "retries"),
    ("pipeline-monitoring", "pipeline monitoring"),
    ("sql", "SQL"),
    ("data-modelling", "data modelling"),
    ("data-quality", "data quality"),
    ("data-cleaning", "data cleaning"),
    ("data-wrangling", "data wrangling"),
    ("data-validation", "data validation"),
    ("eda", "EDA (exploratory data analysis)"),
    ("dataset-checks", "dataset checks"),
    ("etl-debugging", "ETL debugging"),
    ("performance", "performance"),
    ("preprocessing", "preprocessing"),
    ("vectorization", "vectorization"),
    ("numerical-computing", "numerical computing"),
    ("feature-engineering", "feature engineering"),
    ("ml-basics", "ML basics"),
    ("model-evaluation", "model evaluation"),
    ("ml-pipelines", "ML pipelines"),
)


def lines(*items: str) -> str:
    return "\n".join(items)


TOOLS = (
    {
        "slug": "fastapi",
        "name": "FastAPI",
        "category": "web-api-frameworks",
        "tool_type": Tool.ToolType.FRAMEWORK,
        "order": 1,
        "summary": "A typed Python framework for fast, self-documenting APIs: the usual pick for data services.",
        "used_for": (
            "Putting data behind an API: services that return datasets or query results, endpoints that serve "
            "features, internal tooling around datasets and routes that run a model for inference."
        ),
        "in_vacancies": (
            "Turns up wherever data teams build APIs around their platform. It is often a plus rather than a "
            "hard requirement: it shows you can turn data into a product other teams call."
        ),
        "typical_uses": lines(
            "Data retrieval services",
            "Feature endpoints",
            "Internal tooling for datasets",
            "ML inference routes",
            "Self-service access to a dataset for analysts and other teams",
        ),
        "strengths": lines(
            "Python type hints shape the API, so it feels strict and tidy",
            "Input and output are validated automatically",
            "OpenAPI (Swagger) documentation is generated for you",
            "Fast, and built on modern Python",
        ),
        "pitfalls": lines(
            "Only the API layer: login, admin and database access are yours to choose and wire up",
            "Blocking calls inside async endpoints can stall every request",
            "Large nested validation models need care to stay fast and readable",
        ),
        "seniority_signals": lines(
            "Designs versioned, documented endpoints other teams can rely on",
            "Validates data with typed models instead of ad-hoc checks",
            "Knows when async helps and keeps blocking work off the event loop",
            "Adds pagination, timeouts and error responses that callers can act on",
        ),
        "when_to_pick": (
            "You build an API for data services, such as a dataset catalog, a feature store, an internal data "
            "product or a service that runs queries and serves the results, and it has to be production-grade."
        ),
        "website_url": "https://fastapi.tiangolo.com/",
        "docs_url": "https://fastapi.tiangolo.com/tutorial/",
        "keywords": ("apis", "rest-api", "openapi", "data-services", "ml-inference", "microservices"),
    },
    {
        "slug": "django",
        "name": "Django",
        "category": "web-api-frameworks",
        "tool_type": Tool.ToolType.FRAMEWORK,
        "order": 2,
        "summary": "The mature all-rounder: login, admin, permissions and a database layer in one framework.",
        "used_for": (
            "Internal web applications around data: portals where colleagues get access to data, admin screens "
            "for datasets, data governance tooling and platforms with several user roles and permissions. "
            "Rarely the core of ETL work, but a strong addition for data platform and data product teams."
        ),
        "in_vacancies": (
            "Asked for by data platform and data product teams that build internal applications, and by "
            "organisations that deliberately choose proven, stable technology. For pure pipeline roles it is a "
            "bonus that makes your profile more complete."
        ),
        "typical_uses": lines(
            "Internal portals for data access",
            "Admin dashboards for datasets",
            "Data governance tooling",
            "Platforms with multiple user roles and permissions",
        ),
        "strengths": lines(
            "Makes many decisions for you, so something stable reaches production sooner",
            "Login, admin, database layer and migrations come built in",
            "Reliable, secure and mature; widely used in enterprises",
            "The best-known and most widely used Python web framework",
        ),
        "pitfalls": lines(
            "Can feel heavy when all you need is one small API",
            "Not the core of ETL or pipeline work",
            "Its conventions take a while to learn",
        ),
        "seniority_signals": lines(
            "Models roles and permissions in one place instead of scattered checks",
            "Keeps database queries constant with select_related and prefetch_related",
            "Writes safe migrations for tables that already hold real data",
            "Keeps business rules in services that views, admin and jobs share",
        ),
        "when_to_pick": (
            "You need a complete web application with login, an admin and a database, for example an internal "
            "portal where colleagues with different roles reach data."
        ),
        "website_url": "https://www.djangoproject.com/",
        "docs_url": "https://docs.djangoproject.com/",
        "keywords": ("web-applications", "admin-dashboards", "data-governance", "permissions", "orm"),
    },
    {
        "slug": "flask",
        "name": "Flask",
        "category": "web-api-frameworks",
        "tool_type": Tool.ToolType.FRAMEWORK,
        "order": 3,
        "summary": "A microframework: minimal, quick to start, and every other choice is yours.",
        "used_for": (
            "Small web apps and APIs where speed of building matters more than structure: prototypes, "
            "single-purpose microservices and internal demos."
        ),
        "in_vacancies": (
            "Common in existing codebases and small services, mentioned next to APIs and microservices. "
            "Showing that you keep a Flask service tidy as it grows is what counts."
        ),
        "typical_uses": lines(
            "Prototypes you want to validate quickly",
            "Simple microservices with one clear task",
            "Proofs of concept to show something internally",
        ),
        "strengths": lines(
            "Little setup: you have results almost at once",
            "Simple and flexible: a minimal core that leaves the choices to you",
            "Easy to understand from top to bottom",
        ),
        "pitfalls": lines(
            "Gets messy as the project grows or more engineers join, unless the team agrees on standards",
            "Structure, logging, error handling, security and documentation are yours to keep consistent",
            "No built-in validation or API documentation",
        ),
        "seniority_signals": lines(
            "Sets up structure, configuration and blueprints before the codebase grows",
            "Adds consistent logging, error handling and security from the start",
            "Recognises when a prototype has outgrown Flask",
        ),
        "when_to_pick": (
            "You want a small service or a prototype fast, and you are prepared to add the discipline yourself "
            "if it stays around."
        ),
        "website_url": "https://flask.palletsprojects.com/",
        "docs_url": "https://flask.palletsprojects.com/en/stable/",
        "keywords": ("microservices", "prototyping", "proof-of-concept", "apis"),
    },
    {
        "slug": "pyspark",
        "name": "PySpark",
        "category": "data-frameworks",
        "tool_type": Tool.ToolType.FRAMEWORK_TOOL,
        "order": 1,
        "summary": "Apache Spark from Python: distributed processing for data that outgrows one machine.",
        "used_for": (
            "Processing big data across a cluster: batch and (semi-)streaming pipelines that must stay "
            "consistent, affordable and fast when tables grow to tens of millions or billions of rows."
        ),
        "in_vacancies": (
            "Named remarkably often in senior Data Engineer vacancies, usually with Databricks, Delta Lake, a "
            "lakehouse architecture and Azure, AWS or GCP. In a job ad it signals a team that takes scale "
            "seriously."
        ),
        "typical_uses": lines(
            "Batch processing of large datasets",
            "(Semi-)streaming workflows",
            "Lakehouse pipelines on Databricks with Delta Lake",
            "Taking work that outgrew Pandas on a laptop to enterprise scale",
        ),
        "strengths": lines(
            "The standard for distributed compute: work spread over many machines",
            "Handles batch as well as (semi-)streaming workloads",
            "Fits modern stacks such as Databricks with Delta Lake",
            "Runs on all major clouds",
        ),
        "pitfalls": lines(
            "Careless partitioning, shuffles and skew make jobs slow and expensive",
            "Caching everything eats cluster memory instead of saving time",
            "Overkill for data that fits comfortably in Pandas",
            "Inefficient jobs show up directly in the cloud bill",
        ),
        "seniority_signals": lines(
            "Chooses partitioning deliberately and can explain why it decides so much",
            "Understands what a shuffle does and why it is expensive",
            "Spots skew, where one odd key can slow down an entire job",
            "Knows when caching helps and when it only eats memory",
            "Debugs with runtime, cluster load and cost in mind",
        ),
        "when_to_pick": (
            "Your pipelines run at scale: the data no longer fits on one machine, or the pipeline must keep "
            "performing when volumes double. Pair it with an orchestrator such as Airflow."
        ),
        "website_url": "https://spark.apache.org/",
        "docs_url": "https://spark.apache.org/docs/latest/api/python/",
        "keywords": (
            "databricks",
            "spark",
            "lakehouse",
            "delta-lake",
            "distributed-computing",
            "batch-processing",
            "streaming",
        ),
    },
    {
        "slug": "airflow",
        "name": "Airflow",
        "category": "data-frameworks",
        "tool_type": Tool.ToolType.ORCHESTRATOR,
        "is_optional": True,
        "order": 2,
        "summary": "An orchestrator that schedules pipelines, retries failed steps and shows how every run went.",
        "used_for": (
            "Planning and monitoring pipelines: running tasks in the right order at the right time, retrying "
            "what fails and making the state of each run visible."
        ),
        "in_vacancies": (
            "Shows up as orchestration or scheduling, often with Airflow by name. Optional: many stacks use it, "
            "but some teams run a different orchestrator. Orchestration is usually the second step in a data "
            "engineer's growth, after SQL and Python."
        ),
        "typical_uses": lines(
            "Scheduling batch pipelines",
            "Chaining dependent tasks into one workflow",
            "Retries and alerts when a step fails",
            "Backfilling history after a fix",
        ),
        "strengths": lines(
            "Pipelines are defined in Python code",
            "Scheduling, dependencies and retries are built in",
            "A web interface to monitor runs and rerun tasks",
            "Many ready-made connectors for clouds and databases",
        ),
        "pitfalls": lines(
            "Not a processing engine: heavy data work belongs in Spark, SQL or the warehouse",
            "Tasks that are not idempotent make retries and backfills risky",
            "Heavy top-level code in workflow files slows the scheduler down",
        ),
        "seniority_signals": lines(
            "Writes idempotent tasks so retries and backfills are safe",
            "Sets retries, timeouts and alerts deliberately",
            "Keeps orchestration apart from computation",
        ),
        "when_to_pick": (
            "Several pipelines must run on a schedule, depend on each other and be monitored; for pipelines at "
            "scale it pairs with PySpark."
        ),
        "website_url": "https://airflow.apache.org/",
        "docs_url": "https://airflow.apache.org/docs/",
        "keywords": ("orchestration", "scheduling", "retries", "pipeline-monitoring"),
    },
    {
        "slug": "dbt",
        "name": "dbt",
        "category": "data-frameworks",
        "tool_type": Tool.ToolType.FRAMEWORK_TOOL,
        "order": 3,
        "summary": "SQL-first transformations with tests and documentation, often owned by data engineers.",
        "used_for": (
            "Transforming data inside the warehouse or lakehouse with version-controlled SQL models that are "
            "tested and documented, so the analytics layer can be rebuilt the same way every time."
        ),
        "in_vacancies": (
            "Listed among data frameworks and tools. It is SQL-first, yet the ownership often lies with data "
            "engineers; it appears next to SQL, data modelling and data quality."
        ),
        "typical_uses": lines(
            "SQL transformation models in the warehouse",
            "Data tests such as not-null and uniqueness checks",
            "Documentation and lineage of models",
        ),
        "strengths": lines(
            "Plain SQL with version control, code review and CI",
            "Tests and documentation live next to the models",
            "Works out the order of dependent models for you",
        ),
        "pitfalls": lines(
            "Only as good as the SQL inside it",
            "Needs a scheduler around it, often Airflow",
            "Large projects need naming and layering conventions",
        ),
        "seniority_signals": lines(
            "Designs layered models with clear ownership",
            "Covers key columns with tests and catches schema drift early",
            "Uses incremental models where full rebuilds get too slow or costly",
        ),
        "when_to_pick": (
            "Your transformations live in SQL in a warehouse or lakehouse, and you want them tested, documented "
            "and reviewed like any other code."
        ),
        "website_url": "https://www.getdbt.com/",
        "docs_url": "https://docs.getdbt.com/",
        "keywords": ("sql", "data-modelling", "data-quality"),
    },
    {
        "slug": "pandas",
        "name": "Pandas",
        "category": "libraries",
        "tool_type": Tool.ToolType.LIBRARY,
        "order": 1,
        "summary": "The standard library for cleaning, checking and debugging data in Python.",
        "used_for": (
            "Cleaning and checking data: validating pipeline output and checking datasets where data quality "
            "matters, simple transformations on smaller data, and analysis. Not only an analyst's tool."
        ),
        "in_vacancies": (
            "Appears in the skills section of vacancies as data cleaning, data wrangling, data validation, "
            "exploratory data analysis (EDA), dataset checks and ETL debugging."
        ),
        "typical_uses": lines(
            "Sanity checks on datasets: row counts, nulls, duplicates",
            "Debugging pipeline output to find where it goes wrong",
            "Simple transformations on smaller datasets",
            "A quick proof for stakeholders",
        ),
        "strengths": lines(
            "Expressive and quick to write for tabular data",
            "Known by nearly every data engineer",
            "Reads and writes CSV, Parquet, Excel, SQL and more",
        ),
        "pitfalls": lines(
            "Everything lives in memory on one machine; big data needs PySpark",
            "Row-by-row loops are slow: vectorise instead",
            "Types can change silently, such as integers becoming floats once nulls appear",
        ),
        "seniority_signals": lines(
            "Uses it to validate pipeline output systematically, not only for ad-hoc analysis",
            "Knows its memory limits and when to move to PySpark",
            "Keeps data types explicit to avoid silent conversions",
        ),
        "when_to_pick": "You do a lot of cleaning, checks and analysis on data that fits in memory.",
        "website_url": "https://pandas.pydata.org/",
        "docs_url": "https://pandas.pydata.org/docs/",
        "keywords": ("data-cleaning", "data-wrangling", "data-validation", "eda", "dataset-checks", "etl-debugging"),
    },
    {
        "slug": "numpy",
        "name": "NumPy",
        "category": "libraries",
        "tool_type": Tool.ToolType.LIBRARY,
        "order": 2,
        "summary": "Fast arrays and vectorised maths: the base under Pandas, scikit-learn and most ML libraries.",
        "used_for": (
            "Fast numerical work on arrays. Mostly invisible, since it runs under Pandas and scikit-learn, but "
            "it comes to the surface as soon as a script has to get faster."
        ),
        "in_vacancies": "Listed with performance and preprocessing.",
        "typical_uses": lines(
            "Performance tuning: far faster than plain Python loops",
            "Heavy calculations in feature engineering",
            "Preprocessing for machine learning pipelines",
            "Controlling numeric data types and memory use",
        ),
        "strengths": lines(
            "Vectorised operations run in compiled code",
            "Compact arrays use far less memory than Python lists",
            "The common base of the Python data ecosystem",
        ),
        "pitfalls": lines(
            "Looping over elements in Python throws the speed away",
            "Overflow and precision depend on the data type you choose",
            "Broadcasting rules can silently produce shapes you did not expect",
        ),
        "seniority_signals": lines(
            "Can explain why a script is slow and fix it by vectorising",
            "Chooses data types deliberately to keep memory under control",
            "Measures before optimising",
        ),
        "when_to_pick": ("Numerical work has to be fast, or you need to understand why a Pandas or ML step is slow."),
        "website_url": "https://numpy.org/",
        "docs_url": "https://numpy.org/doc/stable/",
        "keywords": ("performance", "preprocessing", "vectorization", "numerical-computing"),
    },
    {
        "slug": "scikit-learn",
        "name": "scikit-learn",
        "category": "libraries",
        "tool_type": Tool.ToolType.LIBRARY,
        "order": 3,
        "summary": "The classic machine learning library: preprocessing, training and evaluation behind one API.",
        "used_for": (
            "Feature engineering, training pipelines for classic machine learning, preprocessing such as "
            "scaling and encoding, and evaluating models: the place where data engineering meets data science."
        ),
        "in_vacancies": (
            "Listed as feature engineering and ML basics, in teams where data engineers work with data "
            "scientists or ML engineers to get models into production."
        ),
        "typical_uses": lines(
            "Feature engineering",
            "Training pipelines for classic machine learning",
            "Preprocessing: scaling and encoding",
            "Model evaluation",
            "Understanding how an ML workflow runs in production",
        ),
        "strengths": lines(
            "One consistent fit, transform and predict interface",
            "Pipelines keep preprocessing and model together and reproducible",
            "Mature and thoroughly documented",
        ),
        "pitfalls": lines(
            "Fitting preprocessing on all data leaks test information into training",
            "Works in the memory of one machine; not built for very large data",
            "A model degrades silently when the incoming data drifts",
        ),
        "seniority_signals": lines(
            "Understands why ML flows set data requirements: leakage, bias, drift and reproducibility",
            "Keeps preprocessing inside pipelines so training and serving match",
            "Versions data and models so results can be reproduced",
        ),
        "when_to_pick": (
            "Your organisation wants to put models into production and you build the data flows that feed them."
        ),
        "website_url": "https://scikit-learn.org/",
        "docs_url": "https://scikit-learn.org/stable/user_guide.html",
        "keywords": ("feature-engineering", "ml-basics", "preprocessing", "model-evaluation", "ml-pipelines"),
    },
)

RELATED_PAIRS = (
    ("fastapi", "django"),
    ("fastapi", "flask"),
    ("django", "flask"),
    ("fastapi", "scikit-learn"),
    ("pyspark", "airflow"),
    ("pyspark", "dbt"),
    ("airflow", "dbt"),
    ("pandas", "pyspark"),
    ("pandas", "numpy"),
    ("pandas", "scikit-learn"),
    ("numpy", "scikit-learn"),
)

CHOOSER = (
    {
        "slug": "apis-for-data-services",
        "question": "I build APIs for data services",
        "explanation": (
            "When other teams or applications need your data, an API is the usual answer, and FastAPI is the "
            "modern favourite for that."
        ),
        "tools": (("fastapi", "Typed endpoints with automatic validation and OpenAPI documentation."),),
    },
    {
        "slug": "web-app-with-login-admin-database",
        "question": "I build a complete web app with login, admin and a database",
        "explanation": "A full application with users and roles benefits from a framework that ships those parts.",
        "tools": (("django", "Login, admin, permissions and a database layer come built in."),),
    },
    {
        "slug": "small-services-or-prototypes",
        "question": "I build small services or prototypes",
        "explanation": "For something small or short-lived, a minimal framework gets you going fastest.",
        "tools": (("flask", "Minimal setup; you add structure yourself once the service sticks."),),
    },
    {
        "slug": "pipelines-at-scale",
        "question": "I work on pipelines at scale",
        "explanation": "At scale you need both distributed processing and something to plan and watch the runs.",
        "tools": (
            ("pyspark", "Spreads the processing over a cluster, as on Databricks."),
            ("airflow", "Schedules the pipelines, retries failed steps and monitors the runs."),
        ),
    },
    {
        "slug": "cleaning-checks-and-analysis",
        "question": "I do a lot of cleaning, checks and analysis",
        "explanation": "Day-to-day data quality work is where Pandas shines.",
        "tools": (("pandas", "The standard for cleaning, dataset checks and debugging pipeline output."),),
    },
)

FAQ = (
    {
        "slug": "best-python-frameworks",
        "question": "Which Python frameworks are the best?",
        "answer": (
            "Django, FastAPI and Flask are the frameworks teams choose most. Which one is best depends on the "
            "job: Django for complete web applications, FastAPI for modern APIs, and Flask for light "
            "microservices and prototypes.\n\nFor data engineers the libraries and tools around them, such as "
            "Pandas, PySpark and Airflow, matter at least as much."
        ),
    },
    {
        "slug": "most-popular-python-framework",
        "question": "What is the most popular Python framework?",
        "answer": (
            "Django: it has been the best-known and most established Python framework for years. FastAPI has "
            "grown very quickly lately, especially in teams that build APIs in the cloud."
        ),
    },
    {
        "slug": "is-fastapi-a-framework",
        "question": "Is FastAPI a Python framework?",
        "answer": (
            "Yes. FastAPI is a framework made for building APIs that are quick and well structured, with "
            "documentation generated for you and strict validation of what goes in and comes out."
        ),
    },
    {
        "slug": "how-many-python-frameworks",
        "question": "How many frameworks does Python have?",
        "answer": (
            "Hundreds, if you count libraries too. In practice most teams rely on a small set of proven ones: "
            "Django, FastAPI and Flask, plus data tooling such as Pandas and Spark."
        ),
    },
    {
        "slug": "language-or-framework",
        "question": "Is Python a language or a framework?",
        "answer": (
            "Python is a programming language. Frameworks such as Django, FastAPI and Flask are written in "
            "Python and help you build applications in it faster and with more structure."
        ),
    },
    {
        "slug": "80-20-rule",
        "question": "What is the 80/20 rule in Python?",
        "answer": (
            "A small part of what you know delivers most of your results. For a data engineer that core is "
            "Python fundamentals, SQL, debugging, reliable pipelines and data quality checks."
        ),
    },
    {
        "slug": "four-kinds-of-python-work",
        "question": "What are the four types of Python?",
        "answer": (
            "People usually mean the four main areas where Python is used:\n\n"
            "1. Web development\n2. API development\n3. Data engineering and automation\n"
            "4. Data science and machine learning"
        ),
    },
)


@transaction.atomic
def load_catalog_demo() -> None:
    """Create or refresh the demo catalog; safe to run again (rows are matched by slug)."""
    categories = {}
    for data in CATEGORIES:
        fields = dict(data)
        slug = fields.pop("slug")
        categories[slug], _ = Category.objects.update_or_create(slug=slug, defaults=fields)

    keywords = {}
    for slug, name in KEYWORDS:
        keywords[slug], _ = Keyword.objects.update_or_create(slug=slug, defaults={"name": name})

    tools = {}
    for data in TOOLS:
        fields = dict(data)
        slug = fields.pop("slug")
        keyword_slugs = fields.pop("keywords")
        fields["category"] = categories[fields["category"]]
        fields.setdefault("is_optional", False)
        tool, _ = Tool.objects.update_or_create(slug=slug, defaults=fields)
        tool.keywords.set([keywords[keyword] for keyword in keyword_slugs])
        tools[slug] = tool

    related = {slug: set() for slug in tools}
    for left, right in RELATED_PAIRS:
        related[left].add(right)
        related[right].add(left)
    for slug, tool in tools.items():
        tool.related_tools.set([tools[other] for other in sorted(related[slug])])

    for order, data in enumerate(CHOOSER, start=1):
        option, _ = ChooserOption.objects.update_or_create(
            slug=data["slug"],
            defaults={"question": data["question"], "explanation": data["explanation"], "order": order},
        )
        for position, (tool_slug, reason) in enumerate(data["tools"], start=1):
            ChooserRecommendation.objects.update_or_create(
                option=option, tool=tools[tool_slug], defaults={"reason": reason, "order": position}
            )
        option.recommendations.exclude(tool__slug__in=[tool_slug for tool_slug, _ in data["tools"]]).delete()

    for order, data in enumerate(FAQ, start=1):
        FaqEntry.objects.update_or_create(
            slug=data["slug"], defaults={"question": data["question"], "answer": data["answer"], "order": order}
        )
