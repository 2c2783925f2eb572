//! Typed errors for input tolk cannot use: which file, where in it, what
//! kind of problem. `check` turns them into `invalid` findings; the binary
//! prints them with their cause chain.

use serde::Serialize;

use crate::source::LineIndex;

/// What went wrong with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The file (or the article directory) does not exist.
    NotFound,
    /// The operating system could not read it.
    Io,
    /// Not UTF-8.
    Encoding,
    /// Not text at all: it holds a NUL byte.
    Binary,
    /// Not valid TOML.
    Syntax,
    /// Left with git's conflict markers (`<<<<<<<`) by a merge.
    Conflict,
    /// Valid TOML with a key or value tolk does not accept.
    Schema,
    /// A name given on the command line that cannot be used (a bad slug).
    Usage,
    /// A directory under `articles/` whose name is not a valid slug.
    Misnamed,
}

/// A file tolk cannot read or parse.
#[derive(Debug, thiserror::Error)]
pub struct LoadError {
    /// Path as shown to the user (relative to the repository root).
    pub file: String,
    /// 1-based line and column of the problem, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: ErrorKind,
    /// What is wrong and how to fix it.
    pub message: String,
    pub io: Option<std::io::Error>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.kind, self.line) {
            // These messages already say where and what.
            (ErrorKind::Usage | ErrorKind::Conflict | ErrorKind::Misnamed, _) => {
                f.write_str(&self.message)
            }
            (ErrorKind::Io | ErrorKind::NotFound | ErrorKind::Encoding | ErrorKind::Binary, _)
            | (_, None) => {
                write!(f, "could not read `{}`: {}", self.file, self.message)
            }
            (_, Some(line)) => write!(f, "`{}` line {line}: {}", self.file, self.message),
        }
    }
}

impl LoadError {
    pub fn new(kind: ErrorKind, file: &str, message: impl Into<String>) -> LoadError {
        LoadError {
            file: file.to_string(),
            line: None,
            column: None,
            kind,
            message: message.into(),
            io: None,
        }
    }

    /// At 1-based `line`, column unknown.
    pub fn at_line(mut self, line: usize) -> LoadError {
        self.line = Some(line);
        self
    }

    /// At byte `offset` of `text`.
    pub fn at_offset(mut self, text: &str, offset: usize) -> LoadError {
        let (line, column) = LineIndex::new(text).line_col(text, offset);
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn io(file: &str, err: std::io::Error) -> LoadError {
        let kind = if err.kind() == std::io::ErrorKind::NotFound {
            ErrorKind::NotFound
        } else {
            ErrorKind::Io
        };
        let message = err.to_string();
        LoadError {
            io: Some(err),
            ..LoadError::new(kind, file, message)
        }
    }
}
