"""The per-module quiz results table and the hardest-questions table; when sharing, small counts are hidden."""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from .disclosure import hidden
from .module_stats import ModuleRow, QuestionStat
from .sharing import module_suppression
from .table_cells import Cell, ReportColumn, ReportTable, count_cell, percent_cell, text_cell


def _completion_part(measure: str, *, share: bool) -> Callable[[ModuleRow, frozenset], Cell]:
    """Current or outdated, the two parts of "completed": hidden with it, or when either part is small."""

    def cell(row: ModuleRow, hide: frozenset) -> Cell:
        value = getattr(row, measure)
        small = hidden(value, share) or hidden(row.completed - value, share)
        return count_cell(value, (row.module_id, "completed") in hide or small)

    return cell


def module_table(rows: list[ModuleRow], *, share: bool) -> ReportTable:
    """Per module; when sharing, took the quiz = passed + not passed yet is protected, and the average score
    of a hidden group is left blank (an average of a few people is nearly their own score)."""
    hide = module_suppression(rows) if share else frozenset()

    def count(measure: str) -> Callable[[ModuleRow, frozenset], Cell]:
        return lambda row, hide: count_cell(getattr(row, measure), (row.module_id, measure) in hide)

    columns = [
        ReportColumn("module", _("Module"), lambda row, hide: text_cell(f"{row.number}. {row.title}")),
        ReportColumn("tried", _("Took the quiz"), count("tried")),
        ReportColumn("passed", _("Passed"), count("passed")),
        ReportColumn("not_passed", _("Not passed yet"), count("not_passed")),
        ReportColumn(
            "average",
            _("Average score (%)"),
            lambda row, hide: Cell(None, "") if (row.module_id, "tried") in hide else percent_cell(row.average_score),
        ),
        ReportColumn("completed", _("Completed the module"), count("completed")),
        ReportColumn("current", _("Current"), _completion_part("current", share=share)),
        ReportColumn("outdated", _("Need a refresher"), _completion_part("outdated", share=share)),
    ]
    return ReportTable(columns=columns, rows=[(row, [column.cell(row, hide) for column in columns]) for row in rows])


def _question_count(attribute: str) -> Callable[[tuple, bool], Cell]:
    return lambda item, share: count_cell(getattr(item[1], attribute), hidden(getattr(item[1], attribute), share))


def _wrong_share(item, share: bool) -> Cell:
    """Next to the answers, the share of wrong ones gives the wrong answers (and the reverse) away."""
    stat = item[1]
    if hidden(stat.answered, share) or hidden(stat.wrong, share):
        return Cell(None, "")
    return percent_cell(stat.wrong_share)


def question_table(rows: list[ModuleRow], *, share: bool) -> ReportTable:
    columns = [
        ReportColumn("module", _("Module"), lambda item, share: text_cell(str(item[0].number)), sortable=False),
        ReportColumn(
            "question", _("Question"), lambda item, share: text_cell(item[1].text), sortable=False, numeric=False
        ),
        ReportColumn("answered", _("Answers"), _question_count("answered"), sortable=False),
        ReportColumn("wrong", _("Wrong answers"), _question_count("wrong"), sortable=False),
        ReportColumn("wrong_share", _("Wrong (%)"), _wrong_share, sortable=False),
    ]
    items: list[tuple[ModuleRow, QuestionStat]] = [(row, stat) for row in rows for stat in row.hardest]
    return ReportTable(
        columns=columns, rows=[(item, [column.cell(item, share) for column in columns]) for item in items]
    )
