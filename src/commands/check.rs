//! `tolk check`: every finding of DESIGN §6 over the chosen articles, as
//! the project's `tolk.toml` and the command line select them.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::cache::{self, Below, FileKey, Fresh, KeyBuilder, Meta, Started, Store};
use crate::checks::inconsistent::{self, ArticleEntries};
use crate::checks::publish::publish_gate;
use crate::checks::spelling::Speller;
use crate::checks::{ByteSpan, Excerpt, Finding, Rule, Severity, check_article_with};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::error::{ErrorKind, LoadError};
use crate::lang::Lang;
use crate::people::People;
use crate::session::{Session, Spelling};
use crate::waive::{Waived, WaiverNote, settle};
use rustc_hash::{FxHashMap, FxHashSet};

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
    people: Option<&People>,
    config: &Config,
) -> (Vec<Finding>, Vec<Waived>) {
    let mut findings = check_article_with(article, matcher, speller, people);
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
    let mut terms = match terms {
        Ok(terms) => terms,
        Err(err) => match err.downcast_ref::<LoadError>() {
            Some(load) => return Ok(Err(CheckReport::unreadable(load))),
            None => return Err(err),
        },
    };
    let spelling = spelling?;
    let repo = session.repo()?;
    // Other names of the translators, for the credit. A `people.toml` that
    // does not read is refused, as `tolk mark` and `tolk credits` refuse
    // it: the credit would be compared without the names it gives.
    let people = if config.selects(Rule::Credit) {
        match People::load(repo) {
            Ok(people) => Some(people),
            Err(err) => return Ok(Err(CheckReport::unreadable(&err))),
        }
    } else {
        None
    };
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
    let below = Below::new(&repo.articles_dir());
    // Articles are independent: check them in parallel, keep slug order.
    let results = which
        .par_iter()
        .with_max_len(crate::session::ARTICLES_PER_TASK)
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
                let metas = paths.iter().map(|p| below.meta(p)).collect();
                let status = crate::repo::read_file(&paths[2])
                    .ok()
                    .map(|b| cache::hash(&b));
                (metas, status)
            });
            let loaded = Article::load(repo, slug, &pairing);
            let files = match (&loaded, before) {
                (Ok(article), Some((before, status))) if !article.fi.segments.is_empty() => {
                    file_keys(&below, article, &paths, before, status, started)
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
                    let (findings, waived) = check_one(
                        &article,
                        matcher,
                        spelling.speller.as_ref(),
                        people.as_ref(),
                        config,
                    );
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
    // The compiled glossary is tens of thousands of small strings and
    // vectors: freed on a worker while this thread goes on to order and
    // print the findings.
    if let Some(matcher) = terms.matcher.take() {
        rayon::spawn(move || drop(matcher));
    }
    Ok(Ok(CheckedArticles {
        results,
        notes: vec![terms.note, spelling.note],
    }))
}

/// The files of a loaded article as the cache keys them, or `None` when
/// one changed while it was read (then nothing is kept): `before`, their
/// metadata before reading; the texts hashed as the article holds them;
/// `status`, the hash of `status.toml` (`check` hashes it as read just
/// before the article, `tolk status` as the article holds it), `None`
/// when there is none. Both commands key their caches with it.
pub(crate) fn file_keys(
    below: &Below,
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
    cache::article_keys(below, paths, &before, hashes, started)
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
    // The rules as selected, not as typed: `--select ALL` and `all`, or
    // `--ignore a,b` and `b,a`, are one kind of run.
    let selected: Vec<&str> = Rule::ALL
        .into_iter()
        .filter(|r| config.selects(*r))
        .map(Rule::code)
        .collect();
    key.text("rules", &selected.join(","));
    key.text("publish", &args.overrides().publish.to_string());
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
        Store::new(dir, "check", key, started, &repo.articles_dir())
    });
    let decode = |bytes: &[u8]| postcard::from_bytes::<StoredView>(bytes).ok()?.restore();
    let mut lookup = store
        .as_ref()
        .map(|store| store.lookup_with(slugs, &files_of, &selection.listed, &decode));
    // Per article: its result, and its `inconsistent` entries as stored
    // when it is reused.
    let mut stored_entries: Vec<Option<Entries>> = slugs.iter().map(|_| None).collect();
    let mut cached: Vec<Option<Checked>> = match &mut lookup {
        Some(lookup) => std::mem::take(&mut lookup.results)
            .into_iter()
            .zip(&mut stored_entries)
            .map(|(r, e)| {
                r.map(|(checked, entries)| {
                    *e = entries;
                    checked
                })
            })
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
    let all = (args.slugs.is_empty() && args.changed_since.is_none()).then_some(&slugs[..]);
    if let (Some(store), Some(lookup)) = (&store, lookup) {
        cache_note = Some(format!(
            "cache: {} of {} articles reused ({} files read again to compare), {} checked",
            slugs.len() - misses.len(),
            slugs.len(),
            lookup.reread,
            misses.len()
        ));
        store.store(lookup, fresh, &notes, all);
    }
    let index = config.selects(Rule::Inconsistent);
    let mut report = CheckReport::new(config.strict);
    let mut notes = notes.into_iter();
    report.glossary_note = notes.next().flatten();
    report.spelling_note = notes.next().flatten();
    report.changed_note = changed_note;
    report.cache_note = cache_note;
    report.checked = slugs.clone();
    // The `inconsistent` entries first: the rule's findings are counted
    // in before the findings are gathered, which are moved once.
    let mut entries = Vec::new();
    let mut results = Vec::with_capacity(cached.len());
    for (checked, stored) in cached.into_iter().zip(stored_entries) {
        let Some((ok, findings, waived, article_entries)) = checked else {
            entries.push(None);
            continue;
        };
        entries.push(match (article_entries, stored) {
            (Some(fresh), _) => Some(Source::Fresh(fresh)),
            (None, Some(stored)) => Some(Source::Stored(stored)),
            (None, None) => None,
        });
        results.push((ok, findings, waived));
    }
    // Settled apart from the per-article pass: selection and severity from
    // tolk.toml here; waivers do not apply to this rule.
    let mut across = Vec::new();
    if index {
        let severity = config.severity(Rule::Inconsistent);
        // With the cache, a full run keeps the rule's index and updates
        // it for the articles that changed.
        let memo = store.as_ref().filter(|_| all.is_some());
        match index_findings(memo, slugs, entries, severity) {
            Some(findings) => across = findings,
            // Stored entries that do not read back: everything afresh.
            None => return run_with(args, session, None),
        }
    }
    // A directory no command can name is an article nobody checks: one
    // `invalid` finding each, in name order among the others.
    let mut extra = across;
    for m in &selection.misnamed {
        extra.push(invalid(&m.name, &m.error()));
        report.summary.invalid += 1;
    }
    let mut per_article = Vec::with_capacity(results.len());
    for (ok, findings, waived) in results {
        report.summary.invalid += usize::from(!ok);
        report.summary.waived += waived.len();
        if args.show_waived {
            report.waived.extend(waived);
        }
        per_article.push(findings);
    }
    report.findings = in_article_order(per_article, extra);
    report.summary.articles = selection.len();
    report.summary.errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    report.summary.warnings = report.findings.len() - report.summary.errors;
    Ok(report)
}

