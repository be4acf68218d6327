"""A database of its own for the benchmark and the load test, filled with synthetic engineers.

Nothing here touches the development database: SQLite goes to a file under
``bench/results/``; on PostgreSQL a separate database (``bench_portal``,
``load_portal``) is dropped and created on the server that ``DATABASE_URL``
names. Engineers, assessments and stored matches are written with COPY
(``insert_objects``, executemany on SQLite); the matches are computed with the portal's own rule
(``skills.scoring.compute_match``), so they are what the services would store.
"""

import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

FIRST_NAMES = (
    "Anna", "Bram", "Chloé", "Daan", "Emma", "Fenna", "Gijs", "Hugo", "Isa", "Jesse", "Kiki", "Lars", "Mila",
    "Noah", "Olga", "Priya", "Quinten", "Rosa", "Sem", "Tess", "Umar", "Vera", "Wout", "Xin", "Yara", "Zoë",
)  # fmt: skip
LAST_NAMES = (
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "Kaya", "Nguyen",
)  # fmt: skip
LOCATIONS = (
    "Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
    "Nijmegen", "Arnhem", "Zwolle", "Leiden", "Haarlem", "Remote",
)  # fmt: skip
HEADLINES = (
    "Data Engineer · Python and SQL",
    "Analytics engineer moving into data engineering",
    "Data Engineer · Spark and Databricks",
    "Backend developer, pipelines and APIs",
    "Data Engineer · Airflow and dbt",
    "BI developer learning Python",
    "Lead Data Engineer · lakehouse platforms",
    "Data platform engineer · cloud and CI/CD",
)

COUNTS_IN_SHARE = 0.6  # engineers who count their levels in the anonymous benchmarks


def server_url(database_url: str, database_name: str) -> str:
    """The same PostgreSQL server and credentials, another database."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{database_name}"))


def is_postgres(database_url: str) -> bool:
    return database_url.startswith(("postgres://", "postgresql://", "pgsql://"))


def recreate_postgres_database(database_url: str, database_name: str) -> str:
    """Drop and create ``database_name`` next to the database of ``database_url``; returns its URL."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname=parts.path.lstrip("/") or "postgres",
        autocommit=True,
    ) as connection:
        name = sql.Identifier(database_name)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return server_url(database_url, database_name)


def own_database_url(*, postgres_name: str, sqlite_name: str) -> str:
    """A fresh database: ``postgres_name`` on DATABASE_URL's server when that is PostgreSQL, else a SQLite file."""
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url and is_postgres(database_url):
        return recreate_postgres_database(database_url, postgres_name)
    if database_url:
        raise SystemExit(f"DATABASE_URL must be PostgreSQL (or unset for SQLite), not {urlsplit(database_url).scheme}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / sqlite_name
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def configure_django(*, database_url: str, extra_env: dict[str, str] | None = None) -> None:
    """Production-like settings (debug off) on our own database, then ``django.setup()``."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
            **(extra_env or {}),
        }
    )
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    import django

    django.setup()


def migrate_and_load_demo() -> None:
    """The schema, then the demo catalog, checklist and roles that the article describes."""
    from django.core.management import call_command
    from django.db import transaction

    from catalog.demo import load_catalog_demo
    from skills.demo import load_skills_demo

    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        load_catalog_demo()
        load_skills_demo()


@dataclass(frozen=True)
class ItemInfo:
    pk: int
    growth_stage: int
    is_senior: bool


def checklist_items() -> list[ItemInfo]:
    from skills.models import ChecklistItem

    return [
        ItemInfo(pk=pk, growth_stage=stage, is_senior=senior)
        for pk, stage, senior in ChecklistItem.objects.values_list("pk", "skill__growth_stage", "is_senior")
    ]


def engineer_levels(rng: random.Random, items: list[ItemInfo], seniority: float) -> dict[int, int]:
    """Levels for one engineer: stage-1 basics nearly always, Spark and senior items mostly for the experienced."""
    levels = {}
    for item in items:
        stage_gap = item.growth_stage - 1
        if rng.random() > 0.97 - 0.35 * stage_gap * (1 - seniority) - (0.15 if item.is_senior else 0):
            continue
        target = 1.2 + 2.8 * seniority - 0.6 * stage_gap * (1 - seniority) - (0.6 if item.is_senior else 0)
        levels[item.pk] = max(0, min(4, round(rng.gauss(target, 0.9))))
    return levels


ASSESSMENT_FIELDS = ("user", "item", "level", "evidence_url", "note", "updated_at")
MATCH_FIELDS = (
    "id", "profile", "role", "score", "requirements_met", "requirements_total", "must_haves_missing",
    "missing_must_have_ids", "profile_visible", "updated_at",
)  # fmt: skip
# Fields whose Python value is already what the database stores: no get_db_prep_save per value.
PLAIN_FIELD_TYPES = frozenset(
    {
        "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "EmailField", "ForeignKey",
        "IntegerField", "OneToOneField", "PositiveIntegerField", "PositiveSmallIntegerField", "SlugField",
        "SmallIntegerField", "TextField", "URLField",
    }
)  # fmt: skip


def insert_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    """Bulk insert of plain tuples: COPY on PostgreSQL, executemany on SQLite.

    Used for assessments, most of the rows (about 30 per engineer), where
    bulk_create's per-value compilation would dominate the generation time.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg import sql

            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
            )
            with cursor.cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            quote = connection.ops.quote_name
            # Table and column names come from the models' _meta; the values are parameters.
            names = ", ".join(map(quote, columns))
            placeholders = ", ".join(["%s"] * len(columns))
            statement = f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})"  # noqa: S608  # nosec B608
            cursor.executemany(statement, rows)


