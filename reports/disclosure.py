"""Cell suppression for figures shared outside NGOCRC: small counts hidden, and enough others that none can be
worked back out from the sums a reader sees.

Primary suppression hides every count from 1 to 4 (it could single someone out; zero singles nobody out). That
alone can be undone by subtraction: women = all − men − other, a province = the total − the other provinces.
So complementary (secondary) suppression follows: every sum a reader can see (a row, a column, a total, a
parent place and its children) that holds a hidden cell gets at least one more, the smallest count available,
and an audit then proves that no hidden cell is determined by the sums, neither exactly by linear algebra nor by
bounds (counts are never negative); a cell the audit can still pin down brings in more. Every hidden cell shows
the same mark, so a reader cannot tell a small count from one hidden to protect it. Deterministic: the same
figures always hide the same cells.

This module is pure arithmetic on keys and integers; `reports.sharing` builds the systems from the reports.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from math import inf

SUPPRESSED = "x"  # one mark for every hidden cell, small or hidden to protect a small one
SMALL = range(1, 5)
HIDDEN_BAND = "hidden"  # the colour of a place whose coverage is hidden (reports.css, the PDF's stylesheet)

Key = Hashable


def hidden(value: int | None, share: bool) -> bool:
    """Primary suppression alone: whether a count is small enough to single someone out."""
    return share and value is not None and value in SMALL


@dataclass(frozen=True)
class Equation:
    """`total` = the sum of `parts`, as a reader can check it on the page or across pages."""

    total: Key
    parts: tuple[Key, ...]

    def cells(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)

    def terms(self) -> list[tuple[Key, int]]:
        return [(self.total, 1), *((part, -1) for part in self.parts)]


@dataclass
class System:
    """The figures of one or more pages and the sums that tie them.

    `fixed` holds cells already decided by another page (True: hidden there, False: shown there): the parent
    place's row on a drill-down page, the provinces' completions under the trend. A fixed cell never changes,
    but the audit still makes sure the new page does not give a hidden one away. A cell that no page shows
    (learners with no province in the trend's national column) is fixed as hidden.
    """

    values: dict[Key, int]
    equations: list[Equation]
    fixed: dict[Key, bool] = field(default_factory=dict)

    def by_cell(self) -> dict[Key, list[Equation]]:
        index: dict[Key, list[Equation]] = {}
        for equation in self.equations:
            for cell in equation.cells():
                index.setdefault(cell, []).append(equation)
        return index


def _order(key: Key) -> str:
    return repr(key)


def _candidate(system: System, cells: Iterable[Key], hidden_cells: set[Key], totals: set[Key]) -> Key | None:
    """The cell to hide next among `cells`: the smallest count above zero (a hidden zero protects little, since
    nothing can be taken from it), a part before a total of the same size, then a fixed order."""
    free = [cell for cell in cells if cell not in hidden_cells and cell not in system.fixed]
    if not free:
        return None
    return min(
        free,
        key=lambda cell: (system.values[cell] == 0, system.values[cell], cell in totals, _order(cell)),
    )


def _close(system: System, hidden_cells: set[Key], totals: set[Key]) -> None:
    """Until no sum holds exactly one hidden cell (that cell would be the sum minus the others)."""
    changed = True
    while changed:
        changed = False
        for equation in system.equations:
            inside = [cell for cell in equation.cells() if cell in hidden_cells]
            if len(inside) != 1:
                continue
            cell = _candidate(system, equation.cells(), hidden_cells, totals)
            if cell is not None:
                hidden_cells.add(cell)
                changed = True


def determined_by_sums(system: System, hidden_cells: set[Key]) -> set[Key]:
    """Hidden cells that the sums fix exactly: exact elimination (fractions) over the hidden cells, reduced to
    row echelon form; a cell is determined when a reduced row holds it alone."""
    pivots: dict[Key, dict[Key, Fraction]] = {}
    for equation in system.equations:
        row: dict[Key, Fraction] = {}
        for cell, coefficient in equation.terms():
            if cell in hidden_cells:
                row[cell] = row.get(cell, Fraction(0)) + coefficient
        row = {cell: value for cell, value in row.items() if value}
        for cell in [cell for cell in row if cell in pivots]:
            factor = row.get(cell)
            if factor:
                for other, value in pivots[cell].items():
                    row[other] = row.get(other, Fraction(0)) - factor * value
                row = {key: value for key, value in row.items() if value}
        if not row:
            continue
        pivot = min(row, key=_order)
        scale = row[pivot]
        row = {cell: value / scale for cell, value in row.items()}
        for other_pivot, other in pivots.items():
            factor = other.get(pivot)
            if factor:
                for cell, value in row.items():
                    other[cell] = other.get(cell, Fraction(0)) - factor * value
                pivots[other_pivot] = {key: value for key, value in other.items() if value}
        pivots[pivot] = row
    return {pivot for pivot, row in pivots.items() if len(row) == 1}


def bounds(system: System, hidden_cells: set[Key], rounds: int = 200) -> dict[Key, tuple[float, float]]:
    """What a reader can tell of each hidden cell from the sums and from counts never being negative: integer
    intervals tightened equation by equation until nothing moves."""
    low: dict[Key, float] = dict.fromkeys(hidden_cells, 0)
    high: dict[Key, float] = dict.fromkeys(hidden_cells, inf)
    relevant = [eq for eq in system.equations if any(cell in hidden_cells for cell in eq.cells())]
    for _round in range(rounds):
        moved = False
        for equation in relevant:
            terms = equation.terms()
            known = sum(c * system.values[cell] for cell, c in terms if cell not in hidden_cells)
            for cell, coefficient in terms:
                if cell not in hidden_cells:
                    continue
                rest_low = rest_high = 0.0
                for other, c in terms:
                    if other == cell or other not in hidden_cells:
                        continue
                    rest_low += c * low[other] if c > 0 else c * high[other]
                    rest_high += c * high[other] if c > 0 else c * low[other]
                # coefficient * cell = -(known + rest), and coefficient is +1 or -1
                if coefficient > 0:
                    new_low, new_high = -known - rest_high, -known - rest_low
                else:
                    new_low, new_high = known + rest_low, known + rest_high
                if new_low > low[cell]:
                    low[cell], moved = new_low, True
                if new_high < high[cell]:
                    high[cell], moved = new_high, True
        if not moved:
            break
    return {cell: (low[cell], high[cell]) for cell in hidden_cells}


def disclosed(system: System, hidden_cells: set[Key]) -> set[Key]:
    """Hidden cells a reader can work out exactly (the audit)."""
    pinned = {cell for cell, (low, high) in bounds(system, hidden_cells).items() if low >= high}
    return determined_by_sums(system, hidden_cells) | pinned


def protect(system: System, *, secondary: bool = True) -> frozenset[Key]:
    """The cells to hide: counts from 1 to 4, cells hidden elsewhere, and (with `secondary`) enough others that
    the audit finds nothing a reader could work out."""
    hidden_cells = {cell for cell, value in system.values.items() if cell not in system.fixed and value in SMALL}
    hidden_cells |= {cell for cell, is_hidden in system.fixed.items() if is_hidden}
    if not secondary or not hidden_cells:
        return frozenset(hidden_cells)
    totals = {equation.total for equation in system.equations}
    index = system.by_cell()
    while True:
        _close(system, hidden_cells, totals)
        leaks = sorted(disclosed(system, hidden_cells), key=_order)
        if not leaks:
            return frozenset(hidden_cells)
        added = False
        for leak in leaks:
            around = [cell for equation in index.get(leak, []) for cell in equation.cells()]
            cell = _candidate(system, around, hidden_cells, totals)
            if cell is None:  # its own sums are all hidden or fixed: widen to any sum that holds a hidden cell
                touching = [
                    cell
                    for equation in system.equations
                    if any(other in hidden_cells for other in equation.cells())
                    for cell in equation.cells()
                ]
                cell = _candidate(system, touching, hidden_cells, totals)
            if cell is not None:
                hidden_cells.add(cell)
                added = True
        if not added:  # nothing left that this page may hide
            return frozenset(hidden_cells)
