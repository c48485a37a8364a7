//! The problems the demo branch finds in its checks and reviews, with the
//! duties they touch, the measures taken and the record that would show the
//! fix; and the words of its progress notes.

use crate::core::fix::FixSource;
use crate::core::record::RecordKind;

/// A problem found, and how it gets fixed.
pub struct Finding {
    pub source: FixSource,
    pub problem: &'static str,
    /// Duty ids; those the catalogue lacks are skipped.
    pub duties: &'static [&'static str],
    pub measures: &'static str,
    /// The kind of record that shows the item fixed, if one was held.
    pub evidence: RecordKind,
    /// What was done, when no such record exists.
    pub done: &'static str,
}

const fn p(
    source: FixSource,
    problem: &'static str,
    duties: &'static [&'static str],
    measures: &'static str,
    evidence: RecordKind,
    done: &'static str,
) -> Finding {
    Finding {
        source,
        problem,
        duties,
        measures,
        evidence,
        done,
    }
}

use FixSource as S;
use RecordKind as K;

pub const FINDINGS: [Finding; 18] = [
    p(
        S::SelfCheck,
        "理论中心组学习计划执行不到位，部分月份专题学习未开展",
        &["b7", "k2-2"],
        "修订年度学习计划，明确每月学习专题和领学人；综合办每月通报学习情况。",
        K::CentralGroupStudy,
        "已补学缺漏专题，学习记录和研讨材料齐全。",
    ),
    p(
        S::SelfCheck,
        "支委会会议记录不规范，部分议题未记载表决情况",
        &["k1-2b", "b3"],
        "统一会议记录模板，逐项记载议题、发言和表决情况；纪检委员每季度抽查记录。",
        K::CommitteeMeeting,
        "已启用新记录模板，近三次支委会记录要素齐全。",
    ),
    p(
        S::SelfCheck,
        "年度工作要点制定滞后，推进措施缺少时间节点",
        &["k1-3a", "b5"],
        "年初一个月内印发工作要点，细化任务分工和完成时限，按季度对照推进。",
        K::WorkPlan,
        "已印发工作要点和推进措施，任务分解到人。",
    ),
    p(
        S::SelfCheck,
        "全面从严治党专题会议研究不够深入，部署多、检查少",
        &["b2", "s2", "k1-3b"],
        "专题会议每半年至少召开一次，听取各部门落实情况并通报存在问题。",
        K::SpecialMeeting,
        "已召开专题会议听取落实情况，问题清单已通报。",
    ),
    p(
        S::Inspection,
        "廉政谈话未实现全覆盖，个别部门负责人年度内未谈",
        &["s3", "m2"],
        "建立谈话台账，列出应谈对象清单，按季度跟踪谈话进度。",
        K::IntegrityTalk,
        "已完成对未谈对象的廉政谈话，台账已更新。",
    ),
    p(
        S::Inspection,
        "公务接待审批手续不全，个别接待无公函",
        &["b8", "k6-1"],
        "完善公务接待审批单，财务报销逐单核对；开展一次专项检查。",
        K::ConductCheck,
        "专项检查已完成，未发现新问题。",
    ),
    p(
        S::Inspection,
        "警示教育针对性不强，未结合身边典型案例",
        &["k7-3", "k3-3"],
        "收集身边典型案例，组织警示教育大会和廉洁教育活动。",
        K::Education,
        "已组织警示教育活动，党员撰写心得体会。",
    ),
    p(
        S::DemocraticLife,
        "班子成员批评与自我批评辣味不足，查摆问题不够具体",
        &["s6", "k1-2i", "b4"],
        "会前深入开展谈心谈话，会上点人点事，会后制定个人整改清单并公示。",
        K::HeartTalk,
        "班子成员个人整改清单已逐项落实。",
    ),
    p(
        S::DemocraticLife,
        "意识形态工作研判不及时，宣传阵地管理存在薄弱环节",
        &["s4", "k2-1"],
        "每半年召开意识形态专题会，建立宣传阵地登记和信息发布审核制度。",
        K::IdeologyMeeting,
        "已召开意识形态专题会，阵地登记审核制度已印发。",
    ),
    p(
        S::OrganizationalLife,
        "党小组会开展不经常，部分党小组学习流于形式",
        &["k1-2c"],
        "党小组每月至少开展一次活动，支部每季度检查党小组活动记录。",
        K::GroupMeeting,
        "各党小组已按月开展活动，记录经支部检查合格。",
    ),
    p(
        S::OrganizationalLife,
        "主题党日活动内容单一，与生产经营结合不紧",
        &["k1-2e", "k5-1"],
        "制定年度主题党日计划，结合联系点开展岗位实践活动。",
        K::ThemeDay,
        "已按计划在联系点开展主题党日岗位实践活动。",
    ),
    p(
        S::OrganizationalLife,
        "谈心谈话开展不够经常，对青年党员思想动态掌握不及时",
        &["k1-2h", "k4-2"],
        "支委成员分片包干，每季度与青年党员至少谈心一次。",
        K::HeartTalk,
        "已完成与青年党员的谈心谈话，思想动态已汇总分析。",
    ),
    p(
        S::DutyReport,
        "分管领域“一岗双责”落实不够有力，督促分管部门落实措施不足",
        &["m1", "m3", "m4"],
        "分管领导每季度听取分管部门党风廉政建设汇报，形成督导记录。",
        K::SpecialMeeting,
        "已听取分管部门汇报，督导记录归档。",
    ),
    p(
        S::DutyReport,
        "述责述廉内容偏重业务工作，履行主体责任情况反映不充分",
        &["m8", "g1"],
        "修订述责述廉提纲，突出主体责任履行情况和问题整改情况。",
        K::DutyReport,
        "已按新提纲完成述责述廉。",
    ),
    p(
        S::DutyReport,
        "民主评议党员结果运用不充分",
        &["k1-2g", "k4-2"],
        "建立评议结果档案，与评先评优和教育管理挂钩。",
        K::MemberAppraisal,
        "评议结果档案已建立，并在评先评优中运用。",
    ),
    p(
        S::CircuitInspection,
        "“三重一大”事项集体决策程序执行不严，个别事项会前酝酿不充分",
        &["b3", "s5"],
        "修订“三重一大”决策制度实施细则，建立议题会前审核机制。",
        K::CommitteeMeeting,
        "实施细则已修订印发，议题均经会前审核。",
    ),
    p(
        S::CircuitInspection,
        "党员教育管理不够严格，部分党员党费缴纳不及时",
        &["k4-2", "k1-2a"],
        "建立党费缴纳提醒和台账，在党员大会上通报缴纳情况。",
        K::GeneralMeeting,
        "党费已全部补缴，缴纳台账已建立。",
    ),
    p(
        S::CircuitInspection,
        "对下属单位监督检查不够，廉洁风险防控措施落实不到位",
        &["b9", "k7-2", "s9"],
        "开展廉洁风险点排查，建立风险防控清单，纪检委员每半年督查一次。",
        K::Inspection,
        "风险防控清单已建立，督查发现的问题已整改。",
    ),
];

/// The first note on an item being worked on.
pub const STARTED: [&str; 3] = [
    "已召开支委会研究整改方案，明确责任人和完成时限。",
    "已制定整改措施清单并报党委备案。",
    "责任人已对照问题制定整改计划，分解到具体岗位。",
];

/// Later notes while the work goes on.
pub const UNDER_WAY: [&str; 4] = [
    "整改措施正在推进，已完成阶段性任务。",
    "党委督导检查整改情况，要求按期完成。",
    "相关制度已修订，待支委会审议。",
    "已组织相关人员专题学习，统一思想认识。",
];

pub const LATE: &str = "整改进度滞后，已督促责任人加快推进。";

pub const REQUESTED: &str = "整改任务已完成，申请销号。";
