//! The `inconsistent` rule end to end: a standard closing line that two
//! articles translate differently is a warning on each, naming the other
//! article; the same rendering written with other spacing or quotes is no
//! finding; drafts do not count; and one article alone (the seed) is
//! never inconsistent with itself.

mod common;

use common::Repo;

/// An article whose last paragraph ends in the magazine's closing line.
fn fi(topic: &str) -> String {
    format!(
        "| KAUPUNKI\n\n{topic} avataan keväällä\n\n\
         Kaupunki avaa uuden {topic} huhtikuussa. Avajaisia vietetään koko viikonlopun.\n\n\
         Ohjelmassa on musiikkia ja lapsille omaa tekemistä. \
         Tapahtumiin on vapaa pääsy kaikille asukkaille.\n"
    )
}

fn sv(topic: &str, closing: &str) -> String {
    format!(
        "| STADEN\n\n{topic} öppnar i vår\n\n\
         Staden öppnar en ny {topic} i april. Invigningen firas hela veckoslutet.\n\n\
         Programmet bjuder på musik och eget program för barnen. {closing}\n"
    )
}

/// Two articles with the closing line rendered `a` and `b`, every segment
/// of both marked translated unless `draft_second`.
fn repo(a: &str, b: &str, draft_second: bool) -> Repo {
    let repo = Repo::empty();
    repo.import(
        "kirjasto",
        fi("kirjasto"),
        Some(sv("bibliotek", a).as_bytes()),
    );
    repo.import(
        "uimahalli",
        fi("uimahalli"),
        Some(sv("simhall", b).as_bytes()),
    );
    repo.mark("kirjasto", &["--all", "--as", "translated", "--by", "P"]);
    if !draft_second {
        repo.mark("uimahalli", &["--all", "--as", "translated", "--by", "P"]);
    }
    repo
}

/// The `inconsistent` findings of `tolk check` (article, segment, message,
/// line, column, excerpt).
fn inconsistent(repo: &Repo, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = repo
        .tolk()
        // `inconsistent` is opt-in (it costs a large archive a second).
        .args(["check", "--format", "json", "--morphology", "builtin"])
        .args(["--select", "ALL"])
        .args(extra)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "inconsistent")
        .cloned()
        .collect()
}

#[test]
fn a_closing_line_rendered_two_ways_warns_in_both_articles() {
    let repo = repo(
        "Evenemangen är gratis för alla invånare.",
        "Det är fritt inträde till evenemangen för alla invånare.",
        false,
    );
    let found = inconsistent(&repo, &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    let first = &found[0];
    assert_eq!(first["article"], "kirjasto");
    assert_eq!(first["segment"], "p2");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["file"], "articles/kirjasto/sv.txt");
    // The sentence, not the paragraph: its line and column in sv.txt.
    assert_eq!(first["line"], 7);
    let column = "Programmet bjuder på musik och eget program för barnen. "
        .chars()
        .count()
        + 1;
    assert_eq!(first["column"], column);
    let message = first["message"].as_str().unwrap();
    assert!(message.contains("`uimahalli`"), "{message}");
    assert!(
        message.contains("Evenemangen är gratis") && message.contains("Det är fritt inträde"),
        "{message}"
    );
    let second = &found[1];
    assert_eq!(second["article"], "uimahalli");
    assert!(
        second["message"].as_str().unwrap().contains("`kirjasto`"),
        "{second:#?}"
    );
    // The project can turn it off or make it an error.
    assert!(inconsistent(&repo, &["--ignore", "inconsistent"]).is_empty());
    repo.write("tolk.toml", "[check.severity]\ninconsistent = \"error\"\n");
    let found = inconsistent(&repo, &[]);
    assert!(found.iter().all(|f| f["severity"] == "error"), "{found:#?}");
}

#[test]
fn the_same_rendering_with_other_spacing_case_and_dashes_is_quiet() {
    let repo = repo(
        "Evenemangen är gratis – för alla invånare.",
        "Evenemangen  är\u{a0}gratis — för ALLA invånare.",
        false,
    );
    assert!(inconsistent(&repo, &[]).is_empty());
}

#[test]
fn drafts_do_not_count() {
    let repo = repo(
        "Evenemangen är gratis för alla invånare.",
        "Det är fritt inträde till evenemangen för alla invånare.",
        true,
    );
    assert!(inconsistent(&repo, &[]).is_empty());
}

#[test]
fn one_article_is_never_inconsistent_with_itself() {
    let repo = Repo::seed();
    repo.mark(common::SLUG, &["--all", "--as", "translated", "--by", "P"]);
    assert!(inconsistent(&repo, &[]).is_empty());
}

#[test]
fn it_runs_only_when_selected() {
    let repo = repo(
        "Evenemangen är gratis för alla invånare.",
        "Det är fritt inträde till evenemangen för alla invånare.",
        false,
    );
    let out = repo
        .tolk()
        .args(["check", "--format", "json", "--morphology", "builtin"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "inconsistent"),
        "opt-in: {doc}"
    );
    repo.write("tolk.toml", "[check]\nselect = [\"ALL\"]\n");
    let out = repo
        .tolk()
        .args(["check", "--format", "json", "--morphology", "builtin"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "inconsistent")
        .count();
    assert_eq!(n, 2, "{doc}");
}
