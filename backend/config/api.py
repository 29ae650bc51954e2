"""Every /api/ route. Each app contributes its urlpatterns here, in one place."""
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core.views import HealthView, api_not_found

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # Last: an unknown /api/ path answers JSON, not the HTML 404 page.
    re_path(r"^.*$", api_not_found),
]
