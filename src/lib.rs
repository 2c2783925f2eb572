//! tolk: segment, pair, track and check Finnish → Swedish article translations.
//!
//! The model (segment, article, status, glossary, checks, morph, …) neither
//! prints nor knows clap: only `report` writes to stdout, and `cli` maps the
//! command line onto the model's types.
// Only `report` writes results and only this file writes messages: the
// lint keeps every other module from printing (typos does the same).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod article;
pub mod cache;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod finding_json;
pub mod formats;
pub mod git;
pub mod glossary;
pub mod html;
pub mod interchange;
pub mod lang;
pub mod memory;
pub mod merge;
pub mod morph;
pub mod pairing;
pub mod people;
pub mod repo;
pub mod report;
pub mod rules;
pub mod segment;
pub mod select;
pub mod session;
pub mod source;
pub mod status;
pub mod style;
pub mod text;
pub mod tokens;
pub mod waive;
pub mod watch;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use cli::{Cli, Command, Format};
use session::Session;
use text::escape_controls;

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

/// Standard output that remembers its first failure instead of returning
/// it, so that what a run decided (its exit status) never depends on
/// whether printing worked: `tolk check | head -1` still exits 1.
///
/// After a failure every further write is dropped: the reader has gone (a
/// closed pipe, as `head` does) or the device refuses (a full disk), and
/// nothing later could reach it either.
struct Stdout<W> {
    inner: W,
    failed: Option<std::io::Error>,
}

impl<W: Write> Stdout<W> {
    fn new(inner: W) -> Stdout<W> {
        Stdout {
            inner,
            failed: None,
        }
    }

    fn fail(&mut self, err: std::io::Error) {
        self.failed.get_or_insert(err);
    }

    /// The run's status once output is done: a closed pipe keeps it (as
    /// ripgrep does, quietly); any other failed write is an error (2).
    fn finish(self, status: ExitStatus) -> Result<ExitStatus> {
        match self.failed {
            None => Ok(status),
            Some(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(status),
            Some(err) => Err(anyhow::Error::new(err).context("could not write to standard output")),
        }
    }
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => Err(err),
            Err(err) => {
                self.fail(err);
                Ok(buf.len())
            }
            ok => ok,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_none()
            && let Err(err) = self.inner.flush()
        {
            self.fail(err);
        }
        Ok(())
    }
}

/// Articles that could not be read: named on stderr after the results.
#[allow(clippy::print_stderr, reason = "messages go to stderr from here")]
fn report_errors(out: &mut impl Write, errors: &[session::ArticleError]) -> Result<()> {
    out.flush()?;
    for e in errors {
        eprintln!(
            "tolk: {}: {}",
            escape_controls(&e.article),
            escape_controls(&e.error)
        );
    }
    Ok(())
}

/// Refuses a `--by` (or `TOLK_USER`) name with control characters: it is
/// stored in `status.toml` and shown in every table. Checked here rather
/// than by clap, whose error would echo the raw value to the terminal.
fn plain_name(name: &str) -> Result<()> {
    if name.chars().any(text::is_unsafe_char) {
        anyhow::bail!(
            "--by `{}`: a name cannot contain control characters; type it as plain text",
            escape_controls(name)
        );
    }
    Ok(())
}

pub fn run(cli: Cli) -> Result<ExitStatus> {
    report::set_pretty(cli.global.pretty);
    if cli.command.watch() {
        return watch(&cli);
    }
    let session = Session::new(&cli.global)?;
    let mut out = std::io::BufWriter::new(Stdout::new(std::io::stdout().lock()));
    let status = dispatch(&cli, &session, &mut out, true)?;
    out.flush()?;
    let (stdout, _) = out.into_parts();
    stdout.finish(status)
}

/// `--watch`: runs the command, then again after every saved change, until
/// Ctrl-C. Every run starts afresh (a changed glossary or `tolk.toml` is
/// read again); a run that fails says why on stderr and the watch goes on.
#[allow(clippy::print_stderr, reason = "messages go to stderr from here")]
fn watch(cli: &Cli) -> Result<ExitStatus> {
    use std::io::IsTerminal;

    let session = Session::new(&cli.global)?;
    let repo = session.repo()?;
    let config = (session.config.clone()).unwrap_or_else(|| repo.root.join("tolk.toml"));
    let mut watcher = watch::Watcher::new(&repo.root, &repo.glossary, &config)?;
    eprintln!(
        "tolk: watching {}; Ctrl-C quits",
        escape_controls(&watcher.describe())
    );
    let terminal = std::io::stdout().is_terminal();
    let mut changed: Option<Vec<String>> = None;
    loop {
        let mut out = std::io::BufWriter::new(Stdout::new(std::io::stdout().lock()));
        report::watch_rerun(&mut out, changed.as_deref(), terminal)?;
        if let Err(err) = Session::new(&cli.global).and_then(|s| dispatch(cli, &s, &mut out, false))
        {
            out.flush()?;
            eprintln!("tolk: {}", escape_controls(&format!("{err:#}")));
        }
        out.flush()?;
        let (stdout, _) = out.into_parts();
        if stdout.failed.is_some() {
            // Nobody reads any more (a closed pipe): stop watching.
            return stdout.finish(ExitStatus::Success);
        }
        match watcher.wait()? {
            Some(paths) => changed = Some(paths),
            None => return Ok(ExitStatus::Success),
        }
    }
}

