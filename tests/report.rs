//! The reports a branch hands in: the annual report and the 述责述廉 draft,
//! as Markdown, HTML and DOCX, built from a small fixed ledger.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "report/fixture.rs"]
mod fixture;
#[path = "report/formats.rs"]
mod formats;

use fixture::{
    assert_chinese_typesetting, d, fixes, id_of, ledger, rec, row, table_after,
    table_after_section, view, view_of,
};
use taizhang::core::RecordKind;
use taizhang::i18n::Lang;
use taizhang::report::{self, Block, RectificationSummary, to_html, to_markdown};

#[test]
fn annual_zh_markdown_and_html() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    assert_chinese_typesetting(&r);
    insta::assert_snapshot!("annual_zh_md", to_markdown(&r));
    insta::assert_snapshot!("annual_zh_html", to_html(&r));
}

#[test]
fn annual_en_markdown_and_html() {
    let r = report::annual(&view(), &fixes(), Lang::En);
    insta::assert_snapshot!("annual_en_md", to_markdown(&r));
    insta::assert_snapshot!("annual_en_html", to_html(&r));
}

#[test]
fn shuze_zh_markdown_and_html() {
    let v = view();
    let r = report::shuze(&v, id_of(&v, "李四"), Lang::Zh);
    assert_chinese_typesetting(&r);
    insta::assert_snapshot!("shuze_zh_md", to_markdown(&r));
    insta::assert_snapshot!("shuze_zh_html", to_html(&r));
}

#[test]
fn every_number_comes_from_the_ledger() {
    let ledger = ledger();
    let v = view_of(&ledger);
    let md = to_markdown(&report::annual(&v, &fixes(), Lang::Zh));
    assert!(
        md.contains(&format!("共登记工作记录{}条", v.records.len())),
        "{md}"
    );
    assert!(md.contains(&format!("已完成{}项", v.tally.done)));
    assert!(md.contains(&format!("逾期{}项", v.tally.overdue)));
    // One more record moves the numbers.
    ledger
        .add_record(&rec(
            RecordKind::SpecialMeeting,
            d(3, 18),
            "第二次专题会议",
            "张三",
            &["李四"],
        ))
        .unwrap();
    let v2 = view_of(&ledger);
    assert_eq!(v2.records.len(), v.records.len() + 1);
    let r = report::annual(&v2, &fixes(), Lang::Zh);
    let md = to_markdown(&r);
    assert!(md.contains(&format!("共登记工作记录{}条", v2.records.len())));
    // The duty row shows the engine's target, done and status.
    let cat = &v2.catalogue;
    let b2 = cat
        .duties
        .iter()
        .find(|d| d.title == "专题研究全面从严治党")
        .unwrap();
    let p = v2.progress_of(&b2.id).unwrap();
    let t = table_after(&r, "责任清单", "党支部班子责任清单").unwrap();
    let line = row(t, &["专题研究全面从严治党"]).unwrap();
    assert_eq!(line[3], p.target.to_string());
    assert_eq!(line[4], p.done.to_string());
    assert_eq!(line[5], taizhang::i18n::domain::status(Lang::Zh, p.status));
    // Each dated list counts its own records.
    let meetings = v2
        .records
        .iter()
        .filter(|r| r.kind.category() == taizhang::core::record::Category::Meeting)
        .count();
    let work = r
        .sections
        .iter()
        .find(|s| s.heading.contains("主要工作"))
        .unwrap();
    let at = work
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Subheading(t) if t == "（一）会议"))
        .unwrap();
    assert_eq!(
        work.blocks[at + 1],
        Block::Paragraph(format!("共{meetings}次。"))
    );
    let t = table_after(&r, "主要工作", "会议").unwrap();
    assert_eq!(t.rows.len(), meetings);
    let line = row(t, &["学习全国两会精神"]).unwrap();
    assert_eq!(line[0], "2026年3月12日");
    assert_eq!(line[3], "张三");
    assert_eq!(line[4], "3");
}

