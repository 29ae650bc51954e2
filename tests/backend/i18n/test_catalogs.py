"""Chinese is the source language; English comes from backend/locale/en. The compiled catalog
must carry every translation of the .po file, and every marked string must be translated."""

import ast
import gettext
import re

from tests.services import REPO_DIR

LOCALE = REPO_DIR / "backend" / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', re.MULTILINE)
CALLS = {"_", "gettext", "gettext_lazy"}


def joined(quoted_lines: str) -> str:
    """The value of a (possibly multi-line) .po string."""
    return "".join(ast.literal_eval(line) for line in quoted_lines.strip().splitlines())


def po_entries() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    return {joined(i): joined(s) for i, s in ENTRY.findall(text) if joined(i)}


def marked_strings() -> set[str]:
    found = set()
    for path in (REPO_DIR / "backend").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_po_entry_is_translated_and_compiled():
    with (LOCALE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    entries = po_entries()

    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    assert {msgid: compiled.gettext(msgid) for msgid in entries} == entries, "run `manage.py compilemessages`"


def test_every_marked_string_is_in_the_catalog():
    missing = sorted(marked_strings() - set(po_entries()))
    assert missing == [], "run `manage.py makemessages -l en` and translate the new entries"
