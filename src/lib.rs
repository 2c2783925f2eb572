//! tolk: segment, pair, track and check Finnish → Swedish article translations.
//!
//! The model (segment, article, status, glossary, checks, morph, …) neither
//! prints nor knows clap: only `report` writes to stdout, and `cli` maps the
//! command line onto the model's types.

#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod align;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod article;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod checks;
pub mod cli;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod commands;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod error;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod glossary;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod lang;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod merge;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod morph;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod pairing;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod repo;
pub mod report;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod rules;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod segment;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod session;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod source;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod status;
pub mod style;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod text;
#[warn(clippy::print_stdout, clippy::print_stderr)]
pub mod tokens;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use cli::{Cli, Command, Format};
use session::Session;

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

/// Articles that could not be read: named on stderr after the results.
fn report_errors(out: &mut impl Write, errors: &[session::ArticleError]) -> Result<()> {
    out.flush()?;
    for e in errors {
        eprintln!("tolk: {}: {}", e.article, e.error);
    }
    Ok(())
}

pub fn run(cli: Cli) -> Result<ExitStatus> {
    let global = &cli.global;
    let session = Session::new(global)?;
    let style = session.style;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());

    match &cli.command {
        Command::Import(args) => {
            // The first import creates the repository.
            let report = commands::import::run(args, session.repo_or_here()?)?;
            report::import(&mut out, &report)?;
        }
        Command::Segments(args) => {
            let report = commands::segments::run(args, &session)?;
            match args.format {
                Format::Human => report::segments(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Status(args) => {
            let report = commands::status::run(&session, &args.slugs)?;
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
            let report = commands::mark::run(args, &session)?;
            report::mark(&mut out, &report)?;
        }
        Command::Diff(args) => {
            let report = commands::diff::run(args, &session)?;
            match args.format {
                Format::Human => report::diff(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Check(args) => {
            let report = commands::check::run(args, &session)?;
            if let Some(note) = &report.glossary_note {
                eprintln!("tolk: {note}");
            }
            args.format.printer().print(&mut out, &report, &style)?;
            if args.format != cli::CheckFormat::Human {
                // Machine output on stdout; a person reading the CI log
                // still sees why the run failed.
                for f in report
                    .findings
                    .iter()
                    .filter(|f| f.rule == rules::Rule::Invalid)
                {
                    eprintln!("tolk: {}", f.message);
                }
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
        Command::Rules(args) => {
            let report = commands::rules::run(args)?;
            match args.format {
                Format::Human => report::rules(&mut out, &report, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Terms(args) => {
            let text = if args.text == "-" {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                    .context("could not read the text from standard input")?;
                text
            } else {
                args.text.clone()
            };
            let terms = session.terms()?;
            let Some(matcher) = terms.matcher else {
                anyhow::bail!("{}", terms.note.unwrap_or_default());
            };
            let report = commands::terms::run(&text, args.lang, &matcher);
            match args.format {
                Format::Human => report::terms(&mut out, &report, &text, &style)?,
                Format::Json => report::json(&mut out, &report)?,
            }
        }
        Command::Doctor => {
            let report = commands::doctor::run(global, &session)?;
            report::doctor(&mut out, &report, &style)?;
        }
        Command::Init => {
            let root = session.root.clone().unwrap_or_else(|| session.cwd.clone());
            let report = commands::init::run(&root)?;
            report::init(&mut out, &report)?;
        }
        Command::MergeStatus(args) => {
            // Git shows the driver's stderr during the merge.
            for r in commands::merge_status::run(args)?.resolved {
                eprintln!(
                    "tolk merge-status: segment `{}` changed on both branches: kept {} ({}), \
                     the other record is a comment above it",
                    r.segment, r.kept, r.reason
                );
            }
        }
        Command::Credits(args) => {
            let report = commands::credits::run(&session, &args.slugs)?;
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
