//! `tolk report`: the HTML review page. Snapshots of the seed's page, the
//! escaping of everything that comes from articles, the glossary and
//! status.toml, where the report goes, and a real browser (headless
//! chromium) rendering it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::{Repo, SLUG};
use predicates::str::contains;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// The seed article with the project's glossary.
fn seed() -> Repo {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    repo
}

/// 2026-01-01: the date the report says it was written, in every test.
const EPOCH: &str = "1767225600";

fn report(repo: &Repo, args: &[&str]) -> assert_cmd::assert::Assert {
    repo.tolk()
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .arg("report")
        .args(args)
        .assert()
}

/// Writes `report.html` and returns it.
fn page(repo: &Repo, args: &[&str]) -> String {
    report(repo, &[args, &["-o", "report.html"]].concat()).success();
    repo.read("report.html")
}

/// Sets every `at = "…"` date of the seed's status.toml to one day, so
/// that what `mark` and `accept` wrote today reads the same in snapshots.
fn fix_dates(repo: &Repo) {
    let path = repo.article("status.toml");
    let text = repo.read(&path);
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("at = \"") {
        let (head, tail) = rest.split_at(at + "at = \"".len());
        out.push_str(head);
        out.push_str("2025-12-01");
        rest = &tail[10..];
    }
    out.push_str(rest);
    repo.write(&path, out);
}

/// The seed with every state: translated, reviewed, stale, draft; and a
/// waived finding.
fn worked_seed() -> Repo {
    let repo = seed();
    repo.mark(
        SLUG,
        &[
            "kicker",
            "title",
            "--as",
            "translated",
            "--by",
            "Patricia Heikkilä",
        ],
    );
    repo.mark(
        SLUG,
        &[
            "p1",
            "p2",
            "--as",
            "translated",
            "--by",
            "Patricia Heikkilä",
        ],
    );
    repo.mark(SLUG, &["p1", "--as", "reviewed", "--by", "Mikael Lindholm"]);
    repo.edit(
        "fi.txt",
        "Uutena asiana tulee",
        "Uutena asiana tänä vuonna tulee",
    );
    repo.tolk()
        .args(["accept", SLUG, "q6", "number", "--by", "Mikael Lindholm"])
        .args(["--reason", "Vuosi lisätty selvyyden vuoksi"])
        .assert()
        .success();
    fix_dates(&repo);
    repo
}

/// The page's body, one element a line where it helps a reviewer read
/// the snapshot; style and script are left out (they are files in src/).
fn readable(html: &str) -> String {
    let start = html.find("<main>").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    let mut out = html[start..end + "</main>".len()].to_string();
    for tag in [
        "<tr",
        "<li",
        "<section",
        "<h2",
        "<table",
        "<p ",
        "<div class=\"diff\"",
        "<thead",
        "<tbody",
    ] {
        out = out.replace(tag, &format!("\n{tag}"));
    }
    out
}

#[test]
fn the_seed_page_snapshot() {
    let repo = worked_seed();
    let html = page(&repo, &[]);
    insta::assert_snapshot!("report_seed", readable(&html));
}

