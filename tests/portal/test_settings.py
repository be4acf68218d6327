import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables that the test run itself sets and that production never has.
PRODUCTION_UNSAFE_ENV = {
    "DJANGO_DEBUG",
    "SECRET_KEY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECURE_SSL_REDIRECT",
    "DATABASE_URL",
}


def run_manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_UNSAFE_ENV}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        SECRET_KEY="kz7$Qp2!vN9#rT4@wL6^yB8&cF1*hJ3(mX5)dG0_sA2+eU7=oI9" * 2,
        ALLOWED_HOSTS="portal.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_plain_check_has_no_deprecation_warnings():
    result = run_manage("check", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_refuses_to_start_with_a_short_or_repetitive_secret_key_when_debug_is_off():
    for weak_key in ("x", "short-but-mixed-key-of-43-characters-xxxxxx", "ab" * 40):
        result = run_manage("check", DJANGO_DEBUG="0", SECRET_KEY=weak_key)
        assert result.returncode != 0, weak_key
        assert "SECRET_KEY is too weak" in result.stderr
        assert "secrets.token_urlsafe(50)" in result.stderr
