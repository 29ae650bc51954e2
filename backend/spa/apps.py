from django.apps import AppConfig


class SpaConfig(AppConfig):
    name = "spa"
    verbose_name = "前端应用"
