//! Issue 13: `tolk.toml`, rule selection, waivers, the publish gate and
//! `--changed-since`, through the real binary on the seed article.

mod common;

use common::{Repo, SLUG};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

/// `tolk check --format json ARGS…` whatever its exit status: (status, doc).
fn check(repo: &Repo, args: &[&str]) -> (Option<i32>, Value) {
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), doc)
}

/// (segment, rule) of every finding.
fn found(doc: &Value) -> Vec<(String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["segment"].as_str().unwrap_or("-").to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(doc: &Value, segment: &str, rule: &str) -> bool {
    found(doc).iter().any(|(s, r)| s == segment && r == rule)
}

fn count(doc: &Value, rule: &str) -> usize {
    found(doc).iter().filter(|(_, r)| r == rule).count()
}

/// The seed with every segment marked translated by its translator, so
/// that only content findings are left (no `draft`).
fn marked_seed() -> Repo {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo
}

#[test]
fn tolk_toml_is_found_from_a_subdirectory_and_selects_rules() {
    let repo = Repo::seed();
    let (_, doc) = check(&repo, &[]);
    assert!(count(&doc, "draft") > 0);
    repo.write("tolk.toml", "[check]\nignore = [\"draft\"]\n");
    let out = repo
        .tolk()
        .current_dir(repo.path(&format!("articles/{SLUG}")))
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(count(&doc, "draft"), 0);
    assert!(count(&doc, "number") > 0, "other rules still run");
}

#[test]
fn the_command_line_overrides_tolk_toml() {
    let repo = Repo::seed();
    repo.write(
        "tolk.toml",
        "[check]\nstrict = true\nignore = [\"draft\"]\n[check.severity]\nnumber = \"error\"\n",
    );
    // The file: strict, number an error, draft off.
    let (code, doc) = check(&repo, &[]);
    assert_eq!(code, Some(1));
    let number = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "number")
        .unwrap();
    assert_eq!(number["severity"], "error");
    assert_eq!(count(&doc, "draft"), 0);
    // --select replaces the file's selection, and a rule it names runs
    // although the file ignores it.
    let (_, doc) = check(&repo, &["--select", "draft,missing"]);
    assert!(count(&doc, "draft") > 0);
    assert_eq!(count(&doc, "number"), 0);
    assert_eq!(count(&doc, "glossary-avoid"), 0);
    // --ignore adds to the file's; --no-strict beats `strict = true`.
    let (code, doc) = check(
        &repo,
        &[
            "--ignore",
            "number",
            "--ignore",
            "glossary-avoid",
            "--no-strict",
        ],
    );
    assert_eq!(count(&doc, "number"), 0);
    assert_eq!(doc["summary"]["errors"], 0, "{doc}");
    assert_eq!(code, Some(0), "warnings do not fail under --no-strict");
    // `strict = true` from the file: the drafts (selected again by ALL on
    // the command line) are warnings, and they fail the run.
    let (code, doc) = check(
        &repo,
        &["--ignore", "number,glossary-avoid", "--select", "ALL"],
    );
    assert_eq!(doc["summary"]["errors"], 0, "{doc}");
    assert!(count(&doc, "draft") > 0);
    assert_eq!(code, Some(1), "strict from the file: warnings fail");
}

#[test]
fn an_unknown_rule_in_tolk_toml_is_refused_with_its_line() {
    let repo = Repo::seed();
    repo.write(
        "tolk.toml",
        "[check]\nstrict = false\nignore = [\"drafts\"]\n",
    );
    let (code, doc) = check(&repo, &[]);
    assert_eq!(code, Some(2));
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "invalid");
    assert_eq!(f["file"], "tolk.toml");
    assert_eq!(f["line"], 3);
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("unknown rule `drafts`"), "{message}");
    assert!(
        message.contains("glossary-avoid"),
        "the known rules: {message}"
    );
    // An unknown key, too.
    repo.write("tolk.toml", "[check]\nstrikt = true\n");
    repo.tolk()
        .arg("check")
        .assert()
        .code(2)
        .stdout(contains("tolk.toml:2:"))
        .stdout(contains("unknown key `strikt`"));
    // And a bad rule on the command line is a usage error.
    repo.write("tolk.toml", "");
    repo.tolk()
        .args(["check", "--ignore", "nosuch"])
        .assert()
        .code(2)
        .stderr(contains("unknown rule `nosuch`"));
}

