#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Who must act (issue 10.3, 10.4): a duty's actor (主持人/谈话人 must be the
//! 书记, or the leader who oversees the partner's department), group talks
//! (集体谈话) on one-to-one duties, and 谈心谈话 pair coverage by class.
//! Catalogues are built here, so the embedded data cannot move the results.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::progress::{ClassCover, Progress, Refusal, evaluate, required_pairs};
use taizhang::core::rule::{Actor, PairClass};
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, ListId, Missing, NewRecord, PairScope, Period, Person,
    PersonId, Record, RecordId, RecordKind, Role, Roster, Rule,
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn duty(rule: Rule, actor: Option<Actor>, one_to_one: bool) -> Duty {
    Duty {
        id: DutyId("x".into()),
        list: ListId::Branch,
        seed_ref: "test".into(),
        title: "x".into(),
        title_en: "x".into(),
        text: String::new(),
        binds: Binds::Branch,
        parent: None,
        counts: vec![RecordKind::IntegrityTalk],
        rule,
        actor,
        one_to_one,
        source: "test".into(),
    }
}

fn rec(id: u64, date: NaiveDate, host: Option<u32>, with: &[u32]) -> Record {
    Record {
        id: RecordId(id),
        kind: if with.is_empty() {
            RecordKind::SpecialMeeting
        } else {
            RecordKind::IntegrityTalk
        },
        date,
        topic: format!("r{id}"),
        host: host.map(PersonId),
        attendees: Vec::new(),
        absentees: Vec::new(),
        partners: with.iter().copied().map(PersonId).collect(),
        duties: vec![DutyId("x".into())],
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(1, 1).and_hms_opt(0, 0, 0).unwrap(),
        covers_year: None,
    }
}

