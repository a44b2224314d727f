"""The rollout's pictures as plain data for templates: the province tile-grid map, its legend, the monthly bars.

Pure functions of what the selectors returned (no queries), so the screen, the print stylesheet and the PDF draw
the same figures. Drawing is HTML and CSS (reports/includes/*.html, reports/static/reports/reports.css): labels
stay HTML text so Khmer is shaped everywhere, including WeasyPrint, which breaks Khmer inside SVG.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import KHMER_MONTHS
from core.translated import field_in_language, reader_language

from .area_rows import AreaReport, AreaRow
from .disclosure import HIDDEN_BAND, SUPPRESSED
from .sharing import NOTHING_HIDDEN, Suppression, TrendSuppression, own_suppression
from .trend import Trend

# Where each province sits on a 6 x 5 grid (row, column), roughly as on the map of Cambodia: the Thai border
# and the north on the first two rows, the Mekong provinces in the middle, the coast on the last row.
#
#        1       2       3       4       5       6
#   1            B.Mean  Oddar   P.Vih   S.Treng Ratan.
#   2    Pailin  Battam. S.Reap  K.Thom  Kratie  Mondul.
#   3            Pursat  K.Chhn  K.Cham  Tboung
#   4    K.Kong  K.Speu  P.Penh  Kandal  P.Veng  S.Rieng
#   5    Sihan.  Kampot  Kep     Takeo
GRID_COLUMNS = 6
GRID_ROWS = 5
PLACES: dict[str, tuple[int, int, str, str]] = {
    # code: (row, column, Khmer name, English name) -- the names only draw provinces outside a reader's scope
    "01": (1, 2, "បន្ទាយមានជ័យ", "Banteay Meanchey"),
    "22": (1, 3, "ឧត្តរមានជ័យ", "Oddar Meanchey"),
    "13": (1, 4, "ព្រះវិហារ", "Preah Vihear"),
    "19": (1, 5, "ស្ទឹងត្រែង", "Stung Treng"),
    "16": (1, 6, "រតនគិរី", "Ratanakiri"),
    "24": (2, 1, "ប៉ៃលិន", "Pailin"),
    "02": (2, 2, "បាត់ដំបង", "Battambang"),
    "17": (2, 3, "សៀមរាប", "Siem Reap"),
    "06": (2, 4, "កំពង់ធំ", "Kampong Thom"),
    "10": (2, 5, "ក្រចេះ", "Kratié"),
    "11": (2, 6, "មណ្ឌលគិរី", "Mondulkiri"),
    "15": (3, 2, "ពោធិ៍សាត់", "Pursat"),
    "04": (3, 3, "កំពង់ឆ្នាំង", "Kampong Chhnang"),
    "03": (3, 4, "កំពង់ចាម", "Kampong Cham"),
    "25": (3, 5, "ត្បូងឃ្មុំ", "Tboung Khmum"),
    "09": (4, 1, "កោះកុង", "Koh Kong"),
    "05": (4, 2, "កំពង់ស្ពឺ", "Kampong Speu"),
    "12": (4, 3, "ភ្នំពេញ", "Phnom Penh"),
    "08": (4, 4, "កណ្តាល", "Kandal"),
    "14": (4, 5, "ព្រៃវែង", "Prey Veng"),
    "20": (4, 6, "ស្វាយរៀង", "Svay Rieng"),
    "18": (5, 1, "ព្រះសីហនុ", "Preah Sihanouk"),
    "07": (5, 2, "កំពត", "Kampot"),
    "23": (5, 3, "កែប", "Kep"),
    "21": (5, 4, "តាកែវ", "Takéo"),
}

# English names short enough for a tile on a phone (the full name stays in the tile's title and screen-reader text);
# soft hyphens (U+00AD) mark where a long one-word name may break.
SHORT_EN = {
    "01": "B. Mean\u00adchey",
    "02": "Battam\u00adbang",
    "03": "K. Cham",
    "04": "K. Chh\u00adnang",
    "05": "K. Speu",
    "06": "K. Thom",
    "11": "Mondul\u00adkiri",
    "16": "Ratana\u00adkiri",
    "18": "Siha\u00adnouk",
    "22": "O. Mean\u00adchey",
    "25": "T. Khmum",
}


@dataclass(frozen=True)
class Band:
    """A colour band of coverage. `key` names the CSS class `coverage-band-<key>` (tiles and table cells)."""

    key: str
    label: str  # lazy
    low: float | None  # coverage from this % (inclusive); None for "no target"
    high: float | None  # up to this % (exclusive); None for no upper limit


BANDS = (
    Band("none", _("No target set"), None, None),
    Band("0", _("Below 25%"), 0, 25),
    Band("25", _("From 25 to under 50%"), 25, 50),
    Band("50", _("From 50 to under 75%"), 50, 75),
    Band("75", _("At least 75%"), 75, None),
)
BANDS_BY_KEY = {band.key: band for band in BANDS}
# For sharing: a place whose completed count is hidden; its colour would narrow the count down.
HIDDEN = Band(HIDDEN_BAND, _("Hidden for sharing"), None, None)


def coverage_band(coverage: float | None) -> Band:
    """The band of a coverage percentage; None (no target, or a target of zero) is "no target"."""
    if coverage is None:
        return BANDS_BY_KEY["none"]
    for band in BANDS[1:]:
        if coverage >= band.low and (band.high is None or coverage < band.high):
            return band
    return BANDS[1]  # a negative coverage cannot happen; the lowest band rather than an error


def coverage_text(coverage: float | None) -> str:
    """Coverage as the report tables print it (one decimal), with the sign; a dash without a target."""
    if coverage is None:
        return "–"
    return f"{round(coverage, 1):.1f}%"


def legend(share: bool = False) -> list[Band]:
    return [*BANDS, HIDDEN] if share else list(BANDS)


@dataclass(frozen=True)
class Tile:
    code: str
    name_km: str
    name_en: str
    row: int
    column: int
    in_scope: bool  # False: a province the reader may not see, drawn with its name only
    band: Band | None = None
    completed: int | None = None
    target: int | None = None
    coverage: float | None = None
    url: str | None = None
    suppressed: bool = False  # for sharing: the completed count is hidden, and with it coverage and colour

    @property
    def name(self) -> str:
        """In the reader's language, read when shown (the tiles may be built before a language override)."""
        return field_in_language(self)

    @property
    def coverage_text(self) -> str:
        return "–" if self.suppressed else coverage_text(self.coverage)

    @property
    def completed_text(self) -> str:
        return SUPPRESSED if self.suppressed else str(self.completed)

    @property
    def short_name(self) -> str:
        """The name for a narrow tile: a few long English names are shortened ("K. Cham"); Khmer names are not."""
        if translation.get_language() == "en":
            return SHORT_EN.get(self.code, self.name)
        return self.name

    @property
    def figures(self) -> str:
        """The short figures on the tile: "12/30", or the completed count alone without a target."""
        if not self.in_scope:
            return ""
        if self.target:
            return f"{self.completed_text}/{self.target}"
        return self.completed_text

    @property
    def description(self) -> str:
        """One sentence with every figure: the tile's hover title and its screen-reader text."""
        if not self.in_scope:
            return self.name
        if self.target:
            return gettext(
                "%(place)s: %(completed)s of %(target)s people trained, coverage %(coverage)s (%(band)s)"
            ) % {
                "place": self.name,
                "completed": self.completed_text,
                "target": self.target,
                "coverage": self.coverage_text,
                "band": self.band.label,
            }
        return gettext("%(place)s: %(completed)s people trained, no target set") % {
            "place": self.name,
            "completed": self.completed_text,
        }


