from django.urls import path

from . import views

app_name = "support_requests"

urlpatterns = [
    path("ask/", views.request_new, name="request-new"),
    path("requests/<uuid:code>/", views.request_detail, name="request-detail"),
    path("requests/<uuid:code>/withdraw/", views.request_withdraw, name="request-withdraw"),
    path("pages/", views.page_list, name="page-list"),
    path("respond/<uuid:code>/", views.respond, name="respond"),
    path("respond/<uuid:code>/talked/", views.encounter, name="encounter"),
    path("programme/", views.programme, name="programme"),
    path("rota/", views.rota, name="rota"),
    path("rota/<uuid:code>/remove/", views.shift_remove, name="shift-remove"),
    path("availability/", views.availability, name="availability"),
    path("availability/<uuid:code>/remove/", views.time_off_remove, name="time-off-remove"),
    path("availability/calendar/", views.calendar_feed_create, name="calendar-feed-create"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    path("coverage/", views.coverage, name="coverage"),
]
