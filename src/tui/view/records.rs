//! The year's records, newest first, to pick one to edit or delete: who
//! hosted and who took part beside the topic, the notes too when the
//! terminal is wide, and the screen's own filter in the title while set.
//! A record that counts toward another year than its date's (所属年度) says
//! so: a column when wide, a mark before the topic when not, and in full
//! under the list when selected.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{offset, pane, put};
use crate::core::check;
use crate::core::{Record, Roster};
use crate::i18n::Lang;
use crate::i18n::check as words;
use crate::i18n::domain;
use crate::tui::state::{State, select};
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::text;

const DATE_W: usize = 10;
/// From this inner width on, the notes get a column of their own, and so
/// does 所属年度 when a record listed needs it.
const NOTES_FROM: usize = 110;
/// The 所属年度 column, when shown: its heading is the widest.
const COVERS_W: usize = 8;

/// The 所属年度 column's width: shown when wide and some record listed
/// counts toward another year than its date's; else 0.
fn covers_width(w: usize, rows: &[&Record]) -> usize {
    if w >= NOTES_FROM && rows.iter().any(|r| other_year(r).is_some()) {
        COVERS_W
    } else {
        0
    }
}

/// The year `r` counts toward, when not its date's year.
fn other_year(r: &Record) -> Option<i32> {
    let y = r.year_covered();
    (y != r.date.year()).then_some(y)
}

/// Column widths: kind, topic, host, people, notes (0 when not shown),
/// beside a 所属年度 column `covers` wide.
fn columns(w: usize, covers: usize) -> [usize; 5] {
    let kind = (w / 6).clamp(8, 14);
    let host = if w >= 60 { 8 } else { 0 };
    let people = match w {
        0..60 => 0,
        60..NOTES_FROM => (w / 5).min(24),
        _ => 28,
    };
    let notes = if w >= NOTES_FROM { w / 5 } else { 0 };
    let gaps = [host, people, notes, covers]
        .iter()
        .filter(|c| **c > 0)
        .count()
        + 2;
    let topic = w.saturating_sub(DATE_W + covers + kind + host + people + notes + gaps);
    [kind, topic, host, people, notes]
}

/// The cells of one row, each fitted to its column and joined by a space.
fn row(cells: &[(&str, usize)], ellipsis: &str) -> String {
    cells
        .iter()
        .filter(|(_, w)| *w > 0)
        .map(|(s, w)| text::fit(s, *w, ellipsis))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let rows = select::records(view, &state.record_filter);
    let filter = state.record_filter.trim();
    let mut title = msg::records_count(lang, view.year, rows.len());
    if !filter.is_empty() {
        title = format!("{title}{}{}", theme.dot(), msg::filtered_by(lang, filter));
    }
    let inner = pane(frame, area, &title, true, theme);
    let covers_w = covers_width(usize::from(inner.width), &rows);
    let [kind_w, topic_w, host_w, people_w, notes_w] = columns(usize::from(inner.width), covers_w);
    let heading = row(
        &[
            (msg::text(lang, T::Date), DATE_W),
            (lang.pick("所属年度", "Covers"), covers_w),
            (msg::text(lang, T::Kind), kind_w),
            (msg::text(lang, T::Topic), topic_w),
            (msg::text(lang, T::Host), host_w),
            (msg::text(lang, T::People), people_w),
            (msg::text(lang, T::Notes), notes_w),
        ],
        "",
    );
    put(frame, inner, 0, Line::styled(heading, theme.heading));
    if rows.is_empty() {
        let empty = if filter.is_empty() {
            msg::text(lang, T::NoRecords).to_string()
        } else {
            msg::no_record_matches(lang, filter)
        };
        for (i, l) in text::wrap(&empty, usize::from(inner.width))
            .into_iter()
            .enumerate()
        {
            let y = u16::try_from(i + 1).unwrap_or(u16::MAX);
            put(frame, inner, y, Line::styled(l, theme.dim));
        }
        return;
    }
    let notes = findings_lines(state, rows.get(state.record).copied(), inner.width);
    let notes_h = u16::try_from(notes.len())
        .unwrap_or(u16::MAX)
        .min(inner.height / 2);
    for (i, l) in notes.into_iter().take(usize::from(notes_h)).enumerate() {
        let y = inner.height - notes_h + u16::try_from(i).unwrap_or(u16::MAX);
        put(frame, inner, y, l);
    }
    let inner = Rect {
        height: inner.height - notes_h,
        ..inner
    };
    let height = inner.height.saturating_sub(1);
    let first = offset(state.record, height);
    let sep = lang.pick("、", ", ");
    let roster = &view.roster;
    for (i, r) in rows.iter().enumerate().skip(first) {
        let y = u16::try_from(i - first + 1).unwrap_or(u16::MAX);
        if y >= inner.height {
            break;
        }
        let style = if i == state.record {
            theme.selected
        } else {
            theme.base
        };
        let host = r.host.map(|h| roster.name(h)).unwrap_or_default();
        let covers = other_year(r).map(|y| y.to_string()).unwrap_or_default();
        let line = row(
            &[
                (&r.date.to_string(), DATE_W),
                (&covers, covers_w),
                (domain::kind(lang, r.kind), kind_w),
                (&marked(state, r, covers_w == 0), topic_w),
                (&host, host_w),
                (&found_first(people(roster, r), filter).join(sep), people_w),
                (&r.notes, notes_w),
            ],
            theme.ellipsis(),
        );
        put(frame, inner, y, Line::from(Span::styled(line, style)));
    }
}

