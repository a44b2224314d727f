"""Backup and restore: one archive holding a consistent database snapshot, the media files and a manifest.

The archive is a plain tar file (videos and the PostgreSQL dump are compressed already; the SQLite file is gzipped):

    manifest.json          format, app version, time, engine, row count per table, SHA-256 and size per member
    database.sqlite3.gz    SQLite: a copy made with SQLite's online backup API (a consistent snapshot while the
                           site runs; a plain file copy is not, even when it passes integrity_check)
    database.pgdump        PostgreSQL: pg_dump's custom format, taken from the same snapshot as the row counts
    media/...              every file under MEDIA_ROOT

Row counts are read from the snapshot itself, so a restore can prove it brought back exactly what was saved.
"""

import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.db import connections
from django.db.utils import load_backend
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core import page_cache, pg_backups

ARCHIVE_FORMAT = 1
MANIFEST_NAME = "manifest.json"
SQLITE_MEMBER = "database.sqlite3.gz"
POSTGRES_MEMBER = "database.pgdump"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

ERROR_NOT_AN_ARCHIVE = _("This file is not a backup archive made by this site.")
ERROR_UNKNOWN_FORMAT = _("This backup archive has format %(format)s; this version of the site reads format %(known)s.")
ERROR_CHECKSUM = _("The backup archive is damaged: %(member)s does not match its checksum.")
ERROR_MISSING_MEMBER = _("The backup archive is incomplete: %(member)s is missing.")
ERROR_UNEXPECTED_MEMBER = _("The backup archive holds a file its manifest does not list: %(member)s.")
ERROR_ENGINE = _("This archive holds a %(archive)s database, but this site uses %(site)s.")
ERROR_TARGET_NOT_EMPTY = _(
    "The target already holds data (%(what)s). Restoring would replace it: run again with --force to do so."
)
ERROR_COUNTS = _(
    "The restored database does not match the archive: %(table)s has %(found)s rows, expected %(expected)s."
)
ERROR_UNSUPPORTED_ENGINE = _("Backups support SQLite and PostgreSQL, not %(engine)s.")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in the reader's language."""


# What a backup or restore can raise that the commands turn into a clear message.
BACKUP_ERRORS = (BackupError, pg_backups.ClientProgramError)


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    row_counts: dict[str, int]
    media_files: int


