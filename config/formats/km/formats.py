"""Khmer numbers as the site writes them: Western digits with a decimal point ("42.9"), as in the reports' tables,
charts and PDFs, which format their figures in Python.

Django's Khmer locale data has a decimal comma; with it, a Khmer page printed "42,9" from a template filter beside
"42.9" from Python code. One rule for every Khmer page instead; everything else (dates, month names) still comes
from Django's Khmer formats.
"""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
