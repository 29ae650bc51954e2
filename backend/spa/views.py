from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

NOT_BUILT = (
    "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>TechMatch</title>"
    "<h1>前端尚未构建 / Front end not built</h1>"
    "<p>运行 <code>make run</code>（或在 frontend/ 下运行 <code>npm ci &amp;&amp; npm run build</code>）。</p>"
    "<p>API: <a href='/api/health/'>/api/health/</a> · <a href='/api/docs/'>/api/docs/</a></p></html>"
)


@require_GET
def spa_index(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """index.html for every client-side route; the React router takes it from there."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        return HttpResponse(NOT_BUILT, status=503)
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # index.html names the hashed bundles: always revalidate
    return response