#[test]
fn the_page_is_self_contained() {
    let repo = seed();
    let html = page(&repo, &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(html.contains("@page{size:A4"), "prints on A4");
    assert_eq!(html.matches("<script").count(), 1, "one inline script");
    for remote in ["src=\"http", "href=\"http", "<link", "@import", "url("] {
        assert!(!html.contains(remote), "nothing to fetch: {remote}");
    }
    assert!(html.contains("Written by tolk on <time datetime=\"2026-01-01\">"));
}

#[test]
fn rows_pair_the_finnish_with_the_swedish_and_findings_mark_the_words() {
    let repo = seed();
    let html = page(&repo, &[]);
    let p1 = &html[html.find(&format!("id=\"{SLUG}-p1\"")).unwrap()..];
    let p1 = &p1[..p1.find("</tr>").unwrap()];
    assert!(p1.contains("<td class=\"fi\" lang=\"fi\">"), "{p1}");
    assert!(p1.contains("Taru Ikäheimonen (kuvassa)"));
    assert!(p1.contains("<td class=\"sv\" lang=\"sv\">"));
    assert!(p1.contains("Taru Ikäheimonen (på bilden)"));
    // The offending words of glossary-avoid, exactly, on the Swedish side.
    let a2 = &html[html.find(&format!("id=\"{SLUG}-a2\"")).unwrap()..];
    let sv = &a2[a2.find("class=\"sv\"").unwrap()..a2.find("class=\"notes\"").unwrap()];
    assert!(sv.contains(">välfärdsrapporten</mark>"), "{sv}");
    assert!(sv.contains("<mark class=\"sev-error\""));
    // A finding about the whole segment (draft) marks no words.
    let kicker = &html[html.find(&format!("id=\"{SLUG}-kicker\"")).unwrap()..];
    let kicker = &kicker[..kicker.find("</tr>").unwrap()];
    assert!(kicker.contains("draft"));
    assert!(!kicker.contains("<mark"), "{kicker}");
    // Severity as a word and a symbol, state as a word and a symbol.
    assert!(html.contains("✖ </span>error</span>"));
    assert!(html.contains("▲ </span>warning</span>"));
    assert!(html.contains("✎ </span>draft</span>"));
}

#[test]
fn glossary_terms_are_underlined_with_the_required_rendering() {
    let repo = seed();
    let html = page(&repo, &[]);
    assert!(html.contains(
        "<span class=\"term\" tabindex=\"0\" data-tip=\"glossary: Kauniainen → Grankulla"
    ));
    assert!(
        html.contains(">Grankullas</span>"),
        "the inflected Swedish form"
    );
    // Without a glossary, nothing is underlined.
    std::fs::remove_file(repo.path("glossary.toml")).unwrap();
    let html = page(&repo, &[]);
    assert!(!html.contains("class=\"term"));
}

#[test]
fn states_stale_diffs_and_waived_findings() {
    let repo = worked_seed();
    let html = page(&repo, &[]);
    let row = |id: &str| {
        let r = &html[html.find(&format!("id=\"{SLUG}-{id}\"")).unwrap()..];
        r[..r.find("</tr>").unwrap()].to_string()
    };
    assert!(row("p1").contains("✔ </span>reviewed</span>"));
    assert!(row("p1").contains("Mikael Lindholm, <time datetime=\"2025-12-01\">"));
    assert!(row("kicker").contains("◑ </span>translated</span>"));
    // p2's Finnish changed after it was marked: stale, with the word diff.
    let p2 = row("p2");
    assert!(p2.contains("⟳ </span>stale</span>"), "{p2}");
    assert!(p2.contains("<ins>tänä vuonna</ins>"), "{p2}");
    assert!(!row("p1").contains("class=\"diff\""));
    // The waived finding: dimmed, with who and why.
    let q6 = row("q6");
    assert!(q6.contains("class=\"finding sev-warning waived\""), "{q6}");
    assert!(q6.contains(
        "Waived by Mikael Lindholm on 2025-12-01: <q>Vuosi lisätty selvyyden vuoksi</q>"
    ));
    assert!(!row("a6").contains("waived"), "only that finding");
    // The index: per state, errors, warnings, who.
    let index = &html[..html.find("class=\"article\"").unwrap()];
    assert!(index.contains("✔ reviewed"), "{index}");
    assert!(index.contains(">Mikael Lindholm</td>"));
    assert!(index.contains("data-sort=\"1\">1</td>"), "one waived");
}

#[test]
fn merged_extra_and_missing_rows() {
    let repo = seed();
    // One Swedish paragraph for p1 and p2; a paragraph with no Finnish;
    // the last answer not written yet.
    repo.edit(
        "sv.txt",
        "övergår till välfärdsområdet.\n\nDet nya",
        "övergår till välfärdsområdet. Det nya",
    );
    repo.edit(
        "sv.txt",
        "\u{a0}Vad är förebyggande",
        "Intervjun gjordes i Grankulla stadshus.\n\n\u{a0}Vad är förebyggande",
    );
    let sv = repo.read(&repo.article("sv.txt"));
    let a6 = sv.find("– Vi hade vår första").unwrap();
    let end = a6 + sv[a6..].find("\n\n").unwrap() + 2;
    repo.write(
        &repo.article("sv.txt"),
        format!("{}{}", &sv[..a6], &sv[end..]),
    );
    let html = page(&repo, &[]);
    let p1 = &html[html.find(&format!("id=\"{SLUG}-p1\"")).unwrap()..];
    assert!(p1.contains("rowspan=\"2\""), "{}", &p1[..2000]);
    assert!(p1.contains("one Swedish paragraph for p1–p2"));
    let extra = &html[html.find("<tr class=\"extra\">").expect("an extra row")..];
    let extra = &extra[..extra.find("</tr>").unwrap()];
    assert!(
        extra.contains("no Finnish") && extra.contains("stadshus."),
        "{extra}"
    );
    assert!(extra.contains("extra"), "its finding beside it");
    let a6 = &html[html.find(&format!("id=\"{SLUG}-a6\"")).unwrap()..];
    let a6 = &a6[..a6.find("</tr>").unwrap()];
    assert!(a6.contains("missing: no Swedish"), "{a6}");
    assert!(a6.contains("○ </span>missing</span>"));

    // The seed as it is: no merged row, no extra, nothing missing.
    let repo = seed();
    let html = page(&repo, &[]);
    assert!(!html.contains("rowspan"));
    assert!(!html.contains("<tr class=\"extra\">"));
    assert!(!html.contains("missing: no Swedish"));
}

#[test]
fn marks_land_on_the_words_in_a_file_with_a_bom_and_crlf() {
    let repo = seed();
    let path = repo.article("sv.txt");
    let sv = repo.read(&path).replace('\n', "\r\n");
    repo.write(&path, format!("\u{feff}{sv}"));
    let html = page(&repo, &[]);
    let a2 = &html[html.find(&format!("id=\"{SLUG}-a2\"")).unwrap()..];
    let a2 = &a2[..a2.find("</tr>").unwrap()];
    for words in ["välfärdsrapporten", "småbarnsfostran", "grundutbildning"] {
        assert!(a2.contains(&format!(">{words}</mark>")), "{words}: {a2}");
    }
    assert!(!html.contains('\u{feff}'), "no BOM in the page");
}

const HOSTILE: &str = "<script>alert(1)</script>";

/// An article whose texts, glossary note and translator carry markup.
fn hostile() -> Repo {
    let repo = Repo::empty();
    repo.write(
        "glossary.toml",
        format!(
            "[[term]]\nfi = \"kirjasto\"\nsv = \"bibliotek\"\nnote = \"{} & \\\"quotes\\\" </td>\"\n",
            HOSTILE
        ),
    );
    let fi = format!(
        "UUTISET\n\n{HOSTILE} kirjasto avataan\n\nKirjasto \"Aalto\" & kahvila </td> avataan klo 10.\n"
    );
    let sv = format!(
        "NYHETER\n\n{HOSTILE} biblioteket öppnar\n\nBiblioteket ”Aalto” & kaféet </td> öppnar kl. 10.\n\nÖVERSÄTTNING: {HOSTILE} \"Co\" & Söner\n"
    );
    repo.import("kirjasto", fi, Some(sv.as_bytes()));
    repo
}

#[test]
fn everything_from_the_articles_is_escaped() {
    let repo = hostile();
    let html = page(&repo, &[]);
    assert_eq!(html.matches("<script").count(), 1, "only tolk's own script");
    assert!(!html.contains("alert(1)</script>"));
    assert!(html.contains(
        "<div class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"term\""
    ));
    assert!(html.contains(">kirjasto</span> avataan"));
    assert!(html.contains(">biblioteket</span> öppnar"));
    assert!(html.contains("&amp; kahvila &lt;/td&gt; avataan"));
    // The glossary note, inside an attribute.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;/td&gt;")
    );
    // The translator, in the index and the article head.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Co&quot; &amp; Söner"));
    assert_eq!(
        html.matches("<td").count(),
        html.matches("</td>").count(),
        "no cell closed by the text"
    );
}

