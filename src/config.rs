//! `tolk.toml`, the project's settings (DESIGN §7): which rules `check`
//! runs, at which severity, whether warnings fail, and the publish gate.
//! Read once per run and merged with the command line, which wins.
//!
//! ```toml
//! [check]
//! strict = false
//! select = ["ALL"]
//! ignore = ["draft"]
//! [check.severity]
//! number = "error"
//! [publish]
//! always = false
//! distinct_reviewer = true
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{ErrorKind, LoadError};
use crate::rules::{Rule, Severity};

/// The settings in force for a run: the file's, then the command line's.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Where the settings came from (`tolk.toml`), or `None` for the
    /// built-in defaults.
    pub file: Option<String>,
    pub strict: bool,
    /// The rules that run, in registry order.
    pub rules: Vec<Rule>,
    /// Severities changed from the rule's default.
    pub severity: BTreeMap<Rule, Severity>,
    pub publish: Publish,
}

/// The publish gate (`check --publish`): every segment reviewed, by
/// somebody other than its translator.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Publish {
    /// Every `check` is a publish check.
    pub always: bool,
    /// A segment reviewed by the person who translated it does not pass.
    pub distinct_reviewer: bool,
}

impl Default for Publish {
    fn default() -> Publish {
        Publish {
            always: false,
            distinct_reviewer: true,
        }
    }
}

/// What the command line says about rules; each field overrides the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--strict` (`Some(true)`) or `--no-strict` (`Some(false)`).
    pub strict: Option<bool>,
    /// `--select`: replaces the file's `select`; a rule named here runs even
    /// when the file ignores it.
    pub select: Option<Vec<String>>,
    /// `--ignore`: added to the file's `ignore`.
    pub ignore: Vec<String>,
    /// `--publish`.
    pub publish: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    publish: RawPublish,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    strict: Option<bool>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublish {
    always: Option<bool>,
    distinct_reviewer: Option<bool>,
}

/// The keys `tolk.toml` accepts, for error messages.
const KEYS: &str = "`[check]` with `strict`, `select`, `ignore` and `[check.severity]`; \
                    `[publish]` with `always` and `distinct_reviewer`";

/// Every rule code, for messages: `missing, extra, …`.
pub fn known_rules() -> String {
    Rule::ALL.map(Rule::code).join(", ")
}

/// A rule named in a setting, or the error naming the rules there are.
fn rule_named(name: &str, place: &str) -> Result<Rule, String> {
    Rule::from_code(name).ok_or_else(|| {
        let guess = closest_rule(name)
            .map(|r| format!(" (did you mean `{r}`?)"))
            .unwrap_or_default();
        format!(
            "{place}: unknown rule `{name}`{guess}; the rules are ALL, {}",
            known_rules()
        )
    })
}

/// The rule whose code is closest to a misspelt `name`, if one is close.
pub fn closest_rule(name: &str) -> Option<Rule> {
    let name = name.trim().to_lowercase();
    Rule::ALL
        .into_iter()
        .map(|r| (strsim::jaro_winkler(&name, r.code()), r))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r)
}

/// What a file's settings say before the command line is applied.
#[derive(Default)]
struct FileSettings {
    strict: bool,
    select: Option<Vec<Rule>>,
    ignore: Vec<Rule>,
    severity: BTreeMap<Rule, Severity>,
    publish: Publish,
}

/// Rules named in a `select` or `ignore` list; `ALL` is every rule.
fn rule_list<'a>(
    names: impl IntoIterator<Item = &'a str>,
    place: &str,
) -> Result<Vec<Rule>, (usize, String)> {
    let mut rules = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        if name.trim().eq_ignore_ascii_case("all") {
            rules.extend(Rule::ALL);
        } else {
            rules.push(rule_named(name, place).map_err(|e| (i, e))?);
        }
    }
    Ok(rules)
}

