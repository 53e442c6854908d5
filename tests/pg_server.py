"""A real PostgreSQL server for the tests: Debian's binaries, a throwaway data directory.

`PgServer.start()` runs `initdb` and `pg_ctl` on a free localhost port. The
server refuses to run as root, and CI runs as root, so as root it runs as
the unprivileged `postgres` user the Debian package creates (via
`runuser`), in a temporary directory that user owns. Password
authentication (scram-sha-256) is on for TCP, so the tests exercise what a
team's server does: roles with passwords, not trust.

The suite starts one server per session (see tests/conftest.py); each test
gets its own database from `fresh_database()`. Faults are real:
`restart()` stops and starts the server, `terminate(dbname)` drops every
client connection to a database, `stop()`/`start_again()` keep it down for
as long as a test wants.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "br_admin"
SUPERUSER_PASSWORD = "admin-secret-9f2c"  # a throwaway server's; never a real one
_SEARCH = ("/usr/lib/postgresql",)


def find_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian layout), or pg_config's."""
    for root in _SEARCH:
        base = Path(root)
        if base.is_dir():
            versions = sorted(
                (p for p in base.iterdir() if (p / "bin" / "initdb").exists()),
                key=lambda p: int(p.name) if p.name.isdigit() else 0,
            )
            if versions:
                return versions[-1] / "bin"
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        path = Path(out.stdout.strip())
        if (path / "initdb").exists():
            return path
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    base: Path  # owned by the user the server runs as
    port: int
    run_as: str | None  # "postgres" when we are root, else None (ourselves)
    _names: count = field(default_factory=lambda: count(1))

    # -- lifecycle -------------------------------------------------------
    @classmethod
    def start(cls, bindir: Path | None = None) -> PgServer:
        bindir = bindir or find_bindir()
        if bindir is None:
            raise RuntimeError(
                "PostgreSQL is not installed: apt-get install -y postgresql (see README)"
            )
        run_as = "postgres" if os.geteuid() == 0 else None
        base = Path(tempfile.mkdtemp(prefix="briefreader-pg-"))
        if run_as:
            shutil.chown(base, user=run_as, group=run_as)
        server = cls(bindir, base, _free_port(), run_as)
        server._initdb()
        server.start_again()
        return server

    @property
    def datadir(self) -> Path:
        return self.base / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=self.base)

    def _initdb(self) -> None:
        pwfile = self.base / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.run_as:
            shutil.chown(pwfile, user=self.run_as, group=self.run_as)
        self._run(
            str(self.bindir / "initdb"),
            "-D", str(self.datadir),
            "-U", SUPERUSER,
            "--pwfile", str(pwfile),
            "--auth-local", "scram-sha-256",
            "--auth-host", "scram-sha-256",
            "-E", "UTF8",
            "--locale", "C.UTF-8",
        )  # fmt: skip
        pwfile.unlink()
        with (self.datadir / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.base}'\n"
                # A test server: durability is not what is tested here (the
                # store's own guarantees are: a commit that returned is kept).
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 200\nshared_buffers = 32MB\n"
            )

    def start_again(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l",
            str(self.base / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop",
            check=False,
        )  # fmt: skip

    def restart(self) -> None:
        self.stop()
        self.start_again()

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def enable_ssl(self) -> None:
        """Turn TLS on with a throwaway self-signed certificate (openssl), then reload."""
        key, cert = self.datadir / "server.key", self.datadir / "server.crt"
        if not cert.exists():
            subprocess.run(
                ["openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj",
                 "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                check=True, capture_output=True,
            )  # fmt: skip
            key.chmod(0o600)
            if self.run_as:
                for path in (key, cert):
                    shutil.chown(path, user=self.run_as, group=self.run_as)
        self.sql("ALTER SYSTEM SET ssl = on")
        self.sql("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 10
        while self.sql("SHOW ssl") != [("on",)]:
            if time.monotonic() > deadline:
                raise TimeoutError("the test server did not turn TLS on")
            time.sleep(0.05)

    # -- connections -----------------------------------------------------
    def url(
        self,
        dbname: str = "postgres",
        user: str = SUPERUSER,
        password: str | None = SUPERUSER_PASSWORD,
        **params: str,
    ) -> str:
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}" + (
            f"?{query}" if query else ""
        )

    def admin(self, dbname: str = "postgres") -> object:
        import psycopg

        return psycopg.connect(self.url(dbname), autocommit=True)

    def sql(self, statement: str, *args: object, dbname: str = "postgres") -> list[tuple]:
        """Run one statement as the superuser; rows if it returns any."""
        with self.admin(dbname) as conn:  # type: ignore[attr-defined]
            cur = conn.execute(statement, args or None)
            return cur.fetchall() if cur.description else []

    def fresh_database(self, prefix: str = "t") -> str:
        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        self.sql(f'CREATE DATABASE "{name}"')
        return name

    def create_role(self, name: str, password: str) -> None:
        from psycopg import sql

        with self.admin() as conn:  # type: ignore[attr-defined]
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )

    def terminate(self, dbname: str) -> int:
        """Drop every client connection to `dbname` (a dropped network, from the client's side)."""
        rows = self.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            dbname,
        )
        return len(rows)

    def wait_until_up(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(Exception):
                self.sql("SELECT 1")
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the test PostgreSQL server did not come up")
            time.sleep(0.05)
