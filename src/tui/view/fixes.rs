//! The rectification screen (整改): the year's items on the left (state
//! marker, id, deadline, owner, problem; overdue ones flagged 逾期), the
//! selected item in full on the right, and the form or prompt over them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{offset, pane, put};
use crate::core::{FixItem, YearView};
use crate::i18n::{Lang, domain, fix as fixw};
use crate::tui::fix::visible;
use crate::tui::state::State;
use crate::tui::text::fix::{self as words, Label};
use crate::tui::theme::Theme;
use crate::tui::widgets::text;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let list_w = area.width * 11 / 20;
    let list_area = Rect {
        width: list_w,
        ..area
    };
    let detail_area = Rect {
        x: area.x + list_w,
        width: area.width - list_w,
        ..area
    };
    let screen = &state.fixes;
    let rows = visible(view, screen.filter);
    let title = words::list_title(lang, screen.filter, rows.len());
    let inner = pane(frame, list_area, &title, true, theme);
    if rows.is_empty() {
        put(
            frame,
            inner,
            0,
            Line::styled(words::none(lang, screen.filter), theme.dim),
        );
    }
    let sel = screen.index(view);
    let first = offset(sel, inner.height);
    for (i, f) in rows.iter().enumerate().skip(first) {
        let row = u16::try_from(i - first).unwrap_or(u16::MAX);
        if row >= inner.height {
            break;
        }
        put(frame, inner, row, list_row(state, f, i == sel, inner.width));
    }
    let inner = pane(frame, detail_area, words::detail(lang), false, theme);
    match rows.get(sel) {
        Some(f) => {
            for (i, (line, style)) in detail(lang, theme, view, f, inner.width)
                .into_iter()
                .enumerate()
            {
                let Ok(row) = u16::try_from(i) else { break };
                put(frame, inner, row, Line::styled(line, style));
            }
        }
        None => put(
            frame,
            inner,
            0,
            Line::styled(words::no_selection(lang), theme.dim),
        ),
    }
    screen.render_overlay(frame, area, theme, lang);
}

/// The state marker of an item, as text.
pub fn marker(theme: &Theme, f: &FixItem) -> &'static str {
    if theme.ascii {
        words::state_marker_ascii(f.state)
    } else {
        words::state_marker(f.state)
    }
}

fn list_row<'a>(state: &State, f: &FixItem, selected: bool, width: u16) -> Line<'a> {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let overdue = f.is_overdue(view.today);
    let base = if selected { theme.selected } else { theme.base };
    let head = format!(
        "{} {:>4} {} ",
        marker(theme, f),
        f.id.to_string(),
        text::short_date(f.deadline, view.today)
    );
    let mut spans = vec![Span::styled(head.clone(), base)];
    let mut used = text::width(&head);
    if overdue {
        let flag = format!("{} ", words::overdue(lang));
        used += text::width(&flag);
        spans.push(Span::styled(flag, theme.overdue));
    }
    let owner = text::fit(&view.roster.name(f.owner), 7, theme.ellipsis());
    let rest = usize::from(width).saturating_sub(used + 8);
    spans.push(Span::styled(format!("{owner} "), base));
    spans.push(Span::styled(
        text::fit(&f.problem, rest, theme.ellipsis()),
        base,
    ));
    Line::from(spans)
}

/// The item in full, wrapped to `width`.
pub fn detail(
    lang: Lang,
    theme: &Theme,
    view: &YearView,
    f: &FixItem,
    width: u16,
) -> Vec<(String, Style)> {
    let w = usize::from(width);
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut add = |s: &str, style: Style| {
        for l in text::wrap(s, w) {
            out.push((l, style));
        }
    };
    let kv = |l: Label, v: &str| crate::tui::text::labelled(lang, words::label(lang, l), v);
    let state_style = if f.is_overdue(view.today) {
        theme.overdue
    } else {
        theme.heading
    };
    let mut head = format!(
        "{} {} {}",
        marker(theme, f),
        f.id,
        fixw::state(lang, f.state)
    );
    if f.is_overdue(view.today) {
        head.push_str(theme.dot());
        head.push_str(words::overdue(lang));
    }
    add(&head, state_style);
    add(&kv(Label::Problem, &f.problem), theme.title);
    add(&kv(Label::Source, fixw::source(lang, f.source)), theme.base);
    add(&kv(Label::Owner, &view.roster.name(f.owner)), theme.base);
    add(&kv(Label::Deadline, &f.deadline.to_string()), state_style);
    add(&kv(Label::Opened, &f.opened.to_string()), theme.dim);
    let duties: Vec<String> = f
        .duties
        .iter()
        .map(|d| {
            view.catalogue.duty(d).map_or_else(
                || d.to_string(),
                |x| domain::duty_title(lang, x).to_string(),
            )
        })
        .collect();
    add(
        &kv(Label::Duties, &duties.join(lang.pick("、", ", "))),
        theme.base,
    );
    add(&kv(Label::Measures, &f.measures), theme.base);
    if !f.notes.is_empty() {
        add(words::label(lang, Label::Notes), theme.heading);
        for n in &f.notes {
            add(&format!("{} {}", n.date, n.text), theme.base);
        }
    }
    if let Some(c) = &f.closure {
        let by = c
            .by_person
            .map_or_else(|| c.by_user.clone(), |p| view.roster.name(p));
        if let Some(s) = words::closure(lang, f, &by) {
            add(words::label(lang, Label::Closure), theme.heading);
            add(&s, theme.done);
        }
    }
    out
}