/// The topic, marked `!` when the consistency checks found something, and
/// with the year it counts toward when that is not its date's and
/// `with_year` (no 所属年度 column).
fn marked(state: &State, r: &Record, with_year: bool) -> String {
    let mut t = topic(state, r);
    if with_year && let Some(y) = other_year(r) {
        t = format!("{}{t}", covers_mark(state.lang, y));
    }
    if check::of_record(&state.view.findings, r.id)
        .next()
        .is_some()
    {
        format!("! {t}")
    } else {
        t
    }
}

/// "〔2025年度〕" / "[2025] " before a topic.
fn covers_mark(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("〔{year}年度〕"),
        Lang::En => format!("[{year}] "),
    }
}

/// "所属年度：2025年度（记录日期为 2026-01-20）" for the selected record.
fn covers_line(lang: Lang, r: &Record, year: i32) -> String {
    match lang {
        Lang::Zh => format!("所属年度：{year}年度（记录日期为 {}）", r.date),
        Lang::En => format!("Year covered: {year} (dated {})", r.date),
    }
}

/// The selected record's 所属年度 when not its date's year, and its
/// findings (what is wrong, the source, the fix), wrapped to `width`, for
/// the rows under the list.
fn findings_lines(state: &State, r: Option<&Record>, width: u16) -> Vec<Line<'static>> {
    let (lang, theme) = (state.lang, &state.theme);
    let Some(r) = r else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let w = usize::from(width);
    if let Some(y) = other_year(r) {
        for l in text::wrap(&covers_line(lang, r, y), w) {
            out.push(Line::styled(l, theme.dim));
        }
    }
    for f in check::of_record(&state.view.findings, r.id) {
        for l in text::wrap(&format!("! {}", words::problem(lang, f)), w) {
            out.push(Line::styled(l, theme.behind));
        }
        let source = msg::labelled(
            lang,
            lang.pick("依据", "Source"),
            &words::source(lang, f.problem.source()),
        );
        let fix = msg::labelled(lang, lang.pick("处理", "Fix"), words::fix(lang, &f.problem));
        for l in text::wrap(&source, w.saturating_sub(2))
            .into_iter()
            .chain(text::wrap(&fix, w.saturating_sub(2)))
        {
            out.push(Line::styled(format!("  {l}"), theme.dim));
        }
    }
    out
}

/// Who took part: the talk partners, else the attendees.
fn people(roster: &Roster, r: &Record) -> Vec<String> {
    let ids = if r.partners.is_empty() {
        &r.attendees
    } else {
        &r.partners
    };
    ids.iter().map(|p| roster.name(*p)).collect()
}

/// The names the filter found first, so a narrow column shows why the
/// record matched (赵丽娟 among twelve attendees).
fn found_first(mut names: Vec<String>, filter: &str) -> Vec<String> {
    let f = filter.to_lowercase();
    let terms: Vec<&str> = f.split_whitespace().collect();
    if !terms.is_empty() {
        names.sort_by_key(|n| !terms.iter().any(|t| crate::tui::fuzzy::finds_name(t, n)));
    }
    names
}

/// The topic, or for an untitled talk who talked with whom.
fn topic(state: &State, r: &Record) -> String {
    if !r.topic.is_empty() {
        return r.topic.clone();
    }
    let roster = &state.view.roster;
    let partners = people(roster, r);
    match r.host {
        Some(h) if !partners.is_empty() => format!(
            "{} {} {}",
            roster.name(h),
            state.theme.arrow(),
            partners.join(state.lang.pick("、", ", "))
        ),
        _ => String::new(),
    }
}
