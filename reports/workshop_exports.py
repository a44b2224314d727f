"""The donor summary as lines of a table (section, what, value), shared by its CSV, XLSX and PDF: hidden cells
print as the one mark reports.disclosure uses, and a mean of fewer than five people is not shown when shared."""

from django.utils.translation import gettext as _

from core.roles import Role
from learners.models import Gender

from .disclosure import SMALL, SUPPRESSED
from .workshop_figures import ALL, GENDERS, ROLES, DonorSummary

SMALLEST_MEAN = 5


def _cell(summary: DonorSummary, key, value):
    return SUPPRESSED if not summary.shows(key) else value


def _mean(summary: DonorSummary, gain: dict, measure: str):
    value = gain.get(measure)
    if value is None or (summary.share and (gain.get("n") or 0) < SMALLEST_MEAN):
        return SUPPRESSED if summary.share and value is not None else ("" if value is None else round(value, 1))
    return round(value, 1)


def summary_lines(summary: DonorSummary) -> list[list]:
    project = summary.project
    lines = [[_("Section"), _("What"), _("Value")]]
    lines += [
        [_("Project"), _("Name"), project.name],
        [_("Project"), _("Donor"), project.donor.name],
        [_("Project"), _("Period"), f"{summary.period.start.isoformat()} – {summary.period.end.isoformat()}"],
        [_("Workshops"), _("Workshops held"), summary.workshops],
        [_("Workshops"), _("Provinces"), ", ".join(province.name for province in summary.provinces)],
        [_("Workshops"), _("Organisations"), ", ".join(organisation.name for organisation in summary.organisations)],
        [_("Workshops"), _("Attendance rate (%)"), "" if summary.attendance_rate is None else summary.attendance_rate],
    ]
    genders = dict(Gender.choices)
    roles = dict(Role.choices)
    for role in [*ROLES, ALL]:
        role_label = roles[role] if role != ALL else _("All roles")
        for gender in [*GENDERS, ALL]:
            gender_label = genders[gender] if gender != ALL else _("All")
            value = _cell(summary, (role, gender), summary.cube[(role, gender)])
            lines.append([_("Participants"), f"{role_label} · {gender_label}", value])
    gain = summary.gain
    lines += [
        [_("Knowledge gain"), _("Took both tests"), _cell_small(summary, gain.get("n") or 0)],
        [_("Knowledge gain"), _("Pre-test mean (%)"), _mean(summary, gain, "pre_mean")],
        [_("Knowledge gain"), _("Post-test mean (%)"), _mean(summary, gain, "post_mean")],
        [_("Knowledge gain"), _("Mean gain (points)"), _mean(summary, gain, "gain")],
    ]
    provinces = {province.pk: province.name for province in summary.provinces}
    for row in summary.gain_by_province:
        lines.append([_("Knowledge gain"), provinces.get(row["group"], row["group"]), _mean(summary, row, "gain")])
    for row in summary.gain_by_role:
        lines.append([_("Knowledge gain"), str(roles.get(row["group"], row["group"])), _mean(summary, row, "gain")])
    for row in summary.completions_by_module:
        lines.append([_("Modules completed"), row["title"], _cell(summary, ("module", row["module"]), row["n"])])
    lines += [
        [_("Modules completed"), _("All modules"), _cell(summary, ("module", ALL), summary.completions)],
        [_("Modules completed"), _("Learners who completed one"), _cell_small(summary, summary.learners_completed)],
    ]
    return lines


def _cell_small(summary: DonorSummary, value: int):
    return SUPPRESSED if summary.share and value in SMALL else value
