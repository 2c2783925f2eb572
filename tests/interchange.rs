//! `tolk export` (XLIFF 1.2, XLIFF 2.1, PO) and `tolk import --xliff/--po`:
//! round trips on the seed and every article kind, with the real tools
//! translators' pipelines use (Translate Toolkit, gettext's msgfmt,
//! xmllint against the vendored OASIS schemas).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::{Repo, SLUG, json, stdout};

/// The seed and each article-kind fixture: (slug, fi, sv).
fn articles() -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut out = vec![(
        SLUG.to_string(),
        common::SEED_FI.to_vec(),
        common::SEED_SV.to_vec(),
    )];
    let kinds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kinds");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&kinds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("fi.txt").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let slug = dir.file_name().unwrap().to_str().unwrap().to_string();
        out.push((
            slug,
            std::fs::read(dir.join("fi.txt")).unwrap(),
            std::fs::read(dir.join("sv.txt")).unwrap(),
        ));
    }
    out
}

/// A repository holding every article of [`articles`].
fn all_articles() -> (Repo, Vec<String>) {
    let repo = Repo::empty();
    let mut slugs = Vec::new();
    for (slug, fi, sv) in articles() {
        repo.import(&slug, &fi, Some(&sv));
        slugs.push(slug);
    }
    (repo, slugs)
}

/// Whether an external tool runs here; outside CI a missing one skips the
/// test with the reason, under `CI=true` it fails (as for Voikko).
fn tool(name: &str) -> bool {
    let ok = Process::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "`{name}` is required under CI=true (see .ci/run)"
        );
        eprintln!("skipping: `{name}` is not installed");
    }
    ok
}

fn export(repo: &Repo, slug: &str, format: &str, file: &str) {
    repo.tolk()
        .args(["export", slug, "--format", format, "-o", file])
        .assert()
        .success();
}

fn import(repo: &Repo, slug: &str, flag: &str, file: &str) -> std::process::Output {
    repo.tolk()
        .args(["import", slug, flag, file])
        .output()
        .unwrap()
}

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xliff")
}

#[test]
fn importing_an_unchanged_export_leaves_sv_txt_byte_identical() {
    let (repo, slugs) = all_articles();
    for slug in &slugs {
        let sv = format!("articles/{slug}/sv.txt");
        let before = repo.read_bytes(&sv);
        for (format, flag) in [("xliff", "--xliff"), ("xliff2", "--xliff"), ("po", "--po")] {
            let file = format!("{slug}.{format}");
            export(&repo, slug, format, &file);
            let out = import(&repo, slug, flag, &file);
            assert!(out.status.success(), "{slug} {format}: {out:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains("0 changed, 0 added"),
                "{slug} {format}: {stderr}"
            );
            assert_eq!(repo.read_bytes(&sv), before, "{slug} via {format}");
        }
    }
}

