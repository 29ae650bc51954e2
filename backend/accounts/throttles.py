"""Rate limits on signing in and registering: a password-guessing script gets 429s, not answers —
per client address, and per account name for failed sign-ins.

Rates are read from settings on every request (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], set from
the environment in base.py), not once at import as DRF's own classes do, so a deployment and a
test can change them. Counters live in the default cache (CACHE_URL): one Redis shared by every
process in production, per process with the embedded local-memory default.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework.exceptions import Throttled
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

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
            logger.warning(
                "rate-limit cache unavailable; %s not throttled", getattr(view, "throttle_scope", "?"), exc_info=True
            )
            return True


class ThrottledAuthMixin:
    # For the sign-in and registration views: a 429 with a Chinese/English message and Retry-After.
    # (A comment, not a docstring: drf-spectacular would publish a docstring as the operations' description.)
    throttle_classes = [ClientAddressThrottle]

    def throttled(self, request, wait) -> None:
        raise TooManyAttempts(wait)


class FailedSignIns:
    """Failed sign-ins per account name, over the "login_account" rate's window.

    The per-address limit alone lets a botnet guess one account's password from many addresses;
    this one stops that. Only failures count (a user who signs in often is never refused), and
    unknown names count like real ones, so the 429 tells nobody whether an account exists.
    """

    SCOPE = "login_account"

    def __init__(self, username: str) -> None:
        digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
        self.key = f"throttle_{self.SCOPE}_{digest}"
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.SCOPE)
        # DRF's own parser of "10/minute" (it reads no instance state), so both limits read alike.
        self.limit, self.window = SimpleRateThrottle.parse_rate(None, rate) if rate else (None, None)

    def _recent(self, now: float) -> list[float]:
        return [t for t in cache.get(self.key, []) if t > now - self.window]

    def check(self) -> None:
        """Raise 429 while the account has had `limit` failures within the window."""
        if self.limit is None:
            return
        try:
            recent = self._recent(time.time())
        except (RedisError, OSError):
            logger.warning("rate-limit cache unavailable; sign-in failures not checked", exc_info=True)
            return
        if len(recent) >= self.limit:
            raise TooManyAttempts(max(1, math.ceil(min(recent) + self.window - time.time())))

    def record(self) -> None:
        if self.limit is None:
            return
        now = time.time()
        try:
            cache.set(self.key, [*self._recent(now), now][-self.limit :], self.window)
        except (RedisError, OSError):
            logger.warning("rate-limit cache unavailable; a failed sign-in was not counted", exc_info=True)
