//! A translator's day without friction: choosing segments the way tables
//! show them, never losing a review by accident, names matched to the
//! people the repository knows, and the Swedish imported on its own.

mod common;

use common::{Repo, SLUG};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const PATRICIA: &str = "Patricia Heikkilä";

fn status_json(repo: &Repo) -> Value {
    common::json(repo.tolk().args(["status", SLUG, "--format", "json"]))
}

/// (state, by) of segment `id`, from `tolk status SLUG`.
fn state_of(repo: &Repo, id: &str) -> (String, String) {
    let doc = status_json(repo);
    let row = doc["articles"][0]["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
        .clone();
    (
        row["state"].as_str().unwrap().to_string(),
        row["by"].as_str().unwrap_or_default().to_string(),
    )
}

fn status_file(repo: &Repo) -> Vec<u8> {
    repo.read_bytes(&repo.article("status.toml"))
}

fn translated_seed() -> Repo {
    let repo = Repo::seed();
    repo.mark(SLUG, &["--all", "--as", "translated", "--by", PATRICIA]);
    repo
}

// Item 2: selection by number, range, state and id in any case.

#[test]
fn mark_takes_the_n_number_and_ranges_of_the_tables() {
    let repo = Repo::seed();
    repo.tolk()
        .args(["mark", SLUG, "3", "--as", "translated", "--by", PATRICIA])
        .assert()
        .success()
        .stdout(contains("marked 1 segment translated"));
    assert_eq!(state_of(&repo, "p1").0, "translated");
    repo.tolk()
        .args(["mark", SLUG, "6-9", "--as", "translated", "--by", PATRICIA])
        .assert()
        .success()
        .stdout(contains("marked 4 segments translated"));
    for id in ["q1", "a1", "q2", "a2"] {
        assert_eq!(state_of(&repo, id).0, "translated", "{id}");
    }
    assert_eq!(state_of(&repo, "q3").0, "draft");
}

#[test]
fn a_number_past_the_end_is_refused_and_nothing_is_marked() {
    let repo = Repo::seed();
    let before = status_file(&repo);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "3",
            "18",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .code(2)
        .stderr(
            contains("`18` (the segments are numbered 1–17)").and(contains("nothing was marked")),
        );
    assert_eq!(status_file(&repo), before);
}

#[test]
fn ids_are_case_insensitive_in_mark_diff_and_accept() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["P1", "Q2", "--as", "translated", "--by", PATRICIA]);
    assert_eq!(state_of(&repo, "p1").0, "translated");
    assert_eq!(state_of(&repo, "q2").0, "translated");
    let doc = common::json(repo.tolk().args(["diff", SLUG, "P1", "--format", "json"]));
    assert_eq!(doc["unchanged"][0]["id"], "p1");
    // q6 is segment 16.
    repo.tolk()
        .args(["accept", SLUG, "16", "number", "--reason", "On purpose"])
        .args(["--by", "Eeva Editor"])
        .assert()
        .success()
        .stdout(contains("accepted number on hyvinvointikoordinaattori q6"));
    repo.tolk()
        .args(["accept", SLUG, "Q6", "number", "--remove"])
        .assert()
        .success();
}

