"""The Streamlit page: widgets, layout, caching and wiring; the work is done in timeline.*."""
from __future__ import annotations

import streamlit as st

from timeline import skeleton

# The first thing sent: the page's places and, on a session's first run, the chart's empty frame,
# so the browser fetches and starts Plotly's script while this process imports and reads the table.
st.set_page_config(layout="wide")
NOTES, TITLE_SLOT, HEADING, CHART_SLOT = st.container(), st.empty(), st.container(), st.empty()
if "framed" not in st.session_state:
    CHART_SLOT.plotly_chart(skeleton.figure(), config={"displaylogo": False, "staticPlot": True})
st.session_state["framed"] = True

import datetime as dt  # noqa: E402 (after the frame is sent: see above)
from pathlib import Path  # noqa: E402

from timeline import (chart, chronology, corrections, details, exports, fetch, filters, geo, i18n,  # noqa: E402
                      images, ingest, library, query, table)
from timeline.errors import InputError  # noqa: E402
from timeline.model import PRECISIONS, Article  # noqa: E402

# The language: the sidebar switch (kept in the URL as ?lang=), else the browser's locale.
LANG = i18n.choose(st.session_state.get("lang") or st.query_params.get("lang"), st.context.locale)
UI = i18n.catalogue(LANG)
TITLE = UI.t("title")
st.set_page_config(page_title=UI.t("page_title"), layout="wide")
DATA = library.data_dir()
ARTICLES = library.articles_dir(DATA)
FIXES = corrections.path_in(DATA)
Q = "query-params"  # filter widgets keep their value in the URL, so a view can be shared
TAB_KEYS = ("tab_details", "tab_chronology", "tab_map", "tab_table", "tab_activity", "tab_add", "tab_correct")
TABS = [UI.t(k) for k in TAB_KEYS]
LANG_NAMES = {"en": "English", "id": "Bahasa Indonesia"}  # each language by its own name
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


@st.cache_data(show_spinner=UI.t("extracting"), max_entries=5000)
def article_events(article: Article) -> list:
    """Extract one article's events; keyed by its text and metadata, so it runs once per content."""
    from timeline import pipeline  # only when an article is new or changed: a restart need not import it

    return pipeline.extract_article(article)


# A resource: the table is a Parquet file on disk asked through DuckDB (query.Table), never a
# million rows in pandas; the event tables of data/tables are checked once per file change.
@st.cache_resource(show_spinner=UI.t("reading_tables"), max_entries=4)
def load(key: str, lang: str, _contents: tuple) -> tuple:
    """Return the corrected table, problems, corrections, corrections left unused and mentions (titles in `lang`)."""
    return library.open_table(DATA, _contents, read_article, article_events, title_language=lang)


@st.cache_data(show_spinner=False, max_entries=4)
def choices(key: str, _full: query.Table) -> tuple[list[str], list[str], list[str], bool, list[str], tuple | None]:
    """Return the actors, types, busiest sources (and whether there are more), places and span of the whole table."""
    every = _full.view()
    sources, every_source = every.busiest("source", filters.SOURCES_LISTED)
    return (every.names("actors"), every.values("event_type"), sources, every_source > len(sources),
            every.names("places"), every.bounds())


# A view keeps what it counted and its first rows: a rerun with the same filters asks DuckDB nothing.
@st.cache_resource(show_spinner=False, max_entries=16)
def views(key: str, view_of: str, _full: query.Table, _wanted: filters.Filters) -> query.View:
    """Return the rows of the table that the filters keep, keyed by the table and the filters."""
    return _full.view(_wanted)


# What each figure needs of a view: the timeline and activity charts ask DuckDB for their counts; the
# map reads the two columns it draws into pandas (only when its tab is open).
DRAW = {"timeline": query.timeline_figure,
        "activity": query.activity_figure,
        "map": lambda v, ui: geo.map_figure(v.frame(["places", "event_type"]), ui)}


@st.cache_resource(show_spinner=UI.t("drawing"), max_entries=16)  # unpickling a figure re-validates it: 0.1 s
def figure(kind: str, key: str, view_of: str, lang: str, _view: query.View):
    """Return the timeline, activity or map figure of a view, keyed by the table, the filters and the language."""
    return DRAW[kind](_view, i18n.catalogue(lang))


