from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Indicator:
    name: str
    target: str = ""
    unit: str = ""

    def text(self) -> str:
        return f"{self.name}{self.target}{self.unit}"


@dataclass(frozen=True)
class PostingText:
    """The text of a posting that matching reads: title, description, indicators, keywords."""

    title: str
    description: str = ""
    indicators: Sequence[Indicator] = field(default_factory=tuple)
    keywords: Sequence[str] = field(default_factory=tuple)

    def full(self) -> str:
        parts = [self.title, self.description]
        if self.indicators:
            parts.append("；".join(i.text() for i in self.indicators))
        if self.keywords:
            parts.append(" ".join(self.keywords))
        return "\n".join(p for p in parts if p)

    def body(self) -> str:
        """Everything but the title: the problem as stated, without the headline."""
        parts = [self.description]
        if self.indicators:
            parts.append("；".join(i.text() for i in self.indicators))
        return "\n".join(p for p in parts if p) or self.title
