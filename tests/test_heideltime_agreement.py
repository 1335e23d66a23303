"""tools/heideltime_agreement.py: the extractor's dates counted against HeidelTime's TimeML."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEML = ('<?xml version="1.0"?>\n<TimeML>\n'
          'Protests spread <TIMEX3 tid="t1" type="DATE" value="2011-02-16">Wednesday</TIMEX3> to Libya .\n'
          'The council met on <TIMEX3 tid="t2" type="DATE" value="2012-02-14">February 14</TIMEX3> .\n'
          'It was a <TIMEX3 tid="t3" type="DATE" value="2011-02-11">big day</TIMEX3> .\n'
          'Oil rose in <TIMEX3 tid="t4" type="DATE" value="2011-01">January</TIMEX3> .\n</TimeML>')


def _tool():
    spec = importlib.util.spec_from_file_location("heideltime_agreement",
                                                  ROOT / "tools" / "heideltime_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agreeing_disagreeing_and_unfound_dates_are_counted(tmp_path, capsys):
    with gzip.open(tmp_path / "articles.heideltime.timeml.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "a/2011-02-16/1", "time": "2011-02-16", "timeml": TIMEML}) + "\n")
    tool = _tool()
    agree, disagree, missed, wrong = tool.compare(tmp_path)
    # Wednesday agrees; HeidelTime's 2012 does not; "big day" is no date of ours
    assert (agree, disagree, missed) == (1, 1, 1)
    assert wrong[0][1:5] == ("February 14", "2012-02-14", "February 14", "2011-02-14")
    assert tool.compare(tmp_path, month=True)[:3] == (1, 0, 0)
    assert tool.main([str(tmp_path), "--show", "1"]) == 0
    assert "agree 1, disagree 1, not found 1" in capsys.readouterr().out