def reserve_ids(model, count: int) -> list[int]:
    """``count`` primary keys for rows inserted with COPY: drawn from the sequence on PostgreSQL, after the
    highest on SQLite (one writer here)."""
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608  # nosec B608
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))


def insert_objects(objects: list) -> list:
    """Unsaved model instances inserted in one COPY (see insert_rows), with the ids they are given here.

    Each value is prepared as ``save()`` would (defaults, ``auto_now``, JSON), without the per-value SQL
    compilation that makes bulk_create the slowest part at a million engineers.
    """
    from django.db import connection

    if not objects:
        return objects
    model = type(objects[0])
    for instance, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
        instance.pk = pk
    fields = model._meta.concrete_fields
    plain = [field.get_internal_type() in PLAIN_FIELD_TYPES for field in fields]
    insert_rows(
        model._meta.db_table,
        [field.column for field in fields],
        [
            tuple(
                value if is_plain else field.get_db_prep_save(value, connection)
                for field, is_plain in zip(fields, plain, strict=True)
                for value in (field.pre_save(row, True),)
            )
            for row in objects
        ],
    )
    return objects


class MatchRows:
    """Stored-match rows for many engineers, in RoleMatch's columns (``MATCH_FIELDS``).

    The rule (skills.scoring.compute_match) reads only the levels of a role's required items, so it runs once per
    distinct set of those levels and its result is prepared for the database once: at a million engineers most
    engineers share a set with someone before them.
    """

    def __init__(self, *, stamp):
        from django.db import connection

        from skills.models import Role, RoleMatch
        from skills.selectors.roles import requirement_specs_by_role

        self.roles = list(Role.objects.values_list("pk", flat=True))
        self.specs = requirement_specs_by_role()
        self.missing_field = RoleMatch._meta.get_field("missing_must_have_ids")
        self.connection = connection
        self.stamp = stamp
        self.columns = [RoleMatch._meta.get_field(name).column for name in MATCH_FIELDS]
        self._results: dict[tuple, tuple] = {}

    def for_engineer(self, *, profile_id: int, visible: bool, levels: dict[int, int]) -> list[tuple]:
        from skills.scoring import compute_match

        rows = []
        for role_id in self.roles:
            specs = self.specs.get(role_id, [])
            key = (role_id, *(levels.get(spec.item_id, 0) for spec in specs))
            values = self._results.get(key)
            if values is None:
                result = compute_match(specs, levels)
                missing = self.missing_field.get_db_prep_save(list(result.missing_must_have_ids), self.connection)
                values = (result.score, result.requirements_met, result.requirements_total)
                values = self._results[key] = (*values, result.must_haves_missing, missing)
            rows.append((profile_id, role_id, *values, visible, self.stamp))
        return rows


def evidence_link(rng: random.Random, user_id: int, item_id: int, level: int) -> str:
    """Some strong levels come with a link to a repository or write-up, as the checklist asks."""
    if level >= 3 and rng.random() < 0.4:
        return f"https://github.com/engineer{user_id}/portfolio/tree/main/item-{item_id}"
    return ""


