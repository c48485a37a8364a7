//! Words of `report` and of the exports: CSV headers, duties by 条目 and
//! title, records as a reader finds them, and the report's refusals.

use chrono::Datelike;

use crate::cli::report::ReportCliError;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::record::Record;

use crate::i18n::{Lang, domain};

pub fn records_header(lang: Lang) -> [&'static str; 14] {
    match lang {
        Lang::Zh => [
            "日期",
            "类型",
            "主题",
            "主持人",
            "参加人员",
            "缺席人员",
            "谈话对象",
            "计入职责",
            "备注",
            "佐证材料",
            "所属年度",
            "录入人",
            "录入时间",
            "序号",
        ],
        Lang::En => [
            "date",
            "kind",
            "topic",
            "host",
            "attendees",
            "absentees",
            "partners",
            "duties",
            "notes",
            "evidence",
            "year covered",
            "entered by",
            "entered at",
            "no.",
        ],
    }
}

pub fn duties_header(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Zh => [
            "清单",
            "条目",
            "职责",
            "要求",
            "依据",
            "目标",
            "已完成",
            "按进度应完成",
            "状态",
            "尚缺",
        ],
        Lang::En => [
            "list",
            "ref",
            "title",
            "rule",
            "source",
            "target",
            "done",
            "expected by now",
            "status",
            "missing",
        ],
    }
}

pub fn fixes_header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Zh => [
            "序号",
            "来源",
            "问题",
            "涉及职责",
            "整改措施",
            "责任人",
            "整改时限",
            "状态",
            "立项日期",
            "销号日期",
            "销号人",
            "销号佐证",
            "进展记录数",
        ],
        Lang::En => [
            "no.",
            "source",
            "problem",
            "duties",
            "measures",
            "owner",
            "deadline",
            "state",
            "opened",
            "closed on",
            "closed by",
            "evidence",
            "notes",
        ],
    }
}

/// A seed reference with full-width brackets in Chinese: `三（一）（2）`.
pub fn seed_ref(lang: Lang, r: &str) -> String {
    match lang {
        Lang::Zh => r.replace('(', "（").replace(')', "）"),
        Lang::En => r.to_string(),
    }
}

/// A duty as the exports name it (and `import-csv` reads it back): its 条目
/// and title, `三（一）（2）专题研究全面从严治党` / `三(一)(2) Title`.
pub fn duty_ref(lang: Lang, catalogue: &Catalogue, id: &DutyId) -> String {
    match (catalogue.duty(id), lang) {
        (Some(d), Lang::Zh) => format!("{}{}", seed_ref(lang, &d.seed_ref), d.title),
        (Some(d), Lang::En) => format!("{} {}", d.seed_ref, d.title_en),
        (None, _) => id.to_string(),
    }
}

/// A record as a reader finds it in the ledger: `2026年3月14日支委会“主题”`.
pub fn record_ref(lang: Lang, r: &Record) -> String {
    let kind = domain::kind(lang, r.kind);
    match lang {
        Lang::Zh => {
            let d = r.date;
            let day = format!("{}年{}月{}日", d.year(), d.month(), d.day());
            if r.topic.trim().is_empty() {
                format!("{day}{kind}")
            } else {
                format!("{day}{kind}“{}”", r.topic.trim())
            }
        }
        Lang::En => format!("{} {kind} \"{}\"", r.date, r.topic.trim()),
    }
}

/// Separator between items of a list inside one cell.
pub fn list_sep(lang: Lang) -> &'static str {
    lang.pick("、", "; ")
}

/// The duties cell of a record that counts toward nothing.
pub fn no_duties(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

pub fn fixes_pending(lang: Lang) -> &'static str {
    lang.pick(
        "提示：该年度没有整改事项，只输出了表头",
        "note: the year has no rectification items; only the header was written",
    )
}

pub fn report_error(lang: Lang, e: &ReportCliError) -> String {
    match (e, lang) {
        (ReportCliError::DocxNeedsOut, Lang::Zh) => {
            "DOCX 是二进制文件，不能输出到终端；请用 --out 文件名.docx 指定输出文件".into()
        }
        (ReportCliError::DocxNeedsOut, Lang::En) => {
            "DOCX is a binary file and cannot go to the terminal; give --out FILE.docx".into()
        }
        (ReportCliError::UnknownExtension(p), Lang::Zh) => format!(
            "无法从文件名 {} 判断格式；请加 --format md|html|docx，或使用 .md、.html、.docx 扩展名",
            p.display()
        ),
        (ReportCliError::UnknownExtension(p), Lang::En) => format!(
            "cannot tell the format from {}; add --format md|html|docx or use a .md, .html or .docx name",
            p.display()
        ),
        (ReportCliError::NotLeadership { name }, Lang::Zh) => format!(
            "{name} 不是班子成员，述责述廉报告只为书记、副书记和班子成员生成；如角色有误，请用 people edit {name} --role 修改其角色（如 班子成员）"
        ),
        (ReportCliError::NotLeadership { name }, Lang::En) => format!(
            "{name} is not a leadership member; the duty report is for the secretary, deputy secretary and leadership members. if the role is wrong, correct it with `people edit {name} --role …` (e.g. leader)"
        ),
        (ReportCliError::Render(r), Lang::Zh) => {
            format!("生成报告失败：{r}；请检查可用内存后重试")
        }
        (ReportCliError::Render(r), Lang::En) => r.to_string(),
    }
}
