"""Sign-in with a username or a phone number, refused while locked out or slowed down (learners.lockout)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import lockout
from .selectors import user_by_login


class PhoneOrUsernameBackend(ModelBackend):
    """Used by every sign-in form (the site's and Wagtail's), so lockout covers them all."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = user_by_login(identifier=username)
        key = lockout.account_key(user=user, identifier=username)
        if request is not None:
            request._signin_attempt = (key, user)  # the failed-sign-in signal counts against the same key
        refusal = lockout.refusal(key=key, request=request)
        if refusal is not None:
            if request is not None:
                request._signin_refusal = refusal
            # PermissionDenied stops Django trying other backends; the signal sees the refusal and counts nothing.
            raise PermissionDenied
        if user is None:
            # Spend the time a real check takes, so response times do not reveal which accounts exist.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
