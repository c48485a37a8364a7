//! How a `YearView` crosses the service's socket: only what the client cannot
//! derive. Progress and tally are left out (the receiver recomputes them with
//! the same pure `progress::evaluate`, so they come back exactly), records
//! travel as rows (JSON arrays, no field names), and keys are one letter.
//! Findings do travel: they need the years before, which the client lacks.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::YearView;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::check::Finding;
use crate::core::fix::FixItem;
use crate::core::record::{Absence, Record, RecordId, RecordKind};
use crate::core::roster::{PersonId, Roster};

/// A record's fields in declaration order, borrowed for sending.
#[derive(Serialize)]
struct RowOut<'a>(
    RecordId,
    RecordKind,
    NaiveDate,
    &'a str,
    Option<PersonId>,
    &'a [PersonId],
    &'a [Absence],
    &'a [PersonId],
    &'a [DutyId],
    &'a str,
    &'a [String],
    &'a str,
    NaiveDateTime,
    Option<i32>,
);

#[derive(Deserialize)]
struct RowIn(
    RecordId,
    RecordKind,
    NaiveDate,
    String,
    Option<PersonId>,
    Vec<PersonId>,
    Vec<Absence>,
    Vec<PersonId>,
    Vec<DutyId>,
    String,
    Vec<String>,
    String,
    NaiveDateTime,
    Option<i32>,
);

impl<'a> From<&'a Record> for RowOut<'a> {
    fn from(r: &'a Record) -> Self {
        RowOut(
            r.id,
            r.kind,
            r.date,
            &r.topic,
            r.host,
            &r.attendees,
            &r.absentees,
            &r.partners,
            &r.duties,
            &r.notes,
            &r.evidence,
            &r.entered_by,
            r.entered_at,
            r.covers_year,
        )
    }
}

impl From<RowIn> for Record {
    fn from(r: RowIn) -> Self {
        let RowIn(
            id,
            kind,
            date,
            topic,
            host,
            attendees,
            absentees,
            partners,
            duties,
            notes,
            evidence,
            entered_by,
            entered_at,
            covers_year,
        ) = r;
        Record {
            id,
            kind,
            date,
            topic,
            host,
            attendees,
            absentees,
            partners,
            duties,
            notes,
            evidence,
            entered_by,
            entered_at,
            covers_year,
        }
    }
}

#[derive(Serialize)]
struct Out<'a> {
    y: i32,
    t: NaiveDate,
    c: &'a Catalogue,
    p: &'a Roster,
    r: Vec<RowOut<'a>>,
    f: &'a [FixItem],
    x: bool,
    k: &'a [Finding],
}

#[derive(Deserialize)]
struct In {
    y: i32,
    t: NaiveDate,
    c: Catalogue,
    p: Roster,
    r: Vec<RowIn>,
    f: Vec<FixItem>,
    x: bool,
    #[serde(default)]
    k: Vec<Finding>,
}

impl Serialize for YearView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Out {
            y: self.year,
            t: self.today,
            c: &self.catalogue,
            p: &self.roster,
            r: self.records.iter().map(RowOut::from).collect(),
            f: &self.fixes,
            x: self.closed,
            k: &self.findings,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for YearView {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = In::deserialize(d)?;
        let mut view = YearView::new(
            w.y,
            w.t,
            w.c,
            w.p,
            w.r.into_iter().map(Record::from).collect(),
            w.f,
            w.x,
        );
        view.findings = w.k;
        Ok(view)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use crate::core::Ledger;
    use crate::core::catalogue::Catalogue;
    use crate::core::demo::{DemoSpec, generate};
    use crate::core::ledger::YearView;
    use crate::core::mem::MemStore;

    #[test]
    fn a_year_view_crosses_the_wire_whole_and_smaller() {
        let cat = Catalogue::embedded();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
        let spec = DemoSpec {
            years: 2,
            records_per_year: 400,
            seed: 3,
        };
        let ledger = Ledger::new(MemStore::new(cat.clone()), "t");
        ledger.import(&generate(&cat, today, &spec)).unwrap();
        for year in [today.year() - 1, today.year()] {
            let view = ledger.year_view(year, today).unwrap();
            let line = serde_json::to_string(&view).unwrap();
            let back: YearView = serde_json::from_str(&line).unwrap();
            assert_eq!(back.records, view.records);
            assert_eq!(back.progress, view.progress);
            assert_eq!(back.tally, view.tally);
            assert_eq!(back.fixes, view.fixes);
            assert_eq!(back.roster, view.roster);
            assert_eq!(back.catalogue, view.catalogue);
            assert_eq!(back.findings, view.findings);
            assert_eq!((back.year, back.today, back.closed), (year, today, false));
            // Protocol 8 sent every field, records as objects.
            let old = serde_json::json!({
                "year": view.year, "today": view.today, "catalogue": view.catalogue,
                "roster": view.roster, "records": view.records, "progress": view.progress,
                "tally": view.tally, "fixes": view.fixes, "closed": view.closed,
                "findings": view.findings,
            })
            .to_string();
            assert!(line.len() < old.len(), "{} vs {}", line.len(), old.len());
            eprintln!("{year}: {} bytes, protocol 8: {}", line.len(), old.len());
        }
    }
}