def _tile_from_row(row: AreaRow, *, link: Callable[[str], str | None] | None, hide: Suppression) -> Tile:
    grid_row, column, _km, _en = PLACES[row.code]
    suppressed = hide.hides_completion(row)
    return Tile(
        code=row.code,
        name_km=row.name_km,
        name_en=row.name_en,
        row=grid_row,
        column=column,
        in_scope=True,
        band=HIDDEN if suppressed else coverage_band(row.coverage),
        completed=row.counts.completed,
        target=row.target,
        coverage=None if suppressed else row.coverage,
        url=link(row.code) if link else None,
        suppressed=suppressed,
    )


def _outside_tile(code: str) -> Tile:
    grid_row, column, name_km, name_en = PLACES[code]
    return Tile(code=code, name_km=name_km, name_en=name_en, row=grid_row, column=column, in_scope=False)


class TileList(list):
    """The tiles, and whether some are outside the reader's provinces (the legend then explains the blank ones)."""

    @property
    def has_outside(self) -> bool:
        return any(not tile.in_scope for tile in self)


def province_tiles(
    report: AreaReport,
    *,
    link: Callable[[str], str | None] | None = None,
    share: bool = False,
    suppression: Suppression | None = None,
) -> TileList:
    """All 25 provinces in reading order (north to south, west to east). Provinces of the report carry their
    figures, band and drill-down link (`link(code)`); the others, outside a provincial coordinator's scope, keep
    the country's shape with their name only. Rows that are not provinces (learners with no place) are left out.
    When sharing, a province whose completed count hides (`suppression`, by default the table's own) is "hidden".
    """
    hide = (suppression or own_suppression(report)) if share else NOTHING_HIDDEN
    rows = {row.code: row for row in report.rows if row.code in PLACES}
    tiles = [
        _tile_from_row(rows[code], link=link, hide=hide) if code in rows else _outside_tile(code) for code in PLACES
    ]
    return TileList(sorted(tiles, key=lambda tile: (tile.row, tile.column)))


