//! Words for the consistency checks (`core::check`): which record, what is
//! wrong, the source of the rule and the fix, in zh and en. Records are
//! named by date, kind and topic, never by internal id.

use crate::core::check::{Finding, Problem, Source};

use super::{Lang, domain};

/// The regulation every national-norm check cites.
const REGULATION_ZH: &str = "《中国共产党支部工作条例（试行）》";
const REGULATION_EN: &str = "Regulations on the Work of Party Branches (Trial)";

/// `n` in Chinese numerals, 1–99 (第十二条).
fn chinese(n: u8) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (usize::from(n / 10), usize::from(n % 10));
    let tens = match tens {
        0 => String::new(),
        1 => "十".to_string(),
        t => format!("{}十", DIGITS[t]),
    };
    let ones = if ones == 0 && !tens.is_empty() {
        ""
    } else {
        DIGITS[ones]
    };
    format!("{tens}{ones}")
}

/// How many findings: "发现 3 处问题".
pub fn count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "未发现问题".to_string(),
        (Lang::Zh, n) => format!("发现 {n} 处问题"),
        (Lang::En, 0) => "no findings".to_string(),
        (Lang::En, 1) => "1 finding".to_string(),
        (Lang::En, n) => format!("{n} findings"),
    }
}

/// The record a finding is about: `2026-03-02 支委会“研究发展党员”`.
pub fn record(lang: Lang, f: &Finding) -> String {
    let kind = domain::kind(lang, f.kind);
    match (f.topic.is_empty(), lang) {
        (true, _) => format!("{} {kind}", f.date),
        (false, Lang::Zh) => format!("{} {kind}“{}”", f.date, f.topic),
        (false, Lang::En) => format!("{} {kind} \"{}\"", f.date, f.topic),
    }
}

fn list(lang: Lang, names: &[String]) -> String {
    names.join(lang.pick("、", ", "))
}

/// What is wrong, as a sentence without the record.
pub fn problem(lang: Lang, f: &Finding) -> String {
    match (&f.problem, lang) {
        (
            Problem::CommitteeQuorum {
                present,
                members,
                absent,
            },
            Lang::Zh,
        ) => format!(
            "到会委员 {present} 人，未超过委员 {members} 人的半数（未到会：{}）",
            list(lang, absent)
        ),
        (
            Problem::CommitteeQuorum {
                present,
                members,
                absent,
            },
            Lang::En,
        ) => format!(
            "{present} of {members} committee members present, not more than half (not present: {})",
            list(lang, absent)
        ),
        (Problem::GeneralQuorum { present, members }, Lang::Zh) => {
            format!("到会党员 {present} 人，未超过党员 {members} 人的半数")
        }
        (Problem::GeneralQuorum { present, members }, Lang::En) => {
            format!("{present} of {members} members present, not more than half")
        }
        (Problem::VoteQuorum { present, voting }, Lang::Zh) => {
            format!("会议进行表决，到会有表决权的正式党员 {present} 人，未超过 {voting} 人的半数")
        }
        (Problem::VoteQuorum { present, voting }, Lang::En) => format!(
            "the meeting voted with {present} of {voting} full members (who have a vote) present, not more than half"
        ),
        (Problem::NoTalkBefore { window_days, last }, Lang::Zh) => {
            let last = match last {
                Some(d) => format!("最近一次在 {d}"),
                None => "此前没有谈心谈话记录".to_string(),
            };
            format!("会前 {window_days} 天内没有谈心谈话记录（{last}）")
        }
        (Problem::NoTalkBefore { window_days, last }, Lang::En) => {
            let last = match last {
                Some(d) => format!("the last was on {d}"),
                None => "none recorded before it".to_string(),
            };
            format!("no heart-to-heart talk recorded in the {window_days} days before it ({last})")
        }
        (Problem::AppraisalGap { missing }, Lang::Zh) => format!(
            "民主评议未覆盖 {} 名党员：{}",
            missing.len(),
            list(lang, missing)
        ),
        (Problem::AppraisalGap { missing }, Lang::En) => format!(
            "the appraisal leaves out {} member{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            list(lang, missing)
        ),
        (Problem::OffRoster { names }, Lang::Zh) => format!(
            "{} 在 {} 不在本支部名册上（尚未加入或已离开）",
            list(lang, names),
            f.date
        ),
        (Problem::OffRoster { names }, Lang::En) => format!(
            "{} not on the branch roster on {} (not yet joined, or gone)",
            list(lang, names),
            f.date
        ),
        (Problem::Duplicate { entered_at, .. }, Lang::Zh) => format!(
            "与 {} 录入的一条记录相同（同类型、同日、同样人员和主题），重复计数",
            entered_at.format("%Y-%m-%d %H:%M")
        ),
        (Problem::Duplicate { entered_at, .. }, Lang::En) => format!(
            "the same as the record entered {} (same kind, day, people and topic): counted twice",
            entered_at.format("%Y-%m-%d %H:%M")
        ),
    }
}