/// `main`'s findings, one vector after another, and then `extra`'s, put
/// in article order as a stable sort by article would.
///
/// `main` comes in article order in the usual case (articles are checked
/// in name order): `extra` is then merged in, each finding after its
/// article's own, instead of sorting everything, which moves every finding
/// again and takes a scratch buffer of half of them (about 10 MB at 10,000
/// articles).
fn in_article_order(main: Vec<Vec<Finding>>, mut extra: Vec<Finding>) -> Vec<Finding> {
    let mut all = Vec::with_capacity(main.iter().map(Vec::len).sum::<usize>() + extra.len());
    if !main.iter().flatten().map(|f| &f.article).is_sorted() {
        all.extend(main.into_iter().flatten());
        all.extend(extra);
        all.sort_by(|a, b| a.article.cmp(&b.article));
        return all;
    }
    extra.sort_by(|a, b| a.article.cmp(&b.article));
    let mut extra = extra.into_iter().peekable();
    for f in main.into_iter().flatten() {
        while let Some(e) = extra.next_if(|e| e.article < f.article) {
            all.push(e);
        }
        all.push(f);
    }
    all.extend(extra);
    all
}

/// One article's result as the cache keeps it: its settled and waived
/// findings and its `inconsistent` entries, in the model's own terms
/// (the model's types are made for printing, not for reading back).
#[derive(Debug, Serialize)]
struct Stored {
    findings: Vec<StoredFinding>,
    waived: Vec<(StoredFinding, StoredNote)>,
    /// The `inconsistent` entries, themselves postcard
    /// ([`StoredEntries`]): read in place, and decoded only when the
    /// index needs them (see [`Index`]).
    entries: Option<Vec<u8>>,
}

/// [`Stored`] as read back, its entries still encoded.
#[derive(Debug, Deserialize)]
struct StoredView<'a> {
    findings: Vec<StoredFinding>,
    waived: Vec<(StoredFinding, StoredNote)>,
    entries: Option<&'a [u8]>,
}

