//! Segment states: `tolk mark`, `tolk status`, `tolk credits` and the
//! guarantees around `status.toml`.

mod common;

use common::{Repo, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

fn status_json(repo: &Repo) -> serde_json::Value {
    common::json(repo.tolk().args(["status", SLUG, "--format", "json"]))
}

fn mark(repo: &Repo, args: &[&str]) {
    repo.mark(SLUG, args);
}

fn mark_seed(repo: &Repo) {
    mark(
        repo,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    mark(
        repo,
        &["q1", "a1", "--as", "reviewed", "--by", "Eeva Editor"],
    );
}

fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

#[test]
fn fresh_import_is_17_draft_with_the_credited_translator() {
    let repo = Repo::seed();
    let doc = status_json(&repo);
    let a = &doc["articles"][0];
    assert_eq!(a["article"], SLUG);
    assert_eq!(a["segments"], 17);
    assert_eq!(a["draft"], 17);
    assert_eq!(a["missing"], 0);
    assert_eq!(a["translated"], 0);
    assert_eq!(a["stale"], 0);
    assert_eq!(a["orphan"], 0);
    assert_eq!(a["words"], 401);
    assert_eq!(a["done_words"], 0);
    assert_eq!(a["translators"], serde_json::json!(["Patricia Heikkilä"]));
    let q1 = &a["detail"][5];
    assert_eq!(q1["id"], "q1");
    assert_eq!(q1["state"], "draft");
    assert_eq!(q1["by"], serde_json::Value::Null);
    assert_eq!(q1["words"], 6);
    assert!(
        repo.read(&repo.article("status.toml"))
            .contains("translator = \"Patricia Heikkilä\"")
    );
}

#[test]
fn a_credit_naming_two_translators_lists_each_once() {
    let seed = String::from_utf8(common::SEED_SV.to_vec()).unwrap();
    let sv = seed.replace(
        "ÖVERSÄTTNING: PATRICIA HEIKKILÄ",
        "ÖVERSÄTTNING: JOHAN SUNDSTRÖM OCH PATRICIA HEIKKILÄ",
    );
    assert_ne!(sv, seed);
    let repo = Repo::empty();
    repo.import(SLUG, common::SEED_FI, Some(sv.as_bytes()));
    mark(
        &repo,
        &["p1", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let doc = status_json(&repo);
    assert_eq!(
        doc["articles"][0]["translators"],
        serde_json::json!(["Johan Sundström", "Patricia Heikkilä"])
    );
    // A name written surname first, as its translator records it, is one
    // name.
    let sv = seed.replace(
        "ÖVERSÄTTNING: PATRICIA HEIKKILÄ",
        "ÖVERSÄTTNING: Heikkilä, Patricia",
    );
    let repo = Repo::empty();
    repo.import(SLUG, common::SEED_FI, Some(sv.as_bytes()));
    mark(
        &repo,
        &["p1", "--as", "translated", "--by", "Heikkilä, Patricia"],
    );
    let doc = status_json(&repo);
    assert_eq!(
        doc["articles"][0]["translators"],
        serde_json::json!(["Heikkilä, Patricia"])
    );
}

#[test]
fn an_alias_on_the_credit_line_is_the_person_it_stands_for_in_status() {
    let seed = String::from_utf8(common::SEED_SV.to_vec()).unwrap();
    let sv = seed.replace("ÖVERSÄTTNING: PATRICIA HEIKKILÄ", "ÖVERSÄTTNING: ph");
    assert_ne!(sv, seed);
    let repo = Repo::empty();
    repo.import(SLUG, common::SEED_FI, Some(sv.as_bytes()));
    repo.import("toinen", common::SEED_FI, Some(sv.as_bytes()));
    mark(
        &repo,
        &["p1", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let all = |repo: &Repo| -> serde_json::Value {
        let doc = common::json(repo.tolk().args(["status", "--format", "json"]));
        doc["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["translators"].clone())
            .collect()
    };
    assert_eq!(
        all(&repo),
        serde_json::json!([["ph", "Patricia Heikkilä"], ["ph"]])
    );
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Patricia Heikkilä\"\naliases = [\"ph\"]\n",
    );
    // Twice: the second run reads the summaries from the cache.
    for _ in 0..2 {
        assert_eq!(
            all(&repo),
            serde_json::json!([["Patricia Heikkilä"], ["Patricia Heikkilä"]])
        );
    }
    assert_eq!(
        status_json(&repo)["articles"][0]["translators"],
        serde_json::json!(["Patricia Heikkilä"])
    );
}

#[test]
fn mark_all_then_review_two_gives_15_translated_and_2_reviewed() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let a = &status_json(&repo)["articles"][0];
    assert_eq!(a["translated"], 15);
    assert_eq!(a["reviewed"], 2);
    assert_eq!(a["draft"], 0);
    assert_eq!(a["done_words"], 401);
    assert_eq!(a["percent"], 100.0);
    let a1 = &a["detail"][6];
    assert_eq!(a1["id"], "a1");
    assert_eq!(a1["state"], "reviewed");
    assert_eq!(a1["by"], "Eeva Editor");
    assert_eq!(a1["at"], today());
}

#[test]
fn status_records_source_text_and_keeps_translator_on_review() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let text = repo.read(&repo.article("status.toml"));
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let q1 = &doc["segments"]["q1"];
    assert_eq!(q1["state"].as_str(), Some("reviewed"));
    assert_eq!(q1["by"].as_str(), Some("Eeva Editor"));
    assert_eq!(q1["translator"].as_str(), Some("Patricia Heikkilä"));
    assert_eq!(
        q1["source"].as_str(),
        Some("Mitä on ennaltaehkäisevä hyvinvointityö, Taru Ikäheimonen?")
    );
    assert_eq!(q1["at"].as_str(), Some(today().as_str()));
}

#[test]
fn unknown_id_exits_2_and_changes_nothing() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let before = repo.read_bytes(&repo.article("status.toml"));
    repo.tolk()
        .args(["mark", SLUG, "q1", "q9", "--as", "reviewed", "--by", "X"])
        .assert()
        .code(2)
        .stderr(contains("`q9`").and(contains("nothing was marked")));
    assert_eq!(repo.read_bytes(&repo.article("status.toml")), before);
}

#[test]
fn marking_a_missing_segment_is_refused_and_all_skips_it() {
    let repo = Repo::seed();
    // The translator has not reached the last question and answer yet.
    let sv = repo.read(&repo.article("sv.txt"));
    let cut = sv.find("Från och med början av 2023").unwrap();
    let end = sv.find("ÖVERSÄTTNING").unwrap();
    repo.write(
        &repo.article("sv.txt"),
        format!("{}{}", &sv[..cut], &sv[end..]),
    );
    repo.tolk()
        .args(["mark", SLUG, "a6", "--as", "translated", "--by", "P"])
        .assert()
        .code(2)
        .stderr(contains("nothing to mark").and(contains("a6")));
    repo.tolk()
        .args(["mark", SLUG, "--all", "--as", "translated", "--by", "P"])
        .assert()
        .success()
        .stdout(contains("marked 15 segments").and(contains("no Swedish text: q6 a6")));
    let a = &status_json(&repo)["articles"][0];
    assert_eq!(a["missing"], 2);
    assert_eq!(a["translated"], 15);
}

#[test]
fn hand_added_comment_and_key_survive_a_mark() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let path = repo.article("status.toml");
    let text = repo.read(&path).replace(
        "[segments.q2]",
        "# Eeva: check the title of the plan with the city\n[segments.q2]",
    );
    let text = text.replacen(
        "state = \"translated\"",
        "state = \"translated\"\ninvoice = \"2026-11\"",
        1,
    );
    repo.write(&path, &text);
    mark(&repo, &["q2", "--as", "reviewed", "--by", "Eeva Editor"]);
    let after = repo.read(&path);
    assert!(
        after.contains("# Eeva: check the title of the plan with the city\n[segments.q2]"),
        "{after}"
    );
    assert!(after.contains("invoice = \"2026-11\""), "{after}");
    assert_eq!(status_json(&repo)["articles"][0]["reviewed"], 3);
}

#[test]
fn corrupted_status_is_refused_and_left_byte_identical() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let path = repo.article("status.toml");
    let broken = repo
        .read(&path)
        .replacen("state = \"translated\"", "state = \"translated", 1);
    repo.write(&path, &broken);
    let line = broken
        .lines()
        .position(|l| l == "state = \"translated")
        .unwrap()
        + 1;
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "q2",
            "--as",
            "reviewed",
            "--by",
            "Eeva Editor",
        ])
        .assert()
        .code(2)
        .stderr(contains("status.toml").and(contains(format!("line {line}"))));
    assert_eq!(repo.read(&path), broken);
    repo.tolk()
        .args(["status", SLUG])
        .assert()
        .code(2)
        .stderr(contains("status.toml"));
}

