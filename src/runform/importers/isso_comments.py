"""Approved WordPress comments -> an Isso comment database, under each tip's new address.

Contract:
- Writes Isso's SQLite database directly, in the layout Isso 0.13-0.14 uses (schema version 5,
  `PRAGMA user_version = 5`: the `threads` and `comments` tables of `isso/db/threads.py` and
  `isso/db/comments.py`). Isso itself is not needed (it is no runtime dependency of runform: it
  builds a C extension); a missing database file is created, and an existing one must be at
  version 5 (Isso upgrades older ones when it starts).
- One thread per tip, keyed by the page's path (`/tips/heel-pick-up/`), which is what Isso's
  client sends on the tip page. A comment is never written twice: one the thread already holds
  with the same author and the same created time (the WordPress comment's GMT time, to the
  second) is left as it is, and a reply to it hangs on it. The text is not compared: a
  moderator may have edited it in Isso since. Comments readers wrote on the new site stay.
- Replies stay replies: Isso shows one level of nesting and hangs a reply to a reply on the
  top comment of its thread, so that is the parent written. A reply to a comment that is not
  imported (spam, pending, trash) becomes a top-level comment.
- Privacy: author names and websites (both public on the old site) are kept; e-mail
  addresses and IP addresses only with `keep_personal=True`, and then the IP address
  anonymised as Isso does (IPv4 to /24, IPv6 to /48).
- Text: the comment's HTML becomes Markdown (`post_structure.comment_markdown`); tags a comment
  cannot keep (images, scripts, frames) are dropped, and text that reads like HTML is left for
  Isso, whose renderer escapes every '<' and then sanitises (bleach) what it serves.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Final

from runform.importers.post_structure import comment_markdown
from runform.importers.wxr import Comment

ISSO_SCHEMA_VERSION: Final = 5
_VOTERS: Final = bytes(256)  # Isso's empty Bloom filter: nobody has voted yet
_MODE_ACCEPTED: Final = 1
_CREATE: Final = (
    "CREATE TABLE IF NOT EXISTS threads ("
    " id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))",
    "CREATE TABLE IF NOT EXISTS comments ("
    " tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,"
    " created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,"
    " text VARCHAR NOT NULL, author VARCHAR, email VARCHAR, website VARCHAR,"
    " likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,"
    " notification INTEGER DEFAULT 0)",
)


class IssoDatabaseError(Exception):
    """The file is not an Isso database runform can add to; the message says why."""


@dataclass(frozen=True)
class TipThread:
    uri: str  # the tip page's path, e.g. "/tips/heel-pick-up/"
    title: str
    comments: tuple[Comment, ...]  # approved comments, oldest first


@dataclass(frozen=True)
class IssoImport:
    comments: int  # comments written
    threads: int  # threads that got comments
    already: tuple[tuple[str, int], ...]  # (thread URI, comments it held already, not written)


def write_isso_comments(
    db_path: Path, threads: Sequence[TipThread], *, keep_personal: bool = False
) -> IssoImport:
    """Add each thread's comments to the Isso database at `db_path`; see the contract."""
    try:
        connection = sqlite3.connect(db_path)
    except sqlite3.Error as error:
        raise IssoDatabaseError(f"{db_path} cannot be opened: {error}") from None
    written = used = 0
    already: list[tuple[str, int]] = []
    with closing(connection):
        try:
            _prepare(connection, db_path)
            with connection:  # one transaction: all or nothing
                for thread in threads:
                    if not thread.comments:
                        continue
                    count, present = _write_thread(connection, thread, keep_personal)
                    if present:
                        already.append((thread.uri, present))
                    if count:
                        written += count
                        used += 1
        except sqlite3.DatabaseError as error:
            raise IssoDatabaseError(f"{db_path} is not an Isso database: {error}") from None
    return IssoImport(comments=written, threads=used, already=tuple(already))


def _prepare(connection: sqlite3.Connection, db_path: Path) -> None:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if {"threads", "comments"} <= tables:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != ISSO_SCHEMA_VERSION:
            raise IssoDatabaseError(
                f"{db_path} is an Isso database of schema version {version}; runform writes "
                f"version {ISSO_SCHEMA_VERSION} (start Isso once to upgrade it, then import again)"
            )
        return
    if tables & {"threads", "comments"}:
        raise IssoDatabaseError(f"{db_path} has only part of Isso's tables")
    with connection:
        for statement in _CREATE:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {ISSO_SCHEMA_VERSION}")


def _write_thread(
    connection: sqlite3.Connection, thread: TipThread, keep_personal: bool
) -> tuple[int, int]:
    """(comments written, comments the thread held already) for one tip's thread."""
    row = connection.execute("SELECT id FROM threads WHERE uri=?", (thread.uri,)).fetchone()
    if row is None:
        cursor = connection.execute(
            "INSERT INTO threads (uri, title) VALUES (?, ?)", (thread.uri, thread.title)
        )
        thread_id = cursor.lastrowid
    else:
        thread_id = row[0]
    by_old_id = {c.comment_id: c for c in thread.comments}
    new_ids: dict[int, int] = {}
    written = present = 0
    for comment in thread.comments:
        top = _top_ancestor(comment, by_old_id)
        created = comment.date_gmt.replace(tzinfo=UTC).timestamp() if comment.date_gmt else 0.0
        author = comment.author or None
        same = connection.execute(
            "SELECT id FROM comments WHERE tid=? AND created=? AND author IS ?",
            (thread_id, created, author),
        ).fetchone()
        if same is not None:
            new_ids[comment.comment_id] = int(same[0])
            present += 1
            continue
        text, _ = comment_markdown(comment.content)
        cursor = connection.execute(
            "INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text,"
            " author, email, website, voters, notification)"
            " VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                thread_id,
                new_ids.get(top) if top is not None else None,
                created,
                _MODE_ACCEPTED,
                _anonymised(comment.author_ip) if keep_personal else "",
                text or "…",
                author,
                (comment.author_email or None) if keep_personal else None,
                _website(comment.author_url),
                _VOTERS,
            ),
        )
        new_ids[comment.comment_id] = int(cursor.lastrowid or 0)
        written += 1
    return written, present


def _top_ancestor(comment: Comment, by_old_id: dict[int, Comment]) -> int | None:
    """The top-level imported comment this one replies to (through any depth), or None."""
    seen: set[int] = set()
    parent = by_old_id.get(comment.parent)
    top: int | None = None
    while parent is not None and parent.comment_id not in seen:
        seen.add(parent.comment_id)
        top = parent.comment_id
        parent = by_old_id.get(parent.parent)
    return top


def _website(url: str) -> str | None:
    url = url.strip()
    return url if url.startswith(("https://", "http://")) else None


def _anonymised(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)
