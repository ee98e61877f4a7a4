"""Run inside the identity provider: one staff account and one client (Alongside)."""

import os

from allauth.account.models import EmailAddress
from allauth.idp.oidc.models import Client
from django.contrib.auth import get_user_model

user = get_user_model().objects.create_user(
    username="rosa",
    email=os.environ["IDP_USER_EMAIL"],
    password=os.environ["IDP_USER_PASSWORD"],
    first_name="Rosa",
    last_name="Alvarez",
)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
client = Client(id=os.environ["IDP_CLIENT_ID"], name="Alongside", skip_consent=True)
client.set_secret(os.environ["IDP_CLIENT_SECRET"])
client.set_redirect_uris([os.environ["IDP_REDIRECT_URI"]])
client.set_scopes(["openid", "profile", "email"])
client.save()
