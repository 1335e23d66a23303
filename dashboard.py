"""The Streamlit page: widgets, layout, caching and wiring; the work is done in timeline.*."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import chart, corrections, details, exports, fetch, filters, geo, ingest, library, pipeline, table
from timeline.errors import InputError
from timeline.model import PRECISIONS, Article

TITLE = "Russia–North Korea relations: a timeline from the news"
st.set_page_config(page_title="Russia–North Korea timeline", layout="wide")
DATA = library.data_dir()
ARTICLES = library.articles_dir(DATA)
FIXES = corrections.path_in(DATA)
Q = "query-params"  # filter widgets keep their value in the URL, so a view can be shared
TABS = ["Event details", "Map", "Table and downloads", "Activity by actor", "Add articles", "Correct an event"]
COLUMNS = {**{c: st.column_config.DateColumn(c) for c in details.DATE_COLUMNS},
           **{c: st.column_config.TextColumn(c, width=w) for c, w in (("title", "medium"), ("sentence", "large"), ("evidence", "large"))},
           "source_url": st.column_config.LinkColumn("source_url"),
           "confidence": st.column_config.NumberColumn("confidence", format="%.2f")}


@st.cache_data(show_spinner=False, max_entries=5000)
def read_article(path: str, size: int, mtime: int) -> Article | str:
    """Read one file, keyed by its size and time; an unreadable file gives its error message."""
    try:
        return ingest.read(Path(path))
    except InputError as exc:
        return str(exc)


@st.cache_data(show_spinner="Extracting events…", max_entries=5000)
def article_events(article: Article) -> list:
    """Extract one article's events; keyed by its text and metadata, so it runs once per content."""
    return pipeline.extract_article(article)


@st.cache_data(show_spinner="Reading event tables…", max_entries=20)
def read_table(path: str, size: int, mtime: int) -> pd.DataFrame | str:
    """Read one event table of data/tables, keyed by its size and time; a bad one gives its message."""
    try:
        return library.read_table(Path(path))
    except InputError as exc:
        return str(exc)


# A resource, not data: cache_data would hand every rerun a fresh copy (0.2 s at 100,000 events);
# the page never changes the table in place, it only filters it into new frames.
@st.cache_resource(show_spinner=False, max_entries=2)
def load(key: tuple) -> tuple:
    """Return the corrected table, problems to show, corrections, and corrections left unused."""
    return library.load(DATA, key, read_article, article_events, read_table)


@st.cache_data(show_spinner=False, max_entries=4)
def choices(key: tuple, _full: pd.DataFrame) -> tuple[list[str], list[str], list[str], list[str]]:
    """Return the actors, event types, sources and places of the whole table (keyed by what it is made of)."""
    return (filters.actor_names(_full), filters.values(_full, "event_type"), filters.values(_full, "source"),
            filters.place_names(_full))


@st.cache_resource(show_spinner="Drawing…", max_entries=16)  # unpickling a figure re-validates it: 0.1 s
def figure(kind: str, key: tuple, view_of: str, _view: pd.DataFrame):
    """Return the timeline, activity or map figure of a view, keyed by the table and the filters that made it."""
    return {"timeline": chart.timeline_figure, "activity": chart.activity_figure, "map": geo.map_figure}[kind](_view)


def reset(bounds: tuple | None) -> None:
    """Put every filter back to showing all events."""
    defaults = {"actors": [], "mode": "any", "types": [], "sources": [], "precision": PRECISIONS[-1], "q": "", "places": []}
    st.session_state.update(defaults, min_conf=0.0, **({"dates": bounds} if bounds else {}))


def add(jobs: list) -> None:
    """Save each article with progress, extract it at once, then rerun to show its events."""
    done = []
    with st.status(f"Adding {len(jobs)} article(s)…", expanded=True) as status:
        bar = st.progress(0.0)
        for i, (name, job) in enumerate(jobs, 1):
            try:
                saved = job()
                found = article_events(ingest.read(saved.path))
                done.append(("success", f"{saved.message} {len(found)} events."))
            except InputError as exc:
                done.append(("error", str(exc)))
            st.write(done[-1][1])
            bar.progress(i / len(jobs), text=name)
        status.update(label="Articles added", state="complete")
    st.session_state["flash"] = done
    st.rerun()


