//! The only place that writes to stdout: tables, JSON, annotations.
//!
//! Every text that comes from outside tolk (article text, glossary terms,
//! names, paths, messages quoting them) goes through `esc` before it is
//! printed for people, so a control character in a file shows as
//! `\u{1b}` instead of acting on the terminal. JSON escapes by itself.

use std::io::Write;

use anyhow::Result;
use comfy_table::{
    Cell, CellAlignment, ContentArrangement, LineStyle, Row, Table, TableStyle, presets,
};
use serde::Serialize;

use crate::checks::{Excerpt, Finding, Rule, Severity};
use crate::commands::accept::{AcceptReport, WaiverStatus};
use crate::commands::check::CheckReport;
use crate::commands::credits::CreditsReport;
use crate::commands::diff::{AllRows, Change, DiffReport, Op, SideBySide};
use crate::commands::doctor::DoctorReport;
use crate::commands::import::ImportReport;
use crate::commands::init::InitReport;
use crate::commands::mark::MarkReport;
use crate::commands::rules::RulesReport;
use crate::commands::segments::SegmentsReport;
use crate::commands::status::{ArticleStatus, RowState, StatusReport};
use crate::commands::terms::{HitKind, TermsReport};
use crate::commands::words::WordsReport;
use crate::style::{Style, Tone};
use crate::text::{ellipsize, escape_controls as esc};

/// `--pretty`: JSON indented for reading. Off by default: programs read
/// JSON, and the report of a large archive is half its size compact.
static PRETTY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets how [`json`] writes for the rest of the run (`--pretty`).
pub fn set_pretty(pretty: bool) {
    PRETTY.store(pretty, std::sync::atomic::Ordering::Relaxed);
}

