"""Sharing mode: no hidden figure of the shared files can be worked out from what they show (a solver over the
exported tables of every page a reader can download together), shared files are named and marked as such, and
without the secondary step the same solver does recover hidden counts (so the main test can fail)."""

import csv
import io
from datetime import date
from functools import partial

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learners import groups
from learners.models import Province
from reports import disclosure, sharing
from reports.disclosure import Equation, System, disclosed, protect
from tests import downloads

from . import population, sharing_population
from .solver import Reader, Unknown, figure

QUERY = "share=on"  # shared figures: every date up to the end of the last complete month (July 2026 here)
MEASURES = ("Registered", "Started", "Completed")
SHARED_END = "2026-07-31"


@pytest.fixture(autouse=True)
def august(monkeypatch):
    """Shared figures as made in August 2026: they cover every date of the population, so months add up."""
    monkeypatch.setattr(sharing, "current_date", lambda: date(2026, 8, 15))


@pytest.fixture
def synthetic(db):
    return sharing_population.build()


@pytest.fixture
def national(client, synthetic):
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    return client


def shared_csv(client, url: str, query: str, *, end: str | None = SHARED_END) -> list[list[str]]:
    """The rows of a shared CSV after its "for sharing" title row (which it must have, with the period: up to
    `end`)."""
    response = client.get(f"{url}?{query}&export=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-shared.csv"')
    rows = list(csv.reader(io.StringIO(downloads.text(response).lstrip("\ufeff"))))
    assert rows[0][0].startswith("សម្រាប់ចែករំលែកក្រៅ NGOCRC") and "For sharing outside NGOCRC" in rows[0][0]
    assert end is None or rows[0][1].endswith(f"Every learner, the whole course, all dates up to {end}"), rows[0]
    return rows[1:]


class Page:
    """The figures of the shared files, every cell named the same on whichever page it shows."""

    def __init__(self):
        self.reader = Reader()
        self.seen: dict = {}
        self.marks = 0
        self.view = None  # when set, the filters the cells were made with: part of every cell's name

    def key(self, name):
        return name if self.view is None else (self.view, name)

    def cell(self, name, text: str):
        name = self.key(name)
        if name in self.seen:
            assert self.seen[name] == text, f"{name} reads {text} here and {self.seen[name]} elsewhere"
        else:
            self.seen[name] = text
            self.marks += text == "x"
        return figure(text, name)

    def area(self, rows: list[list[str]], *, parent: str) -> dict:
        """A coverage table: every row's splits add up to its "All", every column to the totals row (`parent`:
        "total" nationally, else the parent place's code, since a drill-down's totals row is that place's row)."""
        header = [heading.split(" / ")[-1] for heading in rows[0]]
        table = {}
        for row in rows[1:]:
            place = parent if row[2] == "Total" else (("unplaced", parent) if row[2] == "Not given" else row[0])
            cells = dict(zip(header, row, strict=True))
            table[place] = cells
            completed_hidden = cells["Completed: All"] == "x"
            if completed_hidden:  # coverage and people still to train would give the count away
                assert cells["Coverage (%)"] == "" and cells["Still to train"] == "", (place, cells)
            if cells["Registered: All"] == "x":  # a few people's last day of activity is their own
                assert cells["Last activity"] == "", (place, cells)
            for measure in MEASURES:
                splits = [h for h in header if h.startswith(f"{measure}: ") and h != f"{measure}: All"]
                self.reader.total(
                    self.cell((place, measure, "All"), cells[f"{measure}: All"]),
                    [self.cell((place, measure, h.split(": ")[1]), cells[h]) for h in splits],
                )
        places = [place for place in table if place != parent]
        for heading in [h for h in header if h.split(": ")[0] in MEASURES]:
            measure, split = heading.split(": ")
            self.reader.total(
                self.cell((parent, measure, split), table[parent][heading]),
                [self.cell((place, measure, split), table[place][heading]) for place in places],
            )
        return table

    def trend(self, rows: list[list[str]], *, total: str = "total") -> None:
        """Months down: all provinces in view = the sum of provinces; a province's months (and all months) add up
        to its completed count, since the dates cover every completion (`total`: the totals row they add up to)."""
        names = {province.name_en: province.code for province in Province.objects.all()}
        codes = [names[heading.split(" / ")[-1]] for heading in rows[0][2:]]
        months = rows[1:]
        for index, row in enumerate(months):
            provinces = [self.cell(("month", index, code), text) for code, text in zip(codes, row[2:], strict=True)]
            self.reader.total(self.cell(("month", index, total), row[1]), provinces)
        for position, code in enumerate(codes):
            column = [self.cell(("month", index, code), row[2 + position]) for index, row in enumerate(months)]
            completed = self.seen[self.key((code, "Completed", "All"))]
            self.reader.total(self.cell((code, "Completed", "All"), completed), column)
        national = [self.cell(("month", index, total), row[1]) for index, row in enumerate(months)]
        completed = self.seen[self.key((total, "Completed", "All"))]
        self.reader.total(self.cell((total, "Completed", "All"), completed), national)


def national_pages(client, page: Page, query: str = QUERY) -> dict:
    tables = {}
    for breakdown in ("gender", "role"):
        rows = shared_csv(client, reverse("reports:provinces"), f"{query}&breakdown={breakdown}")
        tables[breakdown] = page.area(rows, parent="total")
    return tables


def test_no_hidden_figure_can_be_worked_out_from_all_the_shared_files_together(national, synthetic):
    page = Page()
    national_pages(national, page)
    assert page.marks >= 40  # the population is made of small groups: plenty to protect
    for code, districts in synthetic.places.items():
        for breakdown in ("gender", "role"):
            url = reverse("reports:province", args=[code])
            page.area(shared_csv(national, url, f"{QUERY}&breakdown={breakdown}"), parent=code)
            for district, _communes in districts:
                url = reverse("reports:district", args=[code, district.code])
                page.area(shared_csv(national, url, f"{QUERY}&breakdown={breakdown}"), parent=district.code)
    page.trend(shared_csv(national, reverse("reports:trend"), QUERY))
    assert page.reader.recoverable() == set()
    # Not only the small counts: some larger ones hide to protect them.
    plain = {row[0]: row for row in csv.reader(io.StringIO(downloads.text(national.get(
        reverse("reports:provinces") + "?start=2026-01-01&end=2026-07-31&breakdown=gender&export=csv"
    )).lstrip("\ufeff")))}  # fmt: skip
    shared = {row[0]: row for row in shared_csv(national, reverse("reports:provinces"), f"{QUERY}&breakdown=gender")}
    protecting = [
        plain[code][column]
        for code in shared
        for column in range(3, 15)
        if shared[code][column] == "x" and plain[code][column] not in ("1", "2", "3", "4")
    ]
    assert protecting, "no secondary suppression happened"


def test_a_provincial_coordinators_files_and_the_national_ones_give_nothing_away_together(national, synthetic):
    from django.test import Client

    coordinator = Client()
    provinces = Province.objects.filter(code__in=["01", "07"])
    coordinator.force_login(population.staff("two", groups.PROVINCIAL_COORDINATOR, provinces=list(provinces)))
    page = Page()
    national_pages(national, page)
    page.trend(shared_csv(national, reverse("reports:trend"), QUERY))
    mine = "total:01,07"  # their totals row: two provinces only
    for breakdown in ("gender", "role"):
        page.area(shared_csv(coordinator, reverse("reports:provinces"), f"{QUERY}&breakdown={breakdown}"), parent=mine)
        for code in ("01", "07"):
            url = reverse("reports:province", args=[code])
            page.area(shared_csv(coordinator, url, f"{QUERY}&breakdown={breakdown}"), parent=code)
    page.trend(shared_csv(coordinator, reverse("reports:trend"), QUERY), total=mine)
    assert page.reader.recoverable() == set()


def test_without_the_secondary_step_the_solver_recovers_hidden_counts(national, monkeypatch):
    monkeypatch.setattr(sharing, "protect", partial(protect, secondary=False))
    page = Page()
    national_pages(national, page)
    recovered = page.reader.recoverable()
    assert len(recovered) >= 5, recovered


def test_the_map_the_needing_list_and_sorting_give_no_hidden_count_away(national):
    response = national.get(reverse("reports:provinces") + f"?{QUERY}&threshold=100&sort=-completed")
    assert response.status_code == 200
    table = response.context["table"]
    hidden = {row.code for row, cells in table.rows if cells[9].text == "x"}  # completed: all (gender split)
    assert hidden and {row.code for row in response.context["needing"]}.isdisjoint(hidden)
    tiles = {tile.code: tile for tile in response.context["tiles"] if tile.in_scope}
    assert {code for code, tile in tiles.items() if tile.band.key == "hidden"} == hidden & set(tiles)
    assert all(tiles[code].coverage_text == "–" and tiles[code].figures.startswith("x") for code in hidden)
    assert "hidden" in [band.key for band in response.context["legend"]]
    assert b"report-tile--r2 report-tile--c2 coverage-band-hidden" not in response.content  # Battambang: shown
    assert response.content.count(b"coverage-band-hidden") >= len(hidden & set(tiles)) + 1  # tiles and legend
    order = [row.code for row, _cells in table.rows]
    assert set(order[len(order) - len(hidden) :]) == hidden  # hidden counts sort last, wherever they would fall


def test_the_printed_summary_hides_what_the_page_hides_and_says_it_is_for_sharing(national, synthetic):
    from reports.filters import Filters
    from reports.scope import Scope
    from reports.summary_pdf import summary_context, summary_html

    rows = shared_csv(national, reverse("reports:provinces"), "share=on&breakdown=gender")
    header = [heading.split(" / ")[-1] for heading in rows[0]]
    total = dict(zip(header, rows[-1], strict=True))
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:-1]}
    context = summary_context(scope=Scope(provinces=None), filters=Filters(), share=True)
    figures = context["total_figures"]
    assert [str(figures[key]) for key in ("registered", "started", "completed")] == [
        total[f"{measure}: All"] for measure in MEASURES
    ]
    women = next(row for row in context["genders"] if row["label"]["en"] == "Female")
    assert str(women["completed"]) == total["Completed: Women"]
    for tile in context["tiles"]:
        if tile.in_scope:
            assert tile.suppressed == (by_code[tile.code]["Completed: All"] == "x"), tile.code
    html = summary_html(scope=Scope(provinces=None), filters=Filters(), share=True)
    assert "សម្រាប់ចែករំលែកក្រៅ NGOCRC" in html and "For sharing outside NGOCRC" in html
    assert "For sharing outside NGOCRC" not in summary_html(scope=Scope(provinces=None), filters=Filters())


