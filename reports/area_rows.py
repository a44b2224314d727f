"""The rows of a coverage report: people counted per province, district or commune, against their target."""

from dataclasses import dataclass, field
from datetime import date

from core.roles import Role
from core.translated import field_in_language
from learners.models import Gender

from .filters import Filters

UNPLACED = ""  # the code of the row for learners whose district or commune was not given
NOT_GIVEN = ("មិនបានបញ្ជាក់", "Not given")  # that row's name, in Khmer and English like the places' names
TOTAL = ("សរុប", "Total")


@dataclass
class Counts:
    registered: int = 0
    started: int = 0
    completed: int = 0
    # Learners with a module completion that needs a refresher since the manual changed (quizzes.refresher).
    refresher: int = 0

    def add(self, other: "Counts") -> None:
        self.registered += other.registered
        self.started += other.started
        self.completed += other.completed
        self.refresher += other.refresher


@dataclass
class AreaRow:
    """One province, district or commune (or the totals): people counted, the target and what follows."""

    code: str
    name_km: str
    name_en: str
    counts: Counts = field(default_factory=Counts)
    by_gender: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in Gender.values})
    by_role: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in Role.values})
    target: int | None = None
    last_activity: date | None = None  # the last day any learner of the row read or took a quiz
    has_children: bool = False

    @property
    def name(self) -> str:
        return field_in_language(self)

    @property
    def coverage(self) -> float | None:
        """Completed as a percentage of the target; None with no target or a target of zero."""
        if not self.target:
            return None
        return 100 * self.counts.completed / self.target

    @property
    def to_train(self) -> int | None:
        if self.target is None:
            return None
        return max(self.target - self.counts.completed, 0)

    def fold(self, *, role: str, gender: str, counts: Counts, last: date | None) -> None:
        self.counts.add(counts)
        self.by_gender.setdefault(gender, Counts()).add(counts)
        self.by_role.setdefault(role, Counts()).add(counts)
        if last and (self.last_activity is None or last > self.last_activity):
            self.last_activity = last


@dataclass
class AreaReport:
    """Rows for one level (provinces of the scope, districts of a province, communes of a district) and totals."""

    level: str
    rows: list[AreaRow]
    total: AreaRow
    filters: Filters

    def needing_training(self, *, threshold: float) -> list[AreaRow]:
        """Areas with a target whose coverage is below `threshold` %, most people still to train first."""
        below = [row for row in self.rows if row.target and row.coverage < threshold]
        return sorted(below, key=lambda row: (-row.to_train, row.code))

    def without_target(self) -> list[AreaRow]:
        return [row for row in self.rows if row.target is None and row.code != UNPLACED]
