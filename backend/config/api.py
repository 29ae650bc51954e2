"""Every /api/ route. Each app contributes its routes here, in one place."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from accounts.qualification_views import ConsortiumViewSet, QualificationViewSet
from accounts.views import (
    GrantViewSet,
    MembershipRequestViewSet,
    MeView,
    OrganisationViewSet,
    RegisterView,
    TokenView,
)
from core.views import HealthView, api_not_found
from dashboard.views import (
    DashboardExportViewSet,
    DashboardSummaryView,
    DrilldownExportView,
    DrilldownView,
    MarketplaceStatsView,
    PolicyTargetViewSet,
    QualificationVolumeView,
)
from deals.views import CountingRuleViewSet, DealImportViewSet, DealViewSet
from indexing.views import (
    CapabilityMatchViewSet,
    ChallengeMatchViewSet,
    NeedMatchViewSet,
    RecommendationsView,
    SearchView,
)
from marketplace.question_views import ChallengeQuestionViewSet
from marketplace.views import (
    CapabilityViewSet,
    ChallengeViewSet,
    IndustryViewSet,
    MyBidViewSet,
    NeedViewSet,
)
from notifications.views import NotificationViewSet, UnsubscribeView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("grants", GrantViewSet, basename="grant")
router.register("membership-requests", MembershipRequestViewSet, basename="membership-request")
router.register("qualifications", QualificationViewSet, basename="qualification")
router.register("consortia", ConsortiumViewSet, basename="consortium")
router.register("industries", IndustryViewSet, basename="industry")
router.register("challenges", ChallengeViewSet, basename="challenge")
router.register("needs", NeedViewSet, basename="need")
router.register("capabilities", CapabilityViewSet, basename="capability")
# A posting's matches come from the index: indexing's routes under the marketplace's prefixes.
router.register("challenges", ChallengeMatchViewSet, basename="challenge-match")
router.register("challenges", ChallengeQuestionViewSet, basename="challenge-question")
router.register("needs", NeedMatchViewSet, basename="need-match")
router.register("capabilities", CapabilityMatchViewSet, basename="capability-match")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("deals/imports", DealImportViewSet, basename="deal-import")
router.register("deals/counting-rules", CountingRuleViewSet, basename="counting-rule")
router.register("deals", DealViewSet, basename="deal")
router.register("dashboard/targets", PolicyTargetViewSet, basename="policy-target")
router.register("dashboard/exports", DashboardExportViewSet, basename="dashboard-export")
router.register("bids", MyBidViewSet, basename="bid")

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("auth/register/", RegisterView.as_view(), name="auth-register"),
    path("auth/me/", MeView.as_view(), name="auth-me"),
    path("search/", SearchView.as_view(), name="search"),
    path("recommendations/", RecommendationsView.as_view(), name="recommendations"),
    path("stats/", MarketplaceStatsView.as_view(), name="stats"),
    path("notifications/unsubscribe/", UnsubscribeView.as_view(), name="unsubscribe"),
    path("dashboard/summary/", DashboardSummaryView.as_view(), name="dashboard-summary"),
    path("dashboard/drilldown/", DrilldownView.as_view(), name="dashboard-drilldown"),
    path("dashboard/drilldown/export/", DrilldownExportView.as_view(), name="dashboard-drilldown-export"),
    path("dashboard/qualifications/", QualificationVolumeView.as_view(), name="dashboard-qualifications"),
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Split: the init script is a URL of its own (?script), not inline, for script-src 'self' (base.py).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
    # Last: an unknown /api/ path answers JSON, not the HTML 404 page.
    re_path(r"^.*$", api_not_found),
]
