//! What each list shows, derived from the year's data and the filter. Both
//! `State` (to move a selection) and the views (to draw it) use these, so the
//! index a key moves is the row the screen shows.

use std::cmp::Ordering;

use chrono::Datelike;

use crate::core::{Duty, ListId, Progress, Record, Rule, Status, YearView};

/// A visible duty: its index in the catalogue and how deep it is indented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutyRow {
    pub index: usize,
    pub depth: u16,
}

/// Does `duty` match the filter text (by id, title or full text)?
pub fn duty_matches(duty: &Duty, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || duty.id.as_str().to_lowercase().contains(&f)
        || duty.title.to_lowercase().contains(&f)
        || duty.title_en.to_lowercase().contains(&f)
        || duty.text.to_lowercase().contains(&f)
}

/// The duties the checklist's middle pane lists: with no filter, the selected
/// list's duties with sub-duties under their parent; with a filter, every
/// matching duty of every list.
pub fn duties(view: &YearView, list: usize, filter: &str) -> Vec<DutyRow> {
    let all = &view.catalogue.duties;
    if !filter.trim().is_empty() {
        return all
            .iter()
            .enumerate()
            .filter(|(_, d)| duty_matches(d, filter))
            .map(|(index, _)| DutyRow { index, depth: 0 })
            .collect();
    }
    let Some(list) = ListId::ALL.get(list).copied() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, d) in all.iter().enumerate() {
        if d.list != list {
            continue;
        }
        // A sub-duty is listed under its parent when the parent is in this list.
        let parent_here = d
            .parent
            .as_ref()
            .and_then(|p| all.iter().find(|x| &x.id == p))
            .is_some_and(|p| p.list == list);
        if parent_here {
            continue;
        }
        push_tree(all, index, 0, &mut out);
    }
    out
}

fn push_tree(all: &[Duty], index: usize, depth: u16, out: &mut Vec<DutyRow>) {
    if out.iter().any(|r| r.index == index) || depth > 8 {
        return;
    }
    out.push(DutyRow { index, depth });
    let Some(parent) = all.get(index) else {
        return;
    };
    for (child, d) in all.iter().enumerate() {
        if d.parent.as_ref() == Some(&parent.id) && d.list == parent.list {
            push_tree(all, child, depth + 1, out);
        }
    }
}

/// The records screen's rows: newest first, those matching every word of
/// the filter (see `record_matches`).
pub fn records<'a>(view: &'a YearView, filter: &str) -> Vec<&'a Record> {
    let f = filter.trim().to_lowercase();
    let terms: Vec<&str> = f.split_whitespace().collect();
    let mut out: Vec<&Record> = view
        .records
        .iter()
        .filter(|r| terms.iter().all(|t| record_matches(view, r, t)))
        .collect();
    out.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    out
}

/// Does one filter word find `r`? It is looked for in the date (`2026-03-14`,
/// `3-14`, `3月14日`), the kind, the topic, the host and everyone taking
/// part, and the notes; names and kinds also by pinyin (`zl` for 赵磊), as
/// the forms complete them, and the topic by its pinyin initials.
pub fn record_matches(view: &YearView, r: &Record, term: &str) -> bool {
    use crate::tui::fuzzy::{finds_name, finds_text};
    let d = r.date;
    let date = format!(
        "{} {}-{} {}月{}日",
        d.format("%Y-%m-%d"),
        d.month(),
        d.day(),
        d.month(),
        d.day()
    );
    let name = |id: &crate::core::PersonId| finds_name(term, &view.roster.name(*id));
    date.contains(term)
        || finds_name(term, r.kind.zh())
        || r.kind.en().to_lowercase().contains(term)
        || finds_text(term, &r.topic)
        || r.notes.to_lowercase().contains(term)
        || r.host.as_ref().is_some_and(name)
        || r.partners.iter().any(name)
        || r.attendees.iter().any(name)
        || r.absentees.iter().any(|a| name(&a.person))
}

/// Quota duties not yet done, worst first: overdue, then behind, then the
/// widest gap between pace and progress.
pub fn furthest_behind(view: &YearView) -> Vec<&Progress> {
    let mut out: Vec<&Progress> = view
        .progress
        .iter()
        .filter(|p| matches!(p.status, Status::Overdue | Status::Behind | Status::OnTrack))
        .collect();
    out.sort_by(|a, b| {
        a.status.cmp(&b.status).then_with(|| {
            let gap = |p: &Progress| p.expected_ratio() - p.ratio();
            gap(b).partial_cmp(&gap(a)).unwrap_or(Ordering::Equal)
        })
    });
    out
}

/// Where the checklist shows duty `index` of the catalogue: (list, row).
pub fn locate(view: &YearView, index: usize) -> Option<(usize, usize)> {
    (0..ListId::ALL.len()).find_map(|list| {
        duties(view, list, "")
            .iter()
            .position(|r| r.index == index)
            .map(|row| (list, row))
    })
}

/// Does `duty` count people of the roster (per person, talk pairs, 联系点)
/// while the roster has nobody in it? Then it has no number yet because
/// the roster is missing, not because it has no quota.
pub fn needs_roster(view: &YearView, duty: &Duty) -> bool {
    matches!(
        duty.rule,
        Rule::PerPerson { .. } | Rule::TalkCoverage { .. } | Rule::StandingRange { .. }
    ) && view.roster.active().next().is_none()
}

/// How many duties wait for the roster (see `needs_roster`).
pub fn waiting_for_roster(view: &YearView) -> usize {
    view.catalogue
        .duties
        .iter()
        .filter(|d| needs_roster(view, d))
        .count()
}