fn parse_file(text: &str, shown: &str) -> Result<FileSettings, LoadError> {
    let at = |offset: usize, message: String| {
        LoadError::new(ErrorKind::Schema, shown, message).at_offset(text, offset)
    };
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let message = err.message();
        let (kind, message) = if let Some(rest) = message.strip_prefix("unknown field `") {
            let key = rest.split('`').next().unwrap_or_default();
            (
                ErrorKind::Schema,
                format!("unknown key `{key}`; tolk.toml holds {KEYS}"),
            )
        } else if message.starts_with("invalid type") {
            (ErrorKind::Schema, message.trim().to_string())
        } else {
            (
                ErrorKind::Syntax,
                format!("not valid TOML: {}", message.trim()),
            )
        };
        let offset = err.span().map_or(0, |s| s.start);
        LoadError::new(kind, shown, message).at_offset(text, offset)
    })?;
    let list = |names: &[Spanned<String>], key: &str| {
        rule_list(names.iter().map(|n| n.get_ref().as_str()), key)
            .map_err(|(i, e)| at(names[i].span().start, e))
    };
    let select = match &raw.check.select {
        Some(names) if names.is_empty() => {
            let offset = toml_key_offset(text, "select");
            return Err(at(
                offset,
                "`check.select` is empty, so no rule would run and every check would pass; \
                 list the rules to run, or `[\"ALL\"]` (to turn rules off, use `ignore`)"
                    .into(),
            ));
        }
        Some(names) => Some(list(names, "`check.select`")?),
        None => None,
    };
    let ignore = list(&raw.check.ignore, "`check.ignore`")?;
    if ignore.contains(&Rule::Invalid) {
        let i = raw
            .check
            .ignore
            .iter()
            .position(|n| Rule::from_code(n.get_ref()) == Some(Rule::Invalid))
            .unwrap_or(0);
        return Err(at(
            raw.check.ignore.get(i).map_or(0, |n| n.span().start),
            "`check.ignore`: `invalid` cannot be ignored: a file tolk cannot read must never \
             look like a clean check"
                .into(),
        ));
    }
    let mut severity = BTreeMap::new();
    for (name, level) in &raw.check.severity {
        let rule =
            rule_named(name.get_ref(), "`check.severity`").map_err(|e| at(name.span().start, e))?;
        let level = match level.get_ref().to_ascii_lowercase().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            other => {
                return Err(at(
                    level.span().start,
                    format!(
                        "`check.severity.{}` is `{other}`, expected `error` or `warning` \
                         (to turn a rule off, add it to `check.ignore`)",
                        rule.code()
                    ),
                ));
            }
        };
        if matches!(rule, Rule::Invalid | Rule::Publish) && level != Severity::Error {
            return Err(at(
                name.span().start,
                format!(
                    "`check.severity.{}` must stay `error`: {}",
                    rule.code(),
                    if rule == Rule::Invalid {
                        "a file tolk cannot read must never look like a clean check"
                    } else {
                        "a publish gate that passes unreviewed articles is no gate \
                         (without `--publish` it does not run at all)"
                    }
                ),
            ));
        }
        severity.insert(rule, level);
    }
    let defaults = Publish::default();
    Ok(FileSettings {
        strict: raw.check.strict.unwrap_or(false),
        select,
        ignore,
        severity,
        publish: Publish {
            always: raw.publish.always.unwrap_or(defaults.always),
            distinct_reviewer: raw
                .publish
                .distinct_reviewer
                .unwrap_or(defaults.distinct_reviewer),
        },
    })
}

/// The byte offset of the line where `key` is set, for errors about a
/// value serde gives no span for (an empty list); the start otherwise.
fn toml_key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    0
}

impl Config {
    /// The defaults: every rule at its own severity, warnings pass.
    pub fn defaults() -> Config {
        Config::resolve(None, FileSettings::default(), &Overrides::default())
            .expect("the defaults name no rules")
    }

    /// Settings from `text` (the file shown as `shown`), then `overrides`.
    pub fn parse(
        text: Option<&str>,
        shown: &str,
        overrides: &Overrides,
    ) -> Result<Config, LoadError> {
        let settings = match text {
            Some(text) => parse_file(text, shown)?,
            None => FileSettings::default(),
        };
        Config::resolve(text.map(|_| shown.to_string()), settings, overrides)
            .map_err(|message| LoadError::new(ErrorKind::Usage, "command line", message))
    }

