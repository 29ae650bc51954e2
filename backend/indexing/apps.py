from django.apps import AppConfig


class IndexingConfig(AppConfig):
    name = "indexing"
    verbose_name = "搜索索引"

    def ready(self) -> None:
        from indexing import subscribers

        subscribers.connect()
