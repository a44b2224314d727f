"""Admin-wide additions that belong to no single app: the Khmer font for every admin page, and labels Wagtail
leaves untranslated."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import choosers
from wagtail.forms import TaskStateCommentForm

from .fonts import WEB_FONT_NAME


@hooks.register("insert_global_admin_css")
def khmer_admin_font():
    # Preloaded: the admin's sidebar is drawn by script as soon as the page starts, and text laid out before
    # the font arrives can stay drawn as empty boxes on a computer without a Khmer font of its own.
    return format_html(
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="{}">',
        static(f"fonts/{WEB_FONT_NAME}"),
        static("css/admin.css"),
    )


# Wagtail's link choosers label these fields from their names ("Link text", "Subject"), outside gettext: labelled
# here so that they speak the admin's language like the rest of it.
_LINK_LABELS = {
    "link_text": _("Link text"),
    "email_address": _("E-mail address"),
    "subject": _("Subject"),
    "body": _("Body"),
    "phone_number": _("Phone number"),
}
for _form in (
    choosers.ExternalLinkChooserForm,
    choosers.AnchorLinkChooserForm,
    choosers.EmailLinkChooserForm,
    choosers.PhoneLinkChooserForm,
):
    for _name, _field in _form.base_fields.items():
        if _name in _LINK_LABELS:
            _field.label = _LINK_LABELS[_name]
# The reviewer's comment when approving or requesting changes: Wagtail translates its label once, at start-up.
TaskStateCommentForm.base_fields["comment"].label = _("Comment")