#[test]
fn misspelt_ids_and_slugs_get_a_did_you_mean() {
    let repo = Repo::seed();
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "tilte",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .code(2)
        .stderr(contains("no segment `tilte` (did you mean `title`?)"));
    repo.tolk()
        .args(["mark", SLUG, "q9", "--as", "translated", "--by", PATRICIA])
        .assert()
        .code(2)
        .stderr(contains("`q9` (the last is `q6`)"));
    repo.tolk()
        .args([
            "mark",
            "hyvinvointikordinaattori",
            "p1",
            "--as",
            "translated",
        ])
        .args(["--by", PATRICIA])
        .assert()
        .code(2)
        .stderr(contains("did you mean `hyvinvointikoordinaattori`?"));
    repo.tolk()
        .args(["diff", "Hyvinvointikoordinaattori"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `hyvinvointikoordinaattori`?"));
    repo.tolk()
        .args([
            "accept", SLUG, "q66", "number", "--reason", "x", "--by", "E",
        ])
        .assert()
        .code(2)
        .stderr(contains("no segment `q66` (the last is `q6`)"));
    // Nothing close: no guess.
    repo.tolk()
        .args([
            "mark",
            "uimahalli",
            "p1",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .code(2)
        .stderr(contains("no article `uimahalli`").and(contains("did you mean").not()));
    repo.tolk()
        .args(["mark", SLUG, "zzz", "--as", "translated", "--by", PATRICIA])
        .assert()
        .code(2)
        .stderr(contains("no segment `zzz` in").and(contains("did you mean").not()));
}

#[test]
fn stale_selects_only_the_stale_segments() {
    let repo = translated_seed();
    // Nothing is stale yet: nothing to do, and the file is left alone.
    let before = status_file(&repo);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--stale",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .success()
        .stdout(contains("no segment is stale; nothing was marked"));
    assert_eq!(status_file(&repo), before);
    let doc = common::json(
        repo.tolk()
            .args(["diff", SLUG, "--stale", "--format", "json"]),
    );
    assert_eq!(doc["segments"], serde_json::json!([]));

    repo.edit("fi.txt", "Ensi vuoden alusta", "Vuoden 2025 alusta");
    assert_eq!(state_of(&repo, "q6").0, "stale");
    let doc = common::json(
        repo.tolk()
            .args(["diff", SLUG, "--stale", "--format", "json"]),
    );
    let ids: Vec<&Value> = doc["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["id"])
        .collect();
    assert_eq!(ids, ["q6"]);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--stale",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .success()
        .stdout(contains("marked 1 segment translated"));
    assert_eq!(state_of(&repo, "q6").0, "translated");
}

#[test]
fn draft_and_state_select_and_narrow() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", PATRICIA]);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--draft",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .success()
        .stdout(contains("marked 16 segments translated"));
    repo.mark(SLUG, &["1-3", "--as", "reviewed", "--by", "Eeva Editor"]);
    // A range narrowed by state: of 1-5, only the translated ones.
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "1-5",
            "--state",
            "translated",
            "--as",
            "reviewed",
        ])
        .args(["--by", "Eeva Editor"])
        .assert()
        .success()
        .stdout(contains("marked 2 segments reviewed"));
    let a = &status_json(&repo)["articles"][0];
    assert_eq!(a["reviewed"], 5);
    assert_eq!(a["translated"], 12);
    let doc = common::json(
        repo.tolk()
            .args(["diff", SLUG, "--state", "reviewed", "--format", "json"]),
    );
    assert_eq!(doc["unchanged"].as_array().unwrap().len(), 5);
}

// Item 3: no silent loss of a review.

#[test]
fn marking_a_reviewed_segment_translated_needs_force() {
    let repo = translated_seed();
    repo.mark(SLUG, &["q1", "--as", "reviewed", "--by", "Eeva Editor"]);
    let before = status_file(&repo);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "q1",
            "p1",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .code(2)
        .stderr(
            contains("q1 (reviewed by Eeva Editor on ")
                .and(contains("--force"))
                .and(contains("nothing was marked")),
        );
    assert_eq!(status_file(&repo), before);
    assert_eq!(
        state_of(&repo, "q1"),
        ("reviewed".into(), "Eeva Editor".into())
    );

    // In bulk, the reviewed segment is left alone and named. (The other
    // sixteen are already Patricia's, unchanged: their records, dates
    // included, are kept, and said so.)
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--all",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .success()
        .stdout(
            contains("nothing was marked")
                .and(contains(
                    "already translated by Patricia Heikkilä, unchanged",
                ))
                .and(contains("left alone, reviewed").and(contains(": q1"))),
        );
    assert_eq!(state_of(&repo, "q1").0, "reviewed");

    repo.tolk()
        .args(["mark", SLUG, "q1", "--as", "translated", "--by", PATRICIA])
        .arg("--force")
        .assert()
        .success()
        .stdout(contains("marked 1 segment translated"));
    assert_eq!(
        state_of(&repo, "q1"),
        ("translated".into(), PATRICIA.into())
    );
}

#[test]
fn a_stale_reviewed_segment_is_marked_again_without_force() {
    let repo = translated_seed();
    repo.mark(SLUG, &["q6", "--as", "reviewed", "--by", "Eeva Editor"]);
    repo.edit("fi.txt", "Ensi vuoden alusta", "Vuoden 2025 alusta");
    assert_eq!(state_of(&repo, "q6").0, "stale");
    repo.tolk()
        .args(["mark", SLUG, "q6", "--as", "translated", "--by", PATRICIA])
        .assert()
        .success()
        .stdout(contains("marked 1 segment translated"));
    assert_eq!(
        state_of(&repo, "q6"),
        ("translated".into(), PATRICIA.into())
    );
}

// Item 4: people.

#[test]
fn a_known_name_in_another_case_or_without_accents_is_that_person() {
    // The import recorded the credit `Patricia Heikkilä`.
    let repo = Repo::seed();
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p1",
            "--as",
            "translated",
            "--by",
            "patricia heikkila",
        ])
        .assert()
        .success()
        .stderr(contains(
            "using \"Patricia Heikkilä\" for \"patricia heikkila\"",
        ));
    assert_eq!(state_of(&repo, "p1").1, PATRICIA);
    // Typed as recorded: nothing to say.
    repo.tolk()
        .args(["mark", SLUG, "p2", "--as", "translated", "--by", PATRICIA])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    // So is git's user.name.
    repo.write("gitconfig", "[user]\n\tname = PATRICIA HEIKKILÄ\n");
    repo.tolk()
        .env("GIT_CONFIG_GLOBAL", repo.path("gitconfig"))
        .args(["mark", SLUG, "p3", "--as", "translated"])
        .assert()
        .success()
        .stderr(contains("using \"Patricia Heikkilä\""));
    assert_eq!(state_of(&repo, "p3").1, PATRICIA);
}

