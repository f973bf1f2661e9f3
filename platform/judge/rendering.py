"""Markdown statements to safe HTML: rendered with python-markdown, then sanitised with nh3 (no scripts).

TeX between `$...$` / `$$...$$` is lifted out before Markdown runs (Markdown would eat its backslashes and
underscores) and put back HTML-escaped; KaTeX renders it in the browser (static/vendor/editor.bundle.js).
"""

import functools
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
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s+\S")


def _protect_math(text: str) -> tuple[str, list[str]]:
    """Swap math (outside code) for placeholders Markdown leaves alone."""
    spans: list[str] = []

    def stash(match: re.Match) -> str:
        spans.append(match.group(0))
        return f"TJMATH{len(spans) - 1}X"

    parts = CODE.split(text)
    return "".join(p if i % 2 else MATH.sub(stash, p) for i, p in enumerate(parts)), spans


def _separate_lists(text: str) -> str:
    """Start a list that directly follows a paragraph line on its own block, as GitHub does (python-markdown
    would otherwise run "Steps:\n- a\n- b" into one paragraph). Fenced code is left as it is."""
    lines: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and LIST_ITEM.match(line) and lines and lines[-1].strip() and not LIST_ITEM.match(lines[-1]) \
                and not lines[-1].startswith((" ", "\t")):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


@functools.lru_cache(maxsize=512)  # pure, and statements are rendered on every page view
def render_markdown(text: str) -> str:
    protected, spans = _protect_math(_separate_lists(text))
    rendered = markdown.markdown(protected, extensions=["fenced_code", "tables"])
    for i, span in enumerate(spans):
        rendered = rendered.replace(f"TJMATH{i}X", html.escape(span, quote=False))
    return nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "span": {"class"},
                                                               "code": {"class"}, "div": {"class"}})