def test_the_printed_months_and_districts_hide_what_the_pages_hide(national, synthetic):
    from reports.filters import Filters
    from reports.scope import Scope
    from reports.summary_pdf import summary_context

    trend = shared_csv(national, reverse("reports:trend"), "share=on")
    kampot = trend[0].index("កំពត / Kampot")
    months = {row[0]: (row[1], row[kampot]) for row in trend[1:]}
    assert any(text == "x" for pair in months.values() for text in pair)
    whole = summary_context(scope=Scope(provinces=None), filters=Filters(), share=True)
    assert [bar.shown for bar in whole["bars"]] == [months[bar.month.isoformat()[:7]][0] for bar in whole["bars"]]
    province = Province.objects.get(code="07")
    one = summary_context(scope=Scope(provinces=None), filters=Filters(), province=province, share=True)
    assert [bar.shown for bar in one["bars"]] == [months[bar.month.isoformat()[:7]][1] for bar in one["bars"]]
    assert all(bar.height == 0 for bar in one["bars"] if bar.hidden)
    districts = shared_csv(national, reverse("reports:province", args=["07"]), "share=on&breakdown=none")
    on_page = {row[0] or row[2]: row[3:6] for row in districts[1:]}
    printed = {place["row"].code or place["row"].name_en: place for place in one["places"]}
    for code, place in printed.items():
        assert [str(place[key]) for key in ("registered", "started", "completed")] == on_page[code], code


