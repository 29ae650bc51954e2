from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with a message from our catalog: Django 5.2 reworded its own and the Chinese
    catalog it ships still translates the old wording, so Chinese users were told in English."""

    def get_error_message(self) -> str:
        return _("该密码太短，至少需要 %(n)d 个字符。") % {"n": self.min_length}
