"""A throw-away PostgreSQL cluster that a fault test may stop and restart, never CI's shared one.

`initdb` refuses to run as root (CI runs as root), so as root the cluster belongs to the
`postgres` user: its directory is made by us and handed over, and every server binary runs
through `runuser`. It listens on 127.0.0.1 only. The superuser connects through a socket in the
cluster's own directory (trust); with `password_auth`, TCP connections need a password (scram),
as on CI's and production's servers, so that clients are tested with one.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.services import free_port, unavailable, wait_for_port

# The application role's password: percent-encoded in URLs, which the app and the backup scripts
# must both decode.
PG_PASSWORD = "fault:p@ss/word"
PG_PASSWORD_URL = "fault%3Ap%40ss%2Fword"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresCluster:
    """initdb into a fresh directory, then start/stop/restart on one fixed loopback port."""

    def __init__(self, *, password_auth: bool = False) -> None:
        self.bindir = _bindir()
        if self.bindir is None:
            unavailable("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                unavailable("running as root and there is no `postgres` user to own a temporary cluster")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.port = free_port()
        # Not under pytest's tmp_path: /tmp/pytest-of-root is 0700, so `postgres` could not reach it.
        self.root = Path(tempfile.mkdtemp(prefix="techmatch-pg-"))
        self.data, self.log = self.root / "data", self.root / "postgres.log"
        if self.as_user:
            shutil.chown(self.root, user="postgres")
        host_auth = "scram-sha-256" if password_auth else "trust"
        self._run(
            "initdb",
            "--auth-local=trust",
            f"--auth-host={host_auth}",
            "--username=postgres",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "-D",
            str(self.data),
        )

    def _run(self, binary: str, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(
            [*self.as_user, str(self.bindir / binary), *args], capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise RuntimeError(f"{binary} {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log), "-o", options)
        wait_for_port(self.port)

    def running(self) -> bool:
        return (
            subprocess.run(
                [*self.as_user, str(self.bindir / "pg_ctl"), "status", "-D", str(self.data)],
                capture_output=True,
                timeout=30,
            ).returncode
            == 0
        )

    def stop(self) -> None:
        """Fast shutdown: open sessions are terminated, as in a real restart."""
        self._run("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", str(self.data))

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._run(
            "psql",
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.root),
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            database,
            "-c",
            sql,
        )

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [*self.as_user, str(self.bindir / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data)],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)
