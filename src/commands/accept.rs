//! `tolk accept`: waive one finding on purpose, with a reason (DESIGN §7).
//! The waiver is stored in the segment's table of `status.toml`, with who,
//! when, why and fingerprints of both texts; `check` stays quiet about the
//! finding until either text changes. Also `--list` and `--remove`.

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::article::Article;
use std::sync::OnceLock;

use crate::checks::spelling::Speller;
use crate::checks::{Rule, check_article_with};
use crate::cli::AcceptArgs;
use crate::commands::mark::{today, who};
use crate::config::known_rules;
use crate::glossary::Matcher;
use crate::select;
use crate::session::{ArticleError, Session, Spelling};
use crate::status::Waiver;
use crate::waive::{all_fingerprints, fingerprints, placed, rehome, segment_texts, subject};

#[derive(Debug, Serialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum AcceptReport {
    /// A waiver recorded (or renewed).
    Accepted {
        article: String,
        segment: String,
        rule: Rule,
        reason: String,
        by: String,
        at: String,
        /// There was a waiver of this rule on this segment already.
        replaced: bool,
        /// What the waived finding says now.
        finding: String,
        /// How the name given became the name recorded, for stderr.
        #[serde(skip)]
        person: Option<String>,
    },
    Removed {
        article: String,
        segment: String,
        rule: Rule,
    },
    List {
        waivers: Vec<Listed>,
        #[serde(skip)]
        errors: Vec<ArticleError>,
    },
}

/// One waiver, and whether it still does anything.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub article: String,
    pub segment: String,
    pub rule: Rule,
    pub reason: String,
    pub by: String,
    pub at: String,
    pub status: WaiverStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WaiverStatus {
    /// It keeps a finding quiet.
    Active,
    /// A text changed since: the finding is reported again.
    Outdated,
    /// The rule no longer fires there (or the segment is gone): it can be
    /// removed.
    Unused,
}

impl WaiverStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WaiverStatus::Active => "active",
            WaiverStatus::Outdated => "outdated",
            WaiverStatus::Unused => "unused",
        }
    }
}

pub fn run(args: &AcceptArgs, session: &Session) -> Result<AcceptReport> {
    if args.list {
        return list(args, session);
    }
    let (Some(slug), Some(spec), Some(code)) = (&args.slug, &args.segment, &args.rule) else {
        bail!(
            "name the finding: `tolk accept SLUG SEGMENT RULE --reason \"…\"` (or `--list`); \
             the segment and rule are those `tolk check` prints"
        );
    };
    let rule = Rule::from_code(code).with_context(|| {
        let guess = crate::config::closest_rule(code)
            .map(|r| format!(" (did you mean `{r}`?)"))
            .unwrap_or_default();
        format!("no rule `{code}`{guess}; the rules are {}", known_rules())
    })?;
    if matches!(rule, Rule::Invalid | Rule::Publish) {
        bail!(
            "`{rule}` cannot be waived: {}",
            if rule == Rule::Invalid {
                "a file tolk cannot read must be fixed"
            } else {
                "the publish gate passes when the segments are reviewed"
            }
        );
    }
    let repo = session.repo()?;
    select::require_article(repo, slug)?;
    let article = session.article(slug)?;
    if args.remove {
        // A segment of the article, or the key of a waiver whose segment
        // is gone (`--list` shows it `unused`).
        let id = match select::one(&article, spec) {
            Ok(id) => id,
            Err(_) if article.status.waivers.contains_key(spec.as_str()) => spec.clone(),
            Err(e) => bail!("{e}; see `tolk segments {slug}`"),
        };
        // The segment as `--list` and `check` name it now: when ids
        // shifted, records and waivers follow their texts first (as
        // accepting does), so the waiver listed on `p4` is removed as `p4`.
        let ids: Vec<&str> = article.fi.segments.iter().map(|s| s.id.as_str()).collect();
        let prints = all_fingerprints(&article);
        let removed = crate::status::update(repo, &article.slug, |status| {
            status.rename(&crate::article::moved_records(&article.fi, status))?;
            rehome(status, &ids, &prints)?;
            status.remove_waiver(&id, rule)
        })?;
        if !removed {
            bail!("`{slug}` has no waiver of `{rule}` on `{id}`; see `tolk accept --list {slug}`");
        }
        return Ok(AcceptReport::Removed {
            article: article.slug,
            segment: id,
            rule,
        });
    }
    // `Q6`, `6`: the segment as people name it (see `select`).
    let id = &select::one(&article, spec)
        .map_err(|e| anyhow::anyhow!("{e}; see `tolk segments {slug}`"))?;
    if segment_texts(&article, id).is_none() {
        let known: Vec<&str> = article.fi.segments.iter().map(|s| s.id.as_str()).collect();
        bail!(
            "no segment `{id}` in `{slug}` (its ids: {}); see `tolk segments {slug}`",
            known.join(" ")
        );
    }
    let reason = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .context("say why with --reason \"…\": the next editor reads it")?;
    if rule == Rule::Inconsistent {
        bail!(
            "`inconsistent` compares `{slug}` with the other articles, so it is not accepted on one \
             segment: translate the sentence as the other articles do, or leave the rule out \
             (`--ignore inconsistent`)"
        );
    }
    let terms = session.terms()?;
    // The dictionary only for the rule that needs it.
    let spelling = if rule == Rule::Spelling {
        session.spelling()?
    } else {
        Default::default()
    };
    // A rule that cannot run here reports nothing anywhere: say why,
    // rather than that this segment has nothing to accept.
    let cannot_run = match rule {
        Rule::Spelling => spelling.note.as_deref(),
        Rule::GlossaryAvoid | Rule::GlossaryMissing => terms.note.as_deref(),
        _ => None,
    };
    if let Some(why) = cannot_run {
        bail!("`{rule}` cannot run here ({why}), so there is nothing of it to accept");
    }
    let findings = check_article_with(
        &article,
        terms.matcher.as_ref(),
        spelling.speller.as_ref(),
        None,
    );
    let Some(finding) = findings
        .iter()
        .find(|f| f.segment.as_deref() == Some(id.as_str()) && f.rule == rule)
    else {
        let mut there: Vec<String> = findings
            .iter()
            .filter(|f| f.segment.as_deref() == Some(id.as_str()))
            .map(|f| f.rule.code().to_string())
            .collect();
        there.dedup();
        let there = if there.is_empty() {
            "no rule reports anything there".to_string()
        } else {
            format!("it has: {}", there.join(", "))
        };
        bail!(
            "`{rule}` reports nothing on `{id}` of `{slug}`, so there is nothing to accept ({there})"
        );
    };
    let person = who(args.by.as_deref(), repo, &article)?;
    let by = person.name.clone();
    let at = today();
    let (fi_hash, sv_hash) = fingerprints(&article, id).expect("the segment exists");
    // The words of every finding of the rule there now: a later finding
    // about other words is not covered.
    let mut words: Vec<String> = findings
        .iter()
        .filter(|f| f.segment.as_deref() == Some(id.as_str()) && f.rule == rule)
        .filter_map(subject)
        .collect();
    words.sort();
    words.dedup();
    let waiver = Waiver {
        reason: reason.to_string(),
        by: by.clone(),
        at: at.clone(),
        fi_hash,
        sv_hash,
        words,
    };
    let ids: Vec<&str> = article.fi.segments.iter().map(|s| s.id.as_str()).collect();
    let prints = all_fingerprints(&article);
    let replaced = crate::status::update(repo, &article.slug, |status| {
        // Records follow their text (as `mark` does), and waivers theirs:
        // when ids shifted, move them first, so the new waiver neither
        // lands on nor replaces one that belongs to a moved text.
        status.rename(&crate::article::moved_records(&article.fi, status))?;
        rehome(status, &ids, &prints)?;
        let replaced = status.waiver(id, rule).is_some();
        status.set_waiver(id, rule, waiver)?;
        Ok(replaced)
    })?;
    Ok(AcceptReport::Accepted {
        article: article.slug.clone(),
        segment: id.to_string(),
        rule,
        reason: reason.to_string(),
        by,
        at,
        replaced,
        finding: finding.message.clone(),
        person: person.note(),
    })
}