/// Writes `value` as one JSON document on one line, or indented under
/// `--pretty`.
pub fn json<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    if PRETTY.load(std::sync::atomic::Ordering::Relaxed) {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Text another tool generated for us (a completion script, the manual
/// page), as it is.
pub fn generated(out: &mut impl Write, text: &[u8]) -> Result<()> {
    out.write_all(text)?;
    Ok(())
}

/// Columns separated by space, one rule under the header: reads the same in
/// a terminal, a pager and a CI log.
const HOUSE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// A table in tolk's house style, pinned to `width`.
pub fn table(width: u16) -> Table {
    styled_table(width, HOUSE)
}

/// A table with a rule between rows, for multi-line cells.
pub fn ruled_table(width: u16) -> Table {
    styled_table(width, presets::UTF8_HORIZONTAL_ONLY)
}

fn styled_table(width: u16, style: TableStyle) -> Table {
    let mut table = Table::new();
    // tolk decides colour (`Style::cell`), never comfy-table's own look at
    // the terminal; a coloured cell is measured by its text alone.
    table
        .force_no_tty()
        .enforce_styling()
        .load_style(style)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table.style_text_only();
    table
}

pub fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

pub fn segments(out: &mut impl Write, report: &SegmentsReport, style: &Style) -> Result<()> {
    writeln!(
        out,
        "{} ({}, {})",
        style.bold(&esc(&report.file)),
        report.lang,
        report.segmented.kind.as_str()
    )?;
    let segs = &report.segmented.segments;
    let mut t = table(style.width);
    t.set_header(vec!["n", "id", "role", "line", "words", "text"]);
    for s in segs {
        let mut row = Row::from(vec![
            right(s.n),
            Cell::new(esc(&s.id)),
            Cell::new(s.role.as_str()),
            right(s.line),
            right(s.words),
            Cell::new(esc(&s.text.replace("\n\n", " ¶ "))),
        ]);
        row.max_height(1);
        t.add_row(row);
    }
    if segs.is_empty() {
        writeln!(out, "no segments")?;
    } else {
        writeln!(out, "{}", t.trim_fmt())?;
    }
    for c in &report.segmented.credits {
        writeln!(
            out,
            "credit   line {:>3}  {}: {}",
            c.line,
            c.role.as_str(),
            esc(&c.display)
        )?;
    }
    for k in &report.segmented.skipped {
        let prefix = format!("skipped  line {:>3}  ", k.line);
        let suffix = format!(" ({})", k.reason);
        let room = (style.width as usize)
            .saturating_sub(prefix.len() + suffix.len())
            .max(10);
        writeln!(out, "{prefix}{}{suffix}", ellipsize(&esc(&k.text), room))?;
    }
    Ok(())
}

pub fn import(out: &mut impl Write, report: &ImportReport) -> Result<()> {
    for f in &report.files {
        writeln!(out, "imported {} ({} segments)", esc(&f.file), f.segments)?;
    }
    match &report.translator {
        Some(name) => writeln!(out, "translator: {}", esc(name))?,
        None if report.files.iter().any(|f| f.lang == "sv") => writeln!(
            out,
            "translator: none named (no ÖVERSÄTTNING line in sv.txt)"
        )?,
        None => {}
    }
    match report.kept_records {
        Some(0) | None => {}
        Some(n) => writeln!(
            out,
            "kept {n} segment record{} in status.toml: states are derived anew from the new \
             Swedish (see `tolk status {}`)",
            if n == 1 { "" } else { "s" },
            esc(&report.article)
        )?,
    }
    Ok(())
}

/// A row state as shown (`reviewed*` when edited since review) and its
/// colour.
fn state_text(state: impl Into<RowState>, edited: bool) -> (String, Option<Tone>) {
    let state = state.into();
    let text = if edited {
        format!("{}*", state.as_str())
    } else {
        state.as_str().to_string()
    };
    let tone = match state {
        RowState::Missing | RowState::Stale | RowState::Orphan | RowState::Extra => Some(Tone::Red),
        RowState::Draft => Some(Tone::Yellow),
        RowState::Reviewed if !edited => Some(Tone::Green),
        _ => None,
    };
    (text, tone)
}

fn state_cell(state: impl Into<RowState>, edited: bool, style: &Style) -> Cell {
    let (text, tone) = state_text(state, edited);
    style.cell(text, tone)
}

pub fn status(out: &mut impl Write, report: &StatusReport, style: &Style) -> Result<()> {
    let single = report.articles.len() == 1 && report.articles[0].detail.is_some();
    if single {
        let a = &report.articles[0];
        writeln!(
            out,
            "{}: {} segments, {} source words, {} done ({:.0}%)",
            style.bold(&esc(&a.article)),
            a.segments,
            a.words,
            a.done_words,
            a.percent.floor()
        )?;
        writeln!(
            out,
            "  missing {}  draft {}  translated {}  reviewed {}  stale {}",
            a.missing, a.draft, a.translated, a.reviewed, a.stale
        )?;
        let translators = if a.translators.is_empty() {
            "none yet".to_string()
        } else {
            a.translators.join(", ")
        };
        writeln!(out, "  translators: {}", esc(&translators))?;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut total = ArticleStatus::default();
    let counts = |a: &ArticleStatus, name: String| {
        vec![
            esc(&name).into_owned(),
            a.segments.to_string(),
            a.missing.to_string(),
            a.draft.to_string(),
            a.translated.to_string(),
            a.reviewed.to_string(),
            a.stale.to_string(),
            a.words.to_string(),
            a.done_words.to_string(),
            format!("{:.0}", a.percent.floor()),
            esc(&a.translators.join(", ")).into_owned(),
        ]
    };
    for a in &report.articles {
        rows.push(counts(a, a.article.clone()));
        total.segments += a.segments;
        total.missing += a.missing;
        total.draft += a.draft;
        total.translated += a.translated;
        total.reviewed += a.reviewed;
        total.stale += a.stale;
        total.words += a.words;
        total.done_words += a.done_words;
    }
    if report.articles.len() > 1 {
        total.percent = crate::commands::status::percent(total.done_words, total.words);
        rows.push(counts(&total, format!("total ({})", report.articles.len())));
    }
    let header = [
        "article",
        "segs",
        "miss",
        "draft",
        "trans",
        "rev",
        "stale",
        "words",
        "done",
        "%",
        "translators",
    ];
    // Every column but the last keeps its full width; the translators are
    // shortened to what is left of the terminal, or dropped when nothing is.
    let build = |translators: Option<usize>| {
        let mut t = table(style.width);
        t.set_content_arrangement(ContentArrangement::Disabled);
        let n = if translators.is_some() { 11 } else { 10 };
        t.set_header(header[..n].to_vec());
        for row in &rows {
            let mut cells: Vec<Cell> = Vec::new();
            for (i, value) in row[..n].iter().enumerate() {
                cells.push(match (i, translators) {
                    (0, _) => Cell::new(value),
                    (10, Some(room)) => Cell::new(ellipsize(value, room)),
                    _ => right(value),
                });
            }
            t.add_row(cells);
        }
        for (i, column) in t.column_iter_mut().enumerate() {
            column.set_padding(if i == 0 { (1, 1) } else { (0, 0) });
        }
        t
    };
    let narrow = build(None).trim_fmt();
    let used = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let room = (style.width as usize).saturating_sub(used + 1);
    let t = if room >= 12 {
        build(Some(room)).trim_fmt()
    } else {
        narrow
    };
    if !single && !report.articles.is_empty() {
        writeln!(out, "{t}")?;
    }
    for a in &report.articles {
        if let Some(detail) = &a.detail {
            let mut d = table(style.width);
            d.set_header(vec!["n", "id", "state", "by", "at", "words"]);
            for row in detail {
                d.add_row(vec![
                    right(row.n.map_or(String::new(), |n| n.to_string())),
                    Cell::new(esc(&row.id)),
                    state_cell(row.state, row.edited, style),
                    Cell::new(esc(row.by.as_deref().unwrap_or(""))),
                    Cell::new(esc(row.at.as_deref().unwrap_or(""))),
                    right(row.words),
                ]);
            }
            if !single {
                writeln!(out, "\n{}", style.bold(&esc(&a.article)))?;
            }
            writeln!(out, "{}", d.trim_fmt())?;
        }
    }
    let mut notes = Vec::new();
    for a in &report.articles {
        if a.edited > 0 {
            notes.push(format!(
                "{}: {} reviewed segment{} changed after review (marked reviewed*)",
                esc(&a.article),
                a.edited,
                if a.edited == 1 { "" } else { "s" }
            ));
        }
        if a.orphan > 0 {
            notes.push(format!(
                "{}: {} record{} in status.toml for ids no longer in fi.txt (orphan; kept)",
                esc(&a.article),
                a.orphan,
                if a.orphan == 1 { "" } else { "s" }
            ));
        }
        if a.extra > 0 {
            notes.push(format!(
                "{}: {} Swedish segment{} with no Finnish counterpart",
                esc(&a.article),
                a.extra,
                if a.extra == 1 { "" } else { "s" }
            ));
        }
    }
    if !notes.is_empty() {
        writeln!(out)?;
        for n in notes {
            writeln!(out, "{n}")?;
        }
    }
    Ok(())
}

pub fn mark(out: &mut impl Write, report: &MarkReport) -> Result<()> {
    let n = report.marked.len();
    if n == 0
        && report.kept_reviewed.is_empty()
        && report.skipped_missing.is_empty()
        && report.already.is_empty()
        && report.kept_others.is_empty()
        && !report.states.is_empty()
    {
        writeln!(
            out,
            "{}: no segment is {}; nothing was marked",
            esc(&report.article),
            report.states.join(" or ")
        )?;
        return Ok(());
    }
    if n == 0 {
        writeln!(out, "{}: nothing was marked", esc(&report.article))?;
    } else {
        writeln!(
            out,
            "{}: marked {n} segment{} {} by {} ({})",
            esc(&report.article),
            if n == 1 { "" } else { "s" },
            report.state,
            esc(&report.by),
            esc(&report.at)
        )?;
    }
    for (id, named) in &report.with {
        writeln!(
            out,
            "  {} with {}: one Swedish paragraph translates both",
            esc(id),
            esc(named)
        )?;
    }
    if !report.skipped_missing.is_empty() {
        writeln!(
            out,
            "left alone, no Swedish text: {}",
            esc(&report.skipped_missing.join(" "))
        )?;
    }
    if !report.kept_reviewed.is_empty() {
        let ids: Vec<&str> = report.kept_reviewed.iter().map(|r| r.id.as_str()).collect();
        writeln!(
            out,
            "left alone, reviewed (--force marks them translated and drops the review): {}",
            esc(&ids.join(" "))
        )?;
    }
    if !report.already.is_empty() {
        writeln!(
            out,
            "already {} by {}, unchanged (record and date kept): {}",
            report.state,
            esc(&report.by),
            esc(&report.already.join(" "))
        )?;
    }
    if !report.kept_others.is_empty() {
        let list: Vec<String> = report.kept_others.iter().map(|c| c.to_string()).collect();
        writeln!(
            out,
            "left alone, somebody else's (--force takes over the credit): {}",
            esc(&list.join(", "))
        )?;
    }
    if !report.own_review.is_empty() {
        writeln!(
            out,
            "note: {} translated {} too; the publish gate wants another reviewer",
            esc(&report.by),
            esc(&report.own_review.join(" "))
        )?;
    }
    Ok(())
}

pub fn credits(out: &mut impl Write, report: &CreditsReport, style: &Style) -> Result<()> {
    let period = match (&report.since, &report.until) {
        (Some(s), Some(u)) => Some(format!("from {s} to {u}")),
        (Some(s), None) => Some(format!("since {s}")),
        (None, Some(u)) => Some(format!("until {u}")),
        (None, None) => None,
    };
    if let Some(period) = &period {
        writeln!(out, "work marked {period}")?;
    }
    if report.people.is_empty() {
        if period.is_some() {
            writeln!(out, "nobody marked any segment in that period")?;
        } else {
            writeln!(
                out,
                "nobody has marked any segment yet (tolk mark SLUG --all --as translated --by NAME)"
            )?;
        }
    } else {
        let by_month = report.people.iter().any(|p| p.month.is_some());
        let mut t = table(style.width);
        let mut header = vec!["name"];
        if by_month {
            header.push("month");
        }
        header.extend(["role", "articles", "segments", "words", "credited"]);
        t.set_header(header);
        for p in &report.people {
            let mut row = vec![Cell::new(esc(&p.name))];
            if let Some(month) = &p.month {
                row.push(Cell::new(month));
            }
            row.extend([
                Cell::new(p.role),
                right(p.articles),
                right(p.segments),
                right(p.words),
                right(p.credited),
            ]);
            t.add_row(row);
        }
        // Two spaces between columns, so a name and a month fit in 80.
        for (i, column) in t.column_iter_mut().enumerate() {
            column.set_padding(if i == 0 { (1, 1) } else { (1, 0) });
        }
        writeln!(out, "{}", t.trim_fmt())?;
    }
    if report.undated > 0 {
        writeln!(
            out,
            "{} record(s) in status.toml with no readable date (`at`) left out",
            report.undated
        )?;
    }
    Ok(())
}

/// Wraps `text` to the width, every line after the first indented to
/// `indent` (ANSI colour codes do not count towards the width).
pub fn wrap_indented(text: &str, first: &str, indent: usize, width: u16) -> String {
    let width = (width as usize).max(indent + 20);
    // Most lines fit: then textwrap gives `first` and the text without its
    // trailing spaces, whatever its algorithm (one line costs one line
    // penalty, any break at least two), and finding its words and
    // costing its breaks is most of the time a long report takes. The
    // widths are textwrap's own.
    let line = text.trim_end_matches(' ');
    if !line.is_empty()
        && !text.contains('\n')
        && textwrap::core::display_width(line)
            <= width
                .saturating_sub(textwrap::core::display_width(first))
                .max(1)
    {
        let mut out = String::with_capacity(first.len() + line.len());
        out.push_str(first);
        out.push_str(line);
        return out;
    }
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(&pad)
        .break_words(false);
    textwrap::fill(text, options)
}

pub fn render_changes(changes: &[Change], style: &Style) -> String {
    render_word_changes(changes.iter().map(|c| (c.op, c.text.as_str(), true)), style)
}

/// A word difference for people, git `--word-diff=plain` style:
/// `[-old-]{+new+}` with no space between. Each run says whether a space
/// comes before it (not before a full stop). The markers stay when colour
/// is on: red and green alone are one colour to many readers.
pub fn render_word_changes<'a>(
    changes: impl IntoIterator<Item = (Op, &'a str, bool)>,
    style: &Style,
) -> String {
    let mut out = String::new();
    let mut prev: Option<Op> = None;
    for (op, text, spaced) in changes {
        let glued = prev == Some(Op::Delete) && op == Op::Insert;
        if !out.is_empty() && spaced && !glued {
            out.push(' ');
        }
        let text = esc(text);
        match op {
            Op::Equal => out.push_str(&text),
            Op::Delete => out.push_str(&style.red(&format!("[-{text}-]"))),
            Op::Insert => out.push_str(&style.green(&format!("{{+{text}+}}"))),
        }
        prev = Some(op);
    }
    out
}

/// Rows of `diff --all` laid out as one table; a longer table is printed
/// row by row as the rows are made.
const SIDE_BY_SIDE_TABLE: usize = 1024;

/// `diff --all`. Up to [`SIDE_BY_SIDE_TABLE`] rows are one table, laid out
/// by its content. Longer ones (an article of many megabytes) are printed
/// a row at a time in the same style, so that only one row is ever in
/// memory: the id and state columns as wide as their widest cell, the
/// rest of the width shared by the two texts, each wrapped at its width.
fn side_by_side(out: &mut impl Write, all: &AllRows, style: &Style) -> Result<()> {
    // The texts of a row, the state without colour: the table colours its
    // cell itself, the long layout after padding.
    let texts = |row: &SideBySide<'_>| {
        let mut sv = match (&row.with, &row.sv) {
            (Some(first), _) => format!("(with {})", esc(first)),
            (None, Some(sv)) => esc(sv).into_owned(),
            (None, None) => String::new(),
        };
        if let (Some((a, b)), None) = (row.sv_lines, &row.with) {
            let lines = if a == b {
                format!("sv.txt:{a}")
            } else {
                format!("sv.txt:{a}–{b}")
            };
            sv = format!("{sv}\n[{lines}]");
        }
        let (state, tone) = state_text(row.state, row.edited);
        (
            [
                esc(row.id.unwrap_or("—")).into_owned(),
                state,
                esc(row.fi).into_owned(),
                sv,
            ],
            tone,
        )
    };
    let header = ["id", "state", "Finnish", "Swedish"];
    let width = textwrap::core::display_width;
    // The narrow columns' widths, and whether the rows make one table.
    let (mut id, mut state) = (header[0].len(), header[1].len());
    let mut count = 0;
    for row in all.rows() {
        id = id.max(width(&esc(row.id.unwrap_or("—"))));
        state = state.max(width(&state_text(row.state, row.edited).0));
        count += 1;
    }
    if count <= SIDE_BY_SIDE_TABLE {
        let mut t = ruled_table(style.width);
        t.set_header(header.to_vec());
        for row in all.rows() {
            let ([id, state, fi, sv], tone) = texts(&row);
            t.add_row(vec![
                Cell::new(id),
                style.cell(state, tone),
                Cell::new(fi),
                Cell::new(sv),
            ]);
        }
        writeln!(out, "{}", t.trim_fmt())?;
        return Ok(());
    }
    // Content widths: every column has a space either side, and a space
    // separates columns.
    let text = usize::from(style.width).saturating_sub(id + state + 4 * 2 + 3);
    let text = text.max(20);
    let widths = [id, state, text - text / 2, text / 2];
    let total = widths.iter().map(|w| w + 2).sum::<usize>() + 3;
    let rule = "─".repeat(total);
    let print = |out: &mut dyn Write,
                 cells: &[String],
                 tone: Option<Tone>|
     -> std::io::Result<()> {
        let wrapped: Vec<Vec<std::borrow::Cow<'_, str>>> = cells
            .iter()
            .zip(widths)
            .map(|(cell, w)| {
                // As the table wraps: greedy, each line as full as it gets,
                // and never at a hyphen.
                let options = textwrap::Options::new(w)
                    .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                cell.split('\n')
                    .flat_map(|line| textwrap::wrap(line, &options))
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        let mut line = String::new();
        for k in 0..height {
            line.clear();
            for (c, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
                let part = lines.get(k).map_or("", |l| l.as_ref());
                line.push_str(if c == 0 { " " } else { "  " });
                // Padded by the text's width; the colour codes come on top.
                match (c, tone) {
                    (1, Some(tone)) if !part.is_empty() => line.push_str(&style.tone(tone, part)),
                    _ => line.push_str(part),
                }
                line.extend(std::iter::repeat_n(' ', w.saturating_sub(width(part)) + 1));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    };
    writeln!(out, "{rule}")?;
    print(out, &header.map(String::from), None)?;
    writeln!(out, "{}", "═".repeat(total))?;
    for (k, row) in all.rows().enumerate() {
        if k > 0 {
            writeln!(out, "{rule}")?;
        }
        let (cells, tone) = texts(&row);
        print(out, &cells, tone)?;
    }
    writeln!(out, "{rule}")?;
    Ok(())
}

pub fn diff(out: &mut impl Write, report: &DiffReport, style: &Style) -> Result<()> {
    if let Some(all) = &report.all {
        return side_by_side(out, all, style);
    }
    let n = report.segments.len();
    if n == 0 && report.edited.is_empty() && report.unchanged.is_empty() {
        writeln!(out, "{}: no stale segments", esc(&report.article))?;
        return Ok(());
    }
    if n > 0 {
        writeln!(
            out,
            "{}: {n} segment{} changed in Finnish since translated",
            style.bold(&esc(&report.article)),
            if n == 1 { "" } else { "s" }
        )?;
    }
    for s in &report.segments {
        writeln!(out)?;
        writeln!(
            out,
            "{}  line {}  {} by {} on {}",
            style.bold(&esc(&s.id)),
            s.line,
            s.marked,
            esc(&s.by),
            esc(&s.at)
        )?;
        let fi = render_changes(&s.changes, style);
        writeln!(out, "{}", wrap_indented(&fi, "  fi  ", 6, style.width))?;
        let sv = esc(s.sv.as_deref().unwrap_or("(no Swedish text)"));
        writeln!(out, "{}", wrap_indented(&sv, "  sv  ", 6, style.width))?;
        if !s.numbers.old.is_empty() || !s.numbers.new.is_empty() {
            let old = if s.numbers.old.is_empty() {
                "-".to_string()
            } else {
                esc(&s.numbers.old.join(", ")).into_owned()
            };
            let new = if s.numbers.new.is_empty() {
                "-".to_string()
            } else {
                esc(&s.numbers.new.join(", ")).into_owned()
            };
            writeln!(
                out,
                "  {}  number changed: {old} → {new}",
                style.yellow("!")
            )?;
        }
        for word in &s.still_in_sv {
            writeln!(out, "  {}  sv still says {}", style.yellow("!"), esc(word))?;
        }
    }
    if !report.edited.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.bold("Swedish changed after review:"))?;
        for e in &report.edited {
            writeln!(out)?;
            writeln!(
                out,
                "{}  line {}  reviewed by {} on {}",
                style.bold(&esc(&e.id)),
                e.line,
                esc(&e.reviewed_by),
                esc(&e.at)
            )?;
            let sv = render_changes(&e.changes, style);
            writeln!(out, "{}", wrap_indented(&sv, "  sv  ", 6, style.width))?;
        }
    }
    for note in &report.unchanged {
        writeln!(out, "{}: {}", esc(&note.id), esc(&note.note))?;
    }
    Ok(())
}

/// The excerpt with its highlighted words: coloured, or in `**…**`.
fn render_excerpt(e: &Excerpt, style: &Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &e.highlights {
        if a < at || b > e.text.len() || !e.text.is_char_boundary(a) || !e.text.is_char_boundary(b)
        {
            continue;
        }
        out.push_str(&esc(&e.text[at..a]));
        let word = &*esc(&e.text[a..b]);
        if style.color {
            out.push_str(&style.bold(&style.red(word)));
        } else {
            out.push_str(&format!("**{word}**"));
        }
        at = b;
    }
    out.push_str(&esc(&e.text[at..]));
    out
}

fn severity(sev: Severity, style: &Style) -> String {
    match sev {
        Severity::Error => style.red("error"),
        Severity::Warning => style.yellow("warning"),
    }
}

/// `path:line:col`, which terminals and editors follow.
fn location(f: &Finding) -> String {
    format!("{}:{}:{}", esc(&f.file), f.line, f.column)
}

fn finding(out: &mut impl Write, f: &Finding, style: &Style) -> Result<()> {
    let seg = f
        .segment
        .as_deref()
        .map(|s| format!("  {}", style.bold(&esc(s))));
    writeln!(
        out,
        "{}: {}[{}]{}",
        location(f),
        severity(f.severity, style),
        f.rule,
        seg.unwrap_or_default()
    )?;
    writeln!(
        out,
        "{}",
        wrap_indented(&esc(&f.message), "    ", 4, style.width)
    )?;
    if let Some(e) = &f.excerpt {
        let lead = format!("    {} │ ", e.lang);
        let indent = lead.chars().count();
        writeln!(
            out,
            "{}",
            wrap_indented(&render_excerpt(e, style), &lead, indent, style.width)
        )?;
    }
    Ok(())
}

/// How `check` prints its findings: every format is a printer of the same
/// report, so a new format never touches a rule. SARIF, JUnit and the
/// statistics live in `formats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printer {
    Human,
    Concise,
    Json,
    Github,
    Sarif,
    Junit,
    /// `--statistics`: counts per rule, for people.
    Statistics,
    /// `--statistics --format json`.
    JsonStatistics,
}

impl Printer {
    /// Prints the report; `strict` says whether warnings fail the check,
    /// which JUnit shows as failed test cases.
    pub fn print(
        self,
        out: &mut impl Write,
        report: &CheckReport,
        style: &Style,
        strict: bool,
    ) -> Result<()> {
        use crate::formats::{junit, sarif, statistics};
        match self {
            Printer::Human => check(out, report, style),
            Printer::Concise => concise(out, report),
            Printer::Json => check_json(out, report),
            Printer::Github => github(out, report),
            Printer::Sarif => sarif::print(out, report),
            Printer::Junit => junit::print(out, report, strict),
            Printer::Statistics => statistics::text(out, report, style),
            Printer::JsonStatistics => statistics::json(out, report),
        }
    }
}

/// Findings serialized per task of [`check_json`].
const JSON_CHUNK: usize = 2048;

/// Tasks of [`check_json`] written out together: what is held at once.
const JSON_WINDOW: usize = 8;

/// `check --format json`: the bytes [`json`] writes of the report, the
/// findings serialized in parallel, a window of chunks at a time (a large
/// archive has a hundred thousand findings, tens of megabytes).
pub fn check_json(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    use rayon::prelude::*;
    if PRETTY.load(std::sync::atomic::Ordering::Relaxed) {
        return json(out, report);
    }
    out.write_all(b"{\"findings\":[")?;
    let chunks: Vec<&[Finding]> = report.findings.chunks(JSON_CHUNK).collect();
    for (w, window) in chunks.chunks(JSON_WINDOW).enumerate() {
        let written: Vec<Vec<u8>> = window
            .par_iter()
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (i, f) in chunk.iter().enumerate() {
                    if i > 0 {
                        buf.push(b',');
                    }
                    crate::finding_json::write(&mut buf, f);
                }
                buf
            })
            .collect();
        for (i, buf) in written.iter().enumerate() {
            if w > 0 || i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(buf)?;
        }
    }
    out.write_all(b"],\"summary\":")?;
    serde_json::to_writer(&mut *out, &report.summary)?;
    if !report.waived.is_empty() {
        out.write_all(b",\"waived\":")?;
        serde_json::to_writer(&mut *out, &report.waived)?;
    }
    out.write_all(b"}\n")?;
    Ok(())
}

pub(crate) fn summary_line(report: &CheckReport) -> String {
    let s = &report.summary;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let waived = if s.waived > 0 {
        format!(", {} waived", s.waived)
    } else {
        String::new()
    };
    format!(
        "{}, {}{waived} in {} checked",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.articles, "article"),
    )
}

