//! External tools the interchange tests use (xmllint, Translate Toolkit):
//! a missing tool skips the test with the reason, except under `CI=true`,
//! where it fails it (as `tests/spelling.rs` does for hunspell-sv).
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// Whether a missing tool may skip a test here.
fn may_skip(tool: &str, package: &str) -> bool {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{tool} ({package}) is required under CI=true"
    );
    eprintln!("skipping: {tool} is not installed ({package})");
    false
}

/// `xmllint`, when installed.
pub fn xmllint() -> bool {
    let ok = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok || may_skip("xmllint", "libxml2-utils")
}

/// A Python that imports Translate Toolkit's `translate` module: `python3`
/// on the PATH, else the interpreter the toolkit's own `po2tmx` script
/// runs with (a Python from a version manager may shadow the system one).
pub fn toolkit_python() -> Option<PathBuf> {
    let imports = |python: &PathBuf| {
        Command::new(python)
            .args(["-c", "import translate.storage.tmx"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let first = PathBuf::from("python3");
    if imports(&first) {
        return Some(first);
    }
    let from_script = which("po2tmx")
        .and_then(|script| std::fs::read_to_string(script).ok())
        .and_then(|text| {
            let line = text.lines().next()?.strip_prefix("#!")?.trim().to_string();
            // `#!/usr/bin/env python3` names the same python3 as above.
            let interpreter = line.split_whitespace().next()?.to_string();
            Some(PathBuf::from(interpreter))
        })
        .filter(imports);
    if from_script.is_none() {
        may_skip("Translate Toolkit", "translate-toolkit");
    }
    from_script
}

/// `tool` on the PATH.
pub fn which(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file())
}

/// Runs a tool, returning (success, stdout + stderr).
pub fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("the tool runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
