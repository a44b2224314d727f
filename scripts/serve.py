"""`make serve`: the production set-up on this machine (gunicorn, production settings, WhiteNoise static files).

The secret key is generated once into the data folder (VAR_DIR/secret_key, readable by its owner only) and read
from there afterwards, so sessions survive a restart. Settings a real deployment puts in its environment get
local defaults here (plain HTTP on this machine: no TLS redirect, no HSTS; media served by the app); anything
already set in the environment wins, so the same command runs behind a proxy with real values (docs/deploy.md).
PORT (default 8000), WEB_CONCURRENCY (workers, default 2 x cores + 1) and BIND_HOST (default 127.0.0.1).
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def secret_key(var_dir: Path) -> str:
    path = var_dir / "secret_key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(50))
        print(f"A new secret key was written to {path}.")
    return path.read_text().strip()


def environment() -> dict[str, str]:
    env = dict(os.environ)
    var_dir = Path(env.get("VAR_DIR", ROOT / "var"))
    port = env.get("PORT", "8000")
    host = env.get("BIND_HOST", "127.0.0.1")
    defaults = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "1",
        "PORT": port,
        "BIND_HOST": host,
    }
    for name, value in defaults.items():
        env.setdefault(name, value)
    if "SECRET_KEY" not in env:
        env["SECRET_KEY"] = secret_key(var_dir)
    return env


def main() -> int:
    env = environment()
    python = sys.executable
    # Migrations are a step of their own (`make serve` runs them first; with several servers one does: docs/deploy.md).
    collect = [python, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own command
    workers = env.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1) + 1)
    command = [
        python,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--bind",
        f"{env['BIND_HOST']}:{env['PORT']}",
        "--workers",
        workers,
        # Sync workers take a connection only when idle, so the load spreads over every worker; a gthread worker
        # goes on accepting keep-alive clients while busy, and one was seen holding 31 of 32 while the other cores
        # idled (bench/server.py). The reverse proxy keeps the phones' connections alive (docs/deploy.md).
        "--worker-class",
        "sync",
        "--timeout",
        "60",
        "--access-logfile",
        "/dev/null",  # the site logs each request as a JSON line itself (core.request_log)
    ]
    print(f"Serving on http://{env['BIND_HOST']}:{env['PORT']}/ with {workers} workers (production settings)")
    os.chdir(ROOT)
    os.execve(python, command, env)  # noqa: S606 - gunicorn takes this process's place (signals reach it)
    return 0


if __name__ == "__main__":
    sys.exit(main())
