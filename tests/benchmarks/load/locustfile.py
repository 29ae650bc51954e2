"""TechMatch under a realistic mix: institutes, enterprises and officials, signed in with tokens.

Reads its plan (accounts, posting ids, queries) from the JSON file in LOAD_PLAN, which
run_load.py writes from the database under test (`run_load.py plan`, or the smoke test). Run it
through run_load.py or test_load_smoke.py; by hand:

    LOAD_PLAN=plan.json .venv/bin/locust -f tests/benchmarks/load/locustfile.py --headless \\
        --host http://127.0.0.1:8000 -u 20 -r 4 --run-time 60s --csv out/step

Mix (weights per user class, then per task): 5 institutes, 3 enterprises, 1 official.
- institute: free-text search (4), search with filters (2), challenge (3) / capability (2) / need (1)
  detail, matches of its own capability (2), recommendations (1), a bid on a published challenge
  of another organisation, withdrawn right after so that the one-live-bid-per-organisation rule
  does not turn the next one into a 409 (1);
- enterprise: free-text search (3), search with filters (2), capability (3) / challenge (1) / need
  (1) detail, matches of its own challenge (2);
- official: dashboard summary (2), a drill-down into one of the summary's figures (3), search (1).
Think time between requests: LOAD_WAIT seconds, "min,max" (default 0.5,2). With
LOAD_EVERY_TASK_FIRST set (the smoke test), each user runs every task of its class once after
signing in, then the weighted mix.

A bid answered 409 (another user of the same organisation bid on the same challenge a moment
earlier) is a business outcome, not a failure: it counts in LOAD_EXTRA_OUT's `bid_conflicts`.
Any other status than the expected one, and every 5xx, is a failure. Every request sends
`X-Forwarded-Proto: https`, as production's TLS proxy does (prod settings redirect plain HTTP).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
WAIT = [float(x) for x in os.environ.get("LOAD_WAIT", "0.5,2").split(",")]
COUNTERS: Counter = Counter()  # task types exercised, bid conflicts
_accounts = {role: itertools.cycle(PLAN[role]) for role in ("institutes", "enterprises", "officials")}


@events.quitting.add_listener
def _write_counters(environment, **_kwargs) -> None:
    out = os.environ.get("LOAD_EXTRA_OUT")
    if out:
        Path(out).write_text(json.dumps({"bid_conflicts": COUNTERS["bid_conflict"], "tasks": dict(COUNTERS)}))


class TechMatchUser(FastHttpUser):
    abstract = True
    role = ""
    wait_time = between(*WAIT)

    def on_start(self) -> None:
        self.account = next(_accounts[self.role])
        self.headers = {"X-Forwarded-Proto": "https", "Accept": "application/json"}
        with self.client.post(
            "/api/auth/token/",
            json={"username": self.account["username"], "password": PLAN["password"]},
            headers=self.headers,
            name="/api/auth/token/",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"login {self.account['username']}: {response.status_code} {response.text[:200]}")
                raise StopUser()  # this user stops; the failure is in the stats
            self.headers["Authorization"] = f"Token {response.json()['token']}"
        COUNTERS["login"] += 1
        if os.environ.get("LOAD_EVERY_TASK_FIRST"):  # the smoke test: every task type once, whatever the throughput
            for each in dict.fromkeys(self.tasks):
                each(self)

    # --- helpers ---------------------------------------------------------------------------------

    def get(self, path: str, name: str, params: dict | None = None, *, kind: str):
        url = f"{path}?{urlencode(params, doseq=True)}" if params else path
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return None
            COUNTERS[kind] += 1
            return response.json()

    def query(self) -> str:
        q = random.choice(PLAN["queries"])
        return f"{q} {random.choice(PLAN['qualifiers'])}" if random.random() < 0.1 else q

    # --- shared tasks ------------------------------------------------------------------------------

    def search_text(self) -> None:
        self.get("/api/search/", "/api/search/?q", {"q": self.query()}, kind="search")

    def search_filtered(self) -> None:
        params = {"q": self.query(), "kind": random.choice(["capability", "challenge", "need"])}
        if random.random() < 0.5:
            params["industry"] = random.choice(PLAN["industries"])
        if random.random() < 0.4:
            params["region"] = random.sample(PLAN["regions"], 2)
        if params["kind"] == "capability" and random.random() < 0.5:
            params["trl_min"] = random.randint(4, 7)
        if params["kind"] != "capability" and random.random() < 0.3:
            params["amount_min"] = "500000"
        self.get("/api/search/", "/api/search/?q&filters", params, kind="search_filtered")

    def challenge_detail(self) -> None:
        self.get(
            f"/api/challenges/{random.choice(PLAN['challenges'])}/", "/api/challenges/{id}/", kind="challenge_detail"
        )

    def capability_detail(self) -> None:
        self.get(
            f"/api/capabilities/{random.choice(PLAN['capabilities'])}/",
            "/api/capabilities/{id}/",
            kind="capability_detail",
        )

    def need_detail(self) -> None:
        if PLAN["needs"]:
            self.get(f"/api/needs/{random.choice(PLAN['needs'])}/", "/api/needs/{id}/", kind="need_detail")


class Institute(TechMatchUser):
    role = "institutes"
    weight = 5

    @task(4)
    def t_search_text(self):
        self.search_text()

    @task(2)
    def t_search_filtered(self):
        self.search_filtered()

    @task(3)
    def t_challenge(self):
        self.challenge_detail()

    @task(2)
    def t_capability(self):
        self.capability_detail()

    @task(1)
    def t_need(self):
        self.need_detail()

    @task(2)
    def capability_matches(self):
        capability = random.choice(self.account["capabilities"])
        self.get(
            f"/api/capabilities/{capability}/matches/", "/api/capabilities/{id}/matches/", kind="capability_matches"
        )

    @task(1)
    def recommendations(self):
        self.get("/api/recommendations/", "/api/recommendations/", kind="recommendations")

    @task(1)
    def bid(self):
        mine, live = self.account["organisation"], set(self.account["live_bids"])
        choices = [c for c, owner in PLAN["biddable"] if owner != mine and c not in live]
        if not choices:
            return
        challenge = random.choice(choices)
        body = {
            "proposal": "采用陶瓷涂覆与芳纶复合工艺，兼顾耐热与透气，已有中试线。",
            "approach": "配方优化—涂布工艺—中试验证—装车测试。",
            "price": f"{random.randrange(500_000, 5_000_000, 10_000)}.00",
            "duration_days": random.choice([180, 365, 540]),
            "milestones": [{"title": "小试样品", "due_day": 120, "deliverable": "满足主要指标的样品"}],
        }
        with self.client.post(
            f"/api/challenges/{challenge}/bids/",
            json=body,
            headers=self.headers,
            name="/api/challenges/{id}/bids/",
            catch_response=True,
        ) as response:
            if response.status_code == 409:
                response.success()
                COUNTERS["bid_conflict"] += 1
                return
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            bid = response.json()["id"]
        COUNTERS["bid"] += 1
        with self.client.post(
            f"/api/challenges/{challenge}/bids/{bid}/withdraw/",
            headers=self.headers,
            name="/api/challenges/{id}/bids/{bid}/withdraw/",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
        COUNTERS["bid_withdraw"] += 1


class Enterprise(TechMatchUser):
    role = "enterprises"
    weight = 3

    @task(3)
    def t_search_text(self):
        self.search_text()

    @task(2)
    def t_search_filtered(self):
        self.search_filtered()

    @task(3)
    def t_capability(self):
        self.capability_detail()

    @task(1)
    def t_challenge(self):
        self.challenge_detail()

    @task(1)
    def t_need(self):
        self.need_detail()

    @task(2)
    def challenge_matches(self):
        challenge = random.choice(self.account["challenges"])
        self.get(f"/api/challenges/{challenge}/matches/", "/api/challenges/{id}/matches/", kind="challenge_matches")


class Official(TechMatchUser):
    role = "officials"
    weight = 1
    figures: list[tuple[str, str, int]] = []

    @task(2)
    def summary(self):
        body = self.get(
            "/api/dashboard/summary/", "/api/dashboard/summary/", {"year": PLAN["year"]}, kind="dashboard_summary"
        )
        if body:
            self.figures = [
                (i["figure"], i["key"], i.get("deals", 0))
                for name in ("by_district", "by_industry", "by_contract_type", "by_origin")
                for i in body.get(name, [])
                if i.get("figure") and i.get("deals")
            ]

    @task(3)
    def drilldown(self):
        if not self.figures:
            return self.summary()
        figure, key, deals = random.choice(self.figures)
        params = {"year": PLAN["year"], "figure": figure, "key": key}
        pages = -(-deals // 20)
        if pages > 1 and random.random() < 0.3:  # a later page now and then (officials page through)
            params["page"] = random.randint(2, min(pages, 20))
        self.get("/api/dashboard/drilldown/", "/api/dashboard/drilldown/", params, kind="dashboard_drilldown")

    @task(1)
    def t_search(self):
        self.search_text()