def reset(bounds: tuple | None) -> None:
    """Put every filter back to showing all events."""
    defaults = {"actors": [], "mode": UI.t("mode_any"), "types": [], "sources": [], "precision": UI.precision(PRECISIONS[-1]),
                "q": "", "places": []}
    st.session_state.update(defaults, min_conf=0.0, **({"dates": bounds} if bounds else {}))


def switch_language(old: str) -> None:
    """Carry the chosen filters over to the new language (i18n.carried), and put its code in the URL."""
    st.query_params["lang"] = st.session_state["lang"]
    st.session_state.update(i18n.carried(st.session_state, old, st.session_state["lang"], TAB_KEYS))


def add(jobs: list) -> None:
    """Save each article with progress, extract it at once, then rerun to show its events."""
    done = []
    with st.status(UI.t("adding", n=len(jobs)), expanded=True) as status:
        bar = st.progress(0.0)
        for i, (name, job) in enumerate(jobs, 1):
            try:
                saved = job()
                found = article_events(ingest.read(saved.path))
                done.append(("success", UI.t("added_events", message=saved.message, n=len(found))))
            except InputError as exc:
                done.append(("error", str(exc)))
            st.write(done[-1][1])
            bar.progress(i / len(jobs), text=name)
        status.update(label=UI.t("added"), state="complete")
    st.session_state["flash"] = done
    st.rerun()


def show_details(rec: dict) -> None:
    """Show one event: its sentence with the time expression highlighted, evidence, source, confidence."""
    esc = details.escape_markdown
    rec = {**rec, "date_label": UI.date_label(rec["date_label"])}
    st.markdown(details.heading(rec))
    st.markdown(details.highlighted(rec["sentence"], rec["time_text"]))
    if rec.get("date_note"):
        st.caption(esc(UI.t("date_disagree", note=rec["date_note"])))
    if others := details.other_reports(said, rec):  # every further report, with the article that made it and a link to it
        st.markdown(f"**{UI.t('reported_by', n=rec['source_count'])}**")
        for r in others:
            st.markdown(details.report_line(r, UI))
            if r["source_url"].startswith(("http://", "https://")):
                st.link_button(UI.t("open_source_named", source=r["source"]), r["source_url"])
    else:
        for more in filter(None, rec["evidence"].split(table.EVIDENCE_SEP)):
            st.markdown("› " + esc(more))
    st.markdown(details.facts(rec, UI))
    if rec["source_url"].startswith(("http://", "https://")):
        st.link_button(UI.t("open_source"), rec["source_url"])


made_of = library.contents(DATA)
# The caches are keyed by a digest: hashing the stamps of 10,000 articles per cached call took 1 s a rerun.
key = library.digest(made_of)
full, problems, fixes, unused, said = load(key, LANG, made_of)
actor_choices, type_choices, source_choices, more_sources, place_choices, bounds = choices(key, full)
for kind, message in st.session_state.pop("flash", []):
    getattr(NOTES, kind)(message)
with NOTES.expander(UI.t("notes", n=len(problems)), expanded=False) if problems else st.empty():
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
    # Not bound to the URL by the widget (that would write the name shown, "Bahasa Indonesia"): ?lang= holds the code.
    st.radio(UI.t("language"), i18n.LANGS, index=i18n.LANGS.index(LANG), format_func=LANG_NAMES.get, key="lang",
             horizontal=True, on_change=switch_language, args=(LANG,))
    st.header(UI.t("filters"))
    st.button(UI.t("reset"), key="reset", on_click=reset, args=(bounds,))
    chosen = st.multiselect(UI.t("actors"), actor_choices, key="actors", bind=Q, placeholder=UI.t("choose"))
    # A bound widget writes its option to the URL as shown: the options are the words in the page's language
    # (the dicts map them back), so a link reads in its language and parses again; switch_language renames them.
    modes = {UI.t(f"mode_{m}"): m for m in filters.MODES}
    mode = modes.get(st.radio(UI.t("mode"), list(modes), key="mode", horizontal=True, bind=Q) or "", "any")
    span = st.date_input(UI.t("dates"), value=bounds, min_value=bounds[0], max_value=bounds[1], key="dates", bind=Q) if bounds else ()
    type_names = {UI.event_type(t): t for t in type_choices}
    types = [type_names.get(t, t) for t in st.multiselect(UI.t("event_types"), list(type_names), key="types", bind=Q,
                                                     placeholder=UI.t("choose"))]
    # Past SOURCES_LISTED the busiest are offered, and any other is typed in full (a new option, kept offered).
    typed = [*st.session_state.get("sources", []), *st.query_params.get_all("sources")] if more_sources else []
    offered = sorted({*source_choices, *typed})
    sources = st.multiselect(UI.t("sources"), offered, key="sources", bind=Q, placeholder=UI.t("choose"),
                             accept_new_options=more_sources)
    levels = {UI.precision(p): p for p in PRECISIONS}
    coarsest = levels[st.select_slider(UI.t("precision"), list(levels), value=UI.precision(PRECISIONS[-1]), key="precision",
                                       bind=Q)]
    searched = st.text_input(UI.t("search"), key="q", bind=Q, placeholder=UI.t("search_hint"))
    minimum = st.slider(UI.t("min_confidence"), 0.0, 1.0, 0.0, 0.05, key="min_conf", bind=Q)
    where = st.multiselect(UI.t("places"), sorted({*place_choices, *st.session_state.get("places", [])}), key="places", bind=Q, placeholder=UI.t("choose"))