/// Runs the command and prints its result; the status returned is the
/// command's verdict, whatever became of the output. `last`: the process
/// ends after this command (not `--watch`), so what it built need not be
/// freed piece by piece.
#[allow(clippy::print_stderr, reason = "messages go to stderr from here")]
fn dispatch(cli: &Cli, session: &Session, out: &mut impl Write, last: bool) -> Result<ExitStatus> {
    let global = &cli.global;
    let style = session.style;

    match &cli.command {
        Command::Import(args) if args.xliff.is_some() || args.po.is_some() => {
            if let Some(name) = &args.by {
                plain_name(name)?;
            }
            let report = commands::import::translations(args, session)?;
            for line in report.summary() {
                eprintln!("tolk: {}", escape_controls(&line));
            }
        }
        Command::Import(args) => {
            // The first import creates the repository.
            let report = commands::import::run(args, session.repo_or_here()?)?;
            report::import(out, &report)?;
        }
        Command::Segments(args) => {
            let report = commands::segments::run(args, session)?;
            match args.format {
                Format::Human => report::segments(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
        }
        Command::Status(args) => {
            let cache = commands::cache::dir(global, session, true);
            let report = commands::status::run_with(session, &args.slugs, cache.as_deref())?;
            if let Some(note) = &report.cache_note
                && std::env::var_os("TOLK_CACHE_STATS").is_some_and(|v| !v.is_empty())
            {
                eprintln!("tolk: {note}");
            }
            match args.format {
                Format::Human => report::status(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
            report_errors(out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
        Command::Mark(args) => {
            if let Some(name) = &args.by {
                plain_name(name)?;
            }
            let report = commands::mark::run(args, session)?;
            if let Some(note) = &report.person {
                eprintln!("tolk: {}", escape_controls(note));
            }
            report::mark(out, &report)?;
        }
        Command::Diff(args) => {
            let report = commands::diff::run(args, session)?;
            match args.format {
                Format::Human => report::diff(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
        }
        Command::Check(args) => {
            // A format that cannot show statistics is refused before the work.
            let printer = args.format.printer(args.statistics)?;
            let cache = commands::cache::dir(global, session, true);
            session.keep_in(cache.as_deref());
            let mut report = commands::check::run_with(args, session, cache.as_deref())?;
            if matches!(
                args.format,
                cli::CheckFormat::Github | cli::CheckFormat::Sarif | cli::CheckFormat::Junit
            ) {
                // CI attaches findings to files by their path from where it
                // runs (the checkout): `tolk --root data check` must say
                // `data/articles/…`.
                report.relative_to(session);
            }
            for note in [
                &report.glossary_note,
                &report.spelling_note,
                &report.changed_note,
            ]
            .into_iter()
            .flatten()
            {
                eprintln!("tolk: {}", escape_controls(note));
            }
            if let Some(note) = &report.cache_note
                && std::env::var_os("TOLK_CACHE_STATS").is_some_and(|v| !v.is_empty())
            {
                eprintln!("tolk: {note}");
            }
            printer.print(out, &report, &style, report.strict)?;
            if args.format != cli::CheckFormat::Human || args.statistics {
                // Machine output (or only counts) on stdout; a person
                // reading the CI log still sees why the run failed.
                for f in report
                    .findings
                    .iter()
                    .filter(|f| f.rule == rules::Rule::Invalid)
                {
                    eprintln!("tolk: {}", escape_controls(&f.message));
                }
            }
            out.flush()?;
            let s = &report.summary;
            let status = if s.invalid > 0 {
                ExitStatus::Error
            } else if report.fails() {
                ExitStatus::Failure
            } else {
                ExitStatus::Success
            };
            if last {
                // Tens of thousands of findings, several allocations each:
                // freeing them one by one was about 3% of a warm run, and
                // the process is about to end (the operating system takes
                // the memory back whole).
                std::mem::forget(report);
            }
            return Ok(status);
        }
        Command::Accept(args) => {
            if let Some(name) = &args.by {
                plain_name(name)?;
            }
            let report = commands::accept::run(args, session)?;
            if let commands::accept::AcceptReport::Accepted {
                person: Some(note), ..
            } = &report
            {
                eprintln!("tolk: {}", escape_controls(note));
            }
            match args.format {
                Format::Human => report::accept(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
            if let commands::accept::AcceptReport::List { errors, .. } = &report {
                report_errors(out, errors)?;
                if !errors.is_empty() {
                    return Ok(ExitStatus::Error);
                }
            }
        }
        Command::Report(args) => {
            let cache = commands::cache::dir(global, session, true);
            session.keep_in(cache.as_deref());
            let report = commands::report_html::run(args, session, cache.as_deref())?;
            for note in &report.notes {
                eprintln!("tolk: {}", escape_controls(note));
            }
            let w = &report.written;
            eprintln!(
                "wrote {} ({} article{}{}, {})",
                escape_controls(&w.path.display().to_string()),
                w.articles,
                if w.articles == 1 { "" } else { "s" },
                if w.pages > 0 { ", a page each" } else { "" },
                html::size(w.bytes)
            );
            for problem in &report.invalid {
                eprintln!("tolk: {}", escape_controls(problem));
            }
            if !report.invalid.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
        Command::Rules(args) => {
            let report = commands::rules::run(args)?;
            match args.format {
                Format::Human => report::rules(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
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
                Format::Human => report::terms(out, &report, &text, &style)?,
                Format::Json => report::json(out, &report)?,
            }
        }
        Command::Words(cli::WordsCommand::Add { words }) => {
            let report = commands::words::add(session, words)?;
            report::words_added(out, &report)?;
        }
        Command::Words(cli::WordsCommand::List { format }) => {
            let report = commands::words::list(session)?;
            match format {
                Format::Human => report::words(out, &report)?,
                Format::Json => report::json(out, &report)?,
            }
        }
        Command::Doctor => {
            let report = commands::doctor::run(global, session)?;
            report::doctor(out, &report, &style)?;
            if report.broken() {
                out.flush()?;
                return Ok(ExitStatus::Error);
            }
        }
        Command::Init => {
            if session.root.is_none()
                && let Ok(repo) = session.repo()
                && repo.root != session.cwd
            {
                anyhow::bail!(
                    "already inside the tolk repository at `{}`; run `tolk init` there, or \
                     pass --root DIR to set up a new one",
                    repo.root.display()
                );
            }
            let root = session.root.clone().unwrap_or_else(|| session.cwd.clone());
            let report = commands::init::run(&root)?;
            report::init(out, &report)?;
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
        Command::Completions(args) => {
            report::generated(out, &commands::completions::run(args.shell))?;
        }
        Command::Man => {
            report::generated(out, &commands::man::run()?)?;
        }
        Command::Export(args) => {
            if let Some(text) = commands::export::run(args, session)? {
                report::generated(out, text.as_bytes())?;
            }
        }
        Command::Tmx(args) => {
            let report = commands::tmx::run(args, session, out)?;
            if let Some(file) = &report.written {
                eprintln!(
                    "tolk: wrote {} ({} unit{} from {} article{})",
                    escape_controls(file),
                    report.units,
                    if report.units == 1 { "" } else { "s" },
                    report.articles,
                    if report.articles == 1 { "" } else { "s" }
                );
            }
            report_errors(out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
        Command::Suggest(args) => {
            let report = commands::suggest::run(args, session)?;
            match args.format {
                Format::Human => commands::suggest::print(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
            report_errors(out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
        Command::Glossary(cli::GlossaryCommand::Export { format, output }) => {
            let done = commands::glossary::export(session, *format, output.as_deref(), out)?;
            if let Some(file) = &done.written {
                eprintln!(
                    "tolk: wrote {} ({} term{})",
                    escape_controls(file),
                    done.terms,
                    if done.terms == 1 { "" } else { "s" }
                );
            }
        }
        Command::Glossary(cli::GlossaryCommand::Import {
            file,
            format,
            replace,
            dry_run,
        }) => {
            let report = commands::glossary::import(session, file, *format, *replace, *dry_run)?;
            commands::glossary::print_imported(out, &report)?;
        }
        Command::Cache(cli::CacheCommand::Info { format }) => {
            let info = commands::cache::info(global, session)?;
            match format {
                Format::Human => commands::cache::write_info(out, &info)?,
                Format::Json => report::json(out, &info)?,
            }
        }
        Command::Cache(cli::CacheCommand::Clean) => {
            let cleaned = commands::cache::clean(global, session)?;
            commands::cache::write_cleaned(out, &cleaned)?;
        }
        Command::Credits(args) => {
            let report = commands::credits::run(session, args)?;
            match args.format {
                Format::Human => report::credits(out, &report, &style)?,
                Format::Json => report::json(out, &report)?,
            }
            report_errors(out, &report.errors)?;
            if !report.errors.is_empty() {
                return Ok(ExitStatus::Error);
            }
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
