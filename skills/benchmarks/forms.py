"""The choice to count in, as the start and the benchmark page ask it."""

from django import forms
from django.http import HttpRequest

from portal.accounts.redirects import safe_next


class BenchmarkChoiceForm(forms.Form):
    counts_in = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=200)

    def next_url(self, request: HttpRequest, *, default: str) -> str:
        """Where to go back to: a page of this site only."""
        return safe_next(request, self.cleaned_data.get("next") or "", default)