#[test]
fn invalid_state_value_names_the_line() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let path = repo.article("status.toml");
    let edited = repo
        .read(&path)
        .replacen("state = \"translated\"", "state = \"done\"", 1);
    repo.write(&path, &edited);
    repo.tolk()
        .args(["status", SLUG])
        .assert()
        .code(2)
        .stderr(contains("`done`").and(contains("expected `translated` or `reviewed`")));
}

#[test]
fn one_broken_article_does_not_hide_the_others() {
    let repo = Repo::seed();
    repo.write("articles/rikki/fi.txt", b"Otsikko\n\n\xff");
    let out = repo
        .tolk()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"][0]["article"], SLUG);
    assert_eq!(doc["errors"][0]["article"], "rikki");
    assert!(String::from_utf8_lossy(&out.stderr).contains("rikki"));
}

#[test]
fn credits_list_both_people_with_their_words() {
    let repo = Repo::seed();
    mark_seed(&repo);
    let doc = common::json(repo.tolk().args(["credits", "--format", "json"]));
    let people = doc["people"].as_array().unwrap();
    assert_eq!(people.len(), 2, "{doc}");
    assert_eq!(people[0]["name"], "Eeva Editor");
    assert_eq!(people[0]["role"], "reviewer");
    assert_eq!(people[0]["segments"], 2);
    assert_eq!(people[0]["words"], 6 + 43);
    assert_eq!(people[1]["name"], "Patricia Heikkilä");
    assert_eq!(people[1]["role"], "translator");
    assert_eq!(people[1]["articles"], 1);
    assert_eq!(people[1]["segments"], 17);
    assert_eq!(people[1]["words"], 401);
    assert_eq!(people[1]["credited"], 1);
}

