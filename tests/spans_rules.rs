//! Findings point at the offending words in the file as written (BOM,
//! CRLF, NBSP included), in every format; `tolk rules` documents each rule.

mod common;

use common::{Repo, SEED_FI, SEED_SV, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// 1-based line and character column of the first `needle` in `text`,
/// counting lines as tolk does (LF, CRLF, lone CR) and ignoring a BOM.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    let unified = before.replace("\r\n", "\n").replace('\r', "\n");
    let line = unified.matches('\n').count() + 1;
    let col = unified.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

fn concise(repo: &Repo) -> String {
    let out = repo
        .tolk()
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn concise_points_at_the_avoided_word_in_the_seed() {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    let text = concise(&repo);
    let sv = String::from_utf8(SEED_SV.to_vec()).unwrap();
    let (line, col) = position(&sv, "välfärdsrapporten");
    let want = format!("articles/{SLUG}/sv.txt:{line}:{col}: error[glossary-avoid] a2: ");
    assert!(text.contains(&want), "{want}\n{text}");
    assert!(text.lines().last().unwrap().contains("errors"), "{text}");
}

#[test]
fn columns_count_in_the_file_as_written_with_bom_crlf_and_nbsp() {
    let repo = Repo::empty();
    repo.write("glossary.toml", GLOSSARY);
    let fi = String::from_utf8(SEED_FI.to_vec()).unwrap();
    // BOM, CRLF line ends, and NBSP for some spaces before the word.
    let sv = String::from_utf8(SEED_SV.to_vec())
        .unwrap()
        .replace(
            "Jag samlar välfärdsinformation",
            "Jag\u{a0}samlar\u{a0}\u{a0}välfärdsinformation",
        )
        .replace('\n', "\r\n");
    let sv = format!("\u{feff}{sv}");
    repo.import(SLUG, fi.as_bytes(), Some(sv.as_bytes()));
    let text = concise(&repo);
    let (line, col) = position(&sv, "välfärdsrapporten");
    let want = format!("articles/{SLUG}/sv.txt:{line}:{col}: error[glossary-avoid]");
    assert!(text.contains(&want), "{want}\n{text}");
    // JSON gives the byte span of the words in the file.
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "glossary-avoid")
        .unwrap();
    let (start, end) = (
        f["span"]["start"].as_u64().unwrap() as usize,
        f["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&sv.as_bytes()[start..end], "välfärdsrapporten".as_bytes());
    assert_eq!(f["column"].as_u64().unwrap() as usize, col);
}

#[test]
fn human_output_starts_findings_with_path_line_col() {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    repo.tolk()
        .arg("check")
        .assert()
        .code(1)
        .stdout(contains(format!(
            "\narticles/{SLUG}/sv.txt:17:430: error[glossary-avoid]"
        )));
}

#[test]
fn broken_status_toml_is_an_invalid_finding_with_line_and_column() {
    let repo = Repo::seed();
    repo.write(
        &format!("articles/{SLUG}/status.toml"),
        "[segments.p1]\nstate = \"translated\"\nby = \"X\"\nsource = \"a\"\nbroken\n",
    );
    repo.tolk()
        .args(["check", "--format", "github"])
        .assert()
        .code(2)
        .stdout(contains(format!(
            "::error file=articles/{SLUG}/status.toml,line=5,col="
        )));
    repo.tolk()
        .args(["check", "--format", "concise"])
        .assert()
        .code(2)
        .stdout(
            contains(format!("articles/{SLUG}/status.toml:5:")).and(contains("error[invalid]")),
        );
}

#[test]
fn rules_lists_every_rule_and_explains_one() {
    let repo = Repo::empty();
    repo.tolk().arg("rules").assert().success().stdout(
        contains("glossary-avoid")
            .and(contains("structure"))
            .and(contains("error")),
    );
    repo.tolk()
        .args(["rules", "stale"])
        .assert()
        .success()
        .stdout(
            contains("stale (error)")
                .and(contains("Fires:"))
                .and(contains("Quiet:")),
        );
    let out = repo
        .tolk()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = doc["rules"].as_array().unwrap();
    assert!(rules.len() >= 14);
    assert!(
        rules
            .iter()
            .all(|r| r["explanation"].as_str().is_some_and(|e| !e.is_empty()))
    );
    repo.tolk()
        .args(["rules", "nosuch"])
        .assert()
        .code(2)
        .stderr(contains("no rule `nosuch`").and(contains("glossary-missing")));
}
