"""Demo history: one significant change of the manual, published after the demo learners' activity, so the
refresher shows (My training, the home page, /verify/, the reports) in Khmer and in English.

It goes through Wagtail's publishing like a trainer's change: a new revision of a lesson of module 2, marked
significant with its note in both languages, whose publication marks the earlier completions (quizzes.refresher).
"""

from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from curriculum.changes import ManualChange
from curriculum.models import LessonPage

LESSON_SLUG = "first-response-safety-first"
NOTE = {
    "km": (
        "នីតិវិធីដែលបានផ្លាស់ប្តូរ៖ ក្នុងកំណត់ត្រាអន្តរាគមន៍ដំបូង ត្រូវសរសេរពេលវេលាដែលកុមារបានមានសុវត្ថិភាព "
        "និងឈ្មោះ និងតួនាទីរបស់អ្នកដែលអ្នកបានទូរស័ព្ទទៅ។"
    ),
    "en": (
        "Changed procedure: the first-response record now gives the time the child was safe and the name and role "
        "of each person you called."
    ),
}
ADDED = {
    "km": (
        "<p><b>ថ្មីក្នុងកំណែនេះ៖</b> ក្នុងកំណត់ត្រាអន្តរាគមន៍ដំបូង សូមសរសេរពេលវេលាដែលកុមារបានមានសុវត្ថិភាព "
        "ហើយសរសេរឈ្មោះ និងតួនាទីរបស់មនុស្សម្នាក់ៗដែលអ្នកបានទូរស័ព្ទទៅ។ អ្នកដែលទទួលរឿងបន្តពីអ្នក "
        "នឹងដឹងភ្លាមថាអ្វីបានធ្វើរួចហើយ។</p>"
    ),
    "en": (
        "<p><b>New in this version:</b> in the first-response record, write the time the child was safe and the "
        "name and role of each person you called. Whoever takes the case over from you then knows at once what "
        "has been done.</p>"
    ),
}


def load_significant_change(*, stdout, force: bool = False) -> None:
    """Publish the demo's significant change once (a manual that already has one is left as it is)."""
    lesson = LessonPage.objects.filter(slug=LESSON_SLUG).first()
    if lesson is None or ManualChange.objects.exists():
        return
    lesson = lesson.get_latest_revision_as_object()
    for language in ("km", "en"):
        getattr(lesson, f"body_{language}").append(("text", RichText(ADDED[language])))
        setattr(lesson, f"change_note_{language}", NOTE[language])
    lesson.change_significant = True
    trainer = get_user_model().objects.filter(username="trainer").first()
    lesson.save_revision(user=trainer).publish()  # as the second trainer approving it would
    change = ManualChange.objects.filter(page_id=lesson.pk).first()
    if change is not None:
        stdout.write(
            f"Published a significant change of module 2 (manual version {change.version}): "
            f"{change.completions_marked} completions need a refresher."
        )
