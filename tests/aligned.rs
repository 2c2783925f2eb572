//! Pairing by content, end to end: what an editor sees in `check`,
//! `status`, `mark` and `diff --all` after a structural slip in the Swedish.

mod common;

use common::{Repo, json, stdout};
use predicates::prelude::*;
use predicates::str::contains;

const FI: &str = include_str!("fixtures/kinds/column/fi.txt");
const SV: &str = include_str!("fixtures/kinds/column/sv.txt");
const GLOSSARY: &str = include_str!("../glossary.toml");

fn column(sv: &str) -> Repo {
    let repo = Repo::empty();
    repo.write("glossary.toml", GLOSSARY);
    repo.import("kolumni", FI, Some(sv.as_bytes()));
    repo
}

/// The Swedish with the paragraph starting `start` taken out.
fn without(sv: &str, start: &str) -> String {
    let at = sv.find(start).unwrap();
    let end = sv[at..].find("\n\n").map_or(sv.len(), |e| at + e + 2);
    format!("{}{}", &sv[..at], &sv[end..])
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_skipped_paragraph_is_missing_where_it_belongs_and_counts_in_status() {
    let sv = without(SV, "Jag påstår inte");
    let repo = column(&sv);
    repo.mark(
        "kolumni",
        &["--all", "--as", "translated", "--by", "Camilla Nyberg"],
    );
    let out = repo
        .tolk()
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect();
    assert_eq!(findings.len(), 1, "{text}");
    let after = line_of(&sv, "”Mörkret är ingen fiende");
    assert!(
        findings[0].starts_with(&format!(
            "articles/kolumni/fi.txt:{}:",
            line_of(FI, "En väitä")
        )) && findings[0]
            .contains("error[missing] p5: p5 has no Swedish text; it belongs after sv.txt:")
            && findings[0].ends_with(&format!("sv.txt:{after}")),
        "{}",
        findings[0]
    );
    // The byline, which is translated, is not what is missing.
    let doc = json(repo.tolk().args(["status", "kolumni", "--format", "json"]));
    let a = &doc["articles"][0];
    assert_eq!(a["missing"], 1);
    let p5_words = a["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "p5")
        .unwrap()["words"]
        .as_u64()
        .unwrap();
    assert_eq!(
        a["words"].as_u64().unwrap() - a["done_words"].as_u64().unwrap(),
        p5_words
    );
    let by_id = |id: &str| {
        a["detail"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["state"]
            .clone()
    };
    assert_eq!(by_id("p5"), "missing");
    assert_eq!(by_id("p7"), "translated");
}

#[test]
fn two_merged_paragraphs_are_one_structure_finding_and_mark_as_a_pair() {
    let sv = SV.replacen("på sommaren.\n\n", "på sommaren. ", 1);
    assert_ne!(sv, SV);
    let repo = column(&sv);
    // Marking one marks the pair it shares a Swedish paragraph with.
    repo.tolk()
        .args([
            "mark",
            "kolumni",
            "p3",
            "--as",
            "translated",
            "--by",
            "Camilla Nyberg",
        ])
        .assert()
        .success()
        .stdout(contains("p3").and(contains("p4")));
    let out = stdout(repo.tolk().args(["check", "--format", "concise"]));
    let structure: Vec<&str> = out.lines().filter(|l| l.contains("[structure]")).collect();
    assert_eq!(structure.len(), 1, "{out}");
    assert!(
        structure[0].contains(&format!(
            "sv.txt:{}:",
            line_of(&sv, "Grankulla är en bra plats")
        )) && structure[0].contains("holds fi p3+p4"),
        "{out}"
    );
    assert!(
        !out.contains("[missing]") && !out.contains("[extra]"),
        "{out}"
    );
    // The side-by-side view shows which Swedish lines hold which Finnish.
    let doc = json(
        repo.tolk()
            .args(["diff", "kolumni", "--all", "--format", "json"]),
    );
    let rows = doc["all"].as_array().unwrap();
    let p4 = rows.iter().find(|r| r["id"] == "p4").unwrap();
    assert_eq!(p4["with"], "p3");
    let p3 = rows.iter().find(|r| r["id"] == "p3").unwrap();
    let line = line_of(&sv, "Grankulla är en bra plats") as u64;
    assert_eq!(p3["sv_lines"][0].as_u64(), Some(line));
}

#[test]
fn an_added_swedish_paragraph_is_extra_at_its_line_and_shown_in_diff() {
    let sv = SV.replacen(
        "Varje kväll",
        "Översättarens anmärkning: kolumnen har kortats något.\n\nVarje kväll",
        1,
    );
    let repo = column(&sv);
    let out = stdout(repo.tolk().args(["check", "--format", "concise"]));
    let line = line_of(&sv, "Översättarens");
    let extra: Vec<&str> = out.lines().filter(|l| l.contains("[extra]")).collect();
    assert_eq!(extra.len(), 1, "{out}");
    assert!(
        extra[0].starts_with(&format!("articles/kolumni/sv.txt:{line}:1: error[extra]")),
        "{out}"
    );
    assert!(
        !out.contains("[missing]") && !out.contains("[structure]"),
        "{out}"
    );
    let doc = json(
        repo.tolk()
            .args(["diff", "kolumni", "--all", "--format", "json"]),
    );
    let rows = doc["all"].as_array().unwrap();
    let extra_row = rows.iter().position(|r| r["state"] == "extra").unwrap();
    assert!(rows[extra_row]["id"].is_null());
    assert_eq!(rows[extra_row - 1]["id"], "p1", "in the order of sv.txt");
}

#[test]
fn segments_show_the_kind_and_roles() {
    let repo = column(SV);
    repo.tolk()
        .args(["segments", "kolumni"])
        .assert()
        .success()
        .stdout(
            contains("(fi, column)")
                .and(contains("pullquote"))
                .and(contains("byline")),
        );
}

#[test]
fn a_paragraph_added_to_the_finnish_is_missing_alone_and_mark_moves_the_records() {
    let repo = column(SV);
    repo.mark(
        "kolumni",
        &["--all", "--as", "translated", "--by", "Camilla Nyberg"],
    );
    let fi = FI.replacen(
        "Valittamisen sijaan",
        "Kaupunki lupasi syksyllä lisätä katuvaloja Kasavuorelle.\n\nValittamisen sijaan",
        1,
    );
    repo.write("articles/kolumni/fi.txt", &fi);
    let out = stdout(repo.tolk().args(["check", "--format", "concise"]));
    let findings: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert!(
        findings[0].contains("error[missing] p6: p6 has no Swedish text"),
        "{out}"
    );
    // The translator adds the Swedish and marks the new paragraph: the
    // records of the paragraphs after it move to their new ids.
    let sv = SV.replacen(
        "I stället för att klaga",
        "Staden lovade i höstas fler gatlyktor på Kasaberget.\n\nI stället för att klaga",
        1,
    );
    repo.write("articles/kolumni/sv.txt", &sv);
    repo.mark(
        "kolumni",
        &["p6", "--as", "translated", "--by", "Camilla Nyberg"],
    );
    repo.tolk().args(["check"]).assert().success();
    let status = repo.read("articles/kolumni/status.toml");
    assert!(
        status.contains("[segments.p7]") && status.contains("Valittamisen sijaan"),
        "{status}"
    );
    let p7 = &status[status.find("[segments.p7]").unwrap()..];
    let p7 = &p7[..p7[1..].find("[segments.").map_or(p7.len(), |e| e + 1)];
    assert!(p7.contains("Valittamisen sijaan"), "{p7}");
}

/// A half-translated interview whose writer corrects a figure in a
/// translated answer: the answer is stale, beside its translation; the
/// Swedish does not slide down onto the untranslated pairs.
#[test]
fn a_corrected_figure_in_a_half_translated_interview_is_stale_not_shifted() {
    let fi = "| HAASTATTELU\n\nKirjaston pitää olla kaikkien olohuone\n\n\
              Kauniaisten kirjasto täyttää ensi vuonna 50 vuotta.\n\n\
              Mitä juhlavuonna on luvassa?\n\n\
              – Järjestämme 12 tapahtumaa, joista ensimmäinen on tammikuun 15. päivänä.\n\n\
              Miten kirjaston käyttö on muuttunut?\n\n\
              – Lainoja on selvästi vähemmän kuin ennen, mutta kävijöitä on enemmän. \
              Viime vuonna meillä kävi 84 000 ihmistä.\n\n\
              Mikä on kirjaston tärkein tehtävä?\n\n\
              – Olla kaikille avoin paikka. Kirjastoon ei tarvitse ostaa lippua.\n\n\
              Entä tulevaisuus?\n\n\
              – Toivomme, että kaupunginvaltuusto myöntää rahaa uusiin aukioloaikoihin.\n";
    // Translated as far as the second answer, concisely.
    let sv = "| INTERVJU\n\nBiblioteket ska vara allas vardagsrum\n\n\
              Grankulla bibliotek fyller 50 år nästa år.\n\n\
              Vad har ni planerat för jubileumsåret?\n\n\
              – Vi ordnar 12 evenemang, det första den 15 januari.\n\n\
              Hur har användningen av biblioteket förändrats?\n\n\
              – Lånen är färre än förr, men besökarna är fler. I fjol hade vi 84 000 besökare.\n";
    let repo = Repo::empty();
    repo.import("h", fi, Some(sv.as_bytes()));
    repo.mark(
        "h",
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let path = "articles/h/fi.txt";
    repo.write(path, repo.read(path).replace("84 000", "86 000"));
    let doc = json(repo.tolk().args(["status", "h", "--format", "json"]));
    let state = |id: &str| {
        doc["articles"][0]["detail"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["state"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(state("a2"), "stale", "{doc}");
    assert_eq!(state("q2"), "translated");
    assert_eq!(state("q3"), "missing");
    assert_eq!(state("a3"), "missing");
    let out = stdout(repo.tolk().args(["diff", "h"]));
    assert!(out.contains("[-84-]{+86+}"), "{out}");
    // The figure is named whole, as `check` reads it.
    assert!(out.contains("number changed: 84 000 → 86 000"), "{out}");
}

/// A Swedish paragraph that holds two Finnish ones is one text but two
/// segments: each unmarked segment is a `draft` under its own id, so the
/// editor sees which, and can waive the one on purpose.
#[test]
fn a_merged_paragraph_gives_each_finnish_segment_its_own_draft() {
    let fi = "Valtuusto hyväksyi budjetin\n\n\
              Kauniaisten valtuusto hyväksyi maanantaina ensi vuoden budjetin.\n\n\
              Veroprosentti pysyy ennallaan 17,5 prosentissa.\n\n\
              Kaupunginjohtaja Christoffer Masar kiitti valtuutettuja.\n";
    let sv = "Fullmäktige godkände budgeten\n\n\
              Grankulla fullmäktige godkände på måndagen nästa års budget. \
              Skattesatsen förblir oförändrad på 17,5 procent.\n\n\
              Stadsdirektör Christoffer Masar tackade ledamöterna.\n";
    let repo = Repo::empty();
    repo.import("valtuusto", fi, Some(sv.as_bytes()));
    let report = json(repo.tolk().args(["check", "valtuusto", "--format", "json"]));
    let drafts: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "draft")
        .map(|f| f["segment"].as_str().unwrap())
        .collect();
    assert_eq!(drafts, ["title", "p1", "p2", "p3"]);
    let out = stdout(repo.tolk().args(["check", "valtuusto"]));
    assert!(
        out.contains("4 segments translated but never marked: title p1 p2 p3"),
        "{out}"
    );
    repo.tolk()
        .args([
            "accept",
            "valtuusto",
            "p2",
            "draft",
            "--reason",
            "kept merged",
        ])
        .args(["--by", "Eeva Editor"])
        .assert()
        .success();
    let out = stdout(repo.tolk().args(["check", "valtuusto"]));
    assert!(
        out.contains("3 segments translated but never marked: title p1 p3"),
        "{out}"
    );
}

/// Each list item on its own paragraph: `text` with a blank line between
/// consecutive lines that start with a bullet.
fn spaced_lists(text: &str) -> String {
    let bullet = |l: &str| l.starts_with("- ") || l.starts_with("• ");
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if bullet(line) && lines.get(i + 1).is_some_and(|n| bullet(n)) {
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_list_spaced_otherwise_on_one_side_is_the_same_list() {
    const NEWS_FI: &str = include_str!("fixtures/kinds/news/fi.txt");
    const NEWS_SV: &str = include_str!("fixtures/kinds/news/sv.txt");
    let structural = |doc: &serde_json::Value| -> Vec<String> {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                matches!(
                    f["rule"].as_str(),
                    Some("missing" | "extra" | "structure" | "number")
                )
            })
            .map(|f| format!("{} {} {}", f["segment"], f["rule"], f["message"]))
            .collect()
    };
    for (fi, sv) in [
        (NEWS_FI.to_string(), spaced_lists(NEWS_SV)),
        (spaced_lists(NEWS_FI), NEWS_SV.to_string()),
    ] {
        assert_ne!(fi, sv, "the spacing changed something");
        let repo = Repo::empty();
        repo.import("uutinen", &fi, Some(sv.as_bytes()));
        let doc = json(repo.tolk().args(["check", "--format", "json"]));
        assert_eq!(structural(&doc), Vec::<String>::new());
        // A list that really lost an item still says so.
        let lost = sv
            .replace("• ventilationen och belysningen förnyades helt\n", "")
            .replace("- ventilationen och belysningen förnyades helt\n", "");
        assert_ne!(lost, sv);
        let repo = Repo::empty();
        repo.import("uutinen", &fi, Some(lost.as_bytes()));
        let doc = json(repo.tolk().args(["check", "--format", "json"]));
        let found = structural(&doc);
        assert!(
            found
                .iter()
                .any(|f| f.contains("structure") && f.contains("4 items in the Finnish and 3")),
            "{found:?}"
        );
    }
}

#[test]
fn an_intro_typed_on_its_list_is_one_structure_warning_not_a_missing_paragraph() {
    const NEWS_FI: &str = include_str!("fixtures/kinds/news/fi.txt");
    const NEWS_SV: &str = include_str!("fixtures/kinds/news/sv.txt");
    let glued_sv = NEWS_SV.replace("förändringar:\n\n", "förändringar:\n");
    let glued_fi = NEWS_FI.replace("muutokset:\n\n", "muutokset:\n");
    assert!(glued_sv != NEWS_SV && glued_fi != NEWS_FI);
    for (fi, sv, expected) in [
        (NEWS_FI, glued_sv.as_str(), "holds fi p5+p6"),
        (glued_fi.as_str(), NEWS_SV, "fi p5 is split over"),
    ] {
        let repo = Repo::empty();
        repo.import("uutinen", fi, Some(sv.as_bytes()));
        repo.mark(
            "uutinen",
            &["--all", "--as", "translated", "--by", "Camilla Nyberg"],
        );
        let doc = json(repo.tolk().args(["check", "--format", "json"]));
        let found: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "credit")
            .map(|f| format!("{} {}", f["rule"], f["message"]))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("\"structure\"") && found[0].contains(expected),
            "{found:?}"
        );
    }
}

#[test]
fn two_entries_in_the_other_order_are_one_structure_warning() {
    const CAL_FI: &str = include_str!("fixtures/kinds/calendar/fi.txt");
    // The fixture is CRLF; entries are cut at their blank lines.
    let cal_sv = include_str!("fixtures/kinds/calendar/sv.txt").replace("\r\n", "\n");
    let cal_sv = cal_sv.as_str();
    let entry = |start: &str| -> String {
        let at = cal_sv.find(start).unwrap();
        let end = cal_sv[at..]
            .find("\n\n")
            .map_or(cal_sv.len(), |e| at + e + 2);
        cal_sv[at..end].to_string()
    };
    let (a, b) = (entry("sön 7.12."), entry("ons 10.12."));
    let swapped = cal_sv.replacen(&format!("{a}{b}"), &format!("{b}{a}"), 1);
    assert_ne!(swapped, cal_sv);
    let findings = |sv: &str| -> Vec<String> {
        let repo = Repo::empty();
        repo.import("kalenteri", CAL_FI, Some(sv.as_bytes()));
        repo.mark(
            "kalenteri",
            &["--all", "--as", "translated", "--by", "Camilla Nyberg"],
        );
        let out = repo
            .tolk()
            .args(["check", "--format", "json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "credit")
            .map(|f| format!("{} {} {}", f["segment"], f["rule"], f["message"]))
            .collect()
    };
    let found = findings(&swapped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("structure") && found[0].contains("in the other order"),
        "{found:?}"
    );
    // Swapped, and one of them with a wrong day: the wrong day is still
    // found, on its own entry.
    let wrong = swapped.replacen("sön 7.12. kl. 10–15", "sön 8.12. kl. 10–15", 1);
    let found = findings(&wrong);
    assert!(found.iter().any(|f| f.contains("date-time")), "{found:?}");
    // In order with one day wrong: no swap is read into it.
    let found = findings(&cal_sv.replacen("sön 7.12.", "sön 8.12.", 1));
    assert!(
        found.iter().all(|f| !f.contains("other order"))
            && found.iter().any(|f| f.contains("date-time")),
        "{found:?}"
    );
}
