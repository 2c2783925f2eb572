use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tolk::cli::Cli::parse();
    match tolk::run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            // Messages quote file contents: no raw control characters, and
            // a closed stderr is no reason to panic.
            let message = tolk::text::escape_controls(&format!("{err:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "tolk: {message}");
            tolk::ExitStatus::Error.into()
        }
    }
}
