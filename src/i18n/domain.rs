//! Words for the domain's typed values: statuses, lists, kinds, roles,
//! periods, what is missing, and validation errors.

use crate::core::catalogue::{Duty, ListId};
use crate::core::error::{CoreError, Field, Problem, StoreError, ValidationError};
use crate::core::progress::{Lateness, Missing, Status};
use crate::core::record::RecordKind;
use crate::core::roster::{Role, Roster};
use crate::core::rule::{PairScope, Period, RoleScope, Rule};

use super::Lang;

pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Done => lang.pick("已完成", "done"),
        Status::Late => lang.pick("逾期完成", "done late"),
        Status::OnTrack => lang.pick("正常", "on track"),
        Status::Behind => lang.pick("落后", "behind"),
        Status::Overdue => lang.pick("逾期", "overdue"),
        Status::NoEvidence => lang.pick("无留痕", "no evidence"),
        Status::NoQuota => lang.pick("无量化要求", "no set number"),
    }
}

/// When a late duty was due and done: "应于2025-03-31前，2025-07-01完成".
pub fn lateness(lang: Lang, l: &Lateness) -> String {
    match lang {
        Lang::Zh => format!("应于{}前，{}完成", l.due, l.done_on),
        Lang::En => format!("due {}, done {}", l.due, l.done_on),
    }
}

/// 所属年度 shown beside a record whose year differs from its date's.
pub fn covers(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("（所属{year}年度）"),
        Lang::En => format!("(covers {year})"),
    }
}

/// A one-character marker that reads without colour.
pub fn status_marker(s: Status) -> char {
    match s {
        Status::Done => '✓',
        Status::Late => '◔',
        Status::OnTrack => '·',
        Status::Behind => '!',
        Status::Overdue => '✗',
        Status::NoEvidence => '?',
        Status::NoQuota => '-',
    }
}

/// ASCII-only marker, for terminals that draw symbols double-width.
pub fn status_marker_ascii(s: Status) -> char {
    match s {
        Status::Done => '+',
        Status::Late => '~',
        Status::OnTrack => '.',
        Status::Behind => '!',
        Status::Overdue => 'x',
        Status::NoEvidence => '?',
        Status::NoQuota => '-',
    }
}

pub fn list(lang: Lang, l: ListId) -> &'static str {
    match l {
        ListId::Branch => lang.pick("党支部班子责任清单", "Branch committee duties"),
        ListId::Secretary => lang.pick("党支部书记责任清单", "Secretary's duties"),
        ListId::OtherMembers => lang.pick("领导班子其他成员责任清单", "Other leaders' duties"),
        ListId::Political => lang.pick("从严抓政治建设", "Political building"),
        ListId::Ideological => lang.pick("从严抓思想建设", "Ideological building"),
        ListId::Discipline => lang.pick("从严抓纪律建设", "Discipline"),
        ListId::Cadres => lang.pick("从严抓干部队伍建设", "Cadres and members"),
        ListId::Grassroots => lang.pick("从严抓基层基础", "Grassroots foundations"),
        ListId::Conduct => lang.pick("从严抓作风建设", "Conduct"),
        ListId::Integrity => lang.pick("从严抓党风廉政建设", "Integrity"),
        ListId::Safeguards => lang.pick("保障机制", "Safeguard mechanisms"),
    }
}

/// Short list name for narrow panes.
pub fn list_short(lang: Lang, l: ListId) -> &'static str {
    match l {
        ListId::Branch => lang.pick("班子", "Branch"),
        ListId::Secretary => lang.pick("书记", "Secretary"),
        ListId::OtherMembers => lang.pick("其他成员", "Other leaders"),
        ListId::Political => lang.pick("政治建设", "Political"),
        ListId::Ideological => lang.pick("思想建设", "Ideological"),
        ListId::Discipline => lang.pick("纪律建设", "Discipline"),
        ListId::Cadres => lang.pick("队伍建设", "Cadres"),
        ListId::Grassroots => lang.pick("基层基础", "Grassroots"),
        ListId::Conduct => lang.pick("作风建设", "Conduct"),
        ListId::Integrity => lang.pick("党风廉政", "Integrity"),
        ListId::Safeguards => lang.pick("保障机制", "Safeguards"),
    }
}

