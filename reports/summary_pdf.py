"""The printable one-page rollout summary (A4 PDF), for the reader's provinces (the nation for national readers)
or for one province.

WeasyPrint with the packaged Noto Sans Khmer, exactly as the certificate (quizzes.certificates): Pango/HarfBuzz
shape Khmer, and no machine fonts are needed. Every label is HTML text: no SVG at all, since WeasyPrint breaks Khmer
inside SVG. Khmer first, English second, whatever language the reader uses. Shared copies hide the same cells as
the report pages (`reports.sharing`) and say "for sharing" under the title.
"""

from dataclasses import replace
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.fonts import source_font_path
from core.roles import Role
from core.translated import both, field_texts, in_language
from curriculum.models import ModulePage
from learners.models import Gender, Province

from .area_rows import UNPLACED
from .areas import district_report, province_report
from .charts import HIDDEN, coverage_band, coverage_text, legend, province_tiles, trend_bars
from .disclosure import SUPPRESSED
from .filters import Filters
from .scope import Scope
from .sharing import (
    ALL,
    NOTHING_HIDDEN,
    SHARED_PERIOD,
    Suppression,
    codes_of,
    coverage_pages,
    months_suppression,
    scope_total,
    shared_filters,
    split_key,
    trend_suppression,
)
from .trend import completion_trend

NEEDS_TRAINING_BELOW = 50  # % coverage, unless the reader chose another threshold
NEEDS_TRAINING_SHOWN = 5
TREND_MONTHS = 12

# Every label of the page, printed in Khmer then English.
LABELS = {
    "national_title": _("National training summary"),
    "scoped_title": _("Training summary of your provinces"),
    "province_title": _("Training summary of the province"),
    "all_filters": _("All confirmed learners, all roles, whole course, all dates"),
    "dates": _("Dates"),
    "roles": _("Roles"),
    "gender": _("Gender"),
    "modules": _("Modules"),
    "registered": _("Registered"),
    "started": _("Started"),
    "completed": _("Completed"),
    "target": _("Target"),
    "coverage": _("Coverage"),
    "to_train": _("Still to train"),
    "by_gender": _("By gender"),
    "map": _("Coverage by province"),
    "outside": _("Not one of your provinces"),
    "districts": _("Districts"),
    "district": _("District"),
    "province": _("Province"),
    "without_target": _("No target set yet"),
    "trend": _("Course completions per month"),
    "generated": _("Generated on"),
    "shared": _("For sharing outside NGOCRC"),
    "shared_figures": _("Shared figures"),
    "needs_hidden": _("For sharing, places whose completed count is hidden are not listed here."),
    "shared_note": _(
        "x marks a hidden figure: a count from 1 to 4, or a figure from which such a count could be worked out."
    ),
    "footer": _(
        "Counts of confirmed learners with an active account. Coverage = learners who completed the course "
        "(or the chosen modules) ÷ target. Targets are set per role, not per gender."
    ),
}


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _trend_filters(filters: Filters, today: date) -> Filters:
    """The chosen date range when it spans at most a year; otherwise the last 12 months up to its end (or today)."""
    if filters.start and _months_between(filters.start, filters.end or today) <= TREND_MONTHS:
        return filters
    return replace(filters, start=None)


