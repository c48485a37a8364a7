//! Words of sealed years, archives and restore checks (`year reopen`,
//! `verify`, `verify --seal`, `backup restore --force`) and of their
//! refusals, each naming the rule, in Chinese and English.

use crate::core::archive::ArchiveFault;
use crate::core::error::{CoreError, SealCheck, Sealed, StoreError};
use crate::core::journal::{Action, Entity, JournalEntry, SealDigest};
use crate::core::restore::{ChainRefusal, RestoreNote};
use crate::core::text::inert_line;

use super::Lang;

fn fault(lang: Lang, f: &ArchiveFault) -> String {
    match (f, lang) {
        (ArchiveFault::Missing, Lang::Zh) => "文件不存在".into(),
        (ArchiveFault::Missing, Lang::En) => "the file is missing".into(),
        (ArchiveFault::Unreadable(m), Lang::Zh) => format!("无法读取（{m}）"),
        (ArchiveFault::Unreadable(m), Lang::En) => format!("it cannot be read ({m})"),
        (ArchiveFault::TooNew(n), Lang::Zh) => format!("格式 {n} 比本程序新，请升级 taizhang"),
        (ArchiveFault::TooNew(n), Lang::En) => {
            format!("its format {n} is newer than this taizhang reads; upgrade taizhang")
        }
        (ArchiveFault::WrongYear(y), Lang::Zh) => format!("其中是{y}年度的内容"),
        (ArchiveFault::WrongYear(y), Lang::En) => format!("it holds the year {y}"),
        (ArchiveFault::Content { expected, found }, Lang::Zh) => {
            format!("内容与其封存摘要不符（应为 {expected}，实为 {found}），已被改动")
        }
        (ArchiveFault::Content { expected, found }, Lang::En) => format!(
            "its content no longer gives its seal (sealed {expected}, found {found}): it was altered"
        ),
        (ArchiveFault::NotTheSeal { expected, found }, Lang::Zh) => {
            format!("其封存摘要 {found} 不是结账时记入台账的 {expected}")
        }
        (ArchiveFault::NotTheSeal { expected, found }, Lang::En) => {
            format!("its seal {found} is not the one the ledger recorded when closing ({expected})")
        }
        (ArchiveFault::Bytes { expected, found }, Lang::Zh) => {
            format!("文件与写入时不同（SHA-256 为 {found}，记录为 {expected}）")
        }
        (ArchiveFault::Bytes { expected, found }, Lang::En) => {
            format!("its bytes changed since it was written (SHA-256 {found}, recorded {expected})")
        }
    }
}

pub fn archive_refused(lang: Lang, year: i32, path: &str, f: &ArchiveFault) -> String {
    let (path, why) = (inert_line(path), fault(lang, f));
    match lang {
        Lang::Zh => format!(
            "{year}年度的封存档案 {path} 已被拒绝：{why}。封存年度只从完好的档案读取（规则：封存年度不可变）；请放回该文件的完好副本（上报的副本或备份），再运行 taizhang verify"
        ),
        Lang::En => format!(
            "the archive of the sealed year {year} ({path}) is refused: {why}. A sealed year is read only from an intact archive (rule: a sealed year never changes); put back an intact copy of the file (the copy handed upward, or a backup) and run taizhang verify"
        ),
    }
}

pub fn sealed_year(lang: Lang, y: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "{y}年度已封存归档，内容不可更改（规则：封存年度不可变）；如确需修改，只能由台账所有者执行 taizhang year reopen {y}"
        ),
        Lang::En => format!(
            "the year {y} is sealed in its archive and cannot change (rule: a sealed year never changes); only the ledger's owner can reopen it with taizhang year reopen {y}"
        ),
    }
}

fn what(lang: Lang, w: Sealed) -> String {
    match (w, lang) {
        (Sealed::Record(Some(id)), Lang::Zh) => format!("记录 {id}"),
        (Sealed::Record(Some(id)), Lang::En) => format!("record {id}"),
        (Sealed::Record(None), _) => lang.pick("一条记录", "a record").into(),
        (Sealed::Fix(id), Lang::Zh) => format!("整改事项 {id}"),
        (Sealed::Fix(id), Lang::En) => format!("rectification item {id}"),
    }
}

