//! The glossary (`glossary.toml`, DESIGN §5): its model.
//!
//! [`Glossary::parse`] reads the file into plain [`Term`]s and refuses
//! anything a person would want to hear about (unknown keys, duplicate
//! terms, empty renderings, malformed patterns) with the line to fix.
//!
//! Finding the terms in text is [`Matcher`]'s job (`glossary/matcher.rs`), re-exported
//! here with its match types.

mod matcher;

pub use matcher::{MatchKind, Matcher, TermMatch};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{ErrorKind, LoadError};

/// A parsed `glossary.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

/// One `[[term]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// Finnish base form, white space normalised.
    pub fi: String,
    /// Required Swedish rendering (base form).
    pub sv: String,
    /// Swedish renderings that must not be used (patterns).
    pub avoid: Vec<String>,
    /// Extra Finnish patterns.
    pub fi_forms: Vec<String>,
    /// Extra allowed Swedish patterns.
    pub sv_forms: Vec<String>,
    pub note: Option<String>,
    /// 1-based line of the term's `[[term]]` header.
    pub line: usize,
}

const TERM_KEYS: &str = "fi, sv, avoid, fi_forms, sv_forms, note";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    fi: Spanned<String>,
    sv: Spanned<String>,
    #[serde(default)]
    avoid: Vec<Spanned<String>>,
    #[serde(default)]
    fi_forms: Vec<Spanned<String>>,
    #[serde(default)]
    sv_forms: Vec<Spanned<String>>,
    #[serde(default)]
    note: Option<String>,
}

impl Glossary {
    /// Parses `glossary.toml`; `shown` is the path as shown to the user.
    /// Errors name the file, the 1-based line and the key at fault.
    pub fn parse(text: &str, shown: &str) -> Result<Glossary, LoadError> {
        let schema = |offset: usize, message: String| {
            LoadError::new(ErrorKind::Schema, shown, message).at_offset(text, offset)
        };
        let raw: RawGlossary = toml::from_str(text).map_err(|err| {
            let message = err.message();
            let kind = if message.starts_with("unknown field")
                || message.starts_with("missing field")
                || message.starts_with("invalid type")
            {
                ErrorKind::Schema
            } else {
                ErrorKind::Syntax
            };
            let offset = err.span().map_or(0, |s| s.start);
            LoadError::new(kind, shown, describe(&err, text)).at_offset(text, offset)
        })?;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut terms = Vec::with_capacity(raw.term.len());
        let index = crate::source::LineIndex::new(text);
        let line_of = |offset: usize| index.line_col(text, offset).0;
        for entry in raw.term {
            let line = line_of(entry.span().start);
            let raw = entry.into_inner();
            let fi = headword(raw.fi.get_ref(), "fi", "fi_forms")
                .map_err(|e| schema(raw.fi.span().start, e))?;
            let sv = headword(raw.sv.get_ref(), "sv", "sv_forms")
                .map_err(|e| schema(raw.sv.span().start, e))?;
            let fi_line = line_of(raw.fi.span().start);
            if let Some(first) = seen.get(&fi.to_lowercase()) {
                return Err(schema(
                    raw.fi.span().start,
                    format!(
                        "duplicate term `{fi}` (already on line {first}); merge the two entries"
                    ),
                ));
            }
            seen.insert(fi.to_lowercase(), fi_line);
            let patterns = |key: &str, list: Vec<Spanned<String>>| {
                list.into_iter()
                    .map(|p| pattern(p.get_ref(), key).map_err(|e| schema(p.span().start, e)))
                    .collect::<Result<Vec<String>, LoadError>>()
            };
            terms.push(Term {
                fi,
                sv,
                avoid: patterns("avoid", raw.avoid)?,
                fi_forms: patterns("fi_forms", raw.fi_forms)?,
                sv_forms: patterns("sv_forms", raw.sv_forms)?,
                note: raw.note,
                line,
            });
        }
        Ok(Glossary { terms })
    }
}

impl Term {
    /// The term as a `[[term]]` table for `glossary.toml`, keys in the
    /// order the file documents them; empty lists and no note are left out.
    pub fn to_table(&self) -> toml_edit::Table {
        let mut table = toml_edit::Table::new();
        table.insert("fi", toml_edit::value(self.fi.as_str()));
        table.insert("sv", toml_edit::value(self.sv.as_str()));
        for (key, list) in [
            ("avoid", &self.avoid),
            ("fi_forms", &self.fi_forms),
            ("sv_forms", &self.sv_forms),
        ] {
            if !list.is_empty() {
                let array: toml_edit::Array = list.iter().map(String::as_str).collect();
                table.insert(key, toml_edit::value(array));
            }
        }
        if let Some(note) = &self.note {
            table.insert("note", toml_edit::value(note.as_str()));
        }
        table
    }

