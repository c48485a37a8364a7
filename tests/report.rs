//! The reports a branch hands in: the annual report and the 述责述廉 draft,
//! as Markdown, HTML and DOCX, built from a small fixed ledger.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "report/fixture.rs"]
mod fixture;
#[path = "report/formats.rs"]
mod formats;
#[path = "cli_support/python.rs"]
mod python;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use fixture::{
    assert_chinese_typesetting, blocks_of, d, fixes, id_of, ledger, para_after, rec, row,
    table_after, table_after_section, view, view_of,
};
use taizhang::core::catalogue::ListId;
use taizhang::core::{RecordKind, YearView};
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

/// The figures a part of 主要做法和成效 must state, counted here from the
/// engine's per-duty records: each kind of work in the area and how often.
fn area_counts(v: &YearView, l: ListId) -> Vec<(String, usize)> {
    let ids: BTreeSet<_> = v
        .catalogue
        .in_list(l)
        .filter_map(|d| v.progress_of(&d.id))
        .flat_map(|p| p.records.iter().copied())
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in v.records.iter().filter(|r| ids.contains(&r.id)) {
        match counts.iter_mut().find(|(k, _)| k == r.kind.zh()) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.kind.zh().to_string(), 1)),
        }
    }
    counts
}

#[test]
fn every_number_comes_from_the_ledger() {
    let ledger = ledger();
    let check = |v: &YearView| {
        let r = report::annual(v, &fixes(), Lang::Zh);
        let md = to_markdown(&r);
        assert!(
            md.contains(&format!("共登记工作记录{}条", v.records.len())),
            "{md}"
        );
        assert!(md.contains(&format!("责任清单共{}项职责", v.catalogue.duties.len())));
        // Each area states every kind of its work with its count.
        for l in ListId::ALL {
            let Some(text) = para_after(&r, "主要做法", taizhang::i18n::domain::list(Lang::Zh, l))
            else {
                continue;
            };
            for (kind, n) in area_counts(v, l) {
                assert!(
                    text.contains(&format!("{kind}{n}次")),
                    "{l:?}: {kind} {n} in {text}"
                );
            }
        }
        // The 整改 figures are those handed in.
        let f = fixes();
        assert!(md.contains(&format!(
            "本年度新增整改事项{}项，完成整改{}项",
            f.opened.len(),
            f.closed.len()
        )));
        // The duty annex shows the engine's target, done and status.
        let b2 = v
            .catalogue
            .duties
            .iter()
            .find(|d| d.title == "专题研究全面从严治党")
            .unwrap();
        let p = v.progress_of(&b2.id).unwrap();
        let t = table_after(&r, "责任清单落实情况表", "党支部班子责任清单").unwrap();
        let line = row(t, &["专题研究全面从严治党"]).unwrap();
        assert_eq!(line[3], p.target.to_string());
        assert_eq!(line[4], p.done.to_string());
        assert_eq!(line[5], taizhang::i18n::domain::status(Lang::Zh, p.status));
        // Each dated list in the record annex holds its own records.
        let meetings = v
            .records
            .iter()
            .filter(|r| r.kind.category() == taizhang::core::record::Category::Meeting)
            .count();
        let t = table_after(&r, "工作记录", "会议").unwrap();
        assert_eq!(t.rows.len(), meetings);
        r
    };
    let v = view_of(&ledger);
    check(&v);
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
    let r = check(&v2);
    let t = table_after(&r, "工作记录", "会议").unwrap();
    let line = row(t, &["学习全国两会精神"]).unwrap();
    assert_eq!(line[1], "2026年3月12日");
    assert_eq!(line[4], "张三");
    assert_eq!(line[5], "3");
}