#[test]
fn people_toml_maps_aliases_and_addresses_to_full_names() {
    let repo = Repo::seed();
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Patricia Heikkilä\"\n\
         aliases = [\"patricia\", \"ph\", \"patricia.heikkila@example.fi\"]\n",
    );
    repo.tolk()
        .args(["mark", SLUG, "p1", "--as", "translated", "--by", "ph"])
        .assert()
        .success()
        .stderr(contains(
            "using \"Patricia Heikkilä\" for \"ph\" (an alias in people.toml)",
        ));
    repo.tolk()
        .env("TOLK_USER", "Patricia.Heikkila@example.fi")
        .args(["mark", SLUG, "p2", "--as", "translated"])
        .assert()
        .success();
    repo.tolk()
        .args([
            "accept",
            SLUG,
            "q6",
            "number",
            "--reason",
            "On purpose",
            "--by",
            "ph",
        ])
        .assert()
        .success()
        .stdout(contains("(Patricia Heikkilä, "));
    assert_eq!(state_of(&repo, "p1").1, PATRICIA);
    assert_eq!(state_of(&repo, "p2").1, PATRICIA);
}

#[test]
fn a_new_name_is_accepted_and_said_so() {
    let repo = Repo::seed();
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p1",
            "--as",
            "reviewed",
            "--by",
            "Mikael Lindholm",
        ])
        .assert()
        .success()
        .stderr(contains("new name \"Mikael Lindholm\""));
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p2",
            "--as",
            "reviewed",
            "--by",
            "Mikael Lindholm",
        ])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_near_name_is_a_did_you_mean_never_the_same_person() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["p1", "--as", "reviewed", "--by", "Anna Virtanen"]);
    let before = status_file(&repo);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p2",
            "--as",
            "reviewed",
            "--by",
            "Anne Virtanen",
        ])
        .assert()
        .code(2)
        .stderr(contains("did you mean \"Anna Virtanen\"?").and(contains("people.toml")));
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p2",
            "--as",
            "translated",
            "--by",
            "Patrica Heikkilä",
        ])
        .assert()
        .code(2)
        .stderr(contains("did you mean \"Patricia Heikkilä\"?"));
    assert_eq!(status_file(&repo), before);
    // Somebody else indeed: listed once, known from then on.
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Anne Virtanen\"\n\n[[person]]\nname = \"Anna Virtanen\"\n",
    );
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p2",
            "--as",
            "reviewed",
            "--by",
            "Anne Virtanen",
        ])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    assert_eq!(state_of(&repo, "p1").1, "Anna Virtanen");
    assert_eq!(state_of(&repo, "p2").1, "Anne Virtanen");
}

