"""Batch results that survive a restart: SQLite in the instance folder by default, any
SQLAlchemy database URL (PostgreSQL) when configured.

Only derived results are stored: each row's scores and the analysis (which quotes the
resume's lines, so a student's page can show them). The uploaded files are never stored. A
coach can delete a batch, and everything of it goes.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import (
    Column,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    insert,
    select,
    update,
)

metadata = MetaData()
batches = Table(
    "batches",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("total", Integer, nullable=False),
    Column("done", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("job_title", String(200)),
    # What was uploaded (names, contents, posting): the same upload continues an interrupted
    # batch instead of starting over.
    Column("fingerprint", String(64), index=True),
    # Which process runs a "running" batch, and when it last finished a file: a batch whose
    # worker died (killed, out of memory, replaced by the arbiter) is found and marked
    # interrupted, so it can be continued instead of showing progress that never moves.
    Column("owner", Integer),
    Column("beat", Float),
)
rows = Table(
    "rows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", String(64), ForeignKey("batches.id", ondelete="CASCADE"), index=True),
    Column("position", Integer, nullable=False),
    Column("file", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("score", Float),
    Column("row_json", Text, nullable=False),
    Column("analysis_json", Text),
    Column("report_markdown", Text),
)


def init_app(app: Flask) -> None:
    engine = create_engine(app.config["DATABASE_URL"], future=True)
    metadata.create_all(engine)
    _add_missing_columns(engine)
    app.extensions["resume_analyzer_db"] = engine
    # A batch still "running" after a restart lost its worker; the uploads were never kept,
    # so it cannot continue. Say so instead of showing a progress bar that never moves.
    with engine.begin() as db:
        db.execute(
            update(batches).where(batches.c.status == "running").values(status="interrupted")
        )


def _add_missing_columns(db: Engine) -> None:
    """Databases made by an older version lack the newer `batches` columns: add them in place."""
    from sqlalchemy import inspect, text

    have = {column["name"] for column in inspect(db).get_columns("batches")}
    added = {"fingerprint": "VARCHAR(64)", "owner": "INTEGER", "beat": "FLOAT"}
    for name, kind in added.items():
        if name not in have:
            with db.begin() as conn:
                conn.execute(text(f"ALTER TABLE batches ADD COLUMN {name} {kind}"))


def engine(app: Flask | None = None) -> Engine:
    return (app or current_app).extensions["resume_analyzer_db"]  # type: ignore[no-any-return]


def create_batch(
    db: Engine,
    batch_id: str,
    total: int,
    job_title: str | None,
    *,
    fingerprint: str | None = None,
) -> None:
    with db.begin() as conn:
        conn.execute(
            insert(batches).values(
                id=batch_id,
                created=datetime.now(UTC).isoformat(timespec="seconds"),
                status="running",
                total=total,
                done=0,
                failed=0,
                job_title=job_title,
                fingerprint=fingerprint,
                owner=os.getpid(),
                beat=time.time(),
            )
        )


def resumable_batch(db: Engine, fingerprint: str) -> str | None:
    """The newest interrupted batch of exactly this upload, if any."""
    reap_orphans(db)
    with db.connect() as conn:
        found = conn.execute(
            select(batches.c.id)
            .where(batches.c.fingerprint == fingerprint, batches.c.status == "interrupted")
            .order_by(batches.c.created.desc())
        ).first()
    return str(found[0]) if found else None


def row_keys(db: Engine, batch_id: str) -> set[tuple[str, str]]:
    """(file, sha256) of every row a batch already has."""
    with db.connect() as conn:
        found = conn.execute(select(rows.c.file, rows.c.sha256).where(rows.c.batch_id == batch_id))
        return {(str(name), str(sha)) for name, sha in found}


def add_row(
    db: Engine,
    batch_id: str,
    position: int,
    row: dict[str, Any],
    analysis: str | None = None,
    markdown: str | None = None,
) -> None:
    failed = 1 if row.get("error") else 0
    with db.begin() as conn:
        conn.execute(
            insert(rows).values(
                batch_id=batch_id,
                position=position,
                file=row["file"],
                # An input refused before its bytes were read has no hash.
                sha256=row.get("sha256") or "",
                score=row.get("score"),
                row_json=json.dumps(row, ensure_ascii=False),
                analysis_json=analysis,
                report_markdown=markdown,
            )
        )
        conn.execute(
            update(batches)
            .where(batches.c.id == batch_id)
            .values(done=batches.c.done + 1, failed=batches.c.failed + failed, beat=time.time())
        )


def claim_batch(db: Engine, batch_id: str) -> None:
    """Run an interrupted batch again, in this process."""
    with db.begin() as conn:
        conn.execute(
            update(batches)
            .where(batches.c.id == batch_id)
            .values(status="running", owner=os.getpid(), beat=time.time())
        )


def finish_batch(db: Engine, batch_id: str, status: str = "done") -> None:
    with db.begin() as conn:
        conn.execute(update(batches).where(batches.c.id == batch_id).values(status=status))


# A file takes seconds (its budget is 15 s by default); a batch that has not finished one in
# this long has lost its worker even when a process with the owner's pid exists.
STALE_SECONDS = 600.0


def reap_orphans(db: Engine) -> int:
    """Mark interrupted every running batch whose worker is gone; returns how many."""
    with db.connect() as conn:
        running = conn.execute(
            select(batches.c.id, batches.c.owner, batches.c.beat).where(
                batches.c.status == "running"
            )
        ).all()
    now = time.time()
    lost = [
        batch_id
        for batch_id, owner, beat in running
        if owner is None or not _alive(owner) or beat is None or now - beat > STALE_SECONDS
    ]
    if lost:
        with db.begin() as conn:
            conn.execute(
                update(batches)
                .where(batches.c.id.in_(lost), batches.c.status == "running")
                .values(status="interrupted")
            )
    return len(lost)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, but not ours to judge further
    return True


def get_batch(db: Engine, batch_id: str) -> dict[str, Any] | None:
    reap_orphans(db)
    with db.connect() as conn:
        found = conn.execute(select(batches).where(batches.c.id == batch_id)).mappings().first()
    return dict(found) if found else None


def list_batches(db: Engine) -> list[dict[str, Any]]:
    reap_orphans(db)
    with db.connect() as conn:
        found = conn.execute(select(batches).order_by(batches.c.created.desc())).mappings()
        return [dict(row) for row in found]


def batch_rows(db: Engine, batch_id: str) -> list[dict[str, Any]]:
    with db.connect() as conn:
        found = conn.execute(
            select(rows.c.id, rows.c.row_json)
            .where(rows.c.batch_id == batch_id)
            .order_by(rows.c.position)
        )
        return [{"id": row_id, **json.loads(text)} for row_id, text in found]


def row_analysis(db: Engine, batch_id: str, row_id: int) -> tuple[dict[str, Any], str] | None:
    """A student's stored analysis and Markdown report, or None."""
    with db.connect() as conn:
        found = conn.execute(
            select(rows.c.analysis_json, rows.c.report_markdown).where(
                rows.c.batch_id == batch_id, rows.c.id == row_id
            )
        ).first()
    if not found or not found[0]:
        return None
    return json.loads(found[0]), found[1] or ""


def delete_batch(db: Engine, batch_id: str) -> bool:
    with db.begin() as conn:
        conn.execute(delete(rows).where(rows.c.batch_id == batch_id))
        gone = conn.execute(delete(batches).where(batches.c.id == batch_id)).rowcount
    return bool(gone)


def count_batches(db: Engine) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(batches)).scalar() or 0)
