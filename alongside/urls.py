from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from alongside.accounts import views as account_views
from alongside.api import api
from alongside.notifications import views as notification_views
from alongside.organisations import views as organisation_views

# The Django admin signs in through allauth, so its rate limits and two-step sign-in apply.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", organisation_views.home, name="home"),
    path("help/", organisation_views.help_now, name="help"),
    path("privacy/", organisation_views.privacy, name="privacy"),
    path("no-organisation/", organisation_views.no_organisation, name="no-organisation"),
    path("language/", account_views.set_language, name="set-language"),
    path("organisation/", include("alongside.organisations.urls", namespace="organisations")),
    path("organisation/audit/", include("alongside.audit.urls", namespace="audit")),
    path("support/", include("alongside.support_requests.urls", namespace="support_requests")),
    path("check-ins/", include("alongside.followups.urls", namespace="followups")),
    path("self-checks/", include("alongside.selfchecks.urls", namespace="selfchecks")),
    path("losses/", include("alongside.losses.urls", namespace="losses")),
    path("journal/", include("alongside.journal.urls", namespace="journal")),
    path("stories/", include("alongside.stories.urls", namespace="stories")),
    path("notifications/", include("alongside.notifications.urls", namespace="notifications")),
    path("api/v1/", api.urls),
    path("accounts/", include("alongside.accounts.urls", namespace="accounts")),
    path("accounts/", include("allauth.urls")),
    path("manifest.webmanifest", notification_views.manifest, name="manifest"),
    path("sw.js", notification_views.service_worker, name="service-worker"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    path("admin/", admin.site.urls),
]
