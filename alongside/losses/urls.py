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
]