#[test]
fn the_report_goes_to_tolk_report_html_by_default() {
    let repo = seed();
    repo.tolk()
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .arg("report")
        .assert()
        .success()
        .stdout("")
        .stderr(contains("wrote tolk-report.html (1 article, "))
        .stderr(contains(" KB)"));
    assert!(repo.path("tolk-report.html").is_file());
    assert!(!repo.path("tolk-report").exists());
}

#[test]
fn a_directory_gets_an_index_and_a_page_per_article() {
    let repo = seed();
    repo.import(
        "kirjasto",
        "UUTISET\n\nKirjasto avataan.\n",
        Some(b"NYHETER\n\nBiblioteket \xc3\xb6ppnar.\n"),
    );
    report(&repo, &["-o", "review/"]).success().stderr(contains(
        "wrote review/index.html (2 articles, a page each, ",
    ));
    let index = repo.read("review/index.html");
    assert!(index.contains(&format!("<a href=\"{SLUG}.html\">{SLUG}</a>")));
    assert!(
        !index.contains("class=\"article\""),
        "articles are pages of their own"
    );
    for slug in [SLUG, "kirjasto"] {
        let page = repo.read(&format!("review/{slug}.html"));
        assert!(
            page.contains("<style>") && page.contains("<script>"),
            "self-contained"
        );
        assert!(page.contains("href=\"index.html\""));
    }
    // One slug: only its page.
    report(&repo, &["kirjasto", "-o", "one/"]).success();
    assert!(repo.path("one/kirjasto.html").is_file());
    assert!(!repo.path(&format!("one/{SLUG}.html")).exists());
    // A file name: one file, every article in it.
    let html = page(&repo, &[]);
    assert!(html.contains(&format!("href=\"#a-{SLUG}\"")));
    assert!(html.contains("id=\"a-kirjasto\""));
}

