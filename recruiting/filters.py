"""The candidate list's filters (GET), as a django-filter FilterSet over the role's stored matches.

The page, the CSV export and the API all read candidates through
:class:`CandidateFilter`. On the page an invalid field is reported and left out,
never guessed; the API refuses the request with the same messages (422).
"""

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recruiting.selectors.candidates import DEFAULT_SORT, SORT_ORDERS, default_role, ranking_base, roles_for_recruiter
from skills.models import TICKED_LEVEL, YEARS_EXPERIENCE_MAX, Assessment, ChecklistItem, Level, Role, RoleMatch

MAX_FILTER_ITEMS = 10
EARLIEST_UPDATE_DATE = date(2000, 1, 1)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


MAX_ID = 2**63 - 1  # the largest primary key either database can compare with


class ChecklistItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ChecklistItem) -> str:
        return f"{obj.skill.name} · {obj.name}"

    def clean(self, value):
        """Ids that no database could hold are refused with the field's own message, before any query."""
        for pk in value if isinstance(value, list | tuple) else ():
            if not (isinstance(pk, str) and pk.isdecimal() and len(pk) <= 19 and int(pk) <= MAX_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super().clean(value)


class ChecklistItemFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = ChecklistItemChoiceField


def last_chosen(data, name: str) -> str | None:
    """The last non-empty value sent under ``name``. The candidate list sends "role" from its radios, then from the
    select of saved searches; that select sends its chosen search only once it was changed (the search the list
    shows is an option without a value, its radio carries the slug), so a search picked there wins over the ticked
    radio without JavaScript, and a role ticked after ranking by a search wins over the select."""
    values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
    return next((value for value in reversed(values) if value), None)


class RoleOrSearchSelect(forms.Select):
    """The role filter's input: whichever of the published roles' radios or the searches' select was chosen."""

    def value_from_datadict(self, data, files, name):
        return last_chosen(data, name)


@dataclass(frozen=True)
class RoleChoices:
    """What a recruiter may rank by, split: the published roles, then their own vacancy searches."""

    roles: list[Role]
    searches: list[Role]

    @property
    def search_slugs(self) -> set[str]:
        return {search.slug for search in self.searches}


class RoleChoiceIterator(forms.models.ModelChoiceIterator):
    """The published roles, then the recruiter's own vacancy searches under a heading of their own."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = self.field.role_choices()
        roles = [self.choice(role) for role in choices.roles]
        if choices.searches:
            yield (_("Roles"), roles)
            yield (_("Your saved searches"), [self.choice(search) for search in choices.searches])
        else:
            yield from roles


class RoleChoiceField(forms.ModelChoiceField):
    """A role by slug; for a ``recruiter``, a search that is another recruiter's is named as such, not as unknown."""

    iterator = RoleChoiceIterator

    def __init__(self, *args, recruiter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recruiter = recruiter

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            # The recruiter's own searches are among the choices: a search that is not is someone else's.
            if self.recruiter is not None and value and Role.objects.searches().filter(slug=value).exists():
                raise forms.ValidationError(
                    _("The vacancy search in this link is not one of yours, so the default role is used."),
                    code="not_your_search",
                ) from None
            raise

    def role_choices(self) -> RoleChoices:
        """The choices in one query, split into roles and searches (the candidate list shows them apart)."""
        roles = list(self.queryset)
        return RoleChoices(
            roles=[role for role in roles if not role.is_search], searches=[role for role in roles if role.is_search]
        )

    def label_from_instance(self, obj: Role) -> str:
        if obj.is_search:
            return _("Your search: %(title)s") % {"title": obj.title}
        return str(obj.title)


class RoleFilter(django_filters.ModelChoiceFilter):
    field_class = RoleChoiceField


class CandidateFilterForm(forms.Form):
    """The checks that span a field's whole value; django-filter adds the fields themselves."""

    def clean_items(self):
        items = self.cleaned_data["items"]
        if len(items) > MAX_FILTER_ITEMS:
            raise forms.ValidationError(
                _("Choose at most %(limit)d checklist items."), params={"limit": MAX_FILTER_ITEMS}
            )
        return items

    def clean_updated_since(self):
        updated_since = self.cleaned_data["updated_since"]
        if updated_since is not None and not EARLIEST_UPDATE_DATE <= updated_since <= timezone.localdate():
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and today."), params={"earliest": EARLIEST_UPDATE_DATE}
            )
        return updated_since


class CandidateFilter(django_filters.FilterSet):
    """Visible candidates' stored matches with one role, filtered and ranked.

    Without a role in the query string the default role is used, and the form shows it. A ``recruiter`` may also
    rank by their own vacancy searches (``roles_for_recruiter``); without one, only published roles count.
    """

    SORT_CHOICES = (
        ("score", _("Match score")),
        ("experience", _("Years of experience")),
        ("updated", _("Last update")),
    )

    role = RoleFilter(
        label=_("Role"),
        queryset=Role.objects.published(),
        to_field_name="slug",
        empty_label=None,
        widget=RoleOrSearchSelect,
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, empty_label=None)
    min_score = IntegerFilter(
        label=_("Minimum match score"), field_name="score", lookup_expr="gte", min_value=0, max_value=100
    )
    must_haves_met = django_filters.BooleanFilter(label=_("Meets every must-have"), widget=forms.CheckboxInput)
    min_years = IntegerFilter(
        label=_("Minimum years of experience"),
        field_name="profile__years_experience",
        lookup_expr="gte",
        min_value=0,
        max_value=YEARS_EXPERIENCE_MAX,
    )
    location = django_filters.CharFilter(
        label=_("Location contains"), field_name="profile__location", lookup_expr="icontains", max_length=100
    )
    open_to_work = django_filters.BooleanFilter(label=_("Open to work"), widget=forms.CheckboxInput)
    updated_since = django_filters.DateFilter(label=_("Updated since"), widget=forms.DateInput(attrs={"type": "date"}))
    items = ChecklistItemFilter(
        label=_("Has these checklist items"),
        queryset=ChecklistItem.objects.select_related("skill"),
        widget=forms.CheckboxSelectMultiple,
    )
    item_level = django_filters.TypedChoiceFilter(
        label=_("At least this level on each chosen item"),
        choices=[choice for choice in Level.choices if choice[0] > Level.NONE],
        coerce=int,
    )

    class Meta:
        form = CandidateFilterForm
        fields = ()

    def __init__(self, data=None, *args, recruiter=None, **kwargs):
        self.default_role = default_role()
        # Always bound, with the defaults filled in, so the form shows what the list is really filtered and
        # ranked by.
        data = (data if data is not None else QueryDict()).copy()
        defaults = {
            "role": self.default_role.slug if self.default_role else "",
            "item_level": str(TICKED_LEVEL),
            "sort": DEFAULT_SORT,
        }
        for name, value in defaults.items():
            if not last_chosen(data, name) and value:
                data[name] = value
        super().__init__(data, *args, queryset=ranking_base(), **kwargs)
        self.filters["role"].queryset = roles_for_recruiter(recruiter=recruiter)
        self.filters["role"].extra["recruiter"] = recruiter

    @property
    def chosen_role(self) -> Role | None:
        """The role to rank by: the chosen one when valid, else the default."""
        self.is_valid()
        return self.form.cleaned_data.get("role") or self.default_role

    @property
    def chosen_sort(self) -> str:
        self.is_valid()
        return self.form.cleaned_data.get("sort") or DEFAULT_SORT

    @property
    def spec(self) -> "CandidateSpec":
        """The valid filters, parsed once: what the list, its count, an export and its job all rank by."""
        self.is_valid()
        cleaned = self.form.cleaned_data
        role = self.chosen_role
        updated_since = cleaned.get("updated_since")
        return CandidateSpec(
            role=role.slug if role else "",
            sort=self.chosen_sort,
            min_score=cleaned.get("min_score"),
            must_haves_met=bool(cleaned.get("must_haves_met")),
            min_years=cleaned.get("min_years"),
            location=cleaned.get("location") or "",
            open_to_work=bool(cleaned.get("open_to_work")),
            updated_since=updated_since.isoformat() if updated_since else None,
            items=tuple(sorted(item.pk for item in cleaned.get("items") or ())),
            item_level=cleaned.get("item_level") or TICKED_LEVEL,
        )

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """Every valid filter, on the chosen (or default) role, in the chosen (or default) order."""
        return ranked_by(queryset, spec=self.spec, role=self.chosen_role)

    def counted(self) -> QuerySet:
        """The same conditions over the matches' stored copy of the visibility: what the total counts.

        Reading the profiles only to count them cost most of a cold list page at 100,000 engineers;
        a total that counts a profile a moment too early or late is harmless, a row shown never is.
        """
        return ranked_by(RoleMatch.objects.marked_visible(), spec=self.spec, role=self.chosen_role)

    def count_key(self) -> str:
        """One cache key per set of valid conditions; the order does not change how many match."""
        conditions = {**self.spec.to_json(), "sort": ""}
        digest = hashlib.sha256(json.dumps(conditions, sort_keys=True).encode()).hexdigest()[:32]
        return f"recruiting:candidate-count:{digest}"


@dataclass(frozen=True)
class CandidateSpec:
    """The candidate list's filters as parsed from a request, JSON-safe: an export job stores it and ranks by it
    without reading a query string again."""

    role: str  # the role's (or the recruiter's own search's) slug
    sort: str = DEFAULT_SORT
    min_score: int | None = None
    must_haves_met: bool = False
    min_years: int | None = None
    location: str = ""
    open_to_work: bool = False
    updated_since: str | None = None  # ISO date
    items: tuple[int, ...] = ()
    item_level: int = TICKED_LEVEL

    def to_json(self) -> dict:
        return {**asdict(self), "items": list(self.items)}

    def to_query(self) -> str:
        """The spec as the list's query string: a link back to the list with these filters."""
        defaults = CandidateSpec(role=self.role).to_json()
        pairs = [
            (name, value if not isinstance(value, bool) else "on")
            for name, values in self.to_json().items()
            if values != defaults[name]
            for value in (values if isinstance(values, list) else [values])
        ]
        return urlencode([("role", self.role), *(pair for pair in pairs if pair[0] != "role")])

    @classmethod
    def from_json(cls, data: dict) -> "CandidateSpec":
        known = {spec_field.name for spec_field in fields(cls)}
        values = {name: value for name, value in data.items() if name in known}
        return cls(**{**values, "items": tuple(values.get("items", ()))})


def ranked_by(ranking: QuerySet[RoleMatch], *, spec: CandidateSpec, role: Role | None) -> QuerySet[RoleMatch]:
    """The stored matches with ``role`` (the spec's, as the caller may rank by it) that meet every condition of the
    spec, in its order.

    Each chosen item at the chosen level or above is one EXISTS on the (user, item) unique index.
    """
    ranking = ranking.filter(role=role)
    if spec.min_score is not None:
        ranking = ranking.filter(score__gte=spec.min_score)
    if spec.must_haves_met:
        ranking = ranking.filter(must_haves_missing=0)
    if spec.min_years is not None:
        ranking = ranking.filter(profile__years_experience__gte=spec.min_years)
    if spec.location:
        ranking = ranking.filter(profile__location__icontains=spec.location)
    if spec.open_to_work:
        ranking = ranking.filter(profile__open_to_work=True)
    if spec.updated_since:
        since = datetime.combine(date.fromisoformat(spec.updated_since), time.min)
        ranking = ranking.filter(profile__updated_at__gte=timezone.make_aware(since))
    for item_id in sorted(spec.items):
        ranking = ranking.filter(
            Exists(
                Assessment.objects.filter(
                    user_id=OuterRef("profile__user_id"), item_id=item_id, level__gte=spec.item_level
                )
            )
        )
    return ranking.order_by(*SORT_ORDERS.get(spec.sort, SORT_ORDERS[DEFAULT_SORT]))
