//! The glossary as CSV for spreadsheets, and back.
//!
//! UTF-8, a header row `fi,sv,avoid,fi_forms,sv_forms,note`, one row per
//! term; the list fields (`avoid`, `fi_forms`, `sv_forms`) hold their
//! patterns separated by `;` (a pattern cannot contain one). Fields are
//! quoted when they need it (a comma, a quote, a line break). Reading
//! accepts the columns in any order (and only some of them: see `Sheet`),
//! a byte-order mark and CRLF lines (as spreadsheets save them), `;` or a
//! tab as the separator when the header row uses it (Excel in a Finnish
//! locale saves `fi;sv;…`), and refuses a column it does not know when a
//! row has something in it, naming the line.

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

/// What a CSV file holds: its terms and the glossary columns its header
/// has (a column it does not have says nothing about that field).
#[derive(Debug)]
pub struct Sheet {
    pub terms: Vec<Term>,
    pub columns: Vec<&'static str>,
}

/// The field separator of a file whose header row is `header`: `,`, or
/// `;` as a spreadsheet in a Finnish (or other comma-decimal) locale saves
/// it, or a tab.
fn separator(header: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .find(|&s| header.as_bytes().contains(&s))
        .unwrap_or(b',')
}

/// The line (1-based) where the record starting at byte `at` of `text`
/// begins. The csv crate's own line count is one short after a CRLF line
/// (it counts the record from the `\n` that ends the previous one), so the
/// line is counted here from the byte offset, past any line break.
fn line_at(text: &str, at: u64) -> usize {
    let bytes = text.as_bytes();
    let mut at = (at as usize).min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count()
}

/// A spreadsheet cell with its line breaks as `\n` (a cell spanning lines
/// in a CRLF file holds `\r\n`, an old Mac one `\r`).
fn cell(field: &str) -> String {
    field.replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads the terms of a CSV file; each term's `line` is its row's.
pub fn read(text: &str) -> Result<Sheet, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    let separator = separator(header_line);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            (
                1,
                format!("could not read the header row: {}", csv_error(&e)),
            )
        })?
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
    let columns: Vec<&'static str> = COLUMNS
        .into_iter()
        .filter(|c| names.iter().any(|n| n == c))
        .collect();
    let shown = |s: u8| {
        if s == b'\t' {
            "a tab".to_string()
        } else {
            format!("`{}`", s as char)
        }
    };
    let mut terms = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(text, p.byte()));
            (line, csv_error(&e))
        })?;
        let line = record.position().map_or(0, |p| line_at(text, p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            let other = [b',', b';', b'\t']
                .into_iter()
                .find(|&s| s != separator && record.iter().any(|f| f.as_bytes().contains(&s)));
            let hint = match other {
                Some(s) => format!(
                    "; the header is separated by {} but this row by {}: save the file \
                     with one separator",
                    shown(separator),
                    shown(s)
                ),
                None => format!(
                    "; give every row the header's {} fields (empty ones too), or quote \
                     a field that holds {}",
                    names.len(),
                    shown(separator)
                ),
            };
            return Err((
                line,
                format!(
                    "this row has {} field{} but the header row has {}{hint}",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" },
                    names.len()
                ),
            ));
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
            let field = cell(field);
            let list = || -> Vec<String> {
                field
                    .split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            match name.as_str() {
                "fi" => term.fi = field.clone(),
                "sv" => term.sv = field.clone(),
                "avoid" => term.avoid = list(),
                "fi_forms" => term.fi_forms = list(),
                "sv_forms" => term.sv_forms = list(),
                "note" => term.note = (!field.trim().is_empty()).then(|| field.trim().to_string()),
                _ if field.trim().is_empty() => {}
                other => {
                    return Err((
                        line,
                        format!(
                            "`{}` in the unknown column `{other}`: the glossary has the columns \
                             {}; rename the column or empty it",
                            crate::text::ellipsize(&field, 40),
                            COLUMNS.join(", ")
                        ),
                    ));
                }
            }
        }
        terms.push(term);
    }
    Ok(Sheet { terms, columns })
}

/// A csv crate error in tolk's words, without its own position (the
/// caller names the line).
fn csv_error(e: &::csv::Error) -> String {
    match e.kind() {
        ::csv::ErrorKind::Utf8 { .. } => "not UTF-8; save the file as \"CSV UTF-8\"".to_string(),
        ::csv::ErrorKind::Io(io) => format!("could not read it: {io}"),
        _ => format!("could not read this row as CSV ({e})"),
    }
}
