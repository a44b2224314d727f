"""What a reader can work out from a shared table: the sums they can see, with every hidden figure an unknown.

Written apart from reports.disclosure on purpose, so the tests check the product with other code: the page's
figures go in as numbers or unknowns, the sums the page shows go in as equations, and `recoverable()` names the
unknowns a reader can compute exactly, either by linear algebra (exact fractions: an unknown is determined when
the unit vector on it lies in the row space of the equations) or by bounds (integer interval propagation, counts
never negative).
"""

from fractions import Fraction
from math import inf


class Unknown:
    """A hidden figure, known by a name that is the same wherever the figure appears (on any page)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Unknown({self.name!r})"


class Reader:
    def __init__(self):
        self.equations: list[tuple[int, dict]] = []  # sum(coefficient * unknown) = constant
        self.names: set = set()

    def total(self, total, parts) -> None:
        """`total` = the sum of `parts`; each is an int (shown) or an Unknown (hidden)."""
        constant = 0
        terms: dict = {}
        for figure, sign in [(total, 1), *((part, -1) for part in parts)]:
            if isinstance(figure, Unknown):
                terms[figure.name] = terms.get(figure.name, 0) + sign
                self.names.add(figure.name)
            else:
                constant -= sign * figure
        terms = {name: c for name, c in terms.items() if c}
        if terms:
            self.equations.append((constant, terms))
        else:
            assert constant == 0, f"shown figures that do not add up: {total} != {parts}"

    def determined(self) -> set:
        """Unknowns fixed by the equations alone (reduced row echelon form over the rationals)."""
        rows: list[dict] = []
        for _constant, terms in self.equations:
            row = {name: Fraction(c) for name, c in terms.items()}
            for pivot_row in rows:
                pivot = pivot_row["__pivot__"]
                if row.get(pivot):
                    factor = row[pivot]
                    for name, value in pivot_row.items():
                        if name != "__pivot__":
                            row[name] = row.get(name, Fraction(0)) - factor * value
                    row = {name: value for name, value in row.items() if value}
            if not row:
                continue
            pivot = sorted(row, key=str)[0]
            scale = row[pivot]
            row = {name: value / scale for name, value in row.items()}
            for other in rows:
                if other.get(pivot):
                    factor = other[pivot]
                    for name, value in row.items():
                        other[name] = other.get(name, Fraction(0)) - factor * value
                    for name in [name for name, value in other.items() if name != "__pivot__" and not value]:
                        del other[name]
            row["__pivot__"] = pivot
            rows.append(row)
        return {row["__pivot__"] for row in rows if len(row) == 2}

    def intervals(self) -> dict:
        """Integer bounds of each unknown from the equations and non-negativity, tightened to a fixed point."""
        low = dict.fromkeys(self.names, 0)
        high = dict.fromkeys(self.names, inf)
        for _pass in range(500):
            changed = False
            for constant, terms in self.equations:
                for name, c in terms.items():
                    others_low = sum(k * (low[n] if k > 0 else high[n]) for n, k in terms.items() if n != name)
                    others_high = sum(k * (high[n] if k > 0 else low[n]) for n, k in terms.items() if n != name)
                    # c * x = constant - others
                    a, b = (constant - others_high) / c, (constant - others_low) / c
                    new_low, new_high = min(a, b), max(a, b)
                    if new_low > low[name]:
                        low[name], changed = new_low, True
                    if new_high < high[name]:
                        high[name], changed = new_high, True
            if not changed:
                break
        return {name: (low[name], high[name]) for name in self.names}

    def recoverable(self) -> set:
        pinned = {name for name, (low, high) in self.intervals().items() if high - low < 1}
        return self.determined() | pinned


def figure(text: str, name):
    """A cell of an exported table: a number, or an unknown where the file shows the mark."""
    return Unknown(name) if text == "x" else int(text)
