from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "通知"

    def ready(self) -> None:
        from notifications import question_notices, subscribers

        subscribers.connect()
        question_notices.connect()
