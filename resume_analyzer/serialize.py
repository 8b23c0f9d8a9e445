"""The one JSON serialisation every door prints: key order kept, two-space indent, UTF-8 text.

The CLI's `--format json`, the API's bodies and the batch JSON use it, so the same analysis is
the same bytes wherever it comes from.
"""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    """`data` as the project's JSON text, ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
