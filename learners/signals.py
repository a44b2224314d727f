"""Signals other apps listen to, so learners never imports them (imports run the other way: quizzes -> learners).

`learner_confirmed` is sent by learners.services.learner_confirm inside the confirmation's transaction, after the
profile is saved, with `profile` and `actor`. quizzes.receivers issues the certificates of courses the learner
completed while waiting; a receiver that fails rolls the confirmation back, so nothing is half-saved.

`learner_role_changed` is sent by learners.services.learner_update inside the edit's transaction, after the profile
is saved with a new role, with `profile` and `actor`. quizzes.receivers brings the learner's course completion in
line with what the new role requires.

`learner_group_changed` is sent by LearnerProfile.save, inside the save's transaction, when the group a learner is
counted in changes: their province, role or gender, or whether they are confirmed (reports count confirmed learners
only). It carries `profile`, `before` and `after`, each a `CountedGroup` or None for "not counted", and `created`
(the save made the profile). quizzes.receivers moves the learner's quiz results between the per-group tallies the
modules report reads, so the tallies and the profile commit together, whichever screen saved it.
"""

from django.dispatch import Signal

learner_confirmed = Signal()
learner_role_changed = Signal()
learner_group_changed = Signal()
