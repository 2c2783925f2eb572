//! `tolk doctor`: what tolk sees, for when something looks wrong.

use anyhow::Result;
use serde::Serialize;

use crate::cli::Global;
use crate::config::Config;
use crate::morph::Backend;
use crate::people::People;
use crate::repo::Repo;
use crate::session::{Session, Spelling};

#[derive(Debug, Serialize)]
pub struct PeopleSummary {
    pub file: String,
    pub people: usize,
    pub aliases: usize,
}

#[derive(Debug, Serialize)]
pub struct DoctorReport {
    pub root: Option<String>,
    pub root_problem: Option<String>,
    pub articles: usize,
    /// Directories under `articles/` that are not articles by their name:
    /// what is wrong with each and what to do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misnamed: Vec<String>,
    pub glossary: String,
    pub glossary_terms: Option<usize>,
    pub glossary_problem: Option<String>,
    /// There is no glossary (not an error).
    #[serde(skip)]
    pub glossary_absent: bool,
    /// The settings `check` runs with (`None` when tolk.toml is broken).
    pub config: Option<Config>,
    pub config_problem: Option<String>,
    /// `people.toml`: how many people and aliases, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<PeopleSummary>,
    /// A `people.toml` tolk cannot read: `mark` and `credits` would refuse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people_problem: Option<String>,
    pub morphology: String,
    pub morphology_detail: Vec<String>,
    /// The Finland-Swedish dictionary `spelling` reads, when it loads.
    pub dictionary: Option<String>,
    /// Why `spelling` is skipped, and how to install a dictionary.
    pub dictionary_problem: Option<String>,
    /// Words in `words.txt`.
    pub words: usize,
    pub color: bool,
    pub color_reason: &'static str,
    pub version: &'static str,
}

impl DoctorReport {
    /// Something tolk needs is broken (no repository, a glossary or
    /// tolk.toml it cannot read): `doctor` exits 2, as the commands would.
    /// A missing glossary is not broken: it is optional.
    pub fn broken(&self) -> bool {
        self.root_problem.is_some()
            || self.config_problem.is_some()
            || self.people_problem.is_some()
            || (self.glossary_problem.is_some() && !self.glossary_absent)
            || self.morphology == "none"
    }
}

/// Never fails: every problem is a line of the report.
pub fn run(global: &Global, session: &Session) -> Result<DoctorReport> {
    let (color, color_reason) = crate::style::color_decision(global.color);
    let mut report = DoctorReport {
        root: None,
        root_problem: None,
        articles: 0,
        misnamed: Vec::new(),
        glossary: String::new(),
        glossary_terms: None,
        glossary_problem: None,
        glossary_absent: false,
        config: None,
        config_problem: None,
        people: None,
        people_problem: None,
        morphology: String::new(),
        morphology_detail: Vec::new(),
        dictionary: None,
        dictionary_problem: None,
        words: 0,
        color,
        color_reason,
        version: env!("CARGO_PKG_VERSION"),
    };
    match Repo::discover(
        global.root.as_deref(),
        global.glossary.as_deref(),
        &session.cwd,
    ) {
        Ok(repo) => {
            report.root = Some(repo.root.display().to_string());
            if let Ok(dirs) = repo.article_dirs() {
                report.articles = dirs.slugs.len();
                report.misnamed = dirs.misnamed.iter().map(|m| m.message()).collect();
            }
            report.glossary = repo.display(&repo.glossary);
            match session.read_glossary() {
                Ok(Some(g)) => report.glossary_terms = Some(g.terms.len()),
                Ok(None) => {
                    report.glossary_absent = true;
                    report.glossary_problem = Some("not found; glossary rules are skipped".into())
                }
                Err(err) => report.glossary_problem = Some(format!("{err:#}")),
            }
            let file = repo.root.join(crate::people::FILE);
            if file.exists() {
                match People::load(&repo) {
                    Ok(people) => {
                        report.people = Some(PeopleSummary {
                            file: repo.display(&file),
                            people: people.persons.len(),
                            aliases: people.persons.iter().map(|p| p.aliases.len()).sum(),
                        })
                    }
                    Err(err) => report.people_problem = Some(err.to_string()),
                }
            }
        }
        Err(err) => report.root_problem = Some(format!("{err:#}")),
    }
    match session.config(&Default::default()) {
        Ok(config) => report.config = Some(config),
        Err(err) => report.config_problem = Some(err.to_string()),
    }
    match session.spelling() {
        Ok(Spelling {
            speller: Some(speller),
            ..
        }) => {
            report.dictionary = Some(speller.path.display().to_string());
            report.words = speller.word_count();
        }
        Ok(Spelling { note, .. }) => report.dictionary_problem = note,
        // No repository (reported above) or an unreadable words.txt.
        Err(err) => report.dictionary_problem = Some(format!("{err:#}")),
    }
    match Backend::choose(global.morphology) {
        Ok(Backend::Voikko(v)) => {
            let info = v.info();
            report.morphology = "voikko".into();
            report.morphology_detail = vec![
                format!("library {} (libvoikko {})", info.library, info.version),
                format!("dictionary {}", info.dictionary),
                "words Voikko does not know fall back to the built-in matcher".into(),
            ];
        }
        Ok(Backend::Builtin { why }) => {
            report.morphology = "builtin".into();
            if let Some(why) = why {
                report
                    .morphology_detail
                    .push(format!("Voikko not used: {why}"));
            }
        }
        Err(err) => {
            report.morphology = "none".into();
            report.morphology_detail.push(format!("{err:#}"));
        }
    }
    Ok(report)
}
