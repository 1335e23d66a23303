"""Key dates: which days a story's articles make central, and the sentences that tell them."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline import importance, summary
from timeline.model import Event

MAY = date(2020, 5, 1)


def ev(n: int, day: date, source: str, published: date, text: str = "", precision: str = "day", **kw) -> Event:
    """One article's row, with a sentence of its own."""
    return Event(f"id{n:03d}", day, kw.pop("date_end", day), precision, "", "t",
                 text or f"Dock workers in Port Aster did thing number {n} that day.", event_type="military",
                 source=source, published=published, **kw)


def may(d: int) -> date:
    return MAY + timedelta(days=d - 1)


def story() -> list[Event]:
    """Five articles about a harbour strike: 4 May told by four, 8 May by one, 24 May by one."""
    return [
        ev(1, may(4), "a1.txt", may(4), "Dock workers in Port Aster walked out on Monday, the union said."),
        ev(2, may(4), "a2.txt", may(6), "The strike that began on May 4 has left forty ships waiting outside."),
        ev(3, may(4), "a4.txt", may(12), "The dock workers of Port Aster first walked out on May 4."),
        ev(4, may(8), "a4.txt", may(12), "Talks between the union and the port authority collapsed on May 8."),
        ev(5, may(4), "a5.txt", may(25), "The walkout had begun on May 4 and closed the harbour for weeks."),
        ev(6, may(24), "a5.txt", may(25), "The strike in Port Aster ended on Sunday when both sides signed."),
    ]


def test_a_date_three_articles_report_beats_one_mentioned_once():
    assert [k.date for k in summary.key_dates(story(), 1)] == [may(4)]


def test_no_more_dates_than_asked_and_in_date_order():
    for n in range(0, 5):
        got = summary.key_dates(story(), n)
        assert len(got) == min(n, 3)
        assert [k.date for k in got] == sorted(k.date for k in got)


def test_start_and_end_are_honoured():
    got = summary.key_dates(story(), 5, start=may(5), end=may(23))
    assert [k.date for k in got] == [may(8)]
    assert summary.key_dates(story(), 5, start=may(25)) == []


def test_at_most_k_sentences_each_verbatim_from_a_report_of_that_day():
    texts = {e.sentence: e for e in story()}
    for k in (1, 2, 3):
        for found in summary.key_dates(story(), 3, sentences=k):
            assert 1 <= len(found.sentences) <= k
            assert len(found.sentences) == len(found.sources)
            assert all(texts[s].date == found.date and texts[s].source == src
                       for s, src in zip(found.sentences, found.sources))
            assert set(found.event_ids) <= {e.event_id for e in story()}
    assert [k.sentences for k in summary.key_dates(story(), 3, sentences=0)] == [(), (), ()]


def test_a_near_copy_of_a_chosen_sentence_is_left_out():
    wire = "Rebels seized the oil port of Brega after a day of heavy fighting, officials said."
    rows = [ev(1, may(4), "a.txt", may(5), wire), ev(2, may(4), "b.txt", may(5), wire.replace("officials", "witnesses")),
            ev(3, may(4), "c.txt", may(6), "The government called the loss of Brega a temporary setback.")]
    (found,) = summary.key_dates(rows, 1, sentences=3)
    assert len(found.sentences) == 2 and found.sentences[1].startswith("The government")


def test_only_day_precise_dates_are_chosen():
    rows = [ev(n, may(1), f"{n}.txt", may(20), precision="month", date_end=may(31)) for n in range(5)]
    rows.append(ev(9, may(7), "x.txt", may(8)))
    assert [k.date for k in summary.key_dates(rows, 3)] == [may(7)]


def test_a_day_only_announced_before_it_came_is_not_a_key_date():
    rows = [ev(n, may(30), f"{n}.txt", may(20)) for n in range(4)] + [ev(9, may(7), "x.txt", may(8))]
    assert [k.date for k in summary.key_dates(rows, 3)] == [may(7)]


def test_a_quiet_months_big_day_stands_beside_a_busy_months():
    # March: sixty articles, three a day about their own day, each day named again later,
    # 1 March three times more. June: two articles, both about 1 June. By counts alone
    # every March day beats 1 June; against the coverage around each day, 1 June comes second.
    march, june = date(2020, 3, 1), date(2020, 6, 1)
    rows = [ev(n, march + timedelta(n % 20), f"m{n}.txt", march + timedelta(n % 20)) for n in range(60)]
    rows += [ev(100 + n, march + timedelta(n), f"later{n}.txt", date(2020, 3, 25)) for n in range(20)]
    rows += [ev(200 + n, march, f"m{n}.txt", march + timedelta(n % 20)) for n in (5, 6, 7)]
    rows += [ev(300 + n, june, f"j{n}.txt", june + timedelta(1)) for n in range(2)]
    assert [k.date for k in summary.key_dates(rows, 2)] == [march, june]
    by_counts = replace(importance.load(), window_days=1000)
    assert june not in [k.date for k in summary.key_dates(rows, 2, settings=by_counts)]


def test_record_is_the_jsonl_shape():
    (found,) = summary.key_dates(story(), 1, sentences=2)
    rec = found.record()
    assert list(rec) == ["date", "sentences", "event_ids"]
    assert rec["date"] == "2020-05-04" and len(rec["sentences"]) == 2 and all(isinstance(i, str) for i in rec["event_ids"])


def test_markdown_is_a_dated_list():
    text = summary.to_markdown(summary.key_dates(story(), 2, sentences=1), start=may(1), end=may(31))
    assert text.startswith("# Key dates (2, 1 May 2020 – 31 May 2020)")
    assert "## 4 May 2020" in text and "## 8 May 2020" in text
    assert "- Talks between the union and the port authority collapsed on May 8. (a4.txt)" in text
