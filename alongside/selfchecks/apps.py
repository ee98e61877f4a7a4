from django.apps import AppConfig


class SelfchecksConfig(AppConfig):
    name = "alongside.selfchecks"
    verbose_name = "Self-checks"
