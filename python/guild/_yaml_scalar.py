"""Read flag values written in YAML 1.1 flow notation, without PyYAML.

Operations that take their flags as Python globals receive each value
in the display encoding the CLI uses: `yes`, `0.5`, `1.0e-05`, `'1'`,
`[1, 2, a]`, `{a: 1}`, ... `decode()` turns such a string back into the
Python value a YAML 1.1 loader (`yaml.safe_load`) would produce, with
one addition the Guild CLI also makes: exponent floats need neither a
decimal point nor a sign (`1e5`, `1e-5`, `2E+3` are floats).

Supported: plain scalars with YAML 1.1 implicit types (bool, null, int
in decimal/octal/hex/binary/base 60 with `_` separators, float incl.
`.inf`/`.nan`/base 60, timestamps), single- and double-quoted strings,
flow sequences and mappings (nested), a single `key: value` pair or
`- item` at top level, comments and a leading `---`. Anything outside
that subset (anchors, tags, block scalars, multi-line block
collections, malformed input) makes `decode()` return the input string
unchanged; `decode_strict()` raises `DecodeError` instead.
"""

import re

__all__ = ["decode", "decode_strict", "resolve_plain", "DecodeError"]


class DecodeError(ValueError):
    pass


def decode(s):
    """Return the value denoted by `s`, or `s` itself if it can't be read."""
    try:
        return decode_strict(s)
    except DecodeError:
        return s


def decode_strict(s):
    """Return the value denoted by `s`; raise `DecodeError` if unreadable."""
    return _Reader(s).document()


# ---------------------------------------------------------------------
# Implicit typing of plain scalars
# ---------------------------------------------------------------------

_BOOLS = {}
for _word, _val in (
    ("yes", True),
    ("no", False),
    ("true", True),
    ("false", False),
    ("on", True),
    ("off", False),
):
    # YAML 1.1 accepts exactly three spellings of each word.
    for _spelling in (_word, _word.capitalize(), _word.upper()):
        _BOOLS[_spelling] = _val
del _word, _val, _spelling

_NULLS = frozenset(["", "~", "null", "Null", "NULL"])

_INT = re.compile(
    r"""[-+]?0b[0-1_]+
      | [-+]?0[0-7_]+
      | [-+]?(?:0|[1-9][0-9_]*)
      | [-+]?0x[0-9a-fA-F_]+
      | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+""",
    re.X,
)

# YAML 1.1 floats plus exponent forms without '.' and with an optional
# exponent sign.
_FLOAT = re.compile(
    r"""[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
      | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
      | \.[0-9_]+(?:[eE][-+][0-9]+)?
      | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
      | [-+]?\.(?:inf|Inf|INF)
      | \.(?:nan|NaN|NAN)""",
    re.X,
)

_TIMESTAMP = re.compile(
    r"""(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
      | (?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})
        (?:[Tt]|[ \t]+)
        (?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})
        (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9]{1,2})
                           (?::(?P<tz_minute>[0-9]{2}))?))?""",
    re.X,
)


def resolve_plain(s):
    """Return the typed value of plain (unquoted) scalar text `s`."""
    if s in _BOOLS:
        return _BOOLS[s]
    if s in _NULLS:
        return None
    if s in ("<<", "="):
        # Merge keys and value indicators: not values a flag can take.
        raise DecodeError(s)
    first = s[:1]
    if first in "-+0123456789.":
        try:
            if _INT.fullmatch(s):
                return _to_int(s)
            if _FLOAT.fullmatch(s):
                return _to_float(s)
            m = _TIMESTAMP.fullmatch(s)
            if m:
                return _to_timestamp(m)
        except (ValueError, OverflowError) as e:
            raise DecodeError(str(e))
    return s


def _split_sign(s):
    if s[:1] == "-":
        return -1, s[1:]
    if s[:1] == "+":
        return 1, s[1:]
    return 1, s


def _base60(digits, cast):
    total = cast(0)
    for part in digits.split(":"):
        total = total * 60 + cast(part)
    return total


def _to_int(s):
    sign, digits = _split_sign(s.replace("_", ""))
    if digits == "0":
        return 0
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0"):
        return sign * int(digits, 8)
    if ":" in digits:
        return sign * _base60(digits, int)
    return sign * int(digits)


def _to_float(s):
    sign, digits = _split_sign(s.replace("_", "").lower())
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    if ":" in digits:
        return sign * _base60(digits, float)
    return sign * float(digits)


