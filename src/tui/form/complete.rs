//! Completion for fields that hold one name or a list of names (`张三、李四`,
//! `王五:出差`): finds the token under the cursor, ranks candidates with
//! `fuzzy`, and writes the accepted one back in place.

use crate::i18n::Lang;
use crate::tui::fuzzy;

use super::text::TextInput;

/// How a field holds names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One name: the whole text is the token.
    Single,
    /// Names separated by 、 , ， ; ；
    List,
    /// Like `List`, each item `name:reason` (the reason is optional).
    WithReason,
}

const SEPS: [char; 6] = ['、', ',', '，', ';', '；', '\n'];
const COLONS: [char; 2] = [':', '：'];

/// The separator written between items.
pub fn joiner(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}

/// The token being typed: its byte range in the text and the query (the
/// name part, trimmed). `None` when the cursor is in a reason.
pub fn token(input: &TextInput, shape: Shape) -> Option<(usize, usize, String)> {
    let text = input.text();
    let cursor = input.cursor();
    let (start, end) = match shape {
        Shape::Single => (0, text.len()),
        Shape::List | Shape::WithReason => {
            let start = text[..cursor]
                .char_indices()
                .rev()
                .find(|(_, c)| SEPS.contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = text[cursor..].find(SEPS).map_or(text.len(), |i| cursor + i);
            (start, end)
        }
    };
    let mut end = end;
    if shape == Shape::WithReason
        && let Some(colon) = text[start..end].find(COLONS)
    {
        if start + colon < cursor {
            return None;
        }
        end = start + colon;
    }
    Some((start, end, text[start..end].trim().to_string()))
}

/// Candidates for the token under the cursor, best first. Names already
/// given elsewhere in the field are left out. Empty when there is nothing to
/// offer, or the token already is the only candidate.
pub fn candidates(input: &TextInput, shape: Shape, names: &[String]) -> Vec<String> {
    let Some((start, end, query)) = token(input, shape) else {
        return Vec::new();
    };
    if query.is_empty() {
        return Vec::new();
    }
    let text = input.text();
    let mut others = String::with_capacity(text.len());
    others.push_str(&text[..start]);
    others.push('、');
    others.push_str(&text[end..]);
    let taken: Vec<String> = match shape {
        Shape::Single => Vec::new(),
        Shape::List => split(&others),
        Shape::WithReason => split_reasons(&others).into_iter().map(|(n, _)| n).collect(),
    };
    let pool: Vec<&String> = names.iter().filter(|n| !taken.contains(n)).collect();
    let found: Vec<String> = fuzzy::filter(&query, &pool)
        .into_iter()
        .map(str::to_string)
        .collect();
    if found.len() == 1 && found[0] == query {
        return Vec::new();
    }
    found
}

/// Write `name` over the token under the cursor, followed by what comes
/// next: a separator in a list, a colon before the reason.
pub fn accept(input: &mut TextInput, shape: Shape, name: &str, lang: Lang) {
    let Some((start, end, _)) = token(input, shape) else {
        return;
    };
    let rest = &input.text()[end..];
    let suffix = match shape {
        Shape::Single => "",
        Shape::List if rest.trim_start().starts_with(SEPS) => "",
        Shape::List => joiner(lang),
        Shape::WithReason if rest.starts_with(COLONS) => "",
        Shape::WithReason => ":",
    };
    input.replace(start, end, &format!("{name}{suffix}"));
}

/// Write `names` over the token under the cursor (a group token accepted),
/// leaving out those the field already holds.
pub fn accept_all(input: &mut TextInput, shape: Shape, names: &[String], lang: Lang) {
    let Some((start, end, _)) = token(input, shape) else {
        return;
    };
    let text = input.text();
    let mut others = String::with_capacity(text.len());
    others.push_str(&text[..start]);
    others.push('、');
    others.push_str(&text[end..]);
    let taken = split(&others);
    let fresh: Vec<&str> = names
        .iter()
        .filter(|n| !taken.contains(n))
        .map(String::as_str)
        .collect();
    let joined = fresh.join(joiner(lang));
    accept(input, shape, &joined, lang);
}

/// The items of a list field, trimmed, empty ones dropped.
pub fn split(text: &str) -> Vec<String> {
    text.split(SEPS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `name:reason` items of an absentee field.
pub fn split_reasons(text: &str) -> Vec<(String, String)> {
    split(text)
        .into_iter()
        .map(|item| match item.split_once(COLONS) {
            Some((n, r)) => (n.trim().to_string(), r.trim().to_string()),
            None => (item, String::new()),
        })
        .filter(|(n, _)| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        ["张三", "李四", "王五"].map(String::from).to_vec()
    }

    #[test]
    fn completes_the_token_under_the_cursor() {
        let mut t = TextInput::new("张三、ls", false);
        assert_eq!(candidates(&t, Shape::List, &names()), vec!["李四"]);
        accept(&mut t, Shape::List, "李四", Lang::Zh);
        assert_eq!(t.text(), "张三、李四、");
        assert!(candidates(&t, Shape::List, &names()).is_empty());
        assert_eq!(split(t.text()), vec!["张三", "李四"]);
    }

    #[test]
    fn absentees_take_a_reason() {
        let mut t = TextInput::new("ww", false);
        accept(&mut t, Shape::WithReason, "王五", Lang::Zh);
        t.insert_str("出差");
        assert_eq!(t.text(), "王五:出差");
        assert!(token(&t, Shape::WithReason).is_none());
        assert_eq!(
            split_reasons("王五:出差、赵六"),
            vec![
                ("王五".into(), "出差".into()),
                ("赵六".into(), String::new())
            ]
        );
    }
}
