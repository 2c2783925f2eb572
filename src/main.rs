use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tolk::cli::Cli::parse();
    match tolk::run(cli) {
        Ok(status) => status.into(),
        Err(err) if tolk::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tolk: {err:#}");
            tolk::ExitStatus::Error.into()
        }
    }
}
