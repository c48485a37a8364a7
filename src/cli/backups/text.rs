//! Words for backups, restores, damaged ledgers and refused writes (full
//! disk, read-only file system), in Chinese and English. Every error says
//! what is wrong, that saved data is intact where it is, and the fix.

use std::path::Path;

use crate::cli::backups::Trouble;
use crate::core::StoreError;
use crate::store::RESTORE_HINT;
use crate::store::backup::{BackupFile, BadFile, Kind};

use crate::i18n::Lang;

/// The exact command that restores the ledger at `ledger` (from `file`, or
/// from the latest backup), quoted for a POSIX shell.
pub fn restore_command(ledger: &Path, file: Option<&Path>) -> String {
    let mut cmd = format!("taizhang --db {} backup restore", shell_quote(ledger));
    if let Some(f) = file {
        cmd.push(' ');
        cmd.push_str(&shell_quote(f));
    }
    cmd
}

fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

pub fn taken(lang: Lang, file: &Path) -> String {
    match lang {
        Lang::Zh => format!("已备份到 {}", file.display()),
        Lang::En => format!("backup written to {}", file.display()),
    }
}

pub fn none_yet(lang: Lang, ledger: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "台账 {} 还没有备份；打开有内容的台账时每天自动备份一次，也可用 taizhang backup now 立即备份",
            ledger.display()
        ),
        Lang::En => format!(
            "the ledger at {} has no backups yet; one is taken automatically each day the ledger is opened with data, or take one with `taizhang backup now`",
            ledger.display()
        ),
    }
}

fn kind(lang: Lang, k: Kind) -> &'static str {
    match k {
        Kind::Daily => lang.pick("每日自动", "daily"),
        Kind::Manual => lang.pick("手动", "manual"),
        Kind::Safety => lang.pick("恢复前", "before restore"),
    }
}

pub fn list_line(lang: Lang, f: &BackupFile) -> String {
    let kb = f.bytes.div_ceil(1024);
    format!(
        "{}  {:<width$}  {kb:>6} KB  {}",
        f.taken.format("%Y-%m-%d %H:%M:%S"),
        kind(lang, f.kind),
        f.path.display(),
        width = if lang == Lang::Zh { 6 } else { 14 }
    )
}

pub fn restored(lang: Lang, file: &Path, people: usize, records: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "已从 {} 恢复台账：{people} 人，{records} 条记录",
            file.display()
        ),
        Lang::En => format!(
            "ledger restored from {}: {people} people, {records} records",
            file.display()
        ),
    }
}

pub fn safety_kept(lang: Lang, ledger: &Path, file: &Path) -> String {
    let undo = restore_command(ledger, Some(file));
    match lang {
        Lang::Zh => format!("恢复前的台账已备份到 {}；如需撤销：{undo}", file.display()),
        Lang::En => format!(
            "the ledger as it was is saved in {}; to undo: {undo}",
            file.display()
        ),
    }
}

pub fn moved_aside(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Zh => format!("损坏的数据库已移到 {}（未删除任何文件）", dir.display()),
        Lang::En => format!(
            "the damaged database was moved to {} (nothing was deleted)",
            dir.display()
        ),
    }
}

fn bad_file(lang: Lang, why: &BadFile) -> String {
    match (why, lang) {
        (BadFile::Unreadable(e), Lang::Zh) => format!("无法读取（{e}）"),
        (BadFile::Truncated { .. }, Lang::Zh) => "文件不完整（在中途被截断）".into(),
        (BadFile::NotBackup { line, column, .. }, Lang::Zh) => {
            format!("不是 taizhang 备份文件（第{line}行第{column}列）")
        }
        (BadFile::Checksum { .. }, Lang::Zh) => "写入后内容已被改动或损坏（校验和不符）".into(),
        (BadFile::CutCompressed, Lang::Zh) => "文件不完整（压缩数据在中途被截断）".into(),
        (BadFile::BadCompression(e), Lang::Zh) => format!("压缩数据已损坏（{e}）"),
        (other, Lang::En) => other.to_string(),
    }
}