pub fn duty_title(lang: Lang, d: &Duty) -> &str {
    lang.pick(&d.title, &d.title_en)
}

pub fn kind(lang: Lang, k: RecordKind) -> &'static str {
    lang.pick(k.zh(), k.en())
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    lang.pick(r.zh(), r.en())
}

pub fn scope(lang: Lang, s: RoleScope) -> &'static str {
    match s {
        RoleScope::Secretary => lang.pick("书记", "the secretary"),
        RoleScope::OtherLeaders => lang.pick("其他班子成员", "other leadership members"),
        RoleScope::Leadership => lang.pick("班子成员", "leadership members"),
        RoleScope::Committee => lang.pick("支委", "committee members"),
        RoleScope::DeptHeads => lang.pick("部门负责人", "department heads"),
        RoleScope::Members => lang.pick("党员", "members"),
    }
}

fn period_word(lang: Lang, p: Period) -> &'static str {
    match p {
        Period::Year => lang.pick("每年", "a year"),
        Period::HalfYear => lang.pick("每半年", "a half-year"),
        Period::Quarter => lang.pick("每季度", "a quarter"),
        Period::Month => lang.pick("每月", "a month"),
    }
}

/// A bucket's label: 3月 / Mar, 二季度 / Q2, 上半年 / H1, 全年 / year.
pub fn bucket(lang: Lang, p: Period, index: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const CN: [&str; 4] = ["一", "二", "三", "四"];
    let i = usize::try_from(index.saturating_sub(1)).unwrap_or(0);
    match (p, lang) {
        (Period::Year, _) => lang.pick("全年", "the year").to_string(),
        (Period::HalfYear, Lang::Zh) => if index == 1 { "上半年" } else { "下半年" }.to_string(),
        (Period::HalfYear, Lang::En) => format!("H{index}"),
        (Period::Quarter, Lang::Zh) => format!("{}季度", CN.get(i).unwrap_or(&"?")),
        (Period::Quarter, Lang::En) => format!("Q{index}"),
        (Period::Month, Lang::Zh) => format!("{index}月"),
        (Period::Month, Lang::En) => MONTHS.get(i).unwrap_or(&"?").to_string(),
    }
}

/// The rule in words: "≥12 次/每年", "each other leadership member ≥1 a year"…
pub fn rule(lang: Lang, r: &Rule) -> String {
    match *r {
        Rule::Count { min, per } => match lang {
            Lang::Zh => format!("{}不少于{min}次", period_word(lang, per)),
            Lang::En => format!("at least {min} {}", period_word(lang, per)),
        },
        Rule::PerPerson { who, min } => match lang {
            Lang::Zh => format!("每名{}每年至少{min}次", scope(lang, who)),
            Lang::En => format!("each of the {} at least {min} a year", scope(lang, who)),
        },
        Rule::TalkCoverage { pairs } => match (pairs, lang) {
            (PairScope::SecretaryWithLeadersAndHeads, Lang::Zh) => {
                "书记每年与每名班子成员、部门负责人各谈话一次".into()
            }
            (PairScope::SecretaryWithLeadersAndHeads, Lang::En) => {
                "the secretary talks once a year with each leadership member and department head"
                    .into()
            }
            (PairScope::LeadersWithOverseenHeads, Lang::Zh) => {
                "每名班子成员每年与分管部门负责人各谈话一次".into()
            }
            (PairScope::LeadersWithOverseenHeads, Lang::En) => {
                "each leadership member talks once a year with the heads they oversee".into()
            }
            (PairScope::MembersWithEachOther, Lang::Zh) => {
                "支委之间、支委和党员之间、党员和党员之间每年谈心谈话不少于1次".into()
            }
            (PairScope::MembersWithEachOther, Lang::En) => {
                "every two members talk heart to heart at least once a year \
                 (committee with committee, committee with members, member with member)"
                    .into()
            }
        },
        Rule::StandingRange { who, min, max } => match lang {
            Lang::Zh => format!("每名{}联系{min}-{max}个联系点", scope(lang, who)),
            Lang::En => format!(
                "each of the {} keeps {min}-{max} linked sites",
                scope(lang, who)
            ),
        },
        Rule::Deadline { month, day } => match lang {
            Lang::Zh => format!("每年{month}月{day}日前完成"),
            Lang::En => format!("by {month}/{day} each year"),
        },
        Rule::Evidence => lang
            .pick("无数量要求，以台账佐证", "no number; evidence only")
            .into(),
    }
}

