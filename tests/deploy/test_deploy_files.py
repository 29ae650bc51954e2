"""The deployment files in deploy/ agree with each other, with the settings and with pyproject.toml.

Nothing here needs Django, Docker or a cluster: the files are parsed (YAML, TOML, the settings'
Python source with `ast`, the Dockerfile line by line) and compared. The one thing that runs is
deploy/healthcheck.py, against a throw-away HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import ast
import http.server
import importlib.util
import json
import os
import re
import shlex
import stat
import subprocess
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
START = DEPLOY / "start"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
SETTINGS_DIR = ROOT / "backend" / "config"
PYPROJECT = ROOT / "pyproject.toml"

# deploy/Dockerfile copies the repository to this directory of the image (WORKDIR /app), so an
# absolute path in the image maps to ROOT / <path below /app>.
IMAGE_APP_DIR = "/app"
START_SCRIPTS = ("web", "worker", "beat")
APP_SERVICES = ("web", "worker", "beat")

# Variables read by the official images of the services, allowed for those services only.
POSTGRES_IMAGE_VARS = {
    "POSTGRES_USER",
    "POSTGRES_PASSWORD",
    "POSTGRES_DB",
    "POSTGRES_INITDB_ARGS",
    "POSTGRES_INITDB_WALDIR",
    "POSTGRES_HOST_AUTH_METHOD",
    "POSTGRES_PASSWORD_FILE",
    "PGDATA",
}
ELASTICSEARCH_IMAGE_VARS = {
    "discovery.type",
    "cluster.name",
    "node.name",
    "bootstrap.memory_lock",
    "ES_JAVA_OPTS",
    "ELASTIC_PASSWORD",
    "xpack.security.enabled",
    "xpack.security.http.ssl.enabled",
    "xpack.security.transport.ssl.enabled",
    "xpack.license.self_generated.type",
    "xpack.ml.enabled",
    "cluster.routing.allocation.disk.threshold_enabled",
}
# Set by the Dockerfile for Python and pip themselves, not for the application.
IMAGE_RUNTIME_VARS = {
    "PATH",
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONUNBUFFERED",
    "PIP_NO_CACHE_DIR",
    "PIP_DISABLE_PIP_VERSION_CHECK",
}

# Methods of environ.Env that read a variable with a default name when called without one.
ENV_METHOD_DEFAULT_VAR = {
    "db": "DATABASE_URL",
    "db_url": "DATABASE_URL",
    "email": "EMAIL_URL",
    "email_url": "EMAIL_URL",
    "cache": "CACHE_URL",
    "cache_url": "CACHE_URL",
    "search_url": "SEARCH_URL",
}
ENV_NON_READING_METHODS = {"read_env", "smart_cast", "parse_value", "get_value", "escape_proxy"}


# --- helpers: files --------------------------------------------------------------------------


def yaml_files() -> list[Path]:
    skip = {"target", "node_modules"}
    return sorted(
        p
        for p in DEPLOY.rglob("*")
        if p.suffix in {".yaml", ".yml"} and p.is_file() and not skip & set(p.relative_to(DEPLOY).parts)
    )


def load_all(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def k8s_docs() -> list[tuple[Path, dict]]:
    return [(p, doc) for p in sorted(K8S.glob("*.y*ml")) if p.name != "kustomization.yaml" for doc in load_all(p)]


def k8s_one(kind: str, name: str) -> dict:
    found = [doc for _, doc in k8s_docs() if doc["kind"] == kind and doc["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name!r} in deploy/k8s, found {len(found)}"
    return found[0]


def deployments() -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for _, doc in k8s_docs() if doc["kind"] == "Deployment"}


def pod_containers(deployment: dict) -> list[dict]:
    spec = deployment["spec"]["template"]["spec"]
    return spec.get("initContainers", []) + spec["containers"]


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert "=" in line, f"{path.name}:{number}: not NAME=value: {line!r}"
        name, value = line.split("=", 1)
        values[name.strip()] = value
    return values


def image_path(path_in_image: str) -> Path:
    """The repository file that an absolute path inside the image comes from."""
    assert path_in_image.startswith(IMAGE_APP_DIR + "/"), f"{path_in_image} is not under {IMAGE_APP_DIR}/"
    return ROOT / path_in_image[len(IMAGE_APP_DIR) + 1 :]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comment lines dropped."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line, pending = pending + line, ""
        if line.strip():
            keyword, _, args = line.strip().partition(" ")
            instructions.append((keyword.upper(), args.strip()))
    return instructions


def dockerfile_env_names() -> set[str]:
    names = set()
    for keyword, args in dockerfile_instructions():
        if keyword == "ENV":
            words = shlex.split(args)
            names |= {w.split("=", 1)[0] for w in words} if "=" in words[0] else {words[0]}
    return names


# --- helpers: which variables may be set -----------------------------------------------------


def _const_str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _var_argument(call: ast.Call) -> ast.AST | None:
    """The variable-name argument of an env reader call: the first positional, or var=..."""
    if call.args:
        return call.args[0]
    return next((kw.value for kw in call.keywords if kw.arg == "var"), None)


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _env_reads(call: ast.Call, env_objects: set[str], readers: set[str]) -> tuple[ast.AST | None, str | None]:
    """(argument naming the variable, default variable name) if `call` reads the environment."""
    func = call.func
    if isinstance(func, ast.Name) and func.id in env_objects | readers:
        return _var_argument(call), None
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in env_objects:
            if func.attr in ENV_NON_READING_METHODS:
                return None, None
            return _var_argument(call), ENV_METHOD_DEFAULT_VAR.get(func.attr)
        if _is_os_environ(func.value) and func.attr in {"get", "setdefault", "pop"}:
            return _var_argument(call), None
        if isinstance(func.value, ast.Name) and func.value.id == "os" and func.attr == "getenv":
            return _var_argument(call), None
    return None, None


def settings_env_names() -> set[str]:
    """Every environment variable that backend/config/ (and manage.py) reads.

    Recognised: calls on an environ.Env object (`env("X")`, `env.str("X")`, `env.db()` ...),
    os.environ.get/setdefault/pop, os.environ["X"], os.getenv, and calls of small helpers that
    pass their first parameter on to one of those (config.env.require("X", ...)).
    """
    if not SETTINGS_DIR.is_dir():
        pytest.fail(
            f"{SETTINGS_DIR.relative_to(ROOT)} does not exist, so the variables that the settings "
            "read cannot be known and the deploy files cannot be checked against them."
        )
    files = sorted(SETTINGS_DIR.rglob("*.py"))
    manage = ROOT / "backend" / "manage.py"
    trees = [ast.parse(f.read_text(encoding="utf-8"), filename=str(f)) for f in files + [manage] if f.is_file()]
    nodes = [node for tree in trees for node in ast.walk(tree)]

    env_objects = {"env"}
    for node in nodes:  # env = environ.Env(...)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            f = node.value.func
            called = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if called == "Env":
                env_objects |= {t.id for t in node.targets if isinstance(t, ast.Name)}

    readers: set[str] = set()  # def require(name, ...): ... env.str(name, ...)
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.args.args:
            first = node.args.args[0].arg
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    arg, _ = _env_reads(inner, env_objects, set())
                    if isinstance(arg, ast.Name) and arg.id == first:
                        readers.add(node.name)

    names = set()
    for node in nodes:
        if isinstance(node, ast.Call):
            arg, default_var = _env_reads(node, env_objects, readers)
            if (name := _const_str(arg)) is not None:
                names.add(name)
            elif arg is None and default_var:
                names.add(default_var)
        elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            if (name := _const_str(node.slice)) is not None:
                names.add(name)

    expected = {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"}
    assert expected <= names, (
        f"parsed {len(files)} files under backend/config/ and found the variables {sorted(names)}, "
        f"which lacks {sorted(expected - names)}: the settings read the environment in a way this "
        "test does not recognise yet; teach settings_env_names() about it."
    )
    return names


def start_script_env_names() -> set[str]:
    names = set()
    for script in START.iterdir():
        text = script.read_text(encoding="utf-8")
        names |= set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", text)) | set(re.findall(r"\$([A-Z_][A-Z0-9_]*)", text))
    return {n for n in names if not n.startswith("BASH")}


def app_env_names() -> set[str]:
    """What an application container may be given: the settings' variables + the start scripts'."""
    return settings_env_names() | start_script_env_names()


def unknown(names: set[str], allowed: set[str], where: str) -> list[str]:
    return [f"{where}: {name}" for name in sorted(names - allowed)]


# --- YAML ------------------------------------------------------------------------------------


def test_every_yaml_file_under_deploy_parses():
    files = yaml_files()
    assert COMPOSE in files and (K8S / "kustomization.yaml") in files
    for path in files:
        try:
            load_all(path)
        except yaml.YAMLError as exc:
            pytest.fail(f"{path.relative_to(ROOT)} is not valid YAML: {exc}")


def test_every_kubernetes_document_has_api_version_kind_and_name():
    docs = k8s_docs()
    assert len(docs) >= 8
    for path, doc in docs:
        assert isinstance(doc, dict), f"{path.name}: a document is not a mapping"
        assert doc.get("apiVersion") and doc.get("kind"), f"{path.name}: apiVersion or kind missing"
        assert (doc.get("metadata") or {}).get("name"), f"{path.name}: {doc['kind']} has no metadata.name"


def test_kustomization_lists_every_other_yaml_file_in_k8s():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    listed = set(kustomization.get("resources", []))
    present = {p.name for p in K8S.glob("*.y*ml")} - {"kustomization.yaml"}
    assert present - listed == set(), f"not in kustomization.yaml resources: {sorted(present - listed)}"
    assert listed - present == set(), f"listed but missing in deploy/k8s: {sorted(listed - present)}"


# --- environment variables -------------------------------------------------------------------


def compose_environment(service: dict) -> set[str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return {item.split("=", 1)[0] for item in env}
    return set(env)


def compose_env_files(service: dict) -> list[Path]:
    entries = service.get("env_file") or []
    entries = [entries] if isinstance(entries, str | dict) else entries
    return [COMPOSE.parent / (e["path"] if isinstance(e, dict) else e) for e in entries]


def service_allowance(name: str, service: dict, app_names: set[str]) -> set[str]:
    image = service.get("image", "")
    if "build" in service or name in APP_SERVICES:
        return app_names
    if image.startswith("postgres:"):
        return POSTGRES_IMAGE_VARS
    if image.startswith("docker.elastic.co/elasticsearch/"):
        return ELASTICSEARCH_IMAGE_VARS
    return set()


def test_compose_sets_only_variables_that_something_reads():
    allowed_for_app = app_env_names()
    problems = []
    for name, service in compose()["services"].items():
        allowed = service_allowance(name, service, allowed_for_app)
        problems += unknown(compose_environment(service), allowed, f"compose.yaml services.{name}.environment")
        for env_file in compose_env_files(service):
            # The real file (deploy/.env) is made from its example and is never committed.
            example = env_file.with_name(env_file.name + ".example")
            assert example.is_file(), f"services.{name} reads {env_file.name}, but {example.name} is missing"
            problems += unknown(set(read_env_file(example)), allowed, f"{example.name} (used by {name})")
    assert not problems, (
        "variables that neither the settings, the start scripts nor the service's image read:\n" + "\n".join(problems)
    )


def test_env_example_holds_only_settings_and_every_required_one():
    names = set(read_env_file(DEPLOY / ".env.example"))
    problems = unknown(names, settings_env_names(), ".env.example")
    assert not problems, "not read by the settings:\n" + "\n".join(problems)
    assert {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"} <= names


def test_kubernetes_sets_only_variables_that_the_settings_or_start_scripts_read():
    allowed_for_app = app_env_names()
    problems = []
    for path, doc in k8s_docs():
        where = f"{path.name} {doc['kind']}/{doc['metadata']['name']}"
        if doc["kind"] == "ConfigMap":
            problems += unknown(set(doc.get("data", {})), allowed_for_app, where)
        elif doc["kind"] == "Secret":
            problems += unknown(set(doc.get("stringData", {})) | set(doc.get("data", {})), allowed_for_app, where)
        elif doc["kind"] == "Deployment":
            for container in pod_containers(doc):
                names = {item["name"] for item in container.get("env", [])}
                problems += unknown(names, allowed_for_app, f"{where} container {container['name']}")
    assert not problems, "variables that neither the settings nor the start scripts read:\n" + "\n".join(problems)


def test_dockerfile_sets_only_settings_or_python_runtime_variables():
    allowed_for_app = app_env_names()
    problems = unknown(dockerfile_env_names(), allowed_for_app | IMAGE_RUNTIME_VARS, "Dockerfile ENV")
    assert not problems, "\n".join(problems)


def test_production_settings_module_is_used_everywhere():
    assert (SETTINGS_DIR / "settings" / "prod.py").is_file(), "backend/config/settings/prod.py is missing"
    configmap = k8s_one("ConfigMap", "techmatch-config")
    assert configmap["data"]["DJANGO_SETTINGS_MODULE"] == "config.settings.prod"
    for name in APP_SERVICES:
        assert compose()["services"][name]["environment"]["DJANGO_SETTINGS_MODULE"] == "config.settings.prod"
    assert "DJANGO_SETTINGS_MODULE=config.settings.prod" in DOCKERFILE.read_text(encoding="utf-8")


def test_database_url_agrees_with_the_postgres_service():
    app = read_env_file(DEPLOY / ".env.example")
    pg = read_env_file(DEPLOY / "postgres.env.example")
    url = urlsplit(app["DATABASE_URL"])
    assert (url.hostname, url.port) == ("postgres", 5432), "DATABASE_URL must point at the compose service"
    assert url.username == pg["POSTGRES_USER"]
    assert url.password == pg["POSTGRES_PASSWORD"]
    assert url.path.lstrip("/") == pg["POSTGRES_DB"]


# --- compose ---------------------------------------------------------------------------------


def test_web_worker_and_beat_run_the_same_image_with_different_start_scripts():
    services = compose()["services"]
    builds = {name: json.dumps(services[name].get("build"), sort_keys=True) for name in APP_SERVICES}
    images = {name: services[name].get("image") for name in APP_SERVICES}
    assert len(set(builds.values())) == 1 and len(set(images.values())) == 1, (builds, images)
    build = services["web"]["build"]
    assert (COMPOSE.parent / build["context"]).resolve() == ROOT
    assert (ROOT / build["dockerfile"]).resolve() == DOCKERFILE
    for name in APP_SERVICES:
        script = image_path(services[name]["command"][0])
        assert script == START / name, f"services.{name} runs {script}, not its own start script"


def test_web_waits_for_healthy_dependencies_and_has_a_health_check():
    services = compose()["services"]
    web = services["web"]
    assert set(web["depends_on"]) == {"postgres", "redis", "elasticsearch"}
    for dependency, condition in web["depends_on"].items():
        assert condition["condition"] == "service_healthy", dependency
        check = services[dependency]["healthcheck"]
        assert check.get("test") and not check.get("disable"), f"{dependency} has no health check"
    assert "/app/deploy/healthcheck.py" in web["healthcheck"]["test"]
    assert any(str(p).endswith(":8000") for p in web["ports"])
    assert web["environment"].get("RUN_MIGRATIONS") == "1"
    for name in ("worker", "beat"):
        assert "RUN_MIGRATIONS" not in services[name]["environment"]


def test_compose_elasticsearch_is_single_node_with_explicit_security_memory_and_volume():
    es = compose()["services"]["elasticsearch"]
    env = es["environment"]
    assert env["discovery.type"] == "single-node"
    assert "xpack.security.enabled" in env, "state the security setting explicitly"
    assert "-Xmx" in env["ES_JAVA_OPTS"] and es["deploy"]["resources"]["limits"]["memory"]
    assert any(str(v).endswith(":/usr/share/elasticsearch/data") for v in es["volumes"])
    assert "_cluster/health" in " ".join(es["healthcheck"]["test"])
    if str(env["xpack.security.enabled"]).lower() == "false":
        # Acceptable only on a network that nothing outside compose can reach.
        assert "ports" not in es, "Elasticsearch without security must not publish a port"
        networks = compose()["networks"]
        assert all(networks[n].get("internal") for n in es["networks"])


def elasticsearch_client_requirements() -> list[Requirement]:
    if not PYPROJECT.is_file():
        pytest.fail("pyproject.toml does not exist, so the Elasticsearch client's version is unknown")
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    lines = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    found = [req for req in map(Requirement, lines) if req.name.lower() == "elasticsearch"]
    assert found, "pyproject.toml does not depend on the `elasticsearch` client"
    return found


def test_elasticsearch_server_major_equals_the_pinned_client_major():
    image = compose()["services"]["elasticsearch"]["image"]
    assert image.startswith("docker.elastic.co/elasticsearch/elasticsearch:"), "use the official image"
    server_major = int(image.rsplit(":", 1)[1].split(".")[0])
    for req in elasticsearch_client_requirements():

        def allows(major: int, req=req) -> bool:
            return any(req.specifier.contains(f"{major}.{minor}.{patch}") for minor in range(40) for patch in (0, 9))

        assert allows(server_major), f"{req} allows no {server_major}.x client for server {image}"
        assert not allows(server_major + 1), f"{req} would allow a {server_major + 1}.x client: pin below it"
        assert not allows(server_major - 1), f"{req} would allow a {server_major - 1}.x client"


# --- Kubernetes ------------------------------------------------------------------------------


def test_beat_is_a_single_replica_that_is_recreated_not_rolled():
    beat = k8s_one("Deployment", "techmatch-beat")
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"


def test_hpa_scales_the_web_deployment_which_leaves_replicas_to_it():
    hpa = k8s_one("HorizontalPodAutoscaler", "techmatch-web")
    assert hpa["apiVersion"] == "autoscaling/v2"
    target = hpa["spec"]["scaleTargetRef"]
    assert target["kind"] == "Deployment" and target["name"] in deployments()
    web = deployments()[target["name"]]
    assert pod_containers(web)[-1]["command"][0] == "/app/deploy/start/web", "the HPA must target web"
    assert "replicas" not in web["spec"], "the HPA owns the replica count; `replicas` would reset it on apply"
    assert [m["resource"]["name"] for m in hpa["spec"]["metrics"]] == ["cpu"]


def test_web_has_probes_an_init_migration_and_a_host_the_settings_accept():
    web = k8s_one("Deployment", "techmatch-web")
    spec = web["spec"]["template"]["spec"]
    (init,) = spec["initContainers"]
    assert init["command"][-2:] == ["migrate", "--noinput"]
    (container,) = spec["containers"]
    readiness = container["readinessProbe"]["httpGet"]
    assert readiness["path"] == "/api/health/"
    assert "livenessProbe" in container and "resources" in container
    host = {h["name"]: h["value"] for h in readiness.get("httpHeaders", [])}.get("Host")
    allowed = k8s_one("ConfigMap", "techmatch-config")["data"]["DJANGO_ALLOWED_HOSTS"].split(",")
    assert host in [h.strip() for h in allowed], f"probe Host {host!r} is not in DJANGO_ALLOWED_HOSTS {allowed}"


def test_every_pod_runs_the_one_image_as_non_root_with_config_that_exists():
    configmaps = {doc["metadata"]["name"] for _, doc in k8s_docs() if doc["kind"] == "ConfigMap"}
    secrets = {doc["metadata"]["name"] for _, doc in k8s_docs() if doc["kind"] == "Secret"}
    images = set()
    assert set(deployments()) == {"techmatch-web", "techmatch-worker", "techmatch-beat"}
    for name, deployment in deployments().items():
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0, name
        for container in pod_containers(deployment):
            images.add(container["image"])
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, (name, container["name"])
            assert container["resources"]["requests"], (name, container["name"])
            command = container["command"][0]
            if command.startswith(IMAGE_APP_DIR + "/"):
                assert image_path(command).is_file(), f"{name}: {command} does not exist in deploy/start"
            for source in container.get("envFrom", []):
                if "configMapRef" in source:
                    assert source["configMapRef"]["name"] in configmaps, name
                if "secretRef" in source:
                    assert source["secretRef"]["name"] in secrets, name
    assert len(images) == 1, f"web, worker and beat must run the same image: {images}"


def test_the_service_selects_the_web_pods():
    service = k8s_one("Service", "techmatch-web")
    labels = k8s_one("Deployment", "techmatch-web")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    port_names = {p["name"] for p in pod_containers(k8s_one("Deployment", "techmatch-web"))[-1]["ports"]}
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= port_names | {8000}


def test_the_example_secret_is_unusable_as_it_is():
    secret = k8s_one("Secret", "techmatch-secrets")
    assert secret["stringData"]["DJANGO_SECRET_KEY"] == "", "the example must not ship a usable key"


# --- Dockerfile ------------------------------------------------------------------------------


def test_dockerfile_builds_the_front_end_in_a_node_stage_then_a_python_stage():
    froms = [args.split() for keyword, args in dockerfile_instructions() if keyword == "FROM"]
    images = [words[0] for words in (w[1:] if w[0].startswith("--") else w for w in froms)]
    assert len(images) >= 2, "expected a multi-stage build"
    assert images[0].startswith("node:20"), f"first stage should be node:20, not {images[0]}"
    assert images[-1].startswith("python:3.11-slim"), f"final stage should be python:3.11-slim, not {images[-1]}"


def test_dockerfile_command_is_a_start_script_and_the_user_is_not_root():
    instructions = dockerfile_instructions()
    final = instructions[max(i for i, (k, _) in enumerate(instructions) if k == "FROM") :]
    commands = [json.loads(args) for keyword, args in final if keyword in {"CMD", "ENTRYPOINT"}]
    assert commands, "no CMD/ENTRYPOINT in the final stage"
    assert image_path(commands[-1][0]) in [START / name for name in START_SCRIPTS]
    users = [args for keyword, args in final if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert ("EXPOSE", "8000") in final
    assert any(keyword == "HEALTHCHECK" for keyword, _ in final)


def test_dockerfile_copies_only_files_that_exist_and_keeps_no_build_secret():
    for keyword, args in dockerfile_instructions():
        if keyword == "COPY" and "--from" not in args:
            *sources, _destination = [w for w in shlex.split(args) if not w.startswith("--")]
            for source in sources:
                assert (ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"
        if keyword in {"ENV", "ARG"}:
            assert "DJANGO_SECRET_KEY" not in args, "the build-time key must not persist in the image"
    collectstatic = [
        args for keyword, args in dockerfile_instructions() if keyword == "RUN" and "collectstatic" in args
    ]
    assert len(collectstatic) == 1 and "DJANGO_SECRET_KEY=" in collectstatic[0] and "--noinput" in collectstatic[0]


# --- start scripts ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", START_SCRIPTS)
def test_start_script_is_strict_executable_and_ends_in_exec(name):
    script = START / name
    assert script.is_file(), f"deploy/start/{name} is missing"
    assert script.stat().st_mode & stat.S_IXUSR and os.access(script, os.X_OK), f"{name} is not executable"
    lines = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == "#!/bin/bash"
    code = [line for line in lines if line and not line.startswith("#")]
    assert code[0].startswith("set -o errexit") and "pipefail" in code[0] and "nounset" in code[0]
    # The exec'd process replaces the shell, so it receives SIGTERM and its exit status counts.
    last = next(i for i in range(len(lines) - 1, -1, -1) if lines[i])
    while last > 0 and lines[last - 1].endswith("\\"):
        last -= 1
    assert lines[last].startswith("exec "), f"{name} must end with an exec line, ends with {lines[last]!r}"
    subprocess.run(["bash", "-n", str(script)], check=True)


# --- the container health check --------------------------------------------------------------


def allow_loopback(test):
    """These tests talk to 127.0.0.1; let them through when pytest-socket disables sockets."""
    return pytest.mark.enable_socket(test) if importlib.util.find_spec("pytest_socket") else test


def load_healthcheck():
    spec = importlib.util.spec_from_file_location("deploy_healthcheck", DEPLOY / "healthcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def health_server() -> Iterator[dict]:
    state = {"status": 200, "hosts": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            state["hosts"].append((self.path, self.headers["Host"]))
            self.send_response(state["status"])
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["port"] = server.server_address[1]
    yield state
    server.shutdown()
    server.server_close()


@allow_loopback
def test_healthcheck_probes_api_health_with_an_allowed_host(health_server, monkeypatch):
    healthcheck = load_healthcheck()
    monkeypatch.setenv("PORT", str(health_server["port"]))
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", " .techmatch.example.com, localhost")
    assert healthcheck.main() == 0
    assert health_server["hosts"] == [("/api/health/", "techmatch.example.com")]
    health_server["status"] = 503
    assert healthcheck.main() == 1


@allow_loopback
def test_healthcheck_fails_when_nothing_listens(monkeypatch):
    healthcheck = load_healthcheck()
    monkeypatch.setenv("PORT", "1")
    assert healthcheck.main() == 1
    assert healthcheck.probe_host("*") == "localhost"
    assert healthcheck.probe_host("") == "localhost"
