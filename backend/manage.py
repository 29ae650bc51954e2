#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    from config.env import MissingSetting

    try:
        execute_from_command_line(sys.argv)
    except MissingSetting as exc:
        sys.stderr.write(f"TechMatch cannot start: {exc}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
