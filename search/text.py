"""Chinese text for lexical search: jieba segmentation (search mode, so that 陶瓷涂覆隔膜 also
yields 陶瓷, 涂覆, 隔膜), lower-cased, punctuation dropped."""
from __future__ import annotations

import re
import threading

_WORD = re.compile(r"\w", re.UNICODE)
_init_lock = threading.Lock()
_ready = False


def _jieba():
    global _ready
    import jieba

    if not _ready:
        with _init_lock:
            if not _ready:
                jieba.setLogLevel(60)
                jieba.initialize()
                _ready = True
    return jieba


def tokens(text: str) -> list[str]:
    return [w.lower() for w in _jieba().cut_for_search(text) if _WORD.search(w) and not w.isspace()]


def segmented(text: str) -> str:
    """Whitespace-joined tokens: what a whitespace analyzer (e.g. in Elasticsearch) indexes."""
    return " ".join(tokens(text))
