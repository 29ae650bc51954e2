"""Writes of the dashboard: progress readings of the policy targets (append-only)."""
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from dashboard.models import PolicyTarget, TargetProgress
from deals.permissions import require_dashboard


@transaction.atomic
def target_progress_add(*, target: PolicyTarget, by: User, value: Decimal, as_of: date, note: str = "") -> TargetProgress:
    require_dashboard(by)
    if as_of > timezone.localdate():
        raise ValidationError({"as_of": _("统计截至日期不能晚于今天")})
    progress = TargetProgress(target=target, by=by, value=value, as_of=as_of, note=note, at=timezone.now())
    progress.full_clean()
    progress.save()
    return progress
