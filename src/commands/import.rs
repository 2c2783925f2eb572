//! `tolk import`: copy delivered texts into `articles/SLUG/`.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ImportArgs;
use crate::repo::{self, Repo};
use crate::segment::{Segmented, segment};
use crate::status::StatusFile;

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub article: String,
    pub files: Vec<ImportedFile>,
    /// The translator named by the Swedish `ÖVERSÄTTNING:` line.
    pub translator: Option<String>,
    /// With the Swedish alone: how many segment records `status.toml`
    /// kept (it is left as it was, but for a new translator credit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_records: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct ImportedFile {
    pub lang: &'static str,
    pub file: String,
    pub segments: usize,
}

pub fn run(args: &ImportArgs, repo: &Repo) -> Result<ImportReport> {
    repo::check_slug(&args.slug)?;
    let dir = repo.article_dir(&args.slug);

    // The Swedish alone goes to an article that has its Finnish.
    if args.fi.is_none() && !dir.join("fi.txt").is_file() {
        let slugs = repo.slugs().unwrap_or_default();
        if let Some(best) = crate::select::closest_slug(&args.slug, &slugs) {
            bail!(
                "no article `{}` to add the Swedish to; did you mean `{best}`?",
                args.slug
            );
        }
        bail!(
            "no article `{slug}` to add the Swedish to: import the Finnish with it \
             (`tolk import {slug} --fi FILE --sv FILE`)",
            slug = args.slug
        );
    }

    // Read and validate everything before writing anything, so a refusal
    // leaves the repository exactly as it was.
    let mut inputs = Vec::new();
    inputs.extend(args.fi.as_deref().map(|fi| ("fi", fi)));
    inputs.extend(args.sv.as_deref().map(|sv| ("sv", sv)));
    let mut planned = Vec::new();
    for (lang, source) in inputs {
        let shown_source = source.display().to_string();
        if !source.is_file() {
            bail!("could not read `{shown_source}`: no such file");
        }
        let bytes = std::fs::read(source)
            .map_err(anyhow::Error::from)
            .map_err(|e| e.context(format!("could not read `{shown_source}`")))?;
        let text = crate::text::decode(&bytes, &shown_source)?;
        let segmented = segment(text);
        let target = dir.join(format!("{lang}.txt"));
        let shown_target = repo.display(&target);
        planned.push((lang, target, shown_target, bytes, segmented));
    }

    let status_path = dir.join("status.toml");
    let shown_status = repo.display(&status_path);
    // A status.toml that does not parse is refused now, before any copy.
    crate::status::StatusFile::load(&status_path, &shown_status)?;

    let created = !dir.exists();
    repo.create_dir_inside(&dir)?;
    let written = crate::status::with_lock(&status_path, &shown_status, || {
        write(args, &status_path, &shown_status, planned)
    });
    if written.is_err() && created {
        // Leave no empty article behind: a retry must find things as they were.
        let _ = std::fs::remove_file(crate::status::lock_path(&status_path));
        let _ = std::fs::remove_dir(&dir);
    }
    written
}

