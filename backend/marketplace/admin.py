"""The operator's back office. Status fields are read-only here: state changes go through the
services (and their history), never through a form."""

from django.contrib import admin

from marketplace.models import Bid, BidPartner, Capability, Challenge, ChallengeTransition, IndustryChain, Need


@admin.register(IndustryChain)
class IndustryChainAdmin(admin.ModelAdmin):
    """The operator keeps the official list: which chains are the policy's eight, and where each
    other chain counts (a policy chain, or 其他 when left empty)."""

    list_display = ["name", "code", "is_policy_chain", "maps_to", "is_active", "sort_order"]
    list_editable = ["is_policy_chain", "maps_to", "is_active", "sort_order"]
    list_filter = ["is_policy_chain", "is_active"]
    search_fields = ["name", "code"]


class ChallengeTransitionInline(admin.TabularInline):
    model = ChallengeTransition
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "by", "by_role", "by_organisation", "at", "reason"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "industry",
        "list_type",
        "mode",
        "bounty",
        "status",
        "bid_deadline",
        "confidentiality",
    ]
    list_filter = ["status", "mode", "list_type", "funding_mode", "confidentiality", "industry", "organisation__region"]
    search_fields = ["title", "summary", "organisation__name"]
    date_hierarchy = "created_at"
    # key_project is the officials' designation and landmark the acceptance's mark (services only).
    readonly_fields = [
        "status",
        "published_at",
        "key_project",
        "key_project_by",
        "key_project_at",
        "landmark",
        "created_at",
        "updated_at",
    ]
    autocomplete_fields = ["organisation", "invited"]
    inlines = [ChallengeTransitionInline]


class BidPartnerInline(admin.TabularInline):
    model = BidPartner
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = [
        "state",
        "decided_by",
        "decided_at",
    ]  # only the partner answers (services.bid_partner_accept/decline)


@admin.register(Bid)
class BidAdmin(admin.ModelAdmin):
    list_display = ["challenge", "organisation", "price", "duration_days", "status", "created_at"]
    list_filter = ["status", "challenge__mode"]
    search_fields = ["challenge__title", "organisation__name"]
    readonly_fields = ["status", "created_at", "updated_at"]
    autocomplete_fields = ["challenge", "organisation"]
    inlines = [BidPartnerInline]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "industry",
        "cooperation_type",
        "budget_min",
        "budget_max",
        "status",
        "created_at",
    ]
    list_filter = ["status", "cooperation_type", "industry", "organisation__region"]
    search_fields = ["title", "description", "organisation__name"]
    readonly_fields = ["status", "created_at", "updated_at"]
    autocomplete_fields = ["organisation"]


@admin.register(Capability)
class CapabilityAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "industry", "kind", "trl", "status", "created_at"]
    list_filter = ["status", "kind", "trl", "industry", "organisation__region"]
    search_fields = ["title", "description", "organisation__name"]
    readonly_fields = ["status", "created_at", "updated_at"]
    autocomplete_fields = ["organisation"]
