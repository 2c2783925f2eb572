//! tolk: segment, pair, track and check Finnish → Swedish article translations.

pub mod align;
pub mod article;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod glossary;
pub mod lang;
pub mod morph;
pub mod repo;
pub mod report;
pub mod segment;
pub mod status;
pub mod style;
pub mod text;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use cli::{Cli, Command, Format};
use repo::Repo;
use style::Style;

/// How a run ended, mapped to the process exit code in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: the command did its job (for `check`: no errors).
    Success,
    /// 1: `check` found errors (or warnings under `--strict`).
    Failure,
    /// 2: bad usage, unreadable or invalid input.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::from(0),
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Whether the error is a closed stdout (`tolk status | head`), which is
/// not a failure of tolk's.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(BrokenPipe))
    })
}

fn current_dir() -> Result<std::path::PathBuf> {
    std::env::current_dir().context("could not read the current directory")
}

/// Articles that could not be read: named on stderr after the results.
fn report_errors(out: &mut impl Write, errors: &[commands::status::ArticleError]) -> Result<()> {
    out.flush()?;
    for e in errors {
        eprintln!("tolk: {}: {}", e.article, e.error);
    }
    Ok(())
}

pub fn run(cli: Cli) -> Result<ExitStatus> {
    let global = &cli.global;
    let style = Style::new(global.color);
    let discover = || {
        Repo::discover(
            global.root.as_deref(),
            global.glossary.as_deref(),
            &current_dir()?,
        )
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());

    match &cli.command {
        Command::Import(args) => {
            // The first import creates the repository: fall back to the
            // current directory when none is found.
            let repo = match &global.root {
                Some(_) => discover()?,
                None => discover()
                    .or_else(|_| Ok::<_, anyhow::Error>(Repo::at(current_dir()?, None)))?,
            };
            let report = commands::import::run(args, &repo)?;
            report::import(&mut out, &report)?;
        }
        Command::Segments(args) => {
            let report = commands::segments::run(args, discover)?;
            match args.format {
                Format::Human => report::segments(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Status(args) => {
            let report = commands::status::run(&discover()?, &args.slugs)?;
            match args.format {
                Format::Human => report::status(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
            report_errors(&mut out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
        Command::Mark(args) => {
            let report = commands::mark::run(args, &discover()?)?;
            report::mark(&mut out, &report)?;
        }
        Command::Diff(args) => {
            let report = commands::diff::run(args, &discover()?)?;
            match args.format {
                Format::Human => report::diff(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Check(args) => {
            let repo = discover()?;
            let report =
                commands::check::run(args, &repo, global.glossary.is_some(), global.morphology)?;
            if let Some(note) = &report.glossary_note {
                eprintln!("tolk: {note}");
            }
            match args.format {
                cli::CheckFormat::Human => report::check(&mut out, &report, &style)?,
                cli::CheckFormat::Json => report::json(&mut out, &report)?,
                cli::CheckFormat::Github => report::github(&mut out, &report)?,
            }
            out.flush()?;
            let s = &report.summary;
            return Ok(if s.invalid > 0 {
                ExitStatus::Error
            } else if s.errors > 0 || (args.strict && s.warnings > 0) {
                ExitStatus::Failure
            } else {
                ExitStatus::Success
            });
        }
        Command::Terms(args) => {
            let repo = discover()?;
            let text = if args.text == "-" {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                    .context("could not read the text from standard input")?;
                text
            } else {
                args.text.clone()
            };
            let (matcher, note) = commands::check::load_glossary(
                &repo,
                global.glossary.is_some(),
                global.morphology,
            )?;
            let Some(matcher) = matcher else {
                anyhow::bail!("{}", note.unwrap_or_default());
            };
            let report = commands::terms::run(&text, args.lang, &matcher);
            match args.format {
                Format::Human => report::terms(&mut out, &report, &text, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Doctor => {
            let report = commands::doctor::run(global, &current_dir()?)?;
            report::doctor(&mut out, &report, &style)?;
        }
        Command::Credits(args) => {
            let report = commands::credits::run(&discover()?, &args.slugs)?;
            match args.format {
                Format::Human => report::credits(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
            report_errors(&mut out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
