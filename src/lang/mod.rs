//! Language data, one module per language: what tolk knows about Finnish
//! and Swedish text (credit keys, boilerplate, numerals, months, …), so a
//! new language pair is a new module, not edits all over the code.

use serde::Serialize;

/// The two sides of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Finnish (the source)
    Fi,
    /// Swedish (the translation)
    Sv,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
        }
    }
}
