"""The ledger in the back office: read-only. Contracts change through the API's services (and
their ledger entries), never through a form; nothing can be deleted."""

from django.contrib import admin

from deals.models import CountingRule, Deal, DealEntry, DealImport


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DealEntryInline(admin.TabularInline):
    model = DealEntry
    extra = 0
    can_delete = False
    fields = ["kind", "at", "by", "reason", "status", "contract_amount", "technical_amount", "registered_on", "changes"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Deal)
class DealAdmin(ReadOnlyAdmin):
    list_display = [
        "contract_number",
        "title",
        "contract_type",
        "buyer_name",
        "seller_name",
        "technical_amount",
        "registered_on",
        "status",
        "origin",
    ]
    list_filter = ["status", "contract_type", "origin", "industry", "buyer_region", "seller_region"]
    search_fields = [
        "contract_number",
        "title",
        "buyer_name",
        "seller_name",
        "buyer_uscc",
        "seller_uscc",
        "registration_number",
    ]
    date_hierarchy = "signed_on"
    inlines = [DealEntryInline]


@admin.register(DealImport)
class DealImportAdmin(ReadOnlyAdmin):
    list_display = [
        "file_name",
        "status",
        "total_rows",
        "created_count",
        "registered_count",
        "unchanged_count",
        "error_count",
        "created_by",
        "created_at",
    ]
    list_filter = ["status", "file_format"]
    exclude = ["content"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")


@admin.register(CountingRule)
class CountingRuleAdmin(ReadOnlyAdmin):
    list_display = [
        "year",
        "version",
        "target_amount",
        "date_field",
        "amount_field",
        "require_huzhou_party",
        "created_at",
        "created_by",
    ]
    list_filter = ["year"]