#[test]
fn a_report_over_a_file_keeps_no_stale_copy_and_is_readable_by_others() {
    let repo = seed();
    repo.write("report.html", "old");
    let html = page(&repo, &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let left: Vec<_> = std::fs::read_dir(repo.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::remove_file(repo.path("report.html")).unwrap();
        page(&repo, &[]);
        let mode = std::fs::metadata(repo.path("report.html"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn bad_places_and_bad_input_exit_2_with_the_reason() {
    let repo = seed();
    report(&repo, &["-o", "no/such/dir/r.html"])
        .code(2)
        .stderr(contains("no directory `no/such/dir`"));
    repo.tolk()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .arg("report")
        .assert()
        .code(2)
        .stderr(contains("SOURCE_DATE_EPOCH=`yesterday` is not a number"));
    report(&repo, &["nosuch"])
        .code(2)
        .stderr(contains("nosuch"));
    // An unreadable status.toml: the report is still written, showing it.
    repo.write(&repo.article("status.toml"), "[segments.q1\n");
    report(&repo, &["-o", "r.html"])
        .code(2)
        .stderr(contains("wrote r.html"))
        .stderr(contains("status.toml"));
    let html = repo.read("r.html");
    assert!(html.contains("<code class=\"rule\">invalid</code>"));
    assert!(html.contains("status.toml"));
}

#[test]
fn a_directory_no_command_can_name_is_listed_as_unreadable() {
    let repo = seed();
    repo.write(
        "articles/Uusi juttu#2/fi.txt",
        "UUTISET\n\nKirjasto avataan.\n",
    );
    report(&repo, &["-o", "review/"]).code(2);
    let index = repo.read("review/index.html");
    assert!(
        index.contains("<a href=\"Uusi%20juttu%232.html\">Uusi juttu#2</a>"),
        "{index}"
    );
    assert!(index.contains("<tr class=\"unreadable\">"));
    let page = repo.read("review/Uusi juttu#2.html");
    assert!(page.contains("<code class=\"rule\">invalid</code>"));
    // The articles that can be read are all there.
    assert!(repo.path(&format!("review/{SLUG}.html")).is_file());
}

#[test]
fn a_broken_glossary_is_told_on_the_page_and_on_stderr() {
    let repo = seed();
    repo.write("glossary.toml", "[[term]]\nfi = \"kirjasto\"\n");
    report(&repo, &["-o", "r.html"])
        .code(2)
        .stderr(contains("glossary.toml"))
        .stderr(contains("wrote r.html"));
    let html = repo.read("r.html");
    assert!(html.contains("<p class=\"finding sev-error\""), "{html}");
    assert!(html.contains("glossary.toml:"));
}

#[test]
fn help_explains_the_output() {
    let repo = seed();
    repo.tolk()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(contains("index.html"))
        .stdout(contains("tolk-report.html"))
        .stdout(contains("SOURCE_DATE_EPOCH"));
}

/// The headless browser on PATH: chromium, chromium-browser or
/// google-chrome. Outside CI none skips the test with the reason; under
/// `CI=true` a missing browser fails it.
fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "a headless browser (Debian's chromium) is required under CI=true"
    );
    eprintln!("skipping: no chromium, chromium-browser or google-chrome on PATH");
    None
}

fn headless(browser: &Path, profile: &Path) -> Process {
    let mut cmd = Process::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .env("HOME", profile);
    cmd
}

/// The DOM after scripts ran.
fn dump_dom(browser: &Path, profile: &Path, page: &Path, extra: &[&str]) -> String {
    let out = headless(browser, profile)
        .args(extra)
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Where CI keeps artifacts: the cargo target directory.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn a_real_browser_renders_the_rows_findings_and_marks() {
    let Some(browser) = browser() else { return };
    let repo = worked_seed();
    page(&repo, &[]);
    let profile = repo.path("chromium-profile");
    let file = repo.path("report.html");
    let dom = dump_dom(&browser, &profile, &file, &[]);
    // The script ran: the navigation is on, and counts the findings.
    assert!(
        dom.contains("<html lang=\"en\" class=\"\">"),
        "{}",
        &dom[..200]
    );
    // It counts what it steps through; the seed's waived finding apart.
    let count = dom.matches("<li class=\"finding").count();
    let waived = dom
        .matches("<li class=\"finding sev-warning waived\"")
        .count();
    assert!(count > 10);
    assert_eq!(waived, 1);
    assert!(
        dom.contains(&format!(">{} findings, 1 waived<", count - waived)),
        "the toolbar counts them"
    );
    // Side by side rows, findings beside them, the words marked.
    let p1 = &dom[dom.find(&format!("id=\"{SLUG}-p1\"")).unwrap()..];
    let p1 = &p1[..p1.find("</tr>").unwrap()];
    assert!(p1.contains("lang=\"fi\"") && p1.contains("lang=\"sv\""));
    assert!(p1.contains("Taru Ikäheimonen (på bilden)"));
    assert!(dom.contains("class=\"finding sev-error\""));
    assert!(dom.contains(">välfärdsrapporten</mark>"));
    assert!(dom.contains("<ins>tänä vuonna</ins>"));
    let shot = target_dir().join("report-screenshot.png");
    let out = headless(&browser, &profile)
        .arg(format!("--screenshot={}", shot.display()))
        .args(["--window-size=1280,2000", "--hide-scrollbars"])
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "a screenshot"
    );
    // On paper (the print stylesheet, A4): kept beside the screenshot.
    let pdf = target_dir().join("report-print.pdf");
    let out = headless(&browser, &profile)
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
}

#[test]
fn a_real_browser_finds_no_injected_element() {
    let Some(browser) = browser() else { return };
    let repo = hostile();
    page(&repo, &[]);
    let dom = dump_dom(
        &browser,
        &repo.path("chromium-profile"),
        &repo.path("report.html"),
        &[],
    );
    assert_eq!(dom.matches("<script").count(), 1, "only tolk's own script");
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"term\""));
}

#[test]
fn a_real_browser_moves_between_findings_with_the_keys() {
    let Some(browser) = browser() else { return };
    let repo = seed();
    page(&repo, &[]);
    // A page that loads the report in a frame, presses keys in it and
    // writes down which finding has the focus after each.
    repo.write(
        "keys.html",
        r#"<!DOCTYPE html><html><body><iframe id="r" src="report.html" width="1200" height="800"></iframe>
<pre id="log"></pre><script>
document.getElementById("r").addEventListener("load", function () {
  var doc = document.getElementById("r").contentDocument;
  var log = [];
  ["n", "n", "j", "p", "k", "k"].forEach(function (key) {
    doc.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true }));
    log.push(key + "=" + doc.activeElement.id);
  });
  doc.querySelector("[data-go='1']").click();
  log.push("button=" + doc.activeElement.id);
  document.getElementById("log").textContent = log.join(" ");
});
</script></body></html>"#,
    );
    let dom = dump_dom(
        &browser,
        &repo.path("chromium-profile"),
        &repo.path("keys.html"),
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
        ],
    );
    let log = &dom[dom.find("<pre id=\"log\">").expect("the log") + "<pre id=\"log\">".len()..];
    let log = &log[..log.find("</pre>").unwrap()];
    // Findings in page order; `k` before the first wraps round to the last.
    let html = repo.read("report.html");
    let order: Vec<&str> = html
        .split("<li class=\"finding")
        .skip(1)
        .map(|li| {
            let id = &li[li.find(" id=\"").unwrap() + 5..];
            &id[..id.find('"').unwrap()]
        })
        .collect();
    assert!(order.len() > 3, "{order:?}");
    let last = order[order.len() - 1];
    let expected = format!(
        "n={} n={} j={} p={} k={} k={last} button={}",
        order[0], order[1], order[2], order[1], order[0], order[0]
    );
    assert_eq!(log, expected);
}

