//! The two Finnish back ends from the outside: `--morphology`, `tolk
//! doctor`, `tolk terms`, and the seed check under each.

mod common;

use common::Repo;
use predicates::prelude::*;
use predicates::str::contains;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// Whether Voikko loads here; outside CI a missing library skips the
/// Voikko half of a test with the reason, under `CI=true` it fails.
fn voikko_available(repo: &Repo) -> bool {
    let out = repo
        .tolk()
        .args(["doctor", "--morphology", "voikko"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let ok = text.contains("morphology  voikko");
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Voikko is required under CI=true:\n{text}"
        );
        eprintln!("skipping the Voikko half: libvoikko or voikko-fi is not installed");
    }
    ok
}

fn seed() -> Repo {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    repo
}

#[test]
fn seed_check_is_the_same_under_both_back_ends() {
    let repo = seed();
    let mut backends = vec!["builtin"];
    if voikko_available(&repo) {
        backends.push("voikko");
    }
    let mut results = Vec::new();
    for backend in backends {
        let out = repo
            .tolk()
            .args(["check", "--format", "json", "--morphology", backend])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{backend}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut found: Vec<(String, String, String)> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"].as_str().unwrap().starts_with("glossary"))
            .map(|f| {
                (
                    f["segment"].as_str().unwrap().to_string(),
                    f["rule"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        found.sort();
        // Three avoided renderings in a2, each reported once (issue 13:
        // not also as a missing rendering).
        assert_eq!(found.len(), 3, "{backend}: {found:#?}");
        results.push(found);
    }
    assert!(results.windows(2).all(|w| w[0] == w[1]), "{results:#?}");
}

#[test]
fn terms_json_has_byte_spans() {
    let repo = seed();
    let doc = common::json(repo.tolk().args([
        "terms",
        "Asun Kauniaisissa.",
        "--lang",
        "fi",
        "--format",
        "json",
        "--morphology",
        "builtin",
    ]));
    let m = &doc["matches"][0];
    assert_eq!(m["term"], "Kauniainen");
    assert_eq!(m["fi"], "Kauniainen");
    assert_eq!(m["sv"], "Grankulla");
    assert_eq!(m["lang"], "fi");
    assert_eq!(m["text"], "Kauniaisissa");
    assert_eq!(m["start"], 5);
    assert_eq!(m["end"], 17);
}

#[test]
fn terms_in_swedish_say_which_to_avoid() {
    let repo = seed();
    repo.tolk()
        .args([
            "terms",
            "Vi skrev välfärdsrapporten för Grankulla.",
            "--lang",
            "sv",
        ])
        .assert()
        .success()
        .stdout(
            contains("välfärdsrapporten (avoid)")
                .and(contains("välfärdsberättelse"))
                .and(contains("Grankulla")),
        );
    repo.tolk()
        .args(["terms", "Inget här.", "--lang", "sv"])
        .assert()
        .success()
        .stdout(contains("no glossary terms found"));
}

#[test]
fn terms_reads_standard_input() {
    let repo = seed();
    repo.tolk()
        .args(["terms", "-", "--lang", "fi", "--morphology", "builtin"])
        .write_stdin("Kunnan johtoryhmälle.")
        .assert()
        .success()
        .stdout(contains("johtoryhmälle").and(contains("ledningsgrupp")));
}

#[test]
fn voikko_finds_what_it_should_when_present() {
    let repo = seed();
    if !voikko_available(&repo) {
        return;
    }
    for (text, term) in [
        ("Kauniaisissa", "Kauniainen"),
        ("hyvinvointivaliokunnaksi", "hyvinvointivaliokunta"),
        ("seurakuntien", "seurakunta"),
        ("tilinpäätöksen", "tilinpäätös"),
    ] {
        let doc = common::json(repo.tolk().args([
            "terms",
            text,
            "--lang",
            "fi",
            "--format",
            "json",
            "--morphology",
            "voikko",
        ]));
        assert_eq!(doc["matches"][0]["term"], term, "{text}");
        assert_eq!(doc["morphology"][0], "voikko");
    }
}

#[test]
fn doctor_names_the_back_end_in_use() {
    let repo = seed();
    repo.tolk()
        .args(["doctor", "--morphology", "builtin"])
        .assert()
        .success()
        .stdout(
            contains("morphology  builtin")
                .and(contains("19 terms"))
                .and(contains("articles    1")),
        );
    if voikko_available(&repo) {
        repo.tolk().arg("doctor").assert().success().stdout(
            contains("morphology  voikko")
                .and(contains("libvoikko"))
                .and(contains("dictionary")),
        );
    }
}

#[test]
fn voikko_that_cannot_load_is_an_error_saying_how_to_install() {
    let repo = seed();
    repo.tolk()
        .env("TOLK_VOIKKO_LIBRARY", "/nonexistent/libvoikko.so.1")
        .args(["check", "--morphology", "voikko"])
        .assert()
        .code(2)
        .stderr(contains("apt-get install libvoikko1 voikko-fi"));
    // auto falls back to the built-in matcher and says why in doctor.
    repo.tolk()
        .env("TOLK_VOIKKO_LIBRARY", "/nonexistent/libvoikko.so.1")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    repo.tolk()
        .env("TOLK_VOIKKO_LIBRARY", "/nonexistent/libvoikko.so.1")
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains("morphology  builtin").and(contains("Voikko not used")));
}

#[test]
fn doctor_outside_a_repository_still_reports() {
    // It reports everything it can, and exits 2, as every command would
    // here: a script asking `tolk doctor` learns that tolk cannot work.
    let repo = Repo::empty();
    repo.tolk()
        .arg("doctor")
        .assert()
        .code(2)
        .stdout(contains("no tolk repository here").and(contains("morphology")));
}

#[test]
fn a_headword_that_is_also_an_inflected_word_does_not_claim_it() {
    // `vapaaehtoisilta` (volunteer evening) is also the ablative plural of
    // `vapaaehtoinen` (volunteer); the term must not fire on volunteers.
    let repo = Repo::empty();
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"vapaaehtoisilta\"\nsv = \"frivilligkväll\"\n",
    );
    let mut backends = vec!["builtin"];
    if voikko_available(&repo) {
        backends.push("voikko");
    }
    for backend in backends {
        let doc = common::json(repo.tolk().args([
            "terms",
            "Toiminnassa on mukana 12 vapaaehtoista. Vapaaehtoisillassa tavataan.",
            "--lang",
            "fi",
            "--format",
            "json",
            "--morphology",
            backend,
        ]));
        let found: Vec<&str> = doc["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        assert_eq!(found, ["Vapaaehtoisillassa"], "{backend}");
    }
}
