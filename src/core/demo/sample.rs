//! The sample branch the demo ledger is about: its people, with roles,
//! departments and 联系点, and the words its records use.

use crate::core::record::RecordKind;
use crate::core::roster::{Person, PersonId, Role};

type PersonRow = (
    &'static str,
    &'static [Role],
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Name, roles, department, departments overseen (分管), 联系点.
pub const PEOPLE: [PersonRow; 15] = [
    (
        "张建国",
        &[Role::Secretary],
        "综合办",
        &[],
        &["一车间", "二车间"],
    ),
    (
        "李明华",
        &[Role::DeputySecretary],
        "综合办",
        &["综合办"],
        &["三车间"],
    ),
    (
        "王志强",
        &[Role::Leader, Role::CommitteeMember],
        "生产部",
        &["生产部", "安全环保部"],
        &["一车间", "检修班"],
    ),
    (
        "赵丽娟",
        &[Role::Leader, Role::CommitteeMember],
        "财务部",
        &["财务部"],
        &["财务共享中心"],
    ),
    (
        "刘海涛",
        &[Role::Leader],
        "技术部",
        &["技术部", "市场部"],
        &[],
    ),
    ("陈静", &[Role::DisciplineMember], "党群工作部", &[], &[]),
    ("孙伟", &[Role::DeptHead], "生产部", &[], &[]),
    ("周敏", &[Role::DeptHead], "安全环保部", &[], &[]),
    ("吴磊", &[Role::DeptHead], "财务部", &[], &[]),
    ("郑晓燕", &[Role::DeptHead], "综合办", &[], &[]),
    ("冯涛", &[Role::DeptHead], "技术部", &[], &[]),
    ("何婷", &[Role::DeptHead], "市场部", &[], &[]),
    ("马骏", &[Role::Member], "生产部", &[], &[]),
    ("朱琳", &[Role::Member], "技术部", &[], &[]),
    ("胡晨", &[Role::Probationary], "市场部", &[], &[]),
];

pub const ABSENCE_REASONS: [&str; 5] = ["出差", "病假", "公休", "参加培训", "外出开会"];

pub fn topics(kind: RecordKind) -> &'static [&'static str] {
    use RecordKind as K;
    match kind {
        K::CommitteeMeeting => &[
            "研究部署月度党建工作",
            "研究发展党员工作",
            "讨论“三重一大”事项",
            "研究党风廉政建设工作",
        ],
        K::GeneralMeeting => &[
            "学习传达上级会议精神",
            "讨论接收预备党员",
            "通报季度党建工作",
        ],
        K::GroupMeeting => &["学习党章党规", "交流岗位建功体会", "学习上级文件精神"],
        K::PartyLecture => &[
            "坚定理想信念 筑牢思想根基",
            "以党的政治建设为统领",
            "弘扬优良作风 勇于担当作为",
        ],
        K::ThemeDay => &[
            "重温入党誓词",
            "参观廉政教育基地",
            "志愿服务进社区",
            "“学习强国”知识竞赛",
        ],
        K::SpecialMeeting => &[
            "专题分析全面从严治党形势",
            "专题研究党风廉政建设工作",
            "研究部署分管范围管党治党工作",
        ],
        K::TopicMeeting => &["安全生产专题会议", "专题研究生产经营工作"],
        K::IdeologyMeeting => &["分析研判意识形态领域形势", "研究网络舆情处置工作"],
        K::DemocraticLife => &["年度民主生活会"],
        K::OrganizationalLife => &["年度组织生活会"],
        K::CentralGroupStudy => &[
            "学习习近平新时代中国特色社会主义思想",
            "学习《中国共产党纪律处分条例》",
            "专题研讨高质量发展",
            "学习党内法规",
        ],
        K::IntegrityTalk => &["廉洁从业提醒", "年度廉政谈话"],
        K::HeartTalk => &["思想动态交流", "工作和生活情况谈心"],
        K::AdmonitionTalk => &["作风问题提醒谈话"],
        K::DutyReport => &["年度述责述廉"],
        K::AnnualReport => &["向上级党委报告落实主体责任情况"],
        K::PersonalMatters => &["报告个人有关事项"],
        K::Inspection => &["党建工作督导检查", "主体责任落实情况检查"],
        K::ConductCheck => &["落实中央八项规定精神检查", "节前“四风”问题检查"],
        K::MemberAppraisal => &["年度民主评议党员"],
        K::ResponsibilityLetter => &["签订党风廉政建设责任书"],
        K::WorkPlan => &["制定年度党支部工作要点和推进措施"],
        K::Education => &["警示教育", "红色教育基地参观", "廉洁文化教育"],
        K::MemberDevelopment => &["确定入党积极分子"],
        K::Other => &["党建阵地建设", "党费收缴", "宣传栏更新"],
    }
}

pub fn roster() -> Vec<Person> {
    PEOPLE
        .iter()
        .zip(1u32..)
        .map(|((name, roles, dept, oversees, links), id)| Person {
            id: PersonId(id),
            name: (*name).to_string(),
            roles: roles.to_vec(),
            dept: Some((*dept).to_string()),
            oversees: oversees.iter().map(|s| (*s).to_string()).collect(),
            links: links.iter().map(|s| (*s).to_string()).collect(),
            retired: false,
            unix_user: None,
            history: crate::core::roster::History::default(),
        })
        .collect()
}
