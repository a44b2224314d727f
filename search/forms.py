"""What a reader types in the search box, checked before anything is searched."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import MAX_QUERY_LENGTH, parse_query
from .text import normalise

QUERY_EMPTY = _("Type a word or a few words to look for in the manual.")
QUERY_TOO_LONG = _("Search for a few words at most (up to %(limit)s characters).")
QUERY_NO_WORDS = _("Search for words in Khmer or English letters: these signs alone find nothing.")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def clean_q(self):
        text = self.cleaned_data.get("q") or ""
        if not normalise(text):
            raise forms.ValidationError(QUERY_EMPTY, code="empty")
        if len(text) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(QUERY_TOO_LONG, code="too_long", params={"limit": MAX_QUERY_LENGTH})
        if not parse_query(text).terms:
            raise forms.ValidationError(QUERY_NO_WORDS, code="no_words")
        return text
