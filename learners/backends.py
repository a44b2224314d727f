"""Sign-in with a username or a phone number, refused while locked out or slowed down (learners.lockout)."""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import connection

from core.rows import fetch_one, select_columns

from . import lockout
from .selectors import user_by_login


@functools.cache
def _user_sql(model, vendor: str) -> str:
    """Built once per process and database vendor: names come from the model's _meta, never from input."""
    q = connection.ops.quote_name
    return f"SELECT {select_columns(model)} FROM {q(model._meta.db_table)} WHERE {q(model._meta.pk.column)} = %s"  # noqa: S608


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

    def get_user(self, user_id):
        """The signed-in account, loaded on every request: with ready-made SQL rather than a query the ORM
        builds each time (see core.sessions for why that matters on the quiz-submission path)."""
        User = get_user_model()
        try:
            user = fetch_one(User, _user_sql(User, connection.vendor), [int(user_id)])
        except (TypeError, ValueError):
            return None
        return user if user is not None and self.user_can_authenticate(user) else None
