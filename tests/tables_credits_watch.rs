//! A translator's day without friction: coloured tables that line up, a
//! word diff readable without colour, `TERM=dumb`, credits per period and
//! month, glossary notes in `tolk terms`, and `--watch`.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::{Repo, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

/// The seed with every state a row can show: reviewed, translated, stale
/// and draft.
fn mixed_seed() -> Repo {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &[
            "kicker",
            "title",
            "p1",
            "p2",
            "p3",
            "q1",
            "a1",
            "--as",
            "translated",
            "--by",
            "Patricia Heikkilä",
        ],
    );
    repo.mark(
        SLUG,
        &["q1", "a1", "--as", "reviewed", "--by", "Eeva Editor"],
    );
    repo.edit("fi.txt", "vuoden 2023 alusta", "vuoden 2024 alusta");
    repo
}

/// `text` without its ANSI escape sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn run(repo: &Repo, columns: &str, args: &[&str]) -> String {
    let out = repo
        .tolk()
        .env("COLUMNS", columns)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The character columns where each header word starts.
fn starts(header: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|name| {
            let at = header
                .find(&format!(" {name} "))
                .or_else(|| header.rfind(&format!(" {name}")))
                .unwrap_or_else(|| panic!("{name} not in {header:?}"));
            header[..at + 1].chars().count()
        })
        .collect()
}

#[test]
fn coloured_status_table_lines_up_as_the_plain_one() {
    let repo = mixed_seed();
    let today = jiff::Zoned::now().date().to_string();
    for columns in ["80", "120"] {
        let raw = run(&repo, columns, &["--color", "always", "status", SLUG]);
        assert!(raw.contains("\u{1b}["), "colour was forced on:\n{raw}");
        let plain = strip_ansi(&raw);
        // Colour changes nothing but the colour.
        assert_eq!(
            plain,
            run(&repo, columns, &["--color", "never", "status", SLUG])
        );
        // Every row's `by` starts under the header's `by`, whatever colour
        // the state before it has, and every row ends at the same column
        // (`words` is right-aligned).
        let lines: Vec<&str> = plain.lines().collect();
        let header = lines.iter().position(|l| l.contains(" state ")).unwrap();
        let by = starts(lines[header], &["by"])[0];
        let rows = &lines[header + 2..header + 2 + 17];
        let width = rows[0].chars().count();
        for row in rows {
            assert_eq!(row.chars().count(), width, "{row:?}\n{plain}");
            let before: String = row.chars().take(by).collect();
            let state = before.split_whitespace().nth(2).unwrap();
            let rest: String = row.chars().skip(by).collect();
            if state.starts_with("translated") || state.starts_with("reviewed") {
                assert!(
                    rest.starts_with("Patricia") || rest.starts_with("Eeva"),
                    "{row:?}\n{plain}"
                );
            }
        }
        let name = format!("status_colour_{columns}");
        insta::assert_snapshot!(name, plain.replace(&today, "YYYY-MM-DD"));
    }
}

#[test]
fn coloured_side_by_side_diff_splits_no_more_words_than_the_plain_one() {
    let repo = mixed_seed();
    for columns in ["80", "120"] {
        let raw = run(
            &repo,
            columns,
            &["--color", "always", "diff", SLUG, "--all"],
        );
        assert!(raw.contains("\u{1b}["));
        let plain = strip_ansi(&raw);
        assert_eq!(
            plain,
            run(&repo, columns, &["--color", "never", "diff", SLUG, "--all"])
        );
        // The state column is as wide as its widest word, not wider.
        let header = plain.lines().find(|l| l.contains("Finnish")).unwrap();
        let [state, finnish] = starts(header, &["state", "Finnish"])[..] else {
            unreachable!()
        };
        assert!(
            finnish - state <= "translated".len() + 3,
            "state column too wide:\n{plain}"
        );
        // The title keeps its long word whole at 80 columns.
        assert!(plain.contains("hyvinvointikoordinaattori"), "{plain}");
    }
}

#[test]
fn word_diff_keeps_its_markers_with_colour() {
    let repo = mixed_seed();
    let mark = |text: &str| {
        let lines: Vec<String> = text
            .lines()
            .filter(|l| l.contains("2024"))
            .map(String::from)
            .collect();
        lines.join("\n")
    };
    let raw = run(&repo, "80", &["--color", "always", "diff", SLUG]);
    // Readable without telling red from green: the markers stay, coloured.
    assert!(raw.contains("\u{1b}["), "{raw}");
    assert!(
        strip_ansi(&mark(&raw)).contains("[-2023-]{+2024+}"),
        "{raw}"
    );
    let plain = run(&repo, "80", &["--color", "never", "diff", SLUG]);
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("[-2023-]{+2024+}"), "{plain}");
}