def show_details(rec: dict) -> None:
    """Show one event: its sentence with the time expression highlighted, evidence, source, confidence."""
    esc = details.escape_markdown
    st.markdown(details.heading(rec))
    st.markdown(details.highlighted(rec["sentence"], rec["time_text"]))
    if rec.get("date_note"):
        st.caption("Sources disagree on the date: " + esc(rec["date_note"]))
    others = [r for r in details.reports(said, rec["event_id"]) if " ".join(r["sentence"].split()) != " ".join(rec["sentence"].split())]
    if others:  # every further report, with the article that made it and a link to it
        st.markdown(f"**Reported by {rec['source_count']} source(s)**")
        for r in others:
            st.markdown(details.report_line(r))
            if r["source_url"].startswith(("http://", "https://")):
                st.link_button(f"Open {r['source']}", r["source_url"])
    else:
        for more in filter(None, rec["evidence"].split(table.EVIDENCE_SEP)):
            st.markdown("› " + esc(more))
    st.markdown(details.facts(rec))
    if rec["source_url"].startswith(("http://", "https://")):
        st.link_button("Open the source article", rec["source_url"])


key = library.contents(DATA)
full, problems, fixes, unused, said = load(key)
actor_choices, type_choices, source_choices, place_choices = choices(key, full)
bounds = filters.date_bounds(full)
for kind, message in st.session_state.pop("flash", []):
    getattr(st, kind)(message)
with st.expander(f"{len(problems)} note(s) on the articles and corrections", expanded=False) if problems else st.empty():
    for message in problems:
        st.warning(message)

if bounds and st.session_state.get("dates_bounds") != bounds and "dates" in st.session_state:
    # New articles or corrections moved the span: an untouched date filter follows it (the
    # widget keeps its state by key), a chosen one is clamped so the widget accepts it.
    st.session_state["dates"] = filters.follow_bounds(st.session_state["dates"], st.session_state.get("dates_bounds"), bounds)
st.session_state["dates_bounds"] = bounds
if "place_clicked" in st.session_state:  # a click on the map, made after the sidebar was drawn
    st.session_state["places"] = [st.session_state.pop("place_clicked")]

with st.sidebar:
    st.header("Filters")
    st.button("Reset filters", key="reset", on_click=reset, args=(bounds,))
    chosen = st.multiselect("Actors", actor_choices, key="actors", bind=Q)
    # The URL holds the option as shown, so the options are the words themselves.
    mode = st.radio("Match any or all of the chosen actors", filters.MODES, key="mode", horizontal=True, bind=Q)
    span = st.date_input("Dates", value=bounds, min_value=bounds[0], max_value=bounds[1], key="dates", bind=Q) if bounds else ()
    types = st.multiselect("Event types", type_choices, key="types", bind=Q)
    sources = st.multiselect("Sources", source_choices, key="sources", bind=Q)
    coarsest = st.select_slider("Coarsest date precision shown", PRECISIONS, value=PRECISIONS[-1], key="precision", bind=Q)
    query = st.text_input("Search", key="q", bind=Q, placeholder="words in title, sentence, actors…")
    minimum = st.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="min_conf", bind=Q)
    where = st.multiselect("Places", sorted({*place_choices, *st.session_state.get("places", [])}), key="places", bind=Q)

span = tuple(span or ())
wanted = filters.Filters(
    actors=tuple(chosen), mode=mode or "any", start=span[0] if span else None, end=span[1] if len(span) > 1 else None,
    types=tuple(types), sources=tuple(sources), precision=coarsest, query=query, min_confidence=minimum,
    places=tuple(where),
)
view = wanted.apply(full)
listed = view.head(details.ROWS_SHOWN)  # the table and the pickers; the downloads hold the whole view

