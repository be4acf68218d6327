"""A page's headings as assistive technology meets them, read from its HTML with lxml."""

from dataclasses import dataclass

import lxml.html

HEADING = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'"


def _text(element) -> str:
    return " ".join(element.text_content().split())


def headings_in_summaries(body: str) -> list[str]:
    """Headings inside a <summary>: it is a button, whose content some screen readers flatten to plain text."""
    return [_text(heading) for heading in lxml.html.fromstring(body).xpath(f"//summary//*[{HEADING}]")]


def outline(body: str) -> list[tuple[str, str]]:
    """The page's headings in order, as (tag, text), inside <main>."""
    return [(heading.tag, _text(heading)) for heading in lxml.html.fromstring(body).xpath(f"//main//*[{HEADING}]")]


@dataclass(frozen=True)
class Fold:
    heading: str  # the section's heading
    heading_tag: str
    heading_in_fold: bool
    summary: str
    table_labelled_by_heading: bool
    rows: list[str]


def _heading_and_fold(section):
    """A section's heading (the element its ``aria-labelledby`` names) and the fold that is its own child."""
    (heading,) = section.xpath(f"//*[@id='{section.get('aria-labelledby')}']")
    (details,) = section.xpath("./details")
    return heading, details


def met_fold(body: str) -> Fold:
    """The one section holding what is met (templates/skills/partials/met_fold.html)."""
    (section,) = lxml.html.fromstring(body).xpath("//section[contains(concat(' ', @class, ' '), ' met-fold ')]")
    heading, details = _heading_and_fold(section)
    (region,) = details.xpath(".//*[@role='region']")
    return Fold(
        heading=_text(heading),
        heading_tag=heading.tag,
        heading_in_fold=heading in details.iter(),
        summary=_text(details.xpath("./summary")[0]),
        table_labelled_by_heading=region.get("aria-labelledby") == heading.get("id"),
        rows=[_text(cell) for cell in details.xpath(".//tbody//th[@scope='row']")],
    )


@dataclass(frozen=True)
class LabelledFold:
    heading: str  # the heading of the section the fold is the body of
    heading_tag: str
    heading_in_fold: bool
    summary: str
    is_open: bool


def labelled_folds(body: str, fold_class: str) -> list[LabelledFold]:
    """The folds of class ``fold_class``, each the body of a section labelled by its heading."""
    return [_labelled_fold(details) for details in _folds(body, fold_class)]


def _folds(body: str, fold_class: str) -> list:
    return lxml.html.fromstring(body).xpath(f"//details[contains(concat(' ', @class, ' '), ' {fold_class} ')]")


def _labelled_fold(details) -> LabelledFold:
    heading, _details = _heading_and_fold(details.getparent())
    return LabelledFold(
        heading=_text(heading),
        heading_tag=heading.tag,
        heading_in_fold=heading in details.iter(),
        summary=_text(details.xpath("./summary")[0]),
        is_open=details.get("open") is not None,
    )


@dataclass(frozen=True)
class SkillFold(LabelledFold):
    items: list[str]  # the checklist rows inside the fold, by item name


def skill_folds(body: str) -> list[SkillFold]:
    """The checklist's sections, one per skill, each folding its items (templates/skills/partials/checklist_body.html)."""
    return [
        SkillFold(
            **vars(_labelled_fold(details)),
            items=[
                _text(row.xpath(f".//*[@id='item-{row.get('id').removeprefix('item-row-')}-name']")[0])
                for row in details.xpath(".//li[starts-with(@id, 'item-row-')]")
            ],
        )
        for details in _folds(body, "skill-fold")
    ]