@dataclass
class GeneratedEngineers:
    user_ids: list[int]
    profile_ids: list[int]
    seconds: float


def generate_engineers(
    count: int,
    *,
    first_index: int,
    rng: random.Random,
    visible_share: float = 0.8,
    email_domain: str = "bench.example.com",
    chunk_size: int = 10_000,
) -> GeneratedEngineers:
    """``count`` engineers with profiles, assessments and stored role matches, in COPYs of ``chunk_size``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from skills.models import Assessment, EngineerProfile, Role, RoleMatch

    user_model = get_user_model()
    items = checklist_items()
    if not items:
        raise SystemExit("The demo content has no checklist items: nothing to assess.")
    roles = list(Role.objects.values_list("pk", flat=True))
    unusable_password = make_password(None)
    assessment_table = Assessment._meta.db_table
    assessment_columns = [Assessment._meta.get_field(name).column for name in ASSESSMENT_FIELDS]
    stamp = Assessment._meta.get_field("updated_at").get_db_prep_save(timezone.now(), connection)
    match_rows = MatchRows(stamp=stamp)
    started = time.perf_counter()
    user_ids: list[int] = []
    profile_ids: list[int] = []
    for chunk_start in range(first_index, first_index + count, chunk_size):
        indexes = range(chunk_start, min(chunk_start + chunk_size, first_index + count))
        now = timezone.now()
        with transaction.atomic():
            if connection.vendor == "postgresql":  # a benchmark's own rows: no waiting for each chunk's WAL flush
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            users = insert_objects(
                [
                    user_model(
                        username=f"engineer{index}@{email_domain}",
                        email=f"engineer{index}@{email_domain}",
                        first_name=rng.choice(FIRST_NAMES),
                        last_name=rng.choice(LAST_NAMES),
                        password=unusable_password,
                        date_joined=now,
                    )
                    for index in indexes
                ]
            )
            years = [min(30, int(rng.expovariate(1 / 6))) for _ in users]
            profiles = insert_objects(
                [
                    EngineerProfile(
                        user_id=user.pk,
                        headline=rng.choice(HEADLINES),
                        years_experience=user_years,
                        location=rng.choice(LOCATIONS),
                        target_role_id=rng.choice(roles) if roles and rng.random() < 0.7 else None,
                        open_to_work=rng.random() < 0.4,
                        visibility=(
                            EngineerProfile.Visibility.RECRUITERS
                            if rng.random() < visible_share
                            else EngineerProfile.Visibility.PRIVATE
                        ),
                        counts_in_benchmarks=rng.random() < COUNTS_IN_SHARE,
                    )
                    for user, user_years in zip(users, years, strict=True)
                ]
            )
            assessment_rows = []
            matches = []
            for user, profile, user_years in zip(users, profiles, years, strict=True):
                seniority = min(1.0, max(0.0, user_years / 12 + rng.gauss(0, 0.15)))
                levels = engineer_levels(rng, items, seniority)
                assessment_rows += [
                    (user.pk, item_id, level, evidence_link(rng, user.pk, item_id, level), "", stamp)
                    for item_id, level in levels.items()
                ]
                matches += match_rows.for_engineer(
                    profile_id=profile.pk, visible=profile.is_visible_to_recruiters, levels=levels
                )
            insert_rows(assessment_table, assessment_columns, assessment_rows)
            ids = reserve_ids(RoleMatch, len(matches))
            insert_rows(
                RoleMatch._meta.db_table,
                match_rows.columns,
                [(pk, *row) for pk, row in zip(ids, matches, strict=True)],
            )
        user_ids += [user.pk for user in users]
        profile_ids += [profile.pk for profile in profiles]
    return GeneratedEngineers(user_ids=user_ids, profile_ids=profile_ids, seconds=time.perf_counter() - started)


def create_recruiter(email: str, *, password: str | None = None):
    """A recruiter with a verified address and an authenticator app, so the two-factor rule lets them in."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.guards.roles import RECRUITERS

    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    user.groups.add(Group.objects.get(name=RECRUITERS))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXP" * 2)
    return user


def sign_in(client, user) -> None:
    """Log ``client`` in as the account's owner would, second factor included (as tests/clients.py does).

    Staff rights count only in a session that passed the second factor (portal.guards.access); for an account
    without an authenticator app the mark is inert.
    """
    from portal.guards.access import mark_second_factor_passed

    client.force_login(user)
    session = client.session
    mark_second_factor_passed(session, user)
    session.save()
