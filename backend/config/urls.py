from django.contrib import admin
from django.urls import include, path, re_path

from spa.views import spa_index

urlpatterns = [
    path("api/", include("config.api")),
    path("admin/", admin.site.urls),
    # Client-side routes of the React app; /api/, /admin/ and /static/ never fall through to it.
    re_path(r"^(?!api/|admin/|static/).*$", spa_index, name="spa"),
]
