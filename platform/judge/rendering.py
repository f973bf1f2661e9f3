"""Markdown statements to safe HTML: rendered with python-markdown, then sanitised with nh3 (no scripts).

TeX between `$...$` / `$$...$$` is lifted out before Markdown runs (Markdown would eat its backslashes and
underscores) and put back HTML-escaped; KaTeX renders it in the browser (static/vendor/editor.bundle.js).
"""

import html
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "pre", "code", "em", "strong", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "blockquote", "table",
    "thead", "tbody", "tr", "th", "td", "hr", "br", "span", "div", "sub", "sup",
}
MATH = re.compile(r"(?<!\\)(\$\$.+?\$\$|\$[^\s$](?:[^$\n]*?[^\s$])?\$)", re.DOTALL)
CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)


def _protect_math(text: str) -> tuple[str, list[str]]:
    """Swap math (outside code) for placeholders Markdown leaves alone."""
    spans: list[str] = []

    def stash(match: re.Match) -> str:
        spans.append(match.group(0))
        return f"TJMATH{len(spans) - 1}X"

    parts = CODE.split(text)
    return "".join(p if i % 2 else MATH.sub(stash, p) for i, p in enumerate(parts)), spans


def render_markdown(text: str) -> str:
    protected, spans = _protect_math(text)
    rendered = markdown.markdown(protected, extensions=["fenced_code", "tables"])
    for i, span in enumerate(spans):
        rendered = rendered.replace(f"TJMATH{i}X", html.escape(span, quote=False))
    return nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "span": {"class"},
                                                               "code": {"class"}, "div": {"class"}})
