from django.apps import AppConfig


class SupportRequestsConfig(AppConfig):
    name = "alongside.support_requests"
    label = "support_requests"
    default_auto_field = "django.db.models.BigAutoField"
