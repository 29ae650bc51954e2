from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Our own user model from the first migration, so organisation membership can be added later."""

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