#[test]
fn credits_count_each_translator_a_credit_line_names_together() {
    // Imported with the line naming both, as the editor receives it.
    let repo = Repo::empty();
    let sv = String::from_utf8(common::SEED_SV.to_vec())
        .unwrap()
        .replace(
            "ÖVERSÄTTNING: PATRICIA HEIKKILÄ",
            "ÖVERSÄTTNING: PATRICIA HEIKKILÄ OCH MIKAEL LINDHOLM",
        );
    repo.import(SLUG, common::SEED_FI, Some(sv.as_bytes()));
    repo.mark(
        SLUG,
        &["1-3", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo.mark(
        SLUG,
        &["4-6", "--as", "translated", "--by", "Mikael Lindholm"],
    );
    let doc = common::json(repo.tolk().args(["credits", "--format", "json"]));
    let people = doc["people"].as_array().unwrap();
    let credited: Vec<(&str, u64)> = people
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["credited"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        credited,
        [("Mikael Lindholm", 1), ("Patricia Heikkilä", 1)],
        "{doc}"
    );
    // And `check` agrees: the line names who marked the segments.
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\"credit\""));
}

#[test]
fn name_comes_from_tolk_user_then_asks_for_by() {
    let repo = Repo::seed();
    repo.tolk()
        .args(["mark", SLUG, "title", "--as", "translated"])
        .assert()
        .code(2)
        .stderr(contains("--by"));
    repo.tolk()
        .env("TOLK_USER", "Tiina Tulkki")
        .args(["mark", SLUG, "title", "--as", "translated"])
        .assert()
        .success()
        .stdout(contains("by Tiina Tulkki"));
}

