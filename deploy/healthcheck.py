"""Container health check for the web process: GET /api/health/ on this container.

Used by the image's HEALTHCHECK (and so by compose). The slim Python image has no curl, so this
uses the standard library only and imports nothing from Django (it runs every 30 s).

Django rejects a Host header that is not in ALLOWED_HOSTS (400, which would read as "unhealthy"),
so the request carries the first concrete host of DJANGO_ALLOWED_HOSTS. It also says it came over
HTTPS, as the TLS proxy in front would, so that SECURE_SSL_REDIRECT never answers with a 301.
Exit status 0 = healthy (200), 1 = anything else.
"""

from __future__ import annotations

import http.client
import os
import sys


def probe_host(allowed_hosts: str) -> str:
    """The Host header to send: the first usable entry of a DJANGO_ALLOWED_HOSTS value."""
    for raw in allowed_hosts.split(","):
        host = raw.strip().lstrip(".")  # ".example.com" allows example.com and its subdomains
        if host and host != "*":
            return host
    return "localhost"


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    host = probe_host(os.environ.get("DJANGO_ALLOWED_HOSTS", ""))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=4)
    try:
        conn.request("GET", "/api/health/", headers={"Host": host, "X-Forwarded-Proto": "https"})
        status = conn.getresponse().status
    except OSError as exc:
        print(f"health check: cannot reach 127.0.0.1:{port}: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    if status != 200:
        print(f"health check: GET /api/health/ (Host: {host}) answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
