//! The glossary as CSV for spreadsheets, and back.
//!
//! UTF-8, a header row `fi,sv,avoid,fi_forms,sv_forms,note`, one row per
//! term; the list fields (`avoid`, `fi_forms`, `sv_forms`) hold their
//! patterns separated by `;` (a pattern cannot contain one). Fields are
//! quoted when they need it (a comma, a quote, a line break). Reading
//! accepts the columns in any order, a byte-order mark (as spreadsheets
//! save it), and refuses a column it does not know when a row has
//! something in it, naming the line.

use std::io::Write;

use anyhow::Result;

use crate::glossary::Term;

pub const COLUMNS: [&str; 6] = ["fi", "sv", "avoid", "fi_forms", "sv_forms", "note"];

/// Writes the terms as CSV.
pub fn write(out: &mut impl Write, terms: &[Term]) -> Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out);
    w.write_record(COLUMNS)?;
    for t in terms {
        w.write_record([
            t.fi.as_str(),
            t.sv.as_str(),
            &t.avoid.join(";"),
            &t.fi_forms.join(";"),
            &t.sv_forms.join(";"),
            t.note.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Reads the terms of a CSV file; each term's `line` is its row's.
pub fn read(text: &str) -> Result<Vec<Term>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| (1, format!("could not read the header row: {e}")))?
        .clone();
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    for required in ["fi", "sv"] {
        if !names.iter().any(|n| n == required) {
            return Err((
                1,
                format!(
                    "no `{required}` column; the header row is `{}`",
                    COLUMNS.join(",")
                ),
            ));
        }
    }
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) && !n.is_empty() {
            return Err((1, format!("the column `{n}` is there twice")));
        }
    }
    let mut terms = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            (line, format!("{e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut term = Term {
            fi: String::new(),
            sv: String::new(),
            avoid: Vec::new(),
            fi_forms: Vec::new(),
            sv_forms: Vec::new(),
            note: None,
            line,
        };
        for (name, field) in names.iter().zip(record.iter()) {
            let list = || -> Vec<String> {
                field
                    .split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            match name.as_str() {
                "fi" => term.fi = field.to_string(),
                "sv" => term.sv = field.to_string(),
                "avoid" => term.avoid = list(),
                "fi_forms" => term.fi_forms = list(),
                "sv_forms" => term.sv_forms = list(),
                "note" => term.note = (!field.trim().is_empty()).then(|| field.trim().to_string()),
                other if field.trim().is_empty() => {
                    let _ = other;
                }
                other => {
                    return Err((
                        line,
                        format!(
                            "`{}` in the unknown column `{other}`: the glossary has the columns \
                             {}; rename the column or empty it",
                            crate::text::ellipsize(field, 40),
                            COLUMNS.join(", ")
                        ),
                    ));
                }
            }
        }
        terms.push(term);
    }
    Ok(terms)
}
