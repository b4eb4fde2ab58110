//! Down files: `NNNN_tag.down.sql` beside `NNNN_tag.sql`, the migration's
//! reverse, which `shale rollback` runs to undo it.
//!
//! ```text
//! -- shale:down of 0003_add_billing
//! -- shale:data-loss: table "public"."invoices" is dropped with its rows
//!
//! DROP TABLE "public"."invoices";
//! ```
//!
//! The first line names the migration the file undoes; every
//! `-- shale:data-loss: …` line of the header (the comment lines before the
//! first statement) is a step whose reverse cannot restore data, and
//! `shale rollback` refuses such a file without `--accept-data-loss`. The
//! statements are separated by the breakpoint line, like a migration's.
//!
//! Down files are never journal entries (drizzle's migrator reads only the
//! files its journal names), and `shale.sum` records them like migrations, so
//! an edited down file is detected. A migration without a down file is
//! allowed: it cannot be rolled back.

use crate::sqlfile;

/// The suffix of a down file: `NNNN_tag.down.sql`.
pub const SUFFIX: &str = ".down.sql";

/// The header's first line, before the tag.
pub const HEADER: &str = "-- shale:down of ";

/// The prefix of a data-loss line of the header.
pub const DATA_LOSS: &str = "-- shale:data-loss: ";

/// The down file name of a migration tag.
pub fn file_name(tag: &str) -> String {
    format!("{tag}{SUFFIX}")
}

/// Renders a generated down file: the header naming `tag`, one data-loss
/// line per step whose reverse loses data, a blank line, then the statements
/// joined by the breakpoint line. No statements gives an empty reverse (the
/// migration changed nothing the reverse must undo).
pub fn render(tag: &str, statements: &[String], data_loss: &[String]) -> String {
    let mut out = format!("{HEADER}{tag}\n");
    for line in data_loss {
        out.push_str(DATA_LOSS);
        out.push_str(&line.replace(['\r', '\n'], " "));
        out.push('\n');
    }
    out.push('\n');
    if !statements.is_empty() {
        out.push_str(&sqlfile::render(statements, &[]));
    }
    out
}

/// The down file `generate --custom` writes: the header and a note; the
/// user writes the SQL that undoes the custom migration.
pub fn render_custom(tag: &str) -> String {
    format!(
        "{HEADER}{tag}\n\
         -- Write the SQL that undoes {tag} below, separating statements like in the\n\
         -- migration, then record the file with `shale hash`. List every step whose\n\
         -- reverse cannot restore data in this header as a line starting with\n\
         -- `{}`. Until it holds SQL, `shale rollback` refuses to undo {tag}.\n",
        DATA_LOSS.trim_end()
    )
}

/// A down file as read from the migrations folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownFile {
    /// The file's path.
    pub path: std::path::PathBuf,
    /// Its bytes, as hashed.
    pub bytes: Vec<u8>,
    /// Its text (UTF-8, checked on load).
    pub text: String,
}

impl DownFile {
    /// The statements (breakpoint-separated chunks; comment-only chunks left out).
    pub fn statements(&self) -> Vec<sqlfile::Statement> {
        sqlfile::split(&self.text)
    }

    /// The data-loss lines of the header (their text after the prefix).
    pub fn data_loss(&self) -> Vec<String> {
        data_loss(&self.text)
    }

    /// The tag the first line names, if the file has the header.
    pub fn header_tag(&self) -> Option<&str> {
        header_tag(&self.text)
    }
}

/// The tag a down file's first line names.
pub fn header_tag(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .next()
        .and_then(|l| l.trim_end().strip_prefix(HEADER))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The data-loss lines of a down file's header: the comment lines before
/// its first line of SQL.
pub fn data_loss(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.is_empty() || l.starts_with("--"))
        .filter_map(|l| l.strip_prefix(DATA_LOSS.trim_end()))
        .map(|rest| rest.trim().to_string())
        .filter(|rest| !rest.is_empty())
        .collect()
}

/// The text with its header's first line naming `tag` instead (`shale
/// rebase` renumbers a migration and its down file together). A text without
/// the header is returned unchanged.
pub fn retag(text: &str, tag: &str) -> String {
    match header_tag(text) {
        Some(_) => {
            let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
            format!("{HEADER}{tag}\n{rest}")
        }
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_reads_back_the_header() {
        let text = render(
            "0002_b",
            &["DROP TABLE \"public\".\"a\";".into(), "SELECT 1;".into()],
            &["table a is dropped\nwith its rows".into()],
        );
        assert!(
            text.starts_with(
                "-- shale:down of 0002_b\n-- shale:data-loss: table a is dropped with its rows\n\n"
            ),
            "{text}"
        );
        assert_eq!(header_tag(&text), Some("0002_b"));
        assert_eq!(data_loss(&text), ["table a is dropped with its rows"]);
        let statements = sqlfile::split(&text);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].first_line(), "DROP TABLE \"public\".\"a\";");
        assert_eq!(statements[0].line, 4);
    }

    #[test]
    fn an_empty_reverse_has_no_statements() {
        let text = render("0000_init", &[], &[]);
        assert_eq!(text, "-- shale:down of 0000_init\n\n");
        assert!(sqlfile::split(&text).is_empty());
        assert!(data_loss(&text).is_empty());
    }

    #[test]
    fn the_custom_template_is_comments_only_and_names_no_data_loss() {
        let text = render_custom("0003_custom");
        assert!(sqlfile::split(&text).is_empty(), "{text}");
        assert!(!text.contains(sqlfile::BREAKPOINT), "{text}");
        assert!(data_loss(&text).is_empty(), "{text}");
        assert_eq!(header_tag(&text), Some("0003_custom"));
    }

    #[test]
    fn data_loss_lines_after_the_first_statement_do_not_count() {
        let text =
            "-- shale:down of 0001_a\n\nDROP TABLE a;\n-- shale:data-loss: not a header line\n";
        assert!(data_loss(text).is_empty());
        // Written by hand without the trailing space after the colon.
        assert_eq!(
            data_loss("-- shale:down of x\n-- shale:data-loss:rows go\nSELECT 1;"),
            ["rows go"]
        );
    }

    #[test]
    fn retag_rewrites_only_the_first_line() {
        let text = render("0001_a", &["SELECT 1;".into()], &["x".into()]);
        let moved = retag(&text, "0004_a");
        assert_eq!(header_tag(&moved), Some("0004_a"));
        assert_eq!(data_loss(&moved), ["x"]);
        assert_eq!(retag("SELECT 1;\n", "0004_a"), "SELECT 1;\n");
    }
}
