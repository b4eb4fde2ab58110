//! Online mode: the forms an expert writes so that a migration never blocks
//! the application's reads and writes for longer than a short lock.
//!
//! The plan is rendered step by step as usual; the steps that would hold a
//! strong lock while they scan or build are written another way and, where
//! PostgreSQL requires it, moved to migration files of their own:
//!
//! - an index on an existing table is built `CONCURRENTLY`, each in its own
//!   `-- shale:no-transaction` file that first drops a leftover of an
//!   interrupted build (`DROP INDEX CONCURRENTLY IF EXISTS`: the index is
//!   not in the previous schema, so one by that name can only be such a
//!   leftover, an `INVALID` one or one whose file was not recorded);
//! - an index is dropped `CONCURRENTLY`, alone in a no-transaction file, at
//!   its place in the plan;
//! - a unique or primary key on an existing table is a concurrently built
//!   unique index, attached with `ADD CONSTRAINT … USING INDEX`;
//! - a foreign key or check is added `NOT VALID`, then validated by a
//!   separate statement (`VALIDATE CONSTRAINT` scans under a SHARE UPDATE
//!   EXCLUSIVE lock, which lets writes go on);
//! - `SET NOT NULL` goes through a `CHECK (col IS NOT NULL) NOT VALID`,
//!   validated, after which `SET NOT NULL` skips its scan, and the helper
//!   check is dropped;
//! - a volatile default on an added nullable column is set after the column
//!   is added (no rewrite; existing rows keep NULL, backfilling is the
//!   user's).
//!
//! Steps that cannot be made online (a type change that rewrites the table,
//! renames, filling a new column by rewriting) are refused with the
//! expand/contract recipe for that column or table. Tables created by the
//! same plan are empty and get the plain forms.
//!
//! The files come out in this order: the plan-ordered transactional files
//! (split where an index is dropped concurrently, alone in its file), one
//! file per concurrent index build, then one *constraints* file run outside a
//! transaction, so that each statement commits on its own and no `VALIDATE`
//! runs under the `ACCESS EXCLUSIVE` lock an `ADD CONSTRAINT` took: the
//! online `SET NOT NULL`s, the keys attached to their indexes, the foreign
//! keys and checks added `NOT VALID` and validated. Every file that takes a
//! strong lock first sets `lock_timeout` (`SET LOCAL` in a transaction), so
//! that it cannot queue the application behind itself whoever runs it. Each
//! statement of the no-transaction files can run again after an interruption
//! (`IF EXISTS`, constraints of the next schema dropped before they are
//! added again), except `ADD CONSTRAINT … USING INDEX`, which is the last
//! step of its key.

use std::collections::HashSet;

use shale_differ::Step;
use shale_model::expr::VOLATILE_FUNCTIONS;
use shale_model::{naming, Column, QualifiedName};

use super::{
    column_definition, column_label, constraint_sql, foreign_key_sql, index_sql, qualified,
    table_label, Renderer,
};
use crate::{column_list, ident, literal, OnlinePart, PartRole, RenderError, Statement};

/// Whether a default expression calls a volatile function.
pub(crate) fn is_volatile(expr: &str) -> bool {
    let lower = expr.to_ascii_lowercase();
    VOLATILE_FUNCTIONS.iter().any(|f| {
        lower.match_indices(f).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + f.len()..].trim_start().chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') && after == Some('(')
        })
    })
}

/// What online mode collects besides the plan-ordered statements.
#[derive(Default)]
pub(crate) struct Online {
    /// Tables the plan creates: empty, so plain forms are fine.
    pub new_tables: HashSet<QualifiedName>,
    /// Views the plan creates.
    pub new_views: HashSet<QualifiedName>,
    /// `lock_timeout` written at the top of every transactional file.
    pub lock_timeout: String,
    /// Indexes into the renderer's statements that go alone in a
    /// no-transaction file (concurrent index drops), at their plan position.
    pub alone: HashSet<usize>,
    /// Concurrent index builds, one no-transaction file each.
    pub builds: Vec<Vec<Statement>>,
    /// The online `SET NOT NULL`s: helper check, validated, used, dropped.
    pub not_null: Vec<Statement>,
    /// Keys attached to their concurrently built indexes.
    pub attach: Vec<Statement>,
    /// Foreign keys and checks added `NOT VALID`, then validated.
    pub validated: Vec<Statement>,
    /// Steps online mode refuses, each with its recipe.
    pub refusals: Vec<String>,
    /// What the user has to do afterwards (backfills).
    pub notes: Vec<String>,
}

