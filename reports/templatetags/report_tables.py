"""The body of a report table, built in Python.

A national table holds a few thousand cells (the trend: 25 provinces x 24 months; coverage: 26 places x a column
per role and gender), and rendering each cell through template tags cost more than the SQL that counted them.
The markup is the one reports/_table.html writes around it (head, caption, totals).
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


def _inner(text, link: str) -> SafeString:
    return format_html('<a href="{}">{}</a>', link, text) if link else format_html("{}", text)


def _linked_row(cells, link: str | None) -> SafeString:
    """A row whose counts may open the list of the people counted (`cell.link`) and whose place may open its
    own report (`link`)."""
    first, rest = cells[0], cells[1:]
    heading = format_html('<th scope="row">{}</th>', _inner(first.text, link or ""))
    values = format_html_join(
        "",
        '<td class="numeric{}">{}</td>',
        ((f" coverage-band-{cell.band}" if cell.band else "", _inner(cell.text, cell.link)) for cell in rest),
    )
    return format_html("<tr>{}{}</tr>", heading, values)


def _plain_row(cells) -> SafeString:
    heading = format_html('<th scope="row">{}</th>', cells[0].text)
    values = format_html_join(
        "", '<td class="{}">{}</td>', (("numeric" if cell.numeric else "", cell.text) for cell in cells[1:])
    )
    return format_html("<tr>{}{}</tr>", heading, values)


@register.simple_tag
def report_rows(table, rows=None) -> SafeString:
    """`rows` as (row, cells, link) when the page links its places and counts; otherwise the table's own rows."""
    if rows:
        return SafeString("".join(_linked_row(cells, link) for _row, cells, link in rows))
    if table.rows:
        return SafeString("".join(_plain_row(cells) for _row, cells in table.rows))
    return format_html('<tr><td colspan="{}">{}</td></tr>', len(table.columns), _("Nothing to show for these filters."))
