//! Name matching that works for Chinese: a query matches a name exactly, as
//! a prefix or a substring, as a homophone (李名华 for 李明华, the usual IME
//! slip), by pinyin initials or spelling (`ls`, `lisi` for 李四), or
//! fuzzily; better kinds of match always rank first. The TUI's completion and
//! the CLI's did-you-mean both rank with it.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use pinyin::ToPinyin;

/// How a candidate matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Exact,
    Prefix,
    Substring,
    /// The query reads the same as the name (same pinyin, other characters).
    Homophone,
    /// The query starts the pinyin initials or the full pinyin of the name.
    PinyinPrefix,
    /// The query is found inside the pinyin initials or the full pinyin.
    PinyinSubstring,
    /// Every query character appears in order in the name or its pinyin.
    Fuzzy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index into the candidate list given to [`rank`].
    pub index: usize,
    pub tier: Tier,
    score: u32,
    width: usize,
}

/// Pinyin spellings of a name: initials (`ls`) and plain syllables (`lisi`).
/// Characters without a reading are kept as they are, lower-cased.
pub fn pinyin_keys(name: &str) -> (String, String) {
    let mut initials = String::new();
    let mut full = String::new();
    for (c, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            Some(p) => {
                initials.push_str(p.first_letter());
                full.push_str(p.plain());
            }
            None if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    initials.push(l);
                    full.push(l);
                }
            }
            None => {}
        }
    }
    (initials, full)
}

/// Rank `candidates` against `query`; non-matches are left out. An empty
/// query matches nothing. Ties keep the candidates' order, shorter first.
pub fn rank<S: AsRef<str>>(query: &str, candidates: &[S]) -> Vec<Match> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::new(
        &q,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    // A Chinese query is also compared by its reading.
    let q_full = if q.is_ascii() {
        None
    } else {
        Some(pinyin_keys(&q).1).filter(|f| !f.is_empty())
    };
    let mut buf = Vec::new();
    let mut out: Vec<Match> = Vec::new();
    for (index, cand) in candidates.iter().enumerate() {
        let name = cand.as_ref();
        let lower = name.to_lowercase();
        let (initials, full) = pinyin_keys(name);
        let mut score = |text: &str| pattern.score(Utf32Str::new(text, &mut buf), &mut matcher);
        let tier = if lower == q {
            Some(Tier::Exact)
        } else if lower.starts_with(&q) {
            Some(Tier::Prefix)
        } else if lower.contains(&q) {
            Some(Tier::Substring)
        } else if q_full.as_ref().is_some_and(|f| *f == full) {
            Some(Tier::Homophone)
        } else if initials.starts_with(&q)
            || full.starts_with(&q)
            || q_full
                .as_ref()
                .is_some_and(|f| full.starts_with(f.as_str()))
        {
            Some(Tier::PinyinPrefix)
        } else if initials.contains(&q) || full.contains(&q) {
            Some(Tier::PinyinSubstring)
        } else {
            None
        };
        let fuzzy = score(&lower).max(score(&initials)).max(score(&full));
        let (tier, score) = match (tier, fuzzy) {
            (Some(t), s) => (t, s.unwrap_or(0)),
            (None, Some(s)) => (Tier::Fuzzy, s),
            (None, None) => continue,
        };
        out.push(Match {
            index,
            tier,
            score,
            width: unicode_width::UnicodeWidthStr::width(name),
        });
    }
    out.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.score.cmp(&a.score))
            .then(a.width.cmp(&b.width))
            .then(a.index.cmp(&b.index))
    });
    out
}

/// Does `term` (already trimmed and lower-cased) find `name`, as the
/// forms' completion would: in the text itself, or at the start of its
/// pinyin initials or spelling (`zl`, `zhaolei` for 赵磊).
pub fn finds_name(term: &str, name: &str) -> bool {
    if term.is_empty() {
        return true;
    }
    if name.to_lowercase().contains(term) {
        return true;
    }
    if !term.is_ascii() {
        return false;
    }
    let (initials, full) = pinyin_keys(name);
    initials.starts_with(term) || full.starts_with(term)
}

/// Does `term` (trimmed, lower-cased) occur in `text`, or, for a term of
/// two or more ASCII letters, in the pinyin initials of its Chinese (`ztdr`
/// finds 主题党日活动)?
pub fn finds_text(term: &str, text: &str) -> bool {
    if term.is_empty() || text.to_lowercase().contains(term) {
        return true;
    }
    if term.len() < 2 || !term.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let initials: String = text
        .to_pinyin()
        .flatten()
        .map(pinyin::Pinyin::first_letter)
        .collect();
    initials.contains(term)
}

/// The matching candidates themselves, best first.
pub fn filter<'a, S: AsRef<str>>(query: &str, candidates: &'a [S]) -> Vec<&'a str> {
    rank(query, candidates)
        .into_iter()
        .filter_map(|m| candidates.get(m.index).map(AsRef::as_ref))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_keys_spell_names() {
        assert_eq!(pinyin_keys("李四"), ("ls".into(), "lisi".into()));
        assert_eq!(pinyin_keys("Anna李"), ("annal".into(), "annali".into()));
    }

    #[test]
    fn finds_names_and_text_by_pinyin() {
        assert!(finds_name("zl", "赵磊"));
        assert!(finds_name("zhaol", "赵磊"));
        assert!(finds_name("磊", "赵磊"));
        assert!(!finds_name("lz", "赵磊"));
        assert!(finds_text("ztdr", "主题党日活动"));
        assert!(finds_text("党日", "主题党日活动"));
        assert!(!finds_text("z", "主题党日活动"), "one letter is too loose");
        assert!(!finds_text("xx", "主题党日活动"));
    }

    #[test]
    fn ranks_by_tier() {
        let names = ["张李四", "李四", "李四光", "刘松", "王五"];
        assert_eq!(filter("李四", &names), vec!["李四", "李四光", "张李四"]);
        assert_eq!(filter("ls", &names)[..2], ["李四", "刘松"]);
        assert!(filter("", &names).is_empty());
        assert!(filter("zz", &names).is_empty());
    }

    #[test]
    fn homophones_and_initials_find_the_name_typed_with_an_ime_slip() {
        let names = ["李明华", "李敏", "张三"];
        assert_eq!(filter("李名华", &names), vec!["李明华"]);
        assert_eq!(filter("lmh", &names), vec!["李明华"]);
        assert_eq!(filter("李名", &names)[0], "李明华");
        assert_eq!(rank("李名华", &names)[0].tier, Tier::Homophone);
    }
}
