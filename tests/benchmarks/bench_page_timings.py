"""Time to each main page's content in Chromium, against issue 16's budget of 1.5 s.

    .venv/bin/python tests/benchmarks/bench_page_timings.py [--runs 10] [--url http://127.0.0.1:8000]

Without --url it starts the app as `make run` serves it (dev settings, `runserver`, the embedded
default) on a fresh database in a temporary TECHMATCH_VAR_DIR and loads the demo (seed_demo,
reindex; not timed); DATABASE_URL / CELERY_BROKER_URL / SEARCH_BACKEND in the environment run it
on those services instead (the database must be empty). With --url it measures a server already
running with the demo loaded. It needs the built front end (`make frontend`) and Debian's Chromium.

Every page is opened as the user who would read it, signed in by putting an API token in
localStorage (no sign-in form on the way). A page counts as shown when the element that marks
its main content, filled from the API (a list's first card, a detail's article, the dashboard's
summary), is in the DOM with a size: a MutationObserver installed before the page's own scripts
notes `performance.now()` then, i.e. milliseconds since the navigation began. Each page is read
--runs times cold (a new browser context: empty HTTP cache, as a first visit) and --runs times
warm (the same context again: scripts from the cache, as the next visit). One warm-up pass is not
reported. Prints p50/p95 per page with the navigation's own timings (first byte, DOMContentLoaded)
and the slowest API call it made; asserts nothing: figures, not a gate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_request_budgets import DEMO_PASSWORD, seed
from tests.benchmarks.bench_sqlite_writers import ROOT, percentile, request, sqlite_server

BUDGET_MS = 1500
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TOKEN_KEY = "techmatch.token"  # frontend/src/config/env.ts
SEARCH_QUERY = "陶瓷隔膜 热收缩"
CHALLENGE = "高安全动力电池陶瓷涂覆隔膜研发"  # public, owned by tianneng (backend/demo/originals.py)
ENTERPRISE, INSTITUTE, OFFICIAL = "tianneng", "taihu_lab", "kjj"

# Notes when the page's main content first has a box; `__SELECTOR__` is replaced per page.
WATCH = """
(() => {
  const selector = __SELECTOR__;
  const seen = () => {
    if (window.__shownAt !== undefined) return;
    const element = document.querySelector(selector);
    if (!element) return;
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) {
      window.__shownAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();
"""
TIMINGS = """
(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
  return {
    shown: window.__shownAt ?? performance.now(),
    ttfb: nav.responseStart,
    dcl: nav.domContentLoadedEventEnd,
    api: api.length ? Math.max(...api.map((e) => e.responseEnd - e.startTime)) : 0,
  };
})()
"""


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may name {need}, {challenge}, {deal}
    user: str  # "" for anonymous
    selector: str


PAGES = [
    Page("home", "/", ENTERPRISE, '[aria-labelledby="home-latest"] .ant-list-item'),
    Page("needs list", "/needs", ENTERPRISE, '[data-testid="need-card"]'),
    Page("a need (owner, with matches)", "/needs/{need}", ENTERPRISE, '[data-testid="need-detail"]'),
    Page("capabilities", "/capabilities", INSTITUTE, '[data-testid="capability-card"]'),
    Page("challenges list", "/challenges", INSTITUTE, '[data-testid="challenge-card"]'),
    Page("a challenge", "/challenges/{challenge}", INSTITUTE, '[data-testid="challenge-detail"]'),
    Page("search", "/search?q=" + quote(SEARCH_QUERY), INSTITUTE, '[data-testid="search-hit"]'),
    Page("recommendations", "/recommendations", INSTITUTE, '[data-testid="recommendation"]'),
    Page("deals list", "/deals", OFFICIAL, '[data-testid="deal-row"]'),
    Page("a deal", "/deals/{deal}", OFFICIAL, '[data-testid="deal-detail"]'),
    Page("dashboard", "/dashboard", OFFICIAL, '[data-testid="summary-card"]'),
    Page("targets board", "/dashboard/targets", OFFICIAL, '[data-testid="target-card"]'),
    Page("sign-in", "/login", "", "#main-content form"),
]


def tokens(api: str) -> dict[str, str]:
    found = {"": ""}
    for user in {page.user for page in PAGES if page.user}:
        status, body = request("POST", api + "/auth/token/", {"username": user, "password": DEMO_PASSWORD})
        if status != 200:
            raise RuntimeError(f"signing in {user}: {status} {body}")
        found[user] = body["token"]
    return found


def first(api: str, path: str, token: str, keep=lambda item: True) -> int:
    status, body = request("GET", api + path, token=token)
    if status != 200:
        raise RuntimeError(f"{path}: {status} {body}")
    ids = [item["id"] for item in body["results"] if keep(item)]
    if not ids:
        raise RuntimeError(f"{path}: nothing to open (is the demo loaded?)")
    return ids[0]


def ids(api: str, token: dict[str, str]) -> dict[str, int]:
    status, me = request("GET", api + "/auth/me/", token=token[ENTERPRISE])
    organisation = (me.get("organisation") or {}).get("id") if status == 200 else None

    def owned(item: dict) -> bool:
        return organisation is None or (item.get("organisation") or {}).get("id") == organisation

    return {
        "need": first(api, "/needs/?page_size=100", token[ENTERPRISE], owned),
        "challenge": first(api, "/challenges/?page_size=200", token[INSTITUTE], lambda c: c["title"] == CHALLENGE),
        "deal": first(api, "/deals/", token[OFFICIAL]),
    }


def visit(context, url: str, selector: str, timeout_ms: int) -> dict:
    page = context.new_page()
    try:
        page.add_init_script(WATCH.replace("__SELECTOR__", json.dumps(selector)))
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        # Not wait_for_function: it evaluates a string, which the Content-Security-Policy refuses.
        page.wait_for_selector(selector, state="visible", timeout=timeout_ms)
        return page.evaluate(TIMINGS)
    finally:
        page.close()


def new_context(browser, token: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    if token:
        context.add_init_script(f"window.localStorage.setItem({json.dumps(TOKEN_KEY)}, {json.dumps(token)});")
    return context


def measure(base: str, runs: int, timeout_ms: int) -> dict[tuple[str, str], list[dict]]:
    from playwright.sync_api import sync_playwright

    api = base + "/api"
    token = tokens(api)
    found = ids(api, token)
    samples: dict[tuple[str, str], list[dict]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page in PAGES:
                url = base + page.path.format(**found)
                warm = new_context(browser, token[page.user])
                visit(warm, url, page.selector, timeout_ms)  # warm-up: not reported
                for _ in range(runs):
                    cold = new_context(browser, token[page.user])
                    try:
                        samples.setdefault((page.name, "cold"), []).append(visit(cold, url, page.selector, timeout_ms))
                    finally:
                        cold.close()
                    samples.setdefault((page.name, "warm"), []).append(visit(warm, url, page.selector, timeout_ms))
                warm.close()
                print(f"  {page.name}: done", flush=True)
        finally:
            browser.close()
    return samples


def report(samples: dict[tuple[str, str], list[dict]], runs: int) -> None:
    print(f"\n{runs} runs per page and cache state; ms since navigation start; budget {BUDGET_MS} ms (p95)")
    header = f"{'page':<30} {'cache':<5} {'shown p50':>9} {'p95':>6} {'max':>6} {'TTFB p50':>8} {'DCL p50':>7} {'API p95':>7}  budget"
    print(header)
    print("-" * len(header))
    for (name, cache), rows in samples.items():
        shown = [r["shown"] for r in rows]
        p95 = percentile(shown, 0.95)
        print(
            f"{name:<30} {cache:<5} {percentile(shown, 0.5):9.0f} {p95:6.0f} {max(shown):6.0f}"
            f" {percentile([r['ttfb'] for r in rows], 0.5):8.0f} {percentile([r['dcl'] for r in rows], 0.5):7.0f}"
            f" {percentile([r['api'] for r in rows], 0.95):7.0f}  {'ok' if p95 <= BUDGET_MS else 'OVER'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--url", help="measure this running server (demo loaded) instead of starting one")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a page may take before the run fails")
    args = parser.parse_args()
    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        sys.exit("frontend/dist is not built: run `make frontend` first")
    timeout_ms = int(args.timeout * 1000)
    if args.url:
        samples = measure(args.url.rstrip("/"), args.runs, timeout_ms)
    else:
        # Tokens for three users are taken once; the rate limits are for people, not for this.
        os.environ.update({"TECHMATCH_LOGIN_RATE": "", "TECHMATCH_LOGIN_ACCOUNT_RATE": ""})
        with tempfile.TemporaryDirectory(prefix="techmatch-bench-pages-") as tmp:
            var_dir = Path(tmp)
            print(f"starting runserver in {var_dir}; seed_demo and reindex first …", flush=True)
            database_url = os.environ.get("DATABASE_URL", "")
            with sqlite_server(var_dir, database_url=database_url, before_serve=seed, services=True) as base:
                samples = measure(base, args.runs, timeout_ms)
    report(samples, args.runs)


if __name__ == "__main__":
    main()
