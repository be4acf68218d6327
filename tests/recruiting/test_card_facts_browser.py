"""A candidate's card as a recruiter reads it on a phone and on a desktop (the list, their page, a shortlist): the
facts wrap without a middle dot at the end or the start of a line, and the score stands beside the name as the card's
headline number."""

import pytest

from skills.models import EngineerProfile, RoleMatch
from tests.e2e.support import LANGUAGES_AT_WIDTHS, open_page, screenshot, share_session
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each fact of each list: whether it opens a line, ends one, and whether the point where its own dot is drawn
# shows the fact (a dot that shows) or something behind the list (a dot clipped away).
FACTS_BY_LINE = """list => [...list.children].map((fact, index, facts) => {
  const box = fact.getBoundingClientRect(), next = facts[index + 1], previous = facts[index - 1];
  const dot = getComputedStyle(fact, "::before"), dotWidth = parseFloat(getComputedStyle(fact).paddingLeft);
  const hit = document.elementFromPoint(box.left + dotWidth / 2, box.top + 4);
  return {
    text: fact.innerText,
    opensLine: !previous || previous.getBoundingClientRect().top < box.top - 2,
    endsLine: !next || next.getBoundingClientRect().top > box.top + 2,
    dotAfter: getComputedStyle(fact, "::after").content,
    dotBefore: dot.content,
    dotShows: hit === fact,
  };
})"""


def assert_a_dot_between_facts_never_at_a_line_end(facts: list[dict]) -> None:
    """``facts`` as FACTS_BY_LINE reads them: a dot shows before each fact but one that opens a line, none after."""
    for fact in facts:
        assert fact["dotAfter"] in ("none", "normal"), f"a dot after {fact['text']!r} could end a line"
        if fact["opensLine"]:
            assert not fact["dotShows"], f"{fact['text']!r} opens a line with a dot"
        else:
            assert fact["dotBefore"] != "none" and fact["dotShows"], f"no dot before {fact['text']!r}"


@pytest.fixture
def candidates():
    aim = RoleFactory(title_en="Senior Data Engineer — APIs and lakehouse platforms", slug="aim", published=True)
    role = RoleFactory(slug="lakehouse")
    for number in range(3):
        profile = EngineerProfileFactory(
            visibility=EngineerProfile.Visibility.RECRUITERS, headline=f"Candidate {number}", location="Amsterdam-Zuidoost",
            years_experience=12, open_to_work=True, target_role=aim,
        )  # fmt: skip
        RoleMatchFactory(profile=profile, role=role, score=100 - number, requirements_met=9, requirements_total=9)
    return role


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_facts_wrap_without_a_dot_at_a_line_end_and_the_score_heads_the_card(
    live_server, browser, candidates, language, width
):
    page = open_page(browser, language=language, width=width, javascript=False)
    shortlist = ShortlistFactory(recruiter=RecruiterFactory())
    for match in RoleMatch.objects.filter(role=candidates):
        ShortlistEntryFactory(shortlist=shortlist, profile=match.profile)
    share_session(page, live_server, shortlist.recruiter)
    for path, least in (
        ("/recruiting/candidates/?role=lakehouse", 4),
        (f"/recruiting/candidates/{RoleMatch.objects.filter(role=candidates).first().profile_id}/", 4),
        (shortlist.get_absolute_url(), 3),
    ):
        page.goto(f"{live_server.url}{path}")
        facts = page.locator(".fact-list").first.evaluate(FACTS_BY_LINE)
        assert len(facts) >= least
        assert_a_dot_between_facts_never_at_a_line_end(facts)
        if width == 390 and "candidates/?" in path:
            assert sum(fact["opensLine"] for fact in facts) > 1, "the facts wrap on a phone"
    page.goto(f"{live_server.url}/recruiting/candidates/?role=lakehouse")
    card = page.locator(".candidate-row").first
    name, score = card.get_by_role("heading").bounding_box(), card.locator(".candidate-score").bounding_box()
    headline = card.get_by_text("Candidate 0").bounding_box()
    assert score["y"] < name["y"] + name["height"], "the score stands level with the name"
    edge = card.bounding_box()
    assert edge["x"] + edge["width"] - (score["x"] + score["width"]) < 40, "at the card's right edge"
    assert score["y"] < headline["y"], "above the candidate's facts, not among them"
    screenshot(page, f"cards-{language}-{width}")