def test_shared_files_are_named_and_marked_in_every_format(national):
    url = reverse("reports:provinces")
    xlsx = national.get(f"{url}?share=on&export=xlsx")
    assert xlsx["Content-Disposition"].endswith('-shared.xlsx"')
    first = next(load_workbook(io.BytesIO(downloads.body(xlsx))).active.iter_rows(values_only=True))
    assert first[0].startswith("សម្រាប់ចែករំលែកក្រៅ NGOCRC") and "For sharing outside NGOCRC" in first[0]
    plain = national.get(f"{url}?export=csv")
    assert not plain["Content-Disposition"].endswith('-shared.csv"')
    assert "NGOCRC" not in downloads.text(plain).splitlines()[0]
    pdf = national.get(reverse("reports:national_summary") + "?share=on")
    assert pdf.status_code == 200 and pdf["Content-Disposition"].endswith('-shared.pdf"')
    modules = national.get(reverse("reports:modules") + "?share=on&export=csv")
    assert modules["Content-Disposition"].endswith('-shared.csv"')


# ---------------------------------------------------------------------------------------------------------------
# The engine on tables small enough to check by hand


def test_a_single_small_count_takes_the_smallest_other_count_of_its_sum_with_it():
    system = System(values={"all": 20, "women": 3, "men": 6, "other": 11}, equations=[
        Equation("all", ("women", "men", "other"))
    ])  # fmt: skip
    assert protect(system, secondary=False) == {"women"}
    assert disclosed(system, {"women"}) == {"women"}  # all − men − other
    assert protect(system) == {"women", "men"}
    assert disclosed(system, {"women", "men"}) == set()
    assert protect(system) == protect(system)  # the same figures always hide the same cells


def test_a_place_hidden_on_the_page_above_makes_one_of_its_children_hide():
    system = System(
        values={"province": 16, "district a": 7, "district b": 9},
        equations=[Equation("province", ("district a", "district b"))],
        fixed={"province": True},  # hidden on the provinces page
    )
    assert protect(system) == {"province", "district a"}


def test_bounds_pin_down_what_the_sums_alone_do_not():
    system = System(values={"total": 0, "a": 0, "b": 0}, equations=[Equation("total", ("a", "b"))])
    assert disclosure.determined_by_sums(system, {"a", "b"}) == set()
    assert disclosed(system, {"a", "b"}) == {"a", "b"}  # a + b = 0 and neither is negative


def test_the_solver_sees_a_subtraction():
    reader = Reader()
    reader.total(10, [Unknown("women"), 7, 0])
    assert reader.recoverable() == {"women"}
    reader = Reader()
    reader.total(10, [Unknown("women"), Unknown("men"), 0])
    assert reader.recoverable() == set()
