//! The selected duty in full: seed text, the rule in words and its source,
//! progress, the records that count and what is still missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

mod brief;
mod persons;

pub use brief::render as brief;

use super::{pane, put};
use crate::core::{Duty, Missing, Progress, RecordKind, YearView};
use crate::i18n::{acts, domain, evidence};
use crate::tui::state::{State, select};
use crate::tui::text::fix as fix_words;
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::{QuotaBar, text};

/// The full detail, while the pane has focus (it scrolls).
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme) = (state.lang, &state.theme);
    let inner = pane(frame, area, msg::text(lang, T::Detail), true, theme);
    let Some((index, lines)) = lines(state, inner.width) else {
        put(
            frame,
            inner,
            0,
            Line::styled(msg::text(lang, T::NoDutySelected), theme.dim),
        );
        return;
    };
    let Some(p) = state.view.progress.get(index) else {
        return;
    };
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = usize::from(state.checklist.detail_scroll).min(max_scroll);
    // When the detail goes on below, its bottom border says so.
    if scroll < max_scroll && area.height >= 2 {
        let more = format!(" {} ", msg::help_more(lang, theme.ascii));
        let w = u16::try_from(text::width(&more)).unwrap_or(0);
        let at = Rect::new(
            area.right().saturating_sub(w + 1),
            area.bottom() - 1,
            w.min(area.width),
            1,
        );
        put(frame, at, 0, Line::styled(more, theme.key));
    }
    for (i, (line, style)) in lines.iter().enumerate().skip(scroll) {
        let row = u16::try_from(i - scroll).unwrap_or(u16::MAX);
        if row >= inner.height {
            break;
        }
        match line {
            None => {
                let r = Rect::new(inner.x, inner.y + row, inner.width.min(30), 1);
                QuotaBar::new(p, theme)
                    .unit(msg::record_unit(lang))
                    .render(r, frame.buffer_mut());
            }
            Some(text) => put(
                frame,
                inner,
                row,
                Line::from(Span::styled(text.clone(), *style)),
            ),
        }
    }
}

/// The selected duty's catalogue index and its detail lines wrapped to
/// `width`; a `None` text marks the row where the quota bar goes.
/// Detail lines: text and style; `None` text is the quota bar's row.
pub type Lines = Vec<(Option<String>, Style)>;

pub fn lines(state: &State, width: u16) -> Option<(usize, Lines)> {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let rows = select::duties(view, state.checklist.list, &state.filter);
    let index = rows.get(state.checklist.duty)?.index;
    let (duty, p) = (view.catalogue.duties.get(index)?, view.progress.get(index)?);
    let w = usize::from(width);
    let mut lines: Vec<(Option<String>, Style)> = Vec::new();
    let add = |s: &str, style: Style, lines: &mut Vec<(Option<String>, Style)>| {
        for l in text::wrap(s, w) {
            lines.push((Some(l), style));
        }
    };
    add(domain::duty_title(lang, duty), theme.title, &mut lines);
    // Where the duty stands in the branch's document, not its catalogue id.
    add(&msg::seed_ref(lang, &duty.seed_ref), theme.dim, &mut lines);
    // The quota bar's row; an evidence-only duty says its state in words.
    if !evidence::evidence_only(duty, p) {
        lines.push((None, theme.base));
    }
    add(&status(state, duty, p), theme.status(p.status), &mut lines);
    add(
        &msg::labelled(
            lang,
            msg::text(lang, T::Rule),
            &domain::rule(lang, &duty.rule),
        ),
        theme.base,
        &mut lines,
    );
    // Who owes what comes before the fine print: who is behind first.
    persons::table(state, duty, p, &mut lines, w);
    if !p.persons.is_empty() {
        lines.push((Some(String::new()), theme.base));
    }
    add(
        &msg::labelled(
            lang,
            msg::text(lang, T::Source),
            &msg::brackets(lang, &duty.source),
        ),
        theme.dim,
        &mut lines,
    );
    add(
        &evidence::record_path(lang, duty, &view.catalogue.record_path(duty)),
        theme.dim,
        &mut lines,
    );
    who_acts(state, duty, &mut lines, w);
    if let Some(late) = &p.late {
        add(
            &msg::labelled(
                lang,
                domain::status(lang, p.status),
                &domain::lateness(lang, late),
            ),
            theme.behind,
            &mut lines,
        );
    }
    if let Some(due) = p.next_due {
        add(
            &msg::labelled(lang, msg::text(lang, T::NextDue), &due.to_string()),
            theme.base,
            &mut lines,
        );
    }
    lines.push((Some(String::new()), theme.base));
    add(&duty.text, theme.base, &mut lines);
    lines.push((Some(String::new()), theme.base));
    add(
        msg::text(lang, T::RecordsThatCount),
        theme.heading,
        &mut lines,
    );
    if p.records.is_empty() {
        add(msg::text(lang, T::NoneYet), theme.dim, &mut lines);
    }
    for (i, id) in p.records.iter().enumerate() {
        if let Some(r) = view.record(*id) {
            let s = format!(
                "{} {} {}",
                text::short_date(r.date, view.today),
                domain::kind(lang, r.kind),
                r.topic
            );
            // The picked record (n/p) is the one `H` shows the history of.
            let style = if i == state.checklist.pick {
                theme.selected
            } else {
                theme.base
            };
            lines.push((Some(text::truncate(&s, w, theme.ellipsis())), style));
        }
    }
    acts_lines(state, p, &mut lines, w);
    let linked: Vec<_> = view.fixes_for(&duty.id).collect();
    if !linked.is_empty() {
        lines.push((Some(String::new()), theme.base));
        add(
            fix_words::label(lang, fix_words::Label::Linked),
            theme.heading,
            &mut lines,
        );
        for f in linked {
            let overdue = f.is_overdue(view.today);
            let flag = if overdue {
                format!(" {}", fix_words::overdue(lang))
            } else {
                String::new()
            };
            let s = format!(
                "{} {} {}{flag} {}",
                f.id,
                crate::i18n::fix::state(lang, f.state),
                f.deadline,
                f.problem
            );
            let style = if overdue { theme.overdue } else { theme.base };
            add(&s, style, &mut lines);
        }
    }
    lines.push((Some(String::new()), theme.base));
    add(msg::text(lang, T::Missing), theme.heading, &mut lines);
    if p.missing.is_empty() {
        add(msg::text(lang, T::Nothing), theme.dim, &mut lines);
    }
    for m in &p.missing {
        let s = format!("- {}", missing(state, view, m));
        // A bucket still to come is not yet owed: dim it.
        let style = match m {
            Missing::Period { past: false, .. } => theme.dim,
            _ => theme.status(p.status),
        };
        add(&s, style, &mut lines);
    }
    Some((index, lines))
}

