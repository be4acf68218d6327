import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def split_lines(text: str) -> list[str]:
    """Editors keep list fields as one entry per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


def public_tool_lookup(prefix: str = "") -> models.Q:
    """The one rule for which tools the public sees: the tool and its category are published (``prefix`` reaches
    tools across a relation, e.g. "tool__")."""
    return models.Q(**{f"{prefix}published": True, f"{prefix}category__published": True})


class Publishable(TimeStamped):
    """A row editors put in order and publish; the public sees only the published ones (``objects.published()``)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


class ToolQuerySet(PublishedQuerySet):
    def public(self) -> "ToolQuerySet":
        return self.filter(public_tool_lookup())


class Category(Publishable):
    class Kind(models.TextChoices):
        WEB = "web", _("Web/API framework")
        DATA = "data", _("Data framework or tool")
        LIBRARY = "library", _("Library")
        ORCHESTRATOR = "orchestrator", _("Orchestrator")

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ("order", "name")
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Keyword(models.Model):
    """A term as it appears in vacancies ("data cleaning", "lakehouse")."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = (Lower("name"),)
        verbose_name = _("vacancy keyword")
        verbose_name_plural = _("vacancy keywords")

    def __str__(self) -> str:
        return self.name


# Paths under /catalog/ that a tool slug must never take over.
RESERVED_TOOL_SLUGS = ("compare", "chooser", "faq")


class Tool(Publishable):
    class ToolType(models.TextChoices):
        LIBRARY = "library", _("Library")
        FRAMEWORK = "framework", _("Framework")
        FRAMEWORK_TOOL = "framework_tool", _("Framework/tool")
        ORCHESTRATOR = "orchestrator", _("Orchestrator")

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="tools", verbose_name=_("category"))
    tool_type = models.CharField(_("type"), max_length=20, choices=ToolType.choices)
    summary = models.CharField(_("one-line summary"), max_length=200)
    used_for = models.TextField(_("what it is for in data engineering"))
    in_vacancies = models.TextField(_("how it shows up in vacancies"), blank=True)
    typical_uses = models.TextField(_("typical uses"), blank=True, help_text=_("One per line."))
    strengths = models.TextField(_("strengths"), blank=True, help_text=_("One per line."))
    pitfalls = models.TextField(_("pitfalls"), blank=True, help_text=_("One per line."))
    seniority_signals = models.TextField(_("signs of seniority"), blank=True, help_text=_("One per line."))
    when_to_pick = models.TextField(_("when to pick it"), blank=True)
    is_optional = models.BooleanField(_("optional in most stacks"), default=False)
    website_url = models.URLField(_("website"), blank=True)
    docs_url = models.URLField(_("documentation"), blank=True)
    keywords = models.ManyToManyField(Keyword, blank=True, related_name="tools", verbose_name=_("vacancy keywords"))
    related_tools = models.ManyToManyField("self", blank=True, verbose_name=_("related tools"))
    history = HistoricalRecords()
    objects = ToolQuerySet.as_manager()

    class Meta:
        ordering = ("order", "name")
        indexes = (models.Index(fields=("published", "category")),)
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(slug__in=RESERVED_TOOL_SLUGS),
                name="tool_slug_not_reserved",
                violation_error_message=_("This slug is reserved for a catalog page; pick another one."),
            ),
        )
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:tool-detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """A tool is public only while both it and its category are published."""
        return self.published and self.category.published

    @property
    def typical_uses_list(self) -> list[str]:
        return split_lines(self.typical_uses)

    @property
    def strengths_list(self) -> list[str]:
        return split_lines(self.strengths)

    @property
    def pitfalls_list(self) -> list[str]:
        return split_lines(self.pitfalls)

    @property
    def seniority_signals_list(self) -> list[str]:
        return split_lines(self.seniority_signals)


class ChooserOption(Publishable):
    """One answer of the quick chooser ("I build APIs for data services")."""

    question = models.CharField(_("what you build"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    explanation = models.TextField(_("why these tools"), blank=True)
    tools = models.ManyToManyField(Tool, through="ChooserRecommendation", related_name="chooser_options")

    class Meta:
        ordering = ("order", "question")
        verbose_name = _("chooser option")
        verbose_name_plural = _("chooser options")

    def __str__(self) -> str:
        return self.question


class ChooserRecommendation(models.Model):
    option = models.ForeignKey(ChooserOption, on_delete=models.CASCADE, related_name="recommendations")
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="recommendations")
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ("order", "id")
        constraints = (models.UniqueConstraint(fields=("option", "tool"), name="unique_recommendation_per_option"),)
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.option} → {self.tool}"


class FaqEntry(Publishable):
    question = models.CharField(_("question"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    answer = models.TextField(_("answer"))

    class Meta:
        ordering = ("order", "question")
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question


# What counts as a word in a vacancy phrase: the reading splits text the same way (skills.vacancies).
PHRASE_WORD = re.compile(r"[^\W_]+")


def clean_phrase_text(phrase: models.Model, *, message: str) -> None:
    """Fold the white space of ``phrase.text``; refuse, with ``message``, a text with no word to match (a letter or
    a digit)."""
    phrase.text = " ".join((phrase.text or "").split())
    if "\x00" in phrase.text or not PHRASE_WORD.search(phrase.text):
        raise ValidationError({"text": message})


class VacancyPhrase(models.Model):
    """Words that signal something in a vacancy ("window functions", "analytische functies"), in one language.

    Matched on whole words, in any word form (stemmed in English and Dutch), so one phrase per idea is enough.
    """

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        DUTCH = "nl", _("Dutch")

    text = models.CharField(_("phrase"), max_length=100)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)

    class Meta:
        abstract = True
        ordering = ("language", Lower("text"))

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        clean_phrase_text(self, message=_("A phrase needs at least one letter or digit."))


class ToolPhrase(VacancyPhrase):
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="phrases", verbose_name=_("tool"))

    class Meta(VacancyPhrase.Meta):
        constraints = (models.UniqueConstraint(Lower("text"), "tool", name="unique_phrase_per_tool"),)
        verbose_name = _("vacancy phrase of a tool")
        verbose_name_plural = _("vacancy phrases of tools")
