//! PostgreSQL statements of views and materialized views.

use shale_differ::MigrationPair;
use shale_model::{CheckOption, QualifiedName, View};

use super::{create_index_sql, qualified, table_label, Renderer};
use crate::{hazard, ident, literal, HazardKind, RenderError};

/// `VIEW` or `MATERIALIZED VIEW`.
fn kind(materialized: bool) -> &'static str {
    if materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    }
}

/// `CREATE [OR REPLACE] [MATERIALIZED] VIEW "ns"."name" ("a", "b") [WITH (…)] AS
/// <query> [WITH … CHECK OPTION];`. The column list names the query's
/// columns as the schema declares them; the options are written in full,
/// since `CREATE OR REPLACE VIEW` replaces all of a view's options.
pub(crate) fn create_view_sql(view: &View, replace: bool) -> String {
    let mut out = format!(
        "CREATE {}{} {}",
        if replace { "OR REPLACE " } else { "" },
        kind(view.materialized),
        qualified(&view.name)
    );
    if !view.columns.is_empty() {
        let names: Vec<String> = view.columns.iter().map(|c| ident(&c.name)).collect();
        out.push_str(&format!(" ({})", names.join(", ")));
    }
    let mut options = Vec::new();
    if view.security_barrier {
        options.push("security_barrier = true");
    }
    if view.security_invoker {
        options.push("security_invoker = true");
    }
    if !options.is_empty() {
        out.push_str(&format!(" WITH ({})", options.join(", ")));
    }
    out.push_str(" AS\n");
    out.push_str(&view.query);
    match view.check_option {
        CheckOption::None => {}
        CheckOption::Local => out.push_str("\nWITH LOCAL CHECK OPTION"),
        CheckOption::Cascaded => out.push_str("\nWITH CASCADED CHECK OPTION"),
    }
    out.push(';');
    out
}

impl<'a> Renderer<'a> {
    pub(super) fn next_view(&self, name: &QualifiedName) -> Result<&'a View, RenderError> {
        self.schemas
            .next
            .view(name)
            .ok_or_else(|| RenderError::MissingView {
                name: name.to_string(),
            })
    }

    pub(super) fn render_drop_view(&mut self, name: &QualifiedName, materialized: bool) {
        // Dropped to be created again (under this or a new name) breaks
        // nothing that uses it afterwards; dropped for good, it does.
        let hazards =
            if self.schemas.next.view(name).is_some() || self.recreated_views.contains(name) {
                Vec::new()
            } else {
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!("drops view {}: code using it breaks", table_label(name)),
                )]
            };
        self.push(
            format!("DROP {} {};", kind(materialized), qualified(name)),
            hazards,
        );
    }

    pub(super) fn render_rename_view(
        &mut self,
        names: &MigrationPair<QualifiedName>,
        materialized: bool,
    ) {
        let hazards = || {
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "renames view {} to {}: code using the previous name breaks",
                    table_label(&names.previous),
                    table_label(&names.next)
                ),
            )]
        };
        self.push_move_and_rename(kind(materialized), names, hazards);
    }

    pub(super) fn render_create_view(
        &mut self,
        name: &QualifiedName,
        replace: bool,
    ) -> Result<(), RenderError> {
        let view = self.next_view(name)?;
        self.push(create_view_sql(view, replace), vec![]);
        Ok(())
    }

    pub(super) fn render_create_view_index(
        &mut self,
        name: &QualifiedName,
        index: &str,
    ) -> Result<(), RenderError> {
        let view = self.next_view(name)?;
        let i = view
            .indexes
            .iter()
            .find(|i| i.name == index)
            .ok_or_else(|| RenderError::MissingObject {
                table: name.to_string(),
                name: index.to_string(),
            })?;
        self.push(create_index_sql(name, i), vec![]);
        Ok(())
    }

    pub(super) fn render_drop_view_index(&mut self, view: &QualifiedName, name: &str) {
        self.push(
            format!("DROP INDEX {};", super::qualify(&view.namespace, name)),
            vec![],
        );
    }

    pub(super) fn view_comment_sql(
        &self,
        name: &QualifiedName,
        column: Option<&str>,
    ) -> Result<String, RenderError> {
        let view = self.next_view(name)?;
        let text = |c: &Option<String>| c.as_deref().map_or_else(|| "NULL".to_string(), literal);
        Ok(match column {
            None => format!(
                "COMMENT ON {} {} IS {};",
                kind(view.materialized),
                qualified(name),
                text(&view.comment)
            ),
            Some(column) => {
                let c = view
                    .column(column)
                    .ok_or_else(|| RenderError::MissingColumn {
                        table: name.to_string(),
                        column: column.to_string(),
                    })?;
                format!(
                    "COMMENT ON COLUMN {}.{} IS {};",
                    qualified(name),
                    ident(column),
                    text(&c.comment)
                )
            }
        })
    }
}