/// The findings `tolk accept` keeps quiet, for `--show-waived`.
fn waived(out: &mut impl Write, report: &CheckReport, style: &Style) -> Result<()> {
    if report.waived.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        style.bold("accepted (tolk accept), not counted:")
    )?;
    for w in &report.waived {
        let f = &w.finding;
        let seg = f.segment.as_deref().unwrap_or("-");
        writeln!(
            out,
            "{}: {}[{}]  {}  {}",
            location(f),
            f.severity.as_str(),
            f.rule,
            style.bold(&esc(&f.article)),
            esc(seg)
        )?;
        writeln!(
            out,
            "{}",
            wrap_indented(&esc(&f.message), "    ", 4, style.width)
        )?;
        let note = format!(
            "accepted by {} on {}: {}",
            w.waiver.by, w.waiver.at, w.waiver.reason
        );
        writeln!(
            out,
            "{}",
            wrap_indented(&esc(&note), "    ", 4, style.width)
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// One line per finding, as compilers print them.
pub fn concise(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    for f in &report.findings {
        let seg = f
            .segment
            .as_deref()
            .map(|s| format!("{}: ", esc(s)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}: {}[{}] {seg}{}",
            location(f),
            f.severity.as_str(),
            f.rule,
            esc(&f.message.replace('\n', " "))
        )?;
    }
    // With --show-waived: accepted findings, marked as such.
    for w in &report.waived {
        let f = &w.finding;
        let seg = f
            .segment
            .as_deref()
            .map(|s| format!("{}: ", esc(s)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}: waived[{}] {seg}{} (accepted by {} on {}: {})",
            location(f),
            f.rule,
            esc(&f.message.replace('\n', " ")),
            esc(&w.waiver.by),
            w.waiver.at,
            esc(&w.waiver.reason)
        )?;
    }
    writeln!(out, "{}", summary_line(report))?;
    Ok(())
}

pub fn check(out: &mut impl Write, report: &CheckReport, style: &Style) -> Result<()> {
    let findings = &report.findings;
    let mut start = 0;
    while start < findings.len() {
        let article = &findings[start].article;
        let end = findings[start..]
            .iter()
            .position(|f| &f.article != article)
            .map_or(findings.len(), |p| start + p);
        if start > 0 {
            writeln!(out)?;
        }
        if !article.is_empty() {
            writeln!(out, "{}", style.bold(&esc(article)))?;
        }
        let group = &findings[start..end];
        // Unmarked segments are one thought, not seventeen: list them together.
        let drafts: Vec<&Finding> = group.iter().filter(|f| f.rule == Rule::Draft).collect();
        for f in group {
            if f.rule != Rule::Draft || drafts.len() == 1 {
                finding(out, f, style)?;
            }
        }
        if drafts.len() > 1 {
            writeln!(
                out,
                "{}: {}[{}]",
                location(drafts[0]),
                severity(Severity::Warning, style),
                Rule::Draft
            )?;
            let ids: Vec<&str> = drafts.iter().filter_map(|g| g.segment.as_deref()).collect();
            let msg = format!(
                "{} segments translated but never marked: {}",
                ids.len(),
                esc(&ids.join(" "))
            );
            writeln!(out, "{}", wrap_indented(&msg, "    ", 4, style.width))?;
        }
        start = end;
    }
    let s = &report.summary;
    if !findings.is_empty() {
        writeln!(out)?;
    }
    waived(out, report, style)?;
    let line = summary_line(report);
    if s.errors > 0 {
        writeln!(out, "{}", style.red(&line))?;
    } else if s.warnings > 0 {
        writeln!(out, "{}", style.yellow(&line))?;
    } else {
        writeln!(out, "{}", style.green(&format!("ok: {line}")))?;
    }
    Ok(())
}

/// GitHub Actions workflow-command escaping: data escapes `%`, CR and LF;
/// properties also `:` and `,`.
fn gh_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    // CI logs render colour sequences too.
    esc(&s).into_owned()
}

fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn github(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    for f in &report.findings {
        let level = f.severity.as_str();
        let seg = f
            .segment
            .as_deref()
            .map(|s| format!("{s}: "))
            .unwrap_or_default();
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            gh_prop(&f.file),
            f.line,
            f.column,
            gh_prop(f.rule.code()),
            gh_data(&format!("{seg}{}", f.message))
        )?;
    }
    writeln!(out, "tolk check: {}", summary_line(report))?;
    Ok(())
}

