"""Django's own password messages, listed so that makemessages puts them in our Khmer catalogue.

Django ships no Khmer for its password validators and password forms; with the same msgids here, our catalogue
(which comes first, LOCALE_PATHS) translates them wherever Django shows them. Nothing imports this module: the
strings must stay exactly as Django writes them (apostrophes included); tests/learners/test_password_messages.py
fails when Django changes one, or when one is missing from the catalogue.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

VALIDATOR_MESSAGES = (
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
    # What the similarity message names (the account fields it compares with).
    gettext_noop("email address"),
)

MIN_LENGTH_MESSAGES = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
)

FORM_MESSAGES = (
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("Old password"),
    gettext_noop("New password confirmation"),
    gettext_noop("Enter the same password as before, for verification."),
)