span = tuple(span or ())
wanted = filters.Filters(
    actors=tuple(chosen), mode=mode, start=span[0] if span else None, end=span[1] if len(span) > 1 else None,
    types=tuple(types), sources=tuple(sources), precision=coarsest, query=searched, min_confidence=minimum,
    places=tuple(where),
)
view = views(key, repr(wanted), full, wanted)  # counted and read in DuckDB; pandas holds only what is shown

TITLE_SLOT.title(TITLE)
picked: list = []
if view.empty:
    CHART_SLOT.info(UI.t("no_events"))
else:  # the chart first, then what stands above it (HEADING), so it is sent as soon as it is drawn
    plot = CHART_SLOT.plotly_chart(figure("timeline", key, repr(wanted), LANG, view), key="timeline",
                                   on_select="rerun", selection_mode="points", config={"displaylogo": False})
    picked = [p.get("customdata") for p in plot.selection.points if p.get("customdata")]
events_n, actors_n, sources_n, shown_span = view.summary
HEADING.caption(UI.t("shown", n=events_n, total=len(full.view())))
metrics = [(UI.t("m_events"), events_n), (UI.t("m_actors"), actors_n),
           (UI.t("m_sources"), sources_n), (UI.t("m_span"), UI.date_label(details.span_label(shown_span)))]
for column, (name, value) in zip(HEADING.columns(4), metrics, strict=True):
    column.metric(name, value)
if not view.empty:
    HEADING.caption(UI.t("overview_note", n=f"{len(view):,}", max=f"{chart.DETAIL_MAX:,}")
                    if len(view) > chart.DETAIL_MAX else UI.t("chart_note"))
listed = view.head(details.ROWS_SHOWN)  # the table and the pickers; the downloads hold the whole view
if picked and picked != st.session_state.get("picked_before"):
    st.session_state["tab"] = TABS[0]  # a new click on the chart shows that event (the reader can leave it after)
st.session_state["picked_before"] = picked

# Tabs run only when open (lazy), so the first paint draws the timeline and one event, not
# every panel: the table alone (its grid and Arrow code) delayed the chart by 0.2-0.4 s.
opened = st.session_state.get("tab") or st.query_params.get("tab")
if opened and opened not in TABS and (same := i18n.relabel(opened, TAB_KEYS, LANG)):
    st.session_state["tab"] = same  # a tab named in the other language (after a switch, or in a shared link)
detail_tab, chrono_tab, map_tab, listing, activity_tab, adding, fixing = st.tabs(TABS, key="tab", on_change="rerun", bind=Q)
with detail_tab:
    if detail_tab.open and not view.empty:
        names = details.event_names(listed, label=UI.date_label)
        chosen_id = picked[-1] if picked and view.has(picked[-1]) else None
        if chosen_id is None:
            chosen_id = st.selectbox(UI.t("pick_event"), list(names), format_func=names.get, key="detail")
        show_details(view.row(chosen_id))