pub fn accept(out: &mut impl Write, report: &AcceptReport, style: &Style) -> Result<()> {
    match report {
        AcceptReport::Accepted {
            article,
            segment,
            rule,
            reason,
            by,
            at,
            replaced,
            finding,
            ..
        } => {
            let verb = if *replaced { "renewed" } else { "accepted" };
            writeln!(
                out,
                "{verb} {rule} on {} {} ({}, {at}): {}",
                esc(article),
                esc(segment),
                esc(by),
                esc(reason)
            )?;
            writeln!(
                out,
                "{}",
                wrap_indented(&esc(finding), "    ", 4, style.width)
            )?;
            writeln!(
                out,
                "`tolk check` leaves it out until the Finnish or the Swedish of {} changes",
                esc(segment)
            )?;
        }
        AcceptReport::Removed {
            article,
            segment,
            rule,
        } => {
            writeln!(
                out,
                "removed the waiver of {rule} on {} {}",
                esc(article),
                esc(segment)
            )?;
        }
        AcceptReport::List { waivers, .. } => {
            if waivers.is_empty() {
                writeln!(out, "no waivers")?;
                return Ok(());
            }
            for w in waivers {
                let status = match w.status {
                    WaiverStatus::Active => style.green(w.status.as_str()),
                    WaiverStatus::Outdated => style.yellow(w.status.as_str()),
                    WaiverStatus::Unused => style.dim(w.status.as_str()),
                };
                writeln!(
                    out,
                    "{} {} {}  {status}  {}, {}",
                    style.bold(&esc(&w.article)),
                    esc(&w.segment),
                    w.rule,
                    esc(&w.by),
                    w.at
                )?;
                writeln!(
                    out,
                    "{}",
                    wrap_indented(&esc(&w.reason), "    ", 4, style.width)
                )?;
            }
            let count = |status| waivers.iter().filter(|w| w.status == status).count();
            let outdated = count(WaiverStatus::Outdated);
            if outdated > 0 {
                writeln!(
                    out,
                    "{outdated} outdated: a text changed, `tolk check` reports the finding again"
                )?;
            }
            let unused = count(WaiverStatus::Unused);
            if unused > 0 {
                writeln!(
                    out,
                    "{unused} unused: the rule no longer fires there; remove with \
                     `tolk accept SLUG SEGMENT RULE --remove`"
                )?;
            }
        }
    }
    Ok(())
}

