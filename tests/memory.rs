//! The archive as a translation memory: `tolk tmx` (TMX 1.4b, checked with
//! xmllint against the vendored DTD and read back by Translate Toolkit) and
//! `tolk suggest` (exact and fuzzy matches across articles).

mod common;
mod interchange_tools;

use std::process::Command;

use common::{Repo, json, stdout};

/// A news story, fully translated; its first paragraph reviewed.
const LIBRARY: &str = "kirjasto-avautuu";
const LIBRARY_FI: &str = "| KAUPUNKI - STADEN

Kirjasto avautuu uudistettuna joulukuussa

Kauniaisten kirjasto avaa ovensa jälleen maanantaina 1.12. puolen vuoden remontin jälkeen.

Kirjasto on avoinna arkisin kello 10–20 ja lauantaisin kello 10–16.

– Halusimme tehdä kirjastosta paikan, jossa viihtyvät yhtä hyvin vauvat kuin eläkeläisetkin, sanoo kirjastonjohtaja Leena Virtanen.
";
const LIBRARY_SV: &str = "| KAUPUNKI - STADEN

Biblioteket öppnar i förnyad form i december

Grankulla bibliotek öppnar sina dörrar igen måndagen 1.12. efter en renovering som pågått i ett halvår.

Biblioteket har öppet vardagar kl. 10–20 och lördagar kl. 10–16.

”Vi ville göra biblioteket till en plats där både bebisar och pensionärer trivs”, säger bibliotekschef Leena Virtanen.
";
const LIBRARY_STATUS: &str = r#"[segments.kicker]
state = "translated"
by = "Patricia Heikkilä"
at = "2025-11-02"
source = "KAUPUNKI - STADEN"

[segments.title]
state = "translated"
by = "Patricia Heikkilä"
at = "2025-11-02"
source = "Kirjasto avautuu uudistettuna joulukuussa"

[segments.p1]
state = "reviewed"
by = "Mikael Lindqvist"
translator = "Patricia Heikkilä"
at = "2025-11-03T14:30:00+02:00"
source = "Kauniaisten kirjasto avaa ovensa jälleen maanantaina 1.12. puolen vuoden remontin jälkeen."

[segments.p2]
state = "translated"
by = "Patricia Heikkilä"
at = "2025-11-02"
source = "Kirjasto on avoinna arkisin kello 10–20 ja lauantaisin kello 10–16."

[segments.p3]
state = "translated"
by = "Patricia Heikkilä"
at = "2025-11-02"
source = "– Halusimme tehdä kirjastosta paikan, jossa viihtyvät yhtä hyvin vauvat kuin eläkeläisetkin, sanoo kirjastonjohtaja Leena Virtanen."
"#;

/// The story reused a month later: one paragraph as it was, the quote
/// with one word changed, and a new paragraph; only the kicker and the
/// title are translated so far (drafts).
const HOURS: &str = "kirjaston-aukioloajat";
const HOURS_FI: &str = "| KAUPUNKI - STADEN

Kirjaston aukioloajat muuttuvat joulun alla

Kirjasto on avoinna arkisin kello 10–20 ja lauantaisin kello 10–16.

– Halusimme tehdä kirjastosta paikan, jossa viihtyvät yhtä hyvin lapset kuin eläkeläisetkin, sanoo kirjastonjohtaja Leena Virtanen.

Valtuusto hyväksyi ensi vuoden talousarvion yksimielisesti maanantain kokouksessa.
";
const HOURS_SV: &str = "| KAUPUNKI - STADEN

Bibliotekets öppettider ändras före julen
";

fn archive() -> Repo {
    let repo = Repo::empty();
    repo.import(LIBRARY, LIBRARY_FI, Some(LIBRARY_SV.as_bytes()));
    repo.import(HOURS, HOURS_FI, Some(HOURS_SV.as_bytes()));
    repo.write(&format!("articles/{LIBRARY}/status.toml"), LIBRARY_STATUS);
    repo
}

