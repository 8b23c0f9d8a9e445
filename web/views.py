"""Helpers the templates share: highlighted lines, the competency chart, downloads."""

from __future__ import annotations

import base64
import json
from typing import Any

from flask import Flask
from markupsafe import Markup, escape

from resume_analyzer import scale_note


def init_app(app: Flask) -> None:
    app.add_template_filter(highlight)
    app.add_template_filter(data_url)
    app.add_template_filter(scale_note)  # where a score falls among measured groups


def highlight(text: str, skills: list[dict[str, Any]]) -> Markup:
    """The line with each skill found in it wrapped in <mark>; everything else escaped."""
    out: list[str] = []
    cursor = 0
    for skill in sorted(skills, key=lambda s: s["span"][0]):
        start, end = skill["span"]
        if start < cursor or end > len(text):
            continue
        out.append(str(escape(text[cursor:start])))
        title = escape(f"{skill['name']} ({skill['area'].replace('_', ' ')})")
        out.append(f'<mark class="skill" title="{title}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def data_url(content: str | dict[str, Any], mimetype: str = "application/json") -> str:
    """A download link's target that carries the file itself: nothing is kept on the server."""
    if not isinstance(content, str):
        content = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    encoded = base64.b64encode(content.encode("utf-8")).decode("ascii")
    return f"data:{mimetype};charset=utf-8;base64,{encoded}"
