from django.apps import AppConfig


class LossesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.losses"
    verbose_name = "Losses"
