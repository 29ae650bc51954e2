"""`make audit` (.ci/audit.py): the allowance list is well formed and documented, npm's report is
read right, and an advisory service that cannot be used is reported as not audited, never as a pass."""

import importlib.util
import json
import subprocess

import pytest

from tests.services import REPO_DIR

spec = importlib.util.spec_from_file_location("ci_audit", REPO_DIR / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

NPM_REPORT = {
    "auditReportVersion": 2,
    "vulnerabilities": {
        "axios": {
            "name": "axios",
            "severity": "high",
            "via": [
                {
                    "source": 1097679,
                    "name": "axios",
                    "title": "Server-Side Request Forgery in axios",
                    "severity": "high",
                    "url": "https://github.com/advisories/GHSA-8hc4-vh64-cxmj",
                    "range": ">=1.3.2 <=1.7.3",
                }
            ],
        },
        "follow-redirects": {
            "name": "follow-redirects",
            "severity": "moderate",
            "via": [
                {
                    "source": 1096856,
                    "name": "follow-redirects",
                    "title": "Proxy-Authorization header kept",
                    "severity": "moderate",
                    "url": "https://github.com/advisories/GHSA-cxjh-pqwp-8mfp",
                }
            ],
        },
        "some-wrapper": {"name": "some-wrapper", "severity": "high", "via": ["axios"]},
    },
    "metadata": {"vulnerabilities": {"high": 2, "moderate": 1}},
}


def test_the_allowance_list_parses_and_every_entry_has_a_reason():
    assert set(audit.allowed()) == {"pypi", "npm"}


def test_a_line_without_a_reason_is_refused(tmp_path, monkeypatch):
    listing = tmp_path / "allow.txt"
    listing.write_text("npm GHSA-8hc4-vh64-cxmj\n", encoding="utf-8")
    monkeypatch.setattr(audit, "ALLOWLIST", listing)

    with pytest.raises(SystemExit, match="expected `pypi|npm <advisory id> <reason>`"):
        audit.allowed()


def test_npm_advisories_at_high_or_critical_are_found_by_their_ghsa_id():
    assert audit.npm_advisories(NPM_REPORT) == [
        ("GHSA-8hc4-vh64-cxmj", "axios", "high", "Server-Side Request Forgery in axios")
    ]


@pytest.mark.parametrize(
    ("stdout", "allow", "outcome"),
    [
        (json.dumps(NPM_REPORT), set(), audit.VULNERABLE),
        (json.dumps(NPM_REPORT), {"GHSA-8hc4-vh64-cxmj"}, audit.OK),
        (json.dumps({"vulnerabilities": {}, "metadata": {}}), set(), audit.OK),
        (
            json.dumps(
                {
                    "message": "audit endpoint returned an error",
                    "error": {"code": "E405", "summary": "405 Method Not Allowed"},
                }
            ),
            set(),
            audit.UNREACHABLE,
        ),
        ("", set(), audit.UNREACHABLE),
    ],
)
def test_npm_audit_passes_only_on_a_report_without_unallowed_advisories(monkeypatch, stdout, allow, outcome):
    monkeypatch.setattr(
        audit.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1, stdout=stdout, stderr="")
    )

    assert audit.npm_audit(allow) == outcome


@pytest.mark.parametrize(
    ("returncode", "stdout", "stderr", "outcome"),
    [
        (0, "", "", audit.OK),
        (
            1,
            "",
            "ERROR:pip_audit._cli:amqp: Dependency not found on PyPI and could not be audited: amqp (5.4.2)",
            audit.UNREACHABLE,
        ),
        (1, "", "requests.exceptions.ConnectionError: Failed to resolve 'api.osv.dev'", audit.UNREACHABLE),
        (1, "Found 1 known vulnerability in 1 package\njinja2 3.1.3 PYSEC-2024-1 3.1.4\n", "", audit.VULNERABLE),
    ],
)
def test_pip_audit_that_could_not_look_is_not_a_pass(monkeypatch, returncode, stdout, stderr, outcome):
    monkeypatch.setattr(
        audit.subprocess,
        "run",
        lambda *a, **k: subprocess.CompletedProcess(a, returncode, stdout=stdout, stderr=stderr),
    )

    assert audit.python_audit(set()) == outcome


@pytest.mark.parametrize(
    ("results", "code"),
    [
        ((audit.OK, audit.OK), 0),
        ((audit.OK, audit.UNREACHABLE), 3),  # reported as NOT AUDITED by .ci/run
        ((audit.VULNERABLE, audit.UNREACHABLE), 1),  # a finding fails the build
    ],
)
def test_the_exit_code_separates_findings_from_not_looking(monkeypatch, results, code):
    monkeypatch.setattr(audit, "python_audit", lambda allow: results[0])
    monkeypatch.setattr(audit, "npm_audit", lambda allow: results[1])

    assert audit.main() == code


def test_pip_audit_is_strict_and_told_the_allowances(monkeypatch):
    seen = {}

    def run(command, **kwargs):
        seen["command"] = command
        return subprocess.CompletedProcess(command, 0, stdout="No known vulnerabilities found\n", stderr="")

    monkeypatch.setattr(audit.subprocess, "run", run)
    audit.python_audit({"PYSEC-2026-1"})

    assert "--strict" in seen["command"] and seen["command"][-2:] == ["--ignore-vuln", "PYSEC-2026-1"]


def test_switching_the_audit_off_says_so(monkeypatch, capsys):
    monkeypatch.setenv("TECHMATCH_AUDIT", "off")

    assert audit.main() == 0
    assert "SKIPPED" in capsys.readouterr().err