with chrono_tab:
    if chrono_tab.open:
        key_only = st.toggle(UI.t("key_only"), key="key_only", bind=Q, help=UI.t("key_only_help", min=chronology.KEY_MIN))
        told = view.key_events(chronology.KEY_MIN) if key_only else view
        if told.empty:
            st.info(UI.t("no_events"))
        else:
            st.caption(UI.t("chrono_caption", n=len(told)))
            # The files hold every happening of the view and are made on click; the page lists the first ROWS_SHOWN.
            whole = lambda: chronology.sections(told.frame(), said, UI)  # noqa: E731
            files = [(UI.t("dl_chrono_md"), lambda: chronology.markdown_bytes(whole(), TITLE, UI), "md", "text/markdown"),
                     (UI.t("dl_chrono_docx"), lambda: chronology.docx_bytes(whole(), TITLE, UI), "docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
            many = len(told) > query.PANDAS_ROWS_MAX
            if many:
                st.caption(UI.t("files_too_many", max=f"{query.PANDAS_ROWS_MAX:,}", n=f"{len(told):,}"))
            for column, (label, data, suffix, mime) in zip(st.columns(len(files)), files, strict=True):
                column.download_button(label, data, f"{UI.t('file_chrono')}.{suffix}", mime, key=f"chrono_{suffix}",
                                       on_click="ignore", disabled=many)
            if len(told) > details.ROWS_SHOWN:
                st.caption(UI.t("chrono_more", n=f"{details.ROWS_SHOWN:,}", total=f"{len(told):,}"))
            for part in chronology.sections(told.head(details.ROWS_SHOWN), said, UI):
                st.markdown(chronology.section_markdown(part, UI))
with listing:
    if listing.open:
        if len(view) > len(listed):
            st.caption(UI.t("table_first", n=f"{len(listed):,}", total=f"{len(view):,}"))
        st.dataframe(details.display_frame(listed), hide_index=True, width="stretch", key="table", column_config=COLUMNS,
                     row_height=72, height="auto" if len(listed) < 7 else 520)
        # Each file is made when its button is clicked (deferred), not on every rerun.
        # The CSVs are written from DuckDB a batch at a time; the JSON files from the view's rows in pandas.
        downloads = [
            (UI.t("dl_csv"), view.csv_bytes, f"{UI.t('file_events')}.csv", "text/csv"),
            (UI.t("dl_json"), lambda: exports.json_bytes(view.frame()), f"{UI.t('file_events')}.json", "application/json"),
            (UI.t("dl_tljs"), lambda: exports.timelinejs_bytes(view.frame(), TITLE), f"{UI.t('file_tljs')}.json",
             "application/json"),
            (UI.t("dl_full"), full.view().csv_bytes, f"{UI.t('file_all')}.csv", "text/csv"),
            (UI.t("dl_mentions"), lambda: exports.mentions_csv_bytes(said, view.frame(["event_id"])),
             f"{UI.t('file_mentions')}.csv", "text/csv"),
        ]
        st.caption(UI.t("downloads_note"))
        many = len(view) > query.PANDAS_ROWS_MAX  # JSON of a million events would sit in pandas whole
        if many:
            st.caption(UI.t("files_too_many", max=f"{query.PANDAS_ROWS_MAX:,}", n=f"{len(view):,}"))
        for column, (label, data, name, mime) in zip(st.columns(len(downloads)), downloads, strict=True):
            column.download_button(label, data, name, mime, key=name, on_click="ignore",
                                   disabled=many and name.endswith(".json"))
        if not view.empty:  # the timeline as shown, drawn offline by Kaleido when its button is clicked
            if images.browser() is None:
                st.caption(UI.t("no_image", error="Chromium"))
            else:
                drawn_timeline = figure("timeline", key, repr(wanted), LANG, view)
                shots = [(UI.t(f"dl_{fmt}"), lambda fmt=fmt: images.image_bytes(drawn_timeline, fmt), fmt) for fmt in images.FORMATS]
                st.caption(UI.t("chart_image"))
                for column, (label, data, fmt) in zip(st.columns(len(downloads)), shots, strict=False):
                    column.download_button(label, data, f"{UI.t('file_chart')}.{fmt}", images.FORMATS[fmt], key=f"chart_{fmt}",
                                           on_click="ignore")
with activity_tab:
    if activity_tab.open and view.empty:
        st.info(UI.t("no_events"))
    elif activity_tab.open:
        st.caption(UI.t("activity_note"))
        st.plotly_chart(figure("activity", key, repr(wanted), LANG, view), key="activity", config={"displaylogo": False})
with map_tab:
    if map_tab.open:
        drawn = figure("map", key, repr(wanted), LANG, view)
        if not drawn.data:
            st.info(UI.t("map_none"))
        else:
            st.caption(UI.t("map_note"))
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
            files = st.file_uploader(UI.t("files"), type=[s[1:] for s in ingest.SUFFIXES],
                                     accept_multiple_files=True, key="files")
            if st.form_submit_button(UI.t("add_files")) and files:
                add([(f.name, lambda f=f: library.save(ARTICLES, f.name, f.getvalue())) for f in files])
        with st.form("paste", clear_on_submit=True):
            text = st.text_area(UI.t("paste_text"), key="paste_text", height=160)
            title = st.text_input(UI.t("paste_title"), key="paste_title")
            published = st.date_input(UI.t("paste_published"), value=None, min_value=dt.date(1900, 1, 1), key="paste_date")
            url = st.text_input(UI.t("paste_url"), key="paste_url")
            if st.form_submit_button(UI.t("add_text")):
                add([(title or UI.t("pasted"), lambda: library.save_text(ARTICLES, text, title, published, url))])
        with st.form("fetch", clear_on_submit=True):
            address = st.text_input(UI.t("fetch_url"), key="fetch_url", placeholder="https://…")
            if st.form_submit_button(UI.t("fetch")) and address.strip():
                add([(address, lambda: library.save_article(ARTICLES, fetch.fetch_article(address.strip())))])

with fixing:
    if fixing.open:
        every = details.event_names(listed, label=UI.date_label)
        eid = st.selectbox(UI.t("fix_event"), list(every), format_func=every.get, index=None, key="fix_event",
                           on_change=lambda: [st.session_state.pop(k) for k in list(st.session_state) if k.startswith("fix_") and k != "fix_event"])
        if eid:
            rec = full.view().row(eid)
            with st.form("correct"):
                start = st.date_input(UI.t("fix_start"), dt.date.fromisoformat(rec["date"]), dt.date.min, dt.date.max, key="fix_start")
                end = st.date_input(UI.t("fix_end"), dt.date.fromisoformat(rec["date_end"]), dt.date.min, dt.date.max, key="fix_end")
                level = st.selectbox(UI.t("fix_precision"), PRECISIONS, PRECISIONS.index(rec["precision"]), key="fix_precision",
                                     format_func=UI.precision)
                written = st.text_input(UI.t("fix_label"), key="fix_label")
                now = filters.split_list(rec["actors"])
                who = st.multiselect(UI.t("fix_actors"), sorted({*actor_choices, *now}), default=now,
                                     accept_new_options=True, key="fix_actors")
                kinds = sorted({*type_choices, rec["event_type"]})
                kind = st.selectbox(UI.t("fix_type"), kinds, kinds.index(rec["event_type"]), accept_new_options=True, key="fix_type")
                headline = st.text_input(UI.t("fix_title"), rec["title"], key="fix_title")
                drop = st.checkbox(UI.t("fix_delete"), key="fix_delete")
                if st.form_submit_button(UI.t("fix_save")):
                    fix = corrections.changed(rec, date=start.isoformat(), date_end=end.isoformat(), precision=level,
                                              date_label=written.strip(), actors=";".join(who), event_type=kind,
                                              title=headline.strip(), deleted=drop)
                    try:
                        corrections.save(FIXES, fix)
                        st.session_state["flash"] = [("success", UI.t("fix_saved", event=eid))]
                        st.rerun()
                    except InputError as exc:
                        st.error(str(exc))
        if fixes:
            with st.expander(UI.t("fixes", n=len(fixes)) + (UI.t("fixes_unused", n=len(unused)) if unused else "")):
                undo = st.selectbox(UI.t("undo_pick"), sorted(fixes), key="undo_event",
                                    format_func=details.event_names(full.view().rows(fixes), sorted(fixes),
                                                                    label=UI.date_label).get)
                if st.button(UI.t("undo"), key="undo"):
                    corrections.remove(FIXES, undo)
                    st.session_state["flash"] = [("success", UI.t("undone", event=undo))]
                    st.rerun()
