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

    fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    fn fg(color: anstyle::AnsiColor) -> anstyle::Style {
        anstyle::Style::new().fg_color(Some(color.into()))
    }

    pub fn red(&self, text: &str) -> String {
        self.paint(Style::fg(anstyle::AnsiColor::Red), text)
    }
    pub fn green(&self, text: &str) -> String {
        self.paint(Style::fg(anstyle::AnsiColor::Green), text)
    }
    pub fn yellow(&self, text: &str) -> String {
        self.paint(Style::fg(anstyle::AnsiColor::Yellow), text)
    }
    pub fn dim(&self, text: &str) -> String {
        self.paint(anstyle::Style::new().dimmed(), text)
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
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
    if let Some((terminal_size::Width(width), _)) =
        terminal_size::terminal_size_of(std::io::stdout())
    {
        return width.max(40);
    }
    80
}