#[test]
fn a_waiver_hides_a_finding_until_either_text_changes() {
    let repo = marked_seed();
    let (_, doc) = check(&repo, &[]);
    assert!(has(&doc, "q6", "number"));
    repo.tolk()
        .args(["accept", SLUG, "q6", "number", "--by", "Eeva Editori"])
        .args(["--reason", "Deliberate clarification of the year"])
        .assert()
        .success()
        .stdout(contains("accepted number on"));
    let (_, doc) = check(&repo, &[]);
    assert!(!has(&doc, "q6", "number"), "waived");
    assert!(has(&doc, "a6", "number"), "only that finding");
    assert_eq!(doc["summary"]["waived"], 1);
    assert!(doc.get("waived").is_none(), "listed only on request");
    repo.tolk()
        .arg("check")
        .assert()
        .stdout(contains("1 waived"));
    let (_, doc) = check(&repo, &["--show-waived"]);
    assert_eq!(doc["waived"][0]["segment"], "q6");
    assert_eq!(
        doc["waived"][0]["waiver"]["reason"],
        "Deliberate clarification of the year"
    );

    // The Swedish changes: the finding returns, with the old reason.
    let sv = repo.article("sv.txt");
    let original = repo.read(&sv);
    repo.edit("sv.txt", "början av 2023", "början av år 2023");
    let (_, doc) = check(&repo, &[]);
    let back = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["segment"] == "q6" && f["rule"] == "number")
        .expect("the finding is back");
    let message = back["message"].as_str().unwrap();
    assert!(
        message.contains("Deliberate clarification of the year")
            && message.contains("the Swedish has changed since"),
        "{message}"
    );
    assert_eq!(doc["summary"]["waived"], 0);

    // Back to the accepted text: waived again. Re-wrapping does not count.
    repo.write(&sv, original.replace("början av 2023", "början\nav 2023"));
    let (_, doc) = check(&repo, &[]);
    assert!(!has(&doc, "q6", "number"), "re-wrapped is the same text");

    // The Finnish changes: back again.
    repo.edit("fi.txt", "Ensi vuoden alusta", "Ensi vuoden alusta alkaen");
    let (_, doc) = check(&repo, &[]);
    let back = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["segment"] == "q6" && f["rule"] == "number")
        .expect("the finding is back");
    assert!(
        back["message"]
            .as_str()
            .unwrap()
            .contains("the Finnish has changed since")
    );
    repo.tolk()
        .args(["accept", "--list"])
        .assert()
        .success()
        .stdout(contains("q6 number  outdated"));
}

#[test]
fn accept_refuses_what_it_cannot_waive() {
    let repo = marked_seed();
    let accept = |args: &[&str]| {
        let mut cmd = repo.tolk();
        cmd.arg("accept")
            .args(args)
            .args(["--by", "E", "--reason", "r"]);
        cmd
    };
    accept(&[SLUG, "q99", "number"])
        .assert()
        .code(2)
        .stderr(contains("no segment `q99`"));
    accept(&[SLUG, "q6", "numbers"])
        .assert()
        .code(2)
        .stderr(contains("no rule `numbers`"));
    accept(&[SLUG, "q1", "number"])
        .assert()
        .code(2)
        .stderr(contains("nothing to accept"));
    accept(&[SLUG, "q6", "invalid"])
        .assert()
        .code(2)
        .stderr(contains("cannot be waived"));
    repo.tolk()
        .args(["accept", SLUG, "q6", "number", "--by", "E"])
        .assert()
        .code(2)
        .stderr(contains("--reason"));
    // A glossary rule without a glossary (the seed repository has none)
    // cannot run anywhere: that is said, not that the segment has nothing
    // to accept.
    assert!(!repo.path("glossary.toml").exists());
    accept(&[SLUG, "a2", "glossary-avoid"])
        .assert()
        .code(2)
        .stderr(contains(
            "`glossary-avoid` cannot run here (no `glossary.toml`",
        ));
    // Nothing was written.
    assert!(!repo.read(&repo.article("status.toml")).contains("waived"));
}

