//! Helpers shared by the parser's integration tests: fixture splitting, a
//! stable dump of the parsed model, and a plain-text diagnostic renderer.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use shale_model::{
    BaseType, Deferrable, ForeignKeyAction, Identity, IndexTarget, NullsOrder, Schema, SortOrder,
};
use shale_parser::{Diagnostic, Parsed, SourceFile};

/// Splits a fixture into files: lines `//- path.rs` start a new file; text
/// before the first marker (or the whole text without markers) is the file
/// named after the fixture.
pub fn split_fixture(name: &str, text: &str) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = vec![SourceFile {
        path: PathBuf::from(name),
        text: String::new(),
    }];
    for line in text.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix("//- ") {
            files.push(SourceFile {
                path: PathBuf::from(path.trim()),
                text: String::new(),
            });
        } else {
            files.last_mut().unwrap().text.push_str(line);
        }
    }
    if files.len() > 1 && files[0].text.trim().is_empty() {
        files.remove(0);
    }
    files
}

/// The fixture files below `dir` (`*.rs`), sorted.
pub fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    paths.sort();
    paths
}

/// Compares `actual` with the file at `path`, or rewrites the file when
/// `SHALE_BLESS=1` is set. Returns a failure description.
pub fn compare(path: &Path, actual: &str) -> Option<String> {
    let bless = std::env::var("SHALE_BLESS").is_ok_and(|v| v == "1");
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    if bless {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return None;
    }
    let diff = similar_lines(&expected, actual);
    Some(format!(
        "{} is out of date (run with SHALE_BLESS=1 to update):\n{diff}",
        path.display()
    ))
}

fn similar_lines(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                let _ = writeln!(
                    out,
                    "line {}:\n  - {}\n  + {}",
                    i + 1,
                    x.unwrap_or(&"<none>"),
                    y.unwrap_or(&"<none>")
                );
            }
        }
    }
    out
}

/// A stable, readable dump of a parsed schema and its rename hints.
pub fn dump(parsed: &Parsed) -> String {
    let mut out = dump_schema(&parsed.schema);
    let r = &parsed.renames;
    if !r.is_empty() {
        out.push_str("renames\n");
        let q = |q: &shale_model::QualifiedName| format!("{}.{}", q.namespace, q.name);
        for (p, n) in &r.tables {
            let _ = writeln!(out, "  table {} -> {}", q(p), q(n));
        }
        for (t, p, n) in &r.columns {
            let _ = writeln!(out, "  column {}: {p} -> {n}", q(t));
        }
        for (p, n) in &r.enums {
            let _ = writeln!(out, "  enum {} -> {}", q(p), q(n));
        }
        for (e, p, n) in &r.enum_values {
            let _ = writeln!(out, "  enum value {}: {p} -> {n}", q(e));
        }
        for (p, n) in &r.sequences {
            let _ = writeln!(out, "  sequence {} -> {}", q(p), q(n));
        }
        for (p, n) in &r.views {
            let _ = writeln!(out, "  view {} -> {}", q(p), q(n));
        }
        for (p, n) in &r.user_types {
            let _ = writeln!(out, "  type {} -> {}", q(p), q(n));
        }
        for (t, p, n) in &r.attributes {
            let _ = writeln!(out, "  attribute {}: {p} -> {n}", q(t));
        }
    }
    out
}

fn comment(out: &mut String, indent: &str, comment: &Option<String>) {
    if let Some(c) = comment {
        let _ = writeln!(out, "{indent}comment {c:?}");
    }
}

fn action(a: ForeignKeyAction) -> &'static str {
    a.as_sql()
}

