"""A migrated SQLite test database kept between runs, under a name that changes with anything that could change it.

Building the test database replays every migration (Django's, Wagtail's and ours), the slowest step of a run. The
first run keeps a copy of the freshly migrated database; later runs start from a copy of it while the migrations,
settings and installed packages are the same (Django still checks the migrations, and adds any that are missing).
"""

import hashlib
import os
import shutil
import sqlite3
from importlib import metadata
from pathlib import Path

TEMPLATE_PREFIX = "template-"


def fingerprint(base_dir: Path) -> str:
    """Every migration and settings file of the project and every installed package's version."""
    digest = hashlib.sha256()
    files = sorted(base_dir.glob("*/migrations/*.py")) + sorted((base_dir / "config" / "settings").glob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(base_dir)).encode())
        digest.update(path.read_bytes())
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:16]


def template_path(directory: Path, base_dir: Path) -> Path:
    return directory / f"{TEMPLATE_PREFIX}{fingerprint(base_dir)}.sqlite3"


def copy_template(template: Path, target: Path) -> bool:
    """Start the run's database from the template; False when there is none yet."""
    if not template.exists():
        return False
    shutil.copyfile(template, target)
    return True


def save_template(source: Path, template: Path) -> None:
    """Keep a consistent copy of the migrated database (SQLite's backup, which reads through the WAL), written under
    a temporary name and then renamed, so that a run starting at the same time never reads half a file."""
    partial = template.with_suffix(f".{os.getpid()}.partial")
    with sqlite3.connect(source) as reading, sqlite3.connect(partial) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()
    partial.replace(template)
    for old in template.parent.glob(f"{TEMPLATE_PREFIX}*.sqlite3"):
        if old != template:
            old.unlink(missing_ok=True)