/// One article's `inconsistent` entries as stored: slug, Swedish file,
/// entries.
type StoredEntries = (String, String, Vec<StoredEntry>);

#[derive(Debug, Clone, Serialize, Deserialize)]
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
            entries: entries.as_ref().map(encode_entries),
        })
    }
}

impl StoredView<'_> {
    /// The result back, or `None` when something in it is not what this
    /// tolk would write (then the article is checked again): its entries
    /// as stored, with their digest.
    fn restore(self) -> Option<(Checked, Option<Entries>)> {
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
        let entries = self.entries.map(|bytes| Entries {
            digest: cache::hash(bytes),
            bytes: bytes.to_vec(),
        });
        Some(((true, findings, waived, None), entries))
    }
}

/// One article's `inconsistent` entries as the cache keeps them, encoded.
fn encode_entries(a: &ArticleEntries) -> Vec<u8> {
    let entries: Vec<StoredEntry> = a
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
    postcard::to_allocvec(&(&a.slug, &a.sv_file, entries)).unwrap_or_default()
}

/// [`encode_entries`] undone; `None` when they do not read back.
fn decode_entries(bytes: &[u8]) -> Option<ArticleEntries> {
    let (slug, sv_file, entries): StoredEntries = postcard::from_bytes(bytes).ok()?;
    Some(ArticleEntries {
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
    })
}

/// An article's `inconsistent` entries encoded ([`encode_entries`]), and
/// the hash of that encoding, which tells the index whether they changed.
struct Entries {
    digest: u128,
    bytes: Vec<u8>,
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

/// One article's `inconsistent` entries for the index: checked in this
/// run, or as the cache keeps them.
enum Source {
    Fresh(ArticleEntries),
    Stored(Entries),
}

impl Source {
    fn digest(&self) -> u128 {
        match self {
            Source::Fresh(a) => cache::hash(&encode_entries(a)),
            Source::Stored(e) => e.digest,
        }
    }