#[test]
fn a_waiver_can_be_listed_and_removed() {
    let repo = marked_seed();
    repo.tolk()
        .args(["accept", "--list"])
        .assert()
        .success()
        .stdout(contains("no waivers"));
    repo.tolk()
        .args([
            "accept", SLUG, "q6", "number", "--by", "E", "--reason", "ok",
        ])
        .assert()
        .success();
    let list = common::json(repo.tolk().args(["accept", "--list", "--format", "json"]));
    assert_eq!(list["waivers"][0]["status"], "active");
    assert_eq!(list["waivers"][0]["rule"], "number");
    // A later mark keeps the waiver and the comment beside it.
    let status = repo.article("status.toml");
    let text = repo.read(&status);
    repo.write(
        &status,
        text.replace("reason = \"ok\"", "reason = \"ok\" # agreed"),
    );
    repo.mark(SLUG, &["q6", "--as", "reviewed", "--by", "Eeva Editori"]);
    assert!(repo.read(&status).contains("reason = \"ok\" # agreed"));
    let (_, doc) = check(&repo, &[]);
    assert!(!has(&doc, "q6", "number"));
    repo.tolk()
        .args(["accept", SLUG, "q6", "number", "--remove"])
        .assert()
        .success()
        .stdout(contains("removed the waiver of number"));
    let (_, doc) = check(&repo, &[]);
    assert!(has(&doc, "q6", "number"));
    repo.tolk()
        .args(["accept", SLUG, "q6", "number", "--remove"])
        .assert()
        .code(2)
        .stderr(contains("has no waiver"));
}

#[test]
fn the_publish_gate_wants_every_segment_reviewed_by_another_person() {
    let repo = marked_seed();
    let (code, doc) = check(&repo, &["--publish", "--select", "publish"]);
    assert_eq!(code, Some(1));
    let gate: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "publish")
        .collect();
    assert_eq!(gate.len(), 1, "one finding per article");
    let message = gate[0]["message"].as_str().unwrap();
    assert!(
        message.contains("not reviewed (translated kicker"),
        "{message}"
    );

    // Reviewed by the person who translated it: still held back.
    repo.mark(
        SLUG,
        &["--all", "--as", "reviewed", "--by", "patricia heikkilä"],
    );
    let (code, doc) = check(&repo, &["--publish", "--select", "publish"]);
    assert_eq!(code, Some(1));
    let message = doc["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("reviewed by their own translator"),
        "{message}"
    );

    // The project allows it: passes.
    repo.write("tolk.toml", "[publish]\ndistinct_reviewer = false\n");
    let (code, doc) = check(&repo, &["--publish", "--select", "publish"]);
    assert_eq!(code, Some(0), "{doc}");

    // Another reviewer: passes; `always` makes every check a publish check.
    repo.write("tolk.toml", "[publish]\nalways = true\n");
    let (code, _) = check(&repo, &["--select", "publish"]);
    assert_eq!(code, Some(1), "same-person review again refused");
    repo.mark(SLUG, &["--all", "--as", "reviewed", "--by", "Eeva Editori"]);
    let (code, doc) = check(&repo, &["--select", "publish"]);
    assert_eq!(code, Some(0), "{doc}");
    // Without the gate, no publish finding whatever the states.
    repo.write("tolk.toml", "");
    repo.edit("fi.txt", "Ensi vuoden alusta", "Ensi vuoden alusta alkaen");
    let (_, doc) = check(&repo, &[]);
    assert_eq!(count(&doc, "publish"), 0);
    let (_, doc) = check(&repo, &["--publish"]);
    assert_eq!(count(&doc, "publish"), 1, "stale q6 holds it back");
}

fn git(repo: &Repo, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(repo.root())
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn changed_since_checks_only_what_differs_from_the_revision() {
    let repo = Repo::seed();
    // Outside a git repository: a clear error.
    repo.tolk()
        .args(["check", "--changed-since", "HEAD"])
        .assert()
        .code(2)
        .stderr(contains("needs a git repository"));
    repo.import(
        "kirjasto",
        "Kirjasto\n\nKirjasto on auki.\n",
        Some(b"Bibliotek\n\nBiblioteket \xc3\xa4r \xc3\xb6ppet.\n"),
    );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "first"]);
    git(&repo, &["tag", "first"]);
    let (_, doc) = check(&repo, &["--changed-since", "first"]);
    assert_eq!(doc["summary"]["articles"], 0, "nothing changed");
    assert_eq!(doc["summary"]["errors"], 0);
    // Second commit: only kirjasto changes.
    repo.write("articles/kirjasto/sv.txt", "Bibliotek\n");
    git(&repo, &["commit", "-qam", "second"]);
    let (code, doc) = check(&repo, &["--changed-since", "first"]);
    assert_eq!(doc["summary"]["articles"], 1);
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["article"] == "kirjasto")
    );
    assert!(has(&doc, "p1", "missing"));
    assert_eq!(code, Some(1));
    // An uncommitted edit counts too; HEAD is the second commit.
    let (_, doc) = check(&repo, &["--changed-since", "HEAD"]);
    assert_eq!(doc["summary"]["articles"], 0);
    repo.edit("sv.txt", "början av 2023", "början av år 2023");
    let (_, doc) = check(&repo, &["--changed-since", "HEAD"]);
    assert_eq!(doc["summary"]["articles"], 1);
    // A changed glossary concerns every article.
    repo.write("glossary.toml", "");
    let out = repo
        .tolk()
        .args(["check", "--format", "json", "--changed-since", "HEAD"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("checking every article"));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["articles"], 2);
    // An unknown revision.
    repo.tolk()
        .args(["check", "--changed-since", "nosuchref"])
        .assert()
        .code(2)
        .stderr(contains("no revision `nosuchref`"));
}

