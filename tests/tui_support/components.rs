//! The small fixed ledger the form, roster and matrix tests share: a
//! four-duty catalogue, a handful of people and records, and a fixed today.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub use chrono::NaiveDate;
pub use taizhang::core::mem::MemStore;
pub use taizhang::core::{Ledger, NewPerson, NewRecord, RecordKind, YearView};

pub const CATALOGUE: &str = r#"
[[duty]]
id = "m1"
list = "branch"
ref = "二(一)2"
title = "支部党员大会"
title_en = "General meetings"
text = "每季度召开一次支部党员大会。"
binds = "branch"
counts = ["general_meeting"]
source = "二(一)2"
rule = { kind = "count", min = 1, per = "quarter" }

[[duty]]
id = "s1"
list = "branch"
ref = "三(一)(7)"
title = "理论中心组专题学习"
title_en = "Central group study sessions"
text = "每年至少安排12次专题学习。"
binds = "branch"
counts = ["central_group_study", "general_meeting"]
source = "三(一)(7)"
rule = { kind = "count", min = 12, per = "year" }

[[duty]]
id = "t1"
list = "secretary"
ref = "三(二)(5)"
title = "书记谈心谈话"
title_en = "Secretary's talks"
text = "书记每年与班子成员、部门负责人谈话一次。"
binds = "secretary"
counts = ["heart_talk", "integrity_talk"]
source = "三(二)(5)"
rule = { kind = "talk_coverage", pairs = "secretary_with_leaders_and_heads" }

[[duty]]
id = "t2"
list = "other_members"
ref = "三(三)(4)"
title = "分管领域谈话"
title_en = "Talks with overseen heads"
text = "班子成员每年与分管部门负责人谈话一次。"
binds = "each_other_member"
counts = ["heart_talk"]
source = "三(三)(4)"
rule = { kind = "talk_coverage", pairs = "leaders_with_overseen_heads" }
"#;

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    d(3, 20)
}

pub fn person(name: &str, roles: &[&str], dept: Option<&str>, oversees: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(|r| (*r).to_string()).collect(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|r| (*r).to_string()).collect(),
        links: Vec::new(),
    }
}

pub fn ledger() -> Ledger<MemStore> {
    let ledger = Ledger::new(MemStore::default(), "tester").with_clock(
        taizhang::core::ledger::fixed_clock(today().and_hms_opt(9, 0, 0).unwrap()),
    );
    ledger.import_catalogue(CATALOGUE).unwrap();
    for p in [
        person("张三", &["书记"], Some("党办"), &["党办"]),
        person("李四", &["班子成员"], None, &["生产部"]),
        person("王五", &["部门负责人"], Some("生产部"), &[]),
        person("赵六", &["部门负责人"], Some("办公室"), &[]),
        person("李四光", &["党员"], Some("生产部"), &[]),
    ] {
        ledger.add_person(&p).unwrap();
    }
    let gone = ledger
        .add_person(&person("钱七", &["部门负责人"], Some("生产部"), &[]))
        .unwrap();
    ledger.retire_person(gone.id).unwrap();
    let talk = |host: &str, with: &str, date| NewRecord {
        kind: Some(RecordKind::HeartTalk),
        date: Some(date),
        topic: "年度谈心谈话".into(),
        host: Some(host.into()),
        partners: vec![with.into()],
        ..NewRecord::default()
    };
    ledger.add_record(&talk("张三", "李四", d(2, 10))).unwrap();
    ledger.add_record(&talk("李四", "王五", d(3, 5))).unwrap();
    ledger
        .add_record(&NewRecord {
            kind: Some(RecordKind::GeneralMeeting),
            date: Some(d(3, 1)),
            topic: "学习全会精神".into(),
            host: Some("张三".into()),
            attendees: vec!["李四".into(), "王五".into()],
            absentees: vec![("赵六".into(), "出差".into())],
            notes: "第一行\n第二行".into(),
            ..NewRecord::default()
        })
        .unwrap();
    ledger
}

pub fn view() -> YearView {
    ledger().year_view(2026, today()).unwrap()
}
