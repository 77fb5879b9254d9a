"""Turning untrusted strings (document text, messages, paths) into safe Qt rich text."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders anything that looks like HTML, so escape it."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" if text else ""


def snippet_html(snippet: str) -> str:
    """A search snippet (match between \\x02 and \\x03) as escaped rich text with the match in bold."""
    return html.escape(snippet).replace("\x02", "<b>").replace("\x03", "</b>")
