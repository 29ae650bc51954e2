from django.apps import AppConfig


class IndexingConfig(AppConfig):
    name = "indexing"
    verbose_name = "搜索索引"

    def ready(self) -> None:
        from core.health import check_register
        from indexing import subscribers
        from indexing.health import check_encoder, check_search
        from indexing.selectors import near_duplicates
        from marketplace.selectors import duplicate_finder_register

        subscribers.connect()
        check_register("search", check_search)
        check_register("encoder", check_encoder)
        duplicate_finder_register(near_duplicates)
