//! `tolk check`: every finding of DESIGN §6 over the chosen articles, as
//! the project's `tolk.toml` and the command line select them.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::cache::{self, FileKey, Fresh, KeyBuilder, Meta, Started, Store};
use crate::checks::inconsistent::{self, ArticleEntries};
use crate::checks::publish::publish_gate;
use crate::checks::spelling::Speller;
use crate::checks::{ByteSpan, Excerpt, Finding, Rule, Severity, check_article_with};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::error::{ErrorKind, LoadError};
use crate::lang::Lang;
use crate::session::{Session, Spelling};
use crate::waive::{Waived, WaiverNote, settle};

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Findings accepted with `tolk accept`, listed with `--show-waived`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waived: Vec<Waived>,
    /// Why there are no glossary findings, when there is no glossary.
    #[serde(skip)]
    pub glossary_note: Option<String>,
    /// Why `spelling` was skipped: no dictionary.
    #[serde(skip)]
    pub spelling_note: Option<String>,
    /// Warnings fail the run too.
    #[serde(skip)]
    pub strict: bool,
    /// What `--changed-since` left out, for a note on stderr.
    #[serde(skip)]
    pub changed_note: Option<String>,
    /// The slugs checked, findings or not (JUnit has a test case for each).
    #[serde(skip)]
    pub checked: Vec<String>,
    /// What the result cache did, shown with `TOLK_CACHE_STATS=1`.
    #[serde(skip)]
    pub cache_note: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub articles: usize,
    /// Files that could not be read (each also an `invalid` finding).
    pub invalid: usize,
    /// Findings accepted with `tolk accept` and not reported.
    pub waived: usize,
}

impl CheckReport {
    fn new(strict: bool) -> CheckReport {
        CheckReport {
            findings: Vec::new(),
            summary: Summary::default(),
            waived: Vec::new(),
            glossary_note: None,
            spelling_note: None,
            strict,
            changed_note: None,
            checked: Vec::new(),
            cache_note: None,
        }
    }

    /// A report of one unreadable file that stops the whole check (a
    /// broken glossary or tolk.toml): still a finding in every format.
    fn unreadable(err: &LoadError) -> CheckReport {
        let mut report = CheckReport::new(false);
        report.findings.push(invalid("", err));
        report.summary.invalid = 1;
        report.summary.errors = 1;
        report
    }

    /// Paths from the current directory rather than the repository root,
    /// when the root lies below it (`tolk --root data check`).
    pub fn relative_to(&mut self, session: &Session) {
        let Ok(repo) = session.repo() else { return };
        let below = if repo.root.is_relative() {
            repo.root.as_path()
        } else {
            match repo.root.strip_prefix(&session.cwd) {
                Ok(below) => below,
                Err(_) => return,
            }
        };
        let base = below
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect::<std::path::PathBuf>()
            .to_string_lossy()
            .replace('\\', "/");
        if base.is_empty() || base.starts_with("..") {
            return;
        }
        let findings = self
            .findings
            .iter_mut()
            .chain(self.waived.iter_mut().map(|w| &mut w.finding));
        for f in findings {
            // A path outside the root (an absolute --glossary) stays.
            if !std::path::Path::new(&f.file).is_absolute() {
                f.file = format!("{base}/{}", f.file);
            }
        }
    }

    /// Whether the run fails: errors, or warnings under `--strict`.
    pub fn fails(&self) -> bool {
        self.summary.errors > 0 || (self.strict && self.summary.warnings > 0)
    }
}

/// A file that cannot be loaded becomes one `invalid` finding at the place
/// the error names; the other articles are still checked.
pub fn invalid(article: &str, err: &LoadError) -> Finding {
    Finding::at_file(
        article,
        Rule::Invalid,
        &err.file,
        err.line.unwrap_or(1),
        err.column.unwrap_or(1),
        err.to_string(),
    )
}

/// What the per-article pass gives for one article: whether it loaded,
/// its findings and waived findings as the project wants them, and its
/// entries for the `inconsistent` index.
type Checked = (bool, Vec<Finding>, Vec<Waived>, Option<ArticleEntries>);