def _engine(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(ERROR_UNSUPPORTED_ENGINE % {"engine": vendor})
    return vendor


def row_counts(using: str) -> dict[str, int]:
    """Rows per table, through the ORM, for every concrete model whose table exists in that database."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in existing:
            continue
        counts[meta.db_table] = model._base_manager.using(using).count()
    return dict(sorted(counts.items()))


def _migration_state(using: str) -> dict[str, str]:
    """The last migration applied per app: what the restored code must be at least."""
    from django.db.migrations.recorder import MigrationRecorder

    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


@contextmanager
def temporary_alias(database: dict) -> Iterator[str]:
    """A throwaway database alias (for a snapshot file, or a restored database), so the ORM can count its rows."""
    alias = f"backup_{uuid.uuid4().hex}"
    configured = connections.configure_settings({"default": connections.settings["default"], alias: database})[alias]
    # A connection object of this thread only, not a new entry in settings.DATABASES.
    wrapper = load_backend(configured["ENGINE"]).DatabaseWrapper(configured, alias)
    connections[alias] = wrapper
    try:
        yield alias
    finally:
        wrapper.close()
        del connections[alias]


def _sqlite_settings(path: Path) -> dict:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


def _sqlite_snapshot(*, using: str, workdir: Path) -> tuple[Path, dict[str, int], dict[str, str]]:
    connection = connections[using]
    connection.ensure_connection()
    snapshot = workdir / "snapshot.sqlite3"
    target = sqlite3.connect(snapshot)
    try:
        # One step (pages=-1): the whole database under one read lock, so writes arriving meanwhile are either
        # entirely in the copy or entirely after it. WAL mode lets them go on while it runs.
        connection.connection.backup(target, pages=-1)
    finally:
        target.close()
    with temporary_alias(_sqlite_settings(snapshot)) as alias:
        counts, migrations = row_counts(alias), _migration_state(alias)
    packed = workdir / SQLITE_MEMBER
    with snapshot.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as sink:
        shutil.copyfileobj(source, sink, CHUNK)
    snapshot.unlink()
    return packed, counts, migrations


class _HashingReader:
    """Hands a file to tarfile while hashing the very bytes that go into the archive."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


def _add_hashed(archive: tarfile.TarFile, path: Path, member: str, files: dict[str, dict]) -> None:
    """Add one file and note its checksum; an upload deleted while the backup runs is simply not in it."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    with handle:
        info = archive.gettarinfo(fileobj=handle, arcname=member)
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    files[member] = {"sha256": reader.digest.hexdigest(), "size": info.size}


def backup_create(*, output: Path, using: str = "default", media_root: Path) -> dict:
    """Write one archive to `output` (a new file) and return its manifest."""
    engine = _engine(using)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as tmp:
        workdir = Path(tmp)
        if engine == "sqlite":
            database_file, counts, migrations = _sqlite_snapshot(using=using, workdir=workdir)
        else:
            database_file = workdir / POSTGRES_MEMBER
            counts, migrations = pg_backups.dump(
                using=using, output=database_file, count=lambda: (row_counts(using), _migration_state(using))
            )
        media_root = Path(media_root)
        # The work folder is left out should --output point inside MEDIA_ROOT.
        listed = media_root.rglob("*") if media_root.is_dir() else []
        media_files = sorted(p for p in listed if p.is_file() and workdir not in p.parents)
        partial = workdir / "archive.tar"
        files: dict[str, dict] = {}
        with tarfile.open(partial, "w") as archive:
            _add_hashed(archive, database_file, database_file.name, files)
            for path in media_files:
                _add_hashed(archive, path, MEDIA_PREFIX + path.relative_to(media_root).as_posix(), files)
            manifest = {
                "format": ARCHIVE_FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
                "migrations": migrations,
                "row_counts": counts,
                "files": files,
            }
            manifest_path = workdir / MANIFEST_NAME
            manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
            archive.add(manifest_path, arcname=MANIFEST_NAME)
        # Only a complete archive takes the final name: a failed run never leaves a file that looks like a backup.
        os.replace(partial, output)
    return manifest


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r") as tar:
            member = tar.extractfile(MANIFEST_NAME)
            manifest = json.loads(member.read().decode("utf-8"))
    except (tarfile.TarError, KeyError, AttributeError, ValueError, OSError) as error:
        raise BackupError(ERROR_NOT_AN_ARCHIVE) from error
    if not isinstance(manifest, dict) or "format" not in manifest:
        raise BackupError(ERROR_NOT_AN_ARCHIVE)
    if manifest["format"] != ARCHIVE_FORMAT:
        raise BackupError(ERROR_UNKNOWN_FORMAT % {"format": manifest["format"], "known": ARCHIVE_FORMAT})
    return manifest


def _extract_verified(*, archive: Path, manifest: dict, workdir: Path | None) -> None:
    """Unpack every member into workdir (or only read it, without one), checking each against the manifest."""
    expected = manifest["files"]
    seen = set()
    with tarfile.open(archive, "r") as tar:
        for info in tar:
            if info.name == MANIFEST_NAME:
                continue
            unsafe = Path(info.name).is_absolute() or ".." in Path(info.name).parts
            if unsafe or info.name not in expected or not info.isfile():
                raise BackupError(ERROR_UNEXPECTED_MEMBER % {"member": info.name})
            digest = hashlib.sha256()
            with tar.extractfile(info) as source, _sink(workdir, info.name) as sink:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    sink.write(chunk)
            if digest.hexdigest() != expected[info.name]["sha256"]:
                raise BackupError(ERROR_CHECKSUM % {"member": info.name})
            seen.add(info.name)
    for member in expected:
        if member not in seen:
            raise BackupError(ERROR_MISSING_MEMBER % {"member": member})


def _sink(workdir: Path | None, name: str):
    if workdir is None:
        return open(os.devnull, "wb")  # noqa: SIM115 - closed by the caller's with statement
    destination = workdir / name
    destination.parent.mkdir(parents=True, exist_ok=True)
    return destination.open("wb")


def backup_verify(*, archive: Path) -> dict:
    """Read the whole archive and check every member's checksum; change nothing."""
    manifest = read_manifest(Path(archive))
    _extract_verified(archive=Path(archive), manifest=manifest, workdir=None)
    return manifest


def _check_counts(*, found: dict[str, int], expected: dict[str, int]) -> None:
    for table, count in expected.items():
        if found.get(table) != count:
            raise BackupError(ERROR_COUNTS % {"table": table, "found": found.get(table, 0), "expected": count})


def _media_is_empty(media_root: Path) -> bool:
    return not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def _swap_media(*, unpacked: Path, media_root: Path) -> None:
    """Put the restored media in place by renaming, so readers see the old set or the new one, never a mix."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    unpacked.mkdir(parents=True, exist_ok=True)
    old = media_root.with_name(media_root.name + ".before-restore")
    if media_root.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(media_root, old)
    shutil.move(str(unpacked), str(media_root))
    shutil.rmtree(old, ignore_errors=True)


def _sqlite_target(using: str) -> Path:
    return Path(connections[using].settings_dict["NAME"])


def _database_is_empty(using: str, engine: str) -> bool:
    if engine == "sqlite":
        target = _sqlite_target(using)
        return not target.exists() or target.stat().st_size == 0
    return not pg_backups.has_tables(using=using)


def _restore_sqlite(*, using: str, unpacked: Path, manifest: dict) -> dict[str, int]:
    connection = connections[using]
    target = _sqlite_target(using)
    restored = target.with_name(target.name + ".restoring")
    try:
        with gzip.open(unpacked / SQLITE_MEMBER, "rb") as source, restored.open("wb") as sink:
            shutil.copyfileobj(source, sink, CHUNK)
        with temporary_alias(_sqlite_settings(restored)) as alias:
            counts = row_counts(alias)
        _check_counts(found=counts, expected=manifest["row_counts"])
    except BaseException:
        restored.unlink(missing_ok=True)
        raise
    connection.close()
    for suffix in ("-wal", "-shm"):  # a stale log from the replaced file must not be replayed into the restored one
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(restored, target)
    return counts


def backup_restore(*, archive: Path, using: str = "default", media_root: Path, force: bool = False) -> RestoreResult:
    """Check the whole archive, then replace the database and the media with its contents.

    Refuses a target that already holds data unless `force`; nothing is replaced until every checksum and every
    row count has been verified.
    """
    engine = _engine(using)
    manifest = read_manifest(Path(archive))
    if manifest["engine"] != engine:
        raise BackupError(ERROR_ENGINE % {"archive": manifest["engine"], "site": engine})
    media_root = Path(media_root)
    if not force:
        if not _database_is_empty(using, engine):
            raise BackupError(ERROR_TARGET_NOT_EMPTY % {"what": str(connections[using].settings_dict["NAME"])})
        if not _media_is_empty(media_root):
            raise BackupError(ERROR_TARGET_NOT_EMPTY % {"what": "MEDIA_ROOT"})
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as tmp:
        workdir = Path(tmp)
        _extract_verified(archive=Path(archive), manifest=manifest, workdir=workdir)
        if engine == "sqlite":
            counts = _restore_sqlite(using=using, unpacked=workdir, manifest=manifest)
        else:
            pg_backups.restore(using=using, dump=workdir / POSTGRES_MEMBER, clean=force)
            counts = row_counts(using)
            _check_counts(found=counts, expected=manifest["row_counts"])
        _swap_media(unpacked=workdir / "media", media_root=media_root)
    media_files = sum(1 for member in manifest["files"] if member.startswith(MEDIA_PREFIX))
    _forget_cached_copies()
    return RestoreResult(manifest=manifest, row_counts=counts, media_files=media_files)


def _forget_cached_copies() -> None:
    """Kept pages (core.page_cache) and Wagtail's site root paths describe the database before the restore; the
    cache outlives the site's restart (files under VAR_DIR, or Redis)."""
    page_cache.invalidate()
    Site.clear_site_root_paths_cache()
