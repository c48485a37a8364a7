//! Figures written out as a branch writes them: "召开支委会12次、支部党员大会
//! 4次，开展中心组学习10次（主题包括……）". Every number is counted from the
//! records handed in; nothing is estimated.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::core::record::{Category, Record, RecordKind};
use crate::core::{RecordId, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::kind;

/// The verb a kind of work takes in Chinese prose, and the kind's name
/// after it (`签订责任书` already holds its verb; `其他` reads `其他工作`).
fn verb(k: RecordKind) -> (&'static str, &'static str) {
    match (k, k.category()) {
        (RecordKind::PartyLecture, _) => ("讲授", k.zh()),
        (RecordKind::ResponsibilityLetter, _) => ("组织", k.zh()),
        (RecordKind::WorkPlan, _) => ("制定", k.zh()),
        (RecordKind::AnnualReport, _) => ("", k.zh()),
        (RecordKind::Other, _) => ("开展", "其他工作"),
        (_, Category::Meeting) => ("召开", k.zh()),
        (_, Category::Report) => ("完成", k.zh()),
        _ => ("开展", k.zh()),
    }
}

/// How many of each kind `records` hold, in the order kinds are listed.
pub fn kind_counts(records: &[&Record]) -> Vec<(RecordKind, usize)> {
    RecordKind::ALL
        .iter()
        .map(|k| (*k, records.iter().filter(|r| r.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The work in `records` as one clause: `召开支委会12次、党员大会4次，讲授党课4次`
/// / `12 committee meetings, 4 general meetings`; `None` for no records.
pub fn activity(lang: Lang, records: &[&Record]) -> Option<String> {
    phrase(lang, records, true)
}

/// The same without verbs, after a verb of the caller's: `参加支委会10次、
/// 党课4次`.
pub fn attended(lang: Lang, records: &[&Record]) -> Option<String> {
    phrase(lang, records, false)
}

fn phrase(lang: Lang, records: &[&Record], verbs: bool) -> Option<String> {
    let counts = kind_counts(records);
    if counts.is_empty() {
        return None;
    }
    if lang == Lang::En {
        let parts: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{} × {n}", kind(lang, *k)))
            .collect();
        return Some(parts.join(", "));
    }
    let mut out = String::new();
    let mut last_verb = None;
    for (k, n) in counts {
        let (v, name) = verb(k);
        let v = if verbs { v } else { "" };
        if last_verb == Some(v) && (!v.is_empty() || !verbs) {
            out.push('、');
        } else {
            if !out.is_empty() {
                out.push('，');
            }
            out.push_str(v);
            last_verb = Some(v);
        }
        let _ = write!(out, "{name}{n}次");
    }
    Some(out)
}

/// Up to three distinct topics of the study sessions in `records`, quoted:
/// `（主题包括“……”“……”等）`; empty when there are none.
pub fn study_topics(lang: Lang, records: &[&Record]) -> String {
    let mut seen = BTreeSet::new();
    let topics: Vec<&str> = records
        .iter()
        .filter(|r| r.kind.category() == Category::Study)
        .map(|r| r.topic.trim())
        .filter(|t| !t.is_empty() && seen.insert(*t))
        .take(3)
        .collect();
    if topics.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => {
            let quoted: String = topics.iter().fold(String::new(), |mut q, t| {
                let _ = write!(q, "“{t}”");
                q
            });
            format!("（主题包括{quoted}等）")
        }
        Lang::En => format!(" (topics include {})", topics.join("; ")),
    }
}

/// The records with these ids, once each, in the view's date order.
pub fn records_of<'a>(view: &'a YearView, ids: &BTreeSet<RecordId>) -> Vec<&'a Record> {
    view.records
        .iter()
        .filter(|r| ids.contains(&r.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn rec(kind: RecordKind, topic: &str) -> Record {
        let date = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        Record {
            id: RecordId(1),
            kind,
            date,
            topic: topic.into(),
            host: None,
            attendees: Vec::new(),
            absentees: Vec::new(),
            partners: Vec::new(),
            duties: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
            entered_by: String::new(),
            entered_at: date.and_hms_opt(0, 0, 0).unwrap(),
            covers_year: None,
        }
    }

    #[test]
    fn counts_are_grouped_by_verb() {
        let rs = [
            rec(RecordKind::CommitteeMeeting, ""),
            rec(RecordKind::CommitteeMeeting, ""),
            rec(RecordKind::GeneralMeeting, ""),
            rec(RecordKind::PartyLecture, ""),
            rec(RecordKind::CentralGroupStudy, "学习党章"),
            rec(RecordKind::CentralGroupStudy, "学习党章"),
        ];
        let refs: Vec<&Record> = rs.iter().collect();
        assert_eq!(
            activity(Lang::Zh, &refs).unwrap(),
            "召开支部党员大会1次、支委会2次，讲授党课1次，开展中心组学习2次"
        );
        assert_eq!(study_topics(Lang::Zh, &refs), "（主题包括“学习党章”等）");
        assert_eq!(activity(Lang::Zh, &[]), None);
        assert_eq!(
            attended(Lang::Zh, &refs).unwrap(),
            "支部党员大会1次、支委会2次、党课1次、中心组学习2次"
        );
    }
}