/// The seed with p3's `number` finding accepted.
fn seed_with_a_waiver_on_p3() -> Repo {
    let repo = marked_seed();
    let (_, doc) = check(&repo, &[]);
    assert!(has(&doc, "p3", "number"), "{:?}", found(&doc));
    repo.tolk()
        .args(["accept", SLUG, "p3", "number", "--by", "E"])
        .args(["--reason", "The year is in the next paragraph"])
        .assert()
        .success();
    repo
}

/// The writer adds a paragraph above p3, and the translator its
/// translation: the old p3 is now p4.
fn add_a_paragraph_above_p3(repo: &Repo) {
    repo.edit(
        "fi.txt",
        "Tätä varten myös",
        "Kaupunki tiedotti asiasta tiistaina.\n\nTätä varten myös",
    );
    repo.edit(
        "sv.txt",
        "För det här ändamålet",
        "Staden informerade om saken på tisdagen.\n\nFör det här ändamålet",
    );
}

#[test]
fn a_waiver_follows_its_segment_when_a_paragraph_is_added_above() {
    let repo = seed_with_a_waiver_on_p3();
    add_a_paragraph_above_p3(&repo);
    let (_, doc) = check(&repo, &[]);
    assert!(
        !has(&doc, "p4", "number"),
        "still waived: {:?}",
        found(&doc)
    );
    assert!(!has(&doc, "p3", "number"));
    assert_eq!(doc["summary"]["waived"], 1);
    // A mark moves the records, the waiver with them.
    repo.mark(
        SLUG,
        &["p3", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let status = repo.read(&repo.article("status.toml"));
    assert!(status.contains("[segments.p4.waived.number]"), "{status}");
    let (_, doc) = check(&repo, &[]);
    assert!(!has(&doc, "p4", "number"));
    assert_eq!(doc["summary"]["waived"], 1);
}

#[test]
fn a_moved_waiver_is_removed_under_the_id_list_shows() {
    let repo = seed_with_a_waiver_on_p3();
    add_a_paragraph_above_p3(&repo);
    // Nobody marked since: the stored key is still `p3`, the text is p4.
    repo.tolk()
        .args(["accept", "--list", SLUG])
        .assert()
        .success()
        .stdout(contains(format!("{SLUG} p4 number  active")));
    repo.tolk()
        .args(["accept", SLUG, "p4", "number", "--remove"])
        .assert()
        .success()
        .stdout(contains("removed the waiver of number on"));
    let (_, doc) = check(&repo, &[]);
    assert!(has(&doc, "p4", "number"), "{:?}", found(&doc));
    assert_eq!(doc["summary"]["waived"], 0);
    // The record moved with its text as the waiver was removed.
    let status = repo.read(&repo.article("status.toml"));
    assert!(!status.contains("waived"), "{status}");

    // A waiver whose segment is gone is removed by its key.
    repo.tolk()
        .args(["accept", SLUG, "p4", "number", "--by", "E"])
        .args(["--reason", "Rounded"])
        .assert()
        .success();
    let text = repo.read(&repo.article("fi.txt"));
    let cut = text.find("Tätä varten myös").unwrap();
    let end = cut + text[cut..].find("\n\n").unwrap() + 2;
    repo.write(
        &repo.article("fi.txt"),
        format!("{}{}", &text[..cut], &text[end..]),
    );
    let text = repo.read(&repo.article("sv.txt"));
    let cut = text.find("För det här ändamålet").unwrap();
    let end = cut + text[cut..].find("\n\n").unwrap() + 2;
    repo.write(
        &repo.article("sv.txt"),
        format!("{}{}", &text[..cut], &text[end..]),
    );
    repo.tolk()
        .args(["accept", "--list", SLUG])
        .assert()
        .success()
        .stdout(contains("unused"));
    let listed = repo
        .tolk()
        .args(["accept", "--list", SLUG, "--format", "json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let key = listed["waivers"][0]["segment"]
        .as_str()
        .unwrap()
        .to_string();
    repo.tolk()
        .args(["accept", SLUG, &key, "number", "--remove"])
        .assert()
        .success();
    repo.tolk()
        .args(["accept", "--list", SLUG])
        .assert()
        .success()
        .stdout(contains("no waivers"));
}

/// An article of plain paragraphs, nobody has marked: waivers must follow
/// their text without records to lean on.
fn unmarked_prices() -> Repo {
    let repo = Repo::empty();
    repo.import(
        "w",
        "Konsertti\n\nLiput maksavat 20 euroa.\n\nOvet avataan tuntia ennen.\n",
        Some(
            "Konsert\n\nBiljetterna kostar 25 euro.\n\nDörrarna öppnas en timme före.\n".as_bytes(),
        ),
    );
    repo
}

#[test]
fn a_waiver_on_an_unmarked_segment_follows_its_text_and_is_not_renewed_by_mistake() {
    let repo = unmarked_prices();
    repo.tolk()
        .args(["accept", "w", "p1", "number", "--by", "E"])
        .args(["--reason", "price raised after print"])
        .assert()
        .success();
    // A new first paragraph on both sides: the old p1 is now p2.
    let fi = repo.read("articles/w/fi.txt");
    let sv = repo.read("articles/w/sv.txt");
    repo.write(
        "articles/w/fi.txt",
        fi.replace("Liput", "Lippuja on 300.\n\nLiput"),
    );
    repo.write(
        "articles/w/sv.txt",
        sv.replace("Biljetterna", "Det finns 350 biljetter.\n\nBiljetterna"),
    );
    let (_, doc) = check(&repo, &[]);
    assert!(!has(&doc, "p2", "number"), "the old paragraph stays waived");
    let p1 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["segment"] == "p1" && f["rule"] == "number")
        .expect("the new paragraph's own finding");
    assert!(
        !p1["message"].as_str().unwrap().contains("price raised"),
        "another paragraph's reason: {p1}"
    );
    // Accepting the new one is a new waiver, not a renewal of the old.
    repo.tolk()
        .args(["accept", "w", "p1", "number", "--by", "E"])
        .args(["--reason", "ticket count from the organiser"])
        .assert()
        .success()
        .stdout(contains("accepted number on w p1"));
    let status = repo.read("articles/w/status.toml");
    assert!(status.contains("price raised after print"), "{status}");
    assert!(
        status.contains("ticket count from the organiser"),
        "{status}"
    );
    let (_, doc) = check(&repo, &[]);
    assert_eq!(count(&doc, "number"), 0, "{doc}");
    // Two waivers, each covering both numbers of its paragraph (300 and
    // 350; 20 and 25).
    assert_eq!(doc["summary"]["waived"], 4);
}

#[test]
fn a_waiver_covers_the_words_accepted_not_a_new_term_on_the_segment() {
    let repo = Repo::seed();
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"hyvinvointikertomus\"\nsv = \"välfärdsberättelse\"\n\
         avoid = [\"välfärdsrapport*\"]\n",
    );
    repo.tolk()
        .args(["accept", SLUG, "a2", "glossary-avoid", "--by", "E"])
        .args(["--reason", "quoting the report's own title"])
        .assert()
        .success();
    let (_, doc) = check(&repo, &[]);
    assert_eq!(count(&doc, "glossary-avoid"), 0);
    // The glossary grows: the new term's avoided rendering in a2 is a new
    // finding, not covered by the old waiver.
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"hyvinvointikertomus\"\nsv = \"välfärdsberättelse\"\n\
         avoid = [\"välfärdsrapport*\"]\n\n[[term]]\nfi = \"varhaiskasvatus\"\n\
         sv = \"småbarnspedagogik\"\navoid = [\"småbarnsfostran\"]\n",
    );
    let (_, doc) = check(&repo, &[]);
    let avoid: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "glossary-avoid")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(avoid.len(), 1, "{avoid:?}");
    assert!(avoid[0].contains("småbarnsfostran"), "{avoid:?}");
    assert_eq!(doc["summary"]["waived"], 1);
}

