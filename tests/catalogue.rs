#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The embedded catalogue holds every duty of the seed with its quota, and a
//! catalogue file is refused with the line to fix.

use rstest::rstest;
use taizhang::core::catalogue::EMBEDDED;
use taizhang::core::{
    Binds, Catalogue, DutyId, ListId, PairScope, Part, Period, RecordKind, RoleScope, Rule,
};

fn cat() -> Catalogue {
    Catalogue::from_toml(EMBEDDED).expect("embedded catalogue parses")
}

fn duty<'a>(c: &'a Catalogue, id: &str) -> &'a taizhang::core::Duty {
    c.duty(&DutyId(id.into()))
        .unwrap_or_else(|| panic!("duty {id} is missing"))
}

fn top_ids(c: &Catalogue, list: ListId) -> Vec<String> {
    c.in_list(list)
        .filter(|d| d.parent.is_none())
        .map(|d| d.id.0.clone())
        .collect()
}

#[test]
fn embedded_parses_and_matches_embedded_fn() {
    let c = cat();
    assert!(!c.duties.is_empty());
    assert_eq!(Catalogue::embedded(), c);
}

#[test]
fn the_three_lists_hold_9_10_and_8_items() {
    let c = cat();
    let ids = |p: &str, n: usize| (1..=n).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
    assert_eq!(top_ids(&c, ListId::Branch), ids("b", 9));
    assert_eq!(top_ids(&c, ListId::Secretary), ids("s", 10));
    // 三(三)(2) holds two duties: the yearly talks with the heads overseen
    // (m2) and the regular review of the area overseen (m2r, per person).
    let mut members = ids("m", 8);
    members.insert(2, "m2r".into());
    assert_eq!(top_ids(&c, ListId::OtherMembers), members);
    for (list, binds) in [
        (ListId::Branch, Binds::Branch),
        (ListId::Secretary, Binds::Secretary),
        (ListId::OtherMembers, Binds::EachOtherMember),
    ] {
        assert!(c.in_list(list).all(|d| d.binds == binds), "{list:?}");
    }
}

#[test]
fn the_seven_areas_hold_19_items_and_safeguards_3() {
    let c = cat();
    let areas = [
        ListId::Political,
        ListId::Ideological,
        ListId::Discipline,
        ListId::Cadres,
        ListId::Grassroots,
        ListId::Conduct,
        ListId::Integrity,
    ];
    let sizes = [3, 3, 3, 3, 2, 2, 3];
    for (a, (list, n)) in areas.iter().zip(sizes).enumerate() {
        let want: Vec<String> = (1..=n).map(|i| format!("k{}-{i}", a + 1)).collect();
        assert_eq!(top_ids(&c, *list), want, "{list:?}");
        assert!(c.in_list(*list).all(|d| d.binds == Binds::Branch));
    }
    assert_eq!(top_ids(&c, ListId::Safeguards), ["g1", "g2", "g3"]);
    // 49 clauses of the seed, 三(三)(2) counted as its two duties.
    assert_eq!(c.top_level().count(), 50);
    assert_eq!(sizes.iter().sum::<usize>(), 19);
}

#[test]
fn refs_follow_the_seed_numbering() {
    let c = cat();
    assert_eq!(duty(&c, "s3").seed_ref, "三(二)(3)");
    assert_eq!(duty(&c, "b7").seed_ref, "三(一)(7)");
    assert_eq!(duty(&c, "m8").seed_ref, "三(三)(8)");
    assert_eq!(duty(&c, "k1-3").seed_ref, "二(一)3");
    assert_eq!(duty(&c, "k7-1").seed_ref, "二(七)1");
    assert_eq!(duty(&c, "g1").seed_ref, "四(一)");
    for d in &c.duties {
        assert!(
            d.seed_ref.starts_with(d.list.seed_ref()),
            "{}: ref {} is outside {}",
            d.id,
            d.seed_ref,
            d.list.seed_ref()
        );
    }
}

fn count(min: u32, per: Period) -> Rule {
    Rule::Count { min, per }
}

fn per_person(who: RoleScope, per: Period, by: Part) -> Rule {
    Rule::PerPerson {
        who,
        min: 1,
        per,
        by,
    }
}

