"""The little Markdown a text resume uses, read in time linear in the line's length.

ATX headings (`## Experience`), a bold line (`**Experience**`), links (`[label](url)`) and
emphasis (`**`, `__`, `*`, `_`, backticks). Written as regular expressions the natural way,
an unclosed `**` before a long line, a run of `[`, or a long run of `#` or spaces makes the
engine backtrack over the rest of the line from every position: seconds to minutes for a
100 KB line. Each function here gives what its regular expression (quoted in its docstring)
gives, without the backtracking; tests check them against those expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ATX_OPEN = re.compile(r"#{1,6}\s+")
# Possessive quantifiers: a label stops at a bracket and a URL at a parenthesis, whitespace or
# one balanced "(…)" (as in Wikipedia links), and neither gives characters back.
LINK = re.compile(r"\[([^\[\]]++)\]\(((?:[^()\s]++|\([^()\s]*+\))++)\)")
_EMPHASIS = ("**", "__", "*", "_", "`")
_EMPHASIS_CHARS = re.compile(r"[*_`]")
_CLOSERS = {mark: re.compile(rf"(?<=\S)(?={re.escape(mark)})") for mark in _EMPHASIS}


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of `## Heading ##`, as `^(#{1,6})\\s+(.*?)\\s*#*\\s*$` matches it."""
    match = _ATX_OPEN.match(line)
    if match is None:
        return None
    level = len(match.group().rstrip())
    return level, line[match.end() :].rstrip().rstrip("#").rstrip()


def bold_line(line: str) -> str | None:
    """The text of a line that is all bold (`**Experience**`, `__Skills__:`), as
    `^\\s*(\\*\\*|__)(.+?)\\1\\s*:?\\s*$` matches it."""
    body = line.lstrip()
    mark = body[:2]
    if mark not in ("**", "__"):
        return None
    end = body.rstrip()
    if end.endswith(":"):
        end = end[:-1].rstrip()
    if len(end) < 5 or not end.endswith(mark):
        return None
    return end[2:-2]


def strip_emphasis(line: str) -> str:
    """`line` with emphasis marks removed around their text, as
    ``re.sub(r"(\\*\\*|__|\\*|_|`)(?=\\S)(.+?)(?<=\\S)\\1", r"\\2", line)`` does."""
    if "\n" in line:
        return "\n".join(strip_emphasis(part) for part in line.split("\n"))
    if not _EMPHASIS_CHARS.search(line):
        return line
    # Where each mark may close: after a non-space character.
    closers = {mark: [m.start() for m in rx.finditer(line)] for mark, rx in _CLOSERS.items()}
    parts: list[str] = []
    copied = 0
    for opener in _EMPHASIS_CHARS.finditer(line):
        at = opener.start()
        if at < copied:
            continue
        for mark in _EMPHASIS:
            start = at + len(mark)
            if not line.startswith(mark, at) or start >= len(line) or line[start].isspace():
                continue
            positions = closers[mark]
            index = bisect_left(positions, start + 1)  # at least one character inside
            if index == len(positions):
                continue
            close = positions[index]
            parts += [line[copied:at], line[start:close]]
            copied = close + len(mark)
            break
    parts.append(line[copied:])
    return "".join(parts)