pub fn rules(out: &mut impl Write, report: &RulesReport, style: &Style) -> Result<()> {
    if report.one {
        for d in &report.rules {
            writeln!(out, "{} ({})", style.bold(d.code), d.severity.as_str())?;
            writeln!(out)?;
            writeln!(out, "{}", wrap_indented(d.summary, "", 0, style.width))?;
            writeln!(out)?;
            writeln!(out, "{}", wrap_indented(d.explanation, "", 0, style.width))?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                wrap_indented(d.fires, "Fires:   ", 9, style.width)
            )?;
            writeln!(
                out,
                "{}",
                wrap_indented(d.quiet, "Quiet:   ", 9, style.width)
            )?;
        }
        return Ok(());
    }
    let mut t = table(style.width);
    t.set_header(vec!["rule", "severity", "fires when"]);
    for d in &report.rules {
        t.add_row(vec![
            Cell::new(d.code),
            Cell::new(d.severity.as_str()),
            Cell::new(d.summary),
        ]);
    }
    writeln!(out, "{}", t.trim_fmt())?;
    writeln!(out, "`tolk rules RULE` explains one.")?;
    Ok(())
}

pub fn terms(out: &mut impl Write, report: &TermsReport, text: &str, style: &Style) -> Result<()> {
    if report.matches.is_empty() {
        writeln!(out, "no glossary terms found")?;
        return Ok(());
    }
    // The glossary's notes say why a term is required (a statute, a house
    // decision). The terms keep their full width; the notes get what is
    // left of the terminal, wrapped between words, or lines of their own
    // under the table when too little is left.
    let notes = report.matches.iter().any(|m| m.note.is_some());
    let build = |note_room: Option<usize>| {
        let mut t = table(style.width);
        t.set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec!["found", "at", "term", "use in Swedish"];
        if note_room.is_some() {
            header.push("note");
        }
        t.set_header(header);
        for m in &report.matches {
            let col = text[..m.start].chars().count() + 1;
            let (found, tone) = match m.kind {
                HitKind::Avoid => (format!("{} (avoid)", esc(&m.text)), Some(Tone::Red)),
                _ => (esc(&m.text).into_owned(), None),
            };
            let mut row = vec![
                style.cell(found, tone),
                right(col),
                Cell::new(esc(&m.fi)),
                Cell::new(esc(&m.sv)),
            ];
            if let Some(room) = note_room {
                let note = esc(m.note.as_deref().unwrap_or(""));
                let options = textwrap::Options::new(room).break_words(false);
                row.push(Cell::new(textwrap::fill(&note, options)));
            }
            t.add_row(row);
        }
        // Two spaces between columns: long Finnish terms fit in 80.
        for (i, column) in t.column_iter_mut().enumerate() {
            column.set_padding(if i == 0 { (1, 1) } else { (1, 0) });
        }
        t
    };
    let narrow = build(None).trim_fmt();
    // Measured without the colour codes of the `found` column.
    let used = narrow
        .lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0);
    // The space before the note column and its padding.
    let room = (style.width as usize).saturating_sub(used + 2);
    if notes && room >= 24 {
        writeln!(out, "{}", build(Some(room)).trim_fmt())?;
        return Ok(());
    }
    writeln!(out, "{narrow}")?;
    if notes {
        // Each term's note once, however often the term occurs.
        let mut shown: Vec<&str> = Vec::new();
        for m in &report.matches {
            if let Some(note) = &m.note {
                if shown.contains(&m.fi.as_str()) {
                    continue;
                }
                shown.push(&m.fi);
                let lead = format!("{}: ", esc(&m.fi));
                writeln!(out, "{}", wrap_indented(&esc(note), &lead, 4, style.width))?;
            }
        }
    }
    Ok(())
}

