"""The lay-to-technical glossary (glossary.tsv, edited by operators): an enterprise describes its
problem by its symptoms ("剩余电量经常跳变，续航估不准") while the capability that solves it is
named in terms ("SOC估计, 电池管理系统BMS"); `expand` returns the terms a text triggers.

File format: see the comment at the top of glossary.tsv."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PATH = Path(__file__).with_name("glossary.tsv")
HEADER = ("chain", "when", "terms")
# A trigger's fragments must meet in one sentence: across a whole posting, "电池" in one sentence
# and "起火" in another say nothing about thermal runaway.
SENTENCE = re.compile(r"[。！？!?；;\n]")


class GlossaryError(ValueError):
    """A line of the glossary file is malformed (the message names the file and line)."""


@dataclass(frozen=True)
class Entry:
    chain: str
    when: tuple[tuple[str, ...], ...]  # alternatives; each is fragments that must share a sentence
    terms: tuple[str, ...]

    def fires(self, sentences: Iterable[str]) -> bool:
        return any(all(f in s for f in trigger) for s in sentences for trigger in self.when)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]

    def expand(self, text: str, chain: str | None = None) -> list[str]:
        """The terms of every entry that `text` triggers, in file order, each once. With `chain`,
        only that chain's entries count (None: all chains, since a third of the needs are solved
        from another chain than the poster's)."""
        sentences = [s for s in SENTENCE.split(text.lower()) if s]
        terms: dict[str, None] = {}
        for entry in self.entries:
            if (chain is None or entry.chain == chain) and entry.fires(sentences):
                terms.update(dict.fromkeys(entry.terms))
        return list(terms)

    def sizes(self) -> dict[str, int]:
        """Entries per chain."""
        sizes: dict[str, int] = {}
        for entry in self.entries:
            sizes[entry.chain] = sizes.get(entry.chain, 0) + 1
        return sizes


def _items(column: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in column.split("|") if item.strip())


def parse(text: str, source: str = "glossary") -> Glossary:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = tuple(c.strip() for c in line.split("\t"))
        if columns == HEADER:
            continue
        if len(columns) != 3:
            raise GlossaryError(f"{source}:{number}: expected 3 tab-separated columns, got {len(columns)}")
        chain, when, terms = columns
        triggers = tuple(tuple(f.strip().lower() for f in t.split("+") if f.strip()) for t in _items(when))
        if not chain or not any(triggers) or not _items(terms):
            raise GlossaryError(f"{source}:{number}: an entry needs a chain, a trigger and a term")
        entries.append(Entry(chain=chain, when=tuple(t for t in triggers if t), terms=_items(terms)))
    return Glossary(entries=tuple(entries))


def load(path: Path = PATH) -> Glossary:
    return parse(path.read_text(encoding="utf-8"), source=str(path))


@functools.cache
def default() -> Glossary:
    """The shipped glossary, read once per process."""
    return load()


def expand(text: str, chain: str | None = None) -> list[str]:
    """The technical terms that `text` triggers in the shipped glossary."""
    return default().expand(text, chain)
