"""Which language of a page or quiz may be behind the other, from publication until a trainer confirms it.

When a publication changes the Khmer texts of a page (or quiz) and not the English ones, the English is flagged
"needs update" (and the other way round); readers of that language see a notice, the admin lists it under Reports,
and it stays until a trainer confirms that both languages say the same.

Kept in a small model of its own, not in fields of the page: a page's fields travel in its revisions, so a flag
there would come back with an old revision and would need a migration for every translated model; one row per
object and language (pages and quizzes alike, by content type) is written only on publication and confirmation,
and keeps who confirmed it and when. Changes are found by comparing, per language, the translated fields (and those
of translated inline rows such as a quiz's questions and choices) of the revision published with the revision
that was live before it.
"""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator

# Models whose translations are followed (labels, so this app names quizzes without importing them).
TRACKED_MODELS = ("curriculum.ManualPage", "curriculum.ModulePage", "curriculum.LessonPage", "quizzes.Quiz")
# Translated fields that describe a change rather than being the content (the note of a significant change).
IGNORED_FIELDS = frozenset({"change_note"})
INDEX_KEY = "curriculum:stale-translations"
INDEX_TIMEOUT = 60


class StaleTranslation(models.Model):
    """One language of one page or quiz that may be behind the other, since `since`; confirmed or not."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    language = models.CharField(_("language behind"), max_length=8, choices=settings.LANGUAGES)
    changed_language = models.CharField(_("language changed"), max_length=8, choices=settings.LANGUAGES)
    since = models.DateTimeField(_("behind since"))
    changed_at = models.DateTimeField(_("other language updated"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revision_id = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, db_index=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation to update")
        verbose_name_plural = _("translations to update")
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="stale_translation_object_language"
            )
        ]

    def __str__(self):
        state = "confirmed" if self.confirmed_at else "stale"
        return f"{self.content_type_id}:{self.object_id} {self.language} {state}"

    @property
    def is_stale(self) -> bool:
        return self.confirmed_at is None


def tracked_models() -> list[type]:
    found = []
    for label in TRACKED_MODELS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def is_tracked(obj) -> bool:
    return any(isinstance(obj, model) for model in tracked_models())


def _translated_fields(model) -> dict[str, dict[str, str]]:
    """{field: {language: column}} of the model's translated fields (those that are content)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        name: {column.language: column.name for column in columns}
        for name, columns in options.all_fields.items()
        if name not in IGNORED_FIELDS
    }


def _comparable(value):
    """A field's value as plain data, without what an editor does not write (StreamField block ids, spaces)."""
    if hasattr(value, "get_prep_value"):  # StreamValue
        value = value.get_prep_value()
    if isinstance(value, (list, dict)):
        if not value:
            return ""

        def strip_ids(item):
            if isinstance(item, dict):
                return {key: strip_ids(val) for key, val in item.items() if key != "id"}
            if isinstance(item, list):
                return [strip_ids(val) for val in item]
            return item

        return json.dumps(strip_ids(value), sort_keys=True, default=str)
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else str(value)


def language_texts(obj, language: str) -> list:
    """Every translated text of `obj` in `language`, its translated inline rows' included, in a fixed order."""
    texts = [
        (name, _comparable(getattr(obj, columns[language], None)))
        for name, columns in sorted(_translated_fields(type(obj)).items())
        if language in columns
    ]
    for relation in get_all_child_relations(obj):
        if not _translated_fields(relation.related_model):
            continue
        children = getattr(obj, relation.get_accessor_name()).all()
        texts.append((relation.get_accessor_name(), [language_texts(child, language) for child in children]))
    return texts


def _has_content(texts: list) -> bool:
    return any(bool(value) if not isinstance(value, list) else any(map(_has_content, value)) for _n, value in texts)


def changed_languages(before, after) -> set[str]:
    """The languages whose texts differ between two versions of one object."""
    codes = [code for code, _name in settings.LANGUAGES]
    return {code for code in codes if language_texts(before, code) != language_texts(after, code)}


