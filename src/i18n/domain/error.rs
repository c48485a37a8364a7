//! Errors of the core and the store in words: validation (the field, what
//! is wrong, the fix), refusals, and store failures with what to do.

use crate::core::error::{CoreError, Problem, StoreError, Turnaway, ValidationError};
use crate::core::record::RecordKind;
use crate::core::roster::Role;

use super::{field, kind, role};
use crate::i18n::Lang;

/// A validation error as one sentence: the field, what is wrong, the fix.
pub fn validation(lang: Lang, e: &ValidationError) -> String {
    let f = field(lang, e.field);
    match (&e.problem, lang) {
        (Problem::Required, Lang::Zh) => format!("{f}：必填，请填写{f}"),
        (Problem::Required, Lang::En) => format!("{f}: required; please fill in the {f}"),
        (Problem::BadDate(s), Lang::Zh) => {
            format!("{f}：无法识别“{s}”，可填 今天、昨天、-3、3-14 或 2026-03-14")
        }
        (Problem::BadDate(s), Lang::En) => {
            format!("{f}: cannot read \"{s}\"; use today, yesterday, -3, 3-14 or 2026-03-14")
        }
        (Problem::UnknownPerson(s), Lang::Zh) => {
            format!("{f}：名册中没有“{s}”，请先用 people add 添加，或检查姓名")
        }
        (Problem::UnknownPerson(s), Lang::En) => {
            format!(
                "{f}: \"{s}\" is not on the roster; add them with `people add` or check the spelling"
            )
        }
        (Problem::AmbiguousPerson(s, ids), _) => {
            let ids: Vec<String> = ids.iter().map(|i| format!("#{i}")).collect();
            match lang {
                Lang::Zh => format!("{f}：名册中有多人叫“{s}”，请改用编号 {}", ids.join("、")),
                Lang::En => format!(
                    "{f}: several people are called \"{s}\"; use an id instead: {}",
                    ids.join(", ")
                ),
            }
        }
        (Problem::RetiredPerson(s), Lang::Zh) => format!("{f}：“{s}”已退出名册，请选择在册人员"),
        (Problem::RetiredPerson(s), Lang::En) => {
            format!("{f}: \"{s}\" has retired from the roster; pick an active person")
        }
        (Problem::UnknownDuty(s), Lang::Zh) => {
            format!("{f}：没有编号为“{s}”的职责，可用 catalogue export 查看编号")
        }
        (Problem::UnknownDuty(s), Lang::En) => {
            format!("{f}: there is no duty \"{s}\"; see the ids with `catalogue export`")
        }
        (Problem::UnknownKind(s), Lang::Zh) => {
            format!("{f}：无法识别类型“{s}”，可选：{}", kinds_list(lang))
        }
        (Problem::UnknownKind(s), Lang::En) => format!(
            "{f}: unknown kind \"{s}\"; choose one of: {}",
            kinds_list(lang)
        ),
        (Problem::UnknownRole(s), Lang::Zh) => {
            format!("{f}：无法识别角色“{s}”，可选：{}", roles_list(lang))
        }
        (Problem::UnknownRole(s), Lang::En) => format!(
            "{f}: unknown role \"{s}\"; choose one of: {}",
            roles_list(lang)
        ),
        (Problem::Duplicate(s), Lang::Zh) => format!("{f}：“{s}”重复，请只填一次"),
        (Problem::Duplicate(s), Lang::En) => format!("{f}: \"{s}\" is given twice; list it once"),
        (Problem::BothPresentAndAbsent(s), Lang::Zh) => {
            format!("{f}：“{s}”同时在参加和缺席名单中，请只保留一处")
        }
        (Problem::BothPresentAndAbsent(s), Lang::En) => {
            format!("{f}: \"{s}\" is both present and absent; keep one")
        }
        (Problem::TalkWithSelf, Lang::Zh) => format!("{f}：谈话对象不能是主持人本人"),
        (Problem::TalkWithSelf, Lang::En) => format!("{f}: the partner cannot be the host"),
        (Problem::TooLong { max, got }, Lang::Zh) => format!("{f}：过长（{got}字），最多{max}字"),
        (Problem::TooLong { max, got }, Lang::En) => {
            format!("{f}: too long ({got} characters); at most {max}")
        }
        (Problem::NameTaken(s), Lang::Zh) => {
            format!("{f}：名册中已有“{s}”，请加以区分（如“{s}（生产部）”）")
        }
        (Problem::NameTaken(s), Lang::En) => {
            format!(
                "{f}: \"{s}\" is already on the roster; tell them apart, e.g. \"{s} (production)\""
            )
        }
        (
            Problem::UnknownSource(_)
            | Problem::DeadlineBeforeOpened { .. }
            | Problem::BadUnixUser(_)
            | Problem::UnixUserTaken(..),
            _,
        ) => crate::i18n::fix::problem(lang, f, &e.problem),
        (Problem::CoversAsked { date }, Lang::Zh) => {
            let y = chrono::Datelike::year(date);
            format!(
                "{f}：{date}在1–2月，此类记录通常总结上一年度，请指明所属年度：{}（上一年度）或{y}（本年度）",
                y - 1
            )
        }
        (Problem::CoversAsked { date }, Lang::En) => {
            let y = chrono::Datelike::year(date);
            format!(
                "{f}: {date} is in January or February, when this kind usually covers the year before; say which year it covers: {} (the year before) or {y} (this year)",
                y - 1
            )
        }
        (Problem::NotAYear(s), Lang::Zh) => format!("{f}：无法识别“{s}”，请填四位年份，如 2025"),
        (Problem::NotAYear(s), Lang::En) => {
            format!("{f}: cannot read \"{s}\"; write a four-digit year such as 2025")
        }
        (Problem::CoversOutOfRange { date, covers }, Lang::Zh) => {
            let y = chrono::Datelike::year(date);
            format!(
                "{f}：{covers}不可用，{date}的记录只能属于{y}或{}年度",
                y - 1
            )
        }
        (Problem::CoversOutOfRange { date, covers }, Lang::En) => {
            let y = chrono::Datelike::year(date);
            format!(
                "{f}: {covers} cannot be used; a record dated {date} covers {y} or {}",
                y - 1
            )
        }
        (Problem::RosterSealed { year }, Lang::Zh) => format!(
            "{f}：{year}年度已结账，当年及以前的名册已随之封存；请填 {}-01-01 或之后的日期",
            year + 1
        ),
        (Problem::RosterSealed { year }, Lang::En) => format!(
            "{f}: the year {year} is closed and the roster up to its end is sealed with it; give {}-01-01 or a later date",
            year + 1
        ),
        (Problem::BadText, Lang::Zh) => format!("{f}：含有不允许的字符，请删除控制字符或开头的 #"),
        (Problem::BadText, Lang::En) => format!(
            "{f}: contains characters that are not allowed; remove control characters or a leading #"
        ),
    }
}

