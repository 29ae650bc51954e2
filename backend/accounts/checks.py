"""Deployment checks (`manage.py check --deploy`) for what accounts rely on."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@register(Tags.security, deploy=True)
def rate_limits_are_counted_in_a_shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Each gunicorn worker and pod with its own counters multiplies every sign-in limit."""
    rates = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {})
    if any(rates.values()) and settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "Sign-in and registration limits are counted per process: the cache is not shared.",
                hint="Set CACHE_URL to the Redis every web process reaches, e.g. redis://redis:6379/2.",
                id="accounts.W001",
            )
        ]
    return []
