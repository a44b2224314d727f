"""Backups taken while the site writes hold a consistent snapshot, and restore brings back exactly that."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, connections, transaction
from django.utils import translation

from core import backups

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
WRITTEN_TABLES = {"auth_group", "auth_user", "auth_user_groups"}


class Writer(threading.Thread):
    """Adds a user and their group in one transaction, again and again, as an import would."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.written = 0

    def run(self):
        try:
            deadline = time.monotonic() + 60
            while not self.stop.is_set() and time.monotonic() < deadline and self.written < 5000:
                with transaction.atomic():
                    group = Group.objects.create(name=f"writer-{self.written}")
                    User.objects.create(username=f"writer-{self.written}").groups.add(group)
                self.written += 1
        finally:
            connections.close_all()

    def wait_for(self, count: int):
        deadline = time.monotonic() + 30
        while self.written < count and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.written >= count


def counts_now() -> dict[str, int]:
    return backups.row_counts("default")


def restored_counts(database: dict) -> dict[str, int]:
    with backups.temporary_alias(database) as alias:
        return backups.row_counts(alias)


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def khmer(message) -> str:
    with translation.override("km"):
        return str(message)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "live-media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "lesson.mp3").write_bytes(b"ID3" + bytes(range(256)) * 40)
    return settings.MEDIA_ROOT


def backup_during_writes(*, output: Path, media_root: Path) -> tuple[dict, int, int]:
    writer = Writer()
    writer.start()
    try:
        writer.wait_for(20)
        before = writer.written
        manifest = backups.backup_create(output=output, media_root=media_root)
        after_backup = writer.written
        writer.wait_for(after_backup + 20)  # the writes go on after the snapshot, so the live site moves past it
    finally:
        writer.stop.set()
        writer.join(timeout=30)
    return manifest, before, writer.written