pub fn missing(lang: Lang, m: &Missing, roster: &Roster) -> String {
    match m {
        Missing::Period {
            period,
            index,
            have,
            need,
            ..
        } => format!("{} {have}/{need}", bucket(lang, *period, *index)),
        Missing::Pair { from, to } => format!("{} → {}", roster.name(*from), roster.name(*to)),
        Missing::Between { a, b, .. } => match lang {
            Lang::Zh => format!("{}与{}", roster.name(*a), roster.name(*b)),
            Lang::En => format!("{} with {}", roster.name(*a), roster.name(*b)),
        },
        Missing::Person { person } => roster.name(*person),
        Missing::OutOfRange {
            person,
            have,
            min,
            max,
        } => match lang {
            Lang::Zh => format!("{}（{have}个，应{min}-{max}个）", roster.name(*person)),
            Lang::En => format!("{} ({have}, needs {min}-{max})", roster.name(*person)),
        },
        Missing::Deadline { date } => match lang {
            Lang::Zh => format!("截止 {date}"),
            Lang::En => format!("due {date}"),
        },
        Missing::NoOne { scope: s } => match lang {
            Lang::Zh => format!("名册中没有{}", scope(lang, *s)),
            Lang::En => format!("the roster has no {}", scope(lang, *s)),
        },
        Missing::Child { duty } => duty.to_string(),
    }
}

pub fn field(lang: Lang, f: Field) -> &'static str {
    match f {
        Field::Kind => lang.pick("类型", "kind"),
        Field::Date => lang.pick("日期", "date"),
        Field::Topic => lang.pick("主题", "topic"),
        Field::Host => lang.pick("主持人", "host"),
        Field::Attendees => lang.pick("参加人员", "attendees"),
        Field::Absentees => lang.pick("缺席人员", "absentees"),
        Field::Partners => lang.pick("谈话对象", "talk partner"),
        Field::Duties => lang.pick("计入职责", "duties"),
        Field::Notes => lang.pick("备注", "notes"),
        Field::Evidence => lang.pick("佐证材料", "evidence"),
        Field::Name => lang.pick("姓名", "name"),
        Field::Roles => lang.pick("角色", "role"),
        Field::Dept => lang.pick("部门", "department"),
        Field::Oversees => lang.pick("分管部门", "oversees"),
        Field::Links => lang.pick("联系点", "linked sites"),
        Field::Year => lang.pick("年度", "year"),
        Field::Source => lang.pick("来源", "source"),
        Field::Issue => lang.pick("问题", "problem"),
        Field::Measures => lang.pick("整改措施", "measures"),
        Field::Owner => lang.pick("责任人", "owner"),
        Field::Deadline => lang.pick("整改时限", "deadline"),
        Field::UnixUser => lang.pick("Unix 用户名", "Unix login"),
        Field::From => lang.pick("自何日起", "from"),
        Field::Covers => lang.pick("所属年度", "year covered"),
    }
}

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
        ) => super::fix::problem(lang, f, &e.problem),
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
        && let Some(text) = super::backups::store_error(lang, s)
    {
        return text;
    }
    if let Some(text) = super::audit::core_error(lang, e) {
        return text;
    }
    if let Some(text) = super::seal::core_error(lang, e) {
        return text;
    }
    if let Some(text) = super::fix::core_error(lang, e) {
        return text;
    }
    if let CoreError::Store(StoreError::ReadOnly(r)) | CoreError::Refused(r) = e {
        return super::access::refusal(lang, r);
    }
    match (e, lang) {
        (CoreError::Invalid(v), _) => validation(lang, v),
        (CoreError::Unconfirmed(ws), _) => super::confirm::refusal(lang, ws),
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
pub(super) fn store_error_zh(e: &StoreError) -> String {
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
        StoreError::ReadOnly(r) => super::access::refusal(Lang::Zh, r),
        StoreError::Archive { year, path, fault } => super::seal::archive_refused(Lang::Zh, *year, path, fault),
        StoreError::SealedYear(y) => super::seal::sealed_year(Lang::Zh, *y),
        StoreError::TurnedAway(t) => super::service::turnaway_zh(t),
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