#[rstest]
#[case("b2", count(2, Period::Year), RecordKind::SpecialMeeting)]
#[case("s2", count(2, Period::Year), RecordKind::SpecialMeeting)]
#[case("k1-3b", count(2, Period::Year), RecordKind::SpecialMeeting)]
#[case("b7", count(12, Period::Year), RecordKind::CentralGroupStudy)]
#[case("s3", Rule::TalkCoverage { pairs: PairScope::SecretaryWithLeadersAndHeads }, RecordKind::IntegrityTalk)]
#[case("m2", Rule::TalkCoverage { pairs: PairScope::LeadersWithOverseenHeads }, RecordKind::IntegrityTalk)]
#[case("m8", Rule::PerPerson { who: RoleScope::OtherLeaders, min: 1, per: Period::Year, by: Part::HostOrPartner }, RecordKind::DutyReport)]
#[case("g1", count(1, Period::Year), RecordKind::AnnualReport)]
#[case("s10", count(1, Period::Year), RecordKind::AnnualReport)]
#[case("s6", count(1, Period::Year), RecordKind::DemocraticLife)]
#[case("k1-3a", Rule::Deadline { month: 3, day: 31 }, RecordKind::WorkPlan)]
#[case(
    "k7-1",
    per_person(RoleScope::LeadersAndHeads, Period::Year, Part::HostOrPartner),
    RecordKind::ResponsibilityLetter
)]
#[case(
    "m5",
    per_person(RoleScope::OtherLeaders, Period::Quarter, Part::Attends),
    RecordKind::GroupMeeting
)]
#[case(
    "m5",
    per_person(RoleScope::OtherLeaders, Period::Quarter, Part::Attends),
    RecordKind::OrganizationalLife
)]
#[case(
    "m2r",
    per_person(RoleScope::OtherLeaders, Period::HalfYear, Part::Host),
    RecordKind::SpecialMeeting
)]
#[case("k6-1", count(1, Period::HalfYear), RecordKind::ConductCheck)]
#[case("g2", count(1, Period::Quarter), RecordKind::Inspection)]
#[case("k2-1", count(1, Period::HalfYear), RecordKind::IdeologyMeeting)]
#[case("k1-2a", count(1, Period::Quarter), RecordKind::GeneralMeeting)]
#[case("k1-2b", count(1, Period::Month), RecordKind::CommitteeMeeting)]
#[case("k1-2c", count(1, Period::Month), RecordKind::GroupMeeting)]
#[case("k1-2d", count(1, Period::Quarter), RecordKind::PartyLecture)]
#[case("k1-2e", count(1, Period::Month), RecordKind::ThemeDay)]
#[case("k1-2f", count(1, Period::Year), RecordKind::OrganizationalLife)]
#[case("k1-2g", count(1, Period::Year), RecordKind::MemberAppraisal)]
#[case("k1-2h", Rule::TalkCoverage { pairs: PairScope::MembersWithEachOther }, RecordKind::HeartTalk)]
#[case("k1-2i", count(1, Period::Year), RecordKind::DemocraticLife)]
fn quotas_from_the_seed_and_norms(#[case] id: &str, #[case] rule: Rule, #[case] kind: RecordKind) {
    let c = cat();
    let d = duty(&c, id);
    assert_eq!(d.rule, rule, "{id}");
    assert!(d.counts.contains(&kind), "{id} should count {kind:?}");
    assert!(
        c.prefill(kind).contains(&d.id),
        "{id} not prefilled by {kind:?}"
    );
}

#[test]
fn contact_points_are_one_or_two_per_leader() {
    let c = cat();
    assert_eq!(
        duty(&c, "k5-1").rule,
        Rule::StandingRange {
            who: RoleScope::Leadership,
            min: 1,
            max: 2
        }
    );
}

