//! Words of the command line: headings and confirmations in Chinese and
//! English (its errors are in `crate::cli::error::text`). Domain words come from `domain`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use crate::core::progress::{Progress, Tally};

use super::{Lang, domain};

pub fn usage_header(lang: Lang) -> &'static str {
    lang.pick(
        "命令行参数有误（用法见 taizhang --help）：",
        "invalid command line (see taizhang --help):",
    )
}

pub fn status_heading(lang: Lang, year: i32, today: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{year}年度 全面从严治党主体责任台账（截至 {today}）"),
        Lang::En => format!("{year}: duties of strict Party self-governance (as of {today})"),
    }
}

pub fn pace(lang: Lang, expected: u32) -> String {
    match lang {
        Lang::Zh => format!("应完成 {expected}"),
        Lang::En => format!("expected {expected}"),
    }
}

/// What a list of missing things counts: people (`等4人`), talks owed or
/// anything else (`等5项`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingUnit {
    People,
    Talks,
    Items,
}

/// `shown` items, then, when some were left out, how many there are in all:
/// `缺：王建国、李振华 等4人` (the count of people, not of the ones left out).
pub fn missing_summary(lang: Lang, shown: &[String], total: usize, unit: MissingUnit) -> String {
    let (head, sep) = (lang.pick("缺：", "missing: "), lang.pick("、", ", "));
    let mut out = format!("{head}{}", shown.join(sep));
    if total > shown.len() {
        let _ = match (lang, unit) {
            (Lang::Zh, MissingUnit::People) => write!(out, " 等{total}人"),
            (Lang::Zh, MissingUnit::Talks) => write!(out, " 等{total}次谈话"),
            (Lang::Zh, MissingUnit::Items) => write!(out, " 等{total}项"),
            (Lang::En, MissingUnit::People) => write!(out, " ({total} people in all)"),
            (Lang::En, MissingUnit::Talks) => write!(out, " ({total} talks in all)"),
            (Lang::En, MissingUnit::Items) => write!(out, " ({total} in all)"),
        };
    }
    out
}

fn tally_parts(lang: Lang, t: &Tally) -> String {
    let mut out = match (lang, t.late > 0) {
        (Lang::Zh, true) => format!(
            "已完成 {}，逾期完成 {}，正常 {}，落后 {}，逾期 {}",
            t.done, t.late, t.on_track, t.behind, t.overdue
        ),
        (Lang::En, true) => format!(
            "{} done · {} done late · {} on track · {} behind · {} overdue",
            t.done, t.late, t.on_track, t.behind, t.overdue
        ),
        (Lang::Zh, false) => format!(
            "已完成 {}，正常 {}，落后 {}，逾期 {}",
            t.done, t.on_track, t.behind, t.overdue
        ),
        (Lang::En, false) => format!(
            "{} done · {} on track · {} behind · {} overdue",
            t.done, t.on_track, t.behind, t.overdue
        ),
    };
    // Only a past year can leave evidence duties undocumented.
    if t.no_evidence > 0 {
        let _ = match lang {
            Lang::Zh => write!(out, "，无留痕 {}", t.no_evidence),
            Lang::En => write!(out, " · {} with no evidence", t.no_evidence),
        };
    }
    out
}

pub fn tally(lang: Lang, t: &Tally) -> String {
    match lang {
        Lang::Zh => format!("合计：{}，无量化要求 {}", tally_parts(lang, t), t.no_quota),
        Lang::En => format!(
            "total: {} · {} with no set number",
            tally_parts(lang, t),
            t.no_quota
        ),
    }
}

pub fn progress_brief(lang: Lang, p: &Progress) -> String {
    let status = domain::status(lang, p.status);
    let nobody = p
        .missing
        .iter()
        .any(|m| matches!(m, crate::core::Missing::NoOne { .. }));
    if p.target == 0 && !nobody {
        super::evidence::phrase(lang, p)
    } else if p.target > 0 {
        format!("{}/{} {status}", p.done, p.target)
    } else {
        format!("{} {status}", p.done)
    }
}

pub fn saved(lang: Lang, summary: &str) -> String {
    format!("{}{summary}", lang.pick("已保存：", "saved: "))
}