    fn resolve(
        file: Option<String>,
        settings: FileSettings,
        overrides: &Overrides,
    ) -> Result<Config, String> {
        let names = |list: &[String], flag: &str| {
            rule_list(list.iter().flat_map(|s| s.split(',')).map(str::trim), flag)
                .map_err(|(_, e)| e)
        };
        let cli_select = match &overrides.select {
            Some(list) => Some(names(list, "--select")?),
            None => None,
        };
        let cli_ignore = names(&overrides.ignore, "--ignore")?;
        if cli_ignore.contains(&Rule::Invalid) {
            return Err(
                "--ignore: `invalid` cannot be ignored: a file tolk cannot read must \
                        never look like a clean check"
                    .into(),
            );
        }
        let selected = cli_select
            .clone()
            .or(settings.select)
            .unwrap_or_else(|| Rule::ALL.into_iter().filter(|r| !r.opt_in()).collect());
        let rules = Rule::ALL
            .into_iter()
            .filter(|rule| {
                let named_on_cli = cli_select.as_ref().is_some_and(|s| s.contains(rule));
                *rule == Rule::Invalid
                    || (selected.contains(rule)
                        && !cli_ignore.contains(rule)
                        && (named_on_cli || !settings.ignore.contains(rule)))
            })
            .collect();
        Ok(Config {
            file,
            strict: overrides.strict.unwrap_or(settings.strict),
            rules,
            severity: settings.severity,
            publish: Publish {
                always: settings.publish.always || overrides.publish,
                ..settings.publish
            },
        })
    }

    /// Whether `rule` runs.
    pub fn selects(&self, rule: Rule) -> bool {
        self.rules.contains(&rule)
    }

    /// The severity of `rule` in this project.
    pub fn severity(&self, rule: Rule) -> Severity {
        self.severity
            .get(&rule)
            .copied()
            .unwrap_or_else(|| rule.default_severity())
    }

    /// The rules that do not run, for `doctor` and messages.
    pub fn ignored(&self) -> Vec<Rule> {
        Rule::ALL
            .into_iter()
            .filter(|r| !self.selects(*r))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, overrides: &Overrides) -> Result<Config, LoadError> {
        Config::parse(Some(text), "tolk.toml", overrides)
    }

