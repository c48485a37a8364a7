//! The person's own part of the per-person duties (双重组织生活, 责任书,
//! 研究部署, 述责述廉), in prose: periods or records owed and done, and
//! the periods left short. It reads the rows the progress engine computed.

use crate::core::{PersonId, Rule, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::duty_title;
use crate::i18n::persons as words;

/// One sentence per per-person duty `person` owes this year; `None` when
/// they owe none.
pub(super) fn prose(view: &YearView, person: PersonId, lang: Lang) -> Option<String> {
    let sentences: Vec<String> = view
        .catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .filter_map(|(d, p)| {
            let Rule::PerPerson { per, min, .. } = d.rule else {
                return None;
            };
            let row = p.persons.iter().find(|r| r.person == person)?;
            Some(words::own_sentence(
                lang,
                duty_title(lang, d),
                per,
                min,
                row,
            ))
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(lang.pick("", " ")))
}
