"""Rate limits on signing in and registering: a password-guessing script gets 429s, not answers.

Rates are read from settings on every request (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], set from
the environment in base.py), not once at import as DRF's own classes do, so a deployment and a
test can change them. Counters live in the default cache (CACHE_URL): one Redis shared by every
process in production, per process with the embedded local-memory default.
"""
from __future__ import annotations

import logging

from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework.exceptions import Throttled
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

logger = logging.getLogger(__name__)


class TooManyAttempts(Throttled):
    default_detail = _("尝试次数过多，请稍后再试。")
    extra_detail_singular = extra_detail_plural = _("请在 {wait} 秒后重试。")
    default_code = "throttled"


class ClientAddressThrottle(ScopedRateThrottle):
    """Counts requests per client address (REMOTE_ADDR, or the address NUM_PROXIES trusted proxies
    put in X-Forwarded-For) for the view's `throttle_scope`."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view) -> str:
        # Per address even for a signed-in caller: the scope guards the credential check itself.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError):
            # Fail open: a cache outage must not lock everybody out; the password check still runs.
            logger.warning("rate-limit cache unavailable; %s not throttled", getattr(view, "throttle_scope", "?"), exc_info=True)
            return True


class ThrottledAuthMixin:
    # For the sign-in and registration views: a 429 with a Chinese/English message and Retry-After.
    # (A comment, not a docstring: drf-spectacular would publish a docstring as the operations' description.)
    throttle_classes = [ClientAddressThrottle]

    def throttled(self, request, wait) -> None:
        raise TooManyAttempts(wait)
