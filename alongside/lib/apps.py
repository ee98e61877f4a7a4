from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "alongside.lib"
    label = "lib"
    default_auto_field = "django.db.models.BigAutoField"
