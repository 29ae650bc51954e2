from types import SimpleNamespace

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditEntry, Grant, InnovationConsortium, Organisation, Qualification, User
from accounts.services import grant_add, grant_check, grant_revoke, organisation_verify
from accounts.throttles import ClientAddressThrottle, FailedSignIns, TooManyAttempts


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    """/admin/login/ under the API's sign-in limits: the same per-address counter ("login") and the
    same per-account failure count, so the admin page is no way around them."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        throttle = ClientAddressThrottle()
        if not throttle.allow_request(self.request, SimpleNamespace(throttle_scope="login")):
            raise ValidationError(TooManyAttempts.default_detail, code="throttled")
        failures = FailedSignIns(username)
        try:
            failures.check()
        except TooManyAttempts as exc:
            raise ValidationError(exc.detail, code="throttled") from None
        try:
            return super().clean()
        except ValidationError:
            failures.record()
            raise


admin.site.login_form = ThrottledAdminAuthenticationForm


class ReadOnlyAdmin(admin.ModelAdmin):
    """Powers change only through the operator's API (accounts.services), which audits them."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class GrantAddForm(forms.ModelForm):
    class Meta:
        model = Grant
        fields = ["user", "power", "district", "reason"]

    def clean(self):
        data = super().clean()
        if data.get("user") and data.get("power"):
            grant_check(user=data["user"], power=data["power"], district=data.get("district", ""))
        return data


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    """The operator's page for powers: adding goes through grant_add, revoking through grant_revoke
    (both audited); a grant is never edited or deleted."""

    list_display = ["user", "power", "district", "granted_by", "granted_at", "revoked_at", "revoked_by"]
    list_filter = ["power", "district"]
    search_fields = ["user__username", "user__organisation__name"]
    autocomplete_fields = ["user"]
    actions = ["revoke"]

    def get_form(self, request, obj=None, **kwargs):
        return GrantAddForm if obj is None else super().get_form(request, obj, **kwargs)

    def has_add_permission(self, request) -> bool:
        return request.user.is_operator

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and request.user.is_operator  # the list and its actions; no editing

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        obj.pk = grant_add(
            user=data["user"],
            power=data["power"],
            district=data.get("district", ""),
            by=request.user,
            reason=data["reason"],
        ).pk

    @admin.action(description=_("撤销所选权限"))
    def revoke(self, request, queryset):
        live = queryset.filter(revoked_at__isnull=True)
        count = live.count()
        for grant in live:
            grant_revoke(grant=grant, by=request.user, reason=_("管理后台撤销"))
        self.message_user(request, _("已撤销 %d 项权限") % count, messages.WARNING)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "organisation", "user", "reason"]
    list_filter = ["action"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "institute_type", "region", "uscc", "verification", "verified_at", "created_at"]
    list_filter = ["kind", "institute_type", "region", "verification"]
    search_fields = ["name", "uscc"]
    # kind decides its members' powers: changed through the API (PATCH with a reason), audited.
    readonly_fields = [
        "kind",
        "verification",
        "verified_at",
        "verified_by",
        "verification_note",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # POST /api/organisations/ (operator): verified and audited

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


@admin.register(Qualification)
class QualificationAdmin(admin.ModelAdmin):
    """Corrections by the operator; officials record and import through the API (accounts.qualifications)."""

    list_display = ["name", "uscc", "kind", "valid_from", "valid_until", "source"]
    list_filter = ["kind"]
    search_fields = ["name", "uscc", "certificate_number"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(InnovationConsortium)
class InnovationConsortiumAdmin(admin.ModelAdmin):
    list_display = ["name", "lead", "established_on", "source"]
    search_fields = ["name", "lead__name"]
    autocomplete_fields = ["lead", "members"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
