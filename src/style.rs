//! The one place that decides about colour and terminal width.
//!
//! Text outside tables is painted here (anstyle). A table cell is coloured
//! by comfy-table itself (`Style::cell`), so it measures the cell by its
//! text and never by the escape codes around it.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// The colours tolk paints with, for text and for table cells alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Red,
    Green,
    Yellow,
}

impl Tone {
    fn ansi(self) -> anstyle::AnsiColor {
        match self {
            Tone::Red => anstyle::AnsiColor::Red,
            Tone::Green => anstyle::AnsiColor::Green,
            Tone::Yellow => anstyle::AnsiColor::Yellow,
        }
    }

    /// The same colour for comfy-table: the terminal's palette entry, as
    /// anstyle's `AnsiColor` uses.
    fn table(self) -> comfy_table::Color {
        match self {
            Tone::Red => comfy_table::Color::DarkRed,
            Tone::Green => comfy_table::Color::DarkGreen,
            Tone::Yellow => comfy_table::Color::DarkYellow,
        }
    }
}

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
            } else if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                // Emacs shell buffers and other terminals that show escape
                // codes as text say so with TERM=dumb.
                (false, "TERM=dumb")
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

    pub fn tone(&self, tone: Tone, text: &str) -> String {
        self.paint(Style::fg(tone.ansi()), text)
    }
    pub fn red(&self, text: &str) -> String {
        self.tone(Tone::Red, text)
    }
    pub fn green(&self, text: &str) -> String {
        self.tone(Tone::Green, text)
    }
    pub fn yellow(&self, text: &str) -> String {
        self.tone(Tone::Yellow, text)
    }

    /// A table cell holding `text`, coloured by comfy-table when colour is
    /// on: the table pads it by its visible width.
    pub fn cell(&self, text: impl ToString, tone: Option<Tone>) -> comfy_table::Cell {
        let cell = comfy_table::Cell::new(text.to_string());
        match tone {
            Some(tone) if self.color => cell.fg(tone.table()),
            _ => cell,
        }
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
