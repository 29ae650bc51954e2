from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User
from accounts.services import organisation_verify


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "institute_type", "region", "uscc", "verification", "verified_at", "created_at"]
    list_filter = ["kind", "institute_type", "region", "verification"]
    search_fields = ["name", "uscc"]
    readonly_fields = ["verification", "verified_at", "verified_by", "created_at", "updated_at"]
    actions = ["approve", "reject"]

    @admin.action(description=_("认证通过所选机构"))
    def approve(self, request, queryset):
        for org in queryset:
            organisation_verify(organisation=org, by=request.user, approved=True, note=_("管理后台批量认证"))
        self.message_user(request, _("已认证 %d 家机构") % queryset.count(), messages.SUCCESS)

    @admin.action(description=_("驳回所选机构的认证"))
    def reject(self, request, queryset):
        for org in queryset:
            organisation_verify(organisation=org, by=request.user, approved=False, note=_("管理后台驳回"))
        self.message_user(request, _("已驳回 %d 家机构") % queryset.count(), messages.WARNING)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "organisation", "org_role", "is_staff", "is_active"]
    list_filter = ["org_role", "organisation__kind", "is_staff", "is_active"]
    search_fields = ["username", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("机构"), {"fields": ("organisation", "org_role")}),)