    /// Checks a term read from elsewhere (an imported file) as
    /// `glossary.toml` would: the same rules, the same messages. Returns it
    /// normalised, keeping its `line`.
    pub fn checked(&self) -> Result<Term, String> {
        let mut doc = toml_edit::DocumentMut::new();
        let mut terms = toml_edit::ArrayOfTables::new();
        terms.push(self.to_table());
        doc.insert("term", toml_edit::Item::ArrayOfTables(terms));
        match Glossary::parse(&doc.to_string(), "") {
            Ok(mut g) => {
                let mut term = g.terms.remove(0);
                term.line = self.line;
                Ok(term)
            }
            Err(e) => Err(e.message.clone()),
        }
    }
}

/// A TOML or serde error in words a glossary author can act on.
fn describe(err: &toml::de::Error, text: &str) -> String {
    let message = err.message();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return if message.contains("expected `term`") {
            format!("unknown key `{key}` (the file holds only `[[term]]` tables)")
        } else {
            format!("unknown key `{key}` (expected one of {TERM_KEYS})")
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return format!("this `[[term]]` has no `{key}`");
    }
    // Type errors point at the value; name the key when the line shows it.
    let key = err.span().and_then(|span| {
        let start = text[..span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |at| at + 1);
        let line = text[start..].lines().next().unwrap_or_default();
        let (key, _) = line.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then(|| key.to_string())
    });
    match key {
        Some(key) => format!("`{key}`: {message}"),
        None => message.to_string(),
    }
}

/// Checks and normalises `fi` or `sv`: a non-empty base form.
fn headword(value: &str, key: &str, forms: &str) -> Result<String, String> {
    let normal = crate::text::normalize_ws(value);
    if normal.is_empty() {
        return Err(format!("`{key}` is empty; give the base form"));
    }
    if normal.contains('*') {
        return Err(format!(
            "`{key}` is a base form, not a pattern: put `{normal}` in `{forms}`"
        ));
    }
    if let Some(bad) = normal
        .chars()
        .find(|&c| !(c.is_alphanumeric() || " -'’".contains(c)))
    {
        return Err(format!(
            "`{key}` value `{normal}` contains `{bad}`; a term is words (letters, digits, \
             hyphens, apostrophes) separated by spaces"
        ));
    }
    Ok(normal)
}

