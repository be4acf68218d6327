"""The choice to count in, as the start and the benchmark page ask it."""

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme


class BenchmarkChoiceForm(forms.Form):
    counts_in = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=200)

    def next_url(self, *, host: str, default: str) -> str:
        """Where to go back to: a page of this site only."""
        target = self.cleaned_data.get("next") or ""
        return target if url_has_allowed_host_and_scheme(target, allowed_hosts={host}) else default
