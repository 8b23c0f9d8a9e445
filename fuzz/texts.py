"""Pathological text: the shapes that make regular expressions backtrack or work grow with the
square of a line (long runs of one character, many short tokens, unclosed markup), and odd
Unicode. Each maker takes a size and returns text; `fuzz/mutate.py` decides where it goes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

TextMaker = Callable[[random.Random, int], str]

_EMOJI = [chr(c) for c in range(0x1F300, 0x1F64F)] + ["👩‍💻", "🏳️‍🌈", "👍🏽"]
_ODD = (
    [chr(c) for c in range(0x300, 0x36F)]  # combining marks
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u202d"]
    + ["\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x00", "\x1b", "\x7f"]
    + ["\ufffd", "\ufffe", "\uffff", "\ue000", "\uf8ff", "\U0001d400", "\U000e0041"]
    + ["ﬁ", "ﬂ", "Ａ", "１", "：", "｜", "İ", "ß", "ǅ", "Ω", "ﷺ", "𒐫", "ᾏ", "ŉ"]
)


def _words(rng: random.Random, n: int) -> str:
    vocab = "led built launched users growth data team roadmap product metrics the and of".split()
    return " ".join(rng.choice(vocab) for _ in range(n))


MAKERS: dict[str, TextMaker] = {
    "digit_groups": lambda rng, n: "12 " * n,
    "hyphen_domain": lambda rng, n: "a-" * n + ".com",
    "hyphen_domain_fail": lambda rng, n: "a-" * n + ".comx",
    "caps_comma": lambda rng, n: "Aa " * n + ",",
    "caps_comma_state": lambda rng, n: "Aa " * n + ", CA",
    "unclosed_bold": lambda rng, n: "**" + _words(rng, n),
    "unclosed_under": lambda rng, n: "__" + _words(rng, n) + " __x",
    "brackets": lambda rng, n: "[" * n,
    "bracket_links": lambda rng, n: "[a](" * n,
    "backticks": lambda rng, n: "`" * n,
    "backtick_words": lambda rng, n: "`a " * n,
    "stars": lambda rng, n: "* " * n + "x",
    "hashes": lambda rng, n: "#" * n,
    "atx_hashes": lambda rng, n: "# " + "#" * n + "x",
    "atx_spaces": lambda rng, n: "# a" + " " * n + "#x",
    "bold_spaces": lambda rng, n: "**a**" + " " * n + "x",
    "date_ranges": lambda rng, n: "Jan 2020 – Mar 2021, " * n,
    "numeric_dates": lambda rng, n: "01/2020-" * n,
    "years": lambda rng, n: "2020 " * n,
    "dash_lines": lambda rng, n: "- a\n" * n,
    "short_lines": lambda rng, n: "a\n" * n,
    "emoji": lambda rng, n: "".join(rng.choice(_EMOJI) for _ in range(n)),
    "odd_unicode": lambda rng, n: "".join(rng.choice(_ODD) + "a" for _ in range(n)),
    "combining": lambda rng, n: "a" + "\u0301" * n,
    "long_word": lambda rng, n: "a" * n,
    "emails": lambda rng, n: "a@" * n + "b.com",
    "email_dots": lambda rng, n: "a." * n + "@",
    "urls": lambda rng, n: "http://a.com/" * n,
    "www_dots": lambda rng, n: "www." + "a." * n,
    "phones": lambda rng, n: "+1 (" * n,
    "phone_digits": lambda rng, n: "1-" * n,
    "percent": lambda rng, n: "1." * n + "%",
    "money": lambda rng, n: "$1," * n,
    "commas": lambda rng, n: "1," * n,
    "parens": lambda rng, n: "(" * n,
    "tabs": lambda rng, n: "a\t" * n,
    "spaces": lambda rng, n: "a" + " " * n + ":",
    "words": _words,
    "list_line": lambda rng, n: ", ".join(["SQL", "Python", "Go", "R"] * (n // 4 + 1)),
    "headings": lambda rng, n: "EXPERIENCE\n" * n,
    "bullets_glyphs": lambda rng, n: "• " * n,
    "dotted": lambda rng, n: "." * n,
    "quotes": lambda rng, n: "'" * n + "1",
    "slashes": lambda rng, n: "/" * n,
}