pub fn dump_schema(schema: &Schema) -> String {
    let mut out = String::new();
    if !schema.namespaces.is_empty() {
        let _ = writeln!(out, "namespaces {}", schema.namespaces.join(", "));
    }
    for e in &schema.enums {
        let _ = writeln!(
            out,
            "enum {}.{} [{}]",
            e.name.namespace,
            e.name.name,
            e.values.join(", ")
        );
        comment(&mut out, "  ", &e.comment);
    }
    for e in &schema.extensions {
        let _ = writeln!(
            out,
            "extension {} schema {:?} version {:?}",
            e.name, e.schema, e.version
        );
    }
    for q in &schema.sequences {
        let _ = writeln!(
            out,
            "sequence {}.{} {} {:?}",
            q.name.namespace,
            q.name.name,
            q.data_type.as_sql(),
            q.options
        );
        if let Some(o) = &q.owned_by {
            let _ = writeln!(
                out,
                "  owned by {}.{}.{}",
                o.table.namespace, o.table.name, o.column
            );
        }
        comment(&mut out, "  ", &q.comment);
    }
    for t in &schema.tables {
        let _ = writeln!(out, "table {}.{}", t.name.namespace, t.name.name);
        comment(&mut out, "  ", &t.comment);
        for c in &t.columns {
            let ty = type_text(&c.ty);
            let _ = write!(
                out,
                "  column {}: {ty}{}",
                c.name,
                if c.nullable { " null" } else { " not null" }
            );
            if let Some(d) = &c.default {
                let _ = write!(out, " default {d:?}");
            }
            match c.identity {
                Some(Identity::Always) => out.push_str(" identity always"),
                Some(Identity::ByDefault) => out.push_str(" identity by default"),
                None => {}
            }
            if !c.identity_options.is_default() {
                let _ = write!(out, " {:?}", c.identity_options);
            }
            if let Some(g) = &c.generated {
                let _ = write!(out, " generated {g:?}");
            }
            if let Some(collation) = &c.collation {
                let _ = write!(out, " collate {collation:?}");
            }
            out.push('\n');
            comment(&mut out, "    ", &c.comment);
            for g in &c.grants {
                let _ = writeln!(
                    out,
                    "    grant {} to {}{}",
                    g.privilege.as_sql(),
                    g.role,
                    if g.grant_option {
                        " with grant option"
                    } else {
                        ""
                    }
                );
            }
        }
        if let Some(pk) = &t.primary_key {
            let _ = writeln!(
                out,
                "  primary key {} ({}){}",
                pk.name,
                pk.columns.join(", "),
                deferrable_text(pk.deferrable)
            );
            comment(&mut out, "    ", &pk.comment);
        }
        for u in &t.uniques {
            let nnd = if u.nulls_not_distinct {
                " nulls not distinct"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  unique {} ({}){nnd}{}",
                u.name,
                u.columns.join(", "),
                deferrable_text(u.deferrable)
            );
            comment(&mut out, "    ", &u.comment);
        }
        for c in &t.checks {
            let no_inherit = if c.no_inherit { " no inherit" } else { "" };
            let not_valid = if c.not_valid { " not valid" } else { "" };
            let _ = writeln!(
                out,
                "  check {} {:?}{no_inherit}{not_valid}",
                c.name, c.expr
            );
            comment(&mut out, "    ", &c.comment);
        }
        if t.row_level_security.enabled || t.row_level_security.forced {
            let _ = writeln!(
                out,
                "  row level security enabled={} forced={}",
                t.row_level_security.enabled, t.row_level_security.forced
            );
        }
        for p in &t.policies {
            let _ = writeln!(
                out,
                "  policy {} for {} to {} {} using {:?} with check {:?}",
                p.name,
                p.command.as_sql(),
                p.roles.join(", "),
                if p.permissive {
                    "permissive"
                } else {
                    "restrictive"
                },
                p.using,
                p.with_check
            );
            comment(&mut out, "    ", &p.comment);
        }
        for g in &t.triggers {
            let _ = writeln!(out, "  trigger {:?}", g);
        }
        for x in &t.exclusions {
            let _ = writeln!(out, "  exclusion {:?}", x);
        }
        if let Some(key) = &t.partition_by {
            let _ = writeln!(out, "  partition by {}", key.to_sql());
        }
        for p in &t.partitions {
            let _ = writeln!(out, "  partition {} {}", p.name, p.bound.to_sql());
        }
        for fk in &t.foreign_keys {
            let _ = write!(
                out,
                "  foreign key {} ({}) references {}.{} ({}) on delete {} on update {}",
                fk.name,
                fk.columns.join(", "),
                fk.referenced_table.namespace,
                fk.referenced_table.name,
                fk.referenced_columns.join(", "),
                action(fk.on_delete),
                action(fk.on_update),
            );
            match fk.deferrable {
                Deferrable::No => {}
                Deferrable::InitiallyImmediate => out.push_str(" deferrable initially immediate"),
                Deferrable::InitiallyDeferred => out.push_str(" deferrable initially deferred"),
            }
            if fk.match_full {
                out.push_str(" match full");
            }
            if fk.not_valid {
                out.push_str(" not valid");
            }
            out.push('\n');
            comment(&mut out, "    ", &fk.comment);
        }
        for g in &t.grants {
            let _ = writeln!(
                out,
                "  grant {} to {}{}",
                g.privilege.as_sql(),
                g.role,
                if g.grant_option {
                    " with grant option"
                } else {
                    ""
                }
            );
        }
        for ix in &t.indexes {
            let keys: Vec<String> = ix
                .keys
                .iter()
                .map(|k| {
                    let mut s = match &k.target {
                        IndexTarget::Column(c) => c.clone(),
                        IndexTarget::Expression(e) => format!("({e})"),
                    };
                    if let Some(o) = &k.opclass {
                        s.push_str(&format!(" {o}"));
                    }
                    if k.order == SortOrder::Desc {
                        s.push_str(" desc");
                    }
                    match k.nulls {
                        Some(NullsOrder::First) => s.push_str(" nulls first"),
                        Some(NullsOrder::Last) => s.push_str(" nulls last"),
                        None => {}
                    }
                    s
                })
                .collect();
            let _ = write!(
                out,
                "  index {}{}{} using {} ({})",
                ix.name,
                if ix.unique { " unique" } else { "" },
                if ix.nulls_not_distinct {
                    " nulls not distinct"
                } else {
                    ""
                },
                ix.method,
                keys.join(", ")
            );
            if !ix.include.is_empty() {
                let _ = write!(out, " include ({})", ix.include.join(", "));
            }
            if let Some(p) = &ix.predicate {
                let _ = write!(out, " where {p:?}");
            }
            out.push('\n');
            comment(&mut out, "    ", &ix.comment);
        }
    }
    for n in &schema.namespace_settings {
        let _ = writeln!(
            out,
            "namespace {} comment {:?} grants {:?}",
            n.name, n.comment, n.grants
        );
    }
    for v in &schema.views {
        let _ = writeln!(
            out,
            "{} {}.{}{}{}{}{}",
            v.kind(),
            v.name.namespace,
            v.name.name,
            v.check_option
                .as_str()
                .map(|o| format!(" check option {o}"))
                .unwrap_or_default(),
            if v.security_invoker {
                " security_invoker"
            } else {
                ""
            },
            if v.security_barrier {
                " security_barrier"
            } else {
                ""
            },
            ""
        );
        comment(&mut out, "  ", &v.comment);
        let _ = writeln!(out, "  query {:?}", v.query);
        for c in &v.columns {
            let ty = type_text(&c.ty);
            let _ = writeln!(out, "  column {}: {ty}", c.name);
            comment(&mut out, "    ", &c.comment);
        }
        for ix in &v.indexes {
            let _ = writeln!(out, "  index {:?}", ix);
        }
    }
    for f in &schema.functions {
        let _ = writeln!(out, "{} {}.{}", f.kind(), f.name.namespace, f.signature());
        let _ = writeln!(out, "  {:?}", f);
    }
    for d in &schema.domains {
        let _ = writeln!(
            out,
            "domain {}.{}: {}{}{}{}",
            d.name.namespace,
            d.name.name,
            type_text(&d.base),
            if d.not_null { " not null" } else { "" },
            d.default
                .as_ref()
                .map_or(String::new(), |x| format!(" default {x:?}")),
            d.collation
                .as_ref()
                .map_or(String::new(), |x| format!(" collate {x:?}")),
        );
        comment(&mut out, "  ", &d.comment);
        for c in &d.checks {
            let _ = writeln!(out, "  check {}: {:?}", c.name, c.expr);
        }
    }
    for t in &schema.composite_types {
        let _ = writeln!(out, "composite type {}.{}", t.name.namespace, t.name.name);
        comment(&mut out, "  ", &t.comment);
        for a in &t.attributes {
            let _ = writeln!(out, "  attribute {}: {}", a.name, type_text(&a.ty));
        }
    }
    out
}

