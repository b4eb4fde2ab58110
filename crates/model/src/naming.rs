//! Names PostgreSQL would choose for unnamed constraints and indexes.
//!
//! shale always writes names explicitly, but picks the ones PostgreSQL itself
//! would have picked (`makeObjectName` in `src/backend/commands/indexcmds.c`),
//! so that objects created by hand or by other tools compare equal, and names
//! longer than 63 bytes are truncated the way PostgreSQL truncates them.

/// PostgreSQL's identifier limit in bytes (`NAMEDATALEN - 1`).
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// `<table>_pkey`.
pub fn primary_key(table: &str) -> String {
    make_object_name(table, None, "pkey")
}

/// `<table>_<col>_<col>_key`.
pub fn unique(table: &str, columns: &[impl AsRef<str>]) -> String {
    make_object_name(table, Some(&join(columns)), "key")
}

/// `<table>_<col>_<col>_fkey`.
pub fn foreign_key(table: &str, columns: &[impl AsRef<str>]) -> String {
    make_object_name(table, Some(&join(columns)), "fkey")
}

/// `<table>_<col>_check` for a column check, `<table>_check` for a table check.
pub fn check(table: &str, column: Option<&str>) -> String {
    make_object_name(table, column, "check")
}

/// `<table>_<col>_<col>_idx`; expression keys count as `expr`.
pub fn index(table: &str, keys: &[impl AsRef<str>]) -> String {
    make_object_name(table, Some(&join(keys)), "idx")
}

/// `<table>_<col>_<col>_excl` for an exclusion constraint; expression
/// elements count as `expr`, as for indexes.
pub fn exclusion(table: &str, keys: &[impl AsRef<str>]) -> String {
    make_object_name(table, Some(&join(keys)), "excl")
}

/// `<table>_<col>_seq`, the sequence behind a serial column.
pub fn serial_sequence(table: &str, column: &str) -> String {
    make_object_name(table, Some(column), "seq")
}

fn join(parts: &[impl AsRef<str>]) -> String {
    parts
        .iter()
        .map(|p| p.as_ref())
        .collect::<Vec<_>>()
        .join("_")
}

/// `name1[_name2]_label`, shortening the longer of `name1` and `name2` one
/// character at a time until the whole fits in 63 bytes, like PostgreSQL.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let overhead =
        if label.is_empty() { 0 } else { label.len() + 1 } + if name2.is_some() { 1 } else { 0 };
    let avail = MAX_IDENTIFIER_BYTES.saturating_sub(overhead);
    let mut n1 = name1.len();
    let mut n2 = name2.map_or(0, str::len);
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let mut out = String::with_capacity(MAX_IDENTIFIER_BYTES);
    out.push_str(clip(name1, n1));
    if let Some(n) = name2 {
        out.push('_');
        out.push_str(clip(n, n2));
    }
    if !label.is_empty() {
        out.push('_');
        out.push_str(label);
    }
    out
}

/// The longest prefix of `s` of at most `bytes` bytes that ends on a char boundary.
fn clip(s: &str, bytes: usize) -> &str {
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Truncates an identifier to 63 bytes as PostgreSQL does when it is written.
pub fn truncate_identifier(name: &str) -> &str {
    clip(name, MAX_IDENTIFIER_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_postgres_defaults() {
        assert_eq!(primary_key("users"), "users_pkey");
        assert_eq!(
            unique("users", &["org_id", "handle"]),
            "users_org_id_handle_key"
        );
        assert_eq!(foreign_key("posts", &["author_id"]), "posts_author_id_fkey");
        assert_eq!(check("users", Some("age")), "users_age_check");
        assert_eq!(index("users", &["email"]), "users_email_idx");
        assert_eq!(serial_sequence("users", "id"), "users_id_seq");
    }

    #[test]
    fn long_names_are_truncated_like_postgres() {
        let table = "a".repeat(40);
        let col = "b".repeat(40);
        let name = foreign_key(&table, &[&col]);
        assert_eq!(name.len(), 63);
        // 63 - len("_fkey") - 1 = 57 bytes shared, the longer shortened first.
        assert_eq!(name, format!("{}_{}_fkey", "a".repeat(29), "b".repeat(28)));
    }
}