def _to_timestamp(m):
    import datetime

    g = m.groupdict()
    if g["year"]:
        return datetime.date(int(g["year"]), int(g["month"]), int(g["day"]))
    fraction = int(((g["fraction"] or "")[:6]).ljust(6, "0"))
    tzinfo = None
    if g["tz_sign"]:
        delta = datetime.timedelta(
            hours=int(g["tz_hour"]), minutes=int(g["tz_minute"] or 0)
        )
        if g["tz_sign"] == "-":
            delta = -delta
        tzinfo = datetime.timezone(delta)
    elif g["tz"]:
        tzinfo = datetime.timezone.utc
    return datetime.datetime(
        int(g["y"]),
        int(g["m"]),
        int(g["d"]),
        int(g["hour"]),
        int(g["minute"]),
        int(g["second"]),
        fraction,
        tzinfo=tzinfo,
    )


# ---------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------

_END = "\0"
_SPACE = " \t"
_BREAK = "\r\n"
# Characters that end a token: whitespace or end of input.
_BLANK = " \t\r\n\0"
_FLOW_INDICATORS = ",[]{}"
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"

_ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


class _Reader(object):
    def __init__(self, text):
        if not isinstance(text, str):
            raise DecodeError("expected a string")
        self.text = text
        self.pos = 0

    # Low level

    def peek(self, offset=0):
        i = self.pos + offset
        if i < len(self.text):
            ch = self.text[i]
            # A NUL inside the text must not look like the end.
            return ch if ch != _END else "\x01"
        return _END

    def at_end(self):
        return self.pos >= len(self.text)

    def fail(self, what):
        raise DecodeError("%s at position %i" % (what, self.pos))

    def skip_space(self, lines):
        """Skip spaces and comments; line breaks too if `lines`."""
        while True:
            ch = self.peek()
            if ch in _SPACE:
                self.pos += 1
            elif ch == "#":
                while self.peek() not in _BREAK + _END:
                    self.pos += 1
            elif lines and ch in _BREAK:
                self.pos += 1
            else:
                return

    def at_marker(self, marker):
        return (
            self.text.startswith(marker, self.pos)
            and self.peek(len(marker)) in _BLANK
        )

    # Document

    def document(self):
        self.skip_space(lines=True)
        if self.at_marker("---"):
            self.pos += 3
            self.skip_space(lines=True)
        if self.at_end() or self.at_marker("..."):
            value = None
        else:
            value = self.block_node(allow_pair=True)
        self.skip_space(lines=True)
        if self.at_marker("..."):
            self.pos += 3
            self.skip_space(lines=True)
        if not self.at_end():
            self.fail("unexpected content")
        return value

    def block_node(self, allow_pair, nested=False):
        start = self.pos
        ch = self.peek()
        if ch == "-" and self.peek(1) in _BLANK:
            if nested and not allow_pair:
                self.fail("sequence not allowed here")
            self.pos += 1
            self.skip_space(lines=False)
            if self.peek() in _BREAK + _END:
                return [None]
            return [self.block_node(allow_pair=True, nested=True)]
        if ch in "[{'\"":
            value = self.flow_node()
        elif self.plain_starts(flow=False):
            value = resolve_plain(self.plain(flow=False))
        else:
            self.fail("unexpected %r" % ch)
        # Only a lone top-level scalar may span lines (folded); keys and
        # nested values must fit on one line.
        if nested:
            self.check_one_line(start)
        return self.maybe_pair(value, allow_pair, start)

    def check_one_line(self, start):
        text = self.text[start : self.pos]
        if "\n" in text or "\r" in text:
            self.fail("multi-line value")

    def maybe_pair(self, key, allow_pair, key_start):
        start = self.pos
        self.skip_space(lines=False)
        if not (self.peek() == ":" and self.peek(1) in _BLANK):
            self.pos = start
            return key
        if not allow_pair:
            self.fail("nested mapping")
        self.check_one_line(key_start)
        _check_key(key)
        self.pos += 1
        self.skip_space(lines=False)
        if self.peek() in _BREAK:
            self.skip_space(lines=True)
            if not self.at_end():
                self.fail("value on the next line")
        if self.at_end():
            return {key: None}
        return {key: self.block_node(allow_pair=False, nested=True)}

    # Flow collections

    def flow_node(self):
        ch = self.peek()
        if ch == "[":
            return self.flow_sequence()
        if ch == "{":
            return self.flow_mapping()
        if ch == "'":
            return self.single_quoted()
        if ch == '"':
            return self.double_quoted()
        if self.plain_starts(flow=True):
            return resolve_plain(self.plain(flow=True))
        self.fail("unexpected %r" % ch)

    def flow_sequence(self):
        self.pos += 1
        items = []
        while True:
            self.skip_space(lines=True)
            if self.peek() == "]":
                self.pos += 1
                return items
            items.append(self.flow_sequence_item())
            self.skip_space(lines=True)
            ch = self.peek()
            if ch == ",":
                self.pos += 1
            elif ch != "]":
                self.fail("expected ',' or ']'")

    def flow_sequence_item(self):
        # An item may be a single `key: value` pair.
        explicit = self.peek() == "?" and self.peek(1) in _BLANK
        if explicit:
            self.pos += 1
            self.skip_space(lines=True)
        item = self.flow_node()
        self.skip_space(lines=True)
        if self.peek() == ":":
            _check_key(item)
            self.pos += 1
            return {item: self.flow_value("]")}
        if explicit:
            return {item: None}
        return item

    def flow_mapping(self):
        self.pos += 1
        result = {}
        while True:
            self.skip_space(lines=True)
            if self.peek() == "}":
                self.pos += 1
                return result
            if self.peek() == "?" and self.peek(1) in _BLANK:
                self.pos += 1
                self.skip_space(lines=True)
            key = self.flow_node()
            _check_key(key)
            self.skip_space(lines=True)
            if self.peek() == ":":
                self.pos += 1
                result[key] = self.flow_value("}")
            else:
                result[key] = None
            self.skip_space(lines=True)
            ch = self.peek()
            if ch == ",":
                self.pos += 1
            elif ch != "}":
                self.fail("expected ',' or '}'")

    def flow_value(self, closing):
        self.skip_space(lines=True)
        if self.peek() in "," + closing:
            return None
        return self.flow_node()

    # Scalars

    def plain_starts(self, flow):
        ch = self.peek()
        if ch in _BLANK:
            return False
        if ch in _INDICATORS:
            nxt = self.peek(1)
            if nxt in _BLANK:
                return False
            return ch == "-" or (not flow and ch in "?:")
        return True

    def plain(self, flow):
        stops = _FLOW_INDICATORS + "?" if flow else ""
        colon_ends = _BLANK + (_FLOW_INDICATORS if flow else "")
        chunks = []
        while True:
            start = self.pos
            while True:
                ch = self.peek()
                if ch in _BLANK or ch in stops:
                    break
                if ch == ":" and self.peek(1) in colon_ends:
                    break
                self.pos += 1
            if self.pos == start:
                break
            chunks.append(self.text[start : self.pos])
            # Whitespace continues the scalar only if more of it follows.
            before_space = self.pos
            spaces = self.quoted_space()
            ch = self.peek()
            if (
                self.pos == before_space
                or ch in _END + "#"
                or ch in stops
                or (ch == ":" and self.peek(1) in colon_ends)
            ):
                self.pos = before_space
                break
            chunks.append(spaces)
        return "".join(chunks)

    def quoted_space(self):
        """Consume whitespace; return what it folds to."""
        start = self.pos
        while self.peek() in _SPACE:
            self.pos += 1
        if self.peek() not in _BREAK:
            return self.text[start : self.pos]
        breaks = 0
        while True:
            while self.peek() in _SPACE:
                self.pos += 1
            if self.peek() == "\r":
                self.pos += 1
                if self.peek() == "\n":
                    self.pos += 1
            elif self.peek() == "\n":
                self.pos += 1
            else:
                break
            breaks += 1
        return " " if breaks == 1 else "\n" * (breaks - 1)

    def single_quoted(self):
        self.pos += 1
        chunks = []
        while True:
            ch = self.peek()
            if ch == _END:
                self.fail("unterminated single-quoted string")
            if ch == "'":
                if self.peek(1) == "'":
                    chunks.append("'")
                    self.pos += 2
                    continue
                self.pos += 1
                return "".join(chunks)
            if ch in _SPACE + _BREAK:
                chunks.append(self.quoted_space())
            else:
                chunks.append(self.text[self.pos])
                self.pos += 1

    def double_quoted(self):
        self.pos += 1
        chunks = []
        while True:
            ch = self.peek()
            if ch == _END:
                self.fail("unterminated double-quoted string")
            if ch == '"':
                self.pos += 1
                return "".join(chunks)
            if ch == "\\":
                chunks.append(self.escape())
            elif ch in _SPACE + _BREAK:
                chunks.append(self.quoted_space())
            else:
                chunks.append(self.text[self.pos])
                self.pos += 1

    def escape(self):
        self.pos += 1
        ch = self.peek()
        if ch in _ESCAPES:
            self.pos += 1
            return _ESCAPES[ch]
        if ch in _HEX_ESCAPES:
            width = _HEX_ESCAPES[ch]
            digits = self.text[self.pos + 1 : self.pos + 1 + width]
            if len(digits) != width or not all(
                c in "0123456789abcdefABCDEF" for c in digits
            ):
                self.fail("bad escape")
            self.pos += 1 + width
            try:
                return chr(int(digits, 16))
            except (ValueError, OverflowError):
                self.fail("bad escape")
        if ch in _BREAK:
            # Escaped line break: joins lines without a space.
            folded = self.quoted_space()
            return "" if folded == " " else folded
        self.fail("bad escape")


def _check_key(key):
    if isinstance(key, (list, dict)):
        raise DecodeError("unhashable mapping key")
