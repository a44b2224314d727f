"""The search index: one entry per page of the manual and language, written only by search.indexing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A live module or lesson as readers see it in one language. The text is kept normalised (it reads the same
    as the page); `title_words` and `words` hold its words folded and cut (search.text.word_field), `folded` the
    whole text folded, for Khmer words that the word break joined to their neighbour."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    # The page's tree path, so that view restrictions on it or an ancestor can be applied when searching.
    path = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    module_number = models.PositiveSmallIntegerField(null=True)
    module_title = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_words = models.TextField()
    words = models.TextField()
    folded = models.TextField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="search_entry_page_language")]
        indexes = [models.Index(fields=["language", "path"], name="search_entry_language_path")]

    def __str__(self):
        return f"{self.language}: {self.title}"


class SearchWord(models.Model):
    """A word found in the Latin-script text of one language, for "did you mean" on a misspelt English word."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=64)
    length = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_language_word")]
        indexes = [models.Index(fields=["language", "length"], name="search_word_language_length")]

    def __str__(self):
        return self.word
