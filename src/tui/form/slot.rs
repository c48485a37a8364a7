//! The record form's fields in focus order. Talk partners only exist for
//! talk kinds, 所属年度 only for kinds that report on the past year; duties
//! come last, so Enter there saves.

use crate::core::{Field, RecordKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Kind,
    Date,
    /// 所属年度, for kinds that usually report on the past year.
    Covers,
    Topic,
    Host,
    Partners,
    Attendees,
    Absentees,
    Notes,
    Duties,
}

impl Slot {
    const ORDER: [Slot; 10] = [
        Slot::Kind,
        Slot::Date,
        Slot::Covers,
        Slot::Topic,
        Slot::Host,
        Slot::Partners,
        Slot::Attendees,
        Slot::Absentees,
        Slot::Notes,
        Slot::Duties,
    ];

    /// The fields shown for a record of `kind`, in order.
    pub fn visible(kind: RecordKind) -> Vec<Slot> {
        Self::ORDER
            .into_iter()
            .filter(|s| *s != Slot::Partners || kind.is_talk())
            .filter(|s| *s != Slot::Covers || kind.reports_on_past_year())
            .collect()
    }

    pub fn field(self) -> Field {
        match self {
            Slot::Kind => Field::Kind,
            Slot::Date => Field::Date,
            Slot::Covers => Field::Covers,
            Slot::Topic => Field::Topic,
            Slot::Host => Field::Host,
            Slot::Partners => Field::Partners,
            Slot::Attendees => Field::Attendees,
            Slot::Absentees => Field::Absentees,
            Slot::Notes => Field::Notes,
            Slot::Duties => Field::Duties,
        }
    }

    pub fn of_field(field: Field) -> Option<Slot> {
        Self::ORDER.into_iter().find(|s| s.field() == field)
    }
}