/// Loads `report.html` in a frame `width` CSS pixels wide and measures
/// the overview and the first article's table. With `print`, the print
/// stylesheet is applied as if on screen and the narrow-screen rules are
/// dropped: a frame 703 px wide is an A4 page less the `@page` margins.
fn measure(browser: &Path, repo: &common::Repo, width: u32, print: bool) -> serde_json::Value {
    let harness = r#"<!DOCTYPE html><html><body><iframe id="r" src="report.html" width="WIDTH" height="1200" style="border:0"></iframe>
<pre id="log"></pre><script>
document.getElementById("r").addEventListener("load", function () {
  var doc = document.getElementById("r").contentDocument;
  if (PRINT) {
    var sheet = doc.styleSheets[0], rules = [];
    for (var i = sheet.cssRules.length - 1; i >= 0; i--) {
      var rule = sheet.cssRules[i];
      if (!rule.media) { continue; }
      if (rule.media.mediaText.indexOf("print") >= 0) {
        for (var j = 0; j < rule.cssRules.length; j++) {
          if (rule.cssRules[j].type === 1) { rules.push(rule.cssRules[j].cssText); }
        }
      }
      sheet.deleteRule(i);
    }
    rules.forEach(function (t) { sheet.insertRule(t, sheet.cssRules.length); });
  }
  var right = function (el) { return Math.round(el.getBoundingClientRect().right); };
  var row = doc.querySelector(".overview tbody tr");
  var notes = doc.querySelector(".pairs th.notes");
  var log = {
    viewport: doc.documentElement.clientWidth,
    page: doc.documentElement.scrollWidth,
    scroll: getComputedStyle(doc.querySelector(".scroll")).overflowX,
    table: right(doc.querySelector(".overview")),
    errors: right(row.querySelector(".c-errors")),
    warnings: right(row.querySelector(".c-warnings")),
    reviewers: right(doc.querySelector(".overview tbody tr:last-child .c-translators")),
    notes_border: getComputedStyle(notes).borderTopWidth + " " + getComputedStyle(notes).borderRightWidth,
    toolbar: doc.querySelector(".toolbar .position").textContent,
    widest: ""
  };
  var most = 0;
  Array.prototype.forEach.call(doc.querySelectorAll("main *"), function (el) {
    if (right(el) > most) { most = right(el); log.widest = el.tagName + "." + el.className + " " + most; }
  });
  document.getElementById("log").textContent = JSON.stringify(log);
});
</script></body></html>"#
        .replace("WIDTH", &width.to_string())
        .replace("PRINT", if print { "true" } else { "false" });
    repo.write("measure.html", harness);
    let dom = dump_dom(
        browser,
        &repo.path("chromium-profile"),
        &repo.path("measure.html"),
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
        ],
    );
    let log = &dom[dom.find("<pre id=\"log\">").expect("the log") + "<pre id=\"log\">".len()..];
    let log = &log[..log.find("</pre>").unwrap()];
    serde_json::from_str(&log.replace("&quot;", "\"")).unwrap_or_else(|e| panic!("{e}: {log}"))
}

