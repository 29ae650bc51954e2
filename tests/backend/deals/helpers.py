"""A clock for the ledger's "as of" tests: every write inside `frozen(...)` happens at that moment."""
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

HUZHOU = ZoneInfo("Asia/Shanghai")


def moment(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=HUZHOU)


@contextmanager
def frozen(at: datetime) -> Iterator[None]:
    with mock.patch("django.utils.timezone.now", return_value=at):
        yield
