//! Did-you-mean for what people type on the command line: a name not on the
//! roster gets the roster's homophones and pinyin matches, an unknown kind
//! the kinds it resembles (ranked by `core::fuzzy`, as in the TUI's forms).

use crate::core::error::{Field, Problem, ValidationError};
use crate::core::fuzzy;
use crate::core::record::RecordKind;
use crate::core::{CoreError, Roster};

use super::CliError;

/// At most this many suggestions.
const MAX: usize = 3;

/// `e` with suggestions from `roster` when it is an unknown name.
pub fn names(roster: &Roster, e: CliError) -> CliError {
    let CliError::Core(CoreError::Invalid(v)) = e else {
        return e;
    };
    let Problem::UnknownPerson(typed) = &v.problem else {
        return CliError::Core(CoreError::Invalid(v));
    };
    let names: Vec<String> = roster.active().map(|p| p.name.clone()).collect();
    let suggestions: Vec<String> = fuzzy::filter(typed, &names)
        .into_iter()
        .take(MAX)
        .map(str::to_string)
        .collect();
    if suggestions.is_empty() {
        return CliError::Core(CoreError::Invalid(v));
    }
    CliError::DidYouMean {
        error: v,
        suggestions,
    }
}

/// The refusal of an unknown kind, with the kinds `typed` resembles (by
/// their Chinese and English names and aliases).
pub fn kind(typed: &str) -> CliError {
    let mut labels: Vec<(&str, RecordKind)> = Vec::new();
    for k in RecordKind::ALL {
        labels.push((k.zh(), *k));
        labels.push((k.en(), *k));
        labels.extend(k.aliases().iter().map(|a| (*a, *k)));
    }
    let texts: Vec<&str> = labels.iter().map(|(t, _)| *t).collect();
    let mut found: Vec<RecordKind> = Vec::new();
    let push = |found: &mut Vec<RecordKind>, k: RecordKind| {
        if !found.contains(&k) && found.len() < MAX {
            found.push(k);
        }
    };
    let ranked = fuzzy::rank(typed, &texts);
    let best = ranked.first().map(|m| m.tier);
    for m in ranked.iter().filter(|m| Some(m.tier) == best) {
        if let Some((_, k)) = labels.get(m.index) {
            push(&mut found, *k);
        }
    }
    if found.is_empty() {
        // A longer wording of a Chinese name (支部委员会议 for 支委会): the
        // kinds most of whose characters the input contains.
        let mut overlap: Vec<(usize, RecordKind)> = labels
            .iter()
            .filter(|(label, _)| !label.is_ascii())
            .filter_map(|(label, k)| {
                let n = label.chars().count();
                let hit = label.chars().filter(|c| typed.contains(*c)).count();
                (hit * 3 >= n * 2).then_some((hit * 100 / n, *k))
            })
            .collect();
        overlap.sort_by_key(|o| std::cmp::Reverse(o.0));
        for (_, k) in overlap {
            push(&mut found, k);
        }
    }
    let suggestions: Vec<String> = found.iter().map(|k| k.zh().to_string()).collect();
    let error = ValidationError::new(Field::Kind, Problem::UnknownKind(typed.to_string()));
    if suggestions.is_empty() {
        CliError::Core(CoreError::Invalid(error))
    } else {
        CliError::DidYouMean { error, suggestions }
    }
}