/// One article's findings, as the project wants them.
fn check_one(
    article: &Article,
    matcher: Option<&crate::glossary::Matcher>,
    speller: Option<&Speller>,
    config: &Config,
) -> (Vec<Finding>, Vec<Waived>) {
    let mut findings = check_article_with(article, matcher, speller);
    if config.publish.always
        && let Some(f) = publish_gate(article, config.publish.distinct_reviewer)
    {
        findings.push(f);
    }
    let settled = settle(article, findings, config);
    (settled.findings, settled.waived)
}

/// An article's files, in the order the cache keys them.
const ARTICLE_FILES: [&str; 3] = ["fi.txt", "sv.txt", "status.toml"];

/// What checking the articles a run could not reuse gave: per article its
/// result and, when it may be cached, what the cache keeps of it (with
/// its files as the check read them); the notes of the run (no glossary, no dictionary).
struct CheckedArticles {
    results: Vec<(Checked, Option<Fresh>)>,
    notes: Vec<Option<String>>,
}

/// Checks the articles `which` (indexes into `slugs`) in parallel, in
/// order. `Err` is the report of a glossary that cannot be read, which
/// stops the whole check.
fn check_articles(
    session: &Session,
    config: &Config,
    slugs: &[String],
    which: &[usize],
    keep: bool,
    started: Started,
) -> Result<Result<CheckedArticles, CheckReport>> {
    // The dictionary loads while the glossary compiles; not at all when
    // `spelling` is not selected.
    let (terms, spelling) = rayon::join(
        || session.terms(),
        || {
            if config.selects(Rule::Spelling) {
                session.spelling()
            } else {
                Ok(Spelling::default())
            }
        },
    );
    let terms = match terms {
        Ok(terms) => terms,
        Err(err) => match err.downcast_ref::<LoadError>() {
            Some(load) => return Ok(Err(CheckReport::unreadable(load))),
            None => return Err(err),
        },
    };
    let spelling = spelling?;
    let repo = session.repo()?;
    let matcher = terms.matcher.as_ref();
    // Alignment uses the built-in matcher; reuse the run's when it is one.
    let pairing = || {
        if terms.builtin {
            matcher
        } else {
            session.pairing_matcher()
        }
    };
    // The `inconsistent` rule needs every article: the parallel pass also
    // gives each article's entries, and the index is built once after it.
    let index = config.selects(Rule::Inconsistent);
    // Articles are independent: check them in parallel, keep slug order.
    let results = which
        .par_iter()
        .map(|&i| {
            let slug = &slugs[i];
            let paths: Vec<PathBuf> = ARTICLE_FILES
                .iter()
                .map(|f| repo.article_dir(slug).join(f))
                .collect();
            // Metadata before reading: a write after it changes it. The
            // article keeps its texts as read, but not `status.toml`: that
            // is hashed as read just before the article.
            let before: Option<(Vec<Option<Meta>>, Option<u128>)> = keep.then(|| {
                let metas = paths.iter().map(|p| Meta::read(p)).collect();
                let status = std::fs::read(&paths[2]).ok().map(|b| cache::hash(&b));
                (metas, status)
            });
            let loaded = Article::load(repo, slug, &pairing);
            let files = match (&loaded, before) {
                (Ok(article), Some((before, status))) if !article.fi.segments.is_empty() => {
                    file_keys(article, &paths, before, status, started)
                }
                // Unreadable input is checked again every time: the fix
                // (a permission, a file put back) may not show in its
                // metadata.
                _ => None,
            };
            let checked = match loaded {
                // An empty fi.txt would pass every rule: a truncated or
                // mis-delivered file must not look ready.
                Ok(article) if article.fi.segments.is_empty() => {
                    let err = LoadError::new(
                        ErrorKind::Schema,
                        &article.fi_file,
                        "no text: the Finnish is empty (a truncated or mis-delivered file?); \
                         import the writer's text again",
                    )
                    .at_line(1);
                    (false, vec![invalid(slug, &err)], Vec::new(), None)
                }
                Ok(article) => {
                    let (findings, waived) =
                        check_one(&article, matcher, spelling.speller.as_ref(), config);
                    let entries = index.then(|| inconsistent::entries(&article));
                    (true, findings, waived, entries)
                }
                Err(err) => (false, vec![invalid(slug, &err)], Vec::new(), None),
            };
            let fresh = files.and_then(|files| {
                let stored = Stored::keep(&checked)?;
                Some(Fresh::new(slug.clone(), files, &stored))
            });
            (checked, fresh)
        })
        .collect();
    Ok(Ok(CheckedArticles {
        results,
        notes: vec![terms.note, spelling.note],
    }))
}

