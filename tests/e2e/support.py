"""Shared steps of every test in a real browser: logging in the way people do (or reusing a session), watching the
console for CSP errors, and the accessibility check."""

import re
import time
from pathlib import Path

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.clients import PortalClient as Client
from tests.factories import PASSWORD, TOTP_SECRET

TOTP_PERIOD = 30
BLOCKING_IMPACTS = {"serious", "critical"}


def current_totp_code() -> str:
    """A code that stays valid for the next few seconds: near the end of a period, wait for the next one."""
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 3:
        time.sleep(TOTP_PERIOD - time.time() % TOTP_PERIOD + 0.1)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // TOTP_PERIOD))


def log_in_through_form(page, live_server, email: str, *, next_path: str = "", two_factor: bool = False) -> None:
    """The login form as a person fills it in; staff then type the code from their authenticator app."""
    page.goto(f"{live_server.url}/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if two_factor:
        page.wait_for_url("**/accounts/2fa/authenticate/**")
        page.get_by_label("Code").fill(current_totp_code())
        page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


# Each language once and each width once: Dutch on the phone (the longer words on the narrowest screen), English on
# the desktop. The other two pairs rarely fail alone and cost a browser each.
LANGUAGES_AT_WIDTHS = [("nl", 390), ("en", 1280)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screens"
IN_VIEW = (
    "element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }"
)


def open_page(browser, *, language: str, width: int, javascript: bool = True):
    """A page in a new browser context, in ``language`` and ``width`` pixels wide: a phone's screen (844 high) below
    400, a desktop's (900 high) above; ``javascript=False`` for a browser that runs none."""
    context = browser.new_context(
        reduced_motion="reduce",
        locale=language,
        viewport={"width": width, "height": 844 if width < 400 else 900},
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def share_session(page, live_server, user) -> None:
    """Start a browser context already logged in: for a second person whose login is not the point."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def screenshot(page, name: str) -> None:
    """What the screen shows now (not the whole page), kept in test-results/screens/ to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"))


def watch_console(page) -> list[str]:
    """Console errors and uncaught exceptions; a CSP violation shows up here."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def blocking_violations(page, *, axe: Axe | None = None, skip_rules: tuple[str, ...] = ()) -> list[str]:
    """The serious and critical WCAG 2 A/AA violations axe finds on the page, with a few of their elements."""
    # Violations only: collecting every passing node as well doubles the time of each check.
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}, "resultTypes": ["violations"]}
    if skip_rules:
        options["rules"] = {rule: {"enabled": False} for rule in skip_rules}
    results = (axe or Axe()).run(page, options=options)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def assert_accessible(page, *, label: str = "", axe: Axe | None = None) -> None:
    blocking = blocking_violations(page, axe=axe)
    assert not blocking, f"{label} at {page.url}: {blocking}"


def fits_width(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def set_level(page, item, level: int | str) -> None:
    """Tap a checklist row's level button; it saves at once (htmx): wait for that request's answer."""
    with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{item.pk}/")):
        page.locator(f"label[for='id_item-{item.pk}-level_{level}']").click()


def save_evidence(page, item, evidence: str) -> None:
    """Open a row's "Add evidence", type the link and press the row's Save button; wait until the page has taken
    its answer in."""
    row = page.locator(f"#item-row-{item.pk}")
    if not row.locator("details.evidence-fold").evaluate("details => details.open"):
        row.locator("details.evidence-fold > summary").click()
    row.get_by_label("Evidence link").fill(evidence)
    with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{item.pk}/")):
        row.get_by_role("button", name=f"Save {item.name}").click()
    evidence_kept(page, item, evidence)


def evidence_kept(page, item, evidence: str) -> None:
    """The page has handled a row's saved evidence: the field counts as saved again (static/js/portal.js), so
    leaving the page asks nothing. The response alone arrives before htmx has handled it."""
    expect(page.locator(f"#item-row-{item.pk}").get_by_label("Evidence link")).to_have_js_property(
        "defaultValue", evidence
    )
