"""What coordinators see of each learner's training: modules completed of those their role requires, and the
certificate's code, the modules due a refresher, for a page (or an export's chunk) of learners at a time.

Registered with learners.progress in QuizzesConfig.ready(), so the learner list and its exports get it without
learners importing quizzes. A page of learners costs four queries, whatever its size.
"""

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Q

from curriculum.models import ManualPage
from learners.models import Confirmation, LearnerProfile
from learners.progress import LearnerProgress

from .models import Certificate, ModuleCompletion
from .selectors import required_ids_by_role, valid_certificates


def course_manual() -> ManualPage | None:
    """The course the site's certificate is for: the default site's manual (as every request to it sees it)."""
    return (
        ManualPage.objects.filter(sites_rooted_here__is_default_site=True).first() or ManualPage.objects.live().first()
    )


class CourseProgress:
    """learners.progress.ProgressSource, from completions and certificates."""

    def certificate_condition(self) -> Q:
        # A certificate stands only while its holder is confirmed (selectors.valid_certificates); the outer row is
        # the holder's profile, so that half is a plain column test.
        # IN rather than EXISTS: the database walks the (fewer) certificates instead of probing every learner.
        return Q(confirmation=Confirmation.CONFIRMED, user_id__in=Certificate.objects.values("learner_id"))

    def refresher_condition(self) -> Q:
        return Q(refresher_pending=True)  # kept by quizzes.refresher with the completions

    def progress(self, *, learners: Sequence[LearnerProfile]) -> dict[int, LearnerProgress]:
        if not learners:
            return {}
        manual = course_manual()
        if manual is None:
            return {}
        required = required_ids_by_role(manual=manual)  # the one rule of what each role must complete
        module_ids = set().union(*required.values())
        user_ids = [learner.user_id for learner in learners]
        done = defaultdict(set)
        refreshers = defaultdict(list)  # module numbers, in the manual's order
        completions = ModuleCompletion.objects.filter(learner_id__in=user_ids, module_id__in=module_ids)
        rows = completions.order_by("module__path").values_list(
            "learner_id", "module_id", "module__number", "refresher_since"
        )
        for learner_id, module_id, number, refresher_since in rows:
            done[learner_id].add(module_id)
            if refresher_since is not None:
                refreshers[learner_id].append(number)
        codes = dict(
            valid_certificates().filter(learner_id__in=user_ids, manual=manual).values_list("learner_id", "code")
        )
        return {
            learner.pk: LearnerProgress(
                modules_done=len(done[learner.user_id] & required.get(learner.role, set())),
                modules_required=len(required.get(learner.role, set())),
                certificate_code=codes.get(learner.user_id, ""),
                refresher_modules=tuple(refreshers[learner.user_id]),
            )
            for learner in learners
        }
