//! Moving around: panes, selections and scroll offsets. Every move keeps the
//! selection inside the list it points into.

use super::{Overlay, OverviewPane, PAGE, Pane, Screen, State, select};
use crate::core::ListId;
use crate::tui::action::Action;

/// Move `i` within `0..len` by `action`.
fn step(i: usize, len: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    let next = match action {
        Action::Up => i.saturating_sub(1),
        Action::Down => i.saturating_add(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => i.saturating_sub(PAGE),
        Action::PageDown => i.saturating_add(PAGE),
        _ => i,
    };
    next.min(last)
}

/// Scroll `s` by `action`, at most to `max`.
fn scroll(s: u16, action: &Action, max: u16) -> u16 {
    let page = u16::try_from(PAGE).unwrap_or(10);
    let next = match action {
        Action::Up => s.saturating_sub(1),
        Action::Down => s.saturating_add(1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::PageUp => s.saturating_sub(page),
        Action::PageDown => s.saturating_add(page),
        _ => s,
    };
    next.min(max)
}

/// The pane beside `p`; `wrap` lets the ends meet (Tab), else they stop (←→).
fn beside(p: Pane, forward: bool, wrap: bool) -> Pane {
    match (p, forward) {
        (Pane::Detail, true) if wrap => Pane::Lists,
        (Pane::Lists, false) if wrap => Pane::Detail,
        (Pane::Lists | Pane::Duties, false) => Pane::Lists,
        (Pane::Lists, true) | (Pane::Detail, false) => Pane::Duties,
        (Pane::Duties | Pane::Detail, true) => Pane::Detail,
    }
}

impl State {
    pub(super) fn navigate(&mut self, action: &Action) {
        if matches!(self.overlay, Overlay::History(_) | Overlay::Trash(_)) {
            self.audit_nav(action);
            return;
        }
        if let Overlay::OfferDrafts(sel) = self.overlay {
            self.overlay = match action {
                // Esc: decide later; the drafts stay for the next start.
                Action::Back => Overlay::None,
                _ => Overlay::OfferDrafts(step(sel, self.drafts.len(), action)),
            };
            return;
        }
        if self.overlay == Overlay::Help {
            if *action == Action::Back {
                self.overlay = Overlay::None;
            } else {
                let max = crate::tui::view::help_max_scroll(self);
                self.help_scroll = scroll(self.help_scroll, action, max);
            }
            return;
        }
        match self.screen {
            Screen::Overview => match (action, self.overview_pane) {
                (Action::NextPane | Action::PrevPane, pane) => {
                    self.overview_pane = self.overview_beside(pane, *action == Action::NextPane);
                }
                (Action::NextScreen | Action::PrevScreen, _) => self.cycle(action),
                (Action::Open, OverviewPane::Behind) => self.open_behind(),
                (Action::Open, OverviewPane::Talks) => {
                    if let Some(owed) = self.view.owed_talks().get(self.owed) {
                        self.start_talk(&owed.clone());
                    }
                }
                (_, OverviewPane::Behind) => {
                    let len = select::furthest_behind(&self.view).len();
                    self.overview = step(self.overview, len, action);
                }
                (Action::Open, OverviewPane::Findings) => self.open_finding(),
                (_, OverviewPane::Talks) => {
                    let len = self.view.owed_talks().len();
                    self.owed = step(self.owed, len, action);
                }
                (_, OverviewPane::Findings) => {
                    self.finding = step(self.finding, self.view.findings.len(), action);
                }
            },
            Screen::Checklist => self.checklist_nav(action),
            Screen::Records => match action {
                // Esc first clears a filter, then leaves the screen.
                Action::Back if !self.record_filter.is_empty() => {
                    self.record_filter.clear();
                    self.record = 0;
                }
                Action::Back => self.screen = Screen::Overview,
                Action::NextScreen | Action::PrevScreen => self.cycle(action),
                _ => {
                    let len = select::records(&self.view, &self.record_filter).len();
                    self.record = step(self.record, len, action);
                }
            },
            Screen::Talks => match action {
                Action::Back => self.screen = Screen::Overview,
                // ↑↓ pick a talk still owed (the matrix follows); with none
                // owed they scroll.
                Action::Up | Action::Down if !self.view.owed_talks().is_empty() => {
                    let len = self.view.owed_talks().len();
                    self.talks_sel = step(self.talks_sel, len, action);
                    self.talks_scroll = crate::tui::view::talks_follow(self, self.talks_scroll);
                }
                Action::NextScreen | Action::PrevScreen => self.cycle(action),
                _ => {
                    let max = crate::tui::view::talks_max_scroll(self);
                    self.talks_scroll = scroll(self.talks_scroll, action, max);
                }
            },
            Screen::Fixes => match action {
                Action::Back => self.screen = Screen::Overview,
                Action::NextScreen | Action::PrevScreen => self.cycle(action),
                _ => {
                    let len = crate::tui::fix::visible(&self.view, self.fixes.filter).len();
                    let at = step(self.fixes.index(&self.view), len, action);
                    self.fixes.select(&self.view, at);
                }
            },
            Screen::Roster => match action {
                Action::Back => self.screen = Screen::Overview,
                Action::NextScreen | Action::PrevScreen => self.cycle(action),
                _ => self.roster_action(action),
            },
        }
    }

    /// The overview list Tab (`forward`) or Shift-Tab moves to from `pane`:
    /// the findings take their turn only when there are some.
    fn overview_beside(&self, pane: OverviewPane, forward: bool) -> OverviewPane {
        let mut order = vec![OverviewPane::Behind, OverviewPane::Talks];
        if !self.view.findings.is_empty() {
            order.insert(0, OverviewPane::Findings);
        }
        let at = order.iter().position(|p| *p == pane).unwrap_or(0);
        let n = order.len();
        order[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }]
    }

    /// Enter on a finding: the records screen with its record selected,
    /// where the record's findings show under the list.
    fn open_finding(&mut self) {
        let Some(id) = self.view.findings.get(self.finding).map(|f| f.record) else {
            return;
        };
        self.record_filter.clear();
        if let Some(at) = select::records(&self.view, "")
            .iter()
            .position(|r| r.id == id)
        {
            self.record = at;
        }
        self.screen = Screen::Records;
    }

    /// Enter on the overview: show the selected behind duty in the
    /// checklist, selected in its list with the duties pane focused.
    fn open_behind(&mut self) {
        let target = select::furthest_behind(&self.view)
            .get(self.overview)
            .and_then(|p| {
                self.view
                    .catalogue
                    .duties
                    .iter()
                    .position(|d| d.id == p.duty)
            })
            .and_then(|index| select::locate(&self.view, index));
        self.screen = Screen::Checklist;
        if let Some((list, row)) = target {
            self.filter.clear();
            self.checklist.list = list;
            self.checklist.duty = row;
            self.checklist.detail_scroll = 0;
            self.checklist.pick = 0;
            self.checklist.focus = Some(Pane::Duties);
        }
    }

    fn cycle(&mut self, action: &Action) {
        self.screen = self
            .screen
            .cycle(matches!(action, Action::NextPane | Action::NextScreen));
    }

    fn checklist_nav(&mut self, action: &Action) {
        let focus = self.checklist.focus();
        match action {
            Action::NextPane => self.checklist.focus = Some(beside(focus, true, true)),
            Action::PrevPane => self.checklist.focus = Some(beside(focus, false, true)),
            Action::Right | Action::Open => self.checklist.focus = Some(beside(focus, true, false)),
            Action::Left => self.checklist.focus = Some(beside(focus, false, false)),
            Action::Back => match focus {
                Pane::Lists if !self.filter.is_empty() => {
                    self.filter.clear();
                    self.checklist.duty = 0;
                }
                Pane::Lists => self.screen = Screen::Overview,
                other => self.checklist.focus = Some(beside(other, false, false)),
            },
            _ => match focus {
                Pane::Lists => {
                    let before = self.checklist.list;
                    self.checklist.list = step(before, ListId::ALL.len(), action);
                    if before != self.checklist.list {
                        self.checklist.duty = 0;
                        self.checklist.detail_scroll = 0;
                        self.checklist.pick = 0;
                    }
                }
                Pane::Duties => {
                    let len = select::duties(&self.view, self.checklist.list, &self.filter).len();
                    let before = self.checklist.duty;
                    self.checklist.duty = step(before, len, action);
                    if before != self.checklist.duty {
                        self.checklist.detail_scroll = 0;
                        self.checklist.pick = 0;
                    }
                }
                Pane::Detail => {
                    let max = crate::tui::view::detail_max_scroll(self);
                    self.checklist.detail_scroll =
                        scroll(self.checklist.detail_scroll, action, max);
                }
            },
        }
    }

    /// Pull every selection back inside its list after the data changed.
    pub(super) fn clamp(&mut self) {
        let behind = select::furthest_behind(&self.view).len();
        self.overview = self.overview.min(behind.saturating_sub(1));
        let owed = self.view.owed_talks().len();
        self.owed = self.owed.min(owed.saturating_sub(1));
        self.finding = self.finding.min(self.view.findings.len().saturating_sub(1));
        if self.view.findings.is_empty() && self.overview_pane == OverviewPane::Findings {
            self.overview_pane = OverviewPane::Behind;
        }
        self.talks_sel = self.talks_sel.min(owed.saturating_sub(1));
        self.talks_scroll = self
            .talks_scroll
            .min(crate::tui::view::talks_max_scroll(self));
        let records = select::records(&self.view, &self.record_filter).len();
        self.record = self.record.min(records.saturating_sub(1));
        let duties = select::duties(&self.view, self.checklist.list, &self.filter).len();
        self.checklist.duty = self.checklist.duty.min(duties.saturating_sub(1));
        self.checklist.list = self.checklist.list.min(ListId::ALL.len() - 1);
    }
}