/// The worked seed with a translator whose name is longer than a
/// column: the overview has to wrap it, not widen.
fn long_named_seed() -> Repo {
    let repo = worked_seed();
    repo.mark(
        SLUG,
        &[
            "p3",
            "--as",
            "translated",
            "--by",
            "Anna-Kaisa Wikström-Hagelberg von Lindqvist-Åkerblom",
        ],
    );
    page(&repo, &[]);
    repo
}

#[test]
fn on_a4_paper_the_overview_fits_the_page_and_the_findings_head_is_in_the_table() {
    let Some(browser) = browser() else { return };
    let repo = long_named_seed();
    let m = measure(&browser, &repo, 703, true);
    let viewport = m["viewport"].as_i64().unwrap();
    assert_eq!(m["scroll"], "visible", "no scrollbar on paper: {m}");
    assert!(m["page"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["table"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["reviewers"].as_i64().unwrap() <= viewport, "{m}");
    // The Findings heading keeps the table's border on paper.
    assert_eq!(m["notes_border"], "1px 1px", "{m}");
}

#[test]
fn on_a_phone_the_overview_needs_no_sideways_scrolling() {
    let Some(browser) = browser() else { return };
    let repo = long_named_seed();
    let m = measure(&browser, &repo, 390, false);
    let viewport = m["viewport"].as_i64().unwrap();
    assert!(m["page"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["table"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["errors"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["warnings"].as_i64().unwrap() <= viewport, "{m}");
    assert!(m["reviewers"].as_i64().unwrap() <= viewport, "{m}");
    // Each article is a card whose cells say what they are.
    let html = repo.read("report.html");
    assert!(html.contains("data-label=\"Errors\""));
}

#[test]
fn the_toolbar_counts_the_findings_it_steps_through_and_the_waived_apart() {
    let Some(browser) = browser() else { return };
    let repo = worked_seed();
    page(&repo, &[]);
    let html = repo.read("report.html");
    let waived_id = {
        let at = html
            .find("<li class=\"finding sev-warning waived\"")
            .unwrap();
        let id = &html[at..];
        let id = &id[id.find(" id=\"").unwrap() + 5..];
        id[..id.find('"').unwrap()].to_string()
    };
    // Press `n` once per finding on the page: the waived one never gets
    // the focus, and the position says "of" the unwaived count.
    let total = html.matches("<li class=\"finding").count();
    repo.write(
        "keys.html",
        format!(
            r#"<!DOCTYPE html><html><body><iframe id="r" src="report.html" width="1200" height="800"></iframe>
<pre id="log"></pre><script>
document.getElementById("r").addEventListener("load", function () {{
  var doc = document.getElementById("r").contentDocument;
  var log = [doc.querySelector(".position").textContent];
  for (var i = 0; i < {total}; i++) {{
    doc.dispatchEvent(new KeyboardEvent("keydown", {{ key: "n", bubbles: true }}));
    log.push(doc.activeElement.id);
  }}
  log.push(doc.querySelector(".position").textContent);
  document.getElementById("log").textContent = log.join("|");
}});
</script></body></html>"#
        ),
    );
    let dom = dump_dom(
        &browser,
        &repo.path("chromium-profile"),
        &repo.path("keys.html"),
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
        ],
    );
    let log = &dom[dom.find("<pre id=\"log\">").expect("the log") + "<pre id=\"log\">".len()..];
    let log: Vec<&str> = log[..log.find("</pre>").unwrap()].split('|').collect();
    let steps = total - 1;
    assert_eq!(log[0], format!("{steps} findings, 1 waived"), "{log:?}");
    assert!(!log.contains(&waived_id.as_str()), "{waived_id} in {log:?}");
    // One press more than there are unwaived findings wraps round.
    assert_eq!(log[steps + 1], log[1], "wraps round: {log:?}");
    assert_eq!(log[total + 1], format!("finding 1 of {steps}"));
}

#[test]
fn one_finding_is_one_finding() {
    let Some(browser) = browser() else { return };
    // One number the Swedish lacks: one finding.
    let repo = Repo::empty();
    repo.import(
        "kolumni",
        "Marraskuu\n\nVuonna 2023 kaikki muuttui.\n",
        Some(b"November\n\nAllt \xc3\xa4ndrades.\n"),
    );
    let html = page(&repo, &["--select", "number"]);
    assert_eq!(html.matches("<li class=\"finding").count(), 1);
    assert!(html.contains("0 errors</span>, <span class=\"sev-warning\">1 warning</span>"));
    assert!(html.contains("▲ </span>1 warning</span>"), "the totals");
    assert!(!html.contains(" 1 warnings"));
    let dom = dump_dom(
        &browser,
        &repo.path("chromium-profile"),
        &repo.path("report.html"),
        &[],
    );
    assert!(
        dom.contains("aria-live=\"polite\">1 finding</span>"),
        "{dom}"
    );
}

#[test]
fn a_new_output_name_without_an_extension_is_a_file_and_stderr_says_how_to_get_a_directory() {
    let repo = seed();
    report(&repo, &["-o", "review"])
        .success()
        .stderr(contains(
            "tolk: `review` has no extension: writing the report as one HTML file named `review`; for a directory with a page per article, write `-o review/`\n",
        ));
    assert!(repo.path("review").is_file());
    assert!(repo.read("review").starts_with("<!DOCTYPE html>"));
    // Once it exists, writing over it again is what was asked: no remark.
    let out = report(&repo, &["-o", "review"]).success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(!stderr.contains("no extension"), "{stderr}");
    // Any extension, and the trailing slash, are taken as they are.
    for name in ["review.txt", "pages/"] {
        let out = report(&repo, &["-o", name]).success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(!stderr.contains("no extension"), "{name}: {stderr}");
    }
    assert!(repo.path("review.txt").is_file());
    assert!(repo.path("pages/index.html").is_file());
}

#[test]
fn the_report_reuses_what_check_found_and_writes_the_same_page() {
    let repo = worked_seed();
    let cold = page(&repo, &["--no-cache"]);
    repo.tolk().arg("check").assert().code(1);
    // The findings come from check's cache: only the rows are built anew.
    let stats = |args: &[&str]| {
        let out = repo
            .tolk()
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("TOLK_CACHE_STATS", "1")
            .arg("report")
            .args(args)
            .args(["-o", "report.html"])
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let stderr = stats(&[]);
    assert!(
        stderr.contains("tolk: cache: 1 of 1 articles reused"),
        "{stderr}"
    );
    assert_eq!(repo.read("report.html"), cold, "the waived finding too");
    // An edit is seen: the article is checked again.
    repo.edit("sv.txt", "2023", "2022");
    let stderr = stats(&[]);
    assert!(stderr.contains("0 of 1 articles reused"), "{stderr}");
    let warm = repo.read("report.html");
    assert_ne!(warm, cold);
    assert_eq!(warm, page(&repo, &["--no-cache"]));
    // --no-cache neither reads nor writes it.
    let stderr = stats(&["--no-cache"]);
    assert!(!stderr.contains("cache:"), "{stderr}");
}
