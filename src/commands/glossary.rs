//! `tolk glossary export|import`: the glossary as TBX-Basic or CSV, and
//! terms from such a file added to `glossary.toml` (comments and existing
//! terms kept, written atomically).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::cli::TermFormat;
use crate::formats;
use crate::formats::csv::COLUMNS;
use crate::glossary::{Glossary, Term};
use crate::repo;
use crate::session::Session;
use crate::text::escape_controls as esc;

/// What an export did.
pub struct Exported {
    /// The file written (`-o`); `None` when the glossary went to stdout.
    pub written: Option<String>,
    pub terms: usize,
}

/// Writes the glossary as `format` to `out` or, with `output`, to that
/// file atomically.
pub fn export(
    session: &Session,
    format: TermFormat,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<Exported> {
    let repo = session.repo()?;
    let shown = repo.display(&repo.glossary);
    let glossary = session
        .read_glossary()?
        .with_context(|| format!("no `{shown}` to export (`tolk init` starts one)"))?;
    let mut bytes = Vec::new();
    match format {
        TermFormat::Tbx => formats::tbx::write(&mut bytes, &glossary.terms, &shown)?,
        TermFormat::Csv => formats::csv::write(&mut bytes, &glossary.terms)?,
    }
    let written = match output {
        None => {
            out.write_all(&bytes)?;
            None
        }
        Some(path) => {
            let full = session.cwd.join(path);
            let shown = path.display().to_string();
            repo::write_atomic(&full, &bytes, &shown)?;
            Some(shown)
        }
    };
    Ok(Exported {
        written,
        terms: glossary.terms.len(),
    })
}

/// What an import changed (or, with `--dry-run`, would change).
#[derive(Debug, Serialize)]
pub struct Imported {
    pub glossary: String,
    pub file: String,
    pub dry_run: bool,
    /// Terms appended.
    pub added: Vec<String>,
    /// Terms updated in place (`--replace`), with the keys that changed
    /// (removed ones included).
    pub replaced: Vec<(String, Vec<String>)>,
    /// Of those, the keys removed: the file's column for them is there
    /// and empty for that term.
    pub removed: Vec<(String, Vec<String>)>,
    /// Terms already in the glossary exactly as in the file.
    pub unchanged: Vec<String>,
}

/// The format of `file`: `--format`, else its extension.
fn format_of(file: &Path, format: Option<TermFormat>) -> Result<TermFormat> {
    if let Some(f) = format {
        return Ok(f);
    }
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match ext.as_deref() {
        Some("tbx") | Some("xml") => Ok(TermFormat::Tbx),
        Some("csv") => Ok(TermFormat::Csv),
        _ => bail!(
            "cannot tell the format of `{}` from its name; add --format tbx or --format csv",
            file.display()
        ),
    }
}

/// Takes from `old` the keys of `term` that `columns` (the file's) do not
/// have: a file without a `note` column says nothing about the notes.
fn keep_absent(term: &mut Term, old: &Term, columns: &[&str]) {
    let has = |key: &str| columns.contains(&key);
    if !has("sv") {
        term.sv = old.sv.clone();
    }
    if !has("avoid") {
        term.avoid = old.avoid.clone();
    }
    if !has("fi_forms") {
        term.fi_forms = old.fi_forms.clone();
    }
    if !has("sv_forms") {
        term.sv_forms = old.sv_forms.clone();
    }
    if !has("note") {
        term.note = old.note.clone();
    }
}

/// Whether `old` has something under `key` (a non-empty list, a note).
fn table_had(old: &Term, key: &str) -> bool {
    match key {
        "avoid" => !old.avoid.is_empty(),
        "fi_forms" => !old.fi_forms.is_empty(),
        "sv_forms" => !old.sv_forms.is_empty(),
        "note" => old.note.is_some(),
        _ => false,
    }
}

/// Puts `item`'s value in `slot`, keeping the slot's decor (the spaces
/// around the value and its end-of-line comment) and, when the value's
/// length changes, the column where that comment starts (at least one
/// space before it).
fn replace_value(slot: &mut toml_edit::Item, item: &toml_edit::Item) {
    let Some(old) = slot.as_value() else {
        *slot = item.clone();
        return;
    };
    let decor = old.decor().clone();
    let old_len = old.clone().decorated("", "").to_string().chars().count();
    *slot = item.clone();
    let Some(value) = slot.as_value_mut() else {
        return;
    };
    *value.decor_mut() = decor.clone();
    let suffix = decor.suffix().and_then(|s| s.as_str()).unwrap_or_default();
    let comment = suffix.trim_start_matches([' ', '\t']);
    if comment.starts_with('#') {
        let pad = suffix.len() - comment.len();
        let new_len = value.clone().decorated("", "").to_string().chars().count();
        let spaces = (old_len + pad).saturating_sub(new_len).max(1);
        value
            .decor_mut()
            .set_suffix(format!("{}{comment}", " ".repeat(spaces)));
    }
}

/// The keys of a term that differ between `old` and `new`.
fn changed_keys(old: &Term, new: &Term) -> Vec<String> {
    let mut keys = Vec::new();
    if old.sv != new.sv {
        keys.push("sv");
    }
    if old.avoid != new.avoid {
        keys.push("avoid");
    }
    if old.fi_forms != new.fi_forms {
        keys.push("fi_forms");
    }
    if old.sv_forms != new.sv_forms {
        keys.push("sv_forms");
    }
    if old.note != new.note {
        keys.push("note");
    }
    if old.fi != new.fi {
        keys.insert(0, "fi");
    }
    keys.into_iter().map(String::from).collect()
}

pub fn import(
    session: &Session,
    file: &Path,
    format: Option<TermFormat>,
    replace: bool,
    dry_run: bool,
) -> Result<Imported> {
    let format = format_of(file, format)?;
    let shown_file = file.display().to_string();
    let text = repo::read_text(&session.cwd.join(file), &shown_file)?;
    // The glossary keys the file speaks for: a TBX entry holds them all;
    // a CSV file only those its header has.
    let read = match format {
        TermFormat::Tbx => formats::tbx::read(&text).map(|terms| (terms, COLUMNS.to_vec())),
        TermFormat::Csv => formats::csv::read(&text).map(|sheet| (sheet.terms, sheet.columns)),
    };
    let (mut terms, columns) =
        read.map_err(|(line, why)| anyhow::anyhow!("{shown_file}:{line}: {why}"))?;
    let repo = session.repo_or_here()?;
    let shown = repo.display(&repo.glossary);
    let current = if repo.glossary.exists() {
        repo::read_text(&repo.glossary, &shown)?
    } else {
        String::new()
    };
    let existing = Glossary::parse(&current, &shown)?;
    // A key the file has no column for is left as the glossary has it.
    for term in &mut terms {
        if let Some(old) = existing
            .terms
            .iter()
            .find(|o| o.fi.to_lowercase() == term.fi.to_lowercase())
        {
            keep_absent(term, old, &columns);
        }
    }

    let mut problems: Vec<String> = Vec::new();
    let mut checked: Vec<Term> = Vec::new();
    for term in &terms {
        match term.checked() {
            Ok(t) => checked.push(t),
            Err(why) => problems.push(format!("{shown_file}:{}: {why}", term.line)),
        }
    }
    let mut first_line: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for t in &checked {
        let key = t.fi.to_lowercase();
        if let Some(first) = first_line.get(&key) {
            problems.push(format!(
                "{shown_file}:{}: `{}` is in this file twice (also on line {first}); keep one",
                t.line,
                esc(&t.fi)
            ));
        } else {
            first_line.insert(key, t.line);
        }
        if !replace
            && let Some(old) = existing
                .terms
                .iter()
                .find(|o| o.fi.to_lowercase() == t.fi.to_lowercase())
            && !changed_keys(old, t).is_empty()
        {
            problems.push(format!(
                "{shown_file}:{}: `{}` is already in {shown}:{} (sv = \"{}\"); pass --replace \
                 to update it from this file",
                t.line,
                esc(&t.fi),
                old.line,
                esc(&old.sv)
            ));
        }
    }
    if !problems.is_empty() {
        bail!(
            "nothing imported:\n{}",
            problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    let mut doc: toml_edit::DocumentMut = current
        .parse()
        .with_context(|| format!("could not read `{shown}` for editing"))?;
    let mut report = Imported {
        glossary: shown.clone(),
        file: shown_file,
        dry_run,
        added: Vec::new(),
        replaced: Vec::new(),
        removed: Vec::new(),
        unchanged: Vec::new(),
    };
    if doc.get("term").is_none() {
        doc.insert(
            "term",
            toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
        );
    }
    let tables = doc["term"]
        .as_array_of_tables_mut()
        .with_context(|| format!("`term` in `{shown}` is not a list of [[term]] tables"))?;
    for t in checked {
        let at = existing
            .terms
            .iter()
            .position(|o| o.fi.to_lowercase() == t.fi.to_lowercase());
        match at {
            None => {
                tables.push(t.to_table());
                report.added.push(t.fi);
            }
            Some(i) => {
                let old = &existing.terms[i];
                let keys = changed_keys(old, &t);
                if keys.is_empty() {
                    report.unchanged.push(t.fi);
                    continue;
                }
                let table = tables
                    .get_mut(i)
                    .with_context(|| format!("`{shown}` changed while it was read"))?;
                let new = t.to_table();
                // Only the keys that changed are touched: the others keep
                // their text exactly.
                for key in &keys {
                    match new.get(key) {
                        Some(item) => match table.get_mut(key) {
                            Some(slot) if slot.is_value() => replace_value(slot, item),
                            _ => {
                                table.insert(key, item.clone());
                            }
                        },
                        None => {
                            table.remove(key);
                        }
                    }
                }
                let removed: Vec<String> = keys
                    .iter()
                    .filter(|k| new.get(k).is_none() && table_had(old, k))
                    .cloned()
                    .collect();
                if !removed.is_empty() {
                    report.removed.push((t.fi.clone(), removed));
                }
                report.replaced.push((t.fi, keys));
            }
        }
    }
    let rendered = doc.to_string();
    // What is written must read back: never leave a glossary tolk refuses.
    Glossary::parse(&rendered, &shown)?;
    if !dry_run && (!report.added.is_empty() || !report.replaced.is_empty()) {
        repo::write_atomic(&repo.glossary, rendered.as_bytes(), &shown)?;
    }
    Ok(report)
}

/// `glossary import` for people.
pub fn print_imported(out: &mut impl Write, r: &Imported) -> Result<()> {
    let (add, rep) = if r.dry_run {
        ("would add", "would update")
    } else {
        ("added", "updated")
    };
    for fi in &r.added {
        writeln!(out, "{add} `{}`", esc(fi))?;
    }
    let remove = if r.dry_run { "would remove" } else { "removed" };
    for (fi, keys) in &r.replaced {
        let removed = r
            .removed
            .iter()
            .find(|(f, _)| f == fi)
            .map(|(_, k)| k.as_slice())
            .unwrap_or_default();
        let updated: Vec<&str> = keys
            .iter()
            .filter(|k| !removed.contains(k))
            .map(String::as_str)
            .collect();
        if !updated.is_empty() {
            writeln!(out, "{rep} `{}` ({})", esc(fi), updated.join(", "))?;
        }
        for key in removed {
            let what = match key.as_str() {
                "avoid" => "the avoid list",
                "fi_forms" => "the Finnish forms (fi_forms)",
                "sv_forms" => "the Swedish forms (sv_forms)",
                _ => "the note",
            };
            writeln!(out, "{remove} {what} of `{}`", esc(fi))?;
        }
    }
    if !r.unchanged.is_empty() {
        writeln!(
            out,
            "{} term{} already in {} as in the file",
            r.unchanged.len(),
            if r.unchanged.len() == 1 { "" } else { "s" },
            esc(&r.glossary)
        )?;
    }
    let total = r.added.len() + r.replaced.len();
    if r.dry_run {
        writeln!(
            out,
            "dry run: {} not changed ({total} change{} from {})",
            esc(&r.glossary),
            if total == 1 { "" } else { "s" },
            esc(&r.file)
        )?;
    } else if total == 0 {
        writeln!(out, "{}: nothing to change", esc(&r.glossary))?;
    } else {
        writeln!(
            out,
            "wrote {} ({} added, {} updated)",
            esc(&r.glossary),
            r.added.len(),
            r.replaced.len()
        )?;
    }
    Ok(())
}
