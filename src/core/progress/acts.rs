//! Who must act: a duty may need its records hosted or led by someone in
//! particular (the 书记, the leader who oversees the partner's department),
//! and may refuse group talks. A linked record that fails is kept, with why.

use serde::{Deserialize, Serialize};

use crate::core::catalogue::Duty;
use crate::core::record::{Record, RecordId};
use crate::core::roster::{Eras, PersonId, Roster};
use crate::core::rule::Actor;

/// Why a record linked to a duty does not count toward it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// The host (or talker) is not who the duty needs; `host` is `None`
    /// when the record names nobody.
    Actor { need: Actor, host: Option<PersonId> },
    /// A talk with several people (集体谈话) toward a duty that asks for one
    /// talk with each person.
    GroupTalk { partners: u32 },
}

/// A linked record that does not count, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCounted {
    pub record: RecordId,
    pub why: Refusal,
}

/// Does `host` act as `actor` toward `partner` on the roster `then` (the
/// roster as it stood on the record's date)?
pub fn acts_for(actor: Actor, then: &Roster, host: PersonId, partner: Option<PersonId>) -> bool {
    let Some(person) = then.get(host) else {
        return false;
    };
    if let Some(scope) = actor.scope() {
        return person.in_scope(scope);
    }
    // The overseer: a leader (not the secretary) whose 分管 holds the
    // department of the person talked with.
    let Some(dept) = partner
        .and_then(|id| then.get(id))
        .and_then(|p| p.dept.as_deref())
    else {
        return false;
    };
    person.in_scope(crate::core::rule::RoleScope::OtherLeaders)
        && person.oversees.iter().any(|d| d == dept)
}

/// Why `record`, linked to `duty`, does not count; `None` when it does.
/// `eras` gives the roster as it stood on the record's date.
pub fn refusal(duty: &Duty, eras: &Eras, record: &Record) -> Option<Refusal> {
    if duty.one_to_one && record.partners.len() > 1 {
        return Some(Refusal::GroupTalk {
            partners: u32::try_from(record.partners.len()).unwrap_or(u32::MAX),
        });
    }
    let need = duty.actor?;
    let refused = Some(Refusal::Actor {
        need,
        host: record.host,
    });
    let Some(host) = record.host else {
        return refused;
    };
    let then = eras.at(record.date);
    let ok = if need.scope().is_some() {
        acts_for(need, then, host, None)
    } else {
        record
            .partners
            .iter()
            .any(|p| acts_for(need, then, host, Some(*p)))
    };
    if ok { None } else { refused }
}

/// Would a record with this host and partners count toward `duty`? Used to
/// prefill a new record's duties: a 书记's talk is not offered to the
/// overseeing leaders' duty. An unknown host keeps the duty, so that the
/// reason shows once the record is saved.
pub fn fits(duty: &Duty, roster: &Roster, host: Option<PersonId>, partners: &[PersonId]) -> bool {
    let (Some(need), Some(host)) = (duty.actor, host) else {
        return true;
    };
    if need.scope().is_some() {
        acts_for(need, roster, host, None)
    } else {
        partners.is_empty()
            || partners
                .iter()
                .any(|p| acts_for(need, roster, host, Some(*p)))
    }
}

/// The duties a new record of `kind` counts toward unless the user says
/// otherwise: the kind's catalogue duties, less those this host cannot act
/// for (`fits`). `add`, the TUI form and the demo all prefill with this.
pub fn prefill(
    catalogue: &crate::core::Catalogue,
    roster: &Roster,
    kind: crate::core::RecordKind,
    host: Option<PersonId>,
    partners: &[PersonId],
) -> Vec<crate::core::DutyId> {
    catalogue
        .prefill(kind)
        .into_iter()
        .filter(|id| {
            catalogue
                .duty(id)
                .is_none_or(|d| fits(d, roster, host, partners))
        })
        .collect()
}
