"""The engineer's flow once in a real browser: htmx saving, no CSP violations, accessible pages, a phone screen."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from skills.models import Assessment, ChecklistItem, GrowthStage, ItemState, Resource, ResourceDone
from skills.services.profiles import get_or_create_profile
from tests.e2e.conftest import RESULTS
from tests.e2e.support import (
    IN_VIEW,
    assert_accessible,
    evidence_kept,
    open_page,
    screenshot,
    set_level,
    share_session,
    watch_console,
)
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, SkillFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def checklist_world():
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse")
    sql = SkillFactory(name="SQL", growth_stage=GrowthStage.FOUNDATION)
    spark = SkillFactory(name="PySpark / Databricks", growth_stage=GrowthStage.SCALE)
    joins = RoleRequirementFactory(role=role, item__skill=sql, item__name="Joins", min_level=2).item
    ChecklistItemFactory(skill=sql, name="Window functions")
    RoleRequirementFactory(role=role, item__skill=spark, item__name="Skew", min_level=3, is_must_have=True)
    user = UserFactory(password=None, date_joined=timezone.now() - timedelta(weeks=20))  # a calendar of 12 weeks
    profile = get_or_create_profile(user=user)
    profile.target_role = role
    profile.save()
    return user, joins


def test_a_level_saves_on_change_and_leaves_the_evidence_being_typed_alone(live_server, page, checklist_world):
    user, joins = checklist_world
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_default_timeout(10_000)
    errors = watch_console(page)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    assert_accessible(page)
    page.evaluate("window.notReloaded = true")

    row = page.locator(f"#item-row-{joins.pk}")
    row.locator("details.evidence-fold > summary").click()
    row.get_by_label("Evidence link").fill("https://github.com/example/sql")
    set_level(page, joins, 3)
    page.locator(f"#item-{joins.pk}-status").get_by_text("Saved.").wait_for()

    assert page.evaluate("window.notReloaded === true")
    assert row.get_by_label("Evidence link").input_value() == "https://github.com/example/sql"
    stored = Assessment.objects.get(user=user, item=joins)
    assert (stored.level, stored.evidence_url) == (3, "")  # the level alone: the evidence waits for Save
    assert page.locator(f"#skill-progress-{joins.skill_id}").inner_text().strip() == "1 of 2 ticked"
    assert "1 of 3 items ticked" in page.locator("#checklist-summary").inner_text()
    assert "25 out of 100" in page.locator("#checklist-summary").inner_text()  # Skew, a must-have, counts triple
    assert "level 3, needs 2 ✓" in page.locator(f"#item-{joins.pk}-badges").inner_text()
    page.screenshot(path=str(RESULTS / "checklist-level-saved-1280.png"), full_page=True)

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.locator("nav a[href='/skills/progress/']").first.click(no_wait_after=True)  # unsaved evidence: it asks
    page.wait_for_function("() => true")  # the dialog was answered (staying) before the page runs script again
    assert asked == ["beforeunload"]
    assert page.evaluate("window.notReloaded === true")

    with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{joins.pk}/")):
        row.get_by_role("button", name="Save Joins").click()
    assert Assessment.objects.get(user=user, item=joins).evidence_url == "https://github.com/example/sql"
    evidence_kept(page, joins, "https://github.com/example/sql")
    page.goto(live_server.url + "/skills/progress/")  # saved: leaving asks nothing (a dialog would abort this)

    page.goto(live_server.url + "/skills/")
    page.locator("details.skill-fold > summary", has_text="SQL").focus()  # SQL meets the role now: it starts closed
    page.keyboard.press("Enter")  # it opens from the keyboard
    expect(page.locator("details.skill-fold", has=page.locator(f"#item-row-{joins.pk}"))).to_have_attribute("open", "")
    expect(page.get_by_role("heading", level=2, name="SQL", exact=True)).to_be_attached()  # heard outside the fold
    row = page.locator(f"#item-row-{joins.pk}")
    assert row.locator("details.evidence-fold").evaluate("details => details.open")  # it holds evidence
    row.get_by_label("Evidence link").fill("ftp://example.com/nope")
    with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{joins.pk}/")):
        row.get_by_role("button", name="Save Joins").click()
    page.locator(f"#item-row-{joins.pk}").get_by_text("Enter a link that starts with http:// or https://.").wait_for()
    assert Assessment.objects.get(user=user, item=joins).evidence_url == "https://github.com/example/sql"
    assert_accessible(page)
    assert not errors, errors


def test_in_dutch_on_a_phone_rows_are_compact_marks_save_and_every_page_fits(live_server, browser, checklist_world):
    user, joins = checklist_world
    assess(user=user, item=joins, level=1, evidence_url="https://example.com/first")
    assess(user=user, item=joins, level=2)
    skew = ChecklistItem.objects.get(name="Skew")
    Resource.objects.create(item=skew, url="https://example.com/skew", title="Skew uitgelegd")
    context = browser.new_context(
        locale="nl-NL", reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = watch_console(page)
    share_session(page, live_server, user)

    page.goto(live_server.url + "/skills/")
    row = page.locator(f"#item-row-{skew.pk}")  # Skew is below the role: its skill starts open
    assert row.bounding_box()["height"] < 200  # level buttons in a line, evidence folded away
    set_level(page, skew, 2)  # no save button pressed: the level saves when it changes
    page.locator(f"#item-{skew.pk}-status").get_by_text("Opgeslagen.").wait_for()
    assert Assessment.objects.get(user=user, item=skew).level == 2  # still below the role: on the learning path
    with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{skew.pk}/state/")):
        row.get_by_role("button", name="Nu aan het leren").click()
    expect(row.get_by_role("button", name="Nu aan het leren")).to_have_attribute("aria-pressed", "true")  # once swapped
    assert ItemState.objects.get(user=user, item=skew).state == "learning"
    bar = page.locator(".save-all-bar").bounding_box()
    page.locator(f"#item-row-{skew.pk}").scroll_into_view_if_needed()
    assert page.locator(f"#item-row-{skew.pk}").bounding_box()["y"] + 40 < bar["y"]  # the bar covers no row
    assert page.evaluate("document.documentElement.scrollWidth === window.innerWidth")
    page.screenshot(path=str(RESULTS / "checklist-nl-390.png"), full_page=True)
    assert_accessible(page)

    page.goto(live_server.url + "/skills/gaps/lakehouse/")
    with page.expect_response(lambda response: "/skills/resources/" in response.url):
        page.get_by_role("button", name="Markeer als klaar · Skew uitgelegd").click()
    page.get_by_role("button", name="Klaar ✓ (ongedaan maken) · Skew uitgelegd").wait_for()
    assert ResourceDone.objects.filter(user=user).count() == 1
    page.screenshot(path=str(RESULTS / "learning-path-nl-390.png"), full_page=True)

    paths = (
        "/skills/home/",
        "/skills/gaps/",
        "/skills/gaps/lakehouse/",
        "/skills/progress/",
        "/skills/profile/",
        "/skills/profile/delete/",
        "/skills/roles/",
        "/skills/roles/lakehouse/",
    )
    for path in paths:
        page.goto(live_server.url + path)
        assert page.locator("h1").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth === window.innerWidth"), path
        assert_accessible(page)
    assert "Nu aan het leren" in page.goto(live_server.url + "/skills/home/").text()
    page.goto(live_server.url + "/skills/progress/")
    assert page.locator(".activity-calendar li").count() > 77
    page.screenshot(path=str(RESULTS / "progress-nl-390.png"), full_page=True)
    assert not errors, errors
    context.close()


@pytest.mark.parametrize(
    ("locale", "not_rated", "level_0"),
    [
        ("en-GB", "Not yet rated", "Level 0 · No experience yet"),
        ("nl-NL", "Nog niet beoordeeld", "Niveau 0 · Nog geen ervaring"),
    ],
)
def test_an_item_never_rated_reads_apart_from_one_rated_0_on_a_phone(
    live_server, browser, checklist_world, locale, not_rated, level_0
):
    user, joins = checklist_world
    assess(user=user, item=joins, level=1)
    assess(user=user, item=joins, level=0)  # rated, at "none": below the role, so SQL starts unfolded
    windows = ChecklistItem.objects.get(name="Window functions")  # never rated
    context = browser.new_context(
        locale=locale, reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    never, zero = page.locator(f"#item-row-{windows.pk}"), page.locator(f"#item-row-{joins.pk}")

    expect(never.locator(f"#item-{windows.pk}-badges")).to_contain_text(not_rated)
    expect(never.locator("input[type=radio]:checked")).to_have_count(0)
    expect(zero.locator(f"#item-{joins.pk}-badges")).to_contain_text(level_0)
    expect(zero.locator(f"#item-{joins.pk}-badges")).not_to_contain_text(not_rated)
    expect(zero.locator("input[type=radio]:checked")).to_have_value("0")
    assert page.evaluate("document.documentElement.scrollWidth === window.innerWidth")
    page.screenshot(path=str(RESULTS / f"checklist-not-rated-and-level-0-{locale}-390.png"), full_page=True)
    assert_accessible(page)

    set_level(page, windows, 0)  # choosing 0 on purpose rates the item
    expect(never.locator(f"#item-{windows.pk}-badges")).to_contain_text(level_0)
    assert Assessment.objects.get(user=user, item=windows).level == 0
    context.close()


def test_on_a_phone_the_save_all_bar_is_solid_and_a_focused_control_stops_above_it(live_server, browser):
    sql = SkillFactory(name="SQL", growth_stage=GrowthStage.FOUNDATION)
    items = [ChecklistItemFactory(skill=sql, name=f"Query pattern {number}", order=number) for number in range(12)]
    user = UserFactory(password=None)
    get_or_create_profile(user=user)
    context = browser.new_context(
        reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    page.locator("details.skill-fold > summary").click()  # no target role: the skill starts folded
    bar = page.locator(".save-all-bar")
    colours = page.evaluate(
        """bar => [getComputedStyle(bar).backgroundColor, getComputedStyle(document.body).backgroundColor]""",
        bar.element_handle(),
    )
    assert colours[0] != colours[1] and "rgba" not in colours[0], colours  # opaque, and set apart from the page
    assert bar.bounding_box()["width"] == 390  # edge to edge on a phone
    # Scroll a row's Save button half behind the bar: keyboard focus then brings it into view above the bar.
    button = page.locator(f"#item-save-{items[6].pk}")
    page.evaluate(
        "([button, bar]) => window.scrollBy(0, button.getBoundingClientRect().top - bar.getBoundingClientRect().top + 10)",
        [button.element_handle(), bar.element_handle()],
    )
    box = button.bounding_box()
    assert box["y"] + box["height"] > bar.bounding_box()["y"]  # (partly) hidden behind the bar now
    # The control before it takes focus where it is; Tab then moves on to the Save button, as a keyboard does.
    button.evaluate(
        "button => [...button.previousElementSibling.querySelectorAll('button')].at(-1).focus({preventScroll: true})"
    )
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= page.locator(".save-all-bar").bounding_box()["y"]
    context.close()


@pytest.mark.parametrize(
    ("language", "save_all", "evidence", "go_to"),
    [
        ("en", "Save all", "Evidence link", "Go to “Point 7-1”"),
        ("nl", "Alles opslaan", "Link als bewijs", "Naar “Point 7-1”"),
    ],
)
def test_without_javascript_a_refused_save_all_links_to_the_row_to_correct(
    live_server, browser, language, save_all, evidence, go_to
):
    skills = [SkillFactory(name=f"Skill {number}", order=number) for number in range(9)]
    for skill in skills:
        for number in range(3):
            ChecklistItemFactory(skill=skill, name=f"Point {skill.order}-{number}")
    bad = ChecklistItem.objects.get(name="Point 7-1")
    user = UserFactory(password=None)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    page.locator("details.skill-fold > summary", has_text="Skill 7").click()
    row = page.locator(f"#item-row-{bad.pk}")
    row.locator(f"label[for='id_item-{bad.pk}-level_2']").click()
    row.locator("details.evidence-fold > summary").click()
    row.get_by_label(evidence).fill("not a link")
    page.get_by_role("button", name=save_all).click()

    banner = page.get_by_role("alert").filter(has_text=go_to)
    expect(banner).to_be_visible()
    assert banner.evaluate(IN_VIEW)
    folds = page.locator("details.skill-fold")
    assert [fold.evaluate("details => details.open") for fold in folds.all()] == [i == 7 for i in range(9)]
    screenshot(page, f"24-{language}-390-nojs-saveall-refused")
    banner.get_by_role("link", name=go_to).click()
    field = page.locator(f"#item-row-{bad.pk}").get_by_label(evidence)
    expect(field).to_have_value("not a link")
    assert field.evaluate(IN_VIEW), "the link lands on the row with its marked field in view"
    screenshot(page, f"24-{language}-390-nojs-saveall-row")
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("language", "save_all", "note", "choose"),
    [
        ("en", "Save all", "Note", "Choose a level to save this item"),
        ("nl", "Alles opslaan", "Notitie", "Kies een niveau om dit punt op te slaan"),
    ],
)
def test_without_javascript_a_note_typed_into_an_unrated_row_is_kept_until_a_level_is_chosen(
    live_server, browser, language, save_all, note, choose
):
    item = ChecklistItemFactory(name="Skew")
    user = UserFactory(password=None)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    page.locator("details.skill-fold > summary").click()
    row = page.locator(f"#item-row-{item.pk}")
    row.locator("details.evidence-fold > summary").click()
    row.get_by_label(note).fill("salted keys")
    page.get_by_role("button", name=save_all).click()

    banner = page.get_by_role("alert").filter(has_text="Skew")
    expect(banner).to_be_visible()
    banner.get_by_role("link").click()
    row = page.locator(f"#item-row-{item.pk}")
    expect(row).to_contain_text(choose)
    expect(row.get_by_label(note)).to_have_value("salted keys")
    assert row.get_by_label(note).evaluate(IN_VIEW), "the link lands on the row with the typed note in view"
    screenshot(page, f"evidence-kept-{language}-390-nojs")
    assert not Assessment.objects.exists()

    row.locator(f"label[for='id_item-{item.pk}-level_1']").click()
    page.get_by_role("button", name=save_all).click()
    expect(page).to_have_url(f"{live_server.url}/skills/")
    assert Assessment.objects.get(user=user, item=item).note == "salted keys"


def test_with_javascript_a_valid_link_clears_the_refusal_and_save_all_says_what_is_stored(
    live_server, browser, checklist_world
):
    user, joins = checklist_world
    window_functions, skew = (ChecklistItem.objects.get(name=name) for name in ("Window functions", "Skew"))
    page = open_page(browser, language="nl", width=390)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    row = page.locator(f"#item-row-{joins.pk}")
    set_level(page, joins, 3)
    row.locator("details.evidence-fold > summary").click()
    field = page.locator(f"#id_item-{joins.pk}-evidence_url")
    for link in ("mijn github", "https://github.com/voorbeeld/pipelines"):
        field.fill(link)
        with page.expect_response(lambda response: response.url.endswith(f"/skills/items/{joins.pk}/")):
            row.get_by_role("button", name="Opslaan Joins").click()
        expect(field).to_have_js_property("defaultValue", link)
        if link == "mijn github":
            expect(field).to_be_focused()  # the refused link, to correct it; not the Save button it was sent with
    expect(page.locator(f"#item-{joins.pk}-status")).to_have_text("Opgeslagen.")
    expect(row).not_to_have_class(re.compile(r"\bborder-danger\b"))
    expect(row.locator(".invalid-feedback")).to_have_count(0)
    expect(page.locator(f"#id_item-{joins.pk}-evidence_url")).not_to_have_attribute("aria-invalid", "true")
    screenshot(page, "25-nl-390-link-after-refusal")

    set_level(page, window_functions, 2)
    set_level(page, skew, 1)
    page.locator(f"#id_item-{joins.pk}-evidence_url").fill("mijn github")
    page.get_by_role("button", name="Alles opslaan").click()
    banner = page.locator("#checklist-correction")
    expect(banner).to_contain_text("Al het andere was al opgeslagen. 1 punt is niet opgeslagen")
    expect(page.locator(f"#id_item-{joins.pk}-evidence_url")).to_have_value("mijn github")
    screenshot(page, "25-nl-390-save-all-partly")
    assert dict(Assessment.objects.filter(user=user).values_list("item__name", "level")) == {
        "Joins": 3,
        "Window functions": 2,
        "Skew": 1,
    }
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_enter_in_a_rows_field_saves_the_checklist_and_marks_no_item(live_server, browser, checklist_world, javascript):
    """Enter in a text field submits the form through its first button: that was the first item's "Learning now"
    (with and without JavaScript), which marked an item the user never touched."""
    user, _joins = checklist_world
    skew = ChecklistItem.objects.get(name="Skew")
    page = open_page(browser, language="en", width=390, javascript=javascript)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    row = page.locator(f"#item-row-{skew.pk}")
    row.locator(f"label[for='id_item-{skew.pk}-level_2']").click()
    row.locator("details.evidence-fold > summary").click()
    row.get_by_label("Evidence link").fill("https://github.com/example/salting")
    with page.expect_navigation():
        row.get_by_label("Evidence link").press("Enter")

    assert not ItemState.objects.filter(user=user).exists()
    saved = Assessment.objects.get(user=user, item=skew)
    assert (saved.level, saved.evidence_url) == (2, "https://github.com/example/salting")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_filters_apply_button_stands_on_the_line_of_its_choices(live_server, browser, checklist_world, language):
    """The form centred "Apply" on the fieldset, whose legend "Show" stands above its choices: the button sat half a
    line higher than the buttons it applies."""
    user, _joins = checklist_world
    page = open_page(browser, language=language, width=1280)  # on a phone it wraps to a line of its own
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    apply = page.locator(".checklist-filter button[type=submit]").bounding_box()
    choice = page.locator(".checklist-filter label.btn").first.bounding_box()
    assert abs((apply["y"] + apply["height"]) - (choice["y"] + choice["height"])) <= 1
