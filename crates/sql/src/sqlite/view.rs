//! Views on SQLite: plain views only.
//!
//! SQLite has `CREATE VIEW` and `DROP VIEW` and nothing else: no
//! `OR REPLACE`, no `ALTER VIEW`, no materialized views, check options or
//! security options (those are refused by [`canonical_view`] with the
//! attribute named). It also keeps no view column types: a view column has
//! the declared type of its source column when it is a plain column
//! reference and none otherwise, so in the canonical SQLite form every view
//! column is `blob` (SQLite's "no affinity"), whatever the schema declares,
//! and introspection reads them the same way. Comments are dropped, as for
//! tables.
//!
//! SQLite checks every view when a table or column is renamed (and a
//! rebuild renames its new table), and rewrites view text on a column
//! rename; so when a plan changes any table, every view is dropped at the
//! start of the migration and every view of the next schema created at its
//! end, in dependency order. A plan that changes only views runs its view
//! steps one by one, a replace or rename being a drop and a create.

use shale_differ::{MigrationPair, Plan, Step};
use shale_model::{ColumnType, QualifiedName, Schema, View};

use super::{unsupported, Renderer, SqliteError};
use crate::{hazard, ident, HazardKind};

/// The canonical SQLite form of a view, or the attribute SQLite lacks.
pub(super) fn canonical_view(view: &View) -> Result<View, SqliteError> {
    let object = format!("view \"{}\"", view.name.name);
    let refuse = |what: &str| {
        Err(unsupported(
            format!("`{what}`"),
            object.clone(),
            "SQLite has plain views only; remove the attribute",
        ))
    };
    if view.materialized {
        return refuse("materialized");
    }
    if view.check_option.as_str().is_some() {
        return refuse("with_check_option");
    }
    if view.security_invoker {
        return refuse("security_invoker");
    }
    if view.security_barrier {
        return refuse("security_barrier");
    }
    let mut out = view.clone();
    out.comment = None;
    for c in &mut out.columns {
        c.ty = ColumnType::named("blob");
        c.comment = None;
    }
    Ok(out)
}

/// `CREATE VIEW "name" ("a", "b") AS <query>;`.
pub fn create_view_sql(view: &View) -> String {
    let mut out = format!("CREATE VIEW {}", ident(&view.name.name));
    if !view.columns.is_empty() {
        let names: Vec<String> = view.columns.iter().map(|c| ident(&c.name)).collect();
        out.push_str(&format!(" ({})", names.join(", ")));
    }
    out.push_str(" AS\n");
    out.push_str(&view.query);
    out.push(';');
    out
}

/// Whether a step is about views only.
pub(super) fn is_view_step(step: &Step) -> bool {
    matches!(
        step,
        Step::DropView { .. }
            | Step::DropViewIndex { .. }
            | Step::RenameView { .. }
            | Step::CreateView { .. }
            | Step::CreateViewIndex { .. }
            | Step::SetComment {
                target: shale_differ::CommentTarget::View(_)
                    | shale_differ::CommentTarget::ViewColumn(..)
            }
    )
}

/// Whether the plan changes anything besides views: then every view is
/// dropped first and created again last.
pub(super) fn views_around_tables(plan: &Plan, schemas: MigrationPair<&Schema>) -> bool {
    let has_views = !schemas.previous.views.is_empty() || !schemas.next.views.is_empty();
    has_views && plan.steps.iter().any(|s| !is_view_step(s))
}

/// The views of `schema` in creation order (each after the views it reads),
/// as the differ orders them from an empty schema.
fn creation_order(schema: &Schema) -> Vec<QualifiedName> {
    let empty = Schema::default();
    let only_views = Schema {
        views: schema.views.clone(),
        tables: schema.tables.clone(),
        ..Schema::default()
    };
    match shale_differ::diff(
        MigrationPair::new(&empty, &only_views),
        &shale_model::RenameHints::default(),
    ) {
        Ok(plan) => plan
            .steps
            .into_iter()
            .filter_map(|s| match s {
                Step::CreateView { name, .. } => Some(name),
                _ => None,
            })
            .collect(),
        Err(_) => schema.views.iter().map(|v| v.name.clone()).collect(),
    }
}

impl Renderer<'_> {
    fn drop_view(&mut self, name: &QualifiedName, kept: bool) {
        let hazards = if kept {
            Vec::new()
        } else {
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!("drops view \"{}\": code using it breaks", name.name),
            )]
        };
        self.push(format!("DROP VIEW {};", ident(&name.name)), hazards);
    }

    fn create_view(&mut self, name: &QualifiedName) -> Result<(), SqliteError> {
        let view = self
            .schemas
            .next
            .view(name)
            .ok_or_else(|| SqliteError::Plan {
                step: "CreateView".into(),
                detail: format!("the schema has no view \"{name}\""),
            })?;
        self.push(create_view_sql(view), vec![]);
        Ok(())
    }

    /// Every previous view dropped, before anything else of the plan.
    pub(super) fn drop_all_views(&mut self) {
        let previous = self.schemas.previous;
        let next = self.schemas.next;
        // Readers first is not needed: SQLite tracks no view dependencies.
        for v in &previous.views {
            let kept = next.view(&v.name).is_some() || self.renamed_view(&v.name);
            self.drop_view(&v.name, kept);
        }
    }

    fn renamed_view(&self, previous: &QualifiedName) -> bool {
        self.plan
            .steps
            .iter()
            .any(|s| matches!(s, Step::RenameView { names, .. } if &names.previous == previous))
    }

    /// Every next view created, after everything else of the plan.
    pub(super) fn create_all_views(&mut self) -> Result<(), SqliteError> {
        for name in creation_order(self.schemas.next) {
            self.create_view(&name)?;
        }
        Ok(())
    }

    /// One view step of a plan that changes only views.
    pub(super) fn render_view_step(&mut self, step: &Step) -> Result<(), SqliteError> {
        match step {
            Step::DropView { name, .. } => {
                let kept = self.schemas.next.view(name).is_some() || self.renamed_view(name);
                self.drop_view(name, kept);
            }
            Step::RenameView { names, .. } => {
                self.drop_view(&names.previous, true);
                self.create_view(&names.next)?;
            }
            Step::CreateView { name, replace } => {
                if *replace {
                    self.drop_view(name, true);
                }
                self.create_view(name)?;
            }
            Step::DropViewIndex { .. } | Step::CreateViewIndex { .. } => {
                return Err(SqliteError::Plan {
                    step: super::step_label(step),
                    detail: "SQLite has no materialized views".into(),
                })
            }
            // Canonical SQLite schemas carry no comments.
            _ => {}
        }
        Ok(())
    }
}