#[test]
fn export_goes_to_stdout_without_output() {
    let repo = Repo::seed();
    let text = stdout(repo.tolk().args(["export", SLUG, "--format", "xliff2"]));
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(text.contains(r#"<unit id="q3" name="q3" xml:space="preserve">"#));
    assert!(text.contains(r#"<note category="role">question</note>"#));
    assert!(!repo.path("-o").exists());
}

#[test]
fn translate_toolkit_round_trip_gives_the_same_sv_txt() {
    if !tool("xliff2po") || !tool("po2xliff") {
        return;
    }
    let (repo, slugs) = all_articles();
    for slug in &slugs {
        let sv = format!("articles/{slug}/sv.txt");
        let before = repo.read_bytes(&sv);
        export(&repo, slug, "xliff", "out.xlf");
        for (cmd, from, to) in [
            ("xliff2po", "out.xlf", "tt.po"),
            ("po2xliff", "tt.po", "tt.xlf"),
        ] {
            let status = Process::new(cmd)
                .args(["-i", from, "-o", to])
                .current_dir(repo.root())
                .output()
                .unwrap();
            assert!(status.status.success(), "{cmd}: {status:?}");
        }
        let out = import(&repo, slug, "--xliff", "tt.xlf");
        assert!(out.status.success(), "{slug}: {out:?}");
        assert_eq!(
            repo.read_bytes(&sv),
            before,
            "{slug} through Translate Toolkit"
        );
        // xliff2po's PO names each unit by a `#:` reference: read too.
        let out = import(&repo, slug, "--po", "tt.po");
        assert!(out.status.success(), "{slug}: {out:?}");
        assert_eq!(repo.read_bytes(&sv), before, "{slug} through xliff2po");
    }
}

#[test]
fn msgfmt_accepts_the_po_export() {
    if !tool("msgfmt") {
        return;
    }
    let (repo, slugs) = all_articles();
    for slug in &slugs {
        export(&repo, slug, "po", "out.po");
        let out = Process::new("msgfmt")
            .args(["-c", "-o", "/dev/null", "out.po"])
            .current_dir(repo.root())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{slug}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{slug}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn xmllint(repo: &Repo, schema: &str, file: &str) -> std::process::Output {
    Process::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(schemas().join(schema))
        .arg(file)
        .env("XML_CATALOG_FILES", schemas().join("catalog.xml"))
        .current_dir(repo.root())
        .output()
        .unwrap()
}

#[test]
fn xliff_exports_validate_against_the_oasis_schemas() {
    if !tool("xmllint") {
        return;
    }
    let (repo, slugs) = all_articles();
    // A stale segment and a reviewed one: alt-trans, approved, notes.
    repo.tolk()
        .args([
            "mark",
            SLUG,
            "p1",
            "p2",
            "--as",
            "reviewed",
            "--by",
            "Ulla Granqvist",
        ])
        .assert()
        .success();
    let fi = repo.read(&format!("articles/{SLUG}/fi.txt"));
    repo.write(
        &format!("articles/{SLUG}/fi.txt"),
        fi.replacen("(kuvassa)", "(kuvassa vasemmalla)", 1),
    );
    for slug in &slugs {
        export(&repo, slug, "xliff2", "out2.xlf");
        let out = xmllint(&repo, "xliff_core_2.0.xsd", "out2.xlf");
        assert!(
            out.status.success(),
            "{slug} 2.1: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        export(&repo, slug, "xliff", "out1.xlf");
        let out = xmllint(&repo, "xliff-core-1.2-transitional.xsd", "out1.xlf");
        assert!(
            out.status.success(),
            "{slug} 1.2: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The check can fail: a unit without its source does not validate.
    export(&repo, SLUG, "xliff2", "out2.xlf");
    let broken = repo
        .read("out2.xlf")
        .replacen("<source", "<sorce", 1)
        .replacen("</source>", "</sorce>", 1);
    repo.write("broken.xlf", broken);
    assert!(
        !xmllint(&repo, "xliff_core_2.0.xsd", "broken.xlf")
            .status
            .success()
    );
}

#[test]
fn stale_segments_keep_the_finnish_they_were_translated_from() {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["p1", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo.edit("fi.txt", "(kuvassa)", "(kuvassa vasemmalla)");
    let x1 = stdout(repo.tolk().args(["export", SLUG, "--format", "xliff"]));
    assert!(
        x1.contains(r#"<target state="needs-review-translation">Taru"#),
        "{x1}"
    );
    assert!(x1.contains("<alt-trans"), "{x1}");
    assert!(x1.contains("<source>Taru Ikäheimonen (kuvassa) on"), "{x1}");
    let x2 = stdout(repo.tolk().args(["export", SLUG, "--format", "xliff2"]));
    assert!(
        x2.contains(r#"<note category="previous-source">Taru Ikäheimonen (kuvassa) on"#),
        "{x2}"
    );
    let po = stdout(repo.tolk().args(["export", SLUG, "--format", "po"]));
    assert!(
        po.contains("#, fuzzy\n#| msgid \"Taru Ikäheimonen (kuvassa) on"),
        "{po}"
    );
    // Not stale: no previous Finnish anywhere.
    let fresh = Repo::seed();
    let po = stdout(fresh.tolk().args(["export", SLUG, "--format", "po"]));
    assert!(!po.contains("#|"), "{po}");
}

#[test]
fn the_state_mapping_table() {
    use tolk::article::State;
    use tolk::interchange::{po, xliff};
    let table = [
        (State::Missing, "new", ("initial", "tolk:missing"), false),
        (
            State::Draft,
            "needs-translation",
            ("translated", "tolk:draft"),
            true,
        ),
        (
            State::Translated,
            "translated",
            ("translated", "tolk:translated"),
            false,
        ),
        (
            State::Reviewed,
            "signed-off",
            ("reviewed", "tolk:reviewed"),
            false,
        ),
        (
            State::Stale,
            "needs-review-translation",
            ("initial", "tolk:stale"),
            true,
        ),
    ];
    for (state, x12, x21, fuzzy) in table {
        assert_eq!(xliff::state_12(state), x12, "{state:?}");
        assert_eq!(xliff::state_21(state), x21, "{state:?}");
        assert_eq!(po::fuzzy(state), fuzzy, "{state:?}");
    }
    // And back: what the file claims, which --trust-states records.
    use tolk::interchange::Claimed;
    assert_eq!(
        xliff::claimed_12(Some("translated"), false),
        Claimed::Translated
    );
    assert_eq!(xliff::claimed_12(Some("final"), false), Claimed::Reviewed);
    assert_eq!(
        xliff::claimed_12(Some("signed-off"), false),
        Claimed::Reviewed
    );
    assert_eq!(
        xliff::claimed_12(Some("needs-translation"), true),
        Claimed::Reviewed
    );
    assert_eq!(
        xliff::claimed_12(Some("needs-translation"), false),
        Claimed::Open
    );
    assert_eq!(xliff::claimed_12(Some("new"), false), Claimed::Open);
    assert_eq!(
        xliff::claimed_21(Some("translated"), None),
        Claimed::Translated
    );
    assert_eq!(
        xliff::claimed_21(Some("translated"), Some("tolk:draft")),
        Claimed::Open
    );
    assert_eq!(xliff::claimed_21(Some("final"), None), Claimed::Reviewed);
    assert_eq!(xliff::claimed_21(Some("reviewed"), None), Claimed::Reviewed);
    assert_eq!(xliff::claimed_21(Some("initial"), None), Claimed::Open);
}

#[test]
fn a_file_made_from_another_finnish_is_refused_naming_the_segments() {
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    repo.edit("fi.txt", "(kuvassa)", "(kuvassa vasemmalla)");
    repo.edit("fi.txt", "Kerro tarkemmin", "Kerro vielä tarkemmin");
    let before = repo.read_bytes(&repo.article("sv.txt"));
    let out = import(&repo, SLUG, "--po", "out.po");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("p1 (articles/{SLUG}/fi.txt:5)")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("q2 (articles/{SLUG}/fi.txt:")),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(!stderr.contains("p2 ("), "{stderr}");
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), before);
    // The same file against the Finnish it was made from is accepted.
    let fresh = Repo::seed();
    export(&fresh, SLUG, "po", "out.po");
    assert!(import(&fresh, SLUG, "--po", "out.po").status.success());
    // --force imports anyway, and says so.
    let out = repo
        .tolk()
        .args(["import", SLUG, "--po", "out.po", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--force although the Finnish differs: p1, q2")
    );
}

#[test]
fn a_unit_the_article_does_not_have_is_refused() {
    let repo = Repo::seed();
    export(&repo, SLUG, "xliff2", "out.xlf");
    let text = repo
        .read("out.xlf")
        .replace(r#"unit id="q6""#, r#"unit id="q9""#);
    repo.write("out.xlf", text);
    let out = import(&repo, SLUG, "--xliff", "out.xlf");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("q9 (line"), "{stderr}");
    assert!(stderr.contains("no segment of"), "{stderr}");
}

/// The seed's p2 in Swedish, as exported.
const P2_SV: &str = "Det nya är ett mer målmedvetet grepp om att främja välmående och samarbetet med välfärdsområdet.";
const P2_NEW: &str =
    "Det nya är ett mer målinriktat grepp om välmående och samarbetet med välfärdsområdet.";

fn state_of(repo: &Repo, id: &str) -> String {
    let v = json(repo.tolk().args(["status", SLUG, "--format", "json"]));
    let detail = v["articles"][0]["detail"].as_array().unwrap();
    let row = detail.iter().find(|d| d["id"] == id).unwrap();
    row["state"].as_str().unwrap().to_string()
}

#[test]
fn a_target_changed_in_the_cat_tool_changes_only_that_segment() {
    for (format, flag) in [("po", "--po"), ("xliff", "--xliff"), ("xliff2", "--xliff")] {
        let repo = Repo::seed();
        repo.mark(
            SLUG,
            &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
        );
        export(&repo, SLUG, format, "out");
        let text = repo.read("out");
        let edited = if format == "po" {
            text.replace(
                &format!("msgstr \"{P2_SV}\""),
                &format!("msgstr \"{P2_NEW}\""),
            )
        } else {
            text.replace(
                &format!(">{P2_SV}</target>"),
                &format!(">{P2_NEW}</target>"),
            )
        };
        assert_ne!(edited, text, "{format}: the test edits the target");
        repo.write("out", edited);
        let before = repo.read(&repo.article("sv.txt"));
        let out = import(&repo, SLUG, flag, "out");
        assert!(out.status.success(), "{format}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("1 changed (p2), 0 added, 16 unchanged"),
            "{format}: {stderr}"
        );
        assert_eq!(
            repo.read(&repo.article("sv.txt")),
            before.replacen(P2_SV, P2_NEW, 1)
        );
        // The text changed; the record is the translator's of the old text,
        // kept, and the segment is what tolk derives: still translated
        // (the Finnish did not change), never marked by the file.
        assert_eq!(state_of(&repo, "p2"), "translated", "{format}");
    }
}

#[test]
fn imported_text_is_a_draft_unless_states_are_trusted() {
    let repo = Repo::seed();
    export(&repo, SLUG, "xliff", "out.xlf");
    // The CAT tool: p2 translated, q1 signed off.
    let text = repo
        .read("out.xlf")
        .replacen(
            &format!(r#"<target state="needs-translation">{P2_SV}"#),
            &format!(r#"<target state="translated">{P2_NEW}"#),
            1,
        )
        .replacen(
            r#"<target state="needs-translation">Vad är förebyggande"#,
            r#"<target state="final">Vad är förebyggande"#,
            1,
        );
    repo.write("out.xlf", &text);
    let out = import(&repo, SLUG, "--xliff", "out.xlf");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not trusted"));
    assert_eq!(state_of(&repo, "p2"), "draft");
    assert_eq!(state_of(&repo, "q1"), "draft");

    let out = repo
        .tolk()
        .args([
            "import",
            SLUG,
            "--xliff",
            "out.xlf",
            "--trust-states",
            "--by",
            "Patricia Heikkilä",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("recorded p2 as translated by Patricia Heikkilä"),
        "{stderr}"
    );
    assert!(
        stderr.contains("recorded q1 as reviewed by Patricia Heikkilä"),
        "{stderr}"
    );
    assert_eq!(state_of(&repo, "p2"), "translated");
    assert_eq!(state_of(&repo, "q1"), "reviewed");
    assert_eq!(state_of(&repo, "p1"), "draft", "a unit the file left open");
}

#[test]
fn trust_states_needs_a_name() {
    // No --by, no TOLK_USER and no git name: nobody to record, as for
    // `tolk mark` (which --trust-states now resolves names like).
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    repo.tolk()
        .args(["import", SLUG, "--po", "out.po", "--trust-states"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("who is marking?"));
}

#[test]
fn missing_swedish_is_inserted_in_the_finnish_layout() {
    let repo = Repo::seed();
    // The translator has not written q2 and its answer yet.
    let sv = repo.read(&repo.article("sv.txt"));
    let start = sv.find("Berätta lite mer").unwrap();
    let end = sv.find("Kan stadsborna").unwrap();
    let a2 = sv[start..end].trim_end().to_string();
    repo.write(
        &repo.article("sv.txt"),
        format!("{}{}", &sv[..start], &sv[end..]),
    );
    export(&repo, SLUG, "po", "out.po");
    let po = repo.read("out.po");
    // The CAT tool fills the two units in (the answer without its dash).
    let (q2, a2_text) = a2.split_once("\n\n").unwrap();
    let a2_text = a2_text.trim_start_matches("– ");
    let po = po.replacen(
        "msgctxt \"q2\"\nmsgid \"Kerro tarkemmin mitä tulet tekemään?\"\nmsgstr \"\"",
        &format!("msgctxt \"q2\"\nmsgid \"Kerro tarkemmin mitä tulet tekemään?\"\nmsgstr \"{q2}\""),
        1,
    );
    let at = po.find("msgctxt \"a2\"").unwrap();
    let empty = po[at..].find("msgstr \"\"").unwrap() + at;
    let po = format!(
        "{}msgstr \"{a2_text}\"{}",
        &po[..empty],
        &po[empty + "msgstr \"\"".len()..]
    );
    repo.write("out.po", po);
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 added (q2, a2)"));
    assert_eq!(
        repo.read(&repo.article("sv.txt")),
        sv,
        "the dash comes from the Finnish"
    );
}

#[test]
fn without_sv_txt_the_swedish_is_built_in_the_finnish_layout() {
    let repo = Repo::empty();
    let kinds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kinds/news");
    let fi = std::fs::read(kinds.join("fi.txt")).unwrap();
    let sv = std::fs::read_to_string(kinds.join("sv.txt")).unwrap();
    repo.import("news", &fi, Some(sv.as_bytes()));
    export(&repo, "news", "xliff2", "out.xlf");
    std::fs::remove_file(repo.path("articles/news/sv.txt")).unwrap();
    let out = import(&repo, "news", "--xliff", "out.xlf");
    assert!(out.status.success(), "{out:?}");
    let built = repo.read("articles/news/sv.txt");
    assert!(built.starts_with("| KAUPUNKI - STADEN\n\n"), "{built}");
    assert!(built.contains("\nTEXT: "), "{built}");
    assert!(!built.contains("TEKSTI"), "{built}");
    // Every segment reads back as the same Swedish.
    let segs = |text: &str| {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        v["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    repo.write("orig-sv.txt", &sv);
    let a = stdout(
        repo.tolk()
            .args(["segments", "articles/news/sv.txt", "--format", "json"]),
    );
    let b = stdout(repo.tolk().args([
        "segments",
        "orig-sv.txt",
        "--lang",
        "sv",
        "--format",
        "json",
    ]));
    assert_eq!(segs(&a), segs(&b));
}

#[test]
fn broken_input_files_are_refused_with_their_name() {
    let repo = Repo::seed();
    repo.write(
        "bad.xlf",
        "<xliff version=\"1.2\"><file><body><trans-unit id=\"p1\">\n<source>x</target>",
    );
    let out = import(&repo, SLUG, "--xliff", "bad.xlf");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`bad.xlf` line 2"),
        "{out:?}"
    );
    let out = import(&repo, SLUG, "--po", "nowhere.po");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`nowhere.po`: no such file"));
    let out = import(&repo, "no-such-article", "--po", "nowhere.po");
    assert_eq!(out.status.code(), Some(2));
}

/// A short article in every state: kicker reviewed, title translated, p1
/// stale (the Finnish changed since), p2, the list p3 and q1 drafts, a1
/// missing; the list keeps its lines.
const SMALL_FI: &str = "| KAUPUNKI - STADEN\n\nKirjasto avautuu joulukuussa\n\nKirjasto avataan uudelleen maanantaina 1.12. klo 10.\n\nAukioloajat:\n\n• ma–to klo 10–20\n• pe klo 10–18\n\nMitä uutta kirjastossa on?\n\n– Lastenosasto ja hiljainen lukusali.\n\nTEKSTI: Maija Lehtonen\n";
const SMALL_SV: &str = "| KAUPUNKI - STADEN\n\nBiblioteket öppnar i december\n\nBiblioteket öppnar igen måndagen den 1.12. kl. 10.\n\nÖppettider:\n\n• mån–tors kl. 10–20\n• fre kl. 10–18\n\nVad är nytt i biblioteket?\n\nTEXT: Maija Lehtonen\nÖVERSÄTTNING: Camilla Nyberg\n";
const SMALL_STATUS: &str = r#"[credit]
translator = "Camilla Nyberg"

[segments.kicker]
state = "reviewed"
by = "Ulla Granqvist"
at = "2026-11-20"
source = "KAUPUNKI - STADEN"
translator = "Camilla Nyberg"
reviewed_text = "KAUPUNKI - STADEN"

[segments.title]
state = "translated"
by = "Camilla Nyberg"
at = "2026-11-19"
source = "Kirjasto avautuu joulukuussa"

[segments.p1]
state = "translated"
by = "Camilla Nyberg"
at = "2026-11-19"
source = "Kirjasto avataan uudelleen maanantaina 1.12. klo 9."
"#;

fn small() -> Repo {
    let repo = Repo::empty();
    repo.import("kirjasto", SMALL_FI, Some(SMALL_SV.as_bytes()));
    repo.write("articles/kirjasto/status.toml", SMALL_STATUS);
    repo
}

#[test]
fn exports_of_an_article_in_every_state() {
    let repo = small();
    let v = json(repo.tolk().args(["status", "kirjasto", "--format", "json"]));
    let states: Vec<&str> = v["articles"][0]["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        [
            "reviewed",
            "translated",
            "stale",
            "draft",
            "draft",
            "draft",
            "missing"
        ]
    );
    for format in ["xliff", "xliff2", "po"] {
        let text = stdout(repo.tolk().args(["export", "kirjasto", "--format", format]));
        insta::assert_snapshot!(format!("small_{format}"), text);
    }
}

#[test]
fn the_small_article_round_trips_and_validates() {
    let repo = small();
    let before = repo.read_bytes("articles/kirjasto/sv.txt");
    for (format, flag) in [("xliff", "--xliff"), ("xliff2", "--xliff"), ("po", "--po")] {
        export(&repo, "kirjasto", format, "out");
        let out = import(&repo, "kirjasto", flag, "out");
        assert!(out.status.success(), "{out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("1 without a target"),
            "{out:?}"
        );
        assert_eq!(
            repo.read_bytes("articles/kirjasto/sv.txt"),
            before,
            "{format}"
        );
    }
    if tool("xmllint") {
        export(&repo, "kirjasto", "xliff2", "out2.xlf");
        assert!(
            xmllint(&repo, "xliff_core_2.0.xsd", "out2.xlf")
                .status
                .success()
        );
        export(&repo, "kirjasto", "xliff", "out1.xlf");
        assert!(
            xmllint(&repo, "xliff-core-1.2-transitional.xsd", "out1.xlf")
                .status
                .success()
        );
    }
    if tool("msgfmt") {
        export(&repo, "kirjasto", "po", "out.po");
        let out = Process::new("msgfmt")
            .args(["-c", "-o", "/dev/null", "out.po"])
            .current_dir(repo.root())
            .output()
            .unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    }
}

#[test]
fn a_bom_and_crlf_sv_txt_keeps_both_when_a_segment_changes() {
    let repo = Repo::empty();
    let sv = format!("\u{feff}{}", SMALL_SV.replace('\n', "\r\n"));
    repo.import("kirjasto", SMALL_FI, Some(sv.as_bytes()));
    export(&repo, "kirjasto", "po", "out.po");
    let po = repo.read("out.po");
    let edited = po.replacen(
        "\"• mån–tors kl. 10–20\\n\"",
        "\"• mån–tors kl. 10–19\\n\"",
        1,
    );
    assert_ne!(po, edited, "{po}");
    repo.write("out.po", edited);
    let out = import(&repo, "kirjasto", "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    let after = repo.read("articles/kirjasto/sv.txt");
    assert_eq!(after, sv.replacen("10–20\r\n", "10–19\r\n", 1));
}

#[test]
fn one_swedish_paragraph_for_two_finnish_exports_on_the_first() {
    let repo = Repo::empty();
    let fi = "Otsikko tässä\n\nEnsimmäinen kappale kertoo kirjaston avaamisesta maanantaina.\n\nToinen kappale kertoo lastenosastosta ja lukusalista.\n\nKolmas kappale kertoo aukioloajoista.\n";
    let sv = "Rubriken här\n\nDet första stycket berättar om att biblioteket öppnar på måndag. Det andra stycket berättar om barnavdelningen och läsesalen.\n\nDet tredje stycket berättar om öppettiderna.\n";
    repo.import("yhdistetty", fi, Some(sv.as_bytes()));
    let x = stdout(
        repo.tolk()
            .args(["export", "yhdistetty", "--format", "xliff2"]),
    );
    assert!(
        x.contains("Det första stycket berättar om att biblioteket öppnar på måndag. Det andra"),
        "{x}"
    );
    assert!(x.contains("its Swedish is on p1"), "{x}");
    export(&repo, "yhdistetty", "xliff2", "out.xlf");
    let out = import(&repo, "yhdistetty", "--xliff", "out.xlf");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(repo.read("articles/yhdistetty/sv.txt"), sv);
}

#[test]
fn an_article_without_swedish_exports_every_unit_new_and_imports_into_a_new_sv_txt() {
    let repo = Repo::empty();
    repo.import("kirjasto", SMALL_FI, None);
    let x = stdout(
        repo.tolk()
            .args(["export", "kirjasto", "--format", "xliff"]),
    );
    assert_eq!(
        x.matches(r#"<target state="new"></target>"#).count(),
        7,
        "{x}"
    );
    // The translator fills in the title only: sv.txt holds just that, and
    // the untranslated units stay missing.
    let x = x.replacen(
        r#"<source>Kirjasto avautuu joulukuussa</source>
        <target state="new"></target>"#,
        r#"<source>Kirjasto avautuu joulukuussa</source>
        <target state="translated">Biblioteket öppnar i december</target>"#,
        1,
    );
    repo.write("out.xlf", x);
    let out = import(&repo, "kirjasto", "--xliff", "out.xlf");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("1 added (title), 0 unchanged, 6 without a target")
    );
    assert_eq!(
        repo.read("articles/kirjasto/sv.txt"),
        "Biblioteket öppnar i december\n\nTEXT: Maija Lehtonen\n"
    );
    // Nothing translated: no sv.txt is written.
    let empty = Repo::empty();
    empty.import("kirjasto", SMALL_FI, None);
    export(&empty, "kirjasto", "po", "out.po");
    assert!(
        import(&empty, "kirjasto", "--po", "out.po")
            .status
            .success()
    );
    assert!(!empty.path("articles/kirjasto/sv.txt").exists());
}

#[test]
fn inserted_segments_take_the_kicker_bar_the_answer_dash_and_crlf() {
    let repo = Repo::empty();
    let fi = "| KAUPUNKI - STADEN\r\n\r\nOtsikko\r\n\r\nKappale yksi.\r\n\r\nMitä kuuluu?\r\n\r\n– Hyvää.\r\n";
    let sv = "Rubrik\r\n\r\nStycke ett.\r\n\r\nÖVERSÄTTNING: Anna Andersson\r\n";
    repo.import("k", fi, Some(sv.as_bytes()));
    export(&repo, "k", "po", "k.po");
    let po = repo
        .read("k.po")
        .replace(
            "msgid \"KAUPUNKI - STADEN\"\nmsgstr \"\"",
            "msgid \"KAUPUNKI - STADEN\"\nmsgstr \"KAUPUNKI - STADEN\"",
        )
        .replace(
            "msgid \"Mitä kuuluu?\"\nmsgstr \"\"",
            "msgid \"Mitä kuuluu?\"\nmsgstr \"Hur mår du?\"",
        )
        .replace(
            "msgid \"– Hyvää.\"\nmsgstr \"\"",
            "msgid \"– Hyvää.\"\nmsgstr \"Bra.\"",
        );
    repo.write("k.po", po);
    let out = import(&repo, "k", "--po", "k.po");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 added (kicker, q1, a1), 2 unchanged"),
        "{stderr}"
    );
    assert!(!stderr.contains("read back"), "{stderr}");
    assert_eq!(
        repo.read("articles/k/sv.txt"),
        "| KAUPUNKI - STADEN\r\n\r\nRubrik\r\n\r\nStycke ett.\r\n\r\nHur mår du?\r\n\r\n– Bra.\r\n\r\nÖVERSÄTTNING: Anna Andersson\r\n"
    );
}

#[test]
fn a_target_that_does_not_read_back_as_its_segment_is_pointed_out() {
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    // A translator pasted a credit line into p2: sv.txt gets it as
    // written, and tolk says p2 no longer reads back as written.
    let po = repo.read("out.po").replacen(
        &format!("msgstr \"{P2_SV}\""),
        "msgstr \"TEXT: Maija Mäki\"",
        1,
    );
    repo.write("out.po", po);
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("p2 no longer read back as written"),
        "{stderr}"
    );
    assert!(
        repo.read(&repo.article("sv.txt"))
            .contains("\n\nTEXT: Maija Mäki\n\n")
    );
}

#[test]
fn a_unit_left_empty_keeps_the_swedish_it_has() {
    let repo = Repo::seed();
    let before = repo.read(&repo.article("sv.txt"));
    export(&repo, SLUG, "po", "out.po");
    let po = repo
        .read("out.po")
        .replacen(&format!("msgstr \"{P2_SV}\""), "msgstr \"\"", 1);
    repo.write("out.po", po);
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0 changed, 0 added, 16 unchanged, 1 without a target"),
        "{stderr}"
    );
    assert_eq!(repo.read(&repo.article("sv.txt")), before);
}

#[test]
fn output_to_a_file_is_what_stdout_shows() {
    let repo = Repo::seed();
    let shown = stdout(repo.tolk().args(["export", SLUG, "--format", "po"]));
    export(&repo, SLUG, "po", "out.po");
    assert_eq!(repo.read("out.po"), shown);
    // A directory that is not there is an error naming the file.
    let out = repo
        .tolk()
        .args(["export", SLUG, "--format", "po", "-o", "nowhere/out.po"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nowhere/out.po"),
        "{out:?}"
    );
}

/// `tolk import SLUG ARGS…` in `repo`.
fn import_with(repo: &Repo, args: &[&str]) -> std::process::Output {
    repo.tolk().arg("import").args(args).output().unwrap()
}

/// The seed, every segment translated by Patricia, exported as XLIFF 1.2
/// to `out.xlf` with p2 changed and q1 signed off in the CAT tool.
fn seed_reviewed_in_a_cat_tool() -> Repo {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    export(&repo, SLUG, "xliff", "out.xlf");
    let text = repo
        .read("out.xlf")
        .replacen(
            &format!(r#"<target state="translated">{P2_SV}"#),
            &format!(r#"<target state="translated">{P2_NEW}"#),
            1,
        )
        .replacen(
            r#"<target state="translated">Vad är förebyggande"#,
            r#"<target state="signed-off">Vad är förebyggande"#,
            1,
        );
    assert_ne!(text, repo.read("out.xlf"), "the test edits the file");
    repo.write("out.xlf", &text);
    repo
}

fn record_of(repo: &Repo, id: &str) -> (String, String) {
    let v = json(repo.tolk().args(["status", SLUG, "--format", "json"]));
    let detail = v["articles"][0]["detail"].as_array().unwrap();
    let row = detail.iter().find(|d| d["id"] == id).unwrap();
    (
        row["state"].as_str().unwrap().to_string(),
        row["by"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn trusted_states_keep_other_peoples_records_and_record_the_rest() {
    let repo = seed_reviewed_in_a_cat_tool();
    let out = import_with(
        &repo,
        &[
            SLUG,
            "--xliff",
            "out.xlf",
            "--trust-states",
            "--by",
            "Eeva Editor",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 changed (p2)"), "{stderr}");
    assert!(
        stderr.contains("recorded q1 as reviewed by Eeva Editor"),
        "{stderr}"
    );
    assert!(
        stderr.contains("left as recorded: ") && stderr.contains("p2 (translated by Patricia"),
        "{stderr}"
    );
    assert!(!stderr.contains("--force"), "{stderr}");
    assert!(repo.read(&repo.article("sv.txt")).contains(P2_NEW));
    assert_eq!(
        record_of(&repo, "p2"),
        ("translated".into(), "Patricia Heikkilä".into())
    );
    assert_eq!(
        record_of(&repo, "q1"),
        ("reviewed".into(), "Eeva Editor".into())
    );
}

#[test]
fn a_refused_trusted_import_writes_nothing() {
    let repo = seed_reviewed_in_a_cat_tool();
    let sv = repo.read_bytes(&repo.article("sv.txt"));
    let status = repo.read_bytes(&repo.article("status.toml"));
    // Nobody to record: no --by, no TOLK_USER, no git name.
    let out = import_with(&repo, &[SLUG, "--xliff", "out.xlf", "--trust-states"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("who is marking?"),
        "{out:?}"
    );
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), sv);
    assert_eq!(repo.read_bytes(&repo.article("status.toml")), status);
    // A name with a control character, from the environment.
    let out = repo
        .tolk()
        .env("TOLK_USER", "Eeva\u{7}")
        .args(["import", SLUG, "--xliff", "out.xlf", "--trust-states"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), sv);
    assert_eq!(repo.read_bytes(&repo.article("status.toml")), status);
}

#[test]
fn trust_states_takes_the_name_from_tolk_user_as_mark_does() {
    let repo = seed_reviewed_in_a_cat_tool();
    let out = repo
        .tolk()
        .env("TOLK_USER", "Eeva Editor")
        .args(["import", SLUG, "--xliff", "out.xlf", "--trust-states"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        record_of(&repo, "q1"),
        ("reviewed".into(), "Eeva Editor".into())
    );
}

#[test]
fn a_po_export_through_po2xliff_finds_its_segments_by_line() {
    if !tool("po2xliff") {
        return;
    }
    let (repo, slugs) = all_articles();
    for slug in &slugs {
        let sv = format!("articles/{slug}/sv.txt");
        let before = repo.read_bytes(&sv);
        export(&repo, slug, "po", "out.po");
        let status = Process::new("po2xliff")
            .args(["-i", "out.po", "-o", "tt.xlf"])
            .current_dir(repo.root())
            .output()
            .unwrap();
        assert!(status.status.success(), "po2xliff: {status:?}");
        let out = import(&repo, slug, "--xliff", "tt.xlf");
        assert!(out.status.success(), "{slug}: {out:?}");
        assert_eq!(repo.read_bytes(&sv), before, "{slug} through po2xliff");
    }
    // A target changed on the way lands on its segment.
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    let po = repo.read("out.po").replacen(
        &format!("msgstr \"{P2_SV}\""),
        &format!("msgstr \"{P2_NEW}\""),
        1,
    );
    repo.write("out.po", po);
    let status = Process::new("po2xliff")
        .args(["-i", "out.po", "-o", "tt.xlf"])
        .current_dir(repo.root())
        .output()
        .unwrap();
    assert!(status.status.success(), "po2xliff: {status:?}");
    let out = import(&repo, SLUG, "--xliff", "tt.xlf");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 changed (p2)"), "{stderr}");
    assert!(repo.read(&repo.article("sv.txt")).contains(P2_NEW));
}

#[test]
fn a_po_entry_without_msgctxt_is_found_by_its_line() {
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    let po: String = repo
        .read("out.po")
        .lines()
        .filter(|l| !l.starts_with("msgctxt"))
        .map(|l| format!("{l}\n"))
        .collect();
    repo.write("out.po", po);
    let before = repo.read_bytes(&repo.article("sv.txt"));
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), before);
    // A reference to a line where no segment with that Finnish starts is
    // named as the unit it is, not as a segment id.
    let po = repo.read("out.po").replacen(
        &format!("#: articles/{SLUG}/fi.txt:5\n"),
        &format!("#: articles/{SLUG}/fi.txt:6\n"),
        1,
    );
    repo.write("out.po", po);
    let out = import(&repo, SLUG, "--po", "out.po");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the unit at line") && stderr.contains("starts at line 6"),
        "{stderr}"
    );
    assert!(!stderr.contains("fi.txt (line"), "{stderr}");
}

#[test]
fn a_file_made_from_another_article_is_refused_even_with_force() {
    let (repo, slugs) = all_articles();
    let other = slugs.iter().find(|s| *s != SLUG).unwrap();
    let sv = repo.read_bytes(&repo.article("sv.txt"));
    for (format, flag) in [("po", "--po"), ("xliff", "--xliff"), ("xliff2", "--xliff")] {
        export(&repo, other, format, "other");
        for force in [false, true] {
            let mut args = vec![SLUG, flag, "other"];
            if force {
                args.push("--force");
            }
            let out = import_with(&repo, &args);
            assert_eq!(out.status.code(), Some(2), "{format}: {out:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&format!(
                    "made from article `{other}`, not `{SLUG}`; import it with \
                     `tolk import {other} {flag} other`"
                )),
                "{format}: {stderr}"
            );
            assert_eq!(repo.read_bytes(&repo.article("sv.txt")), sv);
        }
    }
    // With the article's name stripped, the Finnish tells.
    export(&repo, other, "po", "other.po");
    let po: String = repo
        .read("other.po")
        .lines()
        .filter(|l| !l.starts_with("#:") && !l.contains("Project-Id-Version"))
        .map(|l| format!("{l}\n"))
        .collect();
    repo.write("other.po", po);
    let out = import_with(&repo, &[SLUG, "--po", "other.po"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("made from article"));
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), sv);
}

#[test]
fn a_changed_segment_says_it_keeps_the_record_of_its_old_text() {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["p2", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    export(&repo, SLUG, "po", "out.po");
    let po = repo
        .read("out.po")
        .replacen(
            &format!("msgstr \"{P2_SV}\""),
            &format!("msgstr \"{P2_NEW}\""),
            1,
        )
        .replacen(
            "msgstr \"Vad är förebyggande",
            "msgstr \"Vad är egentligen förebyggande",
            1,
        );
    repo.write("out.po", po);
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("p2 (translated by Patricia Heikkilä on ")
            && stderr.contains("keeps the record made for the old text"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("`tolk mark {SLUG} p2 --as translated`")));
    assert!(stderr.contains("q1 is a draft until marked"), "{stderr}");
    assert!(!stderr.contains("p2 is a draft"), "{stderr}");
}

#[test]
fn a_truncated_file_names_the_segments_it_lacks() {
    let repo = Repo::seed();
    export(&repo, SLUG, "po", "out.po");
    let text = repo.read("out.po");
    let cut = text.find("msgctxt \"p2\"").unwrap();
    let cut = text[..cut].rfind("\n\n").unwrap();
    repo.write("out.po", &text[..cut + 1]);
    let before = repo.read_bytes(&repo.article("sv.txt"));
    let out = import(&repo, SLUG, "--po", "out.po");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(", 0 without a target"), "{stderr}");
    assert!(
        stderr.contains("segments are not in `out.po`: p2, ")
            && stderr.contains("(a truncated file?)"),
        "{stderr}"
    );
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), before);
}

/// Swedish paragraph 2 translates Finnish p1 and p2.
const MERGED_FI: &str = "Valtuusto hyväksyi budjetin\n\nKauniaisten valtuusto hyväksyi maanantaina ensi vuoden budjetin.\n\nVeroprosentti pysyy ennallaan 17,5 prosentissa.\n\nKaupunginjohtaja Christoffer Masar kiitti valtuutettuja.\n";
const MERGED_SV: &str = "Fullmäktige godkände budgeten\n\nGrankulla fullmäktige godkände på måndagen nästa års budget. Skattesatsen förblir oförändrad på 17,5 procent.\n\nStadsdirektör Christoffer Masar tackade ledamöterna.\n";

#[test]
fn a_merged_pair_counts_as_the_file_shows_it() {
    let repo = Repo::empty();
    repo.import("v", MERGED_FI, Some(MERGED_SV.as_bytes()));
    export(&repo, "v", "po", "v.po");
    let base = repo.read("v.po");
    assert!(base.contains(
        "msgctxt \"p2\"\nmsgid \"Veroprosentti pysyy ennallaan 17,5 prosentissa.\"\nmsgstr \"\""
    ));
    // Only p1's target changes.
    repo.write("v.po", base.replacen("på måndagen", "i måndags", 1));
    let out = import(&repo, "v", "--po", "v.po");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 changed (p1), 0 added, 3 unchanged"),
        "{stderr}"
    );
    repo.write("articles/v/sv.txt", MERGED_SV);
    // p2 filled in (and its sentence taken off p1): a paragraph of its
    // own, added, not a second change.
    let po = base
        .replacen(
            " Skattesatsen förblir oförändrad på 17,5 procent.\"",
            "\"",
            1,
        )
        .replacen(
            "prosentissa.\"\nmsgstr \"\"",
            "prosentissa.\"\nmsgstr \"Skattesatsen förblir oförändrad på 17,5 procent.\"",
            1,
        );
    repo.write("v.po", po);
    let out = import(&repo, "v", "--po", "v.po");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 changed (p1), 1 added (p2), 2 unchanged"),
        "{stderr}"
    );
    assert!(repo.read("articles/v/sv.txt").contains(
        "nästa års budget.\n\nSkattesatsen förblir oförändrad på 17,5 procent.\n\nStadsdirektör"
    ));
}

#[test]
fn a_changed_answer_keeps_its_dash() {
    let repo = Repo::empty();
    let fi = "Otsikko\n\nMitä kuuluu?\n\n– Hyvää.\n";
    let sv = "Rubrik\n\nHur mår du?\n\n– Bra.\n";
    repo.import("k", fi, Some(sv.as_bytes()));
    export(&repo, "k", "po", "k.po");
    let po = repo.read("k.po");
    assert!(po.contains("msgstr \"– Bra.\""), "{po}");
    repo.write(
        "k.po",
        po.replace("msgstr \"– Bra.\"", "msgstr \"Utmärkt.\""),
    );
    let out = import(&repo, "k", "--po", "k.po");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 changed (a1)"));
    assert_eq!(
        repo.read("articles/k/sv.txt"),
        "Rubrik\n\nHur mår du?\n\n– Utmärkt.\n"
    );
}
