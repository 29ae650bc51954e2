"""The one environment reader. Every setting that varies between machines comes through `env`."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent  # backend/
REPO_DIR = BASE_DIR.parent

env = environ.Env()

if (REPO_DIR / ".env").is_file():
    environ.Env.read_env(REPO_DIR / ".env")


class MissingSetting(Exception):
    """A required production setting is absent; raised at start-up with the variable's name."""


def require(name: str, purpose: str) -> str:
    value = env.str(name, default="")
    if not value.strip():
        raise MissingSetting(
            f"{name} is not set. It is required in production: {purpose}. "
            f"Set it in the environment (see deploy/.env.example)."
        )
    return value
