"""Small-number suppression for figures shared outside NGOCRC: a count from 1 to 4 could single someone out.

Zero is shown as it is (it singles nobody out); what would give a hidden count away (a coverage percentage
or the people still to train, next to a known target) is hidden with it.
"""

SUPPRESSED = "<5"
SMALL = range(1, 5)


def hidden(value: int | None, share: bool) -> bool:
    return share and value is not None and value in SMALL


def shown(value: int | None, share: bool):
    """The count, or "<5" when it must not be shared."""
    return SUPPRESSED if hidden(value, share) else value