fn statement(sql: String) -> Statement {
    Statement {
        sql,
        hazards: Vec::new(),
    }
}

/// The name of the helper check behind an online `SET NOT NULL`:
/// `<table>_<column>_shale_not_null` (distinct from the `<table>_<column>_not_null`
/// PostgreSQL 18 gives NOT NULL constraints themselves).
pub(crate) fn not_null_helper(table: &QualifiedName, column: &str) -> String {
    naming::make_object_name(&table.name, Some(column), "shale_not_null")
}

impl Online {
    /// The online form of `SET NOT NULL` on an existing column, in the
    /// constraints file (each statement commits on its own there, so the
    /// scan of `VALIDATE` holds only a SHARE UPDATE EXCLUSIVE lock).
    pub fn set_not_null(&mut self, table: &QualifiedName, column: &str) {
        let helper = ident(&not_null_helper(table, column));
        let t = qualified(table);
        let c = ident(column);
        for sql in [
            format!("ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {helper};"),
            format!("ALTER TABLE {t} ADD CONSTRAINT {helper} CHECK ({c} IS NOT NULL) NOT VALID;"),
            format!("ALTER TABLE {t} VALIDATE CONSTRAINT {helper};"),
            format!(
                "-- the validated check {helper} lets SET NOT NULL skip its scan\n\
                 ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;"
            ),
            format!("ALTER TABLE {t} DROP CONSTRAINT {helper};"),
        ] {
            self.not_null.push(statement(sql));
        }
    }

    /// A foreign key or check (`definition`, `CONSTRAINT "name" …`) added
    /// `NOT VALID`, then validated, in the constraints file. A constraint of
    /// that name is not in the previous schema: one left by an interrupted
    /// run of this file is dropped first.
    /// A constraint the schema declares `not_valid` is left unvalidated.
    pub fn add_validated(
        &mut self,
        table: &QualifiedName,
        name: &str,
        definition: &str,
        validate: bool,
    ) {
        let t = qualified(table);
        let n = ident(name);
        let mut sqls = vec![
            format!("ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {n};"),
            format!("ALTER TABLE {t} ADD {definition} NOT VALID;"),
        ];
        if validate {
            sqls.push(format!("ALTER TABLE {t} VALIDATE CONSTRAINT {n};"));
        }
        for sql in sqls {
            self.validated.push(statement(sql));
        }
    }

    /// A concurrent build of `create` (a `CREATE [UNIQUE] INDEX CONCURRENTLY`
    /// statement) of index `name` in namespace `namespace`, in a file of its own.
    pub fn build(&mut self, namespace: &str, name: &str, create: String) {
        self.builds.push(vec![
            statement(format!(
                "-- an index {} here is a leftover of an interrupted build of this migration\n\
                 -- (INVALID, or built but not recorded): it is dropped and built again\n\
                 DROP INDEX CONCURRENTLY IF EXISTS {};",
                ident(name),
                super::qualify(namespace, name)
            )),
            statement(create),
        ]);
    }

    /// Refuses a type change that rewrites the table.
    pub fn refuse_type_change(
        &mut self,
        table: &QualifiedName,
        column: &Column,
        previous_ty: &str,
        next_ty: &str,
    ) {
        let label = column_label(table, &column.name);
        let t = table_label(table);
        let c = ident(&column.name);
        let new = ident(&format!("{}_new", column.name));
        self.refusals.push(format!(
            "changing column {label} from {previous_ty} to {next_ty} rewrites table {t} under an ACCESS EXCLUSIVE lock, which online mode refuses; expand/contract instead:\n  \
             1. expand: keep `{name}` as it is and add a nullable column {new} of type {next_ty} in the schema; `shale generate`\n  \
             2. write both columns from the application (or a trigger), then backfill in batches: UPDATE {tq} SET {new} = {c}::{next_ty} WHERE {new} IS NULL AND <key range>\n  \
             3. move the application's reads to {new} and deploy\n  \
             4. contract: remove `{name}` from the schema; `shale generate --allow-data-loss` (and make {new} NOT NULL if {c} was)\n  \
             or, in a maintenance window, write this one as a plain migration: `shale generate --no-online`",
            name = column.name,
            tq = qualified(table),
        ));
    }