type Planned = (&'static str, PathBuf, String, Vec<u8>, Segmented);

/// Under the status lock: stages the texts and the status file, then puts
/// them in place together, so a failure (a full disk) changes nothing.
fn write(
    args: &ImportArgs,
    status_path: &Path,
    shown_status: &str,
    planned: Vec<Planned>,
) -> Result<ImportReport> {
    for (_, target, shown, _, _) in &planned {
        if target.exists() && !args.force {
            bail!("`{shown}` already exists; pass --force to replace it");
        }
    }
    let mut status = StatusFile::load(status_path, shown_status)?;
    let mut report = ImportReport {
        article: args.slug.clone(),
        files: Vec::new(),
        translator: None,
        kept_records: args.fi.is_none().then_some(status.entries.len()),
    };
    // Importing the Finnish writes the segment tables; the Swedish alone
    // leaves status.toml untouched unless it names a new translator.
    let mut status_changed = args.fi.is_some();
    let mut staged = Vec::new();
    for (lang, target, shown, bytes, segmented) in planned {
        // Byte for byte: tolk never rewrites what people wrote.
        staged.push(repo::stage(&target, &bytes, &shown)?);
        match lang {
            "fi" => status.ensure_segments(segmented.segments.iter().map(|s| s.id.as_str()))?,
            _ => report.translator = segmented.translators().next().map(|c| c.display.clone()),
        }
        report.files.push(ImportedFile {
            lang,
            file: shown,
            segments: segmented.segments.len(),
        });
    }
    if let Some(name) = &report.translator
        && status.translator.as_deref() != Some(name.as_str())
    {
        status.set_translator(name)?;
        status_changed = true;
    }
    if status_changed {
        staged.push(status.stage()?);
    }
    repo::commit_all(staged)?;
    Ok(report)
}

// ---------------------------------------------------------------------
// `--xliff FILE` / `--po FILE`: translations back from a CAT tool.

/// What importing an XLIFF or PO file did to sv.txt.
#[derive(Debug, Serialize)]
pub struct TranslationsReport {
    pub article: String,
    pub file: String,
    pub sv_file: String,
    /// Segment ids whose Swedish was replaced.
    pub changed: Vec<String>,
    /// Segment ids whose Swedish was added (sv.txt had none).
    pub added: Vec<String>,
    pub unchanged: Vec<String>,
    /// Segment ids the file gives no translation: their Swedish stays.
    pub without_target: Vec<String>,
    /// Segment ids the file has no unit for (a truncated file?): their
    /// Swedish stays.
    pub not_in_file: Vec<String>,
    /// Units whose Finnish differs from the article's, imported with --force.
    pub forced: Vec<String>,
    /// With --trust-states: what was recorded.
    pub recorded: Vec<crate::commands::mark::MarkReport>,
    /// Segments that do not read back as written (sv.txt should be looked at).
    pub unsure: Vec<String>,
    /// Segments whose Swedish was written but not recorded now that keep
    /// a record made for their old text: `ID (state by NAME on DATE)`.
    pub kept_records: Vec<String>,
    /// Segments whose Swedish was written and that have no record: drafts.
    pub drafts: Vec<String>,
    /// Whether states in the file were trusted (--trust-states).
    pub trusted: bool,
}

impl TranslationsReport {
    /// The summary for stderr.
    pub fn summary(&self) -> Vec<String> {
        let list = |ids: &[String]| {
            if ids.is_empty() {
                String::new()
            } else {
                format!(" ({})", ids.join(", "))
            }
        };
        let mut lines = vec![format!(
            "{}: {} changed{}, {} added{}, {} unchanged, {} without a target in `{}`",
            self.sv_file,
            self.changed.len(),
            list(&self.changed),
            self.added.len(),
            list(&self.added),
            self.unchanged.len(),
            self.without_target.len(),
            self.file
        )];
        if !self.not_in_file.is_empty() {
            lines.push(format!(
                "{} {} not in `{}`: {} (a truncated file?); {} Swedish is as it was",
                self.not_in_file.len(),
                if self.not_in_file.len() == 1 {
                    "segment is"
                } else {
                    "segments are"
                },
                self.file,
                self.not_in_file.join(", "),
                if self.not_in_file.len() == 1 {
                    "its"
                } else {
                    "their"
                },
            ));
        }
        if !self.forced.is_empty() {
            lines.push(format!(
                "imported with --force although the Finnish differs: {}",
                self.forced.join(", ")
            ));
        }
        if !self.unsure.is_empty() {
            lines.push(format!(
                "check {}: {} no longer read back as written (see `tolk segments {} --lang sv`)",
                self.sv_file,
                self.unsure.join(", "),
                self.article
            ));
        }
        for mark in &self.recorded {
            if !mark.marked.is_empty() {
                lines.push(format!(
                    "recorded {} as {} by {}",
                    mark.marked.join(", "),
                    mark.state,
                    mark.by
                ));
            }
            if !mark.already.is_empty() {
                lines.push(format!(
                    "already {} by {}: {}",
                    mark.state,
                    mark.by,
                    mark.already.join(", ")
                ));
            }
            if !mark.kept_reviewed.is_empty() || !mark.kept_others.is_empty() {
                let kept: Vec<String> = mark
                    .kept_reviewed
                    .iter()
                    .map(ToString::to_string)
                    .chain(mark.kept_others.iter().map(ToString::to_string))
                    .collect();
                lines.push(format!("left as recorded: {}", kept.join(", ")));
            }
        }
        let untrusted = if self.trusted {
            ""
        } else {
            "states in the file are not trusted (import with --trust-states to record them): "
        };
        if !self.kept_records.is_empty() {
            let ids: Vec<&str> = self
                .kept_records
                .iter()
                .map(|k| k.split(' ').next().unwrap_or(k))
                .collect();
            lines.push(format!(
                "{untrusted}{} {} the record made for the old text; `tolk mark {} {} \
                 --as translated` records the new text",
                self.kept_records.join(", "),
                if ids.len() == 1 { "keeps" } else { "keep" },
                self.article,
                ids.join(" "),
            ));
        }
        if !self.drafts.is_empty() {
            lines.push(format!(
                "{}{} {} until marked (`tolk mark {} {} --as translated`)",
                if self.kept_records.is_empty() {
                    untrusted
                } else {
                    ""
                },
                self.drafts.join(", "),
                if self.drafts.len() == 1 {
                    "is a draft"
                } else {
                    "are drafts"
                },
                self.article,
                self.drafts.join(" "),
            ));
        }
        lines
    }
}

pub fn translations(
    args: &ImportArgs,
    session: &crate::session::Session,
) -> Result<TranslationsReport> {
    use std::collections::{BTreeSet, HashMap, HashSet};

    use crate::interchange::{self, Claimed};
    use crate::text::same_text;

    let repo = session.repo()?;
    crate::select::require_article(repo, &args.slug)?;
    let (path, po) = match (&args.xliff, &args.po) {
        (Some(path), _) => (path, false),
        (None, Some(path)) => (path, true),
        (None, None) => bail!("nothing to import: give --xliff FILE or --po FILE"),
    };
    let shown = path.display().to_string();
    if !path.is_file() {
        bail!("could not read `{shown}`: no such file");
    }
    let bytes = std::fs::read(path)
        .map_err(anyhow::Error::from)
        .map_err(|e| e.context(format!("could not read `{shown}`")))?;
    let text = crate::text::decode(&bytes, &shown)?;
    let mut units = if po {
        interchange::po::read(text, &shown)?
    } else {
        interchange::xliff::read(text, &shown)?
    };
    let article = session.load(&args.slug)?;

    // A file made for another article is refused whatever its Finnish (and
    // --force does not change that): its Swedish is another article's.
    let named: BTreeSet<&str> = units
        .iter()
        .filter_map(|u| u.made_from.as_deref())
        .filter(|slug| *slug != article.slug)
        .collect();
    if let Some(other) = named.first() {
        bail!(
            "`{shown}` was made from article `{other}`, not `{}`; import it with \
             `tolk import {other} {} {shown}`; nothing was imported",
            article.slug,
            if po { "--po" } else { "--xliff" },
        );
    }

    // Every unit must be a segment of this article, once.
    let segments: HashMap<&str, &crate::segment::Segment> = article
        .fi
        .segments
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    // A unit whose id a tool dropped (po2xliff keeps only the PO's `#:
    // fi.txt:LINE`): the segment that starts at that line, when its Finnish
    // is the unit's.
    for unit in &mut units {
        if !unit.id.is_empty() {
            continue;
        }
        let Some(line) = unit.fi_line else { continue };
        let found = article.fi.segments.iter().find(|s| {
            s.line == line
                && unit
                    .source
                    .as_deref()
                    .is_none_or(|src| same_text(src, &s.text))
        });
        if let Some(seg) = found {
            unit.id = seg.id.clone();
        }
    }
    let mut seen = HashSet::new();
    let mut unknown = Vec::new();
    for unit in &units {
        if !segments.contains_key(unit.id.as_str()) {
            unknown.push(match unit.fi_line {
                _ if !unit.id.is_empty() => format!("{} (line {})", unit.id, unit.line),
                Some(fi_line) => format!(
                    "the unit at line {} (no segment with its Finnish starts at line \
                     {fi_line} of {})",
                    unit.line, article.fi_file
                ),
                None => format!("the unit at line {}", unit.line),
            });
        } else if !seen.insert(unit.id.as_str()) {
            bail!(
                "`{shown}` line {}: unit `{}` appears twice; nothing was imported",
                unit.line,
                unit.id
            );
        }
    }
    if !unknown.is_empty() {
        bail!(
            "`{shown}`: {} {} no segment of `{}` (was the file exported from another \
             article?); nothing was imported",
            unknown.join(", "),
            if unknown.len() == 1 { "is" } else { "are" },
            article.slug
        );
    }

    // A file made from another Finnish text: refused, naming every segment.
    let differing: Vec<&interchange::ReadUnit> = units
        .iter()
        .filter(|u| {
            u.source
                .as_deref()
                .is_some_and(|s| !same_text(s, &segments[u.id.as_str()].text))
        })
        .collect();
    if !differing.is_empty() && !args.force {
        let list: Vec<String> = differing
            .iter()
            .map(|u| {
                format!(
                    "{} ({}:{})",
                    u.id,
                    article.fi_file,
                    segments[u.id.as_str()].line
                )
            })
            .collect();
        bail!(
            "`{shown}` was made from a different Finnish text: {} {} changed since; \
             nothing was imported. Export the article again, or pass --force to import \
             anyway",
            list.join(", "),
            if list.len() == 1 { "has" } else { "have" },
        );
    }

    let targets: HashMap<&str, &str> = units
        .iter()
        .filter_map(|u| {
            u.target
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| (u.id.as_str(), t))
        })
        .collect();
    let mut rebuilt = rebuild(&article, &targets);
    let sv_path = article.dir.join("sv.txt");
    let unchanged_file = article
        .sv_source
        .as_ref()
        .is_some_and(|s| s.text == rebuilt.text);
    // Nothing to write: the same bytes, or no sv.txt and nothing to put in one.
    let nothing = article.sv_source.is_none() && rebuilt.added.is_empty();
    let write_sv = !unchanged_file && !nothing;

    // The article as it will be: everything is decided on it before
    // anything is written, so a refusal leaves every file as it was.
    let after = {
        let sv = if write_sv {
            Some(rebuilt.text.as_str())
        } else {
            article.sv_source.as_ref().map(|s| s.text.as_str())
        };
        let mut after = crate::article::Article::from_texts_with(
            &article.slug,
            &article.fi_source.text,
            sv,
            &|| session.pairing_matcher(),
        );
        after.dir = article.dir.clone();
        after.fi_file = article.fi_file.clone();
        after.sv_file = article.sv_file.clone();
        after.status = article.status.clone();
        after
    };

    // Does the new Swedish read back as written?
    let mut unsure = Vec::new();
    if !rebuilt.changed.is_empty() || !rebuilt.added.is_empty() {
        for pair in after.pairs() {
            let id = pair.fi.id.as_str();
            let written = rebuilt
                .changed
                .iter()
                .chain(&rebuilt.added)
                .any(|c| c == id);
            if let (true, Some(target)) = (written, rebuilt.written.get(id))
                && !pair.sv.is_some_and(|sv| same_text(&sv.text, target))
                && article.row_ids(id).len() == 1
            {
                unsure.push(id.to_string());
            }
        }
    }

    // With --trust-states: what `tolk mark` would record, as its bulk path
    // (`--all`) does: a segment somebody else already marked in that state
    // keeps their record and is listed, the rest is recorded.
    let mut plans = Vec::new();
    if args.trust_states {
        let by = args.by.clone().or_else(|| {
            std::env::var("TOLK_USER")
                .ok()
                .filter(|n| !n.trim().is_empty())
        });
        if let Some(name) = &by
            && name.chars().any(crate::text::is_unsafe_char)
        {
            bail!("TOLK_USER: a name cannot contain control characters; type it as plain text");
        }
        // Somebody to record, even when the file claims nothing: as `mark`.
        crate::people::typed_name(by.as_deref(), &repo.root)?;
        let claimed_ids = |claimed: Claimed, taken: &mut HashSet<String>| {
            let mut ids = Vec::new();
            for unit in units
                .iter()
                .filter(|u| u.claimed == claimed && targets.contains_key(u.id.as_str()))
            {
                // One Swedish paragraph for several Finnish segments is
                // marked as the pair it is.
                for id in after.row_ids(&unit.id) {
                    if taken.insert(id.clone()) {
                        ids.push(id);
                    }
                }
            }
            ids
        };
        let mut taken = HashSet::new();
        let reviewed = claimed_ids(Claimed::Reviewed, &mut taken);
        let translated = claimed_ids(Claimed::Translated, &mut taken);
        for (ids, state) in [
            (translated, crate::status::Stored::Translated),
            (reviewed, crate::status::Stored::Reviewed),
        ] {
            if ids.is_empty() {
                continue;
            }
            let mark = crate::cli::MarkArgs {
                slug: args.slug.clone(),
                ids,
                all: false,
                pick: crate::cli::Pick {
                    stale: false,
                    draft: false,
                    in_state: Vec::new(),
                },
                state,
                by: by.clone(),
                force: false,
            };
            plans.push(crate::commands::mark::plan(&mark, repo, &after, true)?);
        }
    }

    // Written together under the status lock: sv.txt and the records.
    let marks = plans.iter().any(|p| !p.report.marked.is_empty());
    if write_sv || marks {
        repo.check_inside(&article.dir)?;
        let status_path = article.dir.join("status.toml");
        let shown_status = repo.display(&status_path);
        crate::status::with_lock(&status_path, &shown_status, || {
            let mut staged = Vec::new();
            if write_sv {
                staged.push(repo::stage(
                    &sv_path,
                    rebuilt.text.as_bytes(),
                    &article.sv_file,
                )?);
            }
            if marks {
                let mut status = StatusFile::load(&status_path, &shown_status)?;
                for plan in &plans {
                    plan.apply(&after.fi, &mut status)?;
                }
                staged.push(status.stage()?);
            }
            repo::commit_all(staged)
        })?;
    }

    // What the text written now rests on: a record made for the old text,
    // or none (a draft). Recorded ones are said by the marks.
    let recorded: HashSet<&str> = plans
        .iter()
        .flat_map(|p| p.report.marked.iter().map(String::as_str))
        .collect();
    let mut kept_records = Vec::new();
    let mut drafts = Vec::new();
    for id in rebuilt.changed.iter().chain(&rebuilt.added) {
        if recorded.contains(id.as_str()) {
            continue;
        }
        match after.status.entries.get(id.as_str()) {
            Some(e) => kept_records.push(format!(
                "{id} ({} by {} on {})",
                e.state.as_str(),
                e.by,
                e.at
            )),
            None => drafts.push(id.clone()),
        }
    }

    // Segments the file has no unit for, apart from those it left empty.
    let in_file: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let (without_target, not_in_file): (Vec<String>, Vec<String>) =
        std::mem::take(&mut rebuilt.without_target)
            .into_iter()
            .partition(|id| in_file.contains(id.as_str()));

    Ok(TranslationsReport {
        article: article.slug.clone(),
        file: shown,
        sv_file: article.sv_file.clone(),
        changed: rebuilt.changed,
        added: rebuilt.added,
        unchanged: rebuilt.unchanged,
        without_target,
        not_in_file,
        forced: differing.iter().map(|u| u.id.clone()).collect(),
        recorded: plans.into_iter().map(|p| p.report).collect(),
        unsure,
        kept_records,
        drafts,
        trusted: args.trust_states,
    })
}

