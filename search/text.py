"""Chinese text for lexical search: jieba segmentation (search mode, so that 陶瓷涂覆隔膜 also
yields 陶瓷, 涂覆, 隔膜), lower-cased, punctuation dropped."""

from __future__ import annotations

import math
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


# Words that say nothing about what a query is about; never required of a document.
STOPWORDS = frozenset(
    "的 了 和 与 及 或 等 在 对 把 被 为 是 有 也 就 都 而 以及 如何 怎么 怎样 什么 哪些 想 要 我们 我 你 他 它 这 那 该 其 之 "
    "能 会 可 可以 吗 呢 啊 a an the of and or for to in on with".split()
)
_LATIN_LETTER = re.compile(r"[a-z]")


def query_terms(text: str) -> list[str]:
    """The terms a free-text query is about: jieba's words (precise mode), lower-cased, without
    punctuation, stopwords and lone Latin letters; single Chinese characters only when the query
    has nothing longer ("铝" alone, but not the 被 of 猪场臭味被村民投诉). Latin words and numbers
    stay whole ("5g", "pm2")."""
    words = []
    for w in _jieba().lcut(text):
        w = w.strip().lower()
        if not w or not _WORD.search(w) or w in STOPWORDS or (len(w) == 1 and _LATIN_LETTER.fullmatch(w)):
            continue
        if w not in words:
            words.append(w)
    longer = [w for w in words if len(w) > 1]
    return longer or words


def required_terms(count: int) -> int:
    """How many of a query's terms a document must contain to be a literal hit: all of up to three
    ("锂电池 回收" needs both), three quarters of more (a typed title such as 动力电池电解液低温性能
    提升 rarely repeats every word). Measured with `evaluate_matching --mode search`."""
    return count if count <= 3 else math.ceil(0.75 * count)
