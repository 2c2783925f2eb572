//! `tolk words`: the project's own words (`words.txt` at the root), which
//! the `spelling` rule accepts: `add` for the translator who knows a word
//! is right, `list` to see them.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::checks::spelling::WORDS_FILE;
use crate::session::Session;

#[derive(Debug, Serialize)]
pub struct WordsReport {
    /// `words.txt`, from the root.
    pub file: String,
    /// Every word of the list, in its order.
    pub words: Vec<String>,
    /// Words `add` wrote.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// Words `add` was given that the list already had (any letter case).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub already: Vec<String>,
}

/// `tolk words list`.
pub fn list(session: &Session) -> Result<WordsReport> {
    let repo = session.repo()?;
    let path = repo.root.join(WORDS_FILE);
    let text = read(&path, &repo.display(&path))?;
    Ok(WordsReport {
        file: repo.display(&path),
        words: List::parse(&text).words(),
        added: Vec::new(),
        already: Vec::new(),
    })
}

/// `tolk words add WORD…`: the words, sorted in, each once.
pub fn add(session: &Session, words: &[String]) -> Result<WordsReport> {
    for w in words {
        if w.trim().is_empty() || w.chars().any(|c| c.is_whitespace() || c == '#') {
            bail!("`{w}` is not a word: one word, without spaces or `#`, each");
        }
    }
    let repo = session.repo()?;
    let path = repo.root.join(WORDS_FILE);
    let shown = repo.display(&path);
    let mut list = List::parse(&read(&path, &shown)?);
    let (mut added, mut already) = (Vec::new(), Vec::new());
    for w in words {
        let w = w.trim();
        if list.has(w) {
            already.push(w.to_string());
        } else {
            list.insert(w);
            added.push(w.to_string());
        }
    }
    if !added.is_empty() {
        crate::repo::write_atomic(&path, list.render().as_bytes(), &shown)?;
    }
    Ok(WordsReport {
        file: shown,
        words: list.words(),
        added,
        already,
    })
}

fn read(path: &std::path::Path, shown: &str) -> Result<String> {
    if !path.exists() {
        return Ok(String::new());
    }
    Ok(crate::repo::read_text(path, shown)?)
}

/// `words.txt` as lines: a head of comments and blank lines, kept first,
/// then entries, each a word line with the comment lines above it.
#[derive(Debug, Default)]
struct List {
    head: Vec<String>,
    entries: Vec<Entry>,
    /// Comment lines after the last word.
    tail: Vec<String>,
}

#[derive(Debug)]
struct Entry {
    comments: Vec<String>,
    line: String,
}

impl Entry {
    fn word(&self) -> &str {
        self.line.split('#').next().unwrap_or("").trim()
    }
}

/// Sorts as a Swedish word list does: å, ä, ö after z.
fn sort_key(word: &str) -> Vec<u32> {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            c => c as u32,
        })
        .collect()
}

impl List {
    fn parse(text: &str) -> List {
        let mut list = List::default();
        let mut pending: Vec<String> = Vec::new();
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if word.is_empty() {
                pending.push(line.to_string());
            } else if list.entries.is_empty() && list.head.is_empty() {
                // Comments directly above the first word are the head
                // when a blank line ends them, else the word's own.
                match pending.iter().rposition(|l| l.trim().is_empty()) {
                    Some(blank) => {
                        let own = pending.split_off(blank + 1);
                        list.head = std::mem::take(&mut pending);
                        list.entries.push(Entry {
                            comments: own,
                            line: line.trim_end().to_string(),
                        });
                    }
                    None => list.entries.push(Entry {
                        comments: std::mem::take(&mut pending),
                        line: line.trim_end().to_string(),
                    }),
                }
            } else {
                list.entries.push(Entry {
                    comments: std::mem::take(&mut pending)
                        .into_iter()
                        .filter(|l| !l.trim().is_empty())
                        .collect(),
                    line: line.trim_end().to_string(),
                });
            }
        }
        if list.entries.is_empty() {
            list.head = pending;
        } else {
            list.tail = pending
                .into_iter()
                .filter(|l| !l.trim().is_empty())
                .collect();
        }
        list
    }

    fn has(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.entries
            .iter()
            .any(|e| e.word().to_lowercase() == lower)
    }

    fn insert(&mut self, word: &str) {
        let key = sort_key(word);
        let at = self
            .entries
            .iter()
            .position(|e| sort_key(e.word()) > key)
            .unwrap_or(self.entries.len());
        self.entries.insert(
            at,
            Entry {
                comments: Vec::new(),
                line: word.to_string(),
            },
        );
    }

    fn words(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.word().to_string()).collect()
    }

    fn render(&self) -> String {
        let mut out = String::new();
        let lines = self
            .head
            .iter()
            .chain(
                self.entries
                    .iter()
                    .flat_map(|e| e.comments.iter().chain([&e.line])),
            )
            .chain(&self.tail);
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_in_sorted_and_comments_stay() {
        let text = "# Words the dictionary lacks.\n\nbudgetrunda\n# a finlandism\nuppgörandet\n";
        let mut list = List::parse(text);
        assert_eq!(list.words(), ["budgetrunda", "uppgörandet"]);
        assert!(list.has("Budgetrunda"));
        list.insert("ärendeberedare");
        list.insert("Grankulla");
        list.insert("aktör");
        assert_eq!(
            list.render(),
            "# Words the dictionary lacks.\n\naktör\nbudgetrunda\nGrankulla\n\
             # a finlandism\nuppgörandet\närendeberedare\n"
        );
    }

    #[test]
    fn an_empty_list_takes_words() {
        let mut list = List::parse("");
        list.insert("kl");
        assert_eq!(list.render(), "kl\n");
        let mut list = List::parse("# only a comment\n");
        list.insert("kl");
        assert_eq!(list.render(), "# only a comment\nkl\n");
    }
}