/// sv.txt with the translations written in.
struct Rebuilt {
    text: String,
    changed: Vec<String>,
    added: Vec<String>,
    unchanged: Vec<String>,
    without_target: Vec<String>,
    /// The Swedish written for each segment id changed or added, as its
    /// segment text should read back (an added answer with its dash).
    written: std::collections::HashMap<String, String>,
}

/// Writes `targets` (segment id → text as a unit lays it out) into the
/// article's Swedish. A segment whose text is unchanged keeps its bytes; a
/// changed one replaces its range in the file; a segment sv.txt lacks is
/// inserted at its place in the Finnish order, laid out as the Finnish is.
/// With no sv.txt, the file is built from the Finnish layout, credits put
/// across into Swedish.
fn rebuild(
    article: &crate::article::Article,
    targets: &std::collections::HashMap<&str, &str>,
) -> Rebuilt {
    use crate::interchange::{segment_text, span};
    use crate::text::same_text;

    let mut out = Rebuilt {
        text: String::new(),
        changed: Vec::new(),
        added: Vec::new(),
        unchanged: Vec::new(),
        without_target: Vec::new(),
        written: Default::default(),
    };
    let fi = &article.fi;
    let source = article.sv_source.as_ref();
    let body = source.map_or("", |s| s.body());
    let nl = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let para = format!("{nl}{nl}");
    let lay = |t: &str| t.replace('\n', nl);

    // (start, end, text) in the body, in file order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut pending: Vec<String> = Vec::new();
    // With no sv.txt: (fi line, text, is a credit line).
    let mut blocks: Vec<(usize, String, bool)> = Vec::new();
    for row in &article.alignment.rows {
        let ids: Vec<String> = row.fi.clone().map(|i| fi.segments[i].id.clone()).collect();
        let first = &fi.segments[row.fi.start];
        let texts: Vec<&str> = ids
            .iter()
            .filter_map(|id| targets.get(id.as_str()).copied())
            .collect();
        let current = article
            .alignment
            .sv(row, article.sv.as_ref())
            .filter(|s| !s.text.trim().is_empty());
        if let Some(sv) = current {
            let range = span(sv);
            if !pending.is_empty() {
                let mut text = pending.join(&para);
                text.push_str(&para);
                edits.push((range.start, range.start, text));
                pending.clear();
            }
            last_end = Some(range.end);
            if texts.is_empty() {
                out.without_target.extend(ids);
                continue;
            }
            // Counted as the file shows the row: its Swedish on the first
            // segment, the others of one paragraph empty. The first keeps
            // its Swedish when only another is filled in.
            let current_text = segment_text(sv, body);
            let first_new = targets
                .get(first.id.as_str())
                .map(|t| keep_answer_dash(first, &current_text, t));
            let mut pieces = vec![first_new.clone().unwrap_or_else(|| current_text.clone())];
            pieces.extend(
                ids[1..]
                    .iter()
                    .filter_map(|id| targets.get(id.as_str()).map(|t| t.to_string())),
            );
            // Another segment filled in splits the paragraph, even when the
            // words are the same.
            let split = pieces.len() > 1;
            let new = pieces.join("\n\n");
            if !split && same_text(&new, &current_text) {
                out.unchanged.extend(ids);
                continue;
            }
            edits.push((range.start, range.end, lay(&new)));
            out.written.insert(first.id.clone(), new);
            match &first_new {
                None => out.without_target.push(first.id.clone()),
                Some(t) if same_text(t, &current_text) => out.unchanged.push(first.id.clone()),
                Some(_) => out.changed.push(first.id.clone()),
            }
            for id in &ids[1..] {
                if targets.contains_key(id.as_str()) {
                    out.added.push(id.clone());
                } else {
                    out.unchanged.push(id.clone());
                }
            }
            continue;
        }
        if texts.is_empty() {
            out.without_target.extend(ids);
            continue;
        }
        let laid_out = as_finnish_lays_out(first, &texts.join("\n\n"));
        let reads = laid_out
            .strip_prefix("| ")
            .filter(|_| first.kind == crate::segment::Kind::Kicker);
        out.written
            .insert(first.id.clone(), reads.unwrap_or(&laid_out).to_string());
        let new = lay(&laid_out);
        if source.is_none() {
            blocks.push((first.line, new, false));
        } else {
            match last_end {
                Some(end) => edits.push((end, end, format!("{para}{new}"))),
                None => pending.push(new),
            }
        }
        out.added.extend(ids);
    }

    let Some(source) = source else {
        // A new sv.txt: the Finnish layout, credits put across.
        let fi_lines: Vec<&str> = article.fi_source.body().lines().collect();
        for credit in &fi.credits {
            if let Some(line) = fi_lines.get(credit.line.saturating_sub(1)) {
                blocks.push((credit.line, swedish_credit(line.trim()), true));
            }
        }
        // The translator tolk has on record, when the Finnish names none.
        let credited = fi
            .credits
            .iter()
            .any(|c| c.role == crate::segment::Role::Translator);
        if let Some(name) = article.status.translator.as_deref().filter(|_| !credited) {
            blocks.push((usize::MAX, format!("ÖVERSÄTTNING: {name}"), true));
        }
        blocks.sort_by_key(|b| b.0);
        let mut text = String::new();
        let mut previous: Option<(usize, bool)> = None;
        for (line, block, credit) in &blocks {
            if let Some((prev_line, prev_credit)) = previous {
                let together = *credit && prev_credit && *line == prev_line + 1;
                text.push_str(if together { nl } else { &para });
            }
            text.push_str(block);
            previous = Some((*line, *credit));
        }
        if !text.is_empty() {
            text.push_str(nl);
        }
        out.text = text;
        return out;
    };

    let mut text = String::with_capacity(source.text.len() + 256);
    text.push_str(&source.text[..source.text.len() - body.len()]);
    if !pending.is_empty() {
        // sv.txt has no segment to place them by: they open it.
        let mut head = pending.join(&para);
        head.push_str(if body.trim().is_empty() { nl } else { &para });
        edits.insert(0, (0, 0, head));
    }
    edits.sort_by_key(|e| e.0);
    let mut at = 0;
    for (start, end, new) in edits {
        if start < at {
            continue; // overlapping ranges never lose text: the first one stands
        }
        text.push_str(&body[at..start]);
        text.push_str(&new);
        at = end;
    }
    text.push_str(&body[at..]);
    out.text = text;
    out
}

