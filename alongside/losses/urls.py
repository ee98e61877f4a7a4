from django.urls import path

from . import views

app_name = "losses"

urlpatterns = [
    path("new/", views.loss_new, name="loss-new"),
    path("join/", views.join, name="join"),
    path("join/<str:join_code>/", views.join, name="join-code"),
    path("offers/<uuid:code>/", views.offer, name="offer"),
    path("<uuid:code>/", views.loss_detail, name="loss-detail"),
    path("<uuid:code>/add/", views.loss_add, name="loss-add"),
    path("<uuid:code>/pause/", views.pause, name="pause"),
    path("<uuid:code>/debrief/", views.debrief, name="debrief"),
    path("feed/", views.feed_settings, name="feed"),
    path("action-points/", views.action_point_list, name="action-point-list"),
    path("action-points/<uuid:code>/close/", views.action_point_close, name="action-point-close"),
]
