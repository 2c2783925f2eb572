//! `tolk rules [RULE]`: the rule registry, for people deciding what to
//! select, ignore or waive.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::RulesArgs;
use crate::rules::{Rule, RuleDoc};

#[derive(Debug, Serialize)]
pub struct RulesReport {
    /// Every rule, or the one asked about.
    pub rules: Vec<RuleDoc>,
    /// Whether one rule was asked about (then it is explained in full).
    pub one: bool,
}

pub fn run(args: &RulesArgs) -> Result<RulesReport> {
    let Some(name) = &args.rule else {
        return Ok(RulesReport {
            rules: Rule::ALL.iter().map(|r| r.doc()).collect(),
            one: false,
        });
    };
    let Some(rule) = Rule::from_code(name) else {
        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        bail!("no rule `{name}`; the rules are {}", known.join(", "));
    };
    Ok(RulesReport {
        rules: vec![rule.doc()],
        one: true,
    })
}
