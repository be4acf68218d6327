"""The vacancy reader's forms: a pasted text within the one limit, and saving it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skills.forms import LinkField
from skills.vacancies.limits import VACANCY_TOO_LONG, check_vacancy_length


class VacancyTextField(forms.CharField):
    """A pasted vacancy: the one length check (``check_vacancy_length``) on the text as sent, then line breaks as
    the reading counts them (``\n``). No ``maxlength`` on the box: a browser would cut a longer paste silently, and
    with it the vacancy's end (its "nice to have", its negations); the check refuses it and says so."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Paste the text of a vacancy first.")})
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            check_vacancy_length(value)  # before stripping: the limit counts what was sent
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


def refuses_a_too_long_vacancy(form: forms.Form) -> bool:
    """Whether the form's text is over the limit: the pages then answer 413, as the API does."""
    return form.has_error("text", VACANCY_TOO_LONG)


class VacancyForm(forms.Form):
    text = VacancyTextField(
        label=_("Vacancy text"),
        help_text=_("The whole vacancy, in Dutch or English. The text is not kept unless you save it."),
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
    )


class SaveVacancyForm(forms.Form):
    """Keep a read vacancy in the engineer's own list; the text comes along unseen from the reading page."""

    prefix = "save"

    text = VacancyTextField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("For example the role and the company."),
        error_messages={"required": _("Give the vacancy a title, so you can find it again.")},
    )
    link = LinkField(label=_("Link to the vacancy (optional)"))