/// Where the duty stands, in words. A duty with no quota has no pace to
/// meet: just its status.
fn status(state: &State, duty: &Duty, p: &Progress) -> String {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    if select::needs_roster(view, duty) {
        msg::text(lang, T::NeedsRoster).to_string()
    } else if evidence::evidence_only(duty, p) {
        evidence::phrase(lang, p)
    } else if p.status == crate::core::Status::NoQuota {
        domain::status(lang, p.status).to_string()
    } else {
        format!(
            "{}{}{} {}",
            domain::status(lang, p.status),
            theme.dot(),
            msg::text(lang, T::Expected),
            p.expected
        )
    }
}

/// Who must host or talk, and whether group talks count, when the duty says.
fn who_acts(state: &State, duty: &Duty, lines: &mut Lines, w: usize) {
    let lang = state.lang;
    let mut parts = Vec::new();
    if let Some(a) = duty.actor {
        let kind = duty.counts.first().copied().unwrap_or(RecordKind::Other);
        parts.push(acts::requirement(lang, a, kind));
    }
    if duty.one_to_one {
        parts.push(acts::one_to_one(lang).to_string());
    }
    if parts.is_empty() {
        return;
    }
    let s = msg::labelled(
        lang,
        acts::who_acts_heading(lang),
        &parts.join(lang.pick("；", "; ")),
    );
    for l in text::wrap(&s, w) {
        lines.push((Some(l), state.theme.base));
    }
}

/// 谈心谈话 coverage by class, and each linked record that does not count
/// with the reason.
fn acts_lines(state: &State, p: &Progress, lines: &mut Lines, w: usize) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    if !p.classes.is_empty() {
        lines.push((Some(String::new()), theme.base));
        let s = msg::labelled(
            lang,
            acts::classes_heading(lang),
            &acts::classes(lang, &p.classes),
        );
        for l in text::wrap(&s, w) {
            lines.push((Some(l), theme.base));
        }
    }
    if p.not_counted.is_empty() {
        return;
    }
    lines.push((Some(String::new()), theme.base));
    lines.push((
        Some(acts::not_counted_heading(lang).to_string()),
        theme.heading,
    ));
    for n in &p.not_counted {
        let Some(r) = view.record(n.record) else {
            continue;
        };
        let head = format!(
            "{} {} {}",
            text::short_date(r.date, view.today),
            domain::kind(lang, r.kind),
            r.topic
        );
        lines.push((
            Some(text::truncate(head.trim_end(), w, theme.ellipsis())),
            theme.dim,
        ));
        let why = format!("  {}", acts::refusal(lang, &n.why, r.kind, &view.roster));
        for l in text::wrap(&why, w) {
            lines.push((Some(l), theme.status(crate::core::Status::Behind)));
        }
    }
}

/// What is missing, in words; a sub-duty by its title rather than its id.
fn missing(state: &State, view: &YearView, m: &Missing) -> String {
    match m {
        Missing::Child { duty } => view.catalogue.duty(duty).map_or_else(
            || duty.to_string(),
            |d| domain::duty_title(state.lang, d).to_string(),
        ),
        Missing::Pair { from, to } => format!(
            "{} {} {}",
            view.roster.name(*from),
            state.theme.arrow(),
            view.roster.name(*to)
        ),
        other => domain::missing(state.lang, other, &view.roster),
    }
}
