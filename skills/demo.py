"""Demo content for the skills app: the recruiter checklist, four roles and a demo engineer's levels.

Every text exists in English and in Dutch: the Dutch ones sit in ``SKILLS_NL``
and ``ROLES_NL``, keyed by slug. Idempotent: skills, items and roles are
matched by slug, and the demo engineer is only given levels while they have
none, so running it again changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override

from catalog.demo import in_both_languages
from catalog.models import Tool
from skills.demo_cues import load_vacancy_cues_demo
from skills.demo_phrases import load_item_phrases_demo
from skills.demo_resources import load_resources_demo
from skills.models import AssessmentChange, ChecklistItem, EngineerProfile, GrowthStage, Role, RoleRequirement, Skill
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from skills.services.recomputes import request_role_recompute

# slug, name, growth stage, catalog tool slugs, description, items: (slug, name, senior?, description)
SKILLS = (
    (
        "python-fundamentals",
        "Python fundamentals",
        GrowthStage.FOUNDATION,
        (),  # the language itself: its items' resources teach it (the Python tutorial), not a web framework
        "The language itself: readable functions, sensible classes and type hints that tools can check.",
        (
            ("functions", "Functions and modules", False, "Small functions with clear inputs and outputs."),
            ("classes", "Classes and objects", False, "Knowing when a class helps and when a function is enough."),
            ("typing", "Type hints", False, "Annotating code so editors, checkers and FastAPI can use the types."),
            (
                "vectorised-code",
                "Fast code without Python loops",
                True,
                "Explaining why a script is slow and replacing row-by-row loops with vectorised operations.",
            ),
        ),
    ),
    (
        "sql",
        "SQL",
        GrowthStage.FOUNDATION,
        ("dbt",),
        "Still the language of data: joining, aggregating and making queries fast.",
        (
            ("joins", "Joins", False, "Inner, left and anti joins, and what happens to duplicates."),
            ("window-functions", "Window functions", False, "Ranking, running totals and deduplication per group."),
            (
                "query-performance",
                "Query performance",
                True,
                "Reading a query plan, choosing indexes or partitions, and avoiding needless scans.",
            ),
        ),
    ),
    (
        "pandas",
        "Pandas",
        GrowthStage.FOUNDATION,
        ("pandas", "numpy"),
        "The everyday library for cleaning data and checking what a pipeline produced.",
        (
            ("cleaning", "Data cleaning", False, "Fixing types, missing values and inconsistent labels."),
            ("debugging", "Debugging pipeline output", False, "Finding where and why a pipeline's output went wrong."),
            ("memory", "Memory and dtypes", True, "Keeping data frames small with the right dtypes and chunking."),
        ),
    ),
    (
        "data-quality",
        "Data quality",
        GrowthStage.FOUNDATION,
        ("pandas", "dbt"),
        "Checks that catch bad data before anyone downstream does.",
        (
            ("data-tests", "Data tests", False, "Automated tests on datasets: uniqueness, ranges, relationships."),
            ("null-checks", "Null checks", False, "Counting and handling missing values deliberately."),
            ("schema-drift", "Schema drift", True, "Noticing and handling columns that change type or disappear."),
        ),
    ),
    (
        "orchestration",
        "Orchestration",
        GrowthStage.ORCHESTRATION,
        ("airflow",),
        "Planning, running and watching pipelines instead of starting scripts by hand.",
        (
            ("airflow-dags", "Airflow DAGs", False, "Tasks and their dependencies written as a DAG."),
            ("scheduling", "Scheduling", False, "Schedules, data intervals and catching up on missed runs."),
            ("retries", "Retries", False, "Retries, timeouts and alerts so a failed task heals or gets noticed."),
        ),
    ),
    (
        "cloud",
        "Cloud basics",
        GrowthStage.ORCHESTRATION,
        (),
        "Working knowledge of one of the big clouds: Azure, AWS or GCP.",
        (
            ("cloud-platform", "Azure, AWS or GCP basics", False, "The core services of one cloud and how they fit."),
            ("storage-compute", "Object storage and managed compute", False, "Data lakes on object storage."),
            ("access", "Identity and access", False, "Service accounts, roles and keeping secrets out of code."),
        ),
    ),
    (
        "ci-cd",
        "CI/CD and deployment",
        GrowthStage.ORCHESTRATION,
        (),  # no catalog tool teaches CI/CD (Docker, CI services); shipping an API is its item's FastAPI resource
        "A deployment mindset: every change tested and shipped the same way. Docker is a big plus.",
        (
            ("docker", "Docker", False, "Packaging a pipeline or service in a container image."),
            ("ci-pipelines", "CI pipelines", False, "Tests and checks that run automatically on every change."),
            ("deploying-services", "Deploying data services", True, "Putting an API or job in production safely."),
        ),
    ),
    (
        "pyspark",
        "PySpark / Databricks",
        GrowthStage.SCALE,
        ("pyspark",),
        "Processing data across a cluster, where engineering choices decide speed and cost.",
        (
            (
                "scalable-pipelines",
                "Scalable pipelines",
                False,
                "Batch pipelines in PySpark that keep working as data grows.",
            ),
            (
                "partitioning",
                "Partitioning",
                True,
                "Choosing partitions on purpose, and knowing why it decides so much.",
            ),
            ("shuffles", "Shuffles", True, "What a shuffle does and why it is expensive."),
            ("skew", "Skew", True, "Spotting the one odd key that stalls a whole job, and fixing it."),
            ("caching", "Caching vs memory", True, "When caching speeds a job up and when it only eats memory."),
            (
                "runtime-debugging",
                "Debugging runtime, cluster load and cost",
                True,
                "Using the Spark UI and cluster metrics to find what is slow and what it costs.",
            ),
        ),
    ),
)

# The Dutch checklist, by skill slug: name, description and items (by item slug: name, description).
SKILLS_NL = {
    "python-fundamentals": (
        "Python-basis",
        "De taal zelf: leesbare functies, doordachte klassen en type hints die tools kunnen controleren.",
        {
            "functions": ("Functies en modules", "Kleine functies met duidelijke invoer en uitvoer."),
            "classes": ("Klassen en objecten", "Weten wanneer een klasse helpt en wanneer een functie volstaat."),
            "typing": (
                "Typeannotaties (type hints)",
                "Code annoteren, zodat editors, checkers en FastAPI de types kunnen gebruiken.",
            ),
            "vectorised-code": (
                "Snelle code zonder Python-loops",
                "Kunnen uitleggen waarom een script traag is en loops per rij vervangen door gevectoriseerde "
                "bewerkingen.",
            ),
        },
    ),
    "sql": (
        "SQL",
        "Nog altijd de taal van data: tabellen koppelen, aggregeren en query's snel maken.",
        {
            "joins": ("Tabellen koppelen (joins)", "Inner, left en anti joins, en wat er met dubbele rijen gebeurt."),
            "window-functions": (
                "Vensterfuncties (window functions)",
                "Rangschikken, lopende totalen en ontdubbelen per groep.",
            ),
            "query-performance": (
                "Queryperformance",
                "Een queryplan lezen, indexen of partities kiezen en onnodige scans vermijden.",
            ),
        },
    ),
    "pandas": (
        "Pandas",
        "De library voor elke dag: data opschonen en nagaan wat een pipeline heeft opgeleverd.",
        {
            "cleaning": ("Data opschonen", "Types, ontbrekende waarden en inconsistente labels rechtzetten."),
            "debugging": (
                "Pipeline-output debuggen",
                "Uitzoeken waar en waarom de output van een pipeline niet klopt.",
            ),
            "memory": (
                "Geheugen en dtypes",
                "Dataframes klein houden met de juiste dtypes en door in delen te werken.",
            ),
        },
    ),
    "data-quality": (
        "Datakwaliteit",
        "Controles die slechte data onderscheppen voordat iemand verderop in de keten erover struikelt.",
        {
            "data-tests": ("Datatests", "Geautomatiseerde tests op datasets: uniciteit, bereiken, relaties."),
            "null-checks": ("Null-checks", "Ontbrekende waarden bewust tellen en afhandelen."),
            "schema-drift": (
                "Schemawijzigingen (schema drift)",
                "Opmerken en opvangen dat kolommen van type veranderen of verdwijnen.",
            ),
        },
    ),
    "orchestration": (
        "Orkestratie",
        "Pipelines plannen, draaien en bewaken in plaats van scripts met de hand te starten.",
        {
            "airflow-dags": ("Airflow-DAG's", "Taken en hun onderlinge afhankelijkheden vastgelegd als DAG."),
            "scheduling": (
                "Runs inplannen (scheduling)",
                "Schema's, data-intervallen en het inhalen van gemiste runs.",
            ),
            "retries": (
                "Herhaalpogingen en time-outs",
                "Herhaalpogingen, time-outs en meldingen, zodat een mislukte taak zich herstelt of in elk geval opvalt.",
            ),
        },
    ),
    "cloud": (
        "Cloudbasis",
        "Praktische kennis van een van de grote clouds: Azure, AWS of GCP.",
        {
            "cloud-platform": ("Basis van Azure, AWS of GCP", "De kernservices van één cloud en hoe ze samenhangen."),
            "storage-compute": ("Objectopslag en managed compute", "Datalakes op objectopslag."),
            "access": ("Identiteit en toegang", "Serviceaccounts, rollen en geheimen buiten de code houden."),
        },
    ),
    "ci-cd": (
        "CI/CD en deployment",
        "Denken in deployments: elke wijziging op dezelfde manier getest en uitgerold. Ervaring met Docker telt "
        "zwaar mee.",
        {
            "docker": ("Containers met Docker", "Een pipeline of service verpakken in een containerimage."),
            "ci-pipelines": ("CI-pipelines", "Tests en controles die bij elke wijziging vanzelf draaien."),
            "deploying-services": ("Dataservices uitrollen", "Een API of job veilig in productie zetten."),
        },
    ),
    "pyspark": (
        "PySpark / Databricks",
        "Data verwerken op een cluster, waar engineeringkeuzes bepalen hoe snel en hoe duur het wordt.",
        {
            "scalable-pipelines": (
                "Schaalbare pipelines",
                "Batchpipelines in PySpark die blijven werken als de data groeit.",
            ),
            "partitioning": ("Partitionering", "Partities bewust kiezen en weten waarom dat zoveel uitmaakt."),
            "shuffles": ("Data herverdelen (shuffles)", "Wat een shuffle doet en waarom die duur is."),
            "skew": (
                "Scheve verdeling (skew)",
                "De ene afwijkende sleutel vinden die een hele job ophoudt, en dat verhelpen.",
            ),
            "caching": ("Caching en geheugen", "Wanneer caching een job versnelt en wanneer het alleen geheugen kost."),
            "runtime-debugging": (
                "Debuggen op looptijd, clusterbelasting en kosten",
                "Met de Spark UI en clustermetrics vinden wat traag is en wat het kost.",
            ),
        },
    ),
}

# (skill slug, item slug, min level, weight, must-have)
ROLES = (
    (
        "senior-data-engineer-lakehouse",
        "Senior Data Engineer — lakehouse/Databricks",
        True,
        "Builds and tunes large batch pipelines on Spark and Databricks in a lakehouse; owns their speed, "
        "reliability and cost.",
        (
            ("pyspark", "scalable-pipelines", 3, 3, True),
            ("pyspark", "partitioning", 3, 3, True),
            ("pyspark", "shuffles", 2, 2, False),
            ("pyspark", "skew", 3, 3, True),
            ("pyspark", "caching", 2, 2, False),
            ("pyspark", "runtime-debugging", 3, 3, True),
            ("sql", "window-functions", 3, 2, True),
            ("sql", "query-performance", 3, 2, False),
            ("orchestration", "airflow-dags", 2, 2, False),
            ("orchestration", "retries", 3, 2, True),
            ("data-quality", "schema-drift", 2, 2, True),
            ("data-quality", "data-tests", 2, 1, False),
            ("cloud", "cloud-platform", 2, 2, False),
            ("ci-cd", "docker", 2, 1, False),
            ("pandas", "debugging", 2, 1, False),
            ("python-fundamentals", "functions", 3, 1, False),
        ),
    ),
    (
        "senior-data-engineer-platform-apis",
        "Senior Data Engineer — platform & APIs",
        True,
        "Builds the data platform's services: APIs with FastAPI or Django in front of datasets, shipped through "
        "CI/CD in containers.",
        (
            ("python-fundamentals", "typing", 3, 3, True),
            ("python-fundamentals", "classes", 3, 2, True),
            ("python-fundamentals", "functions", 3, 2, False),
            ("ci-cd", "docker", 3, 3, True),
            ("ci-cd", "ci-pipelines", 3, 3, True),
            ("ci-cd", "deploying-services", 3, 3, True),
            ("sql", "joins", 3, 2, True),
            ("sql", "query-performance", 2, 1, False),
            ("data-quality", "data-tests", 2, 2, False),
            ("orchestration", "airflow-dags", 2, 1, False),
            ("orchestration", "retries", 2, 1, False),
            ("cloud", "access", 2, 2, False),
            ("cloud", "storage-compute", 2, 1, False),
            ("pyspark", "scalable-pipelines", 1, 1, False),
        ),
    ),
    (
        "senior-analytics-engineer",
        "Senior Analytics Engineer",
        True,
        "Turns raw data into trusted models with SQL and dbt, with tests and checks that analysts can rely on.",
        (
            ("sql", "joins", 4, 3, True),
            ("sql", "window-functions", 3, 3, True),
            ("sql", "query-performance", 3, 2, True),
            ("data-quality", "data-tests", 3, 3, True),
            ("data-quality", "null-checks", 3, 2, True),
            ("data-quality", "schema-drift", 2, 2, False),
            ("pandas", "cleaning", 3, 2, False),
            ("pandas", "debugging", 2, 1, False),
            ("orchestration", "scheduling", 2, 1, False),
            ("ci-cd", "ci-pipelines", 2, 1, False),
            ("cloud", "cloud-platform", 1, 1, False),
        ),
    ),
    (
        "data-engineer-medior",
        "Data Engineer (medior)",
        False,
        "Builds and maintains pipelines with Python and SQL on a team, growing towards orchestration and scale.",
        (
            ("python-fundamentals", "functions", 2, 2, True),
            ("sql", "joins", 2, 2, True),
            ("sql", "window-functions", 2, 2, True),
            ("pandas", "cleaning", 2, 2, True),
            ("data-quality", "data-tests", 2, 1, True),
            ("data-quality", "null-checks", 2, 1, False),
            ("orchestration", "airflow-dags", 1, 1, False),
            ("orchestration", "scheduling", 1, 1, False),
            ("ci-cd", "docker", 1, 1, False),
            ("cloud", "cloud-platform", 1, 1, False),
            ("pyspark", "scalable-pipelines", 1, 1, False),
        ),
    ),
)

# The Dutch roles, by slug: title and summary.
ROLES_NL = {
    "senior-data-engineer-lakehouse": (
        "Senior Data Engineer — lakehouse/Databricks",
        "Bouwt en tunet grote batchpipelines op Spark en Databricks in een lakehouse, en is verantwoordelijk "
        "voor hun snelheid, betrouwbaarheid en kosten.",
    ),
    "senior-data-engineer-platform-apis": (
        "Senior Data Engineer — platform en API's",
        "Bouwt de services van het dataplatform: API's met FastAPI of Django voor datasets, uitgerold via CI/CD "
        "in containers.",
    ),
    "senior-analytics-engineer": (
        "Senior Analytics Engineer",
        "Maakt met SQL en dbt van ruwe data betrouwbare modellen, met tests en controles waar analisten op "
        "kunnen bouwen.",
    ),
    "data-engineer-medior": (
        "Data Engineer (medior)",
        "Bouwt en onderhoudt in teamverband pipelines met Python en SQL, en groeit door naar orkestratie en schaal.",
    ),
}

DEMO_ENGINEER = "engineer@example.com"

# The demo engineer's growth in steps, oldest first: (skill slug, item slug, level, evidence link).
DEMO_STEPS = (
    (
        ("python-fundamentals", "functions", 2, ""),
        ("sql", "joins", 2, ""),
        ("pandas", "cleaning", 1, ""),
    ),
    (
        ("python-fundamentals", "functions", 3, "https://github.com/example/etl-helpers"),
        ("python-fundamentals", "classes", 2, ""),
        ("sql", "window-functions", 2, ""),
        ("pandas", "cleaning", 3, ""),
        ("pandas", "debugging", 2, ""),
    ),
    (
        ("sql", "window-functions", 3, "https://github.com/example/sql-katas"),
        ("data-quality", "data-tests", 2, ""),
        ("data-quality", "null-checks", 3, ""),
        ("orchestration", "airflow-dags", 2, ""),
        ("orchestration", "scheduling", 1, ""),
    ),
    (
        ("orchestration", "scheduling", 2, ""),
        ("ci-cd", "docker", 2, ""),
        ("cloud", "cloud-platform", 1, ""),
        ("pyspark", "scalable-pipelines", 1, ""),
        ("python-fundamentals", "typing", 2, ""),
    ),
)


@transaction.atomic
def load_skills_demo() -> None:
    """Create or update the checklist, the roles and their requirements in both languages, then refresh matches."""
    # Saved in the default language, so the original columns keep the English text whatever language is active.
    with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        _load_skills_demo()


def _load_skills_demo() -> None:
    tools = {tool.slug: tool for tool in Tool.objects.all()}
    items: dict[tuple[str, str], ChecklistItem] = {}
    for skill_order, (slug, name, stage, tool_slugs, description, skill_items) in enumerate(SKILLS, start=1):
        dutch_name, dutch_description, dutch_items = SKILLS_NL[slug]
        skill, _created = Skill.objects.update_or_create(
            slug=slug,
            defaults={
                **in_both_languages(
                    {"name": name, "description": description},
                    {"name": dutch_name, "description": dutch_description},
                ),
                "growth_stage": stage,
                "order": skill_order,
            },
        )
        skill.tools.set([tools[tool_slug] for tool_slug in tool_slugs if tool_slug in tools])
        for item_order, (item_slug, item_name, is_senior, item_description) in enumerate(skill_items, start=1):
            dutch_item_name, dutch_item_description = dutch_items[item_slug]
            items[slug, item_slug], _created = ChecklistItem.objects.update_or_create(
                skill=skill,
                slug=item_slug,
                defaults={
                    **in_both_languages(
                        {"name": item_name, "description": item_description},
                        {"name": dutch_item_name, "description": dutch_item_description},
                    ),
                    "is_senior": is_senior,
                    "order": item_order,
                },
            )
    for role_order, (slug, title, is_senior, summary, requirements) in enumerate(ROLES, start=1):
        dutch_title, dutch_summary = ROLES_NL[slug]
        role, _created = Role.objects.update_or_create(
            slug=slug,
            defaults={
                **in_both_languages(
                    {"title": title, "summary": summary}, {"title": dutch_title, "summary": dutch_summary}
                ),
                "is_senior": is_senior,
                "order": role_order,
            },
        )
        for skill_slug, item_slug, min_level, weight, is_must_have in requirements:
            RoleRequirement.objects.update_or_create(
                role=role,
                item=items[skill_slug, item_slug],
                defaults={"min_level": min_level, "weight": weight, "is_must_have": is_must_have},
            )
        request_role_recompute(role=role)  # a job, as an editor's change is: the admin shows its run
    load_resources_demo()
    load_item_phrases_demo()
    load_vacancy_cues_demo()


@transaction.atomic
def load_engineer_demo() -> None:
    """Give the demo engineer a profile and a few weeks of history, unless they already have levels."""
    user = get_user_model().objects.filter(email=DEMO_ENGINEER).first()
    if user is None or user.assessments.exists():
        return
    items = {(item.skill.slug, item.slug): item for item in ChecklistItem.objects.select_related("skill")}
    update_profile(
        user=user,
        headline="Data Engineer — SQL, Pandas and first steps in Airflow",
        years_experience=4,
        location="Utrecht",
        target_role=Role.objects.filter(slug="senior-data-engineer-lakehouse").first(),
        open_to_work=True,
        visibility=EngineerProfile.Visibility.RECRUITERS,
    )
    # A returning engineer with weeks of history: past the one-minute start, they land on their best fit.
    EngineerProfile.objects.filter(user=user).update(start=EngineerProfile.Start.DONE)
    for step in DEMO_STEPS:
        save_assessments(
            user=user,
            entries=[
                AssessmentInput(item=items[skill_slug, item_slug], level=level, evidence_url=evidence)
                for skill_slug, item_slug, level, evidence in step
            ],
        )
    # Spread the history over the past weeks, so the progress chart tells a story.
    changes = list(AssessmentChange.objects.filter(user=user).order_by("changed_at", "id"))
    start = timezone.now() - timedelta(days=7 * len(DEMO_STEPS))
    for index, change in enumerate(changes):
        change.changed_at = start + timedelta(days=index * 7 * len(DEMO_STEPS) / max(len(changes), 1))
    AssessmentChange.objects.bulk_update(changes, fields=("changed_at",))
