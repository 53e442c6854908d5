"""Which workspace an analyst works in: their own files, or the team's server.

A `Workspace` is a PostgreSQL connection string (a `postgresql://` URL or
libpq `key=value` words), chosen with `--workspace`, the
`BRIEFREADER_WORKSPACE` environment variable, or `workspace.toml` in the
data directory (in that order). Everything libpq understands passes through
untouched: `sslmode`, `sslrootcert`, service files, `~/.pgpass`, `PG*`
variables. That is what an IT department configures, and why the password
is best left out of the string altogether.

A password in the string is accepted but never shown: `str()`, `repr()` and
`display` drop it (and `sslpassword`), and `redact()` scrubs it from any text
before it reaches a message, a log line or the status bar.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from briefreader.tomlfile import read_toml

ENV_VAR = "BRIEFREADER_WORKSPACE"
SETTING_FILE = "workspace.toml"
#: What `--workspace` takes to mean "this analyst's own files" (overriding a setting).
LOCAL_WORDS = frozenset({"local", "sqlite", "none", ""})
_SECRET_KEYS = ("password", "sslpassword")
_URL_SCHEMES = ("postgresql://", "postgres://")


class WorkspaceError(ValueError):
    """A workspace setting that cannot be used; the message never holds a password."""


@dataclass(frozen=True, slots=True)
class Workspace:
    """A team workspace on PostgreSQL. `conninfo` may hold a secret: never show it."""

    conninfo: str = field(repr=False)
    #: The connection parameters libpq will use, without secrets (for display).
    params: tuple[tuple[str, str], ...] = ()

    @property
    def display(self) -> str:
        """`postgresql://user@host:port/db?sslmode=…`, never with the password."""
        p = dict(self.params)
        user = quote(p.get("user", ""), safe="")
        host = p.get("host", "") or "localhost"
        port = f":{p['port']}" if p.get("port") else ""
        where = f"{user}@{host}{port}" if user else f"{host}{port}"
        extra = [
            f"{k}={v}"
            for k, v in self.params
            if k not in {"user", "host", "port", "dbname"} and k not in _SECRET_KEYS
        ]
        query = "?" + "&".join(extra) if extra else ""
        return f"postgresql://{where}/{p.get('dbname', '')}{query}"

    @property
    def user(self) -> str:
        """The role named in the setting ('' when libpq takes it from the environment)."""
        return dict(self.params).get("user", "")

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret values in `conninfo`, for `redact` (never show them)."""
        return tuple(v for k, v in _parse(self.conninfo).items() if k in _SECRET_KEYS and v)

    def __str__(self) -> str:
        return self.display


def parse_workspace(text: str) -> Workspace:
    """A Workspace from a connection string; WorkspaceError if it is not one."""
    text = text.strip()
    if not text:
        raise WorkspaceError("the workspace setting is empty")
    if "://" in text and not text.startswith(_URL_SCHEMES):
        scheme = text.split("://", 1)[0]
        raise WorkspaceError(
            f"a workspace is a PostgreSQL server (postgresql://…), not {scheme}://"
        )
    if "://" not in text and "=" not in text:
        raise WorkspaceError(
            "a workspace is a PostgreSQL connection string, such as "
            "postgresql://alice@db.example.org/analysis?sslmode=verify-full"
        )
    params = _parse(text)
    shown = tuple((k, v) for k, v in params.items() if k not in _SECRET_KEYS)
    return Workspace(text, shown)


def _parse(text: str) -> dict[str, str]:
    from psycopg import conninfo  # libpq's own parser: exactly what will be used

    try:
        return {k: str(v) for k, v in conninfo.conninfo_to_dict(text).items() if v is not None}
    except Exception as error:  # psycopg.ProgrammingError; its text names keys, not values
        message = redact(str(error).strip(), _rough_secrets(text))
        raise WorkspaceError(
            f"the workspace setting is not a valid connection string: {message}"
        ) from None


_PW_WORD = re.compile(r"(?:^|\s)(?:ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)")
_PW_URL = re.compile(r"^[a-z]+://[^:@/?#]*:([^@/?#]*)@")


def _rough_secrets(text: str) -> tuple[str, ...]:
    """Password-looking values in a string libpq could not parse (for redaction only)."""
    found = [m.group(1).strip("'") for m in _PW_WORD.finditer(text)]
    url = _PW_URL.match(text)
    if url:
        found.append(url.group(1))
    return tuple(f for f in found if f)


def redact(text: str, secrets: tuple[str, ...] | Workspace = ()) -> str:
    """`text` with every secret (and its URL-quoted form) replaced by ***."""
    values = secrets.secrets if isinstance(secrets, Workspace) else secrets
    for secret in sorted(values, key=len, reverse=True):
        for form in {secret, quote(secret, safe=""), quote(secret)}:
            if form:
                text = text.replace(form, "***")
    return text


def resolve_workspace(option: str | None, data_dir: Path) -> Workspace | None:
    """The workspace in force: `--workspace`, else the environment, else the setting file.

    None means the analyst's own files (SQLite). `--workspace local` overrides
    a setting. Raises WorkspaceError with a message safe to print.
    """
    for value in (option, os.environ.get(ENV_VAR)):
        if value is not None:
            return None if value.strip().lower() in LOCAL_WORDS else parse_workspace(value)
    setting = data_dir / SETTING_FILE
    if not setting.is_file():
        return None
    # Unlike the other settings files, a damaged one is not half-used: working
    # on local files (or without `sslmode`) while the analyst believes they
    # are in the team's workspace would be worse than a clear refusal.
    toml = read_toml(setting)
    if toml.problems:
        reason = re.sub(r"; lines? [0-9-]+ skipped$", "", toml.problems[0])
        raise WorkspaceError(f"{reason} (fix the file or remove it)")
    data = toml.data
    url = data.get("url")
    if not isinstance(url, str):
        raise WorkspaceError(f'{SETTING_FILE} needs a line like url = "postgresql://…"')
    if url.strip().lower() in LOCAL_WORDS:
        return None
    extra = {k: v for k, v in data.items() if k != "url"}
    bad = [k for k, v in extra.items() if not isinstance(v, str | int)]
    if bad:
        raise WorkspaceError(f"{SETTING_FILE}: {', '.join(bad)} must be text or a number")
    if extra:  # e.g. sslmode = "verify-full", sslrootcert = "/etc/ssl/team-ca.pem"
        from psycopg import conninfo

        try:
            url = conninfo.make_conninfo(url, **{k: str(v) for k, v in extra.items()})
        except Exception as error:
            raise WorkspaceError(
                f"{SETTING_FILE}: {redact(str(error).strip(), _rough_secrets(url))}"
            ) from None
    return parse_workspace(url)