fn type_text(ty: &shale_model::ColumnType) -> String {
    let base = match &ty.base {
        BaseType::Named(n) => n.clone(),
        BaseType::Enum(q) => format!("enum {}.{}", q.namespace, q.name),
        BaseType::UserType(q) => format!("type {}.{}", q.namespace, q.name),
    };
    base + &"[]".repeat(ty.array_dims as usize)
}

/// `file:line:col: message`, the source line, a `^^^` underline with the
/// label, and the help.
pub fn render(files: &[SourceFile], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let file = &files[d.file];
        let _ = writeln!(
            out,
            "{}:{}:{}: {}",
            file.path.display(),
            d.line,
            d.column,
            d.message
        );
        let line = file.text.lines().nth(d.line - 1).unwrap_or("");
        let _ = writeln!(out, "{line}");
        let prefix: String = line
            .chars()
            .take(d.column - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let line_start = file.text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = file.text[line_start..]
            .find('\n')
            .map_or(file.text.len(), |i| line_start + i);
        let end = d.span.end.min(line_end).max(d.span.start);
        let width = file.text[d.span.start..end].chars().count().max(1);
        let label = if d.label.is_empty() {
            String::new()
        } else {
            format!(" {}", d.label)
        };
        let _ = writeln!(out, "{prefix}{}{label}", "^".repeat(width));
        if let Some(help) = &d.help {
            let _ = writeln!(out, "help: {help}");
        }
        out.push('\n');
    }
    out
}

/// ` deferrable initially …` of a key, or nothing.
fn deferrable_text(d: Deferrable) -> &'static str {
    match d {
        Deferrable::No => "",
        Deferrable::InitiallyImmediate => " deferrable initially immediate",
        Deferrable::InitiallyDeferred => " deferrable initially deferred",
    }
}