fn chain(lang: Lang, r: &ChainRefusal) -> String {
    match (r, lang) {
        (ChainRefusal::Broken { seq }, Lang::Zh) => format!("在第 {seq} 条处断裂"),
        (ChainRefusal::Broken { seq }, Lang::En) => format!("is broken at entry {seq}"),
        (ChainRefusal::NoJournal { entries }, Lang::Zh) => {
            format!("缺失（备份不含日志，而台账已有 {entries} 条日志）")
        }
        (ChainRefusal::NoJournal { entries }, Lang::En) => {
            format!("is missing (the backup carries no journal, the ledger has {entries} entries)")
        }
        (ChainRefusal::Forks { seq }, Lang::Zh) => format!("与台账的日志在第 {seq} 条处分叉"),
        (ChainRefusal::Forks { seq }, Lang::En) => {
            format!("forks from the ledger's journal at entry {seq}")
        }
        (ChainRefusal::MissesSeal { year, head_seq }, Lang::Zh) => format!(
            "没有到达{year}年度封存时的日志第 {head_seq} 条（备份早于该年度封存，或不是本台账的备份）"
        ),
        (ChainRefusal::MissesSeal { year, head_seq }, Lang::En) => format!(
            "does not reach entry {head_seq}, on which {year} was sealed (the backup predates that seal, or is not of this ledger)"
        ),
        (ChainRefusal::Content { entity }, Lang::Zh) => format!(
            "与备份内容不符：{}不是日志最后记下的样子（备份文件被改动过）",
            entity_words(lang, *entity)
        ),
        (ChainRefusal::Content { entity }, Lang::En) => format!(
            "does not match the backup's content: {} is not what the journal last recorded (the file was edited)",
            entity_words(lang, *entity)
        ),
    }
}

fn entity_words(lang: Lang, e: Entity) -> String {
    match (e, lang) {
        (Entity::Record(id), Lang::Zh) => format!("记录 {id}"),
        (Entity::Record(id), Lang::En) => format!("record {id}"),
        (Entity::Person(id), Lang::Zh) => format!("人员 #{id}"),
        (Entity::Person(id), Lang::En) => format!("person #{id}"),
        (Entity::Fix(id), Lang::Zh) => format!("整改事项 {id}"),
        (Entity::Fix(id), Lang::En) => format!("rectification item {id}"),
        (other, _) => other.to_string(),
    }
}

/// The sealing and restore `CoreError`s (and the archive `StoreError`s),
/// worded; `None` for others.
pub fn core_error(lang: Lang, e: &CoreError) -> Option<String> {
    Some(match (e, lang) {
        (CoreError::Store(StoreError::Archive { year, path, fault }), _) => {
            archive_refused(lang, *year, path, fault)
        }
        (CoreError::Store(StoreError::SealedYear(y)), _) => sealed_year(lang, *y),
        (CoreError::ChangesSealedYear { year, what: w }, Lang::Zh) => format!(
            "该文件会改动已封存的{year}年度（{}），已拒绝，台账未作任何改动（规则：封存年度不可变，导入和恢复都不能改动它）；请从文件中去掉该年度的记录和整改事项，或由台账所有者先执行 taizhang year reopen {year}",
            what(lang, *w)
        ),
        (CoreError::ChangesSealedYear { year, what: w }, Lang::En) => format!(
            "the file would change the sealed year {year} ({}); refused, nothing was written (rule: a sealed year never changes, not by import nor by restore); remove that year's records and items from the file, or have the ledger's owner run taizhang year reopen {year} first",
            what(lang, *w)
        ),
        (CoreError::NotArchived(y), Lang::Zh) => {
            format!("{y}年度没有封存归档，无需重新开放；可用 taizhang year list 查看各年度状态")
        }
        (CoreError::NotArchived(y), Lang::En) => format!(
            "the year {y} is not sealed in an archive, so there is nothing to reopen; see taizhang year list"
        ),
        (CoreError::Chain(r), Lang::Zh) => format!(
            "备份的变更日志{}，已拒绝恢复，台账未作任何改动（规则：恢复不能重置或分叉日志链）。请选用更新的备份；如确认要用它，台账所有者可加 --force 强制恢复（会记入日志，verify 会显示）",
            chain(lang, r)
        ),
        (CoreError::Chain(r), Lang::En) => format!(
            "the backup's change journal {}; restore refused, nothing was written (rule: a restore never resets or forks the journal). Choose a newer backup; to use this one anyway the ledger's owner can add --force (journaled and shown by verify)",
            chain(lang, r)
        ),
        (CoreError::SealCheck(SealCheck::NoSuchSeal { year, digest }), Lang::Zh) => {
            format!("不相符：{year}年度没有摘要为 {digest} 的封存")
        }
        (CoreError::SealCheck(SealCheck::NoSuchSeal { year, digest }), Lang::En) => {
            format!("does not match: the ledger holds no seal of {year} with the digest {digest}")
        }
        (CoreError::SealCheck(SealCheck::Changed { year, digest }), Lang::Zh) => {
            format!("不相符：{year}年度曾以摘要 {digest} 封存，但其内容此后已改变")
        }
        (CoreError::SealCheck(SealCheck::Changed { year, digest }), Lang::En) => format!(
            "does not match: {year} was sealed with the digest {digest}, but its content changed since"
        ),
        _ => return None,
    })
}