pub fn doctor(out: &mut impl Write, r: &DoctorReport, style: &Style) -> Result<()> {
    let ok = |s: &str| style.green(s);
    let bad = |s: &str| style.yellow(s);
    match (&r.root, &r.root_problem) {
        (Some(root), _) => writeln!(out, "{} root        {}", ok("ok  "), esc(root))?,
        (None, Some(p)) => writeln!(out, "{} root        {}", bad("warn"), esc(p))?,
        _ => {}
    }
    if r.root.is_some() {
        let misnamed = match r.misnamed.len() {
            0 => String::new(),
            1 => " (and 1 directory that is not an article)".to_string(),
            n => format!(" (and {n} directories that are not articles)"),
        };
        writeln!(
            out,
            "{} articles    {}{misnamed}",
            if r.articles > 0 && r.misnamed.is_empty() {
                ok("ok  ")
            } else {
                bad("warn")
            },
            r.articles
        )?;
        for m in &r.misnamed {
            writeln!(
                out,
                "{}",
                wrap_indented(&esc(m), "                 ", 17, style.width)
            )?;
        }
        match (&r.glossary_terms, &r.glossary_problem) {
            (Some(n), _) => writeln!(
                out,
                "{} glossary    {} ({n} terms)",
                ok("ok  "),
                esc(&r.glossary)
            )?,
            (None, Some(p)) => writeln!(
                out,
                "{} glossary    {}: {}",
                bad("warn"),
                esc(&r.glossary),
                esc(p)
            )?,
            _ => {}
        }
    }
    match (&r.config, &r.config_problem) {
        (Some(c), _) => {
            let file = c.file.as_deref().unwrap_or("no tolk.toml, the defaults");
            writeln!(out, "{} settings    {}", ok("ok  "), esc(file))?;
            let ignored = c.ignored();
            let mut lines = vec![format!(
                "check: {}, {}",
                if c.strict {
                    "strict (warnings fail)"
                } else {
                    "warnings do not fail"
                },
                if ignored.is_empty() {
                    "every rule".to_string()
                } else {
                    let codes: Vec<&str> = ignored.iter().map(|r| r.code()).collect();
                    format!("every rule but {}", codes.join(", "))
                }
            )];
            for (rule, level) in &c.severity {
                lines.push(format!("{rule} is an {}", level.as_str()));
            }
            lines.push(format!(
                "publish gate: {}{}",
                if c.publish.always {
                    "on every check"
                } else {
                    "with --publish"
                },
                if c.publish.distinct_reviewer {
                    ", the reviewer must not be the translator"
                } else {
                    ""
                }
            ));
            for line in lines {
                writeln!(
                    out,
                    "{}",
                    wrap_indented(&line, "                 ", 17, style.width)
                )?;
            }
        }
        (None, Some(p)) => writeln!(
            out,
            "{} settings    {}",
            bad("warn"),
            wrap_indented(&esc(p), "                 ", 17, style.width).trim_start()
        )?,
        _ => {}
    }
    match (&r.people, &r.people_problem) {
        (Some(p), _) => writeln!(
            out,
            "{} people      {} ({} {}, {} {})",
            ok("ok  "),
            esc(&p.file),
            p.people,
            if p.people == 1 { "person" } else { "people" },
            p.aliases,
            if p.aliases == 1 { "alias" } else { "aliases" },
        )?,
        (None, Some(p)) => writeln!(
            out,
            "{} people      {}",
            bad("warn"),
            wrap_indented(&esc(p), "                 ", 17, style.width).trim_start()
        )?,
        _ => {}
    }
    let mark = if r.morphology == "voikko" {
        ok("ok  ")
    } else {
        bad("note")
    };
    match (&r.dictionary, &r.dictionary_problem) {
        (Some(dic), _) => writeln!(
            out,
            "{} spelling    {} ({} in words.txt)",
            ok("ok  "),
            esc(dic),
            match r.words {
                1 => "1 word".to_string(),
                n => format!("{n} words"),
            }
        )?,
        (None, Some(p)) => writeln!(
            out,
            "{} spelling    {}",
            bad("note"),
            wrap_indented(&esc(p), "                 ", 17, style.width).trim_start()
        )?,
        _ => {}
    }
    writeln!(out, "{mark} morphology  {}", r.morphology)?;
    for d in &r.morphology_detail {
        writeln!(
            out,
            "{}",
            wrap_indented(&esc(d), "                 ", 17, style.width)
        )?;
    }
    writeln!(
        out,
        "{} colour      {} ({})",
        ok("ok  "),
        if r.color { "on" } else { "off" },
        r.color_reason
    )?;
    writeln!(out, "{} version     tolk {}", ok("ok  "), r.version)?;
    Ok(())
}

