"""The hash of a one-time password printed on a sign-in slip (learners.issued_passwords).

A sheet gives a whole workshop new passwords in one request: Django's default (PBKDF2, 1,000,000 iterations) costs
about 0.3 s a password, a minute and a half for 300 slips. A one-time password is random (8 characters of 31:
about 40 bits), lives only until its first sign-in, where Django hashes it again with the default hasher and the
learner must choose their own; 30,000 iterations (about 10 ms) are enough for that. Checking one still takes as
long as checking any password, so response times do not tell which accounts wait with a slip.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher

ALGORITHM = "pbkdf2_sha256_slip"


class SlipPasswordHasher(PBKDF2PasswordHasher):
    algorithm = ALGORITHM
    iterations = 30_000

    def verify(self, password, encoded):
        correct = super().verify(password, encoded)
        # Spend the rest of a check with the site's first hasher: Django hardens only hashes made by that one.
        rest = getattr(get_hasher("default"), "iterations", self.iterations) - self.iterations
        if rest > 0:
            self.encode(password, self.salt(), rest)
        return correct
