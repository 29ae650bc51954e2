"""The API's JSON parser: bounds the nesting depth and refuses a NUL character anywhere in the body.

Depth: json's C decoder recurses once per level and raised RecursionError (a 500) on a body nested
a few thousand levels deep; our own bodies nest four levels at most (a deal's parties, a challenge's
milestones). The check runs before the decoder, without recursion: strings are removed, then
innermost bracket pairs are stripped once per allowed level, each pass a C-speed regex (a 2.5 MB
body, DATA_UPLOAD_MAX_MEMORY_SIZE, takes a few milliseconds).

NUL: PostgreSQL text cannot hold NUL (0x00), so a NUL that reached a query (a lookup by an industry
code, a filter) was a 500 there and nothing on SQLite (tests/fuzz found it in CI). DRF's CharField
already refuses NUL in the fields it validates; this catches every other string, keys included.

Size is not this parser's business: DRF reads the body through Django's `request.body`, which
raises RequestDataTooBig above DATA_UPLOAD_MAX_MEMORY_SIZE; core/exceptions.py and
core/middleware.py answer it with a JSON 413."""

import io
import re
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as DRFJSONParser
from rest_framework.parsers import get_encoding

MAX_JSON_DEPTH = 32
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def nesting_exceeds(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the arrays and objects of `text` nest deeper than `limit` (or the brackets do not
    pair up, which the decoder would refuse anyway)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _level in range(limit):
        if not brackets:
            return False
        brackets = _INNERMOST.sub("", brackets)
    return bool(brackets)


def contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False


class JSONParser(DRFJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        # get_encoding refuses byte-to-byte codecs (bz2_codec would decompress past the size limit).
        if nesting_exceeds(raw.decode(get_encoding(parser_context or {}), errors="replace")):
            raise ParseError(_("JSON 嵌套超过 %(limit)d 层") % {"limit": MAX_JSON_DEPTH})
        try:
            data = super().parse(io.BytesIO(raw), media_type, parser_context)
        except RecursionError as exc:  # unreachable past the check above; never a 500 if it is not
            raise ParseError(_("JSON 嵌套超过 %(limit)d 层") % {"limit": MAX_JSON_DEPTH}) from exc
        if contains_nul(data):
            raise ParseError(_("请求内容含有空字符（\\u0000），无法保存"))
        return data
