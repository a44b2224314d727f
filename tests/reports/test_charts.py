"""The map and chart data (reports.charts) and their templates: tile places, colour bands, bar heights, month names."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from reports.area_rows import UNPLACED, AreaReport, AreaRow, Counts
from reports.charts import (
    BANDS,
    GRID_COLUMNS,
    GRID_ROWS,
    KHMER_MONTHS,
    PLACES,
    coverage_band,
    legend,
    month_name,
    province_tiles,
    trend_bars,
)
from reports.filters import Filters
from reports.trend import Trend

CSS = Path(__file__).resolve().parents[2] / "reports" / "static" / "reports" / "reports.css"


def row(code: str, *, completed: int = 0, target: int | None = None) -> AreaRow:
    return AreaRow(
        code=code,
        name_km=f"ខេត្ត{code}",
        name_en=f"Province {code}",
        counts=Counts(registered=completed, started=completed, completed=completed),
        target=target,
    )


def report(rows: list[AreaRow]) -> AreaReport:
    return AreaReport(level="province", rows=rows, total=row("total"), filters=Filters())


def all_provinces() -> list[AreaRow]:
    return [row(f"{number:02d}", completed=number, target=100) for number in range(1, 26)]


# ---------------------------------------------------------------------------------------------------------------
# Tiles


def test_every_province_has_its_own_place_on_the_grid():
    tiles = province_tiles(report(all_provinces()))
    assert sorted(tile.code for tile in tiles) == [f"{number:02d}" for number in range(1, 26)]
    positions = {(tile.row, tile.column) for tile in tiles}
    assert len(positions) == 25
    assert all(1 <= r <= GRID_ROWS and 1 <= c <= GRID_COLUMNS for r, c in positions)
    assert 6 <= GRID_COLUMNS <= 7


def test_tiles_lie_roughly_where_the_provinces_do():
    place = {code: (r, c) for code, (r, c, _km, _en) in PLACES.items()}
    north, south = ("22", "13", "16"), ("18", "07", "23", "21")  # the Thai-Lao border; the coast
    assert max(place[code][0] for code in north) < min(place[code][0] for code in south)
    assert place["24"][1] < place["02"][1] < place["06"][1] < place["10"][1] < place["11"][1]  # west to east
    assert place["12"][0] > place["04"][0] and place["08"][0] == place["12"][0]  # Phnom Penh beside Kandal
    assert place["17"][0] == place["02"][0] and place["17"][1] == place["02"][1] + 1  # Siem Reap east of Battambang


def test_tiles_come_in_reading_order_north_to_south_west_to_east():
    tiles = province_tiles(report(all_provinces()))
    assert [(tile.row, tile.column) for tile in tiles] == sorted((tile.row, tile.column) for tile in tiles)


def test_a_tile_carries_the_figures_band_and_link():
    tiles = province_tiles(report([row("07", completed=12, target=30)]), link=lambda code: f"/p/{code}/")
    kampot = next(tile for tile in tiles if tile.code == "07")
    assert (kampot.completed, kampot.target, kampot.in_scope, kampot.url) == (12, 30, True, "/p/07/")
    assert kampot.coverage == 40
    assert kampot.band.key == "25"
    assert (kampot.coverage_text, kampot.figures) == ("40.0%", "12/30")
    with translation.override("en"):
        assert kampot.description == "Province 07: 12 of 30 people trained, coverage 40.0% (From 25 to under 50%)"


def test_provinces_outside_the_scope_keep_their_place_with_their_name_only():
    tiles = province_tiles(report([row("07", completed=1, target=4), row("21", completed=0, target=None)]))
    outside = [tile for tile in tiles if not tile.in_scope]
    assert len(tiles) == 25 and len(outside) == 23
    assert tiles.has_outside
    phnom_penh = next(tile for tile in tiles if tile.code == "12")
    assert (phnom_penh.name_km, phnom_penh.name_en) == ("ភ្នំពេញ", "Phnom Penh")
    assert (phnom_penh.band, phnom_penh.completed, phnom_penh.url, phnom_penh.figures) == (None, None, None, "")
    assert not province_tiles(report(all_provinces())).has_outside


def test_learners_with_no_province_get_no_tile():
    tiles = province_tiles(report([*all_provinces(), row(UNPLACED, completed=3)]))
    assert len(tiles) == 25


# ---------------------------------------------------------------------------------------------------------------
# Bands


@pytest.mark.parametrize(
    ("completed", "target", "band"),
    [
        (0, 100, "0"),
        (24, 100, "0"),
        (25, 100, "25"),
        (49, 100, "25"),
        (50, 100, "50"),
        (74, 100, "50"),
        (75, 100, "75"),
        (100, 100, "75"),
        (130, 100, "75"),
        (1, 3, "25"),  # 33.3 %
        (3, 4, "75"),  # exactly 75 %
        (5, None, "none"),  # no target
        (5, 0, "none"),  # a target of zero gives no coverage
    ],
)
def test_coverage_bands_at_their_boundaries(completed, target, band):
    area = row("07", completed=completed, target=target)
    assert coverage_band(area.coverage).key == band
    tile = next(tile for tile in province_tiles(report([area])) if tile.code == "07")
    assert tile.band.key == band


def test_a_tile_without_target_says_so():
    tile = next(tile for tile in province_tiles(report([row("07", completed=5, target=0)])) if tile.code == "07")
    assert (tile.coverage_text, tile.figures) == ("–", "5")
    with translation.override("en"):
        assert tile.description == "Province 07: 5 people trained, no target set"


def test_the_legend_lists_every_band_in_order_with_a_label():
    assert [band.key for band in legend()] == ["none", "0", "25", "50", "75"]
    with translation.override("en"):
        assert [str(band.label) for band in legend()] == [
            "No target set",
            "Below 25%",
            "From 25 to under 50%",
            "From 50 to under 75%",
            "At least 75%",
        ]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_band_colour_keeps_its_text_readable():
    css = CSS.read_text()
    for band in BANDS:
        background = re.search(rf"--band-{band.key}-bg: (#[0-9a-fA-F]{{6}})", css).group(1)
        ink = re.search(rf"--band-{band.key}-ink: (#[0-9a-fA-F]{{6}})", css).group(1)
        light, dark = sorted((_luminance(background), _luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, band.key
        assert f".coverage-band-{band.key} {{" in css


def test_the_bands_darken_in_order():
    css = CSS.read_text()
    shades = [
        _luminance(re.search(rf"--band-{key}-bg: (#[0-9a-fA-F]{{6}})", css).group(1)) for key in ["0", "25", "50", "75"]
    ]
    assert shades == sorted(shades, reverse=True)  # a sequential palette: more coverage, darker


# ---------------------------------------------------------------------------------------------------------------
# Trend bars


def trend(values: list[int], *, first: date = date(2025, 11, 1)) -> Trend:
    months = []
    year, month = first.year, first.month
    for _ in values:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Trend(months=months, national=values, by_province={"07": [1] * len(values)})


def test_bar_heights_are_shares_of_the_peak_month():
    bars = trend_bars(trend([0, 5, 10, 2]))
    assert [bar.height for bar in bars] == [0, 50, 100, 20]
    assert [bar.size for bar in bars] == ["0.0%", "50.0%", "100.0%", "20.0%"]
    assert [bar.value for bar in bars] == [0, 5, 10, 2]
    assert (bars.peak, bars.total) == (10, 17)


def test_months_without_any_completion_have_flat_bars():
    bars = trend_bars(trend([0, 0, 0]))
    assert [bar.height for bar in bars] == [0, 0, 0]
    assert trend_bars(Trend(months=[], national=[], by_province={})) == []


def test_one_province_s_bars():
    bars = trend_bars(trend([4, 8]), province="07")
    assert [bar.value for bar in bars] == [1, 1] and [bar.height for bar in bars] == [100, 100]
    assert [bar.value for bar in trend_bars(trend([4, 8]), province="21")] == [0, 0]


def test_month_labels_in_khmer_and_english():
    bars = trend_bars(trend([1] * 12, first=date(2026, 1, 1)))
    with translation.override("km"):
        assert [month_name(bar.month) for bar in bars] == list(KHMER_MONTHS)
        assert [bar.label for bar in trend_bars(trend([1] * 12, first=date(2026, 1, 1)))] == [
            "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
        ]  # fmt: skip
    with translation.override("en"):
        english = trend_bars(trend([1] * 12, first=date(2026, 1, 1)))
        assert [bar.label for bar in english][:3] == ["Jan", "Feb", "Mar"]
        assert english[0].description == "Jan 2026: 1 completed"
    assert (bars[2].label_km, bars[2].label_en) == ("មីនា", "Mar")


def test_the_year_is_shown_under_the_first_bar_and_each_january():
    bars = trend_bars(trend([1, 1, 1, 1]))  # November 2025 to February 2026
    assert [bar.year for bar in bars] == ["2025", "", "2026", ""]


# ---------------------------------------------------------------------------------------------------------------
# Templates


def test_map_include_links_tiles_and_gives_screen_readers_the_figures():
    tiles = province_tiles(report([row("07", completed=12, target=30)]), link=lambda code: f"/p/{code}/")
    with translation.override("en"):
        html = render_to_string("reports/includes/province_map.html", {"tiles": tiles, "legend": legend()})
    assert html.count('class="report-tile ') == 25
    assert '<a class="report-tile__body" href="/p/07/"' in html
    sentence = "Province 07: 12 of 30 people trained, coverage 40.0% (From 25 to under 50%)"
    assert f'title="{sentence}"' in html
    assert f'<span class="report-sr-only">{sentence}</span>' in html
    assert "report-tile--r5 report-tile--c2 coverage-band-25" in html  # Kampot, on the coast
    assert "Not one of your provinces" in html  # the legend explains the blank tiles
    assert "At least 75%" in html
    assert "<svg" not in html


def test_trend_include_has_text_labels_and_no_svg():
    bars = trend_bars(trend([0, 3, 6], first=date(2026, 1, 1)))
    with translation.override("km"):
        html = render_to_string("reports/includes/trend_chart.html", {"bars": bars})
    assert 'style="--size: 50.0%"' in html and 'style="--size: 100.0%"' in html
    assert "មករា" in html and "មីនា" in html
    assert "<svg" not in html
    assert html.count('class="report-sr-only"') == 3