#[test]
fn tables_sit_only_in_the_annexes_and_show_no_ids() {
    let v = view();
    for r in [
        report::annual(&v, &fixes(), Lang::Zh),
        report::shuze(&v, id_of(&v, "李四"), Lang::Zh),
    ] {
        for s in &r.sections {
            assert!(
                !s.blocks.iter().any(|b| matches!(b, Block::Table(_))),
                "a table in {}",
                s.heading
            );
        }
        assert!(
            r.annexes
                .iter()
                .any(|a| a.blocks.iter().any(|b| matches!(b, Block::Table(_))))
        );
        for text in r.texts() {
            for d in &v.catalogue.duties {
                let id = d.id.as_str();
                let leaks = text.match_indices(id).any(|(at, _)| {
                    let after = text[at + id.len()..].chars().next();
                    let before = text[..at].chars().next_back();
                    !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
                        && !before.is_some_and(|c| c.is_ascii_alphanumeric())
                });
                assert!(!leaks, "duty id {id} in {text:?}");
            }
            assert!(!text.contains("记录 #"), "a record id in {text:?}");
            assert!(!text.contains('→') && !text.contains('·'), "{text:?}");
        }
    }
}

#[test]
fn evidence_duties_never_show_a_bare_zero() {
    let v = view();
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let mut evidence = 0;
    for d in &v.catalogue.duties {
        let p = v.progress_of(&d.id).unwrap();
        if !report::evidence_only(d, p) {
            continue;
        }
        evidence += 1;
        let cell = r
            .annexes
            .iter()
            .flat_map(|a| a.blocks.iter())
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| t.rows.iter())
            .find(|row| row.len() == 6 && row[1].ends_with(d.title.as_str()))
            .unwrap_or_else(|| panic!("no row for {}", d.title));
        let want = if p.records.is_empty() {
            "暂无记录".to_string()
        } else {
            format!("已留痕{}条", p.records.len())
        };
        assert_eq!(cell[4], want, "{}", d.title);
        assert_eq!(cell[3], "—");
    }
    assert!(evidence > 20, "the catalogue has evidence duties");
}

#[test]
fn problems_are_drafted_from_the_shortfalls_with_one_placeholder_each() {
    // Seen after the year: every shortfall is final.
    let v = ledger()
        .year_view(2026, NaiveDate::from_ymd_opt(2027, 1, 10).unwrap())
        .unwrap();
    let mut f = fixes();
    f.overdue = f.opened.clone();
    let r = report::annual(&v, &f, Lang::Zh);
    let problems = blocks_of(&r, "存在的问题").unwrap();
    let titles: Vec<&str> = problems
        .iter()
        .filter_map(|b| match b {
            Block::Subheading(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    // The secretary still owes talks: the talk duty is a problem, naming them.
    let talk = titles
        .iter()
        .find(|t| t.contains("廉政谈话全覆盖"))
        .unwrap();
    assert!(talk.starts_with('（'), "{talk}");
    let md = to_markdown(&r);
    assert!(md.contains("张三与赵六的谈话尚未开展"), "{md}");
    assert!(titles.last().unwrap().ends_with("整改落实不够及时"));
    assert!(md.contains("“组织生活会批评意见不够具体”（责任人张三，时限2026年6月30日）"));
    // Every shortfall the engine reports (bar sub-duties) is one problem.
    let expected = v
        .catalogue
        .duties
        .iter()
        .filter(|d| !matches!(d.rule, taizhang::core::Rule::Evidence))
        .filter(|d| {
            let p = v.progress_of(&d.id).unwrap();
            matches!(
                p.status,
                taizhang::core::progress::Status::Overdue
                    | taizhang::core::progress::Status::Behind
            ) && p
                .missing
                .iter()
                .any(|m| !matches!(m, taizhang::core::progress::Missing::Child { .. }))
        })
        .count();
    // Plus one for the overdue 整改 and one for the evidence duties a past
    // year left with nothing on file, when there are any.
    let undocumented = v
        .progress
        .iter()
        .any(|p| p.status == taizhang::core::progress::Status::NoEvidence);
    assert_eq!(titles.len(), expected + 1 + usize::from(undocumented));
    let next = blocks_of(&r, "下一步打算").unwrap();
    let placeholders: Vec<&Block> = next
        .iter()
        .filter(|b| matches!(b, Block::Placeholder(_)))
        .collect();
    assert_eq!(placeholders.len(), titles.len() + 1);
    for t in &titles {
        let title = t.split_once('）').unwrap().1;
        assert!(
            placeholders.iter().any(
                |b| matches!(b, Block::Placeholder(p) if p.contains(&format!("针对“{title}”")))
            ),
            "no placeholder for {title}"
        );
    }
}

#[test]
fn sub_duties_follow_their_parent() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    let t = table_after(&r, "责任清单落实情况表", "从严抓政治建设").unwrap();
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
    let t = table_after(&r, "谈话全覆盖情况表", "廉政谈话全覆盖").unwrap();
    let pairs = taizhang::core::progress::required_pairs(
        &v.roster,
        taizhang::core::PairScope::SecretaryWithLeadersAndHeads,
    );
    assert_eq!(t.rows.len(), pairs.len());
    assert_eq!(
        row(t, &["张三", "李四"]).unwrap()[3..],
        ["已谈", "2026年3月2日"]
    );
    assert_eq!(row(t, &["张三", "赵六"]).unwrap()[3..], ["未谈", "—"]);
    let md = to_markdown(&r);
    assert!(
        md.contains(&format!("廉政谈话全覆盖应谈{}人次，已谈2人次", pairs.len())),
        "{md}"
    );
}

#[test]
fn rectification_items_are_listed_in_the_annex() {
    let v = view();
    let r = report::annual(&v, &RectificationSummary::default(), Lang::Zh);
    assert!(to_markdown(&r).contains("本年度新增整改事项0项，完成整改0项"));
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let t = table_after(&r, "工作记录", "整改事项").unwrap();
    assert_eq!(
        t.rows,
        [[
            "1",
            "组织生活会批评意见不够具体",
            "张三",
            "2026年6月30日",
            "整改中"
        ]]
    );
}

#[test]
fn dates_are_today_and_a_past_year_stands_at_its_last_day() {
    let ledger = ledger();
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::Zh,
    );
    assert_eq!(r.closing.last().unwrap(), "2026年11月2日");
    assert!(to_markdown(&r).contains("截至2026年11月2日"));
    let later = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
    let r = report::annual(&ledger.year_view(2026, later).unwrap(), &fixes(), Lang::Zh);
    let md = to_markdown(&r);
    assert!(md.contains("截至2026年12月31日"), "{md}");
    assert!(!md.contains("截至2027"));
    assert_eq!(r.closing.last().unwrap(), "2027年2月3日");
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::En,
    );
    assert_eq!(r.closing.last().unwrap(), "2 November 2026");
}

