//! The Chinese help of the command line, keyed by command path (`""` for
//! `taizhang` itself, `"people add"`) and argument id (`topic`,
//! `notes_file`; `""` for the command's own description). `cli::help` puts
//! it on the clap command; a test checks that every command and argument
//! has its text here. The commands of daily use are here; those that run
//! the ledger (years, imports, reports, audit, access, backups) in `admin`.

mod admin;

/// (command path, argument id or "" for the command, text)
const HELP: &[(&str, &str, &str)] = &[
    ("", "", "台账：党支部全面从严治党主体责任台账"),
    (
        "",
        "db",
        "台账目录（环境变量 TAIZHANG_DB；默认 $XDG_DATA_HOME/taizhang/ledger）",
    ),
    (
        "",
        "lang",
        "界面语言：zh、en 或 auto（跟随系统区域设置）；也可用环境变量 TAIZHANG_LANG 或配置文件设置，默认中文",
    ),
    (
        "",
        "ascii",
        "用 ASCII 字符画边框和进度条，适合把制表符显示为双倍宽度的终端（环境变量 TAIZHANG_ASCII=1）",
    ),
    (
        "",
        "direct",
        "在本进程内直接打开台账，不经后台服务（仅限单人使用；环境变量 TAIZHANG_DIRECT=1）",
    ),
    ("tui", "", "打开终端界面（在终端中运行时的默认操作）"),
    (
        "status",
        "",
        "本年度各项职责的进度（不在终端中时，直接运行 taizhang 即输出此内容）",
    ),
    ("status", "year", "年份（默认本年）"),
    ("status", "short", "只输出一行，适合作为 SSH 登录提示"),
    ("status", "json", "输出 JSON，供程序读取"),
    (
        "check",
        "",
        "一致性检查：支委会和党员大会到会人数、组织生活会前的谈心谈话、民主评议是否覆盖全体党员、人员是否在册、重复录入（发现问题时退出码为 3）",
    ),
    ("check", "year", "年份（默认本年）"),
    ("check", "json", "输出 JSON，供程序读取"),
    (
        "add",
        "",
        "添加记录：taizhang add 支委会 --date 3-14 --topic … --host 张三",
    ),
    (
        "add",
        "kind",
        "类型，中英文均可：支委会、党课、廉政谈话、committee_meeting…",
    ),
    (
        "add",
        "date",
        "日期：今天、昨天、明天、-3、+3、3-14、2026-03-14（默认今天）",
    ),
    ("add", "topic", "主题（谈话类可不填）"),
    ("add", "host", "主持人或谈话人"),
    ("add", "attendees", "参加人员，用 , 、 或 ， 分隔"),
    ("add", "absent", "缺席人员及原因，如 李四:出差"),
    ("add", "partners", "谈话对象，或报告涉及的人员"),
    ("add", "duty", "计入的职责编号（默认按类型计入）"),
    ("add", "notes", "备注"),
    (
        "add",
        "notes_file",
        "从 UTF-8 文本文件读取备注（适合较长的会议记录）",
    ),
    ("add", "evidence", "佐证材料（可重复）"),
    (
        "add",
        "covers",
        "所属年度：1–2月的报告、民主生活会等总结上一年度时填上一年，如 2025",
    ),
    ("add", "future", "确认日期晚于今天（提前登记）"),
    (
        "add",
        "duplicate",
        "确认录入与已有记录相同（日期、类型、人员及主题）的记录",
    ),
    ("people", "", "名册：添加、列出、修改、移出人员"),
    (
        "people add",
        "",
        "添加人员：people add 张三 --role 书记 --dept 综合办",
    ),
    ("people add", "name", "姓名"),
    (
        "people add",
        "roles",
        "角色：书记、副书记、委员、组织委员、宣传委员、纪检委员、班子成员、部门负责人、党员、预备党员（可重复）",
    ),
    ("people add", "dept", "部门（填 \"\" 清空）"),
    ("people add", "oversees", "分管部门，用 , 或 、 分隔"),
    ("people add", "links", "联系点（可重复）"),
    (
        "people add",
        "unix_user",
        "此人使用的 Unix 登录名（决定谁可以销号整改事项；填 \"\" 清空）",
    ),
    ("people add", "from", "列入名册的日期（默认：一直在册）"),
    ("people list", "", "在册人员（加 --all 含已退出人员）"),
    ("people show", "", "查看一名人员及其任职变动"),
    ("people show", "who", "姓名或 #编号"),
    ("people list", "all", "含已退出人员"),
    ("people edit", "", "修改人员信息；未给出的选项保持原值"),
    ("people edit", "who", "姓名或 #编号"),
    ("people edit", "name", "新姓名"),
    (
        "people edit",
        "roles",
        "角色：书记、副书记、委员、组织委员、宣传委员、纪检委员、班子成员、部门负责人、党员、预备党员（可重复）",
    ),
    ("people edit", "dept", "部门（填 \"\" 清空）"),
    ("people edit", "oversees", "分管部门，用 , 或 、 分隔"),
    ("people edit", "links", "联系点（可重复）"),
    (
        "people edit",
        "unix_user",
        "此人使用的 Unix 登录名（决定谁可以销号整改事项；填 \"\" 清空）",
    ),
    ("people retire", "", "将人员移出名册；历史记录保留其姓名"),
    ("people retire", "who", "姓名或 #编号"),
    ("people retire", "from", "自何日起移出（默认今天）"),
    (
        "people edit",
        "from",
        "变动自何日起生效（默认今天）；此前的信息保留在任职变动中",
    ),
    ("records", "", "列出、查看或删除记录"),
    ("records list", "", "某年度的记录，按日期排列"),
    ("records list", "year", "年份（默认本年）"),
    ("records list", "duty", "只列出计入该职责的记录"),
    ("records list", "json", "输出 JSON，供程序读取"),
    ("records show", "", "查看一条记录的全部内容"),
    ("records show", "id", "记录编号（如 23 或 #23）"),
    ("records delete", "", "删除记录（可用 restore 恢复）"),
    ("records delete", "id", "记录编号（如 23 或 #23）"),
    (
        "fix",
        "",
        "整改事项：添加、列出、查看、修改、记进展、开始、申请销号、销号",
    ),
    (
        "fix add",
        "",
        "新建整改事项：fix add --problem … --source 自查自检 --duty b7 --measures … --owner 姓名 --deadline 6-30",
    ),
    ("fix add", "problem", "发现的问题"),
    (
        "fix add",
        "source",
        "来源：自查自检、督导检查、民主生活会、组织生活会、述责述廉、巡察或其他",
    ),
    ("fix add", "duties", "涉及的职责（可重复，或写成 A,B）"),
    ("fix add", "measures", "整改措施"),
    ("fix add", "owner", "责任人（姓名或 #编号）"),
    ("fix add", "deadline", "整改期限（6-30、2026-06-30 等）"),
    ("fix add", "opened", "发现问题的日期（默认今天）"),
    ("fix list", "", "某年度的整改事项（默认本年）"),
    ("fix list", "year", "年份（默认本年）"),
    ("fix list", "open", "只列出尚未销号的事项"),
    ("fix list", "overdue", "只列出已过期限且未销号的事项"),
    ("fix list", "json", "输出 JSON，供程序读取"),
    ("fix show", "", "查看一项整改的全部内容、进展和销号情况"),
    ("fix show", "id", "整改事项编号"),
    ("fix edit", "", "修改整改事项内容；未给出的选项保持原值"),
    ("fix edit", "id", "整改事项编号"),
    ("fix edit", "problem", "发现的问题"),
    (
        "fix edit",
        "source",
        "来源：自查自检、督导检查、民主生活会、组织生活会、述责述廉、巡察或其他",
    ),
    ("fix edit", "duties", "涉及的职责（可重复，或写成 A,B）"),
    ("fix edit", "measures", "整改措施"),
    ("fix edit", "owner", "责任人（姓名或 #编号）"),
    ("fix edit", "deadline", "整改期限（6-30、2026-06-30 等）"),
    ("fix edit", "opened", "发现问题的日期（默认今天）"),
    ("fix note", "", "记录一条带日期的整改进展"),
    ("fix note", "id", "整改事项编号"),
    ("fix note", "text", "进展内容"),
    ("fix note", "date", "进展日期（默认今天）"),
    (
        "fix start",
        "",
        "开始整改（未开始 → 整改中；也可退回已申请销号的事项）",
    ),
    ("fix start", "id", "整改事项编号"),
    ("fix start", "note", "说明"),
    ("fix request-close", "", "申请销号"),
    ("fix request-close", "id", "整改事项编号"),
    ("fix request-close", "note", "说明"),
    ("fix close", "", "凭佐证销号；仅限书记或纪检委员"),
    ("fix close", "id", "整改事项编号"),
    ("fix close", "record", "证明问题已整改的记录编号"),
    ("fix close", "note", "没有记录可证明时，说明所做的整改"),
    ("fix close", "date", "销号日期（默认今天）"),
];

/// The description of the command at `path`.
pub fn about(path: &str) -> Option<&'static str> {
    arg(path, "")
}

/// The help of argument `id` of the command at `path`.
pub fn arg(path: &str, id: &str) -> Option<&'static str> {
    HELP.iter()
        .chain(admin::HELP)
        .find(|(p, a, _)| *p == path && *a == id)
        .map(|(_, _, text)| *text)
}
