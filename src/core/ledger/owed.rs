//! The talk-coverage duties and which talks are still owed, decided once:
//! the talk matrix (TUI and reports) reads `talk_duties`; the overview's and
//! the talk screen's list and the `--short` line's count read `owed_talks`.

use super::YearView;
use crate::core::catalogue::{Duty, DutyId};
use crate::core::progress::{Missing, Progress};
use crate::core::roster::PersonId;
use crate::core::rule::Rule;

/// A talk a coverage duty still needs: the duty, who talks, with whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwedTalk {
    pub duty: DutyId,
    pub host: PersonId,
    pub partner: PersonId,
}

impl OwedTalk {
    /// The two people, whoever leads: one talk between them can serve
    /// several duties.
    fn people(&self) -> (PersonId, PersonId) {
        (self.host.min(self.partner), self.host.max(self.partner))
    }
}

impl YearView {
    /// The talk-coverage duties of the catalogue, in order, with their
    /// progress (its `pairs`: every required pair and the talk covering it).
    pub fn talk_duties(&self) -> impl Iterator<Item = (&Duty, &Progress)> {
        self.catalogue
            .duties
            .iter()
            .zip(&self.progress)
            .filter(|(d, _)| matches!(d.rule, Rule::TalkCoverage { .. }))
    }

    /// Every talk the coverage duties still need, each pair of people once,
    /// in catalogue order. A pair two duties need is listed for the first,
    /// unless a later one needs it led by a given person (书记 → head):
    /// then for that one, since the talk it asks for serves the undirected
    /// duty (谈心谈话, whoever leads) as well, and not the other way round.
    pub fn owed_talks(&self) -> Vec<OwedTalk> {
        let mut out: Vec<(OwedTalk, bool)> = Vec::new();
        for (duty, p) in self.talk_duties() {
            for m in &p.missing {
                let (talk, directed) = match m {
                    Missing::Pair { from, to } => ((*from, *to), true),
                    Missing::Between { a, b, .. } => ((*a, *b), false),
                    _ => continue,
                };
                let owed = OwedTalk {
                    duty: duty.id.clone(),
                    host: talk.0,
                    partner: talk.1,
                };
                match out.iter_mut().find(|(o, _)| o.people() == owed.people()) {
                    None => out.push((owed, directed)),
                    Some(slot) if directed && !slot.1 => *slot = (owed, directed),
                    Some(_) => {}
                }
            }
        }
        out.into_iter().map(|(o, _)| o).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::roster::Roster;
    use crate::core::rule::{PairClass, PairScope};

    /// The embedded catalogue's year with no roster, its talk duties' owed
    /// pairs set by hand: (scope of the duty, what it owes).
    fn view_owing(owing: &[(PairScope, Vec<Missing>)]) -> YearView {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut view = YearView::new(
            2026,
            today,
            Catalogue::embedded(),
            Roster::default(),
            Vec::new(),
            Vec::new(),
            false,
        );
        for (duty, p) in view.catalogue.duties.iter().zip(view.progress.iter_mut()) {
            p.missing = match duty.rule {
                Rule::TalkCoverage { pairs } => owing
                    .iter()
                    .find(|(scope, _)| *scope == pairs)
                    .map(|(_, m)| m.clone())
                    .unwrap_or_default(),
                // Another duty's missing people are no talks.
                _ => vec![Missing::Person {
                    person: PersonId(1),
                }],
            };
        }
        view
    }

    fn duty_of(view: &YearView, scope: PairScope) -> DutyId {
        let d = view
            .catalogue
            .duties
            .iter()
            .find(|d| matches!(d.rule, Rule::TalkCoverage { pairs } if pairs == scope));
        d.unwrap().id.clone()
    }

    fn pair(from: u32, to: u32) -> Missing {
        Missing::Pair {
            from: PersonId(from),
            to: PersonId(to),
        }
    }

    fn between(a: u32, b: u32) -> Missing {
        Missing::Between {
            a: PersonId(a),
            b: PersonId(b),
            class: PairClass::CommitteeMember,
        }
    }

    fn talks(view: &YearView) -> Vec<(DutyId, u32, u32)> {
        view.owed_talks()
            .into_iter()
            .map(|o| (o.duty, o.host.0, o.partner.0))
            .collect()
    }

    #[test]
    fn every_pair_of_people_is_owed_once_led_as_a_directed_duty_asks() {
        use PairScope::SecretaryWithLeadersAndHeads as Secretary;
        use PairScope::{LeadersWithOverseenHeads as Leaders, MembersWithEachOther as Members};
        let view = view_owing(&[
            (Secretary, vec![pair(1, 2), pair(1, 3), pair(1, 2)]),
            (Leaders, vec![pair(4, 3)]),
            // 谈心谈话: (2,1) is the 书记's pair 1 → 2 the other way round;
            // (3,4) the leader's 4 → 3; (5,6) no one else's.
            (Members, vec![between(2, 1), between(3, 4), between(5, 6)]),
        ]);
        let (sec, lead, mem) = (
            duty_of(&view, Secretary),
            duty_of(&view, Leaders),
            duty_of(&view, Members),
        );
        assert_eq!(
            talks(&view),
            vec![(sec.clone(), 1, 2), (sec, 1, 3), (lead, 4, 3), (mem, 5, 6),]
        );
    }

    #[test]
    fn a_directed_duty_later_in_the_catalogue_names_the_host() {
        // Only the undirected duty is checked first when the catalogue puts
        // it first: move 谈心谈话 to the front.
        let mut view = view_owing(&[
            (PairScope::SecretaryWithLeadersAndHeads, vec![pair(1, 2)]),
            (
                PairScope::MembersWithEachOther,
                vec![between(2, 1), between(2, 3)],
            ),
        ]);
        let at = view
            .catalogue
            .duties
            .iter()
            .position(|d| {
                matches!(d.rule, Rule::TalkCoverage { pairs } if pairs == PairScope::MembersWithEachOther)
            })
            .unwrap();
        let d = view.catalogue.duties.remove(at);
        let p = view.progress.remove(at);
        view.catalogue.duties.insert(0, d);
        view.progress.insert(0, p);
        let sec = duty_of(&view, PairScope::SecretaryWithLeadersAndHeads);
        let mem = duty_of(&view, PairScope::MembersWithEachOther);
        // The pair keeps its place (first), the 书记 leads it.
        assert_eq!(talks(&view), vec![(sec, 1, 2), (mem, 2, 3)]);
    }

    #[test]
    fn nothing_is_owed_without_talk_duties_missing_pairs() {
        assert!(view_owing(&[]).owed_talks().is_empty());
    }
}