def _filter_lines(filters: Filters, *, share: bool = False) -> dict[str, list[tuple[str, str]]]:
    """What the reader narrowed the figures to, as (label, value) pairs in Khmer and in English. Shared figures
    always cover the same period (`sharing.shared_filters`), said in one sentence."""
    if share:
        end = filters.end.isoformat() if filters.end else "…"
        label = both(LABELS["shared_figures"])
        return {language: [(label[language], text % {"end": end})] for language, text in both(SHARED_PERIOD).items()}
    titles = {}
    if filters.modules:
        modules = ModulePage.objects.filter(pk__in=filters.modules).order_by("path")
        titles = {module.pk: (module.number, field_texts(module, "title")) for module in modules}
    roles = dict(Role.choices)
    genders = dict(Gender.choices)
    lines = {}
    for language in ("km", "en"):
        with translation.override(language):
            items = []
            if filters.start or filters.end:
                start = filters.start.isoformat() if filters.start else "…"
                end = filters.end.isoformat() if filters.end else "…"
                items.append((str(LABELS["dates"]), f"{start} – {end}"))
            if filters.roles:
                items.append((str(LABELS["roles"]), ", ".join(str(roles.get(r, r)) for r in filters.roles)))
            if filters.genders:
                items.append((str(LABELS["gender"]), ", ".join(str(genders.get(g, g)) for g in filters.genders)))
            if titles:
                chosen = [titles[pk] for pk in filters.modules if pk in titles]
                names = [f"{number}. {in_language(title, language)}" for number, title in chosen]
                items.append((str(LABELS["modules"]), ", ".join(names)))
            lines[language] = items
    return lines


# Headings that carry the threshold the reader chose.
NEEDS = _("Still needs training: below %(threshold)s%% coverage")
NEEDS_NONE = _("No place with a target is below %(threshold)s%% coverage.")
# When nothing is listed but the whole page's figure is below the threshold, "no place is below" would contradict
# the coverage printed above it (a province's target set for the province, none for its districts).
NEEDS_WHOLE_ONLY = _(
    "Targets are set for the whole province, not for its districts, so no district is listed: "
    "the province as a whole is at %(coverage)s, below %(threshold)s%% coverage."
)
NEEDS_WHOLE_BELOW = _(
    "No district with a target of its own is below %(threshold)s%% coverage, "
    "but the province as a whole is, at %(coverage)s."
)
NEEDS_TOGETHER_BELOW = _(
    "No place with a target of its own is below %(threshold)s%% coverage, but all of them together are, "
    "at %(coverage)s."
)
NEEDS_ALL_HIDDEN = _("Every place below %(threshold)s%% coverage has its completed count hidden for sharing.")


def _both_with(value, **params) -> dict[str, str]:
    return {language: text % params for language, text in both(value).items()}


def needs_none(*, report, below: list, hide: Suppression, threshold: int) -> dict[str, str]:
    """What to print when no place is listed under "still needs training": true of the whole page as well as of
    its places (the coverage page says the same, reports.area_views). `below` is every place under the threshold,
    before any hidden for sharing are left out."""
    if below:  # all of them hidden for sharing
        return _both_with(NEEDS_ALL_HIDDEN, threshold=threshold)
    total = report.total
    if total.coverage is not None and total.coverage < threshold and not hide.hides_completion(total):
        if report.level == "district":  # a province's page: its target may be its own, not its districts' sum
            message = NEEDS_WHOLE_BELOW if any(row.target for row in report.rows) else NEEDS_WHOLE_ONLY
        else:
            message = NEEDS_TOGETHER_BELOW
        return _both_with(message, threshold=threshold, coverage=coverage_text(total.coverage))
    return _both_with(NEEDS_NONE, threshold=threshold)


MEASURES = ("registered", "started", "completed")


def _figures(row, hide: Suppression) -> dict:
    """A row's figures as printed: counts (the mark where hidden), target, coverage and people still to train."""
    gone = hide.hides_completion(row)
    return {
        **{key: SUPPRESSED if hide.hides(row, key) else getattr(row.counts, key) for key in MEASURES},
        "target": "–" if row.target is None else row.target,
        "coverage": "–" if gone else coverage_text(row.coverage),
        "to_train": "–" if gone or row.to_train is None else row.to_train,
    }


def _gender_rows(total, hide: Suppression) -> list[dict]:
    return [
        {
            "label": both(label),
            **{
                key: SUPPRESSED if hide.hides(total, key, split_key("gender", value)) else getattr(counts, key)
                for key in MEASURES
            },
        }
        for value, label in Gender.choices
        if (counts := total.by_gender.get(value)) is not None
    ]


def _band(row, hide: Suppression) -> str:
    return HIDDEN.key if hide.hides_completion(row) else coverage_band(row.coverage).key