fn kinds_list(lang: Lang) -> String {
    RecordKind::ALL
        .iter()
        .map(|k| kind(lang, *k))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

fn roles_list(lang: Lang) -> String {
    Role::ALL
        .iter()
        .map(|r| role(lang, *r))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// Any core error as a sentence the user can act on.
pub fn error(lang: Lang, e: &CoreError) -> String {
    if let CoreError::Store(s) = e
        && let Some(text) = store_error(lang, s)
    {
        return text;
    }
    if let Some(text) = crate::i18n::audit::core_error(lang, e) {
        return text;
    }
    if let Some(text) = crate::i18n::seal::core_error(lang, e) {
        return text;
    }
    if let Some(text) = crate::i18n::fix::core_error(lang, e) {
        return text;
    }
    if let CoreError::Store(StoreError::ReadOnly(r)) | CoreError::Refused(r) = e {
        return crate::i18n::access::refusal(lang, r);
    }
    match (e, lang) {
        (CoreError::Invalid(v), _) => validation(lang, v),
        (CoreError::Unconfirmed(ws), _) => crate::i18n::confirm::refusal(lang, ws),
        (CoreError::NoRecord(id), Lang::Zh) => {
            format!("记录 {id} 不存在，请用 records list 查看编号")
        }
        (CoreError::NoPerson(id), Lang::Zh) => {
            format!("人员 #{id} 不存在，请用 people list 查看编号")
        }
        (CoreError::Catalogue(c), Lang::Zh) => format!("职责清单第{}行：{}", c.line, c.message),
        (CoreError::BadBackup(m), Lang::Zh) => format!("备份文件无效：{m}"),
        (CoreError::Store(s), Lang::Zh) => store_error_zh(s),
        (other, _) => other.to_string(),
    }
}

/// A store failure in Chinese: what happened and what to do.
pub fn store_error_zh(e: &StoreError) -> String {
    match e {
        StoreError::Locked { path, holder } => format!(
            "台账 {} 正被另一个 taizhang 进程使用（{holder}）；请关闭该程序或稍后再试",
            path.display()
        ),
        StoreError::OpenTimeout { path, secs } => format!(
            "打开台账 {} 超过 {secs} 秒仍未完成，数据库可能已损坏；请从备份恢复，或将该目录移到别处",
            path.display()
        ),
        StoreError::TooNew { path, found, supported } => format!(
            "台账 {} 由更新版本的 taizhang 写入（格式 {found}，本程序最高支持 {supported}）；请升级 taizhang",
            path.display()
        ),
        StoreError::Corrupt(m) => format!("台账数据已损坏：{m}"),
        StoreError::Io { context, source } => format!("读写台账出错（{context}）：{source}"),
        StoreError::NoDataDir => {
            "找不到存放台账的目录：请设置 $XDG_DATA_HOME 或 $HOME，或用 --db PATH / TAIZHANG_DB 指定".into()
        }
        StoreError::ServiceUnavailable { path, reason } => format!(
            "无法连接台账 {} 的后台服务：{reason}；请稍后重试，或用 --direct 直接打开",
            path.display()
        ),
        StoreError::ProtocolMismatch { client, service } => format!(
            "正在运行的台账服务使用协议 {service}，本程序使用 {client}（由另一版本的 taizhang 启动）；请等它空闲退出，或结束 taizhang.lock 中记录的进程后重试"
        ),
        StoreError::Remote(m) => format!("台账服务出错：{m}；请重试"),
        StoreError::NoGroup(g) => format!("没有名为“{g}”的 Unix 用户组；请先创建（groupadd）或检查拼写"),
        StoreError::NoUser(u) => format!(
            "没有名为“{u}”的 Unix 用户；请先创建（例如：sudo useradd --system --no-create-home --shell /usr/sbin/nologin {u}）或检查拼写"
        ),
        StoreError::Db(m) => format!("台账数据库出错：{m}；请重试，如反复出现请从备份恢复"),
        StoreError::ReadOnly(r) => crate::i18n::access::refusal(Lang::Zh, r),
        StoreError::Archive { year, path, fault } => crate::i18n::seal::archive_refused(Lang::Zh, *year, path, fault),
        StoreError::SealedYear(y) => crate::i18n::seal::sealed_year(Lang::Zh, *y),
        StoreError::TurnedAway(t) => turnaway_zh(t),
        StoreError::ForeignService {
            socket,
            runs_as,
            owner,
        } => format!(
            "监听 {} 的进程以 {runs_as} 身份运行，而不是台账所有者 {owner}；taizhang 未向它发送任何内容。可能有人放置了假冒的套接字，请告知台账所有者",
            socket.display()
        ),
    }
}

/// Store errors that need more than their English text: a write refused by
/// the disk, and damage (the TUI has no path for the restore command; the
/// CLI replaces this with `Trouble::Damaged`).
pub fn store_error(lang: Lang, e: &StoreError) -> Option<String> {
    use std::io::ErrorKind;
    match e {
        StoreError::Io { source, .. } => {
            let zh = match source.kind() {
                ErrorKind::StorageFull => "磁盘空间已满",
                ErrorKind::QuotaExceeded => "磁盘配额已用完",
                ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
                _ => return None,
            };
            Some(match lang {
                Lang::Zh => format!(
                    "无法写入台账：{zh}。之前保存的内容完好无损；请{}后重试（{e}）",
                    if source.kind() == ErrorKind::ReadOnlyFilesystem {
                        "将其重新挂载为可写，或用 --db 换一个位置，"
                    } else {
                        "清理磁盘空间"
                    }
                ),
                Lang::En => format!("{e}; everything saved before is intact"),
            })
        }
        StoreError::Corrupt(_) | StoreError::OpenTimeout { .. } => {
            let text = e.to_string();
            let hinted = text.contains("backup restore");
            Some(match (lang, hinted) {
                (Lang::Zh, _) => {
                    format!("台账数据已损坏（{text}）；请从最近的备份恢复：taizhang backup restore")
                }
                (Lang::En, true) => text,
                (Lang::En, false) => {
                    format!("{text}; restore from the latest backup: taizhang backup restore")
                }
            })
        }
        _ => None,
    }
}

/// The ledger service turned a connection away (its English words are the
/// error's own).
pub fn turnaway_zh(t: &Turnaway) -> String {
    match t {
        Turnaway::Full { limit } => {
            format!("台账服务的连接数已达上限（{limit} 个）；请关闭一个 taizhang 窗口或稍候再试")
        }
        Turnaway::UserFull { user, limit } => format!(
            "用户 {user} 连接台账服务的数量已达上限（{limit} 个）；请关闭自己的一个 taizhang 窗口后再试"
        ),
        Turnaway::UnknownPeer => {
            "台账服务无法确认连接者的 Unix 用户身份（读不到对端凭据），已拒绝该连接".into()
        }
        Turnaway::TooLarge { limit } => {
            format!("消息超过台账服务的长度上限（{limit} 字节）；大的台账请分批导入")
        }
        Turnaway::TooSlow { secs } => format!("消息未能在 {secs} 秒内完整送达，连接已断开"),
    }
}
