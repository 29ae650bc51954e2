from django.contrib import admin

from dashboard.models import PolicyTarget, TargetProgress


class TargetProgressInline(admin.TabularInline):
    model = TargetProgress
    extra = 0
    can_delete = False
    fields = ["value", "as_of", "note", "by", "at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PolicyTarget)
class PolicyTargetAdmin(admin.ModelAdmin):
    """Targets are policy data: the operator may correct their wording; progress goes through the API."""

    list_display = ["name", "group", "target_text", "target_value", "unit", "direction", "year"]
    list_filter = ["group"]
    search_fields = ["name", "group"]
    inlines = [TargetProgressInline]

    def has_delete_permission(self, request, obj=None):
        return False