def _place_rows(rows, hide: Suppression) -> list[dict]:
    """Districts (or provinces) for a table: names in both languages, figures, coverage text and band."""
    return [
        {"row": row, "unplaced": row.code == UNPLACED, "band": _band(row, hide), **_figures(row, hide)} for row in rows
    ]


def _shared_cells(*, scope: Scope, filters: Filters, report, province, trend, today):
    """The cells the report pages hide (the coverage pages down to this one, and the trend page, whose months
    this summary's months are among), then this summary's months protected with them."""
    pages = coverage_pages(scope=scope, filters=filters, report=report, province=province)
    page_trend = completion_trend(scope=scope, filters=filters, today=today)  # as the trend page reads it
    trend_suppression(scope=scope, filters=filters, pages=pages, trend=page_trend, today=today)
    if province is not None:  # the province's own months, adding up to its completed count
        series = total = province.code
    else:
        series, total = (ALL if scope.national else scope_total(scope)), scope_total(scope)
    months = months_suppression(
        chain=pages.chain, trend=trend, report=report, codes=codes_of(report) if province is None else [],
        series=series, total=total, columns=province is None,
    )  # fmt: skip
    return pages.suppression, months


def summary_context(
    *,
    scope: Scope,
    filters: Filters,
    province: Province | None = None,
    today=None,
    threshold: int = NEEDS_TRAINING_BELOW,
    share: bool = False,
) -> dict:
    if share:  # whatever the caller passed: shared figures are made with one set of filters only
        filters = shared_filters(today)
    today = today or timezone.localdate()
    if province is not None and not scope.allows(province.code):
        raise ValueError(f"Province {province.code} is outside the reader's scope.")
    if province is None:
        report = province_report(scope=scope, filters=filters)
        trend_scope = scope
        provinces = [row for row in report.rows if row.code != UNPLACED]
    else:
        report = district_report(scope=scope, filters=filters, province=province)
        trend_scope = Scope(provinces=frozenset({province.code}))
        provinces = []
    trend = completion_trend(scope=trend_scope, filters=_trend_filters(filters, today), today=today, months=12)
    hide, months = NOTHING_HIDDEN, None
    if share:
        hide, months = _shared_cells(
            scope=scope, filters=filters, report=report, province=province, trend=trend, today=today
        )
    total = report.total
    tiles = province_tiles(report, share=share, suppression=hide) if province is None else []  # both names
    below = report.needing_training(threshold=threshold)
    needing = [row for row in below if not hide.hides_completion(row)]
    return {
        "kind": "province" if province else ("national" if scope.national else "scoped"),
        "province": province,
        "provinces": provinces,
        "report": report,
        "total": total,
        "total_figures": _figures(total, hide),
        "total_band": _band(total, hide),
        "genders": _gender_rows(total, hide),
        "tiles": tiles,
        "legend": [{"key": band.key, "label": both(band.label)} for band in legend(share)],
        "places": _place_rows(report.rows, hide) if province else [],
        "needing": _place_rows(needing[:NEEDS_TRAINING_SHOWN], hide),
        "needs_below": threshold,
        "share": share,
        "without_target": [row for row in report.without_target() if row.code != UNPLACED],
        "bars": trend_bars(trend, share=share, suppression=months),
        "filters": _filter_lines(filters, share=share),
        "today": today,
        "labels": {
            **{key: both(label) for key, label in LABELS.items()},
            "needs": _both_with(NEEDS, threshold=threshold),
            "needs_none": needs_none(report=report, below=below, hide=hide, threshold=threshold),
        },
        "font_url": source_font_path().resolve().as_uri(),
    }


def summary_html(**options) -> str:
    return render_to_string("reports/summary_pdf.html", summary_context(**options))


def summary_pdf(**options) -> bytes:
    """The PDF of `summary_context(**options)`: scope, filters, and optionally province, today, threshold, share."""
    from weasyprint import HTML  # imported on use: loading Pango costs time every process would otherwise pay

    html = summary_html(**options)
    return HTML(string=html, base_url=str(source_font_path().parent)).write_pdf()