#[test]
fn a_broken_people_toml_is_refused_with_its_line() {
    let repo = Repo::seed();
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Patricia Heikkilä\"\nemail = \"ph@example.fi\"\n",
    );
    repo.tolk()
        .args(["mark", SLUG, "p1", "--as", "translated", "--by", "ph"])
        .assert()
        .code(2)
        .stderr(contains("`people.toml` line 3").and(contains("unknown key `email`")));
}

// Item 6: the Swedish on its own.

#[test]
fn import_sv_alone_adds_the_swedish_and_keeps_the_records() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["kicker", "--as", "translated", "--by", PATRICIA]);
    std::fs::remove_file(repo.path(&repo.article("sv.txt"))).unwrap();
    assert_eq!(state_of(&repo, "kicker").0, "missing");
    repo.write("in/sv.txt", common::SEED_SV);
    repo.tolk()
        .args(["import", SLUG, "--sv", "in/sv.txt"])
        .assert()
        .success()
        .stdout(
            contains("imported articles/hyvinvointikoordinaattori/sv.txt (17 segments)")
                .and(contains("translator: Patricia Heikkilä"))
                .and(contains("kept 1 segment record")),
        );
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), common::SEED_SV);
    let after = String::from_utf8(status_file(&repo)).unwrap();
    assert!(after.contains("translator = \"Patricia Heikkilä\""));
    assert_eq!(state_of(&repo, "kicker").0, "translated");
    assert_eq!(state_of(&repo, "title").0, "draft");
}

#[test]
fn import_sv_alone_refuses_to_replace_without_force_and_keeps_status() {
    let repo = translated_seed();
    let before = status_file(&repo);
    let sv = String::from_utf8(common::SEED_SV.to_vec()).unwrap();
    repo.write("in/new-sv.txt", sv.replace("6 frågor", "Sex frågor"));
    repo.tolk()
        .args(["import", SLUG, "--sv", "in/new-sv.txt"])
        .assert()
        .code(2)
        .stderr(contains("already exists; pass --force"));
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), common::SEED_SV);
    repo.tolk()
        .args(["import", SLUG, "--sv", "in/new-sv.txt", "--force"])
        .assert()
        .success()
        .stdout(contains("kept 17 segment records"));
    assert!(repo.read(&repo.article("sv.txt")).contains("Sex frågor"));
    // The same credit: status.toml is exactly as it was.
    assert_eq!(status_file(&repo), before);
    assert_eq!(state_of(&repo, "title").0, "translated");
}