fn person(id: u32, roles: &[Role], dept: Option<&str>, oversees: &[&str]) -> Person {
    Person {
        id: PersonId(id),
        name: format!("p{id}"),
        roles: roles.to_vec(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|s| (*s).into()).collect(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

/// 1 secretary; 2 leader overseeing 办公室 and 财务; 3 deputy secretary
/// heading 财务 and overseeing 生产; 4 head of 办公室; 5 head of 生产;
/// 6 member; 7 committee member (委员).
fn branch() -> Roster {
    Roster::new(vec![
        person(1, &[Role::Secretary], None, &[]),
        person(2, &[Role::Leader], None, &["办公室", "财务"]),
        person(
            3,
            &[Role::DeputySecretary, Role::DeptHead],
            Some("财务"),
            &["生产"],
        ),
        person(4, &[Role::DeptHead], Some("办公室"), &[]),
        person(5, &[Role::DeptHead], Some("生产"), &[]),
        person(6, &[Role::Member], None, &[]),
        person(7, &[Role::CommitteeMember], None, &[]),
    ])
}

fn one(duty: Duty, records: &[Record]) -> Progress {
    let cat = Catalogue { duties: vec![duty] };
    evaluate(&cat, &branch(), records, 2026, d(12, 31)).remove(0)
}

fn ids(p: &Progress) -> (Vec<u64>, Vec<u64>) {
    (
        p.records.iter().map(|r| r.0).collect(),
        p.not_counted.iter().map(|n| n.record.0).collect(),
    )
}

/// s2: the 书记 must host. Records hosted by anyone else, or by nobody,
/// are kept aside with the reason.
#[rstest]
#[case::secretary_hosts(vec![Some(1), Some(1)], 2, vec![])]
#[case::deputy_hosts(vec![Some(3), Some(1)], 1, vec![1])]
#[case::no_host(vec![None, Some(1)], 1, vec![1])]
#[case::nobody_right(vec![Some(2), Some(7)], 0, vec![1, 2])]
fn a_meeting_counts_only_when_the_secretary_hosts(
    #[case] hosts: Vec<Option<u32>>,
    #[case] done: u32,
    #[case] refused: Vec<u64>,
) {
    let recs: Vec<Record> = (1u64..)
        .zip(&hosts)
        .map(|(i, h)| rec(i, d(3, u32::try_from(i).unwrap()), *h, &[]))
        .collect();
    let p = one(
        duty(
            Rule::Count {
                min: 2,
                per: Period::Year,
            },
            Some(Actor::Secretary),
            false,
        ),
        &recs,
    );
    assert_eq!((p.done, p.target), (done, 2));
    assert_eq!(ids(&p).1, refused);
    for n in &p.not_counted {
        let host = recs[usize::try_from(n.record.0 - 1).unwrap()].host;
        assert_eq!(
            n.why,
            Refusal::Actor {
                need: Actor::Secretary,
                host
            }
        );
    }
}

/// m2: a talk counts for the pair only when its talker oversees the
/// partner's department. A 书记's talk never does.
#[rstest]
#[case::overseer(2, vec![4], vec![(2, 4)], vec![])]
#[case::secretary_never(1, vec![4], vec![], vec![1])]
#[case::leader_not_overseeing(3, vec![4], vec![], vec![1])]
#[case::group_talk_accepted(2, vec![3, 4], vec![(2, 4), (2, 3)], vec![])]
#[case::group_talk_counts_only_overseen(2, vec![4, 5], vec![(2, 4)], vec![])]
fn an_overseen_heads_talk_needs_the_overseer(
    #[case] host: u32,
    #[case] with: Vec<u32>,
    #[case] covered: Vec<(u32, u32)>,
    #[case] refused: Vec<u64>,
) {
    let p = one(
        duty(
            Rule::TalkCoverage {
                pairs: PairScope::LeadersWithOverseenHeads,
            },
            Some(Actor::Overseer),
            false,
        ),
        &[rec(1, d(2, 1), Some(host), &with)],
    );
    let got: Vec<(u32, u32)> = p
        .pairs
        .iter()
        .filter(|c| c.covered.is_some())
        .map(|c| (c.from.0, c.to.0))
        .collect();
    let mut want = covered.clone();
    want.sort_unstable();
    let mut got_sorted = got.clone();
    got_sorted.sort_unstable();
    assert_eq!(got_sorted, want);
    assert_eq!(p.done, u32::try_from(covered.len()).unwrap());
    assert_eq!(p.target, 3, "pairs (2,4), (2,3), (3,5)");
    assert_eq!(ids(&p).1, refused);
}

/// s3 ("分别"): a talk with several partners is a 集体谈话 and never counts
/// as separate one-to-one talks; one record per person does.
#[rstest]
#[case::group_talk(vec![vec![2, 3, 4, 5]], 0, vec![1])]
#[case::one_each(vec![vec![2], vec![3], vec![4], vec![5]], 4, vec![])]
#[case::mixed(vec![vec![2], vec![3, 4]], 1, vec![2])]
fn one_to_one_duties_refuse_group_talks(
    #[case] talks: Vec<Vec<u32>>,
    #[case] done: u32,
    #[case] refused: Vec<u64>,
) {
    let recs: Vec<Record> = (1u64..)
        .zip(&talks)
        .map(|(i, with)| rec(i, d(4, 1), Some(1), with))
        .collect();
    let p = one(
        duty(
            Rule::TalkCoverage {
                pairs: PairScope::SecretaryWithLeadersAndHeads,
            },
            Some(Actor::Secretary),
            true,
        ),
        &recs,
    );
    assert_eq!((p.done, p.target), (done, 4));
    assert_eq!(ids(&p).1, refused);
    for n in &p.not_counted {
        assert!(matches!(n.why, Refusal::GroupTalk { partners } if partners > 1));
    }
}

/// A duty with no actor and no one-to-one rule counts every linked record,
/// group talks included: nothing changes for it.
#[test]
fn duties_without_a_requirement_count_as_before() {
    let p = one(
        duty(
            Rule::Count {
                min: 2,
                per: Period::Year,
            },
            None,
            false,
        ),
        &[
            rec(1, d(1, 5), Some(6), &[2, 3]),
            rec(2, d(1, 6), None, &[]),
        ],
    );
    assert_eq!((p.done, p.not_counted.len()), (2, 0));
}

fn heart() -> Duty {
    duty(
        Rule::TalkCoverage {
            pairs: PairScope::MembersWithEachOther,
        },
        None,
        true,
    )
}

/// 谈心谈话 (支部工作条例 第十九条): every two members once a year, whoever
/// leads, in three classes. 支委 here: 1, 3 (deputy) and 7.
#[test]
fn heart_talks_cover_every_two_members_in_three_classes() {
    let pairs = required_pairs(&branch(), PairScope::MembersWithEachOther);
    assert_eq!(pairs.len(), 7 * 6 / 2);
    let p = one(heart(), &[]);
    assert_eq!((p.done, p.target), (0, 21));
    assert_eq!(
        p.classes,
        vec![
            ClassCover {
                class: PairClass::CommitteeCommittee,
                done: 0,
                target: 3
            },
            ClassCover {
                class: PairClass::CommitteeMember,
                done: 0,
                target: 12
            },
            ClassCover {
                class: PairClass::MemberMember,
                done: 0,
                target: 6
            },
        ]
    );
    assert!(
        p.missing
            .iter()
            .all(|m| matches!(m, Missing::Between { .. }))
    );
}

#[rstest]
// 7 talks to 1: covers {1,7} whoever leads.
#[case::reversed_direction(vec![(7, vec![1])], [1, 0, 0])]
#[case::committee_with_member(vec![(1, vec![6])], [0, 1, 0])]
#[case::member_with_member(vec![(4, vec![6]), (6, vec![4])], [0, 0, 1])]
// A group heart talk covers no pair.
#[case::group_talk(vec![(1, vec![3, 7])], [0, 0, 0])]
fn heart_talk_pairs_by_class(#[case] talks: Vec<(u32, Vec<u32>)>, #[case] want: [u32; 3]) {
    let recs: Vec<Record> = (1u64..)
        .zip(&talks)
        .map(|(i, (h, with))| {
            let mut r = rec(i, d(5, 1), Some(*h), with);
            r.kind = RecordKind::HeartTalk;
            r
        })
        .collect();
    let p = one(heart(), &recs);
    let got: Vec<u32> = p.classes.iter().map(|c| c.done).collect();
    assert_eq!(got, want.to_vec());
    assert_eq!(p.done, want.iter().sum::<u32>());
}

/// `add` without `--duty` links only the duties this talker can act for:
/// a 书记's 廉政谈话 goes to s3, an overseeing leader's to m2.
#[rstest]
#[case::secretary("p1", "p4", &["s3"])]
#[case::overseer("p2", "p4", &["m2"])]
#[case::neither("p3", "p4", &[])]
fn prefill_follows_who_acts(#[case] host: &str, #[case] with: &str, #[case] want: &[&str]) {
    let cat = Catalogue::embedded();
    let new = NewRecord {
        kind: Some(RecordKind::IntegrityTalk),
        date: Some(d(6, 1)),
        host: Some(host.into()),
        partners: vec![with.into()],
        ..NewRecord::default()
    };
    let draft = new.validate(&cat, &branch()).unwrap();
    let got: Vec<&str> = draft.duties.iter().map(DutyId::as_str).collect();
    assert_eq!(got, want);
}

/// The shipped catalogue says who acts, from the seed's wording.
#[rstest]
#[case::s2_secretary_hosts("s2", Some(Actor::Secretary), false)]
#[case::s3_separately("s3", Some(Actor::Secretary), true)]
#[case::m2_overseer("m2", Some(Actor::Overseer), false)]
#[case::k1_2h_one_to_one("k1-2h", None, true)]
#[case::b2_branch("b2", None, false)]
fn the_catalogue_names_who_acts(
    #[case] id: &str,
    #[case] actor: Option<Actor>,
    #[case] one_to_one: bool,
) {
    let cat = Catalogue::embedded();
    let duty = cat.duty(&DutyId(id.into())).unwrap();
    assert_eq!((duty.actor, duty.one_to_one), (actor, one_to_one));
}

#[test]
fn heart_talks_in_the_catalogue_are_pair_coverage_citing_article_19() {
    let cat = Catalogue::embedded();
    let duty = cat.duty(&DutyId("k1-2h".into())).unwrap();
    assert_eq!(
        duty.rule,
        Rule::TalkCoverage {
            pairs: PairScope::MembersWithEachOther
        }
    );
    assert!(duty.source.contains("第十九条"), "{}", duty.source);
}

#[test]
fn a_bad_actor_is_refused_at_its_line() {
    let text = Catalogue::embedded().to_toml().replacen(
        "actor = \"secretary\"",
        "actor = \"chairman\"",
        1,
    );
    let err = Catalogue::from_toml(&text).unwrap_err();
    let line = text.lines().position(|l| l.contains("chairman")).unwrap() + 1;
    assert_eq!(err.line, line, "{err}");
    assert!(err.message.contains("chairman"), "{err}");
}

#[test]
fn who_acts_round_trips_through_the_file() {
    let cat = Catalogue::embedded();
    let text = cat.to_toml();
    assert!(text.contains("actor = \"overseer\""));
    assert!(text.contains("one_to_one = true"));
    assert_eq!(Catalogue::from_toml(&text).unwrap(), cat);
}
