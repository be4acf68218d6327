"""Demo catalog content, based on the facts of the article in shared/seed and written in our own words.

Every text exists in English and in Dutch: the Dutch ones sit in the ``*_NL``
tables, keyed by slug. Run through ``manage.py load_demo``; rows are matched
by slug, so loading twice changes nothing.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import override

from catalog.demo_phrases import load_tool_phrases_demo
from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool
from catalog.translation import TOOL_TEXTS

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

CATEGORIES_NL = {
    "web-api-frameworks": {
        "name": "Web- en API-frameworks",
        "description": (
            "Frameworks waarmee je data via een API of een webapplicatie beschikbaar maakt. Steeds meer "
            "datateams leveren naast pipelines ook dataproducten op."
        ),
    },
    "data-frameworks": {
        "name": "Dataframeworks en -tools",
        "description": (
            "De kant van platform en pipelines: verwerking op schaal, orkestratie en transformaties in SQL. "
            "Voor een data engineer bepalen ze het dagelijkse werk minstens zo sterk als een webframework."
        ),
    },
    "libraries": {
        "name": "Bibliotheken",
        "description": (
            "Geen frameworks, maar wel het vaste gereedschap van bijna elke data engineer: data controleren, "
            "snel rekenen en data klaarzetten voor machine learning."
        ),
    },
}

# Vacancy terms: (slug, English, Dutch). Dutch vacancies keep many of them in English, so do we.
KEYWORDS = (
    ("apis", "APIs", "API's"),
    ("rest-api", "REST API", "REST-API"),
    ("openapi", "OpenAPI", "OpenAPI"),
    ("data-services", "data services", "dataservices"),
    ("ml-inference", "ML inference", "ML-inferentie"),
    ("microservices", "microservices", "microservices"),
    ("web-applications", "web applications", "webapplicaties"),
    ("admin-dashboards", "admin dashboards", "beheerdashboards"),
    ("data-governance", "data governance", "data governance"),
    ("permissions", "roles and permissions", "rollen en rechten"),
    ("orm", "ORM", "ORM"),
    ("prototyping", "prototyping", "prototypes bouwen"),
    ("proof-of-concept", "proof of concept", "proof of concept"),
    ("databricks", "Databricks", "Databricks"),
    ("spark", "Spark", "Spark"),
    ("lakehouse", "lakehouse", "lakehouse"),
    ("delta-lake", "Delta Lake", "Delta Lake"),
    ("distributed-computing", "distributed computing", "gedistribueerde verwerking"),
    ("batch-processing", "batch processing", "batchverwerking"),
    ("streaming", "streaming", "streaming"),
    ("orchestration", "orchestration", "orkestratie"),
    ("scheduling", "scheduling", "scheduling"),
    ("retries", "retries", "retries"),
    ("pipeline-monitoring", "pipeline monitoring", "pipelinemonitoring"),
    ("sql", "SQL", "SQL"),
    ("data-modelling", "data modelling", "datamodellering"),
    ("data-quality", "data quality", "datakwaliteit"),
    ("data-cleaning", "data cleaning", "data cleaning"),
    ("data-wrangling", "data wrangling", "data wrangling"),
    ("data-validation", "data validation", "datavalidatie"),
    ("eda", "EDA (exploratory data analysis)", "EDA (verkennende data-analyse)"),
    ("dataset-checks", "dataset checks", "datasetchecks"),
    ("etl-debugging", "ETL debugging", "ETL-debugging"),
    ("performance", "performance", "performance"),
    ("preprocessing", "preprocessing", "preprocessing"),
    ("vectorization", "vectorization", "vectorisatie"),
    ("numerical-computing", "numerical computing", "numeriek rekenwerk"),
    ("feature-engineering", "feature engineering", "feature engineering"),
    ("ml-basics", "ML basics", "ML-basiskennis"),
    ("model-evaluation", "model evaluation", "modelevaluatie"),
    ("ml-pipelines", "ML pipelines", "ML-pipelines"),
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

# The Dutch texts of every tool, by slug: the same fields as the English ones.
TOOLS_NL = {
    "fastapi": {
        "summary": (
            "Getypeerd Python-framework voor snelle API's die zichzelf documenteren: de gangbare keuze voor dataservices."
        ),
        "used_for": (
            "Data ontsluiten via een API: services die datasets of queryresultaten teruggeven, endpoints die "
            "features leveren, interne tools rond datasets en routes waarmee een model voorspellingen doet."
        ),
        "in_vacancies": (
            "Duikt op zodra datateams API's rond hun dataplatform bouwen. Vaak geen harde eis maar een nice-to-have: "
            "je laat ermee zien dat je data kunt omzetten in een product dat andere teams aanroepen."
        ),
        "typical_uses": lines(
            "Services die data ophalen en teruggeven",
            "Endpoints die features leveren",
            "Interne tools rond datasets",
            "Routes voor ML-inferentie",
            "Selfservice-toegang tot een dataset voor analisten en andere teams",
        ),
        "strengths": lines(
            "Type hints van Python leggen de vorm van de API vast, wat een ordelijk en voorspelbaar geheel oplevert",
            "Wat binnenkomt en wat eruit gaat, wordt automatisch gecontroleerd",
            "OpenAPI-documentatie (Swagger) wordt voor je gegenereerd",
            "Snel, en gebouwd op modern Python",
        ),
        "pitfalls": lines(
            "Alleen de API-laag: inloggen, beheer en databasetoegang kies en koppel je zelf",
            "Blokkerende aanroepen in async endpoints kunnen alle verzoeken ophouden",
            "Grote geneste validatiemodellen vragen aandacht om snel en leesbaar te blijven",
        ),
        "seniority_signals": lines(
            "Ontwerpt geversioneerde, gedocumenteerde endpoints waar andere teams op kunnen bouwen",
            "Valideert data met getypeerde modellen in plaats van losse controles",
            "Weet wanneer async helpt en houdt blokkerend werk buiten de event loop",
            "Voegt paginering, timeouts en foutmeldingen toe waar aanroepers iets mee kunnen",
        ),
        "when_to_pick": (
            "Je bouwt een API voor dataservices, zoals een datasetcatalogus, een feature store, een intern "
            "dataproduct of een service die query's uitvoert en de uitkomsten levert, en die moet klaar zijn "
            "voor productie."
        ),
    },
    "django": {
        "summary": "De volwassen alleskunner: inloggen, beheeromgeving, rechten en een databaselaag in één framework.",
        "used_for": (
            "Interne webapplicaties rond data: portalen waar collega's bij data kunnen, beheerschermen voor "
            "datasets, hulpmiddelen voor data governance en platformen met meerdere gebruikersrollen en rechten. "
            "Zelden de kern van ETL-werk, wel een sterke aanvulling voor teams die dataplatformen en "
            "dataproducten bouwen."
        ),
        "in_vacancies": (
            "Gevraagd door dataplatform- en dataproductteams die interne applicaties bouwen, en door organisaties "
            "die bewust voor beproefde, stabiele technologie gaan. Voor functies die puur om pipelines draaien is "
            "het een bonus die je profiel completer maakt."
        ),
        "typical_uses": lines(
            "Interne portalen die toegang tot data regelen",
            "Beheerdashboards voor datasets",
            "Hulpmiddelen voor data governance",
            "Platformen met verschillende gebruikersrollen en bijbehorende rechten",
        ),
        "strengths": lines(
            "Veel beslissingen zijn al genomen, dus je komt sneller tot een stabiele productieversie",
            "Inloggen, beheeromgeving, databaselaag en migraties zitten er standaard in",
            "Bewezen, goed beveiligd en al lang uitontwikkeld; breed ingezet bij grote organisaties",
            "Het bekendste en meest gebruikte webframework voor Python",
        ),
        "pitfalls": lines(
            "Voelt log als je alleen één kleine API nodig hebt",
            "Niet de kern van ETL- of pipelinewerk",
            "Het kost tijd om de conventies onder de knie te krijgen",
        ),
        "seniority_signals": lines(
            "Legt rollen en rechten op één plek vast in plaats van controles overal in de code",
            "Houdt het aantal databasequery's constant met select_related en prefetch_related",
            "Schrijft veilige migraties voor tabellen die al echte data bevatten",
            "Zet bedrijfsregels in services die views, admin en jobs delen",
        ),
        "when_to_pick": (
            "Je hebt een complete webapplicatie nodig met inloggen, een beheeromgeving en een database, "
            "bijvoorbeeld een intern portaal waar collega's met verschillende rollen bij data kunnen."
        ),
    },
    "flask": {
        "summary": "Een microframework: klein, snel opgezet, en alle overige keuzes maak je zelf.",
        "used_for": (
            "Kleine webapps en API's waarbij snel bouwen zwaarder weegt dan structuur: prototypes, microservices "
            "met één doel en interne demo's."
        ),
        "in_vacancies": (
            "Komt veel voor in bestaande codebases en kleine services, vaak genoemd naast API's en microservices. "
            "Wat telt, is dat je een Flask-service netjes houdt terwijl hij groeit."
        ),
        "typical_uses": lines(
            "Een idee snel uitproberen met een prototype",
            "Kleine microservices die precies één ding doen",
            "Een proof of concept voor een interne demo",
        ),
        "strengths": lines(
            "Weinig opzetwerk: je ziet vrijwel meteen resultaat",
            "Eenvoudig en flexibel: een kleine kern die de keuzes aan jou laat",
            "Van begin tot eind goed te doorgronden",
        ),
        "pitfalls": lines(
            "Zonder teamafspraken raakt de code uit elkaar naarmate het project of het team groter wordt",
            "Eenheid in structuur, logging, foutafhandeling, beveiliging en documentatie is jouw verantwoordelijkheid",
            "Geen ingebouwde validatie of API-documentatie",
        ),
        "seniority_signals": lines(
            "Zet structuur, configuratie en blueprints op voordat de codebase groeit",
            "Regelt vanaf de eerste dag consistente logging, foutafhandeling en beveiliging",
            "Ziet wanneer een prototype Flask ontgroeid is",
        ),
        "when_to_pick": (
            "Je wilt snel een kleine service of een prototype neerzetten, en je bent bereid zelf de discipline "
            "toe te voegen als het blijft bestaan."
        ),
    },
    "pyspark": {
        "summary": (
            "Apache Spark vanuit Python: gedistribueerde verwerking voor data die niet meer op één machine past."
        ),
        "used_for": (
            "Grote hoeveelheden data verwerken op een cluster: batch- en (semi-)streamingpipelines die "
            "consistent, betaalbaar en snel moeten blijven als tabellen aangroeien tot tientallen miljoenen of "
            "miljarden rijen."
        ),
        "in_vacancies": (
            "Opvallend vaak genoemd in vacatures voor senior Data Engineers, meestal samen met Databricks, Delta "
            "Lake, een lakehouse-architectuur en Azure, AWS of GCP. In een vacaturetekst wijst het op een team "
            "dat schaal serieus neemt."
        ),
        "typical_uses": lines(
            "Batchverwerking van grote datasets",
            "(Semi-)streamingworkflows",
            "Lakehouse-pipelines op Databricks met Delta Lake",
            "Werk dat met Pandas op een laptop niet meer lukt naar enterpriseschaal tillen",
        ),
        "strengths": lines(
            "De standaard voor gedistribueerd rekenen: het werk wordt over veel machines verdeeld",
            "Kan zowel batch als (semi-)streaming aan",
            "Past in moderne stacks zoals Databricks met Delta Lake",
            "Draait op alle grote clouds",
        ),
        "pitfalls": lines(
            "Slordige partitionering, shuffles en skew maken jobs traag en duur",
            "Alles cachen slokt clustergeheugen op in plaats van tijd te besparen",
            "Overkill voor data die gemakkelijk in Pandas past",
            "Inefficiënte jobs zie je direct terug op de cloudrekening",
        ),
        "seniority_signals": lines(
            "Kiest partitionering bewust en kan uitleggen waarom die zoveel bepaalt",
            "Begrijpt wat een shuffle doet en waarom die duur is",
            "Herkent skew, waarbij één afwijkende sleutel een hele job kan vertragen",
            "Weet wanneer caching helpt en wanneer het alleen geheugen kost",
            "Debugt met looptijd, clusterbelasting en kosten in het achterhoofd",
        ),
        "when_to_pick": (
            "Je pipelines draaien op schaal: de data past niet meer op één machine, of de pipeline moet blijven "
            "presteren als het volume verdubbelt. Combineer het met een orchestrator zoals Airflow."
        ),
    },
    "airflow": {
        "summary": (
            "Een orchestrator die pipelines inplant, mislukte stappen opnieuw probeert en laat zien hoe elke run "
            "verliep."
        ),
        "used_for": (
            "Pipelines plannen en bewaken: taken in de juiste volgorde op het juiste moment uitvoeren, opnieuw "
            "proberen wat mislukt en de stand van elke run zichtbaar maken."
        ),
        "in_vacancies": (
            "Staat in vacatures als orchestration of scheduling, vaak met Airflow bij naam. Optioneel: veel stacks "
            "gebruiken het, maar sommige teams werken met een andere orchestrator. Orkestratie is meestal de "
            "tweede stap in de groei van een data engineer, na SQL en Python."
        ),
        "typical_uses": lines(
            "Batchpipelines inplannen",
            "Afhankelijke taken aan elkaar koppelen tot één workflow",
            "Retries en meldingen als een stap faalt",
            "Historische data opnieuw verwerken (backfill) na een fix",
        ),
        "strengths": lines(
            "Pipelines leg je vast in Python-code",
            "Planning, afhankelijkheden en retries zitten erin",
            "Een webinterface om runs te volgen en taken opnieuw te starten",
            "Veel kant-en-klare koppelingen met clouds en databases",
        ),
        "pitfalls": lines(
            "Geen verwerkingsengine: zwaar datawerk hoort in Spark, SQL of het warehouse",
            "Taken die niet idempotent zijn maken retries en backfills riskant",
            "Zware code bovenaan workflowbestanden vertraagt de scheduler",
        ),
        "seniority_signals": lines(
            "Schrijft idempotente taken, zodat retries en backfills veilig zijn",
            "Stelt retries, timeouts en meldingen bewust in",
            "Houdt orkestratie en rekenwerk uit elkaar",
        ),
        "when_to_pick": (
            "Meerdere pipelines moeten volgens een schema draaien, van elkaar afhangen en bewaakt worden; bij "
            "pipelines op schaal vormt het een duo met PySpark."
        ),
    },
    "dbt": {
        "summary": "SQL-first transformaties met tests en documentatie, vaak in handen van data engineers.",
        "used_for": (
            "Data transformeren in het warehouse of lakehouse met SQL-modellen onder versiebeheer, getest en "
            "gedocumenteerd, zodat de analyselaag telkens op dezelfde manier opnieuw op te bouwen is."
        ),
        "in_vacancies": (
            "Hoort bij de dataframeworks en -tools. Het werkt SQL-first, maar het eigenaarschap ligt vaak bij "
            "data engineers; je ziet het naast SQL, datamodellering en datakwaliteit."
        ),
        "typical_uses": lines(
            "Transformatiemodellen in SQL in het warehouse",
            "Datatests, zoals controles op lege en unieke waarden",
            "Documentatie en lineage van modellen",
        ),
        "strengths": lines(
            "Gewoon SQL, met versiebeheer, code review en CI",
            "Tests en documentatie staan naast de modellen",
            "Bepaalt zelf in welke volgorde afhankelijke modellen draaien",
        ),
        "pitfalls": lines(
            "Zo goed als de SQL die erin staat",
            "Heeft een scheduler eromheen nodig, vaak Airflow",
            "Grote projecten vragen afspraken over naamgeving en lagen",
        ),
        "seniority_signals": lines(
            "Ontwerpt gelaagde modellen met duidelijk eigenaarschap",
            "Dekt sleutelkolommen af met tests en vangt schema drift vroeg op",
            "Gebruikt incrementele modellen waar alles opnieuw opbouwen te traag of te duur wordt",
        ),
        "when_to_pick": (
            "Je transformaties staan in SQL in een warehouse of lakehouse, en je wilt ze testen, documenteren en "
            "reviewen zoals alle andere code."
        ),
    },
    "pandas": {
        "summary": "De standaardlibrary om data in Python op te schonen, te controleren en te debuggen.",
        "used_for": (
            "Data opschonen en controleren: pipeline-output valideren en datasets nalopen waar datakwaliteit "
            "telt, eenvoudige transformaties op kleinere data, en analyse. Zeker niet alleen gereedschap voor "
            "analisten."
        ),
        "in_vacancies": (
            "Staat in de skills-sectie van vacatures als data cleaning, data wrangling, datavalidatie, "
            "exploratory data analysis (EDA), datasetchecks en ETL-debugging."
        ),
        "typical_uses": lines(
            "Sanity checks op datasets: aantallen rijen, lege waarden, dubbele rijen",
            "Pipeline-output debuggen om te vinden waar het misgaat",
            "Eenvoudige transformaties op kleinere datasets",
            "Een snel bewijs voor stakeholders",
        ),
        "strengths": lines(
            "Expressief en snel te schrijven voor tabeldata",
            "Vrijwel elke data engineer kent het",
            "Leest en schrijft CSV, Parquet, Excel, SQL en meer",
        ),
        "pitfalls": lines(
            "Alles staat in het geheugen van één machine; voor big data heb je PySpark nodig",
            "Loops per rij zijn traag: werk gevectoriseerd",
            "Datatypes veranderen soms ongemerkt, zoals gehele getallen die floats worden zodra er lege waarden "
            "opduiken",
        ),
        "seniority_signals": lines(
            "Zet het systematisch in om pipeline-output te valideren, niet alleen voor losse analyses",
            "Kent de geheugengrenzen en weet wanneer PySpark de betere keuze is",
            "Houdt datatypes expliciet om stille conversies te voorkomen",
        ),
        "when_to_pick": "Je bent veel bezig met opschonen, checks en analyses op data die in het geheugen past.",
    },
    "numpy": {
        "summary": (
            "Snelle arrays en gevectoriseerde wiskunde: het fundament onder Pandas, scikit-learn en de meeste "
            "ML-libraries."
        ),
        "used_for": (
            "Snel numeriek rekenwerk op arrays. Meestal onzichtbaar, omdat het onder Pandas en scikit-learn "
            "draait, maar het komt bovendrijven zodra een script sneller moet."
        ),
        "in_vacancies": "Genoemd bij performance en preprocessing.",
        "typical_uses": lines(
            "Performance verbeteren: veel sneller dan gewone Python-loops",
            "Zware berekeningen bij feature engineering",
            "Data voorbereiden voor machine-learningpipelines",
            "Grip houden op numerieke datatypes en geheugengebruik",
        ),
        "strengths": lines(
            "Gevectoriseerde bewerkingen draaien in gecompileerde code",
            "Compacte arrays gebruiken veel minder geheugen dan Python-lijsten",
            "De gedeelde basis van het data-ecosysteem van Python",
        ),
        "pitfalls": lines(
            "Met Python langs losse elementen lopen gooit de snelheidswinst weg",
            "Overflow en precisie hangen af van het gekozen datatype",
            "Broadcastingregels leveren soms ongemerkt arrays van een onverwachte vorm op",
        ),
        "seniority_signals": lines(
            "Kan uitleggen waarom een script traag is en lost het op door te vectoriseren",
            "Kiest datatypes bewust om het geheugen in de hand te houden",
            "Meet eerst en optimaliseert daarna",
        ),
        "when_to_pick": "Numeriek werk moet snel zijn, of je wilt begrijpen waarom een stap in Pandas of ML traag is.",
    },
    "scikit-learn": {
        "summary": "De klassieke library voor machine learning: preprocessing, trainen en evalueren achter één API.",
        "used_for": (
            "Feature engineering, trainingspipelines voor klassieke machine learning, preprocessing zoals schalen "
            "en encoderen, en modellen evalueren: de plek waar data engineering en data science elkaar raken."
        ),
        "in_vacancies": (
            "Genoemd als feature engineering en ML-basiskennis, in teams waar data engineers met data scientists "
            "of ML-engineers samenwerken om modellen in productie te krijgen."
        ),
        "typical_uses": lines(
            "Feature engineering",
            "Modellen trainen met pipelines voor klassieke ML",
            "Preprocessing: waarden schalen en categorieën encoderen",
            "Modellen beoordelen",
            "Inzicht in hoe een ML-workflow in productie loopt",
        ),
        "strengths": lines(
            "Eén consistente interface met fit, transform en predict",
            "Pipelines houden preprocessing en model bij elkaar en reproduceerbaar",
            "Volwassen en uitgebreid gedocumenteerd",
        ),
        "pitfalls": lines(
            "Preprocessing fitten op alle data lekt testinformatie naar de training",
            "Werkt in het geheugen van één machine; niet gemaakt voor heel grote data",
            "Een model wordt ongemerkt slechter als de binnenkomende data verschuift",
        ),
        "seniority_signals": lines(
            "Begrijpt waarom ML-flows eisen aan data stellen: datalekken, bias, drift en reproduceerbaarheid",
            "Houdt preprocessing binnen pipelines, zodat training en serving overeenkomen",
            "Versioneert data en modellen, zodat resultaten reproduceerbaar zijn",
        ),
        "when_to_pick": "Je organisatie wil modellen in productie nemen en jij bouwt de datastromen die ze voeden.",
    },
}

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

# The Dutch chooser, by slug; "reasons" by tool slug.
CHOOSER_NL = {
    "apis-for-data-services": {
        "question": "Ik bouw API's voor dataservices",
        "explanation": (
            "Hebben andere teams of applicaties jouw data nodig, dan is een API het gebruikelijke antwoord, en "
            "FastAPI is daarvoor de moderne favoriet."
        ),
        "reasons": {"fastapi": "Getypeerde endpoints met automatische validatie en OpenAPI-documentatie."},
    },
    "web-app-with-login-admin-database": {
        "question": "Ik bouw een complete webapp met inloggen, beheer en een database",
        "explanation": (
            "Een volledige applicatie met gebruikers en rollen heeft baat bij een framework dat die onderdelen "
            "meelevert."
        ),
        "reasons": {"django": "Inloggen, beheeromgeving, rechten en een databaselaag zitten er standaard in."},
    },
    "small-services-or-prototypes": {
        "question": "Ik bouw kleine services of prototypes",
        "explanation": "Voor iets kleins of kortlevends kom je met een minimaal framework het snelst op gang.",
        "reasons": {"flask": "Minimale opzet; structuur voeg je zelf toe zodra de service blijft."},
    },
    "pipelines-at-scale": {
        "question": "Ik werk aan pipelines op schaal",
        "explanation": (
            "Op schaal heb je zowel gedistribueerde verwerking nodig als iets dat de runs inplant en bewaakt."
        ),
        "reasons": {
            "pyspark": "Verdeelt de verwerking over een cluster, zoals op Databricks.",
            "airflow": "Plant de pipelines in, probeert mislukte stappen opnieuw en bewaakt de runs.",
        },
    },
    "cleaning-checks-and-analysis": {
        "question": "Ik ben veel bezig met opschonen, checks en analyses",
        "explanation": "Bij het dagelijkse werk aan datakwaliteit komt Pandas het best tot zijn recht.",
        "reasons": {"pandas": "De standaard voor opschonen, datasetchecks en het debuggen van pipeline-output."},
    },
}

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

# The Dutch FAQ, by slug.
FAQ_NL = {
    "best-python-frameworks": {
        "question": "Welke Python-frameworks zijn het best?",
        "answer": (
            "Teams kiezen het vaakst voor Django, FastAPI of Flask. Welke het best past, hangt af van wat je "
            "bouwt: een complete webapplicatie vraagt om Django, een moderne API om FastAPI, en een kleine "
            "microservice of een prototype om Flask.\n\nVoor data engineers wegen de libraries en tools eromheen, "
            "zoals Pandas, PySpark en Airflow, minstens zo zwaar."
        ),
    },
    "most-popular-python-framework": {
        "question": "Wat is het populairste Python-framework?",
        "answer": (
            "Django staat al het langst bovenaan als bekend en breed ingezet Python-framework. FastAPI wint de "
            "laatste tijd snel terrein, met name bij teams die API's voor de cloud maken."
        ),
    },
    "is-fastapi-a-framework": {
        "question": "Is FastAPI een Python-framework?",
        "answer": (
            "Ja. Het is een framework dat speciaal bedoeld is voor API's: je krijgt snelheid, een duidelijke "
            "opbouw, documentatie die zichzelf schrijft en een strenge controle op wat binnenkomt en wat je "
            "teruggeeft."
        ),
    },
    "how-many-python-frameworks": {
        "question": "Hoeveel frameworks heeft Python?",
        "answer": (
            "Tel je libraries mee, dan zijn het er honderden. Toch werkt het gros van de teams met een handvol "
            "beproefde namen: Django, FastAPI en Flask, plus datatooling als Pandas en Spark."
        ),
    },
    "language-or-framework": {
        "question": "Is Python een taal of een framework?",
        "answer": (
            "Een taal. Django, FastAPI en Flask zijn frameworks: code die in Python is geschreven en je helpt om "
            "er met meer structuur en minder werk applicaties mee te bouwen."
        ),
    },
    "80-20-rule": {
        "question": "Wat is de 80/20-regel in Python?",
        "answer": (
            "Grofweg: twintig procent van je kennis zorgt voor tachtig procent van wat je bereikt. Bij data "
            "engineers zit die twintig procent in de basis van Python, SQL, goed kunnen debuggen, pipelines die "
            "betrouwbaar draaien en checks op datakwaliteit."
        ),
    },
    "four-kinds-of-python-work": {
        "question": "Wat zijn de vier soorten Python?",
        "answer": (
            "Daarmee worden doorgaans de vier terreinen bedoeld waar Python het meest voor wordt ingezet:\n\n"
            "1. Webontwikkeling\n2. API's bouwen\n3. Data engineering en automatisering\n"
            "4. Data science en machine learning"
        ),
    },
}


def in_both_languages(english: dict[str, str], dutch: dict[str, str]) -> dict[str, str]:
    """Model field values for both languages ("summary" gives summary_en and summary_nl).

    Raises ValueError when the Dutch texts do not cover exactly the English ones, so no demo text lacks its
    translation.
    """
    if english.keys() != dutch.keys():
        raise ValueError(f"Dutch texts {sorted(dutch)} do not match the English ones {sorted(english)}.")
    return {
        f"{field}_{language}": texts[field] for language, texts in (("en", english), ("nl", dutch)) for field in texts
    }


@transaction.atomic
def load_catalog_demo() -> None:
    """Create or refresh the demo catalog in English and Dutch; safe to run again (rows are matched by slug)."""
    # Saved in the default language, so the original columns keep the English text whatever language is active.
    with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        _load_catalog_demo()


def _load_catalog_demo() -> None:
    categories = {}
    for data in CATEGORIES:
        fields = dict(data)
        slug = fields.pop("slug")
        english = {"name": fields.pop("name"), "description": fields.pop("description")}
        fields.update(in_both_languages(english, CATEGORIES_NL[slug]))
        categories[slug], _ = Category.objects.update_or_create(slug=slug, defaults=fields)

    keywords = {}
    for slug, english, dutch in KEYWORDS:
        keywords[slug], _ = Keyword.objects.update_or_create(
            slug=slug, defaults=in_both_languages({"name": english}, {"name": dutch})
        )

    tools = {}
    for data in TOOLS:
        fields = dict(data)
        slug = fields.pop("slug")
        keyword_slugs = fields.pop("keywords")
        english = {field: fields.pop(field) for field in TOOL_TEXTS}
        fields.update(in_both_languages(english, TOOLS_NL[slug]))
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
        dutch = CHOOSER_NL[data["slug"]]
        english = {"question": data["question"], "explanation": data["explanation"]}
        option, _ = ChooserOption.objects.update_or_create(
            slug=data["slug"],
            defaults={
                **in_both_languages(english, {"question": dutch["question"], "explanation": dutch["explanation"]}),
                "order": order,
            },
        )
        for position, (tool_slug, reason) in enumerate(data["tools"], start=1):
            ChooserRecommendation.objects.update_or_create(
                option=option,
                tool=tools[tool_slug],
                defaults={
                    **in_both_languages({"reason": reason}, {"reason": dutch["reasons"][tool_slug]}),
                    "order": position,
                },
            )
        option.recommendations.exclude(tool__slug__in=[tool_slug for tool_slug, _ in data["tools"]]).delete()

    for order, data in enumerate(FAQ, start=1):
        english = {"question": data["question"], "answer": data["answer"]}
        FaqEntry.objects.update_or_create(
            slug=data["slug"], defaults={**in_both_languages(english, FAQ_NL[data["slug"]]), "order": order}
        )
    load_tool_phrases_demo()
