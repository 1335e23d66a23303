"""The Streamlit page: widgets and layout only; the work is done in timeline.*."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from timeline import chart, filters, pipeline, table

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"

st.set_page_config(page_title="Russia–North Korea timeline", layout="wide")


@st.cache_data(show_spinner="Extracting events…")
def load_events(folder: str, stamp: tuple) -> tuple:
    """Extract every article in `folder`; `stamp` changes when a file does."""
    result = pipeline.extract_paths([Path(folder)])
    return result.frame(), [str(e) for e in result.errors], list(result.notes)


def folder_stamp(folder: Path) -> tuple:
    """Return names, sizes and times of the folder's files, to key the cache."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file()))


events, errors, notes = load_events(str(ARTICLES), folder_stamp(ARTICLES))
for err in errors:
    st.warning(err)

st.title("Russia–North Korea relations: a timeline from the news")

with st.sidebar:
    st.header("Filters")
    chosen = st.multiselect("Actors", filters.actor_names(events), key="actors")

view = filters.by_actors(events, chosen)
st.caption(f"{len(view)} of {len(events)} events")

if view.empty:
    st.info("No events match these filters.")
else:
    st.plotly_chart(chart.timeline_figure(view), width="stretch", key="timeline")

st.dataframe(view, hide_index=True, width="stretch", key="table")
st.download_button(
    "Download CSV",
    data=table.to_csv(view).encode("utf-8"),
    file_name="timeline-events.csv",
    mime="text/csv",
    key="download_csv",
)
