"""Signals other apps listen to, so learners never imports them (imports run the other way: quizzes -> learners).

`learner_confirmed` is sent by learners.services.learner_confirm inside the confirmation's transaction, after the
profile is saved, with `profile` and `actor`. quizzes.receivers issues the certificates of courses the learner
completed while waiting; a receiver that fails rolls the confirmation back, so nothing is half-saved.
"""

from django.dispatch import Signal

learner_confirmed = Signal()
