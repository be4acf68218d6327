from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.notices.kinds import DEFAULT_CHANNEL, NoticeChannel, NoticeKind


class NoticePreferencesForm(forms.Form):
    """One choice per kind of notice the person can receive: email, the portal, or both."""

    def __init__(self, *args, kinds: tuple[NoticeKind, ...], channels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=NoticeChannel.choices,
                initial=channels.get(kind.value, DEFAULT_CHANNEL),
                widget=forms.RadioSelect,
            )


class LanguageForm(forms.Form):
    """The language the portal and its emails speak to the person."""

    # Its own label: the footer's switcher is "Language" on every page.
    language = forms.ChoiceField(label=_("I read the portal and its emails in"), choices=settings.LANGUAGES)
