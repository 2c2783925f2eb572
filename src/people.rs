//! Who people are: the name given to `--by` (or `TOLK_USER`, or git's
//! `user.name`) matched to the names the repository already uses, and the
//! optional `people.toml` that maps short names and e-mail addresses to
//! full names.
//!
//! Credits and invoices count segments per name, so one person spelt two
//! ways is two people, and two people merged by a clever guess is worse.
//! Only what is surely the same person counts as the same name: equal but
//! for letter case, accents and spacing (`patricia heikkila` is
//! `Patricia Heikkilä`), or an alias in `people.toml`. A name that is only
//! close to a known one (`Patrica Heikkilä`, or `Anne Virtanen` beside
//! `Anna Virtanen`) is refused with a "did you mean", never substituted: a
//! genuinely new person with a similar name is added to `people.toml`
//! once, and is known from then on.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Result, bail};
use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{ErrorKind, LoadError};
use crate::repo::{self, Repo};
use crate::status::StatusFile;
use crate::text::normalize_ws;

/// The file at the root of the repository.
pub const FILE: &str = "people.toml";

/// `people.toml`: the people of the magazine and the other names they go by.
#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
}

#[derive(Debug, Clone)]
pub struct Person {
    /// The full name, as credits print it.
    pub name: String,
    /// Short names and e-mail addresses that mean this person.
    pub aliases: Vec<String>,
    /// 1-based line of its `name`.
    pub line: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeople {
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

impl People {
    /// `ROOT/people.toml`, or nobody when there is none.
    pub fn load(repo: &Repo) -> Result<People, LoadError> {
        let path = repo.root.join(FILE);
        if !path.exists() {
            return Ok(People::default());
        }
        let shown = repo.display(&path);
        People::parse(&repo::read_text(&path, &shown)?, &shown)
    }

    /// Parses `people.toml`; errors name the file, the line and what to fix.
    pub fn parse(text: &str, shown: &str) -> Result<People, LoadError> {
        let raw: RawPeople = toml::from_str(text).map_err(|err| {
            let message = err.message().trim();
            let (kind, message) = if let Some(rest) = message.strip_prefix("unknown field `") {
                let key = rest.split('`').next().unwrap_or_default();
                let expected = if message.contains("expected `person`") {
                    "the file holds only `[[person]]` tables"
                } else {
                    "a `[[person]]` has `name` and `aliases`"
                };
                (
                    ErrorKind::Schema,
                    format!("unknown key `{key}` ({expected})"),
                )
            } else if let Some(rest) = message.strip_prefix("missing field `") {
                let key = rest.split('`').next().unwrap_or_default();
                (
                    ErrorKind::Schema,
                    format!("this `[[person]]` has no `{key}`"),
                )
            } else if message.starts_with("invalid type") {
                (ErrorKind::Schema, message.to_string())
            } else {
                (ErrorKind::Syntax, format!("not valid TOML: {message}"))
            };
            let offset = err.span().map_or(0, |s| s.start);
            LoadError::new(kind, shown, message).at_offset(text, offset)
        })?;
        let index = crate::source::LineIndex::new(text);
        let line_of = |offset: usize| index.line_col(text, offset).0;
        let at = |offset: usize, message: String| {
            LoadError::new(ErrorKind::Schema, shown, message).at_offset(text, offset)
        };
        // Every name and alias, folded, with the person it means and its line.
        let mut taken: HashMap<String, (String, usize)> = HashMap::new();
        let mut persons = Vec::with_capacity(raw.person.len());
        for raw in raw.person {
            let name = normalize_ws(raw.name.get_ref());
            let line = line_of(raw.name.span().start);
            if name.is_empty() {
                return Err(at(raw.name.span().start, "`name` is empty".into()));
            }
            let mut aliases = Vec::new();
            let spelled = std::iter::once((name.clone(), raw.name.span().start)).chain(
                raw.aliases
                    .iter()
                    .map(|a| (normalize_ws(a.get_ref()), a.span().start)),
            );
            for (i, (spelling, offset)) in spelled.enumerate() {
                if spelling.is_empty() {
                    return Err(at(offset, "an alias is empty".into()));
                }
                if spelling.chars().any(crate::text::is_unsafe_char) {
                    return Err(at(
                        offset,
                        "a name cannot contain control characters".into(),
                    ));
                }
                let key = fold(&spelling);
                if let Some((owner, first)) = taken.get(&key) {
                    if *owner == name {
                        // The same person's alias twice, or the name as an alias.
                        continue;
                    }
                    return Err(at(
                        offset,
                        format!(
                            "`{spelling}` already means {owner} (line {first}); a name or alias \
                             can mean one person only"
                        ),
                    ));
                }
                taken.insert(key, (name.clone(), line_of(offset)));
                if i > 0 {
                    aliases.push(spelling);
                }
            }
            persons.push(Person {
                name,
                aliases,
                line,
            });
        }
        Ok(People { persons })
    }

    /// The full name a recorded name stands for: the person's name when
    /// `people.toml` lists it (or an alias of it), else the name as
    /// recorded. Credits count one person once, however the work was
    /// recorded.
    pub fn canonical(&self, name: &str) -> String {
        match self.find(&fold(name)) {
            Some((person, _)) => person.name.clone(),
            None => tidy(name),
        }
    }

    /// The person `key` (folded) means, and the alias it matched, if any.
    fn find(&self, key: &str) -> Option<(&Person, Option<&str>)> {
        self.persons.iter().find_map(|p| {
            if fold(&p.name) == key {
                return Some((p, None));
            }
            p.aliases
                .iter()
                .find(|a| fold(a) == key)
                .map(|a| (p, Some(a.as_str())))
        })
    }
}

/// The names of a credit naming several people: parts between `,`, `&`,
/// `/` and the words for "and" (`och`, `ja`, `and`, in any case: credit
/// lines are often in capitals).
pub fn co_names(names: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in names.split([',', '&', '/']) {
        let mut name: Vec<&str> = Vec::new();
        for word in part.split_whitespace() {
            if ["och", "ja", "and"]
                .iter()
                .any(|and| word.eq_ignore_ascii_case(and))
            {
                out.push(name.join(" "));
                name.clear();
            } else {
                name.push(word);
            }
        }
        out.push(name.join(" "));
    }
    out.retain(|n| !n.is_empty());
    out
}

/// A name as compared: lower case, without accents, spaces collapsed
/// (`  Patricia  HEIKKILÄ ` → `patricia heikkila`). Accents are taken off
/// after Unicode decomposition, so a name typed with a combining diaeresis
/// (`a` + U+0308, as macOS and copy-paste produce) is the same name.
pub fn fold(name: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    normalize_ws(name)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name as recorded: spaces collapsed, composed (NFC), so that one
/// person's name is stored with the same characters however it was typed.
pub fn tidy(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    normalize_ws(name).nfc().collect()
}

/// How the name typed became the name recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// Exactly as typed: a name the repository or `people.toml` knows.
    Known,
    /// A known name, typed in another letter case, without its accents or
    /// with other spacing.
    Respelt,
    /// An alias in `people.toml`.
    Alias,
    /// Nobody of that name yet.
    New,
}

/// The name to record, and how it was found.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub name: String,
    pub typed: String,
    pub how: How,
}

impl Resolved {
    /// What a person should be told about it (on stderr), if anything.
    pub fn note(&self) -> Option<String> {
        match self.how {
            How::Known => None,
            How::Respelt => Some(format!("using \"{}\" for \"{}\"", self.name, self.typed)),
            How::Alias => Some(format!(
                "using \"{}\" for \"{}\" (an alias in {FILE})",
                self.name, self.typed
            )),
            How::New => Some(format!(
                "new name \"{}\": nobody has been recorded under it yet",
                self.name
            )),
        }
    }
}

/// Who is marking: `by` (`--by`, or `TOLK_USER` through clap), else git's
/// `user.name`, else its `user.email` (which `people.toml` can map to a
/// name). Not yet matched: see [`resolve`].
pub fn typed_name(by: Option<&str>, root: &Path) -> Result<String> {
    if let Some(name) = by {
        if name.trim().is_empty() {
            bail!(
                "--by (or TOLK_USER) is empty: give the name of who did the work, or leave \
                 it out to use git's user.name"
            );
        }
        return Ok(name.trim().to_string());
    }
    for key in ["user.name", "user.email"] {
        let git = std::process::Command::new("git")
            .args(["config", key])
            .current_dir(root)
            .output();
        if let Ok(out) = git {
            let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if out.status.success() && !name.is_empty() {
                return Ok(name);
            }
        }
    }
    bail!("who is marking? pass --by NAME (or set TOLK_USER, or git's user.name or user.email)")
}

/// Every name recorded in the repository's `status.toml` files: who marked,
/// who translated, the credits, who accepted findings. A file that cannot
/// be read is passed over (the command reports it where it matters).
pub fn recorded_names(repo: &Repo) -> Vec<String> {
    let slugs = repo.slugs().unwrap_or_default();
    let mut names: Vec<String> = slugs
        .par_iter()
        .flat_map_iter(|slug| {
            let path = repo.article_dir(slug).join("status.toml");
            StatusFile::load(&path, &repo.display(&path))
                .map(|s| names_in(&s))
                .unwrap_or_default()
        })
        .collect();
    names.sort();
    names
}

/// The names one `status.toml` records.
pub fn names_in(status: &StatusFile) -> Vec<String> {
    let mut names: Vec<String> = status.translator.iter().cloned().collect();
    for e in status.entries.values() {
        names.push(e.by.clone());
        names.extend(e.translator.iter().cloned());
    }
    for rules in status.waivers.values() {
        names.extend(rules.values().map(|w| w.by.clone()));
    }
    names
}

/// The name to record for `typed`: a `people.toml` name or alias, else a
/// name already recorded (`local`, the article's own, first; `everywhere`
/// is asked only when they do not settle it), else a new name, unless it
/// is close to a known one: then it is refused with what was probably
/// meant (see the module's documentation).
pub fn resolve(
    typed: &str,
    people: &People,
    local: &[String],
    everywhere: impl FnOnce() -> Vec<String>,
) -> Result<Resolved> {
    let typed = tidy(typed);
    let key = fold(&typed);
    let done = |name: &str, how: How| {
        let how = if how == How::Respelt && name == typed {
            How::Known
        } else {
            how
        };
        Ok(Resolved {
            name: name.to_string(),
            typed: typed.clone(),
            how,
        })
    };
    if let Some((person, alias)) = people.find(&key) {
        return done(
            &person.name,
            if alias.is_some() {
                How::Alias
            } else {
                How::Respelt
            },
        );
    }
    if local.iter().any(|n| tidy(n) == typed) {
        return done(&typed, How::Known);
    }
    let everywhere = everywhere();
    let recorded = local.iter().chain(&everywhere);
    // The spelling most records use, when several differ only in case or
    // accents (`PATRICIA HEIKKILÄ` from a credit line, `Patricia Heikkilä`).
    let mut same: HashMap<String, usize> = HashMap::new();
    for name in recorded.clone() {
        let name = tidy(name);
        if fold(&name) == key {
            *same.entry(name).or_default() += 1;
        }
    }
    if same.contains_key(&typed) {
        return done(&typed, How::Known);
    }
    if let Some((name, _)) = same
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
    {
        return done(name, How::Respelt);
    }
    let listed = people.persons.iter().flat_map(|p| {
        std::iter::once(&p.name)
            .chain(&p.aliases)
            .map(|s| (s, &p.name))
    });
    let near = listed
        .chain(recorded.map(|n| (n, n)))
        .map(|(spelling, name)| (closeness(&key, &fold(spelling)), name))
        .filter(|(c, _)| c.is_some())
        .min_by_key(|(c, _)| *c);
    if let Some((_, name)) = near {
        let name = normalize_ws(name);
        bail!(
            "\"{typed}\" is a name tolk does not know; did you mean \"{name}\"? If so, pass \
             --by \"{name}\" (or add \"{typed}\" to their aliases in {FILE}); if \"{typed}\" \
             is somebody else, add them to {FILE} at the repository root \
             ([[person]] name = \"{typed}\") and run this again"
        );
    }
    done(&typed, How::New)
}

/// How close two folded names are, when close enough to be a misspelling
/// or a short form of each other (smaller is closer): one or two edits, or
/// one word of the name (`patricia`, `heikkila`).
fn closeness(typed: &str, known: &str) -> Option<usize> {
    if typed == known {
        return Some(0);
    }
    // `Kääntäjä 1` and `Kääntäjä 2` are numbered apart on purpose.
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if digits(typed) != digits(known) {
        return None;
    }
    let shorter = typed.chars().count().min(known.chars().count());
    let limit = match shorter {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    let edits = strsim::damerau_levenshtein(typed, known);
    if edits <= limit {
        return Some(edits);
    }
    let one_word = !typed.contains(' ') && typed.chars().count() >= 3;
    (one_word && known.split(' ').any(|w| w == typed)).then_some(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = r#"
[[person]]
name = "Patricia Heikkilä"
aliases = ["patricia", "ph", "patricia.heikkila@example.fi"]

[[person]]
name = "Anna Virtanen"
"#;

    fn people() -> People {
        People::parse(PEOPLE, "people.toml").unwrap()
    }

    fn resolve_in(typed: &str, recorded: &[&str]) -> Result<Resolved> {
        let recorded: Vec<String> = recorded.iter().map(|s| s.to_string()).collect();
        resolve(typed, &people(), &[], || recorded)
    }

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Patricia  HEIKKILÄ "), "patricia heikkila");
        assert_eq!(fold("Åsa Öberg-Ström"), "asa oberg-strom");
        // A decomposed diaeresis (macOS, copy-paste) is the same name.
        assert_eq!(fold("Patricia Heikkila\u{308}"), "patricia heikkila");
        assert_eq!(tidy("Heikkila\u{308}"), "Heikkilä");
    }

    #[test]
    fn a_decomposed_name_is_recorded_as_the_known_spelling() {
        let r = resolve_in("Patricia Heikkila\u{308}", &[]).unwrap();
        assert_eq!(r.name, "Patricia Heikkilä");
    }

    #[test]
    fn aliases_and_respellings_find_the_person() {
        let r = resolve_in("PH", &[]).unwrap();
        assert_eq!((r.name.as_str(), r.how), ("Patricia Heikkilä", How::Alias));
        let r = resolve_in("patricia.heikkila@example.fi", &[]).unwrap();
        assert_eq!(r.name, "Patricia Heikkilä");
        let r = resolve_in("patricia heikkila", &[]).unwrap();
        assert_eq!(
            (r.name.as_str(), r.how),
            ("Patricia Heikkilä", How::Respelt)
        );
        let r = resolve_in(
            "eeva editor",
            &["Eeva Editor", "Eeva Editor", "EEVA EDITOR"],
        )
        .unwrap();
        assert_eq!((r.name.as_str(), r.how), ("Eeva Editor", How::Respelt));
        let r = resolve_in("Eeva Editor", &["Eeva Editor"]).unwrap();
        assert_eq!(r.how, How::Known);
        assert_eq!(r.note(), None);
    }

    #[test]
    fn a_near_name_is_refused_not_merged() {
        let err = resolve_in("Anne Virtanen", &[]).unwrap_err().to_string();
        assert!(err.contains("did you mean \"Anna Virtanen\"?"), "{err}");
        let err = resolve_in("Eeva Editr", &["Eeva Editor"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean \"Eeva Editor\"?"), "{err}");
        let err = resolve_in("heikkilä", &[]).unwrap_err().to_string();
        assert!(err.contains("\"Patricia Heikkilä\""), "{err}");
    }

    #[test]
    fn numbered_names_are_different_people() {
        let r = resolve_in("writer1", &["writer0", "writer2"]).unwrap();
        assert_eq!(r.how, How::New);
    }

    #[test]
    fn a_new_name_is_said_to_be_new() {
        let r = resolve_in("Mikael Lindholm", &["Eeva Editor"]).unwrap();
        assert_eq!(r.how, How::New);
        assert!(
            r.note()
                .unwrap()
                .starts_with("new name \"Mikael Lindholm\"")
        );
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_line() {
        let err = People::parse("[[person]]\nname = \"A B\"\nemail = \"x\"\n", "people.toml")
            .unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.to_string().contains("unknown key `email`"), "{err}");
    }

    #[test]
    fn an_alias_of_two_people_is_refused() {
        let text = "[[person]]\nname = \"Anna Virtanen\"\naliases = [\"av\"]\n\n\
                    [[person]]\nname = \"Aino Vesa\"\naliases = [\"AV\"]\n";
        let err = People::parse(text, "people.toml").unwrap_err();
        assert_eq!(err.line, Some(7));
        assert!(
            err.to_string()
                .contains("already means Anna Virtanen (line 3)"),
            "{err}"
        );
    }
}
