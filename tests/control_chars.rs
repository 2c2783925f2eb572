//! Control characters from files and names never reach the terminal raw:
//! human output shows them escaped (`\u{1b}`), `--by` refuses them, and a
//! file holding NUL bytes is reported as binary.

mod common;

use common::{Repo, SLUG};
use predicates::str::contains;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// An OSC sequence that retitles the terminal and one that clears it.
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
const CLEAR: &str = "\u{1b}[2J";

/// Whether `out` holds any raw control character other than line feed and
/// tab (with `--color never`, tolk itself writes none).
fn raw_controls(out: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

/// The seed article, marked by Eve, with control characters planted in
/// sv.txt, fi.txt and status.toml's names.
fn planted() -> Repo {
    let repo = Repo::seed();
    repo.mark(SLUG, &["--all", "--as", "translated", "--by", "Eve"]);
    repo.write("glossary.toml", GLOSSARY);
    repo.edit(
        "sv.txt",
        "uppgörandet av",
        &format!("uppgörandet{TITLE} av"),
    );
    repo.edit("sv.txt", "Förebyggande", &format!("Före{CLEAR}byggande"));
    // The Finnish changes after marking: p1 is stale and `diff` shows it.
    repo.edit(
        "fi.txt",
        "Ennaltaehkäisevä",
        &format!("Ennalta{CLEAR}ehkäisevä"),
    );
    let status = repo.article("status.toml");
    let text = repo.read(&status);
    assert!(text.contains("by = \"Eve\""), "{text}");
    repo.write(
        &status,
        text.replacen("by = \"Eve\"", "by = \"Mallory\\u001b]0;pwned\\u0007\"", 1),
    );
    repo
}

#[test]
fn control_characters_in_files_and_names_never_reach_stdout_raw() {
    let repo = planted();
    let cases: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "concise"],
        &["check", "--format", "github"],
        &["segments", SLUG],
        &["segments", SLUG, "--lang", "sv"],
        &["status"],
        &["status", SLUG],
        &["diff", SLUG],
        &["diff", SLUG, "--all"],
        &["credits"],
        &["doctor"],
        &["terms", "hyvinvointikertomus", "--lang", "fi"],
    ];
    for args in cases {
        let out = repo
            .tolk()
            .args(*args)
            .args(["--color", "never"])
            .output()
            .unwrap();
        let raw = raw_controls(&out.stdout);
        assert!(raw.is_empty(), "{args:?}: raw {raw:?} in stdout");
        let raw = raw_controls(&out.stderr);
        assert!(raw.is_empty(), "{args:?}: raw {raw:?} in stderr");
    }
}

#[test]
fn escaped_control_characters_stay_visible() {
    let repo = planted();
    let show = |args: &[&str]| common::stdout(repo.tolk().args(args).env("COLUMNS", "400"));
    let sv = show(&["segments", SLUG, "--lang", "sv"]);
    assert!(sv.contains("Före\\u{1b}[2Jbyggande"), "{sv}");
    assert!(show(&["segments", SLUG]).contains("Ennalta\\u{1b}[2Jehkäisevä"));
    assert!(show(&["status", SLUG]).contains("Mallory\\u{1b}]0;pwned\\u{7}"));
    assert!(show(&["credits"]).contains("Mallory\\u{1b}]0;pwned\\u{7}"));
    let diff = show(&["diff", SLUG]);
    assert!(diff.contains("Ennalta\\u{1b}[2Jehkäisevä"), "{diff}");
    let check = show(&["check"]);
    assert!(
        check.contains("uppgörandet\\u{1b}]0;pwned\\u{7} av **välfärdsrapporten**"),
        "{check}"
    );
}

#[test]
fn colour_never_lets_a_planted_sequence_through() {
    // With colour on, tolk writes its own SGR sequences; the planted
    // title and clear sequences must still be escaped.
    let repo = planted();
    for args in [
        &["check"][..],
        &["segments", SLUG, "--lang", "sv"],
        &["status", SLUG],
    ] {
        let out = common::stdout(repo.tolk().args(args).args(["--color", "always"]));
        assert!(!out.contains(TITLE) && !out.contains("\u{1b}]"), "{args:?}");
        assert!(!out.contains(CLEAR), "{args:?}");
    }
}