/// Checks and normalises one pattern of `avoid`, `fi_forms` or `sv_forms`.
fn pattern(value: &str, key: &str) -> Result<String, String> {
    let normal = crate::text::normalize_ws(value);
    if normal.is_empty() {
        return Err(format!("`{key}` has an empty pattern"));
    }
    if let Some(bad) = normal
        .chars()
        .find(|&c| !(c.is_alphabetic() || " *-'’".contains(c)))
    {
        return Err(format!(
            "`{key}` pattern `{normal}` contains `{bad}`; patterns may hold only letters, `*`, \
             `-`, spaces and apostrophes"
        ));
    }
    if !normal.chars().any(char::is_alphabetic) {
        return Err(format!(
            "`{key}` pattern `{normal}` has no letters; it would match every word"
        ));
    }
    Ok(normal)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The seed article's glossary: shared with the matcher's tests.
    pub(crate) const GLOSSARY: &str = r#"
[[term]]
fi = "Kauniainen"
sv = "Grankulla"

[[term]]
fi = "hyvinvointikoordinaattori"
sv = "välfärdskoordinator"

[[term]]
fi = "hyvinvointialue"
sv = "välfärdsområde"

[[term]]
fi = "hyvinvointivaliokunta"
sv = "välfärdsutskott"

[[term]]
fi = "kulttuuri- ja vapaa-aikavaliokunta"
sv = "kultur- och fritidsutskott"

[[term]]
fi = "ennaltaehkäisevä hyvinvointityö"
sv = "förebyggande välfärdsarbete"

[[term]]
fi = "hyvinvointikertomus"
sv = "välfärdsberättelse"
avoid = ["välfärdsrapport*"]
note = "Statutory term."

[[term]]
fi = "hyvinvointisuunnitelma"
sv = "välfärdsplan"

[[term]]
fi = "varhaiskasvatus"
sv = "småbarnspedagogik"
avoid = ["småbarnsfostran"]

[[term]]
fi = "perusopetus"
sv = "grundläggande utbildning"
avoid = ["grundutbildning"]

[[term]]
fi = "ehkäisevä päihdetyö"
sv = "förebyggande rusmedelsarbete"

[[term]]
fi = "vanhus- ja vammaisneuvosto"
sv = "äldre- och handikappråd"

[[term]]
fi = "sosiaali- ja terveyspalvelut"
sv = "social- och hälsovårdstjänster"

[[term]]
fi = "järjestö"
sv = "organisation"

[[term]]
fi = "yhdistys"
sv = "förening"

[[term]]
fi = "seurakunta"
sv = "församling"

[[term]]
fi = "johtoryhmä"
sv = "ledningsgrupp"

[[term]]
fi = "talousarvio"
sv = "budget"

[[term]]
fi = "tilinpäätös"
sv = "bokslut"

[[term]]
fi = "kunta"
sv = "kommun"

[[term]]
fi = "avustus"
sv = "bidrag"

[[term]]
fi = "suunnitelma"
sv = "plan"
"#;

    pub(crate) fn glossary() -> Glossary {
        Glossary::parse(GLOSSARY, "glossary.toml").expect("test glossary parses")
    }
    #[test]
    fn a_valid_glossary_parses() {
        let g = glossary();
        assert_eq!(g.terms.len(), 22);
        let t = &g.terms[6];
        assert_eq!(t.fi, "hyvinvointikertomus");
        assert_eq!(t.sv, "välfärdsberättelse");
        assert_eq!(t.avoid, vec!["välfärdsrapport*"]);
        assert_eq!(t.note.as_deref(), Some("Statutory term."));
        assert_eq!(g.terms[0].line, 2);
        assert_eq!(t.line, 26);
        assert_eq!(Glossary::parse("", "g.toml").unwrap().terms, vec![]);
    }

    fn error(text: &str) -> String {
        format!("{:#}", Glossary::parse(text, "glossary.toml").unwrap_err())
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_name_and_line() {
        let text =
            "[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\n\n[[term]]\nfi = \"alue\"\nsv_form = []\n";
        assert_eq!(
            error(text),
            "`glossary.toml` line 7: unknown key `sv_form` (expected one of fi, sv, avoid, \
             fi_forms, sv_forms, note)"
        );
        assert_eq!(
            error("[[terms]]\nfi = \"kunta\"\n"),
            "`glossary.toml` line 1: unknown key `terms` (the file holds only `[[term]]` tables)"
        );
    }

    #[test]
    fn a_duplicate_term_names_both_lines() {
        let text = "[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\n\n[[term]]\nfi = \"Kunta\"\nsv = \"kommun\"\n";
        assert_eq!(
            error(text),
            "`glossary.toml` line 6: duplicate term `Kunta` (already on line 2); merge the two entries"
        );
    }

    #[test]
    fn empty_renderings_and_missing_keys_are_refused() {
        assert_eq!(
            error("[[term]]\nfi = \"kunta\"\nsv = \"  \"\n"),
            "`glossary.toml` line 3: `sv` is empty; give the base form"
        );
        assert_eq!(
            error("\n[[term]]\nfi = \"kunta\"\n"),
            "`glossary.toml` line 2: this `[[term]]` has no `sv`"
        );
        assert_eq!(
            error("[[term]]\nfi = \"kunta\"\nsv = 3\n"),
            "`glossary.toml` line 3: `sv`: invalid type: integer `3`, expected a string"
        );
        assert!(
            error("[[term]]\nfi = \"kunta*\"\nsv = \"kommun\"\n")
                .contains("put `kunta*` in `fi_forms`")
        );
    }

    #[test]
    fn malformed_patterns_are_refused_with_their_line() {
        let text = "[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\navoid = [\n  \"stad\",\n  \"kommun#\",\n]\n";
        assert_eq!(
            error(text),
            "`glossary.toml` line 6: `avoid` pattern `kommun#` contains `#`; patterns may hold \
             only letters, `*`, `-`, spaces and apostrophes"
        );
        assert_eq!(
            error("[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\nfi_forms = [\"\"]\n"),
            "`glossary.toml` line 4: `fi_forms` has an empty pattern"
        );
        assert!(
            error("[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\nsv_forms = [\"*\"]\n")
                .contains("no letters")
        );
    }

    #[test]
    fn a_toml_syntax_error_names_its_line() {
        let message = error("[[term]]\nfi = \"kunta\nsv = \"kommun\"\n");
        assert!(message.starts_with("`glossary.toml` line 2: "), "{message}");
    }
}