    #[test]
    fn the_defaults_run_every_rule_at_its_own_severity() {
        let config = Config::defaults();
        // Every rule but the two that cost a run several times over.
        let expected: Vec<Rule> = Rule::ALL
            .into_iter()
            .filter(|r| !matches!(r, Rule::Spelling | Rule::Inconsistent))
            .collect();
        assert_eq!(config.rules, expected);
        let all = Config::parse(
            Some("[check]\nselect = [\"ALL\"]\n"),
            "tolk.toml",
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(all.rules, Rule::ALL.to_vec());
        assert!(!config.strict);
        assert_eq!(config.severity(Rule::Number), Severity::Warning);
        assert!(!config.publish.always);
        assert!(config.publish.distinct_reviewer);
    }

    #[test]
    fn the_file_selects_ignores_and_changes_severity() {
        let text = "[check]\nstrict = true\nignore = [\"draft\", \"credit\"]\n\
                    [check.severity]\nnumber = \"error\"\n";
        let config = parse(text, &Overrides::default()).unwrap();
        assert!(config.strict);
        assert!(!config.selects(Rule::Draft));
        assert!(!config.selects(Rule::Credit));
        assert!(config.selects(Rule::Missing));
        assert_eq!(config.severity(Rule::Number), Severity::Error);
        assert_eq!(config.file.as_deref(), Some("tolk.toml"));
    }

    #[test]
    fn the_command_line_overrides_the_file() {
        let text = "[check]\nstrict = true\nignore = [\"draft\"]\n";
        let cli = Overrides {
            strict: Some(false),
            select: Some(vec!["draft,missing".into()]),
            ignore: vec!["missing".into()],
            publish: true,
        };
        let config = parse(text, &cli).unwrap();
        assert!(!config.strict);
        // Named in --select: runs although the file ignores it.
        assert!(config.selects(Rule::Draft));
        // --ignore beats --select.
        assert!(!config.selects(Rule::Missing));
        // Not selected on the command line.
        assert!(!config.selects(Rule::Number));
        assert!(config.publish.always);
        // `invalid` always runs.
        assert!(config.selects(Rule::Invalid));
    }

    #[test]
    fn the_command_line_ignore_adds_to_the_file() {
        let text = "[check]\nignore = [\"draft\"]\n";
        let cli = Overrides {
            ignore: vec!["credit".into()],
            ..Overrides::default()
        };
        let config = parse(text, &cli).unwrap();
        assert!(!config.selects(Rule::Draft));
        assert!(!config.selects(Rule::Credit));
    }

    #[test]
    fn an_unknown_rule_is_refused_with_its_line_and_the_known_rules() {
        let text = "[check]\nstrict = false\nignore = [\"draft\",\n  \"drafts\"]\n";
        let err = parse(text, &Overrides::default()).unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(err.message.contains("unknown rule `drafts`"), "{err}");
        assert!(err.message.contains("did you mean `draft`?"), "{err}");
        assert!(err.message.contains("glossary-avoid"), "{err}");
        assert_eq!(closest_rule("xyzzy"), None);
        let err = parse(
            "[check.severity]\nnumbers = \"error\"\n",
            &Overrides::default(),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains("unknown rule `numbers`"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_line() {
        let err = parse(
            "[check]\nstrict = true\nstrikt = 1\n",
            &Overrides::default(),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("unknown key `strikt`"), "{err}");
        let err = parse("[checks]\n", &Overrides::default()).unwrap_err();
        assert!(err.message.contains("unknown key `checks`"), "{err}");
    }

    #[test]
    fn a_bad_severity_is_refused() {
        let err = parse(
            "[check.severity]\nnumber = \"fatal\"\n",
            &Overrides::default(),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(
            err.message.contains("expected `error` or `warning`"),
            "{err}"
        );
    }

    #[test]
    fn invalid_cannot_be_ignored_or_softened() {
        assert!(parse("[check]\nignore = [\"invalid\"]\n", &Overrides::default()).is_err());
        assert!(
            parse(
                "[check.severity]\ninvalid = \"warning\"\n",
                &Overrides::default()
            )
            .is_err()
        );
        let cli = Overrides {
            ignore: vec!["invalid".into()],
            ..Overrides::default()
        };
        assert!(Config::parse(None, "tolk.toml", &cli).is_err());
        // Selecting other rules does not switch it off either.
        let cli = Overrides {
            select: Some(vec!["missing".into()]),
            ..Overrides::default()
        };
        let config = Config::parse(None, "tolk.toml", &cli).unwrap();
        assert_eq!(config.rules, vec![Rule::Invalid, Rule::Missing]);
    }

    #[test]
    fn an_empty_select_and_a_softened_publish_gate_are_refused() {
        let err = parse(
            "[check]\nstrict = true\nselect = []\n",
            &Overrides::default(),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("no rule would run"), "{err}");
        let err = parse(
            "[check.severity]\npublish = \"warning\"\n",
            &Overrides::default(),
        )
        .unwrap_err();
        assert!(err.message.contains("must stay `error`"), "{err}");
        // Making a warning an error is fine.
        assert!(
            parse(
                "[check.severity]\ndraft = \"error\"\n",
                &Overrides::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn an_unknown_rule_on_the_command_line_is_refused() {
        let cli = Overrides {
            select: Some(vec!["missng".into()]),
            ..Overrides::default()
        };
        let err = Config::parse(None, "tolk.toml", &cli).unwrap_err();
        assert!(
            err.message.contains("--select: unknown rule `missng`"),
            "{err}"
        );
    }
}