# ---------------------------------------------------------------------------------------------------------------
# Monthly trend


def month_name(month: date, language: str | None = None) -> str:
    """The month's name: Khmer as Cambodian institutions write it, otherwise Django's three-letter name."""
    language = reader_language(language)
    if language == "km":
        return KHMER_MONTHS[month.month - 1]
    with translation.override(language):
        return str(MONTHS_3[month.month]).capitalize()


@dataclass(frozen=True)
class Bar:
    month: date
    value: int
    height: float  # % of the highest month (0 when every month is 0)
    label: str  # the month's name in the reader's language
    label_km: str
    label_en: str
    year: str  # shown under the first bar and under each January, empty otherwise
    shown: str = ""  # the value as printed: the mark for a hidden month when sharing
    hidden: bool = False  # drawn empty (height 0): its height would give the count away

    @property
    def size(self) -> str:
        """The height as a CSS percentage, always with a full stop (templates would localise a float)."""
        return f"{self.height:.1f}%"

    @property
    def description(self) -> str:
        return gettext("%(month)s %(year)s: %(count)s completed") % {
            "month": self.label,
            "year": self.month.year,
            "count": self.shown or self.value,
        }


class BarList(list):
    hides_total = False

    @property
    def peak(self):
        """The tallest bar drawn (hidden months are not drawn)."""
        return max((bar.value for bar in self if not bar.hidden), default=0)

    @property
    def total(self):
        return SUPPRESSED if self.hides_total else sum(bar.value for bar in self)


def trend_bars(
    trend: Trend, *, province: str | None = None, share: bool = False, suppression: TrendSuppression | None = None
) -> BarList:
    """One bar per month of the trend (all provinces of the scope, or one province's), scaled to the tallest.
    When sharing, the months `suppression` hides (`sharing.trend_suppression`) read as the mark and are drawn
    empty: scaling bars to a hidden month, or drawing it, would give it away."""
    if share and suppression is None:
        raise ValueError("Shared bars need the months to hide (sharing.trend_suppression).")
    hide = suppression if share else TrendSuppression(hidden=frozenset())
    values = trend.by_province.get(province, [0] * len(trend.months)) if province else trend.national
    hidden_months = [hide.hides(month, province) for month in trend.months]
    peak = max((value for value, gone in zip(values, hidden_months, strict=True) if not gone), default=0)
    bars = BarList()
    bars.hides_total = share and hide.hides_total
    for index, (month, value) in enumerate(zip(trend.months, values, strict=True)):
        gone = hidden_months[index]
        bars.append(
            Bar(
                month=month,
                value=value,
                height=0.0 if gone or not peak else 100 * value / peak,
                label=month_name(month),
                label_km=month_name(month, "km"),
                label_en=month_name(month, "en"),
                year=str(month.year) if index == 0 or month.month == 1 else "",
                shown=SUPPRESSED if gone else str(value),
                hidden=gone,
            )
        )
    return bars