/// The files of a loaded article as the cache keys them, or `None` when
/// one changed while it was read (then nothing is kept): `before`, their
/// metadata before reading; the texts hashed as the article holds them,
/// `status.toml` by `status`, the hash of its contents read just before
/// the article was.
fn file_keys(
    article: &Article,
    paths: &[PathBuf],
    before: Vec<Option<Meta>>,
    status: Option<u128>,
    started: Started,
) -> Option<Vec<FileKey>> {
    let hashes = [
        Some(cache::hash(article.fi_source.text.as_bytes())),
        article
            .sv_source
            .as_ref()
            .map(|s| cache::hash(s.text.as_bytes())),
        status,
    ];
    let mut keys = Vec::with_capacity(paths.len());
    for (meta, hash) in before.iter().zip(hashes) {
        keys.push(match (meta, hash) {
            (None, None) => FileKey::Absent,
            (Some(_), Some(hash)) => FileKey::recorded(*meta, hash, started),
            // There and not read, or read and not there: it changed.
            _ => return None,
        });
    }
    // A file written while the article was read: keep nothing.
    let after: Vec<Option<Meta>> = paths.iter().map(|p| Meta::read(p)).collect();
    (after == before).then_some(keys)
}

/// Everything besides the articles that can change `check`'s findings:
/// a run under another key reuses nothing. `--strict` and `--format` are
/// not in it (they change the verdict and the output, not the findings).
fn run_key(args: &CheckArgs, session: &Session, config: &Config) -> u128 {
    let mut key = KeyBuilder::new("check");
    let Ok(repo) = session.repo() else {
        return key.finish();
    };
    // Paths in findings are relative to the root; a shared --cache-dir
    // serves several repositories.
    let root = std::fs::canonicalize(&repo.root).unwrap_or_else(|_| repo.root.clone());
    key.text("root", &root.to_string_lossy());
    key.text("root as given", &repo.root.to_string_lossy());
    key.file("glossary", &repo.glossary);
    let settings = session
        .config
        .clone()
        .unwrap_or_else(|| repo.root.join("tolk.toml"));
    key.file("tolk.toml", &settings);
    let o = args.overrides();
    key.text("select", &format!("{:?}", o.select));
    key.text("ignore", &format!("{:?}", o.ignore));
    key.text("publish", &o.publish.to_string());
    key.file(
        "words",
        &repo.root.join(crate::checks::spelling::WORDS_FILE),
    );
    key.file("people", &repo.root.join(crate::people::FILE));
    if config.selects(Rule::Spelling) {
        match crate::checks::spelling::locate() {
            Ok(dic) => {
                key.stamp("dictionary", &dic);
                key.stamp("affixes", &dic.with_extension("aff"));
            }
            Err(why) => key.text("no dictionary", &why),
        }
    }
    key.text("morphology", &format!("{:?}", session.morphology));
    // Voikko is only loaded when there is a glossary to match (as
    // `Session::terms` does): its version and dictionary are the key.
    if session.morphology != crate::morph::Choice::Builtin && repo.glossary.is_file() {
        match crate::morph::Backend::choose(session.morphology) {
            Ok(crate::morph::Backend::Voikko(v)) => {
                let info = v.info();
                key.text(
                    "voikko",
                    &format!("{} {} {}", info.library, info.version, info.dictionary),
                );
            }
            Ok(_) => key.text("voikko", "none"),
            Err(err) => key.text("voikko error", &format!("{err:#}")),
        }
    }
    key.finish()
}

pub fn run(args: &CheckArgs, session: &Session) -> Result<CheckReport> {
    run_with(args, session, None)
}