/// The check in a few words, for a short row: "到会委员不足半数".
pub fn brief(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::CommitteeQuorum { .. } => lang.pick("到会委员未过半数", "no quorum").to_string(),
        Problem::GeneralQuorum { .. } => lang.pick("到会党员未过半数", "no quorum").to_string(),
        Problem::VoteQuorum { .. } => lang
            .pick("表决时正式党员到会未过半数", "vote without quorum")
            .to_string(),
        Problem::NoTalkBefore { .. } => lang
            .pick("会前未谈心谈话", "no talks before it")
            .to_string(),
        Problem::AppraisalGap { missing } => match lang {
            Lang::Zh => format!("评议漏 {} 人", missing.len()),
            Lang::En => format!("{} member(s) not appraised", missing.len()),
        },
        Problem::OffRoster { names } => match lang {
            Lang::Zh => format!("{}不在册", list(lang, names)),
            Lang::En => format!("{} not on the roster", list(lang, names)),
        },
        Problem::Duplicate { .. } => lang.pick("重复录入", "entered twice").to_string(),
    }
}

/// Where the rule comes from.
pub fn source(lang: Lang, s: Source) -> String {
    match (s, lang) {
        (Source::BranchRegulation { article }, Lang::Zh) => {
            format!("{REGULATION_ZH}第{}条", chinese(article))
        }
        (Source::BranchRegulation { article }, Lang::En) => {
            format!("{REGULATION_EN}, Article {article}")
        }
        (Source::PracticeAfter { article }, Lang::Zh) => {
            format!("本支部惯例（参照{REGULATION_ZH}第{}条）", chinese(article))
        }
        (Source::PracticeAfter { article }, Lang::En) => {
            format!("branch practice (after Article {article} of the {REGULATION_EN})")
        }
        (Source::Practice, Lang::Zh) => "本支部惯例".to_string(),
        (Source::Practice, Lang::En) => "branch practice".to_string(),
    }
}

/// What to do about it.
pub fn fix(lang: Lang, p: &Problem) -> &'static str {
    match p {
        Problem::CommitteeQuorum { .. } => lang.pick(
            "补记漏记的到会委员；确实不足半数的，会议不能作出决定，应另行召开支委会",
            "add the members who came but were not recorded; if no more than half came, the meeting could not decide: hold it again",
        ),
        Problem::GeneralQuorum { .. } => lang.pick(
            "补记漏记的到会党员；确实不足半数的，应另行召开党员大会",
            "add the members who came but were not recorded; if no more than half came, hold the meeting again",
        ),
        Problem::VoteQuorum { .. } => lang.pick(
            "补记漏记的到会正式党员（预备党员没有表决权）；确实不足半数的，应重新召开党员大会表决",
            "add the full members who came but were not recorded (probationary members have no vote); if no more than half came, vote again at a new meeting",
        ),
        Problem::NoTalkBefore { .. } => lang.pick(
            "补录会前开展的谈心谈话；确未开展的，下次组织生活会前应先广泛谈心谈话",
            "record the talks held before the meeting; if none were held, hold talks before the next one",
        ),
        Problem::AppraisalGap { .. } => lang.pick(
            "在民主评议记录中补记这些党员（出席人员或评议对象）；未参加评议的应补评",
            "add these members to an appraisal record (as attendees or as partners rated); appraise those who missed it",
        ),
        Problem::OffRoster { .. } => lang.pick(
            "核对记录的日期和人员；名册有误的，在名册中改正其加入或离开的日期",
            "check the record's date and people; if the roster is wrong, correct when they joined or left",
        ),
        Problem::Duplicate { .. } => lang.pick(
            "删除重复的一条；确为两次会议的，修改主题加以区分",
            "delete the repeated entry; if there really were two meetings, tell them apart in the topic",
        ),
    }
}

/// A finding in one line: record, what is wrong.
pub fn line(lang: Lang, f: &Finding) -> String {
    format!(
        "{}{}{}",
        record(lang, f),
        lang.pick("：", ": "),
        problem(lang, f)
    )
}

#[cfg(test)]
mod tests {
    use super::chinese;

    #[test]
    fn article_numbers_in_chinese() {
        let got: Vec<String> = [1, 10, 11, 12, 17, 18, 19, 20, 21, 99]
            .into_iter()
            .map(chinese)
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "十",
                "十一",
                "十二",
                "十七",
                "十八",
                "十九",
                "二十",
                "二十一",
                "九十九"
            ]
        );
    }
}
