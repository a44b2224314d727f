"""The training section of a coordinator's learner page, so `learners` shows progress without importing quizzes.

`{% learner_progress profile %}` renders every module the learner's role requires, with state, best score,
attempts, completion date and lessons read, then the certificate and the last activity: what the learner sees in
"My training", in a fixed few queries.
"""

from django import template

from ..learner_progress import course_manual
from ..selectors import training_overview

register = template.Library()


@register.inclusion_tag("quizzes/_learner_progress.html")
def learner_progress(profile):
    manual = course_manual()
    if manual is None:
        return {"profile": profile, "manual": None}
    overview = training_overview(learner=profile.user, manual=manual)
    required = [row for row in overview["rows"] if row.module.pk in overview["required_ids"]]
    # Modules the role does not require count for nothing, but show what the learner chose to take.
    others = [
        row for row in overview["rows"] if row.module.pk not in overview["required_ids"] and row.state != "not_started"
    ]
    return {"profile": profile, "manual": manual, "required": required, "others": others, **overview}
