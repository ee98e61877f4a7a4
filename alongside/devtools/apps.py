from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "alongside.devtools"
    label = "devtools"
    default_auto_field = "django.db.models.BigAutoField"
