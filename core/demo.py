"""A registry of demo-content loaders, so `load_demo` can run every app's loader without core importing apps."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLoader:
    name: str
    order: int
    load: Callable[..., None]  # load(*, stdout, force) -> None; must be idempotent


_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(name: str, load: Callable[..., None], *, order: int) -> None:
    _loaders[name] = DemoLoader(name=name, order=order, load=load)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: loader.order)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    description: str


_logins: list[DemoLogin] = []


def register_demo_login(username: str, description: str) -> None:
    """Accounts that `make run` prints after loading the demo (only those that exist are printed)."""
    if all(login.username != username for login in _logins):
        _logins.append(DemoLogin(username=username, description=description))


def demo_logins() -> list[DemoLogin]:
    return list(_logins)


def demo_password() -> str:
    import os

    return os.environ.get("DEMO_PASSWORD", "demo1234")