pub fn counted_nowhere(lang: Lang) -> &'static str {
    lang.pick(
        "未计入任何职责（可用 --duty 指定）",
        "counts toward no duty (name one with --duty)",
    )
}

pub fn counted_toward(lang: Lang) -> &'static str {
    lang.pick("计入职责：", "counts toward:")
}

pub fn no_records(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年没有记录"),
        Lang::En => format!("no records in {year}"),
    }
}

pub fn record_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 条"),
        Lang::En => format!("{n} records"),
    }
}

pub fn deleted(lang: Lang, summary: &str) -> String {
    format!("{}{summary}", lang.pick("已删除：", "deleted: "))
}

pub fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("「{s}」"),
        Lang::En => format!("\"{s}\""),
    }
}

/// A field label before its value: `主持人：` / `host: `.
pub fn label(lang: Lang, name: &str) -> String {
    format!("{name}{}", lang.pick("：", ": "))
}

pub fn record_word(lang: Lang) -> &'static str {
    lang.pick("记录", "record")
}

pub fn entered_word(lang: Lang) -> &'static str {
    lang.pick("录入", "entered")
}

pub fn absence(lang: Lang, name: &str, reason: &str) -> String {
    match (reason.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, Lang::Zh) => format!("{name}（{reason}）"),
        (false, Lang::En) => format!("{name} ({reason})"),
    }
}

pub fn person_added(lang: Lang, line: &str) -> String {
    format!("{}{line}", lang.pick("已添加：", "added: "))
}

pub fn person_saved(lang: Lang, line: &str) -> String {
    format!("{}{line}", lang.pick("已保存：", "saved: "))
}

/// After a dated roster change moved the 计入职责 of `n` existing records.
pub fn records_relinked(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已按新名册调整 {n} 条记录的计入职责"),
        Lang::En => format!("relinked the duties of {n} record(s) to the new roster"),
    }
}

pub fn person_retired(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已将 {name} 移出名册（历史记录中保留其姓名）"),
        Lang::En => format!("{name} retired from the roster (old records keep the name)"),
    }
}

pub fn roster_empty(lang: Lang) -> &'static str {
    lang.pick(
        "名册为空，可用 people add 添加人员",
        "the roster is empty; add people with `people add`",
    )
}

pub fn retired_word(lang: Lang) -> &'static str {
    lang.pick("已退出", "retired")
}

pub fn catalogue_imported(lang: Lang, duties: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入职责清单，共 {duties} 项职责"),
        Lang::En => format!("catalogue imported: {duties} duties"),
    }
}

pub fn written(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("已写入 {}", path.display()),
        Lang::En => format!("written to {}", path.display()),
    }
}

pub fn imported(lang: Lang, people: usize, records: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入：{people} 人，{records} 条记录"),
        Lang::En => format!("imported: {people} people, {records} records"),
    }
}

pub fn ledger_created(lang: Lang, dir: &Path) -> String {
    let d = dir.display();
    match lang {
        Lang::Zh => {
            format!("已新建台账 {d}。使用：taizhang --db {d} …，或设置环境变量 TAIZHANG_DB={d}")
        }
        Lang::En => format!(
            "new ledger created in {d}. Use it with: taizhang --db {d} …, or set TAIZHANG_DB={d}"
        ),
    }
}

pub fn demo_built(lang: Lang, dir: &Path, people: usize, records: usize, closed: usize) -> String {
    let d = dir.display();
    match (lang, closed) {
        (Lang::Zh, 0) => format!(
            "已在 {d} 生成示例台账：{people} 人，{records} 条记录。查看：taizhang --db {d} status"
        ),
        (Lang::Zh, n) => format!(
            "已在 {d} 生成示例台账：{people} 人，{records} 条记录，往年 {n} 个年度已结转封存。查看：taizhang --db {d} status"
        ),
        (Lang::En, 0) => format!(
            "sample ledger written to {d}: {people} people, {records} records. See it with: taizhang --db {d} status"
        ),
        (Lang::En, n) => format!(
            "sample ledger written to {d}: {people} people, {records} records, {n} past {} closed and sealed. See it with: taizhang --db {d} status",
            if n == 1 { "year" } else { "years" }
        ),
    }
}