#[test]
fn term_dumb_means_no_colour_and_doctor_says_why() {
    let repo = mixed_seed();
    let doctor = |cmd: &mut assert_cmd::Command| {
        let out = cmd.output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Auto with TERM=dumb: no colour, and doctor names the reason.
    let said = doctor(repo.tolk().env("TERM", "dumb").arg("doctor"));
    assert!(said.contains("colour      off (TERM=dumb)"), "{said}");
    repo.tolk()
        .env("TERM", "dumb")
        .args(["status", SLUG])
        .assert()
        .stdout(contains("\u{1b}").not());
    // `--color always` wins over TERM=dumb.
    repo.tolk()
        .env("TERM", "dumb")
        .args(["--color", "always", "status", SLUG])
        .assert()
        .stdout(contains("\u{1b}["));
    // Another terminal type is no reason to leave colour off.
    let said = doctor(repo.tolk().env("TERM", "xterm-256color").arg("doctor"));
    assert!(!said.contains("TERM=dumb"), "{said}");
    assert!(said.contains("stdout is not a terminal"), "{said}");
}

/// The seed translated by Patricia (p1 in October), q1 and a1 reviewed by
/// Eeva in November.
fn dated_seed() -> Repo {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo.mark(
        SLUG,
        &["q1", "a1", "--as", "reviewed", "--by", "Eeva Editor"],
    );
    let file = repo.article("status.toml");
    let mut text = repo.read(&file);
    let today = jiff::Zoned::now().date().to_string();
    text = text.replace(&format!("at = \"{today}\""), "at = \"2026-11-20\"");
    let p1 = text.find("[segments.p1]").unwrap();
    let at = p1 + text[p1..].find("2026-11-20").unwrap();
    text.replace_range(at..at + 10, "2026-10-05");
    repo.write(&file, text);
    repo
}

fn credits(repo: &Repo, args: &[&str]) -> serde_json::Value {
    common::json(
        repo.tolk()
            .arg("credits")
            .args(args)
            .args(["--format", "json"]),
    )
}

#[test]
fn credits_count_the_work_of_a_period() {
    let repo = dated_seed();
    // Everything: as before.
    let all = credits(&repo, &[]);
    assert_eq!(all["people"][1]["segments"], 17, "{all}");
    assert_eq!(all["people"][1]["words"], 401);
    // November: p1 (24 words) was translated in October.
    let nov = credits(&repo, &["--since", "2026-11-01", "--until", "2026-11-30"]);
    assert_eq!(nov["since"], "2026-11-01");
    let people = nov["people"].as_array().unwrap();
    assert_eq!(people.len(), 2, "{nov}");
    assert_eq!(people[0]["name"], "Eeva Editor");
    assert_eq!(people[0]["role"], "reviewer");
    assert_eq!(people[0]["words"], 6 + 43);
    assert_eq!(people[1]["segments"], 16);
    assert_eq!(people[1]["words"], 401 - 24);
    // Both ends count.
    let oct = credits(&repo, &["--since", "2026-10-05", "--until", "2026-10-05"]);
    let people = oct["people"].as_array().unwrap();
    assert_eq!(people.len(), 1, "{oct}");
    assert_eq!(people[0]["name"], "Patricia Heikkilä");
    assert_eq!(people[0]["words"], 24);
    assert_eq!(people[0]["credited"], 1);
    // A period with no work.
    repo.tolk()
        .args(["credits", "--since", "2027-01-01"])
        .assert()
        .success()
        .stdout(contains("work marked since 2027-01-01").and(contains("nobody marked")));
}

#[test]
fn credits_by_month_give_a_row_per_person_role_and_month() {
    let repo = dated_seed();
    let doc = credits(&repo, &["--by-month"]);
    let rows: Vec<(String, String, String, u64)> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["month"].as_str().unwrap().to_string(),
                p["role"].as_str().unwrap().to_string(),
                p["words"].as_u64().unwrap(),
            )
        })
        .collect();
    let row = |n: &str, m: &str, r: &str, w: u64| (n.into(), m.into(), r.into(), w);
    assert_eq!(
        rows,
        vec![
            row("Eeva Editor", "2026-11", "reviewer", 49),
            row("Patricia Heikkilä", "2026-10", "translator", 24),
            row("Patricia Heikkilä", "2026-11", "translator", 401 - 24),
        ]
    );
    let human = run(&repo, "80", &["credits", "--by-month"]);
    assert!(human.lines().next().unwrap().contains("month"), "{human}");
    assert!(human.lines().all(|l| l.chars().count() <= 80), "{human}");
    // Without --by-month there is no month.
    let doc = credits(&repo, &[]);
    assert!(doc["people"][0].get("month").is_none(), "{doc}");
}

#[test]
fn credits_refuse_a_date_that_is_not_rfc3339() {
    let repo = dated_seed();
    for bad in ["1.11.2026", "2026-11-1", "2026-13-01", "november"] {
        repo.tolk()
            .args(["credits", "--since", bad])
            .assert()
            .code(2)
            .stderr(contains("YYYY-MM-DD").and(contains("--since")));
    }
    repo.tolk()
        .args(["credits", "--since", "2026-12-01", "--until", "2026-11-01"])
        .assert()
        .code(2)
        .stderr(contains("after --until"));
    repo.tolk()
        .args(["credits", "--help"])
        .assert()
        .success()
        .stdout(contains("credited").and(contains("ÖVERSÄTTNING")));
}