#[test]
fn parents_hold_their_sub_duties() {
    let c = cat();
    let kids = |id: &str| -> Vec<String> {
        let id = DutyId(id.into());
        c.children(&id).map(|d| d.id.0.clone()).collect()
    };
    assert_eq!(kids("k1-3"), ["k1-3a", "k1-3b"]);
    let want: Vec<String> = "abcdefghi".chars().map(|s| format!("k1-2{s}")).collect();
    assert_eq!(kids("k1-2"), want);
    for parent in ["k1-2", "k1-3"] {
        let p = duty(&c, parent);
        assert_eq!(p.rule, Rule::Evidence, "{parent}");
        for k in kids(parent) {
            let k = duty(&c, &k);
            assert_eq!(k.list, p.list);
            assert_eq!(k.seed_ref, p.seed_ref);
        }
    }
    // Sub-duties from national norms name the regulation.
    assert!(duty(&c, "k1-2b").source.contains("条例"));
    assert!(duty(&c, "k1-2e").source.contains("中国共产党支部工作条例"));
    assert!(
        duty(&c, "k2-1")
            .source
            .contains("意识形态工作责任制实施办法")
    );
    // Only k1-2 and k1-3 have sub-duties.
    let parents: std::collections::BTreeSet<_> =
        c.duties.iter().filter_map(|d| d.parent.clone()).collect();
    assert_eq!(parents.len(), 2);
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_duty_is_described_fully() {
    let c = cat();
    for d in &c.duties {
        let id = &d.id;
        assert!(!d.title.trim().is_empty(), "{id} title");
        assert!(has_cjk(&d.title), "{id} title is not Chinese");
        assert!(d.title.chars().count() <= 14, "{id} title is too long");
        assert!(
            d.title_en.is_ascii() && !d.title_en.trim().is_empty(),
            "{id} title_en"
        );
        assert!(!d.source.trim().is_empty(), "{id} source");
        assert!(has_cjk(&d.text) && d.text.chars().count() >= 6, "{id} text");
        if d.parent.is_none() {
            // A whole seed item ends its sentence.
            assert!(d.text.ends_with('。'), "{id} text is not the whole item");
            assert!(d.text.chars().count() >= 20, "{id} text is too short");
        }
    }
}

#[test]
fn texts_are_the_seed_wording() {
    let c = cat();
    assert_eq!(
        duty(&c, "b7").text,
        "严格落实理论中心组学习制度，每年至少安排12次专题学习。"
    );
    assert_eq!(
        duty(&c, "s10").text,
        "每年向上级党委报告党支部履行主体责任、本人履行第一责任人责任以及本人和其他班子成员廉洁自律等情况，接受监督和评议。"
    );
    assert!(
        duty(&c, "s3")
            .text
            .contains("每年与领导班子成员、部门负责人分别进行一次廉政谈话")
    );
    assert!(duty(&c, "k1-3").text.starts_with("持续完善制度机制建设。"));
    assert!(duty(&c, "k1-3").text.contains(&duty(&c, "k1-3a").text));
    assert!(duty(&c, "k1-3").text.contains(&duty(&c, "k1-3b").text));
    assert!(
        duty(&c, "k5-1")
            .text
            .contains("班子成员要联系1-2个车间、科室创建党建示范点")
    );
    assert!(duty(&c, "k7-1").text.contains("签订落实责任书"));
    assert!(duty(&c, "g3").text.starts_with("健全责任追究机制。"));
    assert!(duty(&c, "k1-2").text.contains(&duty(&c, "k1-2a").text));
}

#[test]
fn every_record_kind_prefills_some_duty() {
    let c = cat();
    for &kind in RecordKind::ALL {
        let ids = c.prefill(kind);
        // A 专题会议 on another subject (safety, say) counts toward nothing
        // unless the user links it; every other kind counts somewhere.
        if kind == RecordKind::TopicMeeting {
            assert!(ids.is_empty(), "{kind:?} must not count by default");
            continue;
        }
        assert!(!ids.is_empty(), "{kind:?} counts toward no duty");
        assert!(ids.iter().all(|id| c.duty(id).is_some()));
    }
}

/// A seed clause such as `三(二)(6)` or `二(一)3` at the start of a source.
fn cites_seed(source: &str) -> bool {
    let mut chars = source.chars();
    matches!(chars.next(), Some('一' | '二' | '三' | '四')) && chars.next() == Some('(')
}

/// `第十二条`: an article number in Chinese numerals.
fn cites_article(source: &str) -> bool {
    source.split('第').skip(1).any(|rest| {
        let digits: String = rest
            .chars()
            .take_while(|c| "一二三四五六七八九十百零".contains(*c))
            .collect();
        !digits.is_empty() && rest[digits.len()..].starts_with('条')
    })
}

#[test]
fn every_citation_names_an_article_or_says_local_practice() {
    let c = cat();
    for d in &c.duties {
        let s = &d.source;
        let id = &d.id;
        let local = s.contains("本支部惯例");
        let names_regulation = ["条例", "规定", "办法", "准则"]
            .iter()
            .any(|w| s.contains(w));
        assert!(
            cites_seed(s) || cites_article(s) || local,
            "{id}: {s} cites neither the seed, an article, nor local practice"
        );
        if names_regulation {
            assert!(
                cites_article(s) || local,
                "{id}: {s} names a regulation without its article"
            );
        }
        if local {
            // Local practice points to where it comes from in the seed.
            assert!(
                s.contains("二(") || s.contains("三(") || s.contains("四("),
                "{id}: {s} says local practice without the seed section"
            );
        }
    }
    assert!(cites_article("条例（试行）第十二条（…）"));
    assert!(cites_seed("三(二)(6)") && !cites_seed("本支部惯例"));
}

/// The 支部工作条例 puts each frequency in its own article; the ones that
/// bind by local practice say so (confirmed list in the README).
#[rstest]
#[case("k1-2a", "第十一条")]
#[case("k1-2b", "第十二条")]
#[case("k1-2c", "第十三条")]
#[case("k1-2d", "本支部惯例")]
#[case("k1-2e", "第十六条")]
#[case("k1-2f", "第十七条")]
#[case("k1-2g", "第十八条")]
#[case("k1-2h", "第十九条")]
#[case("k1-2i", "三(二)(6)")]
#[case("k2-1", "本支部惯例")]
#[case("k6-1", "本支部惯例（四风抽查检查每半年")]
#[case("g2", "本支部惯例（督导检查每季度")]
#[case("m2r", "本支部惯例（每名其他班子成员每半年")]
#[case("m5", "本支部惯例（每名其他班子成员每季度")]
#[case("k7-1", "每名班子成员和部门负责人每年签订1份为本支部惯例")]
fn national_norms_cite_their_own_article(#[case] id: &str, #[case] want: &str) {
    let c = cat();
    let s = &duty(&c, id).source;
    assert!(s.contains(want), "{id}: {s}");
    assert!(!s.contains("第十五条"), "{id}: {s}");
    // 县以上 organs' 民主生活会 rule does not bind an enterprise branch.
    assert!(!s.contains("县以上"), "{id}: {s}");
}

#[path = "catalogue/file.rs"]
mod file;
