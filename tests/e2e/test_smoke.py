import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_and_login_pages_are_accessible(live_server, journey):
    journey.page.goto(live_server.url + "/")
    assert journey.page.locator("h1").first.is_visible()
    journey.step("home")
    journey.page.get_by_role("link", name="Log in").first.click()
    journey.page.wait_for_url("**/accounts/login/**")
    journey.step("login")
