from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("read/", views.notification_mark_read, name="notification-mark-read"),
    path("channels/", views.channel_list, name="channel-list"),
    path("channels/<uuid:code>/remove/", views.channel_remove, name="channel-remove"),
    path("channels/<uuid:code>/test/", views.channel_test, name="channel-test"),
    path("devices/subscribe/", views.device_subscribe, name="device-subscribe"),
    path("devices/renew/", views.device_renew, name="device-renew"),
    path("devices/<uuid:code>/remove/", views.device_remove, name="device-remove"),
    path("devices/<uuid:code>/test/", views.device_test, name="device-test"),
]