/// A changed answer keeps the dash its Swedish has when the CAT tool's
/// target lost it (the check would flag the missing dash).
fn keep_answer_dash(fi: &crate::segment::Segment, current: &str, new: &str) -> String {
    let dashes = ['–', '—', '-'];
    match current.chars().next() {
        Some(d)
            if fi.kind == crate::segment::Kind::Answer
                && dashes.contains(&d)
                && !new.trim_start().starts_with(dashes) =>
        {
            format!("{d} {}", new.trim_start())
        }
        _ => new.to_string(),
    }
}

/// A new Swedish segment laid out as its Finnish is: the kicker's bar, an
/// answer's dash.
fn as_finnish_lays_out(fi: &crate::segment::Segment, text: &str) -> String {
    use crate::segment::Kind;
    match fi.kind {
        Kind::Kicker => format!("| {text}"),
        Kind::Answer => {
            let dash = fi
                .text
                .chars()
                .next()
                .filter(|c| matches!(c, '–' | '—' | '-'));
            match dash {
                Some(d) if !text.starts_with(['–', '—', '-']) => format!("{d} {text}"),
                _ => text.to_string(),
            }
        }
        _ => text.to_string(),
    }
}

/// A Finnish credit line in Swedish (`TEKSTI: Name` → `TEXT: Name`): the
/// first Swedish key crediting the same role, in the Finnish key's case.
fn swedish_credit(line: &str) -> String {
    use crate::lang::Lang;
    let Some((key, rest)) = line.split_once(':') else {
        return line.to_string();
    };
    let lower = key.trim().to_lowercase();
    let role = Lang::Fi
        .data()
        .credit_keys
        .iter()
        .chain(Lang::Sv.data().credit_keys)
        .find(|(k, _)| *k == lower)
        .map(|(_, r)| *r);
    let sv_key = role.and_then(|role| {
        if lower == "käännös" {
            return Some("översättning");
        }
        Lang::Sv
            .data()
            .credit_keys
            .iter()
            .find(|(_, r)| *r == role)
            .map(|(k, _)| *k)
    });
    let Some(sv_key) = sv_key else {
        return line.to_string();
    };
    let key = key.trim();
    let sv_key = if key.chars().any(char::is_lowercase) {
        let mut c = sv_key.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        sv_key.to_uppercase()
    };
    format!("{sv_key}:{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_credits_become_swedish() {
        assert_eq!(swedish_credit("TEKSTI: Maija Mäki"), "TEXT: Maija Mäki");
        assert_eq!(swedish_credit("KUVA: Pekka Puu"), "FOTO: Pekka Puu");
        assert_eq!(swedish_credit("Teksti ja kuva: A B"), "Text och foto: A B");
        assert_eq!(swedish_credit("KÄÄNNÖS: P H"), "ÖVERSÄTTNING: P H");
        assert_eq!(swedish_credit("ÖVERSÄTTNING: P H"), "ÖVERSÄTTNING: P H");
        assert_eq!(swedish_credit("Jotain muuta"), "Jotain muuta");
    }
}
