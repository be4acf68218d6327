"""Input for the recruiter pages: the role to compare a candidate with, and the shortlist actions (POST)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from recruiting.contacts import MESSAGE_MAX_LENGTH
from recruiting.selectors import recruiter_roles, shortlists_for, visible_candidates
from recruiting.services import NOTE_MAX_LENGTH


class CandidateRoleForm(forms.Form):
    """?role= on a candidate's page: which role to draw the radar and gaps against."""

    role = forms.ModelChoiceField(
        label=_("Compare with role"),
        queryset=recruiter_roles(),
        to_field_name="slug",
        required=False,
        empty_label=None,
    )


class ShortlistForm(forms.Form):
    name = forms.CharField(label=_("Name of the new shortlist"), max_length=100, strip=True)


class AddToShortlistForm(forms.Form):
    """Add one visible candidate to an existing shortlist of the recruiter, or to a new one by name."""

    profile = forms.ModelChoiceField(queryset=visible_candidates(), widget=forms.HiddenInput)
    shortlist = forms.ModelChoiceField(label=_("Shortlist"), queryset=None, required=False)
    new_name = forms.CharField(label=_("or a new shortlist"), max_length=100, required=False, strip=True)

    def __init__(self, *args, recruiter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shortlist"].queryset = shortlists_for(recruiter=recruiter)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("shortlist") and not cleaned.get("new_name") and not self.has_error("shortlist"):
            raise forms.ValidationError(_("Choose a shortlist or type a name for a new one."))
        return cleaned


class ShortlistNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Private note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ContactRequestForm(forms.Form):
    """A recruiter's request for contact: who they are, and a short plain-text message."""

    name = forms.CharField(label=_("Your name"), max_length=100, strip=True)
    company = forms.CharField(label=_("Company"), max_length=100, strip=True)
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text, at most %(limit)d characters. The candidate sees your name and company.")
        % {"limit": MESSAGE_MAX_LENGTH},
    )


class ContactAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=(("accept", _("Accept")), ("decline", _("Decline"))))
