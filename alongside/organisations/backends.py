"""The authentication backend: allauth's, loading the person with their membership."""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend

from .queries import active_membership_with_user

MEMBERSHIP_ATTRIBUTE = "_alongside_membership"


class MemberBackend(AuthenticationBackend):
    """Every signed-in request loads the user; this loads their active membership and its
    organisation in the same query, for organisations.middleware to use."""

    def get_user(self, user_id: Any) -> Any:
        membership = active_membership_with_user(user_id)
        if membership is None:
            return super().get_user(user_id)
        user = membership.user
        if not self.user_can_authenticate(user):
            return None
        setattr(user, MEMBERSHIP_ATTRIBUTE, membership)
        return user
