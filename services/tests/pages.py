"""What every public page of the section must be: Russian, small, with no inline style or script, headings in order."""

import re

MAX_BYTES = 100 * 1024
HEADING = re.compile(r"<h([1-6])\b")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>")


def checked_page(response) -> str:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert len(response.content) < MAX_BYTES
    assert '<html lang="ru">' in html
    assert "style=" not in html and not INLINE_SCRIPT.search(html)
    levels = [int(level) for level in HEADING.findall(html)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
    for table in re.findall(r"<table.*?</table>", html, re.S):
        assert "<caption" in table and 'scope="col"' in table
    return html