st.title(TITLE)
st.caption(f"{len(view)} of {len(full)} events shown")
metrics = [("Events", len(view)), ("Actors", len(filters.actor_names(view))), ("Sources", view["source"].nunique()),
           ("Time span", details.span_label(filters.date_bounds(view)))]
for column, (name, value) in zip(st.columns(4), metrics, strict=True):
    column.metric(name, value)

picked: list = []
if view.empty:
    st.info("No events match these filters.")
else:
    if len(view) > chart.DETAIL_MAX:
        st.caption(f"{len(view):,} events are more than {chart.DETAIL_MAX:,}, so the timeline shows how many each actor"
                   " has per month (per year over long spans). Narrow the filters to see single events and click them.")
    plot = st.plotly_chart(figure("timeline", key, repr(wanted), view), key="timeline", on_select="rerun", selection_mode="points",
                           config={"displaylogo": False})
    picked = [p.get("customdata") for p in plot.selection.points if p.get("customdata")]
if picked and picked != st.session_state.get("picked_before"):
    st.session_state["tab"] = TABS[0]  # a new click on the chart shows that event (the reader can leave it after)
st.session_state["picked_before"] = picked

# Tabs run only when open (lazy), so the first paint draws the timeline and one event, not
# every panel: the table alone (its grid and Arrow code) delayed the chart by 0.2-0.4 s.
detail_tab, map_tab, listing, activity_tab, adding, fixing = st.tabs(TABS, key="tab", on_change="rerun", bind=Q)
with detail_tab:
    if detail_tab.open and not view.empty:
        names = details.event_names(listed)
        chosen_id = picked[-1] if picked and picked[-1] in set(view["event_id"]) else None
        if chosen_id is None:
            chosen_id = st.selectbox("Event (or click a point on the chart)", list(names), format_func=names.get, key="detail")
        show_details(view[view["event_id"] == chosen_id].iloc[0].to_dict())
with listing:
    if listing.open:
        if len(view) > len(listed):
            st.caption(f"The table lists the first {len(listed):,} of {len(view):,} events by date; the downloads hold all of them.")
        st.dataframe(details.display_frame(listed), hide_index=True, width="stretch", key="table", column_config=COLUMNS,
                     row_height=72, height="auto" if len(listed) < 7 else 520)
        # Each file is made when its button is clicked (deferred), not on every rerun.
        downloads = [
            ("Download CSV", lambda: exports.csv_bytes(view), "timeline-events.csv", "text/csv"),
            ("Download JSON", lambda: exports.json_bytes(view), "timeline-events.json", "application/json"),
            ("Download TimelineJS", lambda: exports.timelinejs_bytes(view, TITLE), "timelinejs.json", "application/json"),
            ("Download full table (CSV)", lambda: exports.csv_bytes(full), "timeline-all-events.csv", "text/csv"),
            ("Download mentions (CSV)", lambda: exports.mentions_csv_bytes(said, view), "timeline-mentions.csv", "text/csv"),
        ]
        st.caption("CSV (UTF-8, opens in Excel and LibreOffice), JSON and TimelineJS hold the events shown; the full table"
                   " holds every event; the mentions, every article's report of the events shown (source, link, sentence,"
                   " the date it gave).")
        for column, (label, data, name, mime) in zip(st.columns(len(downloads)), downloads, strict=True):
            column.download_button(label, data, name, mime, key=name, on_click="ignore")
with activity_tab:
    if activity_tab.open and view.empty:
        st.info("No events match these filters.")
    elif activity_tab.open:
        st.caption("Events dated to a month or finer, per month (per year when months would make too many bars);"
                   " an event counts once for each of its actors.")
        st.plotly_chart(figure("activity", key, repr(wanted), view), key="activity", config={"displaylogo": False})
