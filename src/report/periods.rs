//! The note under the duty table for quotas counted by period: the 完成
//! column counts the quarters (months, half-years) that met the quota, not
//! the sessions held, so 党课 can read 3 while the record list holds 4. The
//! note says so, with the sessions per period, wherever the two differ.

use std::fmt::Write as _;

use crate::core::rule::{Period, Rule};
use crate::core::{Duty, Progress, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{bucket, duty_title};

use super::typeset::join;

/// Periods over their quota spelled out before `等`.
const SHOWN: usize = 4;

/// The unit a period rule counts in: 季度 / quarter.
fn unit(lang: Lang, per: Period) -> &'static str {
    match per {
        Period::Year => lang.pick("年", "year"),
        Period::HalfYear => lang.pick("半年", "half-year"),
        Period::Quarter => lang.pick("季度", "quarter"),
        Period::Month => lang.pick("月", "month"),
    }
}

/// One sentence for `d` when its sessions differ from the periods met.
fn sentence(view: &YearView, d: &Duty, p: &Progress, lang: Lang) -> Option<String> {
    let Rule::Count { min, per } = d.rule else {
        return None;
    };
    if per == Period::Year {
        return None;
    }
    let dates = p
        .records
        .iter()
        .filter_map(|id| view.record(*id))
        .map(|r| r.date);
    let per_bucket = per.sessions(dates);
    let held: u32 = per_bucket.iter().sum();
    let met = u32::try_from(per_bucket.iter().filter(|n| **n >= min).count()).unwrap_or(0);
    if held == p.done {
        return None;
    }
    let indexed = || (1u32..).zip(per_bucket.iter().copied());
    let extra: Vec<String> = indexed()
        .filter(|(_, n)| *n > min)
        .map(|(i, n)| match lang {
            Lang::Zh => format!("{}{n}次", bucket(lang, per, i)),
            Lang::En => format!("{n} in {}", bucket(lang, per, i)),
        })
        .collect();
    // Every period over its quota (several 党小组 a month) reads as a list of
    // twelve: name the first few.
    let extra_more = extra.len() > SHOWN;
    let extra: Vec<String> = extra.into_iter().take(SHOWN).collect();
    let short: Vec<String> = indexed()
        .filter(|(_, n)| *n < min)
        .map(|(i, _)| bucket(lang, per, i))
        .collect();
    let title = duty_title(lang, d);
    let u = unit(lang, per);
    let buckets = per.buckets();
    Some(match lang {
        Lang::Zh => {
            let mut s = format!(
                "{title}按{u}考核，“完成”一栏为达到要求的{u}数，不是开展次数：全年开展{held}次，{buckets}个{u}中{met}个达到要求"
            );
            if !extra.is_empty() {
                let _ = write!(
                    s,
                    "（{}{}，同一{u}内多开展的不计入其他{u}）",
                    join(lang, &extra),
                    if extra_more { "等" } else { "" }
                );
            }
            if !short.is_empty() {
                let _ = write!(s, "，{}未达到要求", join(lang, &short));
            }
            s.push('。');
            s
        }
        Lang::En => {
            let mut s = format!(
                "{title} is judged by {u}: the Done column counts the {u}s that met the quota, not sessions. {held} were held in all; {met} of {buckets} {u}s met it"
            );
            if !extra.is_empty() {
                let _ = write!(
                    s,
                    " ({}{}; a surplus in one {u} does not make up another)",
                    join(lang, &extra),
                    if extra_more { " and more" } else { "" }
                );
            }
            if !short.is_empty() {
                let _ = write!(s, "; {} fell short", join(lang, &short));
            }
            s.push('.');
            s
        }
    })
}

/// The note for every period quota in `duties` whose sessions differ from
/// the periods met; `None` when the counts agree everywhere.
pub fn note<'a>(
    view: &YearView,
    duties: impl IntoIterator<Item = &'a Duty>,
    lang: Lang,
) -> Option<String> {
    let sentences: Vec<String> = duties
        .into_iter()
        .filter_map(|d| sentence(view, d, view.progress_of(&d.id)?, lang))
        .collect();
    if sentences.is_empty() {
        return None;
    }
    Some(format!(
        "{}{}",
        lang.pick("注：", "Note: "),
        sentences.join(lang.pick("", " "))
    ))
}