def assert_consistent(*, manifest: dict, restored: dict, live: dict, before: int, after: int):
    """`live` is counted once the writer stopped, `after` writes later than the snapshot's first `before`."""
    assert restored == manifest["row_counts"]
    saved = {table: manifest["row_counts"][table] - (live[table] - after) for table in WRITTEN_TABLES}
    assert before <= saved["auth_group"] < after
    # Each user came with their group in one transaction: a snapshot holds both or neither.
    assert saved["auth_user"] == saved["auth_group"] == saved["auth_user_groups"]
    untouched = {table: count for table, count in live.items() if table not in WRITTEN_TABLES}
    assert {table: restored[table] for table in untouched} == untouched


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup; the PostgreSQL one is tested below")
def test_sqlite_backup_during_writes_restores_into_an_empty_directory(media, tmp_path):
    archive = tmp_path / "backup.tar"
    manifest, before, after = backup_during_writes(output=archive, media_root=media)
    live = counts_now()

    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["database.sqlite3.gz", "manifest.json", "media/documents/lesson.mp3"]
    assert manifest["format"] == backups.ARCHIVE_FORMAT
    assert manifest["engine"] == "sqlite"
    assert manifest["migrations"]["learners"]

    target = tmp_path / "empty"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "MEDIA_ROOT"}}
    env.update(VAR_DIR=str(target), DJANGO_SETTINGS_MODULE="config.settings.dev")
    result = manage("restore", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    assert "match the manifest" in result.stdout

    restored = restored_counts({"ENGINE": "django.db.backends.sqlite3", "NAME": str(target / "db.sqlite3")})
    assert_consistent(manifest=manifest, restored=restored, live=live, before=before, after=after)
    assert (target / "media" / "documents" / "lesson.mp3").read_bytes() == (
        media / "documents" / "lesson.mp3"
    ).read_bytes()

    again = manage("restore", str(archive), env=env)
    assert again.returncode == 1
    expected = khmer(backups.ERROR_TARGET_NOT_EMPTY % {"what": str(target / "db.sqlite3")})
    assert expected in again.stderr
    (target / "db.sqlite3").unlink()
    media_only = manage("restore", str(archive), env=env)
    assert media_only.returncode == 1
    assert khmer(backups.ERROR_TARGET_NOT_EMPTY % {"what": "MEDIA_ROOT"}) in media_only.stderr
    version = ("shell", "-c", "from core import page_cache; print(page_cache.current_version())")
    kept, same = manage(*version, env=env), manage(*version, env=env)
    assert kept.returncode == 0 and kept.stdout.strip() and same.stdout == kept.stdout  # it lasts between runs
    forced = manage("restore", "--force", str(archive), env=env)
    assert forced.returncode == 0, forced.stderr
    # Pages kept from the database before the restore are never served after it.
    now = manage(*version, env=env)
    assert now.returncode == 0 and now.stdout.strip() != kept.stdout.strip()
    assert restored_counts({"ENGINE": "django.db.backends.sqlite3", "NAME": str(target / "db.sqlite3")}) == restored


def test_restore_refuses_a_database_that_holds_data(media, tmp_path):
    archive = tmp_path / "backup.tar"
    backups.backup_create(output=archive, media_root=media)
    live_before = counts_now()
    message = backups.ERROR_TARGET_NOT_EMPTY % {"what": str(connection.settings_dict["NAME"])}
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_restore(archive=archive, media_root=tmp_path / "empty-media")
    assert counts_now() == live_before
    assert not (tmp_path / "empty-media").exists()


def tampered_copy(archive: Path, tmp_path: Path, *, change: str | None = None, drop: str | None = None) -> Path:
    """The same archive with one member's bytes changed, or one member left out; the manifest unchanged."""
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
        names = tar.getnames()
    if change:
        (unpacked / change).write_bytes(b"<html>not audio</html>")
    copy = tmp_path / "tampered.tar"
    with tarfile.open(copy, "w") as tar:
        for name in names:
            if name != drop:
                tar.add(unpacked / name, arcname=name)
    shutil.rmtree(unpacked)
    return copy


def test_restore_verifies_checksums_before_replacing_anything(media, tmp_path):
    archive = tmp_path / "backup.tar"
    backups.backup_create(output=archive, media_root=media)
    live_before = counts_now()
    target_media = tmp_path / "restored-media"

    damaged = tampered_copy(archive, tmp_path, change="media/documents/lesson.mp3")
    message = backups.ERROR_CHECKSUM % {"member": "media/documents/lesson.mp3"}
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_restore(archive=damaged, media_root=target_media, force=True)
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_verify(archive=damaged)
    assert not target_media.exists()
    assert counts_now() == live_before

    incomplete = tampered_copy(archive, tmp_path, drop="media/documents/lesson.mp3")
    message = backups.ERROR_MISSING_MEMBER % {"member": "media/documents/lesson.mp3"}
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_verify(archive=incomplete)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's counts are checked after pg_restore")
def test_restore_checks_row_counts_before_replacing_the_database(media, tmp_path):
    archive = tmp_path / "backup.tar"
    manifest = backups.backup_create(output=archive, media_root=media)
    live_before = counts_now()
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
        names = tar.getnames()
    manifest["row_counts"]["auth_group"] += 1  # as if a row had gone missing from the database file
    (unpacked / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    wrong = tmp_path / "wrong-counts.tar"
    with tarfile.open(wrong, "w") as tar:
        for name in names:
            tar.add(unpacked / name, arcname=name)
    expected = manifest["row_counts"]["auth_group"]
    message = backups.ERROR_COUNTS % {"table": "auth_group", "found": expected - 1, "expected": expected}
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_restore(archive=wrong, media_root=tmp_path / "restored-media", force=True)
    assert counts_now() == live_before
    assert not (tmp_path / "restored-media").exists()
    assert not list(Path(connection.settings_dict["NAME"]).parent.glob("*.restoring"))


def test_a_member_that_would_land_outside_the_target_is_refused(media, tmp_path):
    """A forged archive whose manifest lists ../ paths with their right checksums still writes nothing outside."""
    archive = tmp_path / "backup.tar"
    manifest = backups.backup_create(output=archive, media_root=media)
    escape = tmp_path / "escape.txt"
    escape.write_text("x")
    name = "media/../../escaped.txt"
    manifest["files"][name] = {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    forged = tmp_path / "forged.tar"
    with tarfile.open(archive) as source, tarfile.open(forged, "w") as tar:
        for info in source:
            if info.name != "manifest.json":
                tar.addfile(info, source.extractfile(info))
        tar.add(escape, arcname=name)
        tar.add(tmp_path / "manifest.json", arcname="manifest.json")
    message = backups.ERROR_UNEXPECTED_MEMBER % {"member": name}
    with pytest.raises(backups.BackupError, match=re.escape(str(message))):
        backups.backup_verify(archive=forged)


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    bogus = tmp_path / "notes.tar"
    bogus.write_text("hello")
    with pytest.raises(backups.BackupError, match=re.escape(str(backups.ERROR_NOT_AN_ARCHIVE))):
        backups.backup_verify(archive=bogus)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only (set DATABASE_URL to run it)")
def test_postgresql_backup_during_writes_restores_into_an_empty_database(media, tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed (Debian: apt-get install postgresql-client)")
    archive = tmp_path / "backup.tar"
    manifest, before, after = backup_during_writes(output=archive, media_root=media)
    live = counts_now()
    assert manifest["engine"] == "postgresql"

    database = dict(connection.settings_dict)
    empty = f"{database['NAME']}_restore"
    with connection.cursor() as cursor:  # test setup: a fresh database to restore into
        cursor.execute(f'DROP DATABASE IF EXISTS "{empty}"')
        cursor.execute(f'CREATE DATABASE "{empty}"')
    try:
        url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{empty}"
        env = {**os.environ, "DATABASE_URL": url, "VAR_DIR": str(tmp_path / "var")}
        env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
        env.pop("MEDIA_ROOT", None)
        result = manage("restore", str(archive), env=env)
        assert result.returncode == 0, result.stderr
        restored = restored_counts({**database, "NAME": empty})
        assert_consistent(manifest=manifest, restored=restored, live=live, before=before, after=after)
        assert (tmp_path / "var" / "media" / "documents" / "lesson.mp3").exists()
        again = manage("restore", str(archive), env=env)
        assert again.returncode == 1
        assert khmer(backups.ERROR_TARGET_NOT_EMPTY % {"what": empty}) in again.stderr
    finally:
        connections.close_all()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')