def previous_live_revision(obj, revision):
    """The revision that was live before `revision` was published (from Wagtail's publication log), or None for a
    first publication."""
    from wagtail.log_actions import registry

    entry = (
        registry.get_logs_for_instance(obj)
        .filter(action="wagtail.publish", revision__isnull=False)
        .exclude(revision_id=revision.pk)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is not None:
        return entry.revision
    # Published without a log entry (the demo loader, a data migration): the revision before this one, unless this
    # is the first publication.
    if obj.first_published_at is None or obj.first_published_at == obj.last_published_at:
        return None
    try:
        return revision.get_previous()
    except type(revision).DoesNotExist:
        return None


def _content_type(obj) -> ContentType:
    return ContentType.objects.get_for_model(obj, for_concrete_model=True)


def _object_of(obj):
    """Pages are flagged as their specific page (the type readers see)."""
    return obj.specific if hasattr(obj, "specific") else obj


@transaction.atomic
def record_publication(*, obj, revision, user=None) -> list[StaleTranslation]:
    """After `revision` of `obj` went live: flag the language that did not change when the other one did.

    A publication changing every language flags nothing (and clears nothing: only a trainer's confirmation says a
    translation caught up). A language with no text at all is not "behind": readers get the fallback notice there.
    """
    obj = _object_of(obj)
    previous = previous_live_revision(obj, revision)
    if previous is None:
        return []
    before, after = previous.as_object(), revision.as_object()
    changed = changed_languages(before, after)
    codes = [code for code, _name in settings.LANGUAGES]
    unchanged = [code for code in codes if code not in changed]
    if not changed or not unchanged:
        return []
    source = next(code for code in codes if code in changed)
    now = timezone.now()
    flagged = []
    content_type = _content_type(obj)
    for language in unchanged:
        if not _has_content(language_texts(after, language)):
            continue
        state, created = StaleTranslation.objects.get_or_create(
            content_type=content_type,
            object_id=obj.pk,
            language=language,
            defaults={"changed_language": source, "since": now, "changed_at": now},
        )
        if not created and state.confirmed_at is not None:
            state.since, state.confirmed_at, state.confirmed_by = now, None, None
        state.changed_language, state.changed_at, state.changed_by = source, now, user
        state.revision_id = revision.pk
        state.save()
        flagged.append(state)
    return flagged


@transaction.atomic
def confirm_translation(*, obj, user, language: str | None = None) -> int:
    """A trainer confirms that `obj`'s languages say the same (or only `language` caught up); returns how many
    flags it cleared."""
    stale = stale_translations_of(_object_of(obj)).select_for_update()
    if language:
        stale = stale.filter(language=language)
    now = timezone.now()
    rows = list(stale)
    for state in rows:  # saved one by one (at most one per language): cached pages showing the notice follow
        state.confirmed_at, state.confirmed_by = now, user
        state.save(update_fields=["confirmed_at", "confirmed_by"])
    return len(rows)


def stale_translations_of(obj):
    return StaleTranslation.objects.filter(content_type=_content_type(obj), object_id=obj.pk, confirmed_at=None)


def on_published(sender, instance, revision, **kwargs):
    """Receiver of Wagtail's `published` signal (pages and snippets with drafts alike)."""
    obj = _object_of(instance)
    # A revision scheduled for later is announced with the object not live: it is compared when it goes live.
    if revision is not None and getattr(obj, "live", True) and is_tracked(obj):
        record_publication(obj=obj, revision=revision, user=revision.user)


def _stale_index() -> dict[tuple[int, int, str], tuple[str, object]]:
    """Every unconfirmed flag, {(content type, object, language): (changed language, changed at)}: a few rows,
    read once into the cache so a reader's page costs no query. Emptied whenever a flag changes; the timeout bounds
    how long another process with its own local cache may show a notice already confirmed."""
    index = cache.get(INDEX_KEY)
    if index is None:
        rows = StaleTranslation.objects.filter(confirmed_at=None).values_list(
            "content_type_id", "object_id", "language", "changed_language", "changed_at"
        )
        index = {(ct, pk, language): (changed, when) for ct, pk, language, changed, when in rows}
        cache.set(INDEX_KEY, index, INDEX_TIMEOUT)
    return index


def forget_index(**_kwargs) -> None:
    cache.delete(INDEX_KEY)
    transaction.on_commit(lambda: cache.delete(INDEX_KEY))  # a reader may have refilled it before the commit


def stale_notice(obj, language: str) -> dict | None:
    """What readers of `language` are told about `obj` if that language is behind: {"language", "changed_language",
    "changed_at"}, or None (no query once the index is cached)."""
    if obj is None or obj.pk is None or not is_tracked(obj):
        return None
    found = _stale_index().get((_content_type(obj).pk, obj.pk, language))
    if found is None:
        return None
    return {"language": language, "changed_language": found[0], "changed_at": found[1]}
