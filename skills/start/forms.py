"""The start's two steps: a target role or "not sure yet", and one rating per skill."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skills.forms import LEVEL_ERROR
from skills.models import Level, Role

NOT_SURE = "all"


class StartRoleForm(forms.Form):
    """Step 1 of the start: a published role, or "not sure yet"."""

    role = forms.ChoiceField(label=_("Which role are you aiming for?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {role.slug: role for role in Role.objects.published()}
        self.fields["role"].choices = [
            *((slug, role.title) for slug, role in self.roles.items()),
            (NOT_SURE, _("Not sure yet — show me all")),
        ]
        self.fields["role"].error_messages["required"] = _("Choose a role, or “Not sure yet”.")

    def chosen_role(self) -> Role | None:
        return self.roles.get(self.cleaned_data["role"])


class StartRatingForm(forms.Form):
    """Step 2 of the start: one level per published skill, each optional; ``skill-<id>`` per field."""

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = list(skills)
        for skill in self.skills:
            self.fields[f"skill-{skill.pk}"] = forms.TypedChoiceField(
                label=skill.name,
                choices=Level.choices,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": LEVEL_ERROR},
            )

    def ratings(self):
        """The rated skills with their level; skills left open are left out."""
        return {
            skill: self.cleaned_data[f"skill-{skill.pk}"]
            for skill in self.skills
            if self.cleaned_data.get(f"skill-{skill.pk}") is not None
        }

    def rows(self):
        return [(skill, self[f"skill-{skill.pk}"]) for skill in self.skills]