/// A backup or damaged-ledger error as one message with its fix.
pub fn trouble(lang: Lang, t: &Trouble) -> String {
    match (t, lang) {
        (
            Trouble::Damaged {
                path,
                cause,
                latest,
            },
            _,
        ) => damaged(lang, path, cause, latest.as_deref()),
        (Trouble::NoBackup(path), Lang::Zh) => format!(
            "台账 {} 没有备份可供恢复；如有 taizhang export 导出的 JSON 文件，请用：{}",
            path.display(),
            restore_command(path, Some(Path::new("FILE")))
        ),
        (Trouble::NoBackup(path), Lang::En) => format!(
            "the ledger at {} has no backups to restore; if you have a JSON file from `taizhang export`, use: {}",
            path.display(),
            restore_command(path, Some(Path::new("FILE")))
        ),
        (Trouble::BadFile { file, why }, Lang::Zh) => format!(
            "备份文件 {} 不能用于恢复：{}。台账未作任何改动；请用 taizhang backup list 选择另一个备份",
            file.display(),
            bad_file(lang, why)
        ),
        (Trouble::BadFile { file, why }, Lang::En) => format!(
            "the backup {} cannot be restored: {}. The ledger was not changed; pick another backup from `taizhang backup list`",
            file.display(),
            bad_file(lang, why)
        ),
        (Trouble::Incoherent { file, why }, Lang::Zh) => format!(
            "备份文件 {} 内容自相矛盾（{why}）。台账未作任何改动；请用 taizhang backup list 选择另一个备份",
            file.display()
        ),
        (Trouble::Incoherent { file, why }, Lang::En) => format!(
            "the backup {} contradicts itself ({why}). The ledger was not changed; pick another backup from `taizhang backup list`",
            file.display()
        ),
        (Trouble::RestoreFailed { path, cause }, _) => restore_failed(lang, path, cause),
    }
}

/// Restore could not proceed: the cause and its own fix, never "restore".
fn restore_failed(lang: Lang, path: &Path, cause: &StoreError) -> String {
    let text = crate::i18n::domain::store_error(lang, cause).unwrap_or_else(|| match lang {
        Lang::Zh => crate::i18n::domain::store_error_zh(cause),
        Lang::En => cause.to_string(),
    });
    let text = text.replace(&format!("; {RESTORE_HINT}"), "");
    match lang {
        Lang::Zh => format!(
            "无法恢复台账 {}：{text}。请先排除这个问题（损坏的文件不会被删除），再运行恢复",
            path.display()
        ),
        Lang::En => format!(
            "cannot restore the ledger at {}: {text}. Fix this first (no damaged file is deleted), then run the restore again",
            path.display()
        ),
    }
}

fn damaged(lang: Lang, path: &Path, cause: &StoreError, latest: Option<&Path>) -> String {
    // The generic hint in the store's text gives way to the exact command.
    let text = cause.to_string().replace(&format!("; {RESTORE_HINT}"), "");
    let what = match (cause, lang) {
        (StoreError::OpenTimeout { secs, .. }, Lang::Zh) => format!(
            "台账 {} 在 {secs} 秒内未能打开，数据库可能已损坏",
            path.display()
        ),
        (_, Lang::Zh) => format!("台账 {} 的数据已损坏（{text}）", path.display()),
        (_, Lang::En) => text,
    };
    let cmd = restore_command(path, None);
    match (latest, lang) {
        (Some(file), Lang::Zh) => format!(
            "{what}。最近的备份是 {}；恢复请运行：{cmd}（损坏的文件会被移到一旁保留）",
            file.display()
        ),
        (Some(file), Lang::En) => format!(
            "{what}. The latest backup is {}; to restore it run: {cmd} (the damaged files are moved aside, not deleted)",
            file.display()
        ),
        (None, Lang::Zh) => format!(
            "{what}。该台账没有自动备份；如有 taizhang export 导出的 JSON 文件，请运行：{}",
            restore_command(path, Some(Path::new("FILE")))
        ),
        (None, Lang::En) => format!(
            "{what}. This ledger has no backups; if you have a JSON file from `taizhang export`, run: {}",
            restore_command(path, Some(Path::new("FILE")))
        ),
    }
}