    fn decode(self) -> Option<ArticleEntries> {
        match self {
            Source::Fresh(a) => Some(a),
            Source::Stored(e) => decode_entries(&e.bytes),
        }
    }
}

/// The cache's file of the `inconsistent` index.
const INDEX: &str = cache::SIDE_FILES[0];

/// The `inconsistent` rule's index as the cache keeps it: the articles of
/// the last full run with the digest of their entries, its findings by
/// the Finnish sentence (entry key) they are about, and which articles
/// have entries of which key. The rule compares each key's entries on
/// their own, so a run where a few articles changed recomputes only the
/// keys those articles had or have, with the articles that share them.
#[derive(Serialize)]
struct Index {
    articles: Vec<(String, Option<u128>)>,
    findings: Vec<(u64, StoredFinding)>,
    /// `Vec<(key, article)>`, sorted, encoded: decoded only when
    /// something changed.
    postings: Vec<u8>,
}

#[derive(Deserialize)]
struct IndexView<'a> {
    #[serde(borrow)]
    articles: Vec<(&'a str, Option<u128>)>,
    findings: Vec<(u64, StoredFinding)>,
    postings: &'a [u8],
}

/// The `inconsistent` findings over the articles' entries (`sources`, in
/// the order of `slugs`), at `severity`, through the index in the cache of
/// `store` when there is one. `None` when stored entries do not read back.
fn index_findings(
    store: Option<&Store>,
    slugs: &[String],
    sources: Vec<Option<Source>>,
    severity: Severity,
) -> Option<Vec<Finding>> {
    let Some(store) = store else {
        let all: Vec<ArticleEntries> = sources
            .into_iter()
            .flatten()
            .map(Source::decode)
            .collect::<Option<_>>()?;
        return Some(inconsistent::findings(&all, severity));
    };
    let digests: Vec<Option<u128>> = sources
        .iter()
        .map(|s| s.as_ref().map(Source::digest))
        .collect();
    let bytes = store.read_side(INDEX);
    let memo = bytes
        .as_deref()
        .and_then(|b| postcard::from_bytes::<IndexView>(&b[Store::SIDE..]).ok());
    if let Some(memo) = &memo {
        let same = memo.articles.len() == slugs.len()
            && memo
                .articles
                .iter()
                .zip(slugs.iter().zip(&digests))
                .all(|(&(slug, digest), (s, d))| slug == s && digest == *d);
        if same {
            return memo
                .findings
                .iter()
                .map(|(_, f)| f.clone().restore())
                .collect();
        }
        if let Some(found) = update_index(store, memo, slugs, &digests, &sources, severity) {
            return Some(found);
        }
    }
    // No index (or one that cannot be updated): the rule over every
    // article, and the index for the next run.
    let mut all = Vec::new();
    let mut at = Vec::new();
    for (i, source) in sources.into_iter().enumerate() {
        if let Some(source) = source {
            all.push(source.decode()?);
            at.push(i as u32);
        }
    }
    let found = inconsistent::findings(&all, severity);
    if let Some(keyed) = keyed(&all, &found) {
        let mut postings: Vec<(u64, u32)> = all
            .iter()
            .zip(&at)
            .flat_map(|(a, &i)| a.entries.iter().map(move |e| (e.key, i)))
            .collect();
        // The entries are not needed any more: less held at once.
        drop(all);
        postings.sort_unstable();
        postings.dedup();
        write_index(store, slugs, &digests, keyed, &found, &postings);
    }
    Some(found)
}

/// The key of the entry each finding is about, in the order of `found`;
/// `None` when a finding's place does not tell one entry.
fn keyed(articles: &[ArticleEntries], found: &[Finding]) -> Option<Vec<u64>> {
    let by_slug: FxHashMap<&str, &ArticleEntries> =
        articles.iter().map(|a| (a.slug.as_str(), a)).collect();
    found
        .iter()
        .map(|f| {
            let mut keys = by_slug
                .get(f.article.as_str())?
                .entries
                .iter()
                .filter(|e| (e.line, e.column) == (f.line, f.column))
                .map(|e| e.key);
            let key = keys.next()?;
            keys.all(|k| k == key).then_some(key)
        })
        .collect()
}

fn write_index(
    store: &Store,
    slugs: &[String],
    digests: &[Option<u128>],
    keys: Vec<u64>,
    found: &[Finding],
    postings: &[(u64, u32)],
) {
    let Some(findings) = keys
        .into_iter()
        .zip(found)
        .map(|(k, f)| Some((k, StoredFinding::keep(f)?)))
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let index = Index {
        articles: slugs.iter().cloned().zip(digests.iter().copied()).collect(),
        findings,
        postings: postcard::to_allocvec(postings).unwrap_or_default(),
    };
    if let Ok(bytes) = postcard::to_allocvec(&index) {
        store.write_side(INDEX, &bytes);
    }
}

/// The findings through the stored index `memo`, recomputing only the
/// keys of the articles that changed, and the index written back; `None`
/// when it cannot be used (then everything is computed afresh).
fn update_index(
    store: &Store,
    memo: &IndexView,
    slugs: &[String],
    digests: &[Option<u128>],
    sources: &[Option<Source>],
    severity: Severity,
) -> Option<Vec<Finding>> {
    let postings: Vec<(u64, u32)> = postcard::from_bytes(memo.postings).ok()?;
    let old: FxHashMap<&str, (usize, Option<u128>)> = memo
        .articles
        .iter()
        .enumerate()
        .map(|(o, &(slug, digest))| (slug, (o, digest)))
        .collect();
    // Old article → its place now, when its entries are the same.
    let mut kept: Vec<Option<u32>> = vec![None; memo.articles.len()];
    let mut changed = Vec::new();
    for (i, (slug, digest)) in slugs.iter().zip(digests).enumerate() {
        match old.get(slug.as_str()) {
            Some(&(o, d)) if d == *digest => kept[o] = Some(i as u32),
            _ => changed.push(i),
        }
    }
    // The articles that stay keep their order (their findings name each
    // other in it).
    let order: Vec<u32> = kept.iter().flatten().copied().collect();
    if order.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let decode = |i: usize| -> Option<Option<ArticleEntries>> {
        match &sources[i] {
            None => Some(None),
            Some(Source::Fresh(a)) => Some(Some(a.clone())),
            Some(Source::Stored(e)) => decode_entries(&e.bytes).map(Some),
        }
    };
    let mut now: FxHashMap<usize, ArticleEntries> = FxHashMap::default();
    for &i in &changed {
        if let Some(a) = decode(i)? {
            now.insert(i, a);
        }
    }
    // The keys to compare again: those the changed articles had, and have.
    let mut affected: FxHashSet<u64> = postings
        .iter()
        .filter(|&&(_, o)| kept.get(o as usize).is_none_or(Option::is_none))
        .map(|&(k, _)| k)
        .collect();
    affected.extend(now.values().flat_map(|a| a.entries.iter().map(|e| e.key)));
    // Every article with such a key, in order, with those entries only.
    let mut with: Vec<usize> = postings
        .iter()
        .filter(|(k, _)| affected.contains(k))
        .filter_map(|&(_, o)| kept.get(o as usize).copied().flatten())
        .map(|i| i as usize)
        .chain(now.keys().copied())
        .collect();
    with.sort_unstable();
    with.dedup();
    let mut part = Vec::new();
    for i in with {
        let a = match now.get(&i) {
            Some(a) => a.clone(),
            None => decode(i)??,
        };
        let entries: Vec<inconsistent::Entry> = a
            .entries
            .into_iter()
            .filter(|e| affected.contains(&e.key))
            .collect();
        if !entries.is_empty() {
            part.push(ArticleEntries { entries, ..a });
        }
    }
    let fresh = inconsistent::findings(&part, severity);
    let fresh_keys = keyed(&part, &fresh)?;
    let mut found: Vec<(u64, Finding)> = memo
        .findings
        .iter()
        .filter(|(k, _)| !affected.contains(k))
        .map(|(k, f)| Some((*k, f.clone().restore()?)))
        .collect::<Option<_>>()?;
    found.extend(fresh_keys.into_iter().zip(fresh));
    found.sort_by(|(_, a), (_, b)| {
        (&a.article, a.line, a.column).cmp(&(&b.article, b.line, b.column))
    });
    let mut new_postings: Vec<(u64, u32)> = postings
        .iter()
        .filter_map(|&(k, o)| Some((k, kept.get(o as usize).copied().flatten()?)))
        .chain(
            now.iter()
                .flat_map(|(&i, a)| a.entries.iter().map(move |e| (e.key, i as u32))),
        )
        .collect();
    new_postings.sort_unstable();
    new_postings.dedup();
    let (keys, found): (Vec<u64>, Vec<Finding>) = found.into_iter().unzip();
    write_index(store, slugs, digests, keys, &found, &new_postings);
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A finding of `article`, told apart from the others by `n`.
    fn finding(article: &str, n: usize) -> Finding {
        Finding::at_file(article, Rule::Draft, "f", n, 1, n.to_string())
    }

    /// The order `in_article_order` must give: everything, then a stable
    /// sort by article.
    fn sorted(main: &[Vec<Finding>], extra: &[Finding]) -> Vec<(String, usize)> {
        let mut all: Vec<&Finding> = main.iter().flatten().chain(extra).collect();
        all.sort_by(|a, b| a.article.cmp(&b.article));
        all.iter().map(|f| (f.article.clone(), f.line)).collect()
    }

    fn order(found: &[Finding]) -> Vec<(String, usize)> {
        found.iter().map(|f| (f.article.clone(), f.line)).collect()
    }

    #[test]
    fn other_findings_follow_their_articles_own() {
        let main = vec![
            vec![finding("a", 0), finding("a", 1)],
            vec![],
            vec![finding("c", 2)],
        ];
        let extra = vec![
            finding("c", 3),
            finding("a", 4),
            finding("b", 5),
            finding("d", 6),
        ];
        let found = in_article_order(main.clone(), extra.clone());
        let lines: Vec<usize> = found.iter().map(|f| f.line).collect();
        assert_eq!(lines, [0, 1, 4, 5, 2, 3, 6]);
        assert_eq!(order(&found), sorted(&main, &extra));
    }

    proptest! {
        /// Whether the articles' own findings come in article order (the
        /// merge) or not (the sort), the order is that of a stable sort.
        #[test]
        fn the_order_is_a_stable_sort_by_article(
            main in prop::collection::vec(prop::collection::vec(0u8..5, 0..4), 0..8),
            extra in prop::collection::vec(0u8..5, 0..8),
            in_order in any::<bool>(),
        ) {
            let mut n = 0;
            let mut next = |a: u8| {
                n += 1;
                finding(&a.to_string(), n)
            };
            let mut main: Vec<Vec<Finding>> = main
                .into_iter()
                .map(|v| v.into_iter().map(&mut next).collect())
                .collect();
            if in_order {
                // The same findings in article order, in vectors of the
                // same lengths.
                let lengths: Vec<usize> = main.iter().map(Vec::len).collect();
                let mut all: Vec<Finding> = main.into_iter().flatten().collect();
                all.sort_by(|a, b| a.article.cmp(&b.article));
                let mut all = all.into_iter();
                main = lengths.iter().map(|&n| all.by_ref().take(n).collect()).collect();
            }
            let extra: Vec<Finding> = extra.into_iter().map(&mut next).collect();
            let expected = sorted(&main, &extra);
            prop_assert_eq!(order(&in_article_order(main, extra)), expected);
        }
    }
}
