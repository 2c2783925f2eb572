//! The one place that decides about colour and terminal width.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// How human output is decorated.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: u16,
}

/// Why colour is on or off, for `tolk doctor`.
pub fn color_decision(choice: ColorChoice) -> (bool, &'static str) {
    match choice {
        ColorChoice::Always => (true, "--color always"),
        ColorChoice::Never => (false, "--color never"),
        ColorChoice::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                (false, "NO_COLOR is set")
            } else if !std::io::stdout().is_terminal() {
                (false, "stdout is not a terminal")
            } else {
                (true, "stdout is a terminal")
            }
        }
    }
}

impl Style {
    pub fn new(choice: ColorChoice) -> Style {
        Style {
            color: color_decision(choice).0,
            width: terminal_width(),
        }
    }

    /// Plain output at a fixed width, for tests.
    pub fn plain(width: u16) -> Style {
        Style {
            color: false,
            width,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn red(&self, text: &str) -> String {
        self.paint("31", text)
    }
    pub fn green(&self, text: &str) -> String {
        self.paint("32", text)
    }
    pub fn yellow(&self, text: &str) -> String {
        self.paint("33", text)
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// `COLUMNS` if set (tests and scripts pin it), else the terminal's width,
/// else 80 columns (a CI log or a pipe).
pub fn terminal_width() -> u16 {
    if let Some(cols) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return cols.max(40);
    }
    if std::io::stdout().is_terminal()
        && let Some(width) = comfy_table::Table::new().width()
    {
        return width.max(40);
    }
    80
}