/// `verify`: one line per archive that holds.
pub fn archive_intact(lang: Lang, s: &SealDigest) -> String {
    let (y, d, n) = (s.year, s.digest, s.records);
    match lang {
        Lang::Zh => format!("{y}年度封存档案完好：{n} 条记录，摘要 {d}"),
        Lang::En => format!("archive of {y} intact: {n} records, digest {d}"),
    }
}

/// `verify`: an entry an inspector must see.
pub fn notice(lang: Lang, e: &JournalEntry) -> String {
    let (seq, at, user) = (e.seq, e.at.format("%Y-%m-%d %H:%M"), inert_line(&e.user));
    let note = e
        .after
        .as_deref()
        .and_then(|a| serde_json::from_str::<RestoreNote>(a).ok());
    match (
        e.action,
        note.and_then(|n| n.forced.map(|f| (n.file, f))),
        lang,
    ) {
        (Action::RestoreBackup, Some((file, why)), Lang::Zh) => format!(
            "注意：第 {seq} 条，{at} {user} 强制恢复了备份 {}，其日志{}",
            inert_line(&file),
            chain(lang, &why)
        ),
        (Action::RestoreBackup, Some((file, why)), Lang::En) => format!(
            "note: entry {seq}, {at}: {user} forced in the backup {}, whose journal {}",
            inert_line(&file),
            chain(lang, &why)
        ),
        (_, _, Lang::Zh) => format!("注意：第 {seq} 条，{at} {user} 重新开放了{}", year_of(e)),
        (_, _, Lang::En) => format!("note: entry {seq}, {at}: {user} reopened {}", year_of(e)),
    }
}

fn year_of(e: &JournalEntry) -> String {
    match e.entity {
        crate::core::journal::Entity::Year(y) => y.to_string(),
        other => other.to_string(),
    }
}

/// `verify --seal YEAR DIGEST` when it holds.
pub fn digest_matches(lang: Lang, seal: &SealDigest) -> String {
    let (y, d, n) = (seal.year, seal.digest, seal.records);
    let (items, people) = seal
        .contents
        .as_ref()
        .map_or((0, 0), |c| (c.fixes, c.people));
    match (lang, seal.contents.is_some()) {
        (Lang::Zh, true) => format!(
            "相符：{y}年度与摘要 {d} 一致，{n} 条记录、{items} 项整改事项、{people} 名人员和职责清单均未改动"
        ),
        (Lang::Zh, false) => format!("相符：{y}年度与摘要 {d} 一致，{n} 条记录均未改动"),
        (Lang::En, true) => format!(
            "matches: {y} agrees with the digest {d}; its {n} records, {items} items, {people} people and the catalogue are unchanged"
        ),
        (Lang::En, false) => {
            format!("matches: {y} agrees with the digest {d}; its {n} records are unchanged")
        }
    }
}

pub fn reopened(lang: Lang, y: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "{y}年度已重新开放：其记录和整改事项回到台账中，可以修改；此操作已记入日志，year list 和 verify 会显示"
        ),
        Lang::En => format!(
            "reopened {y}: its records and items are back in the ledger and may change; this is journaled and shown by year list and verify"
        ),
    }
}

/// `year list`: the state of a year.
pub fn year_state(lang: Lang, closed: bool, archived: bool) -> &'static str {
    match (closed, archived) {
        (true, true) => lang.pick("已封存", "sealed"),
        (true, false) => lang.pick("已结账", "closed"),
        (false, _) => lang.pick("未结账", "open"),
    }
}

/// `year list`: after the seal of a reopened year.
pub fn reopened_mark(lang: Lang, e: &JournalEntry) -> String {
    let (at, user) = (e.at.format("%Y-%m-%d"), inert_line(&e.user));
    match lang {
        Lang::Zh => format!("（{at} 由 {user} 重新开放）"),
        Lang::En => format!(" (reopened {at} by {user})"),
    }
}

/// `backup restore --force`: what was overridden.
pub fn forced(lang: Lang, r: &ChainRefusal) -> String {
    match lang {
        Lang::Zh => format!(
            "已强制恢复：备份的日志{}；此事已记入日志，verify 会显示",
            chain(lang, r)
        ),
        Lang::En => format!(
            "forced: the backup's journal {}; this is journaled and shown by verify",
            chain(lang, r)
        ),
    }
}

/// The TUI header's mark on a closed (read-only) year.
pub fn closed_mark(lang: Lang) -> &'static str {
    lang.pick("（已结账，只读）", " (closed, read-only)")
}