#[test]
fn a_glossary_term_with_a_control_character_is_refused_and_shown_escaped() {
    let repo = Repo::seed();
    repo.write(
        "glossary.toml",
        GLOSSARY.replacen(
            "sv = \"välfärdsberättelse\"",
            "sv = \"välfärds\\u001b]0;pwned\\u0007berättelse\"",
            1,
        ),
    );
    for args in [
        &["check"][..],
        &["terms", "hyvinvointikertomus", "--lang", "fi"],
        &["doctor"],
    ] {
        let out = repo.tolk().args(args).output().unwrap();
        assert!(raw_controls(&out.stdout).is_empty(), "{args:?}");
        assert!(raw_controls(&out.stderr).is_empty(), "{args:?}");
        let both = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            both.contains("välfärds\\u{1b}]0;pwned\\u{7}berättelse"),
            "{args:?}: {both}"
        );
    }
}

#[test]
fn json_escapes_control_characters_itself() {
    let repo = planted();
    let out = repo
        .tolk()
        .args(["segments", SLUG, "--lang", "sv", "--format", "json"])
        .output()
        .unwrap();
    assert!(raw_controls(&out.stdout).is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\\u001b]0;pwned\\u0007"), "{text}");
}

#[test]
fn a_by_name_with_control_characters_is_refused() {
    let repo = Repo::seed();
    let before = repo.read_bytes(&repo.article("status.toml"));
    let name = format!("Eve{TITLE}");
    let out = repo
        .tolk()
        .args(["mark", SLUG, "--all", "--as", "translated", "--by", &name])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(raw_controls(&out.stderr).is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--by `Eve\\u{1b}]0;pwned\\u{7}`: a name cannot contain control characters"),
        "{err}"
    );
    assert_eq!(repo.read_bytes(&repo.article("status.toml")), before);
    // TOLK_USER is the same name by another road.
    repo.tolk()
        .env("TOLK_USER", format!("Eve{CLEAR}"))
        .args(["mark", SLUG, "--all", "--as", "translated"])
        .assert()
        .code(2)
        .stderr(contains("control characters"));
    assert_eq!(repo.read_bytes(&repo.article("status.toml")), before);
}

#[test]
fn a_file_with_a_nul_byte_is_reported_as_binary_with_its_line() {
    let repo = Repo::seed();
    repo.edit("sv.txt", "Förebyggande", "Före\0byggande");
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let invalid = &doc["findings"][0];
    assert_eq!(invalid["rule"], "invalid");
    assert_eq!(invalid["line"], 5);
    let message = invalid["message"].as_str().unwrap();
    let expected =
        format!("could not read `articles/{SLUG}/sv.txt`: binary file (NUL byte on line 5); ");
    assert!(message.starts_with(&expected), "{message}");
    // Every command that reads the file says the same.
    repo.tolk()
        .args(["segments", SLUG, "--lang", "sv"])
        .assert()
        .code(2)
        .stderr(contains("binary file (NUL byte on line 5)"));
    repo.write("in/doc.txt", b"hei\n\nmoi\0\0");
    repo.tolk()
        .args(["segments", "in/doc.txt", "--lang", "fi"])
        .assert()
        .code(2)
        .stderr(contains("binary file (NUL byte on line 3)"));
}

#[test]
fn a_git_user_name_with_control_characters_is_printed_escaped_by_mark() {
    let repo = Repo::seed();
    let out = repo
        .tolk()
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.name")
        .env("GIT_CONFIG_VALUE_0", format!("Eve{TITLE}"))
        .args(["mark", SLUG, "p1", "--as", "translated"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(raw_controls(&out.stdout).is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("by Eve\\u{1b}]0;pwned\\u{7}"), "{text}");
}