#[test]
fn an_empty_finnish_text_does_not_pass() {
    let repo = Repo::seed();
    repo.import("tyhja", "", Some(b""));
    let (code, doc) = check(&repo, &["tyhja", "--publish", "--strict"]);
    assert_eq!(code, Some(2), "{doc}");
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "invalid");
    assert_eq!(f["file"], "articles/tyhja/fi.txt");
    assert!(f["message"].as_str().unwrap().contains("no text"), "{f}");
}

#[test]
fn a_directory_git_left_behind_is_not_an_article() {
    let repo = marked_seed();
    // `git rm -r articles/menot` keeps the ignored lock file, and so the
    // directory.
    repo.write("articles/menot/.status.toml.lock", "");
    let (code, doc) = check(&repo, &["--ignore", "number,glossary-avoid"]);
    assert_eq!(doc["summary"]["articles"], 1, "{doc}");
    assert_eq!(code, Some(0), "{doc}");
    // A directory with anything else in it is still an article, reported.
    repo.write("articles/menot/notes.md", "x");
    let (code, _) = check(&repo, &[]);
    assert_eq!(code, Some(2));
}

#[test]
fn init_inside_a_repository_is_refused() {
    let repo = Repo::seed();
    repo.tolk()
        .current_dir(repo.path(&format!("articles/{SLUG}")))
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains("already inside the tolk repository"));
    assert!(!repo.path(&format!("articles/{SLUG}/articles")).exists());
    // At the root itself: adds what is missing, as before.
    repo.tolk().arg("init").assert().success();
}