#[test]
fn a_sealed_year_prints_its_digest_in_the_note() {
    let ledger = ledger();
    let seal = ledger.seal_year(2026).unwrap();
    let mut r = report::annual(&view_of(&ledger), &fixes(), Lang::Zh);
    r.note = Some(report::seal_note(Lang::Zh, &seal, true));
    let md = to_markdown(&r);
    assert!(md.contains(&seal.digest.hex()), "{md}");
    assert!(md.contains(&format!(
        "（本报告依据的2026年度台账已封存，共{}条记录",
        seal.records
    )));
}

#[test]
fn the_secretary_reports_on_the_secretary_list_and_a_leader_on_the_other() {
    let v = view();
    let sec = report::shuze(&v, id_of(&v, "张三"), Lang::Zh);
    let md = to_markdown(&sec);
    assert!(
        md.contains("党支部书记责任清单") && md.contains("廉政谈话全覆盖"),
        "{md}"
    );
    assert!(!md.contains("分管部门廉政谈话"));
    assert!(md.contains("本人联系一车间"));
    let lead = report::shuze(&v, id_of(&v, "李四"), Lang::Zh);
    let md = to_markdown(&lead);
    assert!(md.contains("领导班子其他成员责任清单") && md.contains("分管部门廉政谈话"));
    assert!(md.contains("本人联系二车间、三车间"));
    // 李四 owes the talk with 王五, the head of the department he oversees.
    assert!(md.contains("与王五的谈话尚未开展"), "{md}");
    // Only his own acts: the talk 张三 held with him is not his.
    let mine = table_after_section(&lead, "本人工作记录").unwrap();
    assert_eq!(row(mine, &["参观廉政教育基地"]).unwrap()[4], "主持");
    assert_eq!(row(mine, &["学习全国两会精神"]).unwrap()[4], "参加");
    assert_eq!(row(mine, &["年度谈心谈话"]).unwrap()[4], "与孙七谈话");
    assert!(
        !mine.rows.iter().any(|r| r[1] == "2026年3月2日"),
        "张三's talk with 李四 is not 李四's act"
    );
    assert!(md.contains("全年开展谈心谈话1次，谈话对象1人。"), "{md}");
}
