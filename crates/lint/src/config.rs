//! Lint configuration: per-rule severities, read from the `[lint]` table of
//! `shale.toml` (`[lint.rules]` then `rule-name = "error" | "warning" | "off"`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::rule::{Rule, Severity};

/// The `[lint]` table of `shale.toml`. Every key is optional; a rule not
/// listed keeps its [default severity](Rule::default_severity). An unknown
/// rule name fails deserialization with a message that lists the valid
/// names and suggests the closest one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LintConfig {
    /// Severity overrides by rule.
    pub rules: BTreeMap<Rule, Severity>,
}

impl LintConfig {
    /// The severity a rule's findings get.
    pub fn severity(&self, rule: Rule) -> Severity {
        self.rules
            .get(&rule)
            .copied()
            .unwrap_or_else(|| rule.default_severity())
    }

    /// This configuration with one rule's severity set.
    pub fn with(mut self, rule: Rule, severity: Severity) -> LintConfig {
        self.rules.insert(rule, severity);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct File {
        lint: LintConfig,
    }

    #[test]
    fn reads_the_lint_table() {
        let file: File = toml::from_str(
            "[lint.rules]\nmissing-lock-timeout = \"off\"\ndropping-column = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(file.lint.severity(Rule::MissingLockTimeout), Severity::Off);
        assert_eq!(file.lint.severity(Rule::DroppingColumn), Severity::Warning);
        assert_eq!(file.lint.severity(Rule::DroppingTable), Severity::Error);
        let empty: File = toml::from_str("[lint]\n").unwrap();
        assert_eq!(empty.lint, LintConfig::default());
    }

    #[test]
    fn unknown_names_and_severities_are_errors() {
        let err = toml::from_str::<File>("[lint.rules]\nmissing-lock-timout = \"off\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "unknown lint rule `missing-lock-timout` (did you mean `missing-lock-timeout`?)"
            ),
            "{err}"
        );
        assert!(
            err.contains("valid rules: syntax, adding-not-null-column"),
            "{err}"
        );
        let err = toml::from_str::<File>("[lint.rules]\ndropping-table = \"fatal\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant `fatal`"), "{err}");
        let err = toml::from_str::<File>("[lint]\nrule = {}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `rule`"), "{err}");
    }
}