    /// Refuses a column rename.
    pub fn refuse_column_rename(&mut self, table: &QualifiedName, previous: &str, next: &str) {
        let label = column_label(table, previous);
        let tq = qualified(table);
        let (p, n) = (ident(previous), ident(next));
        self.refusals.push(format!(
            "renaming column {label} to {n} breaks every running instance that still uses {p}, which online mode refuses; expand/contract instead:\n  \
             1. expand: keep `{previous}` and add the column `{next}` (nullable, same type) in the schema; `shale generate`\n  \
             2. write both columns from the application (or a trigger), then backfill in batches: UPDATE {tq} SET {n} = {p} WHERE {n} IS NULL AND <key range>\n  \
             3. move the application's reads to {n}, stop writing {p}, deploy\n  \
             4. contract: remove `{previous}` from the schema; `shale generate --allow-data-loss`\n  \
             or write the rename as a plain migration when no running code uses {p}: `shale generate --no-online`"
        ));
    }

    /// Refuses a table rename or move.
    pub fn refuse_table_rename(&mut self, names: &shale_differ::MigrationPair<QualifiedName>) {
        let (p, n) = (table_label(&names.previous), table_label(&names.next));
        self.refusals.push(format!(
            "renaming table {p} to {n} breaks every running instance that still uses {p}, which online mode refuses; expand/contract instead:\n  \
             1. expand: create {n} (or a view named {n} over {p}) and move the application to {n}, deploy\n  \
             2. contract: drop {p} once nothing uses it\n  \
             or write the rename as a plain migration when no running code uses {p}: `shale generate --no-online`"
        ));
    }

    /// Refuses a column whose adding or changing fills every row by rewriting
    /// the table (identity, serial, generated, an enum swap).
    pub fn refuse_rewrite(&mut self, what: String, recipe: &str) {
        self.refusals.push(format!(
            "{what}, which online mode refuses; {recipe}\n  \
             or, in a maintenance window, write it as a plain migration: `shale generate --no-online`"
        ));
    }

    /// The note for a volatile default set after the column was added.
    pub fn backfill_note(
        &mut self,
        table: &QualifiedName,
        column: &Column,
        default: &str,
    ) -> String {
        let label = column_label(table, &column.name);
        let note = format!(
            "rows already in {} keep NULL in column {label}: its default {default} applies to new rows only; backfill the others in batches yourself \
             (UPDATE {} SET {} = {default} WHERE {} IS NULL AND <key range>)",
            table_label(table),
            qualified(table),
            ident(&column.name),
            ident(&column.name),
        );
        self.notes.push(note.clone());
        note
    }

    /// The files: the plan-ordered statements split at the concurrent
    /// drops, then the builds and the constraints file.
    pub fn into_parts(self, statements: Vec<Statement>) -> Vec<OnlinePart> {
        let lock = format!("SET LOCAL lock_timeout = {};", literal(&self.lock_timeout));
        let transactional = |role: PartRole, mut body: Vec<Statement>| {
            body.insert(0, statement(lock.clone()));
            OnlinePart {
                role,
                no_transaction: false,
                statements: body,
            }
        };
        let mut parts = Vec::new();
        let mut current = Vec::new();
        for (i, s) in statements.into_iter().enumerate() {
            if self.alone.contains(&i) {
                if !current.is_empty() {
                    parts.push(transactional(PartRole::Main, std::mem::take(&mut current)));
                }
                parts.push(OnlinePart {
                    role: PartRole::DropIndex,
                    no_transaction: true,
                    statements: vec![s],
                });
            } else {
                current.push(s);
            }
        }
        if !current.is_empty() {
            parts.push(transactional(PartRole::Main, current));
        }
        for build in self.builds {
            parts.push(OnlinePart {
                role: PartRole::BuildIndex,
                no_transaction: true,
                statements: build,
            });
        }
        let constraints: Vec<Statement> = self
            .not_null
            .into_iter()
            .chain(self.attach)
            .chain(self.validated)
            .collect();
        if !constraints.is_empty() {
            let mut body = vec![statement(format!(
                "-- outside a transaction each statement commits on its own: the scans of\n\
                 -- VALIDATE CONSTRAINT hold only a SHARE UPDATE EXCLUSIVE lock (writes go on)\n\
                 SET lock_timeout = {};",
                literal(&self.lock_timeout)
            ))];
            body.extend(constraints);
            parts.push(OnlinePart {
                role: PartRole::Constraints,
                no_transaction: true,
                statements: body,
            });
        }
        parts
    }
}