const GLOSSARY: &str = r#"
[[term]]
fi = "Kauniainen"
sv = "Grankulla"
note = "The town's official Swedish name; Kauniainen is bilingual with a Swedish-speaking majority, and the magazine always uses the Swedish name in Swedish text."

[[term]]
fi = "hyvinvointikoordinaattori"
sv = "välfärdskoordinator"
"#;

#[test]
fn terms_show_glossary_notes_wrapped_at_the_width() {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    let text = "Kauniaisten uusi hyvinvointikoordinaattori";
    for columns in ["80", "120"] {
        let out = run(&repo, columns, &["terms", text, "--lang", "fi"]);
        let width: usize = columns.parse().unwrap();
        assert!(out.lines().all(|l| l.chars().count() <= width), "{out}");
        // Every word of the note is there, the terms are not split.
        let words: Vec<&str> = out.split_whitespace().collect();
        for w in ["official", "speaking", "magazine", "text."] {
            assert!(out.contains(w), "{w} missing:\n{out}");
        }
        assert!(words.contains(&"hyvinvointikoordinaattori"), "{out}");
    }
    let wide = run(&repo, "120", &["terms", text, "--lang", "fi"]);
    assert!(wide.lines().next().unwrap().contains("note"), "{wide}");
    // No term with a note, no note column.
    let out = run(
        &repo,
        "80",
        &["terms", "hyvinvointikoordinaattori", "--lang", "fi"],
    );
    assert!(!out.contains("note"), "{out}");
}

/// `tolk ARGS --watch` in the repository, its stdout read line by line.
struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    fn start(repo: &Repo, args: &[&str]) -> Watching {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("tolk"))
            .current_dir(repo.root())
            .env("COLUMNS", "80")
            .env_remove("NO_COLOR")
            .env("HOME", repo.root())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines }
    }

    /// The lines up to and including the first that satisfies `done`.
    fn until(&self, done: impl Fn(&str) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let stop = done(&line);
                    seen.push(line);
                    if stop {
                        return seen;
                    }
                }
                Err(_) => panic!("no such line within 30 s; got:\n{}", seen.join("\n")),
            }
        }
    }

    /// Ctrl-C, and the exit status.
    fn interrupt(mut self) -> std::process::ExitStatus {
        Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                self.child.kill().unwrap();
                panic!("tolk did not quit on Ctrl-C");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn summary(line: &str) -> bool {
    line.contains(" checked")
}

#[test]
#[cfg(unix)] // Ctrl-C is sent with kill(1)
fn check_watch_runs_again_when_an_article_file_is_saved() {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let watch = Watching::start(&repo, &["check", "--watch", "--format", "concise"]);
    let first = watch.until(summary);
    assert!(first.iter().all(|l| !l.contains("stale")), "{first:?}");
    // A file that is no article's does not count: the next run names only
    // the saved fi.txt.
    repo.write(&format!("articles/{SLUG}/notes.md"), "muistiinpanoja");
    std::thread::sleep(Duration::from_millis(500));
    repo.edit("fi.txt", "vuoden 2023 alusta", "vuoden 2024 alusta");
    let again = watch.until(summary);
    assert_eq!(
        again[0],
        format!("──── changed: articles/{SLUG}/fi.txt ────"),
        "{again:?}"
    );
    assert!(again.iter().any(|l| l.contains("[stale]")), "{again:?}");
    // A broken glossary is said on stderr; the watch goes on.
    repo.write("glossary.toml", "[[term]\n");
    watch.until(|l| l.contains("changed: glossary.toml"));
    repo.write("glossary.toml", GLOSSARY);
    watch.until(|l| l.contains("changed: glossary.toml"));
    watch.until(summary);
    let status = watch.interrupt();
    assert!(status.success(), "{status:?}");
}

#[test]
#[cfg(unix)] // Ctrl-C is sent with kill(1)
fn status_watch_shows_a_new_mark() {
    let repo = Repo::seed();
    let watch = Watching::start(&repo, &["status", SLUG, "--watch"]);
    let first = watch.until(|l| l.contains(" a6 "));
    assert!(first.iter().any(|l| l.contains("draft 17")), "{first:?}");
    repo.mark(
        SLUG,
        &["q1", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let again = watch.until(|l| l.contains("translated 1"));
    assert!(
        again
            .iter()
            .any(|l| l.contains("changed: articles/") && l.contains("status.toml")),
        "{again:?}"
    );
    assert!(watch.interrupt().success());
}

#[test]
fn without_watch_status_runs_once() {
    let repo = Repo::seed();
    // Returns at once, no separator, no clearing.
    let out = run(&repo, "80", &["status", SLUG]);
    assert!(!out.contains("────  changed"), "{out}");
    assert!(!out.contains("\u{1b}[2J"), "{out}");
}