#[test]
fn import_sv_alone_needs_the_article() {
    let repo = Repo::seed();
    repo.write("in/sv.txt", common::SEED_SV);
    repo.tolk()
        .args(["import", "kirjasto", "--sv", "in/sv.txt"])
        .assert()
        .code(2)
        .stderr(contains("no article `kirjasto`").and(contains("--fi FILE")));
    assert!(!repo.path("articles/kirjasto").exists());
    repo.tolk()
        .args(["import", "hyvinvointikordinaattori", "--sv", "in/sv.txt"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `hyvinvointikoordinaattori`?"));
    repo.tolk()
        .args(["import", "kirjasto"])
        .assert()
        .code(2)
        .stderr(contains("--fi"));
}

#[test]
fn an_empty_by_is_refused_not_replaced_by_gits_name() {
    let repo = Repo::seed();
    repo.tolk()
        .args(["mark", SLUG, "p1", "--as", "translated", "--by", ""])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--by (or TOLK_USER) is empty"));
}

// Credits are not taken over or re-dated by accident.

#[test]
fn another_translator_does_not_take_over_a_translation_by_accident() {
    let repo = translated_seed();
    let before = status_file(&repo);
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p1",
            "--as",
            "translated",
            "--by",
            "Anna Virtanen",
        ])
        .assert()
        .code(2)
        .stderr(
            contains("p1 (translated by Patricia Heikkilä on ")
                .and(contains("somebody else"))
                .and(contains("--force")),
        );
    assert_eq!(status_file(&repo), before, "nothing written");
    // In bulk: left alone and listed.
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--all",
            "--as",
            "translated",
            "--by",
            "Anna Virtanen",
        ])
        .assert()
        .success()
        .stdout(contains("left alone, somebody else's"));
    assert_eq!(status_file(&repo), before, "nothing written");
    // On purpose.
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p1",
            "--as",
            "translated",
            "--by",
            "Anna Virtanen",
        ])
        .arg("--force")
        .assert()
        .success();
    assert_eq!(
        state_of(&repo, "p1"),
        ("translated".into(), "Anna Virtanen".into())
    );
    // A stale segment is anyone's to translate again.
    repo.edit("fi.txt", "Ensi vuoden alusta", "Ensi vuoden alusta alkaen");
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "q6",
            "--as",
            "translated",
            "--by",
            "Anna Virtanen",
        ])
        .assert()
        .success();
}

#[test]
fn re_marking_unchanged_work_keeps_its_date() {
    let repo = translated_seed();
    // The work was done in October.
    let status = repo.article("status.toml");
    let text = repo.read(&status);
    let today = jiff::Zoned::now().date().to_string();
    repo.write(&status, text.replace(&today, "2026-10-15"));
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "--all",
            "--as",
            "translated",
            "--by",
            PATRICIA,
        ])
        .assert()
        .success()
        .stdout(contains(
            "already translated by Patricia Heikkilä, unchanged",
        ));
    let text = repo.read(&status);
    assert!(!text.contains(&today), "{text}");
    // The October invoice still holds the work.
    let out = common::stdout(repo.tolk().args([
        "credits",
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
    ]));
    assert!(out.contains("Patricia Heikkilä"), "{out}");
}

#[test]
fn reviewing_ones_own_translation_is_recorded_and_said() {
    let repo = translated_seed();
    repo.tolk()
        .args(["mark", SLUG, "q1", "--as", "reviewed", "--by", PATRICIA])
        .assert()
        .success()
        .stdout(contains("note: Patricia Heikkilä translated q1 too"));
    // Another reviewer then replaces that review without --force.
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "q1",
            "--as",
            "reviewed",
            "--by",
            "Eeva Editor",
        ])
        .assert()
        .success()
        .stdout(contains("marked 1 segment reviewed").and(contains("note:").not()));
}

#[test]
fn credits_count_one_person_under_every_name_people_toml_gives_them() {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &[
            "p1",
            "--as",
            "translated",
            "--by",
            "anna.virtanen@example.fi",
        ],
    );
    repo.write(
        "people.toml",
        "[[person]]\nname = \"Anna Virtanen\"\naliases = [\"anna.virtanen@example.fi\"]\n",
    );
    repo.mark(SLUG, &["p2", "--as", "translated", "--by", "Anna Virtanen"]);
    let doc = common::json(repo.tolk().args(["credits", "--format", "json"]));
    let names: Vec<&str> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Anna Virtanen"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains('@')), "{names:?}");
    let anna = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Anna Virtanen")
        .unwrap();
    assert_eq!(anna["segments"], 2, "{doc}");
    // A broken people.toml is an error here too.
    repo.write("people.toml", "[[person]]\nnam = \"X\"\n");
    repo.tolk()
        .arg("credits")
        .assert()
        .code(2)
        .stderr(contains("people.toml"));
}
