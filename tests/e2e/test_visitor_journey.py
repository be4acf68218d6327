"""Journey 1: a visitor finds their way through the catalog without an account."""

import pytest

from catalog.demo import load_catalog_demo
from tests.e2e.support import watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def card_titles(page) -> list[str]:
    return [title.strip() for title in page.locator("article.card h3").all_inner_texts()]


def test_visitor_filters_the_catalog_compares_pandas_with_pyspark_and_uses_the_chooser(live_server, journey):
    load_catalog_demo()
    page = journey.page
    errors = watch_console(page)

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Catalog").click()
    page.get_by_role("heading", level=1, name="Python tools for Data Engineers").wait_for()
    assert {"FastAPI", "PySpark", "Pandas"} <= set(card_titles(page))
    journey.step("catalog")

    page.get_by_label("Category").select_option(label="Libraries")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**category=libraries**")
    titles = card_titles(page)
    assert "Pandas" in titles
    assert "FastAPI" not in titles and "PySpark" not in titles
    journey.step("filtered by category")

    page.get_by_role("link", name="Clear").click()
    page.get_by_label("Type").select_option(label="Orchestrator")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**type=**")
    assert card_titles(page) == ["Airflow"]
    journey.step("filtered by type")

    page.get_by_role("link", name="Clear").click()
    page.get_by_label("Vacancy term").select_option(label="data cleaning")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**keyword=data-cleaning**")
    assert "Pandas" in card_titles(page)
    assert "Airflow" not in card_titles(page)
    journey.step("filtered by vacancy term")

    page.get_by_role("link", name="Clear").click()
    page.get_by_role("textbox", name="Search").fill("cluster")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**q=cluster**")
    assert "PySpark" in card_titles(page)
    assert "Flask" not in card_titles(page)
    journey.step("searched")

    page.get_by_role("textbox", name="Search").fill("no tool is called like this")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("status").get_by_text("No tool matches these filters.").wait_for()
    journey.step("search without results")

    page.get_by_role("link", name="Show all tools").click()
    page.get_by_label("Compare Pandas").check()
    page.get_by_label("Compare PySpark").check()
    page.get_by_role("button", name="Compare selected tools").click()
    page.wait_for_url("**/catalog/compare/**")
    table = page.locator("table.compare-table")
    assert sorted(table.locator("thead th").all_inner_texts()[1:]) == ["Pandas", "PySpark"]
    assert table.get_by_role("rowheader", name="Pitfalls").is_visible()
    journey.step("compare pandas and pyspark")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Chooser").click()
    page.get_by_role("heading", level=1, name="Quick chooser").wait_for()
    journey.step("chooser")
    page.get_by_label("I work on pipelines at scale").check()
    page.get_by_role("button", name="Show the tools").click()
    result = page.locator(".chooser-result")
    result.get_by_role("heading", name="I work on pipelines at scale").wait_for()
    assert [name.strip() for name in result.locator("ol a").all_inner_texts()] == ["PySpark", "Airflow"]
    journey.step("chooser answer")

    result.get_by_role("link", name="Airflow").click()
    page.wait_for_url("**/catalog/airflow/")
    page.get_by_role("heading", level=1, name="Airflow").wait_for()
    journey.step("recommended tool")
    assert not errors, errors
