//! The talk matrix: for every talk-coverage duty, each required (host,
//! partner) pair of the year, with the date of the talk that covered it or a
//! mark that it is still owed. Read-only; the caller owns the scroll offset.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::core::ledger::OwedTalk;
use crate::core::progress::PairCover;
use crate::core::rule::PairClass;
use crate::core::{Duty, PersonId, Status, YearView};
use crate::i18n::domain::rule;
use crate::i18n::form::{Text, talked, text as t};
use crate::i18n::{Lang, acts};
use crate::tui::form::text::clip;
use crate::tui::theme::Theme;

/// Each talk-coverage duty with its pairs, as the core's progress has them.
fn talk_duties(view: &YearView) -> impl Iterator<Item = (&Duty, &[PairCover])> {
    view.talk_duties().map(|(d, p)| (d, p.pairs.as_slice()))
}

/// The summary line, the lines under it, and which of them is the owed
/// pair `selected` (Enter starts that talk).
fn lines<'a>(
    view: &'a YearView,
    lang: Lang,
    theme: &Theme,
    width: usize,
    selected: Option<&OwedTalk>,
) -> (Line<'a>, Vec<Line<'a>>, Option<usize>) {
    let mut at = None;
    let (yes, no) = if theme.ascii {
        ("+", "x")
    } else {
        ("✓", "✗")
    };
    let mut out = Vec::new();
    let (mut done, mut required) = (0, 0);
    let mut any = false;
    for (duty, pairs) in talk_duties(view) {
        any = true;
        let n = pairs.iter().filter(|p| p.covered.is_some()).count();
        done += n;
        required += pairs.len();
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(vec![
            Span::styled(
                crate::i18n::domain::duty_title(lang, duty).to_string(),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!("  {}/{}", n, pairs.len())),
        ]));
        // The rule can be longer than the screen is wide: wrap it.
        for part in
            crate::tui::widgets::text::wrap(&rule(lang, &duty.rule), width.saturating_sub(2))
        {
            out.push(Line::styled(format!("  {part}"), theme.dim));
        }
        if pairs.is_empty() {
            out.push(Line::styled(
                format!("  {}", t(lang, Text::NoPairs)),
                theme.dim,
            ));
        }
        // 谈心谈话 pairs come in classes (支委↔支委…): a heading for each.
        let groups: Vec<(Option<PairClass>, Vec<&PairCover>)> =
            if pairs.iter().any(|p| p.class.is_some()) {
                PairClass::ALL
                    .into_iter()
                    .map(|c| {
                        (
                            Some(c),
                            pairs.iter().filter(|p| p.class == Some(c)).collect(),
                        )
                    })
                    .collect()
            } else {
                vec![(None, pairs.iter().collect())]
            };
        for (class, group) in groups {
            if let Some(class) = class {
                let n = group.iter().filter(|p| p.covered.is_some()).count();
                out.push(Line::styled(
                    format!("  {}  {n}/{}", acts::class(lang, class), group.len()),
                    Style::default().add_modifier(Modifier::BOLD),
                ));
            }
            let mut hosts: Vec<PersonId> = Vec::new();
            for p in &group {
                if !hosts.contains(&p.from) {
                    hosts.push(p.from);
                }
            }
            for host in hosts {
                let mine: Vec<&PairCover> =
                    group.iter().copied().filter(|p| p.from == host).collect();
                let n = mine.iter().filter(|p| p.covered.is_some()).count();
                out.push(Line::from(format!(
                    "  {}  {n}/{}",
                    view.roster.name(host),
                    mine.len()
                )));
                for p in mine {
                    let name = crate::tui::form::text::pad_to(&view.roster.name(p.to), 12);
                    out.push(match p.covered {
                        Some((date, _)) => Line::from(vec![
                            Span::styled(format!("    {yes} "), theme.status(Status::Done)),
                            Span::raw(name),
                            Span::raw(date.format("%Y-%m-%d").to_string()),
                        ]),
                        None if selected.is_some_and(|o| {
                            o.duty == duty.id && o.host == p.from && o.partner == p.to
                        }) =>
                        {
                            at = Some(out.len());
                            Line::styled(
                                format!("    {no} {name}{}", t(lang, Text::Owed)),
                                theme.selected,
                            )
                        }
                        None => Line::from(vec![
                            Span::styled(format!("    {no} "), theme.status(Status::Overdue)),
                            Span::raw(name),
                            Span::styled(t(lang, Text::Owed), theme.status(Status::Overdue)),
                        ]),
                    });
                }
            }
        }
    }
    if !any {
        out.push(Line::styled(t(lang, Text::NoTalkDuty), theme.dim));
    }
    let summary = Line::styled(
        talked(lang, done, required),
        Style::default().add_modifier(Modifier::BOLD),
    );
    (summary, out, at)
}

/// How many lines scroll under the summary when the matrix is drawn
/// `width` columns wide (borders included); bound the scroll offset by it.
pub fn rows(view: &YearView, lang: Lang, width: u16) -> usize {
    let inner = usize::from(width.saturating_sub(2));
    lines(view, lang, &Theme::default(), inner, None).1.len()
}

/// The line (under the summary) of the owed pair `owed`, at `width`.
pub fn owed_line(view: &YearView, lang: Lang, width: u16, owed: &OwedTalk) -> Option<usize> {
    let inner = usize::from(width.saturating_sub(2));
    lines(view, lang, &Theme::default(), inner, Some(owed)).2
}

/// Draw the matrix in `area`: a title, the summary line, then the pairs
/// from line `scroll` on.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &YearView,
    lang: Lang,
    theme: &Theme,
    scroll: u16,
    selected: Option<&OwedTalk>,
) {
    let area = area.intersection(frame.area());
    frame.render_widget(Clear, area);
    let title = format!("{} {}", t(lang, Text::TalkMatrix), view.year);
    let block = Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border)
        .title(format!(
            " {} ",
            clip(&title, usize::from(area.width.saturating_sub(4)))
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let (summary, body, _) = lines(view, lang, theme, usize::from(inner.width), selected);
    frame.render_widget(Paragraph::new(summary), Rect { height: 1, ..inner });
    if inner.height > 1 {
        let rest = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let max = u16::try_from(body.len().saturating_sub(1)).unwrap_or(u16::MAX);
        frame.render_widget(Paragraph::new(body).scroll((scroll.min(max), 0)), rest);
    }
}