#[test]
fn sub_duties_follow_their_parent() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    let t = table_after(&r, "责任清单", "从严抓政治建设").unwrap();
    let titles: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    let parent = titles
        .iter()
        .position(|t| *t == "严肃执行党内政治生活")
        .unwrap();
    assert_eq!(titles[parent + 1], "└ 支部党员大会");
    assert_eq!(titles[parent + 2], "└ 支委会");
    assert!(
        !titles.contains(&"支委会"),
        "a sub-duty is listed once, under its parent"
    );
}

#[test]
fn the_talk_matrix_shows_held_and_owed_pairs() {
    let v = view();
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let t = table_after(&r, "谈话全覆盖", "廉政谈话全覆盖").unwrap();
    let pairs = taizhang::core::progress::required_pairs(
        &v.roster,
        taizhang::core::PairScope::SecretaryWithLeadersAndHeads,
    );
    assert_eq!(t.rows.len(), pairs.len());
    assert_eq!(
        row(t, &["张三", "李四"]).unwrap()[2..],
        ["已谈", "2026年3月2日"]
    );
    assert_eq!(row(t, &["张三", "赵六"]).unwrap()[2..], ["未谈", "—"]);
    let md = to_markdown(&r);
    assert!(
        md.contains(&format!(
            "应谈{}人次，已谈2人次，未谈{}人次",
            pairs.len(),
            pairs.len() - 2
        )),
        "{md}"
    );
}

#[test]
fn empty_rectification_groups_say_none() {
    let v = view();
    for (lang, none) in [(Lang::Zh, "无"), (Lang::En, "none")] {
        let r = report::annual(&v, &RectificationSummary::default(), lang);
        let s = r
            .sections
            .iter()
            .find(|s| s.heading.contains(lang.pick("整改", "Rectification")))
            .unwrap();
        let paras: Vec<&Block> = s
            .blocks
            .iter()
            .filter(|b| !matches!(b, Block::Subheading(_)))
            .collect();
        assert_eq!(paras, vec![&Block::Paragraph(none.into()); 3]);
    }
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let t = table_after(&r, "整改", "已完成").unwrap();
    assert_eq!(
        t.rows,
        [["台账资料归档不及时", "李四", "2026年2月28日", "已完成"]]
    );
}

#[test]
fn the_closing_line_carries_todays_date_not_the_clock() {
    let ledger = ledger();
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::Zh,
    );
    assert_eq!(r.closing.last().unwrap(), "2026年11月2日");
    assert!(to_markdown(&r).contains("统计截至2026年11月2日"));
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::En,
    );
    assert_eq!(r.closing.last().unwrap(), "2 November 2026");
}

#[test]
fn the_secretary_reports_on_the_secretary_list_and_a_leader_on_the_other() {
    let v = view();
    let sec = to_markdown(&report::shuze(&v, id_of(&v, "张三"), Lang::Zh));
    assert!(
        sec.contains("党支部书记责任清单") && sec.contains("廉政谈话全覆盖"),
        "{sec}"
    );
    assert!(!sec.contains("分管部门廉政谈话"));
    assert!(sec.contains("本人联系点：一车间。"));
    let lead = report::shuze(&v, id_of(&v, "李四"), Lang::Zh);
    let md = to_markdown(&lead);
    assert!(md.contains("其他班子成员责任清单") && md.contains("分管部门廉政谈话"));
    assert!(!md.contains("廉政谈话全覆盖"));
    assert!(md.contains("本人联系点：二车间、三车间。"));
    // The talks 李四 owes: each head of the department they oversee not yet talked to.
    let owed = table_after(&lead, "谈话情况", "尚未开展").unwrap();
    assert_eq!(owed.rows, [["分管部门廉政谈话", "王五"]]);
    // Records taken part in, and the part played.
    let took = table_after_section(&lead, "参加会议").unwrap();
    assert_eq!(row(took, &["参观廉政教育基地"]).unwrap()[3], "主持");
    assert_eq!(row(took, &["学习全国两会精神"]).unwrap()[3], "参加");
    assert!(
        row(took, &["年度谈心谈话"]).is_none(),
        "talks have their own section"
    );
}
