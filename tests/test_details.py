"""Safe Markdown for the details view."""
from __future__ import annotations

import re

from timeline import details


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_every_markdown_and_html_character_is_escaped():
    text = "<script>alert(1)</script> [x](javascript:y) *b* `c` $d$ :red[e] # f | g ~h~"
    out = details.escape_markdown(text)
    assert unescape(out) == text
    assert not re.search(r"(?<!\\)[<>\[\]()*`$:#|~]", out)  # no unescaped special character


def test_the_time_expression_is_highlighted_and_the_rest_literal():
    out = details.highlighted("Pada <b>3 September 2025</b>, Putin [bertemu] Kim.", "3 September 2025")
    assert out == r"Pada \<b\>:orange-background[3 September 2025]\<\/b\>\, Putin \[bertemu\] Kim\."
    spaced = details.highlighted("Pada 1 Mei 2024 Rusia.", "1 Mei 2024")
    assert spaced == r"Pada :orange-background[1 Mei 2024] Rusia\."


def test_highlight_ignores_case_and_falls_back_to_plain_text():
    assert ":orange-background[Kemarin]" in details.highlighted("Kemarin hujan.", "kemarin")
    assert details.highlighted("Tanpa tanggal (1).", "besok") == r"Tanpa tanggal \(1\)\."
    assert details.highlighted("Teks.", "") == r"Teks\."


def test_reports_list_each_article_with_the_date_it_gave():
    import pandas as pd

    said = pd.DataFrame([
        {"event_id": "e1", "source": "a.md", "date_label": "18 Jun 2024", "published": "2024-06-19",
         "sentence": "Putin *signed* the treaty.", "source_url": "https://example.test/a"},
        {"event_id": "e2", "source": "b.md", "date_label": "1948", "published": "", "sentence": "x", "source_url": ""},
    ])
    [rec] = details.reports(said, "e1")
    line = details.report_line(rec)
    assert line.startswith("› Putin \\*signed\\* the treaty\\.") and "a\\.md\\, 18 Jun 2024\\, published 2024\\-06\\-19" in line


def test_other_reports_leave_out_the_sentence_shown():
    import pandas as pd

    said = pd.DataFrame({"event_id": ["a", "a", "b"], "sentence": ["Kim  met Putin.", "Putin hosted Kim.", "x"]})
    assert [r["sentence"] for r in details.other_reports(said, {"event_id": "a", "sentence": "Kim met Putin."})] == [
        "Putin hosted Kim."]