#[test]
fn mark_needs_ids_or_all() {
    let repo = Repo::seed();
    repo.tolk()
        .args(["mark", SLUG, "--as", "translated", "--by", "P"])
        .assert()
        .code(2);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "q1",
            "--all",
            "--as",
            "translated",
            "--by",
            "P",
        ])
        .assert()
        .code(2);
}

#[test]
fn records_for_removed_segments_are_kept_as_orphans() {
    let repo = Repo::seed();
    mark_seed(&repo);
    // The writer cuts the last question and answer from the Finnish.
    let fi = repo.read(&repo.article("fi.txt"));
    let cut = fi.find("Ensi vuoden alusta").unwrap();
    let end = fi.rfind("\u{a0}\n").unwrap();
    repo.write(
        &repo.article("fi.txt"),
        format!("{}{}", &fi[..cut], &fi[end..]),
    );
    let a = &status_json(&repo)["articles"][0];
    assert_eq!(a["segments"], 15);
    assert_eq!(a["orphan"], 2);
    let detail = a["detail"].as_array().unwrap();
    assert_eq!(detail.last().unwrap()["state"], "orphan");
    // Marking again (a write: Eeva reviews p1) keeps them. Re-marking p1
    // translated by another name would now be refused as taking over
    // Patricia's credit, and by her own name would write nothing.
    mark(&repo, &["p1", "--as", "reviewed", "--by", "Eeva Editor"]);
    let text = repo.read(&repo.article("status.toml"));
    assert!(
        text.contains("[segments.q6]") && text.contains("[segments.a6]"),
        "{text}"
    );
    let out = common::stdout(repo.tolk().args(["status", SLUG]));
    assert!(out.contains("orphan"), "{out}");
}

#[test]
fn status_table_snapshot() {
    let repo = Repo::seed();
    mark_seed(&repo);
    repo.write(
        "articles/uutinen/fi.txt",
        "| UUTISET\n\nKirjasto avautuu\n\nKirjasto avautuu maanantaina.\n",
    );
    let out = common::stdout(repo.tolk().args(["status"]));
    insta::assert_snapshot!("status_all", out);
    let out = common::stdout(repo.tolk().args(["status", SLUG])).replace(&today(), "YYYY-MM-DD");
    insta::assert_snapshot!("status_one", out);
}

#[test]
fn no_articles_is_an_error() {
    let repo = Repo::empty();
    std::fs::create_dir(repo.path("articles")).unwrap();
    repo.tolk()
        .arg("status")
        .assert()
        .code(2)
        .stderr(contains("no articles"));
}

#[test]
fn a_last_question_without_its_answer_yet_is_still_that_question() {
    let repo = Repo::seed();
    // The translator has written q6 but not yet its answer.
    let sv = repo.read(&repo.article("sv.txt"));
    let cut = sv.find("– Vi hade vår första").unwrap();
    let end = sv.find("ÖVERSÄTTNING").unwrap();
    repo.write(
        &repo.article("sv.txt"),
        format!("{}{}", &sv[..cut], &sv[end..]),
    );
    let a = &status_json(&repo)["articles"][0];
    assert_eq!(a["missing"], 1, "{a}");
    assert_eq!(a["extra"], 0, "{a}");
    let q6 = a["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "q6")
        .unwrap()
        .clone();
    assert_eq!(q6["state"], "draft");
    repo.mark(SLUG, &["q6", "--as", "translated", "--by", "P"]);
}
