"""Markdown rendering: a list right after a paragraph line is a list (as on GitHub), math and code untouched."""

from judge.rendering import render_markdown


def test_list_directly_after_a_paragraph_line_renders_as_a_list():
    html = render_markdown("Three reasons:\n- scale\n- shift\n\nSteps:\n1. one\n2. two")
    assert "<p>Three reasons:</p>\n<ul>\n<li>scale</li>\n<li>shift</li>\n</ul>" in html
    assert "<ol>\n<li>one</li>\n<li>two</li>\n</ol>" in html


def test_fenced_code_and_continuations_are_left_alone():
    html = render_markdown("```\nx:\n- not a list\n```\n\n- item\n  continued\n- $a - b$")
    assert "<pre><code>x:\n- not a list\n</code></pre>" in html
    assert "<li>item\n  continued</li>" in html and "$a - b$" in html
