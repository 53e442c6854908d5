"""The server connection: portable SQL, reconnection, TLS, and errors that hide passwords."""

from __future__ import annotations

import pytest

from briefreader.workspace import parse_workspace
from briefreader.workspace.connection import (
    Connection,
    ServerError,
    ServerUnavailable,
    to_pyformat,
)
from tests.pg_server import SUPERUSER_PASSWORD, PgServer


@pytest.fixture
def conn(pg_server: PgServer) -> Connection:
    db = pg_server.fresh_database()
    connection = Connection(parse_workspace(pg_server.url(db)))
    yield connection
    connection.close()


def test_qmark_placeholders_leave_quoted_text_alone() -> None:
    assert to_pyformat("SELECT ? WHERE a LIKE '%?%' AND \"b?\" = ?") == (
        "SELECT %s WHERE a LIKE '%%?%%' AND \"b?\" = %s"
    )


def test_values_travel_as_parameters(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (a TEXT, b INTEGER)")
    nasty = "'); DROP TABLE t; -- 100% ?"
    conn.execute("INSERT INTO t (a, b) VALUES (?, ?)", (nasty, 7))
    conn.executemany("INSERT INTO t (a, b) VALUES (?, ?)", [("x%", 1), ("y?", 2)])
    assert conn.execute("SELECT a FROM t WHERE b = ?", (7,)).fetchone() == (nasty,)
    assert conn.execute("SELECT COUNT(*) FROM t WHERE a LIKE '%\\%' ESCAPE '\\'").fetchone() == (1,)
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (3,)


def test_a_transaction_is_all_or_nothing(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (a INTEGER)")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO t VALUES (?)", (1,))
    conn.execute("ROLLBACK")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (?)", (2,))
    conn.execute("COMMIT")
    assert conn.execute("SELECT a FROM t").fetchall() == [(2,)]
    assert not conn.in_transaction


def test_a_dropped_connection_reconnects_on_the_next_statement(
    pg_server: PgServer, conn: Connection
) -> None:
    conn.execute("CREATE TABLE t (a INTEGER)")
    dbname = conn.execute("SELECT current_database()").fetchone()[0]
    assert pg_server.terminate(dbname) >= 1
    assert conn.execute("SELECT 2").fetchone() == (2,)  # a read is simply sent again
    assert pg_server.terminate(dbname) >= 1
    with pytest.raises(ServerUnavailable):  # a write is not: it may have happened
        conn.execute("INSERT INTO t VALUES (1)")
    conn.execute("INSERT INTO t VALUES (2)")
    conn.begin()  # a transaction opened on a dead connection starts on a new one
    pg_server.terminate(dbname)
    with pytest.raises(ServerUnavailable):
        conn.execute("INSERT INTO t VALUES (3)")
    conn.rollback()
    pg_server.terminate(dbname)
    conn.begin()
    conn.execute("INSERT INTO t VALUES (4)")
    conn.commit()
    assert conn.execute("SELECT a FROM t ORDER BY a").fetchall() == [(2,), (4,)]


def test_a_drop_inside_a_transaction_fails_it_and_the_commit(
    pg_server: PgServer, conn: Connection
) -> None:
    conn.execute("CREATE TABLE t (a INTEGER)")
    dbname = conn.execute("SELECT current_database()").fetchone()[0]
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (1)")
    pg_server.terminate(dbname)
    with pytest.raises(ServerUnavailable):
        conn.execute("INSERT INTO t VALUES (2)")
    with pytest.raises(ServerUnavailable):
        conn.execute("COMMIT")
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


def test_an_unreachable_server_is_named_without_the_password(pg_server: PgServer) -> None:
    url = pg_server.url("postgres").replace(str(pg_server.port), "1")  # nobody listens on 1
    with pytest.raises(ServerUnavailable) as caught:
        Connection(parse_workspace(url))
    assert SUPERUSER_PASSWORD not in str(caught.value)
    assert "cannot be reached" in str(caught.value)


def test_a_wrong_password_says_where_to_fix_it_and_does_not_echo_it(pg_server: PgServer) -> None:
    url = pg_server.url("postgres", password="wrong-secret-42")
    with pytest.raises(ServerError) as caught:
        Connection(parse_workspace(url))
    assert "wrong-secret-42" not in str(caught.value)
    assert "pgpass" in str(caught.value)


def test_sslmode_is_passed_through_to_libpq(pg_server: PgServer) -> None:
    pg_server.enable_ssl()
    tls = Connection(parse_workspace(pg_server.url("postgres", sslmode="require")))
    try:
        assert tls.execute(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone() == (True,)
    finally:
        tls.close()
    plain = Connection(parse_workspace(pg_server.url("postgres", sslmode="disable")))
    try:
        assert plain.execute(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone() == (False,)
    finally:
        plain.close()
    with pytest.raises(ServerError) as caught:  # a CA file that does not exist: libpq refuses
        Connection(
            parse_workspace(
                pg_server.url("postgres", sslmode="verify-full", sslrootcert="/nonexistent/ca.pem")
            )
        )
    assert SUPERUSER_PASSWORD not in str(caught.value)