/// `run`, keeping results in the cache directory `cache_dir` (when there
/// is one: `None` is `--no-cache`) and reusing those that still hold.
pub fn run_with(
    args: &CheckArgs,
    session: &Session,
    cache_dir: Option<&Path>,
) -> Result<CheckReport> {
    let started = Started::now();
    let config = match session.config(&args.overrides()) {
        Ok(config) => config,
        // A bad rule on the command line is a usage error (exit 2).
        Err(err) if err.kind == ErrorKind::Usage => bail!("{}", err.message),
        Err(err) => return Ok(CheckReport::unreadable(&err)),
    };
    let mut selection = session.some_articles(&args.slugs)?;
    let mut changed_note = None;
    if let Some(rev) = &args.changed_since {
        let changed = crate::git::changed_since(session.repo()?, rev)?;
        changed_note = changed.narrow(&mut selection, rev);
    }
    let slugs = &selection.slugs;
    let repo = session.repo()?;
    let files_of = |slug: &str| -> Vec<PathBuf> {
        let dir = repo.article_dir(slug);
        ARTICLE_FILES.iter().map(|f| dir.join(f)).collect()
    };
    // What earlier runs found that still holds; only the rest is checked.
    let store = cache_dir.map(|dir| {
        let key = run_key(args, session, &config);
        Store::new(dir, "check", key, started)
    });
    let mut lookup = store
        .as_ref()
        .map(|store| store.lookup::<Stored>(slugs, &files_of));
    let mut cached: Vec<Option<Checked>> = match &mut lookup {
        Some(lookup) => std::mem::take(&mut lookup.results)
            .into_iter()
            .map(|r| r.and_then(Stored::restore))
            .collect(),
        None => slugs.iter().map(|_| None).collect(),
    };
    let misses: Vec<usize> = (0..slugs.len()).filter(|&i| cached[i].is_none()).collect();
    // The glossary and dictionary are only needed for articles to check.
    let mut notes = match (
        misses.is_empty(),
        lookup.as_ref().and_then(|l| l.notes.clone()),
    ) {
        (true, Some(notes)) => notes,
        _ => Vec::new(),
    };
    let mut fresh = Vec::new();
    if !misses.is_empty() || notes.len() != 2 {
        let checked =
            match check_articles(session, &config, slugs, &misses, store.is_some(), started)? {
                Ok(checked) => checked,
                Err(unreadable) => return Ok(unreadable),
            };
        notes = checked.notes;
        for (i, (result, kept)) in misses.iter().zip(checked.results) {
            fresh.extend(kept);
            cached[*i] = Some(result);
        }
    }
    let mut cache_note = None;
    if let (Some(store), Some(lookup)) = (&store, lookup) {
        cache_note = Some(format!(
            "cache: {} of {} articles reused ({} files read again to compare), {} checked",
            slugs.len() - misses.len(),
            slugs.len(),
            lookup.reread,
            misses.len()
        ));
        let all = (args.slugs.is_empty() && args.changed_since.is_none()).then_some(&slugs[..]);
        store.store(lookup, fresh, &notes, all);
    }
    let per_article = cached.into_iter().flatten();
    let index = config.selects(Rule::Inconsistent);
    let mut report = CheckReport::new(config.strict);
    let mut notes = notes.into_iter();
    report.glossary_note = notes.next().flatten();
    report.spelling_note = notes.next().flatten();
    report.changed_note = changed_note;
    report.cache_note = cache_note;
    report.checked = slugs.clone();
    let mut entries = Vec::new();
    for (ok, findings, waived, article_entries) in per_article {
        entries.extend(article_entries);
        report.summary.invalid += usize::from(!ok);
        report.findings.extend(findings);
        report.summary.waived += waived.len();
        if args.show_waived {
            report.waived.extend(waived);
        }
    }
    // Settled apart from the per-article pass: selection and severity from
    // tolk.toml here; waivers do not apply to this rule.
    if index {
        let severity = config.severity(Rule::Inconsistent);
        report
            .findings
            .extend(inconsistent::findings(&entries, severity));
    }
    // A directory no command can name is an article nobody checks: one
    // `invalid` finding each, in name order among the others.
    for m in &selection.misnamed {
        report.findings.push(invalid(&m.name, &m.error()));
        report.summary.invalid += 1;
    }
    report.findings.sort_by(|a, b| a.article.cmp(&b.article));
    report.summary.articles = selection.len();
    report.summary.errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    report.summary.warnings = report.findings.len() - report.summary.errors;
    Ok(report)
}

