"""factory_boy factories for every model; tests build their data with these."""

import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool
from portal.guards.roles import EDITORS, RECRUITERS
from recruiting.models import ProfileView, RecruiterProfile, Shortlist, ShortlistEntry
from skills.models import (
    Assessment,
    ChecklistItem,
    EngineerProfile,
    GrowthStage,
    Role,
    RoleMatch,
    RoleRequirement,
    Skill,
)
from skills.services.assessments import AssessmentInput, save_assessments

PASSWORD = "a-long-and-Unusual-passphrase-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    username = factory.SelfAttribute("email")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_totp_code() -> str:
    """What the staff factories' authenticator app shows now."""
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def wrong_totp_code() -> str:
    return "000000" if current_totp_code() != "000000" else "111111"


class StaffUserFactory(UserFactory):
    """Staff must have two-factor login; pass with_mfa=False to build one that has not set it up."""

    @factory.post_generation
    def with_mfa(self, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(self, TOTP_SECRET)


class EditorFactory(StaffUserFactory):
    is_staff = True

    @factory.post_generation
    def in_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=EDITORS))


class RecruiterFactory(StaffUserFactory):
    """A recruiter who named themselves (a recruiter profile), as opening a candidate's page needs. Pass
    recruiter_profile=False for one who has not, or recruiter_profile__name= (…__company=, …__hires_for=)."""

    @factory.post_generation
    def in_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=RECRUITERS))

    @factory.post_generation
    def recruiter_profile(self, create, extracted, **kwargs):
        if create and extracted is not False:
            details = {"name": f"Recruiter {self.pk}", "company": "Talent Partners", **kwargs}
            RecruiterProfile.objects.create(user=self, **details)


class SuperuserFactory(StaffUserFactory):
    is_staff = True
    is_superuser = True


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    kind = Category.Kind.LIBRARY


class KeywordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Keyword

    name = factory.Sequence(lambda n: f"keyword {n}")
    slug = factory.Sequence(lambda n: f"keyword-{n}")


class ToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tool

    name = factory.Sequence(lambda n: f"Tool {n}")
    slug = factory.Sequence(lambda n: f"tool-{n}")
    category = factory.SubFactory(CategoryFactory)
    tool_type = Tool.ToolType.LIBRARY
    summary = "A tool for tests."
    used_for = "Testing the catalog."
    typical_uses = "first use\nsecond use"
    strengths = "fast\nsimple"
    pitfalls = "easy to misuse"


class ChooserOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChooserOption

    question = factory.Sequence(lambda n: f"I build thing {n}")
    slug = factory.Sequence(lambda n: f"option-{n}")
    explanation = "Because it fits."


class ChooserRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChooserRecommendation

    option = factory.SubFactory(ChooserOptionFactory)
    tool = factory.SubFactory(ToolFactory)
    reason = "It fits."


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    question = factory.Sequence(lambda n: f"Question {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = "An answer."


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.Sequence(lambda n: f"skill-{n}")
    growth_stage = GrowthStage.FOUNDATION


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    skill = factory.SubFactory(SkillFactory)
    name = factory.Sequence(lambda n: f"Item {n}")
    slug = factory.Sequence(lambda n: f"item-{n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    title = factory.Sequence(lambda n: f"Senior Data Engineer {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    summary = "A role for tests."


class RoleRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleRequirement

    role = factory.SubFactory(RoleFactory)
    item = factory.SubFactory(ChecklistItemFactory)
    min_level = 2
    weight = 1


class EngineerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngineerProfile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    headline = factory.Sequence(lambda n: f"Data Engineer {n}")
    years_experience = 5
    location = "Utrecht"


class RoleMatchFactory(factory.django.DjangoModelFactory):
    """A stored match as the services write it: with its copy of the profile's visibility."""

    class Meta:
        model = RoleMatch

    profile = factory.SubFactory(EngineerProfileFactory)
    role = factory.SubFactory(RoleFactory)
    profile_visible = factory.LazyAttribute(lambda match: match.profile.is_visible_to_recruiters)


def assess(*, user, item: ChecklistItem, level: int, evidence_url: str = "", note: str = "") -> Assessment:
    """One level set the way engineers set it (the one write of levels: history, stored matches, cache tokens)."""
    entry = AssessmentInput(item=item, level=level, evidence_url=evidence_url, note=note)
    return save_assessments(user=user, entries=[entry]).assessments[0]


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    user = factory.SubFactory(UserFactory)
    item = factory.SubFactory(ChecklistItemFactory)
    level = 2


class ShortlistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shortlist

    recruiter = factory.SubFactory(RecruiterFactory)
    name = factory.Sequence(lambda n: f"Shortlist {n}")


class ShortlistEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShortlistEntry

    shortlist = factory.SubFactory(ShortlistFactory)
    profile = factory.SubFactory(EngineerProfileFactory)


class ProfileViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileView

    recruiter = factory.SubFactory(RecruiterFactory)
    profile = factory.SubFactory(EngineerProfileFactory)
