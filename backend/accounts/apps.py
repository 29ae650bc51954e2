from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "账户与机构"

    def ready(self) -> None:
        from accounts import checks  # noqa: F401  registers the deployment checks