/// One article's result as the cache keeps it: its settled and waived
/// findings and its `inconsistent` entries, in the model's own terms
/// (the model's types are made for printing, not for reading back).
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    findings: Vec<StoredFinding>,
    waived: Vec<(StoredFinding, StoredNote)>,
    entries: Option<(String, String, Vec<StoredEntry>)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredFinding {
    article: String,
    segment: Option<String>,
    /// The rule's place in `Rule::ALL` (the run key holds the build).
    rule: u8,
    error: bool,
    message: String,
    file: String,
    line: usize,
    column: usize,
    span: Option<(usize, usize)>,
    excerpt: Option<StoredExcerpt>,
}

/// Swedish (else Finnish), the text, the highlights.
type StoredExcerpt = (bool, String, Vec<(usize, usize)>);

#[derive(Debug, Serialize, Deserialize)]
struct StoredNote {
    reason: String,
    by: String,
    at: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredEntry {
    key: u64,
    rendering: u64,
    segment: String,
    sv: String,
    line: usize,
    column: usize,
    span: (usize, usize),
}

impl Stored {
    /// What the cache keeps of a result; `None` when it cannot keep all
    /// of it.
    fn keep((_, findings, waived, entries): &Checked) -> Option<Stored> {
        Some(Stored {
            findings: findings
                .iter()
                .map(StoredFinding::keep)
                .collect::<Option<_>>()?,
            waived: waived
                .iter()
                .map(|w| {
                    let note = StoredNote {
                        reason: w.waiver.reason.clone(),
                        by: w.waiver.by.clone(),
                        at: w.waiver.at.clone(),
                    };
                    Some((StoredFinding::keep(&w.finding)?, note))
                })
                .collect::<Option<_>>()?,
            entries: entries.as_ref().map(|a| {
                let entries = a
                    .entries
                    .iter()
                    .map(|e| StoredEntry {
                        key: e.key,
                        rendering: e.rendering,
                        segment: e.segment.clone(),
                        sv: e.sv.clone(),
                        line: e.line,
                        column: e.column,
                        span: (e.span.start, e.span.end),
                    })
                    .collect();
                (a.slug.clone(), a.sv_file.clone(), entries)
            }),
        })
    }

    /// The result back, or `None` when something in it is not what this
    /// tolk would write (then the article is checked again).
    fn restore(self) -> Option<Checked> {
        let findings = self
            .findings
            .into_iter()
            .map(StoredFinding::restore)
            .collect::<Option<Vec<_>>>()?;
        let waived = self
            .waived
            .into_iter()
            .map(|(f, note)| {
                Some(Waived {
                    finding: f.restore()?,
                    waiver: WaiverNote {
                        reason: note.reason,
                        by: note.by,
                        at: note.at,
                    },
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let entries = self.entries.map(|(slug, sv_file, entries)| ArticleEntries {
            slug,
            sv_file,
            entries: entries
                .into_iter()
                .map(|e| inconsistent::Entry {
                    key: e.key,
                    rendering: e.rendering,
                    segment: e.segment,
                    sv: e.sv,
                    line: e.line,
                    column: e.column,
                    span: ByteSpan {
                        start: e.span.0,
                        end: e.span.1,
                    },
                })
                .collect(),
        });
        Some((true, findings, waived, entries))
    }
}

impl StoredFinding {
    fn keep(f: &Finding) -> Option<StoredFinding> {
        Some(StoredFinding {
            article: f.article.clone(),
            segment: f.segment.clone(),
            rule: u8::try_from(Rule::ALL.iter().position(|r| *r == f.rule)?).ok()?,
            error: f.severity == Severity::Error,
            message: f.message.clone(),
            file: f.file.clone(),
            line: f.line,
            column: f.column,
            span: f.span.map(|s| (s.start, s.end)),
            excerpt: f.excerpt.as_ref().map(|e| {
                (
                    e.lang == Lang::Sv.as_str(),
                    e.text.clone(),
                    e.highlights.clone(),
                )
            }),
        })
    }

    fn restore(self) -> Option<Finding> {
        Some(Finding {
            article: self.article,
            segment: self.segment,
            rule: *Rule::ALL.get(usize::from(self.rule))?,
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: self.message,
            file: self.file,
            line: self.line,
            column: self.column,
            span: self.span.map(|(start, end)| ByteSpan { start, end }),
            excerpt: self.excerpt.map(|(sv, text, highlights)| Excerpt {
                lang: if sv { Lang::Sv } else { Lang::Fi }.as_str(),
                text,
                highlights,
            }),
        })
    }
}
