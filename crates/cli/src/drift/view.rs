//! Drift lines of views: each view that differs is one line, named `view
//! app.active_users` (or `materialized view …`), whatever steps the plan
//! needs for it (a drop and a create count once; a view recreated only
//! because it reads a changed one is no difference at all).

use shale_differ::{MigrationPair, Plan, Step};
use shale_model::{QualifiedName, Schema, View};

use super::{differs, extra, missing, Drift};

fn label(v: &View) -> String {
    format!("{} {}", v.kind(), v.name)
}

fn columns_text(v: &View) -> String {
    let cols: Vec<String> = v
        .columns
        .iter()
        .map(|c| format!("{} {}", c.name, c.ty))
        .collect();
    format!("columns ({})", cols.join(", "))
}

fn options_text(v: &View) -> String {
    let mut parts = Vec::new();
    if let Some(o) = v.check_option.as_str() {
        parts.push(format!("with {o} check option"));
    }
    if v.security_invoker {
        parts.push("security_invoker".to_string());
    }
    if v.security_barrier {
        parts.push("security_barrier".to_string());
    }
    if parts.is_empty() {
        "options (none)".to_string()
    } else {
        format!("options ({})", parts.join(", "))
    }
}

fn indexes_text(v: &View) -> String {
    let names: Vec<&str> = v.indexes.iter().map(|i| i.name.as_str()).collect();
    format!("indexes ({})", names.join(", "))
}

/// What differs between a view in the database and in the schema, as
/// (schema, database) texts; `None` when nothing does.
fn difference(db: &View, schema: &View) -> Option<(String, String)> {
    let mut s = Vec::new();
    let mut d = Vec::new();
    if db.materialized != schema.materialized {
        s.push(schema.kind().to_string());
        d.push(db.kind().to_string());
    }
    let same_columns = db.columns.len() == schema.columns.len()
        && db
            .columns
            .iter()
            .zip(&schema.columns)
            .all(|(a, b)| a.name == b.name && a.ty == b.ty);
    if !same_columns {
        s.push(columns_text(schema));
        d.push(columns_text(db));
    }
    if db.query != schema.query {
        s.push(format!("query {}", schema.query));
        d.push(format!("query {}", db.query));
    }
    if (db.check_option, db.security_invoker, db.security_barrier)
        != (
            schema.check_option,
            schema.security_invoker,
            schema.security_barrier,
        )
    {
        s.push(options_text(schema));
        d.push(options_text(db));
    }
    if db.indexes != schema.indexes {
        s.push(indexes_text(schema));
        d.push(indexes_text(db));
    }
    (!s.is_empty()).then(|| (s.join("; "), d.join("; ")))
}

/// The drift lines of the plan's view steps, one per view.
pub(super) fn describe(plan: &Plan, schemas: MigrationPair<&Schema>) -> Vec<Drift> {
    let (db, schema) = schemas.into_tuple();
    let mut done: Vec<QualifiedName> = Vec::new();
    let mut out = Vec::new();
    let mut once = |name: &QualifiedName, out: &mut Vec<Drift>, drift: Option<Drift>| {
        if done.contains(name) {
            return;
        }
        done.push(name.clone());
        out.extend(drift);
    };
    for step in &plan.steps {
        match step {
            Step::DropView { name, .. } | Step::DropViewIndex { view: name, .. } => {
                match (db.view(name), schema.view(name)) {
                    (Some(d), Some(s)) => once(
                        name,
                        &mut out,
                        difference(d, s).map(|(s, d)| differs(label_of(schema, name), s, d)),
                    ),
                    (Some(d), None) if !renamed_away(plan, name) => {
                        once(name, &mut out, Some(extra(label(d), columns_text(d))))
                    }
                    _ => {}
                }
            }
            Step::CreateView { name, .. } | Step::CreateViewIndex { view: name, .. } => {
                match (db.view(name), schema.view(name)) {
                    (Some(d), Some(s)) => once(
                        name,
                        &mut out,
                        difference(d, s).map(|(s, d)| differs(label_of(schema, name), s, d)),
                    ),
                    (None, Some(s)) if !renamed_to(plan, name) => {
                        once(name, &mut out, Some(missing(label(s), columns_text(s))))
                    }
                    _ => {}
                }
            }
            Step::RenameView { names, .. } => {
                let kind = schema.view(&names.next).map_or("view", View::kind);
                once(
                    &names.next,
                    &mut out,
                    Some(differs(
                        format!("{kind} {}", names.next),
                        names.next.to_string(),
                        names.previous.to_string(),
                    )),
                );
            }
            _ => {}
        }
    }
    out
}

fn label_of(schema: &Schema, name: &QualifiedName) -> String {
    schema
        .view(name)
        .map_or_else(|| format!("view {name}"), label)
}

fn renamed_away(plan: &Plan, name: &QualifiedName) -> bool {
    plan.steps
        .iter()
        .any(|s| matches!(s, Step::RenameView { names, .. } if &names.previous == name))
}

fn renamed_to(plan: &Plan, name: &QualifiedName) -> bool {
    plan.steps
        .iter()
        .any(|s| matches!(s, Step::RenameView { names, .. } if &names.next == name))
}
