//! The language (`Lang`) and the shared vocabulary in Chinese (default) and
//! English: words for the core's and the store's typed values. It uses no
//! shell; a message that needs a shell's type lives in that shell
//! (`cli::error::text`, `tui::text`, …), worded with this vocabulary.

pub mod access;
pub mod acts;
pub mod audit;
pub mod check;
pub mod cli;
pub mod cli_help;
pub mod cli_usage;
pub mod confirm;
pub mod domain;
pub mod evidence;
pub mod fix;
pub mod fix_cli;
pub mod form;
pub mod persons;
pub mod roster;
pub mod seal;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parse `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US`, `中文`, `english`…
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("zh") || t == "中文" || t == "cn" || t == "chinese" {
            Some(Lang::Zh)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Choose between the two spellings of one message.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