/// The waivers of one article, each with what it does now.
/// `speller`: the dictionary, asked for only by an article with a
/// `spelling` waiver.
fn listed<'s>(
    article: &Article,
    matcher: Option<&Matcher>,
    speller: impl FnOnce() -> Option<&'s Speller>,
) -> Vec<Listed> {
    if article.status.waivers.is_empty() {
        return Vec::new();
    }
    let spelled = placed(article)
        .values()
        .any(|rules| rules.iter().any(|(rule, _)| *rule == Rule::Spelling));
    let speller = if spelled { speller() } else { None };
    let findings = check_article_with(article, matcher, speller, None);
    let mut out = Vec::new();
    let mut placed: Vec<(String, Vec<(Rule, &Waiver)>)> = placed(article).into_iter().collect();
    placed.sort_by_key(|(id, _)| {
        article
            .fi
            .segments
            .iter()
            .position(|s| &s.id == id)
            .unwrap_or(usize::MAX)
    });
    for (id, rules) in &placed {
        let now = fingerprints(article, id);
        for &(rule, w) in rules {
            let rule = &rule;
            let fires = findings.iter().any(|f| {
                f.rule == *rule
                    && f.segment.as_deref() == Some(id.as_str())
                    && (w.words.is_empty() || subject(f).is_none_or(|s| w.words.contains(&s)))
            });
            let same = now
                .as_ref()
                .is_some_and(|(fi, sv)| *fi == w.fi_hash && *sv == w.sv_hash);
            let status = match (fires, same) {
                (false, _) => WaiverStatus::Unused,
                (true, true) => WaiverStatus::Active,
                (true, false) => WaiverStatus::Outdated,
            };
            out.push(Listed {
                article: article.slug.clone(),
                segment: id.clone(),
                rule: *rule,
                reason: w.reason.clone(),
                by: w.by.clone(),
                at: w.at.clone(),
                status,
            });
        }
    }
    out
}

fn list(args: &AcceptArgs, session: &Session) -> Result<AcceptReport> {
    let named: Vec<String> = args.slug.iter().cloned().collect();
    let selection = session.select(&named)?;
    let terms = session.terms()?;
    let matcher = terms.matcher.as_ref();
    // Read once, by the first article that needs it.
    let spelling: OnceLock<Spelling> = OnceLock::new();
    let speller = || {
        spelling
            .get_or_init(|| session.spelling().unwrap_or_default())
            .speller
            .as_ref()
    };
    let (per_article, mut errors) = session.map_articles(&selection.slugs, |article| {
        listed(article, matcher, speller)
    })?;
    errors.extend(selection.misnamed.iter().map(ArticleError::misnamed));
    Ok(AcceptReport::List {
        waivers: per_article.into_iter().flatten().collect(),
        errors,
    })
}
