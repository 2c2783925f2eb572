//! Positions in files as written (DESIGN §8): one line index turns byte
//! offsets into 1-based `line:column`, and [`Source`] maps an offset in a
//! segment's normalised text back to the bytes of the file it came from,
//! BOM, CRLF and NBSP included.

use std::sync::OnceLock;

use serde::Serialize;

use crate::segment::Segment;
use crate::text::is_space;

/// Where a finding points: a byte span in the file as written and the
/// 1-based line and column (in characters) of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts. A line ends at LF, CRLF or a lone CR, as
/// the segmenter counts lines.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before each multiple of `CHUNK` bytes, so that a column
    /// far into a long line is counted from the nearest mark, not from the
    /// line's start (a one-line paragraph of megabytes with thousands of
    /// findings).
    chars_before: Vec<usize>,
}

const CHUNK: usize = 4096;

/// Characters that start in `bytes` (any byte range of UTF-8 text).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // CRLF is one line end: the CR's start is the LF's.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        let mut chars_before = vec![0];
        for chunk in bytes.chunks(CHUNK) {
            let last = chars_before[chars_before.len() - 1];
            chars_before.push(last + count_chars(chunk));
        }
        LineIndex {
            starts,
            chars_before,
        }
    }

    /// Characters of `text` before byte `offset`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        match self.chars_before.get(chunk) {
            Some(&before) => before + count_chars(&text.as_bytes()[chunk * CHUNK..offset]),
            None => text[..offset].chars().count(),
        }
    }

    /// Byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// 1-based line and column (in characters) of byte `offset` of `text`,
    /// the text the index was made from;
    /// a BOM at the start of the file is not a column.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let bom = usize::from(text[start..offset].starts_with('\u{FEFF}'));
        // Most lines are short: count them directly; the chunk counts keep
        // a line of megabytes from being counted once per finding.
        let column = if offset - start <= CHUNK {
            count_chars(&text.as_bytes()[start..offset])
        } else {
            self.chars_to(text, offset) - self.chars_to(text, start)
        } - bom;
        (line, column + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A file as written, for locating findings in it.
#[derive(Debug, Default)]
pub struct Source {
    /// The text as read, BOM included.
    pub text: String,
    index: OnceLock<LineIndex>,
}

impl Clone for Source {
    fn clone(&self) -> Source {
        Source::new(self.text.clone())
    }
}

impl Source {
    pub fn new(text: String) -> Source {
        Source {
            text,
            index: OnceLock::new(),
        }
    }

    /// The text without its BOM, as the segmenter reads it.
    pub fn body(&self) -> &str {
        self.text.strip_prefix('\u{FEFF}').unwrap_or(&self.text)
    }

    /// Built on first use: most runs locate nothing in most files.
    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Bytes of the BOM, which the segmenter's offsets do not count.
    fn bom(&self) -> usize {
        self.text.len() - self.body().len()
    }

    /// The span of bytes `start..end` of a segment's text, through the
    /// segment's offsets (runs of words, which hold for text joined from
    /// several paragraphs too).
    pub fn span(&self, seg: &Segment, start: usize, end: usize) -> Span {
        let a = self.bom() + seg.source_offset(start);
        let b = (self.bom() + seg.source_offset(end)).max(a);
        let (line, column) = self.index().line_col(&self.text, a);
        Span {
            start: a,
            end: b,
            line,
            column,
        }
    }

    /// The span of a whole line (for credits and article-wide findings).
    pub fn line_span(&self, line: usize) -> Span {
        let index = self.index();
        let start = index.line_start(line).unwrap_or(0);
        let end = index
            .line_start(line + 1)
            .unwrap_or(self.text.len())
            .max(start);
        let body = self.text[start..end].trim_end_matches(['\r', '\n']);
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let (line, column) = index.line_col(&self.text, start + lead);
        Span {
            start: start + lead,
            end: start + body.len(),
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokens::words;

    #[test]
    fn line_col_counts_characters_and_all_line_ends() {
        let text = "\u{feff}ää\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), (1, 1));
        assert_eq!(index.line_col(text, 5), (1, 2));
        let b = text.find('b').unwrap();
        assert_eq!(index.line_col(text, b), (2, 1));
        assert_eq!(index.line_col(text, text.find('c').unwrap()), (3, 1));
        assert_eq!(index.line_col(text, text.find('d').unwrap()), (4, 1));
    }

    #[test]
    fn spans_find_words_of_segments_in_the_file_as_written() {
        let text = "\u{feff}| KAUPUNKI\r\n\r\nOtsikko\r\n\r\nKysymys?\r\n\r\n–\u{a0}Vastaus  on\r\n   tässä 15\u{a0}000.\r\n\r\nToinen kappale.\r\n";
        let source = Source::new(text.to_string());
        let seg = segment(text.strip_prefix('\u{feff}').unwrap());
        for s in &seg.segments {
            for (at, word) in words(&s.text) {
                let span = source.span(s, at, at + word.len());
                assert_eq!(&text[span.start..span.end], word, "{}", s.id);
            }
        }
        let answer = seg.segments.iter().find(|s| s.id == "a1").unwrap();
        let at = answer.text.find("tässä").unwrap();
        let span = source.span(answer, at, at + "tässä".len());
        assert_eq!((span.line, span.column), (8, 4));
        let kicker = &seg.segments[0];
        let span = source.span(kicker, 0, kicker.text.len());
        assert_eq!(&text[span.start..span.end], "KAUPUNKI");
        assert_eq!((span.line, span.column), (1, 3));
    }

    #[test]
    fn line_span_skips_indent() {
        let source = Source::new("a\n  ÖVERSÄTTNING: X\r\n".into());
        let span = source.line_span(2);
        assert_eq!(&source.text[span.start..span.end], "ÖVERSÄTTNING: X");
        assert_eq!(span.column, 3);
    }
}
