//! The only place that writes to stdout: tables, JSON, annotations.

use std::io::Write;

use anyhow::Result;
use comfy_table::{
    Cell, CellAlignment, ContentArrangement, LineStyle, Row, Table, TableStyle, presets,
};
use serde::Serialize;

use crate::commands::import::ImportReport;
use crate::commands::segments::SegmentsReport;
use crate::style::Style;
use crate::text::ellipsize;

/// Writes `value` as one pretty-printed JSON document.
pub fn json<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
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
    table
        .load_style(style)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_width(width);
    table
}

pub fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

pub fn segments(out: &mut impl Write, report: &SegmentsReport, style: &Style) -> Result<()> {
    writeln!(out, "{} ({})", style.bold(&report.file), report.lang)?;
    let segs = &report.segmented.segments;
    let mut t = table(style.width);
    t.set_header(vec!["n", "id", "line", "words", "text"]);
    for s in segs {
        let mut row = Row::from(vec![
            right(s.n),
            Cell::new(&s.id),
            right(s.line),
            right(s.words),
            Cell::new(s.text.replace("\n\n", " ¶ ")),
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
            c.display
        )?;
    }
    for k in &report.segmented.skipped {
        let prefix = format!("skipped  line {:>3}  ", k.line);
        let suffix = format!(" ({})", k.reason);
        let room = (style.width as usize).saturating_sub(prefix.len() + suffix.len()).max(10);
        writeln!(out, "{prefix}{}{suffix}", ellipsize(&k.text, room))?;
    }
    Ok(())
}

pub fn import(out: &mut impl Write, report: &ImportReport) -> Result<()> {
    for f in &report.files {
        writeln!(out, "imported {} ({} segments)", f.file, f.segments)?;
    }
    match &report.translator {
        Some(name) => writeln!(out, "translator: {name}")?,
        None if report.files.iter().any(|f| f.lang == "sv") => writeln!(
            out,
            "translator: none named (no ÖVERSÄTTNING line in sv.txt)"
        )?,
        None => {}
    }
    Ok(())
}