#[test]
fn concise_lists_waived_findings_with_show_waived() {
    let repo = marked_seed();
    repo.tolk()
        .args([
            "accept",
            SLUG,
            "q6",
            "number",
            "--by",
            "E",
            "--reason",
            "on purpose",
        ])
        .assert()
        .success();
    let out = common::stdout(repo.tolk().args(["check", "--format", "concise"]));
    assert!(!out.contains("waived[number]"), "{out}");
    let out = common::stdout(
        repo.tolk()
            .args(["check", "--format", "concise", "--show-waived"]),
    );
    assert!(
        out.contains("waived[number] q6: 2023 is only in the Swedish (accepted by E on"),
        "{out}"
    );
}

#[test]
fn ci_formats_give_paths_from_where_ci_runs() {
    let repo = Repo::empty();
    repo.write(
        "data/articles/x/fi.txt",
        "Otsikko\n\nKirjasto avataan 2025.\n",
    );
    repo.write("data/articles/x/sv.txt", "Rubrik\n");
    let out = common::stdout(
        repo.tolk()
            .args(["--root", "data", "check", "--format", "github"]),
    );
    assert!(out.contains("file=data/articles/x/sv.txt"), "{out}");
    let out = common::stdout(
        repo.tolk()
            .args(["--root", "data", "--pretty", "check", "--format", "sarif"]),
    );
    assert!(out.contains("\"uri\": \"data/articles/x/"), "{out}");
    // JSON keeps paths from the repository root, as documented.
    let out = common::stdout(
        repo.tolk()
            .args(["--root", "data", "--pretty", "check", "--format", "json"]),
    );
    assert!(out.contains("\"file\": \"articles/x/"), "{out}");
}

#[test]
fn doctor_exits_2_when_something_it_needs_is_broken() {
    let repo = Repo::seed();
    repo.tolk().arg("doctor").assert().success();
    repo.write("tolk.toml", "[check]\nignore = [\"drafts\"]\n");
    repo.tolk()
        .arg("doctor")
        .assert()
        .code(2)
        .stdout(contains("unknown rule `drafts`"));
    repo.write("tolk.toml", "");
    repo.write("glossary.toml", "[[term]]\nfi = 1\n");
    repo.tolk().arg("doctor").assert().code(2);
}

#[test]
fn doctor_reports_people_toml_and_exits_2_when_it_is_broken() {
    let repo = Repo::seed();
    // No people.toml: nothing said about it, nothing broken.
    repo.tolk()
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains("people").not());
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Patricia Heikkilä\"\naliases = [\"ph\", \"patricia@example.fi\"]\n\n\
         [[person]]\nname = \"Anna Virtanen\"\n",
    );
    repo.tolk()
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains("people.toml (2 people, 2 aliases)"));
    repo.write("people.toml", "[[person]]\nnmae = \"Anna\"\n");
    repo.tolk()
        .arg("doctor")
        .assert()
        .code(2)
        .stdout(contains("people.toml").and(contains("line 2")));
}
