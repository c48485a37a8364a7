//! Words of the `--short` line: what needs doing, in at most the given
//! columns of display width.

use std::fmt::Write as _;

use crate::cli::layout::{cut, width};
use crate::core::progress::Tally;
use crate::i18n::Lang;

/// What the `--short` line says besides the tally.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShortFacts {
    /// Required talk pairs not yet held.
    pub talks_owed: usize,
    /// 整改 items past their deadline and not closed.
    pub fixes_overdue: usize,
}

/// The most urgent duty, as the `--short` line names it (no internal id).
#[derive(Debug, Clone, Copy)]
pub struct Worst<'a> {
    pub title: &'a str,
    /// `1/10`
    pub done: &'a str,
    pub status: &'a str,
}

/// The `--short` line for a login message, at most `cols` columns wide
/// (display width, not characters): the most urgent duty's title is
/// shortened, or the duty left out, to fit. It names what needs doing
/// (behind, overdue, talks owed, overdue 整改); zero counts are left out.
pub fn short_line(
    lang: Lang,
    year: i32,
    t: &Tally,
    facts: ShortFacts,
    worst: Option<Worst<'_>>,
    cols: usize,
) -> String {
    // A login line says what needs doing; the full tally is in `status`.
    let counts = [
        (t.behind, "落后", "behind"),
        (t.overdue, "逾期", "overdue"),
        (t.no_evidence, "无留痕", "with no evidence"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, zh, en)| match lang {
            Lang::Zh => format!("{zh}{n}项"),
            Lang::En => format!("{n} {en}"),
        })
        .collect();
    let mut head = match (lang, parts.is_empty()) {
        (Lang::Zh, false) => format!("台账{year}：{}", parts.join("，")),
        (Lang::Zh, true) => format!("台账{year}：{}项均按进度", t.done + t.on_track),
        (Lang::En, false) => format!("{year}: {}", parts.join(", ")),
        (Lang::En, true) => format!("{year}: all {} on pace", t.done + t.on_track),
    };
    if facts.talks_owed > 0 {
        let _ = match lang {
            Lang::Zh => write!(head, "，欠谈话{}次", facts.talks_owed),
            Lang::En => write!(
                head,
                "; {} talk{} owed",
                facts.talks_owed,
                plural(facts.talks_owed)
            ),
        };
    }
    if facts.fixes_overdue > 0 {
        let _ = match lang {
            Lang::Zh => write!(head, "，整改逾期{}项", facts.fixes_overdue),
            Lang::En => write!(
                head,
                "; {} overdue fix{}",
                facts.fixes_overdue,
                if facts.fixes_overdue == 1 { "" } else { "es" }
            ),
        };
    }
    let Some(worst) = worst else {
        return cut(&head, cols.saturating_sub(1));
    };
    let label = lang.pick("；最需关注：", "; most urgent: ");
    let rest = format!(" {} {}", worst.done, worst.status);
    // One column spare: a CJK terminal draws the `…` of a cut title wide.
    let room = cols.saturating_sub(width(&head) + width(label) + width(&rest) + 1);
    if room < 6 {
        return cut(&head, cols.saturating_sub(1));
    }
    format!("{head}{label}{}{rest}", cut(worst.title, room))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