with map_tab:
    if map_tab.open:
        drawn = figure("map", key, repr(wanted), view)
        if not drawn.data:
            st.info("No event of this view names a place.")
        else:
            st.caption("Events at the places they name, sized by count and coloured by type; click a place to show only"
                       " its events (the Places filter in the sidebar keeps it).")
            chosen_place = geo.clicked_place(st.plotly_chart(drawn, key="map", on_select="rerun", selection_mode="points",
                                                             config=geo.CONFIG).selection.points, drawn)
            if chosen_place != st.session_state.get("place_before"):  # a new click (the selection outlives reruns)
                st.session_state["place_before"] = chosen_place
                if chosen_place:
                    st.session_state["place_clicked"] = chosen_place
                    st.rerun()

with adding:
    if adding.open:
        with st.form("upload", clear_on_submit=True):
            files = st.file_uploader("Article files (.txt, .md, .html)", type=[s[1:] for s in ingest.SUFFIXES],
                                     accept_multiple_files=True, key="files")
            if st.form_submit_button("Add files") and files:
                add([(f.name, lambda f=f: library.save(ARTICLES, f.name, f.getvalue())) for f in files])
        with st.form("paste", clear_on_submit=True):
            text = st.text_area("Article text", key="paste_text", height=160)
            title = st.text_input("Title (optional)", key="paste_title")
            published = st.date_input("Published (optional)", value=None, min_value=dt.date(1900, 1, 1), key="paste_date")
            url = st.text_input("URL (optional)", key="paste_url")
            if st.form_submit_button("Add text"):
                add([(title or "pasted text", lambda: library.save_text(ARTICLES, text, title, published, url))])
        with st.form("fetch", clear_on_submit=True):
            address = st.text_input("Article URL to fetch", key="fetch_url", placeholder="https://…")
            if st.form_submit_button("Fetch and add") and address.strip():
                add([(address, lambda: library.save_article(ARTICLES, fetch.fetch_article(address.strip())))])

with fixing:
    if fixing.open:
        every = details.event_names(listed)
        eid = st.selectbox("Event to correct (of the events shown)", list(every), format_func=every.get, index=None, key="fix_event",
                           on_change=lambda: [st.session_state.pop(k) for k in list(st.session_state) if k.startswith("fix_") and k != "fix_event"])
        if eid:
            rec = full[full["event_id"] == eid].iloc[0].to_dict()
            with st.form("correct"):
                start = st.date_input("Start date", dt.date.fromisoformat(rec["date"]), dt.date.min, dt.date.max, key="fix_start")
                end = st.date_input("End date", dt.date.fromisoformat(rec["date_end"]), dt.date.min, dt.date.max, key="fix_end")
                level = st.selectbox("Precision", PRECISIONS, PRECISIONS.index(rec["precision"]), key="fix_precision")
                written = st.text_input("Date as written (empty: made from the dates)", key="fix_label")
                now = filters.split_list(rec["actors"])
                who = st.multiselect("Actors", sorted({*actor_choices, *now}), default=now,
                                     accept_new_options=True, key="fix_actors")
                kinds = sorted({*type_choices, rec["event_type"]})
                kind = st.selectbox("Event type", kinds, kinds.index(rec["event_type"]), accept_new_options=True, key="fix_type")
                headline = st.text_input("Title", rec["title"], key="fix_title")
                drop = st.checkbox("Delete this event", key="fix_delete")
                if st.form_submit_button("Save correction"):
                    fix = corrections.changed(rec, date=start.isoformat(), date_end=end.isoformat(), precision=level,
                                              date_label=written.strip(), actors=";".join(who), event_type=kind,
                                              title=headline.strip(), deleted=drop)
                    try:
                        corrections.save(FIXES, fix)
                        st.session_state["flash"] = [("success", f"Correction of {eid} saved.")]
                        st.rerun()
                    except InputError as exc:
                        st.error(str(exc))
        if fixes:
            with st.expander(f"{len(fixes)} saved correction(s)" + (f", {len(unused)} matching no event" if unused else "")):
                undo = st.selectbox("Correction to remove", sorted(fixes), key="undo_event",
                                    format_func=details.event_names(full, sorted(fixes)).get)
                if st.button("Remove this correction", key="undo"):
                    corrections.remove(FIXES, undo)
                    st.session_state["flash"] = [("success", f"Correction of {undo} removed.")]
                    st.rerun()