/// Before each run of `--watch`: in a terminal, a clear screen (the
/// scrollback is kept); elsewhere (a log, a pipe) a separator line naming
/// what changed, before every run but the first.
pub fn watch_rerun(out: &mut impl Write, changed: Option<&[String]>, terminal: bool) -> Result<()> {
    if terminal {
        // Cursor home, then erase the screen.
        write!(out, "\x1b[H\x1b[2J")?;
    } else if let Some(paths) = changed {
        writeln!(out, "──── changed: {} ────", esc(&paths.join(", ")))?;
    }
    Ok(())
}

/// `tolk words add`: what was added, what the list already had.
pub fn words_added(out: &mut impl Write, r: &WordsReport) -> Result<()> {
    for w in &r.added {
        writeln!(out, "added {} to {}", esc(w), esc(&r.file))?;
    }
    for w in &r.already {
        writeln!(out, "{} is already in {}", esc(w), esc(&r.file))?;
    }
    Ok(())
}

/// `tolk words list`: one word a line.
pub fn words(out: &mut impl Write, r: &WordsReport) -> Result<()> {
    for w in &r.words {
        writeln!(out, "{}", esc(w))?;
    }
    Ok(())
}

pub fn init(out: &mut impl Write, r: &InitReport) -> Result<()> {
    for path in &r.created {
        writeln!(out, "created {path}")?;
    }
    for path in &r.kept {
        writeln!(out, "kept {path} (already there)")?;
    }
    writeln!(
        out,
        "\nTo let git merge `status.toml` by segment, run once in each clone:\n  {}",
        r.git_config
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::check::Summary;
    use crate::waive::{Waived, WaiverNote};

    fn report(findings: usize, waived: usize) -> CheckReport {
        let finding = |n: usize| {
            let mut f = Finding::at_file(
                &format!("a{n}"),
                Rule::Number,
                "articles/a/sv.txt",
                n + 1,
                2,
                format!("\"quoted\" \u{1b} {n}"),
            );
            f.segment = n.is_multiple_of(2).then(|| format!("p{n}"));
            f
        };
        CheckReport {
            findings: (0..findings).map(finding).collect(),
            summary: Summary {
                errors: 1,
                warnings: findings,
                articles: 3,
                invalid: 0,
                waived,
            },
            waived: (0..waived)
                .map(|n| Waived {
                    finding: finding(n),
                    waiver: WaiverNote {
                        reason: "ok".into(),
                        by: "Anna".into(),
                        at: "2025-01-01".into(),
                    },
                })
                .collect(),
            glossary_note: Some("no glossary".into()),
            spelling_note: None,
            strict: false,
            changed_note: None,
            checked: vec!["a".into()],
            cache_note: None,
        }
    }

    #[test]
    fn check_json_writes_what_serde_writes() {
        let sizes = [
            0,
            1,
            2,
            JSON_CHUNK,
            JSON_CHUNK + 1,
            JSON_CHUNK * JSON_WINDOW + 3,
        ];
        for findings in sizes {
            for waived in [0, 2] {
                let report = report(findings, waived);
                let mut ours = Vec::new();
                check_json(&mut ours, &report).unwrap();
                let mut serde = Vec::new();
                json(&mut serde, &report).unwrap();
                assert!(ours == serde, "{findings} findings, {waived} waived");
            }
        }
    }

    #[test]
    fn a_line_that_fits_is_wrapped_as_textwrap_wraps_it() {
        let texts = [
            "short",
            "two  spaces and trailing   ",
            "  leading spaces",
            "word-with-hyphens and – dashes — and “quotes” åäö",
            "exactly seventy-six characters long, which is the width less its indent....",
            "exactly seventy-seven characters long, which is the width less its indent....",
            "\u{1b}[1mbold\u{1b}[0m text",
            "wide 漢字 characters",
            "",
            " ",
            "a\nb",
        ];
        for text in texts {
            for (first, indent) in [("    ", 4), ("    sv │ ", 9), ("", 0)] {
                for width in [0, 30, 80] {
                    let pad = " ".repeat(indent);
                    let options = textwrap::Options::new((width as usize).max(indent + 20))
                        .initial_indent(first)
                        .subsequent_indent(&pad)
                        .break_words(false);
                    assert_eq!(
                        wrap_indented(text, first, indent, width),
                        textwrap::fill(text, options),
                        "{text:?} {first:?} {width}"
                    );
                }
            }
        }
    }
}
