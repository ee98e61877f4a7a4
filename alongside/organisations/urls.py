from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("members/", views.member_list, name="member-list"),
    path("members/<uuid:code>/", views.member_detail, name="member-detail"),
    path("members/<uuid:code>/deactivate/", views.member_deactivate, name="member-deactivate"),
    path("members/<uuid:code>/reactivate/", views.member_reactivate, name="member-reactivate"),
    path("invitations/<uuid:code>/revoke/", views.invitation_revoke, name="invitation-revoke"),
    path("units/", views.unit_list, name="unit-list"),
    path("units/<uuid:code>/", views.unit_detail, name="unit-detail"),
    path("resources/", views.resource_list, name="resource-list"),
    path("resources/<uuid:code>/", views.resource_detail, name="resource-detail"),
    path("settings/", views.organisation_settings, name="settings"),
    path("sso/", views.organisation_sso, name="sso"),
    # Open to anyone holding the signed link (the signature is the access check).
    path("join/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
