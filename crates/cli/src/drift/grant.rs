//! Drift lines of grants: each role's privileges on one object that differ
//! between the database and the schema are one line, named `grants to
//! app_ro on table orders`. An object missing from the database is told by
//! its own line; its grants are not told again.

use shale_differ::{GrantTarget, MigrationPair, Step};
use shale_model::{Grant, Schema};

use super::{differs, extra, missing, Drift};

fn grants_of<'s>(schema: &'s Schema, target: &'s GrantTarget) -> Option<&'s [Grant]> {
    Some(match target {
        GrantTarget::Table(n) => match schema.table(n) {
            Some(t) => &t.grants,
            None => &schema.view(n)?.grants,
        },
        GrantTarget::Sequence(n) => &schema.sequence(n)?.grants,
        GrantTarget::Function(n, args) => {
            &schema
                .functions_named(n)
                .find(|f| f.identity_types() == *args)?
                .grants
        }
        GrantTarget::Schema(n) => match schema.namespace_settings(n) {
            Some(s) => &s.grants,
            None => &[],
        },
        GrantTarget::Column(t, c) => &schema.table(t)?.column(c)?.grants,
    })
}

fn object_label(schema: &Schema, target: &GrantTarget) -> String {
    match target {
        GrantTarget::Table(n) => match schema.view(n) {
            Some(v) => format!("{} {n}", v.kind()),
            None => format!("table {n}"),
        },
        GrantTarget::Sequence(n) => format!("sequence {n}"),
        GrantTarget::Function(n, args) => {
            let kind = schema
                .functions_named(n)
                .next()
                .map_or("function", |f| f.kind());
            format!("{kind} {n}({})", args.join(", "))
        }
        GrantTarget::Schema(n) => format!("schema {n}"),
        GrantTarget::Column(t, c) => format!("column {t}.{c}"),
    }
}

/// `SELECT, INSERT` (`… with grant option` for those that have it), or
/// `(none)`.
fn privileges_text(grants: Option<&[Grant]>, role: &str) -> String {
    let mut parts: Vec<String> = grants
        .unwrap_or_default()
        .iter()
        .filter(|g| g.role == role)
        .map(|g| {
            if g.grant_option {
                format!("{} with grant option", g.privilege.as_sql())
            } else {
                g.privilege.as_sql().to_string()
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push("(none)".into());
    }
    parts.join(", ")
}

/// One line per object and role whose grants differ (a revoke and a grant
/// for the same role count once).
pub(super) fn describe(steps: &[Step], schemas: MigrationPair<&Schema>) -> Vec<Drift> {
    let MigrationPair {
        previous: db,
        next: schema,
    } = schemas;
    let mut seen: Vec<(&GrantTarget, &str)> = Vec::new();
    let mut out = Vec::new();
    for step in steps {
        let (target, role) = match step {
            Step::GrantPrivileges { target, role, .. }
            | Step::RevokePrivileges { target, role, .. } => (target, role.as_str()),
            _ => continue,
        };
        if seen.contains(&(target, role)) {
            continue;
        }
        seen.push((target, role));
        let in_db = grants_of(db, target);
        let object_missing = match target {
            GrantTarget::Schema(n) => {
                n != shale_model::DEFAULT_NAMESPACE && !db.namespaces.contains(n)
            }
            _ => in_db.is_none(),
        };
        if object_missing {
            // The object itself is missing: its own line tells it.
            continue;
        }
        let object = format!("grants to {role} on {}", object_label(schema, target));
        let s = privileges_text(grants_of(schema, target), role);
        let d = privileges_text(in_db, role);
        if s == d {
            // Granted again to an object created again (a view whose
            // definition differs): no difference of its own.
            continue;
        }
        out.push(match (s.as_str(), d.as_str()) {
            (_, "(none)") => missing(object, s),
            ("(none)", _) => extra(object, d),
            _ => differs(object, s, d),
        });
    }
    out
}