fn tmx(repo: &Repo) -> String {
    let out = repo.tolk().arg("tmx").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// (tuid, attributes, props, fi, sv) of every `<tu>`.
struct Tu {
    tuid: String,
    creationid: String,
    creationdate: Option<String>,
    changeid: Option<String>,
    state: String,
    role: String,
    fi: String,
    sv: String,
}

fn units(text: &str) -> Vec<Tu> {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    assert_eq!(root.attribute("version"), Some("1.4"));
    let header = root.children().find(|n| n.has_tag_name("header")).unwrap();
    assert_eq!(header.attribute("srclang"), Some("fi-FI"));
    assert_eq!(header.attribute("segtype"), Some("paragraph"));
    assert_eq!(header.attribute("o-tmf"), Some("tolk"));
    assert_eq!(header.attribute("datatype"), Some("plaintext"));
    assert_eq!(header.attribute("creationtool"), Some("tolk"));
    assert!(header.attribute("adminlang").is_some());
    assert!(header.attribute("creationtoolversion").is_some());
    root.descendants()
        .filter(|n| n.has_tag_name("tu"))
        .map(|tu| {
            let prop = |kind: &str| {
                tu.children()
                    .find(|p| p.has_tag_name("prop") && p.attribute("type") == Some(kind))
                    .and_then(|p| p.text())
                    .unwrap_or_default()
                    .to_string()
            };
            let seg = |lang: &str| {
                tu.children()
                    .find(|t| {
                        t.has_tag_name("tuv")
                            && t.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                                == Some(lang)
                    })
                    .and_then(|t| t.children().find(|s| s.has_tag_name("seg")))
                    .and_then(|s| s.text())
                    .unwrap_or_default()
                    .to_string()
            };
            Tu {
                tuid: tu.attribute("tuid").unwrap().to_string(),
                creationid: tu.attribute("creationid").unwrap_or_default().to_string(),
                creationdate: tu.attribute("creationdate").map(String::from),
                changeid: tu.attribute("changeid").map(String::from),
                state: prop("x-state"),
                role: prop("x-role"),
                fi: seg("fi-FI"),
                sv: seg("sv-FI"),
            }
        })
        .collect()
}

#[test]
fn tmx_has_one_unit_per_translated_or_reviewed_pair_and_leaves_drafts_out() {
    let repo = archive();
    let units = units(&tmx(&repo));
    let ids: Vec<&str> = units.iter().map(|u| u.tuid.as_str()).collect();
    // The second article's kicker and title are drafts, its paragraphs
    // missing: none of them is in the memory.
    assert_eq!(
        ids,
        [
            "kirjasto-avautuu/kicker",
            "kirjasto-avautuu/title",
            "kirjasto-avautuu/p1",
            "kirjasto-avautuu/p2",
            "kirjasto-avautuu/p3",
        ]
    );
    let p1 = &units[2];
    assert_eq!(p1.state, "reviewed");
    assert_eq!(p1.role, "paragraph");
    assert_eq!(p1.creationid, "Patricia Heikkilä");
    assert_eq!(p1.changeid.as_deref(), Some("Mikael Lindqvist"));
    assert_eq!(p1.creationdate.as_deref(), Some("20251103T123000Z"));
    assert!(p1.fi.starts_with("Kauniaisten kirjasto avaa ovensa"));
    assert!(p1.sv.starts_with("Grankulla bibliotek öppnar"));
    let p3 = &units[4];
    assert_eq!(p3.state, "translated");
    assert_eq!(p3.role, "quote");
    assert_eq!(p3.changeid, None);
    assert_eq!(p3.creationdate.as_deref(), Some("20251102T000000Z"));
    assert!(p3.sv.starts_with("”Vi ville göra biblioteket"));
}

#[test]
fn tmx_leaves_out_a_segment_whose_finnish_changed_since_it_was_translated() {
    let repo = archive();
    let path = format!("articles/{LIBRARY}/fi.txt");
    let text = repo.read(&path).replace("kello 10–20", "kello 10–19");
    repo.write(&path, text);
    let ids: Vec<String> = units(&tmx(&repo)).into_iter().map(|u| u.tuid).collect();
    assert!(!ids.contains(&"kirjasto-avautuu/p2".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 4, "{ids:?}");
}

#[test]
fn tmx_of_named_articles_only() {
    let repo = archive();
    let out = stdout(repo.tolk().args(["tmx", HOURS]));
    assert!(units(&out).is_empty());
    let out = stdout(repo.tolk().args(["tmx", LIBRARY]));
    assert_eq!(units(&out).len(), 5);
}

#[test]
fn tmx_unit_of_two_finnish_paragraphs_the_swedish_joins() {
    let repo = Repo::empty();
    let fi = "Valtuusto päättää talousarviosta

Kaupunginvaltuusto kokoontuu maanantaina kaupungintalolla.

Kokouksessa käsitellään ensi vuoden talousarviota ja investointisuunnitelmaa.

Kokous on avoin kaikille kaupunkilaisille.
";
    let sv = "Fullmäktige beslutar om budgeten

Stadsfullmäktige sammanträder på måndag i stadshuset, där nästa års budget och investeringsplanen behandlas.

Mötet är öppet för alla stadsbor.
";
    repo.import("valtuusto", fi, Some(sv.as_bytes()));
    repo.mark(
        "valtuusto",
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let units = units(&tmx(&repo));
    let ids: Vec<&str> = units.iter().map(|u| u.tuid.as_str()).collect();
    assert_eq!(ids, ["valtuusto/title", "valtuusto/p1+p2", "valtuusto/p3"]);
    let units = &units[1..];
    assert!(units[0].fi.contains("kaupungintalolla."));
    assert!(units[0].fi.contains("investointisuunnitelmaa."));
    assert!(units[0].sv.starts_with("Stadsfullmäktige sammanträder"));
    assert_eq!(units[1].sv, "Mötet är öppet för alla stadsbor.");
}

#[test]
fn tmx_output_file_is_written_and_stdout_stays_empty() {
    let repo = archive();
    let out = repo
        .tolk()
        .args(["tmx", "-o", "memory.tmx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wrote memory.tmx (5 units from 2 articles)")
    );
    assert_eq!(units(&repo.read("memory.tmx")).len(), 5);
    // Run again: the file is replaced, not appended to.
    repo.tolk()
        .args(["tmx", "-o", "memory.tmx"])
        .assert()
        .success();
    assert_eq!(units(&repo.read("memory.tmx")).len(), 5);
}

#[test]
fn tmx_is_valid_against_the_tmx_1_4b_dtd() {
    if !interchange_tools::xmllint() {
        return;
    }
    let repo = archive();
    repo.tolk()
        .args(["tmx", "-o", "memory.tmx"])
        .assert()
        .success();
    let dtd = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tmx/tmx14.dtd");
    let (ok, text) = interchange_tools::run(
        Command::new("xmllint")
            .args(["--noout", "--dtdvalid", dtd])
            .arg(repo.path("memory.tmx")),
    );
    assert!(ok, "{text}");
    // And a document that breaks the DTD is refused: the check can fail.
    let broken = repo
        .read("memory.tmx")
        .replace("<seg>", "<seq>")
        .replace("</seg>", "</seq>");
    repo.write("broken.tmx", broken);
    let (ok, _) = interchange_tools::run(
        Command::new("xmllint")
            .args(["--noout", "--dtdvalid", dtd])
            .arg(repo.path("broken.tmx")),
    );
    assert!(!ok);
}

#[test]
fn tmx_is_read_back_by_translate_toolkit() {
    let Some(python) = interchange_tools::toolkit_python() else {
        return;
    };
    let repo = archive();
    repo.tolk()
        .args(["tmx", "-o", "memory.tmx"])
        .assert()
        .success();
    let script = "import sys, json
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
print(json.dumps([[u.getid(), u.source, u.target] for u in store.units]))";
    let (ok, text) = interchange_tools::run(
        Command::new(python)
            .args(["-c", script])
            .arg(repo.path("memory.tmx")),
    );
    assert!(ok, "{text}");
    let read: Vec<(String, String, String)> = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(read.len(), 5, "{read:?}");
    assert_eq!(
        read[3].1,
        "Kirjasto on avoinna arkisin kello 10–20 ja lauantaisin kello 10–16."
    );
    assert_eq!(
        read[3].2,
        "Biblioteket har öppet vardagar kl. 10–20 och lördagar kl. 10–16."
    );
    assert_eq!(read[4].2.chars().next(), Some('”'));
}

/// `tolk suggest --format json` on the reused story.
fn suggest(repo: &Repo, args: &[&str]) -> serde_json::Value {
    json(
        repo.tolk()
            .args(["suggest", HOURS, "--format", "json"])
            .args(args),
    )
}

fn hits(query: &serde_json::Value) -> Vec<(String, u64)> {
    query["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap().to_string(),
                s["percent"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn suggest_finds_an_exact_and_a_fuzzy_match_in_another_article_and_nothing_unrelated() {
    let repo = archive();
    let v = suggest(&repo, &[]);
    let segments = v["segments"].as_array().unwrap();
    let ids: Vec<&str> = segments.iter().map(|q| q["id"].as_str().unwrap()).collect();
    // The missing segments only: the kicker and title are drafts.
    assert_eq!(ids, ["p1", "p2", "p3"]);
    assert_eq!(
        hits(&segments[0]),
        [("kirjasto-avautuu/p2".to_string(), 100)]
    );
    assert_eq!(
        segments[0]["suggestions"][0]["sv"],
        "Biblioteket har öppet vardagar kl. 10–20 och lördagar kl. 10–16."
    );
    // One word changed in fifteen.
    assert_eq!(
        hits(&segments[1]),
        [("kirjasto-avautuu/p3".to_string(), 93)]
    );
    let changes = &segments[1]["suggestions"][0]["changes"];
    let marked: Vec<(&str, &str)> = changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] != "equal")
        .map(|c| (c["op"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(marked, [("delete", "vauvat"), ("insert", "lapset")]);
    assert_eq!(hits(&segments[2]), []);
}

#[test]
fn suggest_shows_matches_with_percentages_and_the_finnish_differences() {
    let repo = archive();
    let text = stdout(repo.tolk().args(["suggest", HOURS]));
    insta::assert_snapshot!("suggest_reused_story", text);
}

#[test]
fn suggest_min_and_limit() {
    let repo = archive();
    let v = suggest(&repo, &["--min", "95"]);
    assert_eq!(hits(&v["segments"][1]), []);
    assert_eq!(hits(&v["segments"][0]).len(), 1);
    // The kicker is in both articles' text; named, it is looked up though
    // it is a draft, and --limit 1 keeps the best.
    let v = suggest(&repo, &["kicker", "--limit", "1"]);
    assert_eq!(
        hits(&v["segments"][0]),
        [("kirjasto-avautuu/kicker".to_string(), 100)]
    );
    repo.tolk()
        .args(["suggest", HOURS, "--min", "0"])
        .assert()
        .code(2);
}

#[test]
fn suggest_never_offers_a_segment_its_own_translation() {
    let repo = archive();
    let v = json(
        repo.tolk()
            .args(["suggest", LIBRARY, "p2", "--format", "json"]),
    );
    assert_eq!(v["segments"][0]["id"], "p2");
    assert_eq!(hits(&v["segments"][0]), []);
}

#[test]
fn suggest_offers_other_segments_of_the_same_article() {
    let repo = Repo::empty();
    let fi = "Kirjaston aukioloajat

Kirjasto on avoinna arkisin kello 10–20 ja lauantaisin kello 10–16.

Kesällä kirjasto on avoinna arkisin kello 10–18 ja lauantaisin kello 10–16.
";
    let sv = "Bibliotekets öppettider

Biblioteket har öppet vardagar kl. 10–20 och lördagar kl. 10–16.
";
    repo.import("aukiolo", fi, Some(sv.as_bytes()));
    repo.mark(
        "aukiolo",
        &[
            "title",
            "p1",
            "--as",
            "translated",
            "--by",
            "Patricia Heikkilä",
        ],
    );
    let v = json(repo.tolk().args(["suggest", "aukiolo", "--format", "json"]));
    assert_eq!(v["segments"][0]["id"], "p2");
    let found = hits(&v["segments"][0]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "aukiolo/p1");
    assert!((80..100).contains(&found[0].1), "{found:?}");
}

#[test]
fn suggest_with_nothing_to_look_up_says_so() {
    let repo = archive();
    let text = stdout(repo.tolk().args(["suggest", LIBRARY]));
    assert!(text.contains("no missing or stale segments"), "{text}");
    let out = repo
        .tolk()
        .args(["suggest", LIBRARY, "p9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no segment"));
}

#[test]
fn tmx_reports_an_unreadable_article_and_keeps_the_others() {
    let repo = archive();
    repo.write("articles/rikki/fi.txt", b"Otsikko\n\0\0binary");
    let out = repo.tolk().arg("tmx").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rikki"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(units(&text).len(), 5);
}

/// The archive with the library story's p2 (the paragraph the second
/// article reuses) reviewed, `reviewed_text` being the Swedish as the
/// reviewer saw it.
fn archive_with_p2_reviewed_as(reviewed_text: &str) -> Repo {
    let repo = archive();
    let status = LIBRARY_STATUS.replace(
        "[segments.p2]
state = \"translated\"
by = \"Patricia Heikkilä\"
at = \"2025-11-02\"",
        &format!(
            "[segments.p2]
state = \"reviewed\"
by = \"Eeva Editor\"
translator = \"Patricia Heikkilä\"
at = \"2025-11-04\"
reviewed_text = \"{reviewed_text}\""
        ),
    );
    assert_ne!(status, LIBRARY_STATUS);
    repo.write(&format!("articles/{LIBRARY}/status.toml"), status);
    repo
}

const P2_SV: &str = "Biblioteket har öppet vardagar kl. 10–20 och lördagar kl. 10–16.";

#[test]
fn a_reviewed_pair_whose_swedish_changed_since_is_left_out_of_tmx_and_suggest() {
    // Reviewed as it stands: in the memory, as reviewed.
    let repo = archive_with_p2_reviewed_as(P2_SV);
    let p2: Vec<Tu> = units(&tmx(&repo))
        .into_iter()
        .filter(|u| u.tuid == "kirjasto-avautuu/p2")
        .collect();
    assert_eq!(p2.len(), 1);
    assert_eq!(p2[0].state, "reviewed");
    let v = suggest(&repo, &["p1"]);
    assert_eq!(
        hits(&v["segments"][0]),
        [("kirjasto-avautuu/p2".to_string(), 100)]
    );
    assert_eq!(v["segments"][0]["suggestions"][0]["state"], "reviewed");

    // The Swedish changed after the review: nobody vouches for it.
    let repo = archive_with_p2_reviewed_as("Biblioteket är öppet vardagar kl. 10–20.");
    let ids: Vec<String> = units(&tmx(&repo)).into_iter().map(|u| u.tuid).collect();
    assert!(!ids.contains(&"kirjasto-avautuu/p2".to_string()), "{ids:?}");
    assert!(ids.contains(&"kirjasto-avautuu/p1".to_string()), "{ids:?}");
    let v = suggest(&repo, &["p1"]);
    assert_eq!(hits(&v["segments"][0]), []);
}

#[test]
fn suggest_names_the_translator_and_the_reviewer_apart() {
    let repo = archive_with_p2_reviewed_as(P2_SV);
    let v = suggest(&repo, &["p1", "p2"]);
    let reviewed = &v["segments"][0]["suggestions"][0];
    assert_eq!(reviewed["translator"], "Patricia Heikkilä");
    assert_eq!(reviewed["reviewer"], "Eeva Editor");
    let translated = &v["segments"][1]["suggestions"][0];
    assert_eq!(translated["translator"], "Patricia Heikkilä");
    assert_eq!(translated["reviewer"], serde_json::Value::Null);
    let text = stdout(repo.tolk().args(["suggest", HOURS, "p1", "p2"]));
    assert!(
        text.contains(
            "kirjasto-avautuu/p2  translated by Patricia Heikkilä, reviewed by Eeva Editor\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("kirjasto-avautuu/p3  translated by Patricia Heikkilä\n"),
        "{text}"
    );
    assert!(!text.contains("reviewed by Patricia"), "{text}");
}

/// A council story whose second paragraph has two sentences on both
/// sides, and a tax story repeating one of them as a paragraph.
fn council_and_tax(sv_p1: &str) -> Repo {
    let repo = Repo::empty();
    repo.import(
        "valtuusto",
        "Valtuusto päätti budjetista\n\nKokous kesti kolme tuntia.\n\n\
         Valtuusto hyväksyi talousarvion maanantaina. Veroprosentti pysyy ennallaan 17,5 prosentissa.\n",
        Some(
            format!(
                "Fullmäktige beslöt om budgeten\n\nMötet pågick i tre timmar.\n\n{sv_p1}\n"
            )
            .as_bytes(),
        ),
    );
    repo.mark(
        "valtuusto",
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo.import(
        "vero",
        "Veroprosentti ennallaan\n\nVeroprosentti pysyy ennallaan 17,5 prosentissa.\n",
        None,
    );
    repo
}

#[test]
fn suggest_offers_a_sentence_repeated_from_inside_a_longer_paragraph() {
    let repo = council_and_tax(
        "Fullmäktige godkände budgeten på måndagen. Skattesatsen förblir oförändrad på 17,5 procent.",
    );
    let v = json(
        repo.tolk()
            .args(["suggest", "vero", "p1", "--format", "json"]),
    );
    let hit = &v["segments"][0]["suggestions"][0];
    assert_eq!(hit["source"], "valtuusto/p2");
    assert_eq!(hit["sentence"], 2);
    assert_eq!(hit["percent"], 100);
    assert_eq!(
        hit["sv"],
        "Skattesatsen förblir oförändrad på 17,5 procent."
    );
    // The memory counts pairs, not sentences.
    assert_eq!(v["memory"], 3);
    let text = stdout(repo.tolk().args(["suggest", "vero", "p1"]));
    assert!(
        text.contains("100%  valtuusto/p2, sentence 2  translated by Patricia Heikkilä"),
        "{text}"
    );
    // Sentences are not TMX units: the memory file stays one unit a row.
    let ids: Vec<String> = units(&tmx(&repo)).into_iter().map(|u| u.tuid).collect();
    assert_eq!(ids, ["valtuusto/title", "valtuusto/p1", "valtuusto/p2"]);
}

#[test]
fn suggest_offers_no_sentence_when_the_swedish_has_another_number_of_sentences() {
    // One Swedish sentence for two Finnish: which part is which is unknown.
    let repo = council_and_tax(
        "Fullmäktige godkände budgeten på måndagen, och skattesatsen förblir oförändrad på 17,5 procent.",
    );
    let v = json(
        repo.tolk()
            .args(["suggest", "vero", "p1", "--format", "json"]),
    );
    let hits = v["segments"][0]["suggestions"].as_array().unwrap();
    assert!(hits.iter().all(|h| h["sentence"].is_null()), "{hits:?}");
    assert!(hits.iter().all(|h| h["percent"] != 100), "{hits:?}");
}
