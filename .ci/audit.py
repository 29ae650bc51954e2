"""Dependency audit: the Python environment with pip-audit, the front end's runtime packages with
npm audit. `make audit` runs it; .ci/run calls that after `make test`.

Exit 1 on any known vulnerability not in .ci/audit-allowlist.txt. Exit 3 when an advisory
database cannot be reached or a package cannot be looked up: an audit that could not look is not a
pass, and says so, but it is not a finding either — .ci/run reports it as NOT AUDITED in its
summary line instead of failing the build (the CI machines reach the package registries but not
the advisory services). TECHMATCH_AUDIT=off skips it, loudly.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALLOWLIST = REPO / ".ci" / "audit-allowlist.txt"
NPM_LEVELS = ("high", "critical")  # npm audit --audit-level=high


def allowed() -> dict[str, set[str]]:
    """{"pypi": {ids}, "npm": {ids}} from lines `pypi|npm <advisory id> <reason...>`."""
    found: dict[str, set[str]] = {"pypi": set(), "npm": set()}
    for number, line in enumerate(ALLOWLIST.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        if len(parts) < 3 or parts[0] not in found:
            sys.exit(f"{ALLOWLIST.name}:{number}: expected `pypi|npm <advisory id> <reason>`, got {line!r}")
        found[parts[0]].add(parts[1])
    return found


OK, VULNERABLE, UNREACHABLE = "ok", "vulnerable", "unreachable"


def python_audit(allow: set[str]) -> str:
    print("== pip-audit (PyPI advisory data) over the project's virtualenv", flush=True)
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--strict",
        "--skip-editable",
        "--progress-spinner",
        "off",
        "--desc",
        "off",
    ]
    command += [arg for vuln in sorted(allow) for arg in ("--ignore-vuln", vuln)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    if result.returncode == 0:
        print("pip-audit: no known vulnerabilities" + (f" (allowed: {', '.join(sorted(allow))})" if allow else ""))
        return OK
    unreachable = re.search(r"not found on PyPI|ConnectionError|Max retries|Failed to resolve|timed out", result.stderr)
    print(result.stderr[-3000:], file=sys.stderr)
    if unreachable and "Found " not in result.stdout:
        print(
            "pip-audit: the advisory service could not be reached or could not look packages up; "
            "the environment is NOT audited",
            file=sys.stderr,
        )
        return UNREACHABLE
    print(
        "pip-audit FAILED: known vulnerabilities above (fix, or allow in .ci/audit-allowlist.txt with a reason)",
        file=sys.stderr,
    )
    return VULNERABLE


def npm_advisories(report: dict) -> list[tuple[str, str, str, str]]:
    """(advisory id, package, severity, title) of every advisory at or above NPM_LEVELS."""
    found = []
    for name, entry in report.get("vulnerabilities", {}).items():
        for via in entry.get("via", []):
            if isinstance(via, dict) and via.get("severity") in NPM_LEVELS:
                advisory = (via.get("url") or "").rstrip("/").rsplit("/", 1)[-1] or str(via.get("source"))
                found.append((advisory, name, via["severity"], via.get("title", "")))
    return sorted(set(found))


def npm_audit(allow: set[str]) -> str:
    print("== npm audit (registry advisory data) over the front end's runtime dependencies", flush=True)
    result = subprocess.run(
        ["npm", "audit", "--omit=dev", "--json"], cwd=REPO / "frontend", capture_output=True, text=True
    )
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        report = {"error": {"summary": result.stdout[-500:]}}
    if "error" in report or "vulnerabilities" not in report:
        error = report.get("error", {})
        print(
            f"npm audit: the registry's advisory endpoint could not be used "
            f"({error.get('code', '')} {error.get('summary', '') or result.stderr.strip()[-300:]}); the front end is NOT audited",
            file=sys.stderr,
        )
        return UNREACHABLE
    blocking = [a for a in npm_advisories(report) if a[0] not in allow]
    for advisory, name, severity, title in npm_advisories(report):
        print(f"  {severity:8} {name}: {title} ({advisory}){'  [allowed]' if advisory in allow else ''}")
    if blocking:
        print(
            f"npm audit FAILED: {len(blocking)} advisories at {'/'.join(NPM_LEVELS)} "
            "(fix, or allow in .ci/audit-allowlist.txt with a reason)",
            file=sys.stderr,
        )
        return VULNERABLE
    print(f"npm audit: nothing at {'/'.join(NPM_LEVELS)} in runtime dependencies")
    return OK


def main() -> int:
    if os.environ.get("TECHMATCH_AUDIT", "").lower() == "off":
        print("!! dependency audit SKIPPED (TECHMATCH_AUDIT=off): nothing was audited", file=sys.stderr)
        return 0
    allow = allowed()
    results = [python_audit(allow["pypi"]), npm_audit(allow["npm"])]
    if VULNERABLE in results:
        return 1
    return 3 if UNREACHABLE in results else 0


if __name__ == "__main__":
    sys.exit(main())