impl Renderer<'_> {
    fn state(&mut self) -> &mut Online {
        self.online.as_mut().expect("online mode")
    }

    /// Renders a step the online way when it has one; `false` leaves it to
    /// the plain renderer.
    pub(super) fn render_online_step(&mut self, step: &Step) -> Result<bool, RenderError> {
        match step {
            Step::DropIndex { table, name } => {
                self.push_alone(format!(
                    "DROP INDEX CONCURRENTLY IF EXISTS {};",
                    super::qualify(&table.namespace, name)
                ));
            }
            Step::DropViewIndex { view, name } => {
                self.push_alone(format!(
                    "DROP INDEX CONCURRENTLY IF EXISTS {};",
                    super::qualify(&view.namespace, name)
                ));
            }
            Step::CreateIndex {
                on_new_table: true, ..
            } => return Ok(false),
            Step::CreateIndex { table, name, .. } => {
                let t = self.next_table(table)?;
                let index = t.indexes.iter().find(|i| &i.name == name).ok_or_else(|| {
                    RenderError::MissingObject {
                        table: table.to_string(),
                        name: name.clone(),
                    }
                })?;
                let sql = index_sql(table, index, true);
                self.state().build(&table.namespace, name, sql);
            }
            Step::CreateViewIndex { view, name } => {
                // Also on a view created by this plan: a materialized view
                // is filled when created, and lint cannot tell it is new.
                let v = self.next_view(view)?;
                let index = v.indexes.iter().find(|i| &i.name == name).ok_or_else(|| {
                    RenderError::MissingObject {
                        table: view.to_string(),
                        name: name.clone(),
                    }
                })?;
                let sql = index_sql(view, index, true);
                self.state().build(&view.namespace, name, sql);
            }
            Step::AddConstraint { table, name } => {
                if self.state().new_tables.contains(table) {
                    return Ok(false);
                }
                self.online_add_constraint(table, name)?;
            }
            Step::AddForeignKey { table, name } => {
                if self.state().new_tables.contains(table) {
                    return Ok(false);
                }
                let t = self.next_table(table)?;
                let fk = t
                    .foreign_keys
                    .iter()
                    .find(|f| &f.name == name)
                    .ok_or_else(|| RenderError::MissingObject {
                        table: table.to_string(),
                        name: name.clone(),
                    })?;
                let definition = foreign_key_sql(fk);
                let validate = !fk.not_valid;
                self.state()
                    .add_validated(table, name, &definition, validate);
            }
            Step::RenameColumn { table, names } => {
                self.state()
                    .refuse_column_rename(table, &names.previous, &names.next);
            }
            Step::RenameTable { names } => self.state().refuse_table_rename(names),
            Step::ReplaceEnum { names, columns, .. } if !columns.is_empty() => {
                let list: Vec<String> = columns
                    .iter()
                    .map(|c| column_label(&c.table, &c.column))
                    .collect();
                self.state().refuse_rewrite(
                    format!(
                        "removing values from enum {} converts column{} {} by rewriting {}",
                        table_label(&names.previous),
                        if list.len() == 1 { "" } else { "s" },
                        list.join(", "),
                        if list.len() == 1 { "its table" } else { "their tables" }
                    ),
                    "instead, stop writing the values, move the rows that hold them to other values in batches, \
                     and remove the values from the enum in a maintenance window",
                );
            }
            Step::AddColumn { table, column } => return self.online_add_column(table, column),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn push_alone(&mut self, sql: String) {
        let at = self.out.len();
        self.push(sql, vec![]);
        self.state().alone.insert(at);
    }

    fn online_add_constraint(
        &mut self,
        table: &QualifiedName,
        name: &str,
    ) -> Result<(), RenderError> {
        let t = self.next_table(table)?;
        let missing = || RenderError::MissingObject {
            table: table.to_string(),
            name: name.to_string(),
        };
        let key = if let Some(pk) = t.primary_key.as_ref().filter(|pk| pk.name == name) {
            Some(("PRIMARY KEY", &pk.columns, false, pk.deferrable))
        } else {
            t.uniques
                .iter()
                .find(|u| u.name == name)
                .map(|u| ("UNIQUE", &u.columns, u.nulls_not_distinct, u.deferrable))
        };
        match key {
            Some((kind, columns, nulls_not_distinct, deferrable)) => {
                let n = ident(name);
                let build = format!(
                    "CREATE UNIQUE INDEX CONCURRENTLY {n} ON {} USING btree ({}){};",
                    qualified(table),
                    column_list(columns),
                    if nulls_not_distinct {
                        " NULLS NOT DISTINCT"
                    } else {
                        ""
                    }
                );
                self.state().build(&table.namespace, name, build);
                let attach = format!(
                    "ALTER TABLE {} ADD CONSTRAINT {n} {kind} USING INDEX {n}{};",
                    qualified(table),
                    super::deferrable_sql(deferrable)
                );
                self.state().attach.push(Statement {
                    sql: attach,
                    hazards: vec![super::lock_hazard(table)],
                });
            }
            None => {
                let (definition, _) = constraint_sql(t, name).ok_or_else(missing)?;
                let validate = !t.checks.iter().any(|c| c.name == name && c.not_valid);
                self.state()
                    .add_validated(table, name, &definition, validate);
            }
        }
        Ok(())
    }

    fn online_add_column(
        &mut self,
        table: &QualifiedName,
        column: &str,
    ) -> Result<bool, RenderError> {
        let t = self.next_table(table)?;
        let c = t.column(column).ok_or_else(|| RenderError::MissingColumn {
            table: table.to_string(),
            column: column.to_string(),
        })?;
        let label = column_label(table, column);
        let tl = table_label(table);
        if c.identity.is_some() || c.ty.is_serial() {
            self.state().refuse_rewrite(
                format!("adding {label} as an identity or serial column fills every row of {tl} by rewriting it"),
                &format!(
                    "expand/contract instead: add {label} as a plain nullable integer column, fill it in batches \
                     from a sequence (UPDATE … SET {c} = nextval(…) WHERE {c} IS NULL AND <key range>), then make it \
                     NOT NULL and attach the sequence in a later `shale generate --online`",
                    c = ident(column)
                ),
            );
            return Ok(true);
        }
        if c.generated.is_some() {
            self.state().refuse_rewrite(
                format!("adding the stored generated column {label} computes it for every row of {tl} by rewriting the table"),
                &format!(
                    "expand/contract instead: add {label} as a plain nullable column, keep it computed from the \
                     application (or a trigger) and backfill it in batches (UPDATE … SET {} = <expression> WHERE … AND <key range>)",
                    ident(column)
                ),
            );
            return Ok(true);
        }
        let volatile = c.default.as_deref().is_some_and(is_volatile);
        if super::not_null(c) && (c.default.is_none() || volatile) {
            let why = if volatile {
                "with a volatile default, which rewrites the table to fill every row"
            } else {
                "without a default, which fails on a table that has rows"
            };
            self.state().refuse_rewrite(
                format!("adding NOT NULL column {label} to {tl} {why}"),
                &format!(
                    "expand/contract instead: add {label} as a nullable column (with its default, set after the \
                     column is added), backfill the existing rows in batches (UPDATE … SET {c} = … WHERE {c} IS NULL \
                     AND <key range>), then make it NOT NULL in a later `shale generate --online` (a validated check, \
                     no long lock)",
                    c = ident(column)
                ),
            );
            return Ok(true);
        }
        if !volatile {
            return Ok(false);
        }
        let default = c.default.clone().unwrap_or_default();
        let mut bare = c.clone();
        bare.default = None;
        let note = self.state().backfill_note(table, c, &default);
        self.push(
            format!(
                "ALTER TABLE {} ADD COLUMN {};",
                qualified(table),
                column_definition(&bare)
            ),
            vec![super::lock_hazard(table)],
        );
        self.push(
            format!(
                "-- {note}\n\
                 ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {default};",
                qualified(table),
                ident(column)
            ),
            vec![super::lock_hazard(table)],
        );
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volatile_calls_are_found_by_name() {
        assert!(is_volatile("gen_random_uuid()"));
        assert!(is_volatile("(random() * 10)::integer"));
        assert!(is_volatile("nextval('s'::regclass)"));
        assert!(!is_volatile("now()"));
        assert!(!is_volatile("'random'"));
        assert!(!is_volatile("my_random()"));
    }
}
