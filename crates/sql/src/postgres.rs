//! The PostgreSQL renderer: one function per [`Step`] kind, each returning its
//! statements with their hazards.

mod extension;
pub(crate) mod function;
mod grant;
mod online;
mod partition;
mod policy;
mod sequence;
pub(crate) mod user_type;
mod view;

use std::collections::HashSet;

use shale_differ::{
    ColumnChanges, CommentTarget, EnumColumn, EnumValuePlacement, MigrationPair, Plan, Step,
};
use shale_model::{
    naming, BaseType, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction, Identity,
    Index, IndexKey, IndexTarget, NullsOrder, QualifiedName, Schema, SortOrder, Table,
};

use crate::hazards::{type_change, TypeChange};
use crate::{
    column_list, hazard, ident, literal, Hazard, HazardKind, OnlineError, OnlineOptions,
    OnlinePlan, RenderError, Statement,
};

/// Renders every step of the plan, in order. When not `strict`, a step that
/// does not fit the schemas is skipped instead of failing the whole plan.
pub(crate) fn render(
    plan: &Plan,
    schemas: MigrationPair<&Schema>,
    strict: bool,
) -> Result<Vec<Statement>, RenderError> {
    let mut renderer = Renderer::new(plan, schemas, None);
    for step in &plan.steps {
        let before = renderer.out.len();
        if let Err(e) = renderer.render_step(step) {
            if strict {
                return Err(e);
            }
            renderer.out.truncate(before);
        }
    }
    Ok(renderer.out)
}

/// Renders the plan in online mode (see [`online`]), strictly.
pub(crate) fn render_online(
    plan: &Plan,
    schemas: MigrationPair<&Schema>,
    options: &OnlineOptions,
) -> Result<OnlinePlan, OnlineError> {
    let mut state = online::Online {
        lock_timeout: options.lock_timeout.clone(),
        ..online::Online::default()
    };
    for step in &plan.steps {
        match step {
            Step::CreateTable { table } => {
                state.new_tables.insert(table.clone());
            }
            Step::CreateView { name, .. } => {
                state.new_views.insert(name.clone());
            }
            _ => {}
        }
    }
    let mut renderer = Renderer::new(plan, schemas, Some(state));
    for step in &plan.steps {
        renderer.render_step(step)?;
    }
    let state = renderer.online.take().expect("online mode");
    if !state.refusals.is_empty() {
        return Err(OnlineError::Refused(state.refusals));
    }
    let notes = state.notes.clone();
    Ok(OnlinePlan {
        parts: state.into_parts(renderer.out),
        notes,
    })
}

impl<'a> Renderer<'a> {
    fn new(
        plan: &Plan,
        schemas: MigrationPair<&'a Schema>,
        online: Option<online::Online>,
    ) -> Renderer<'a> {
        let mut renderer = Renderer {
            schemas,
            out: Vec::with_capacity(plan.steps.len()),
            enum_swapped_columns: HashSet::new(),
            recreated_views: HashSet::new(),
            function_bodies_unchecked: false,
            online,
        };
        for step in &plan.steps {
            if let Step::ReplaceEnum { columns, .. } = step {
                for c in columns {
                    renderer
                        .enum_swapped_columns
                        .insert((c.table.clone(), c.column.clone()));
                }
            }
            if let Step::CreateView { name, .. } = step {
                renderer.recreated_views.insert(name.clone());
            }
        }
        renderer
    }
}

thread_local! {
    /// Whether names in the default namespace are written qualified (see
    /// [`with_public_unqualified`]).
    static QUALIFY_PUBLIC: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Runs `f` (a rendering on this thread) with the names of the default
/// namespace written bare: `"users"`, not `"public"."users"`. Such SQL
/// resolves its names through `search_path`, which is what a
/// schema-per-tenant folder needs (each tenant's migrations run with
/// `search_path` set to the tenant's schema); other namespaces stay qualified.
pub(crate) fn with_public_unqualified<T>(f: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            QUALIFY_PUBLIC.with(|q| q.set(self.0));
        }
    }
    let _restore = Restore(QUALIFY_PUBLIC.with(|q| q.replace(false)));
    f()
}

/// `"namespace"."name"` (just `"name"` in the default namespace inside
/// [`with_public_unqualified`]).
pub(crate) fn qualified(name: &QualifiedName) -> String {
    qualify(&name.namespace, &name.name)
}

/// [`qualified`] of a namespace and a name.
pub(crate) fn qualify(namespace: &str, name: &str) -> String {
    if namespace == shale_model::DEFAULT_NAMESPACE && !QUALIFY_PUBLIC.with(|q| q.get()) {
        ident(name)
    } else {
        format!("{}.{}", ident(namespace), ident(name))
    }
}

/// A table for messages: `"users"` in `public`, `"auth"."users"` elsewhere.
fn table_label(name: &QualifiedName) -> String {
    if name.is_public() {
        ident(&name.name)
    } else {
        qualified(name)
    }
}

fn column_label(table: &QualifiedName, column: &str) -> String {
    format!("{}.{}", table_label(table), ident(column))
}

/// The SQL spelling of a column type; serial types stay serial.
pub(crate) fn render_type(ty: &ColumnType) -> String {
    let mut out = match &ty.base {
        BaseType::Named(name) => name.clone(),
        BaseType::Enum(name) | BaseType::UserType(name) => qualified(name),
    };
    for _ in 0..ty.array_dims {
        out.push_str("[]");
    }
    out
}

/// The type a column stores: serial types are their integer type.
fn storage_type(ty: &ColumnType) -> ColumnType {
    match ty.serial_storage() {
        Some(storage) => ColumnType::named(storage),
        None => ty.clone(),
    }
}

/// Whether the column is NOT NULL in the database: identity and serial
/// columns always are.
fn not_null(column: &Column) -> bool {
    !column.nullable || column.identity.is_some() || column.ty.is_serial()
}

fn identity_sql(identity: Identity) -> &'static str {
    match identity {
        Identity::Always => "ALWAYS",
        Identity::ByDefault => "BY DEFAULT",
    }
}

/// ` (START WITH 100 INCREMENT BY 10)` after `AS IDENTITY` when the
/// identity's sequence options are not the defaults, else nothing.
fn identity_options_sql(column: &Column) -> String {
    let options = sequence::options_sql(&column.identity_options);
    if options.is_empty() {
        String::new()
    } else {
        format!(" ({})", options.join(" "))
    }
}

/// `"id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL`, …
fn column_definition(column: &Column) -> String {
    let mut out = format!("{} {}", ident(&column.name), render_type(&column.ty));
    if let Some(collation) = &column.collation {
        out.push_str(&format!(" COLLATE {}", ident(collation)));
    }
    if let Some(expr) = &column.generated {
        out.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED"));
    }
    if let Some(identity) = column.identity {
        out.push_str(&format!(
            " GENERATED {} AS IDENTITY{}",
            identity_sql(identity),
            identity_options_sql(column)
        ));
    }
    if let Some(default) = &column.default {
        out.push_str(&format!(" DEFAULT {default}"));
    }
    if not_null(column) {
        out.push_str(" NOT NULL");
    }
    out
}

fn lock_hazard(table: &QualifiedName) -> Hazard {
    hazard(
        HazardKind::AcquiresAccessExclusiveLock,
        format!(
            "locks table {} against reads and writes",
            table_label(table)
        ),
    )
}

struct Renderer<'a> {
    schemas: MigrationPair<&'a Schema>,
    out: Vec<Statement>,
    /// Columns whose default an enum swap restores: `(table, column)`.
    enum_swapped_columns: HashSet<(QualifiedName, String)>,
    /// Views the plan creates (next names).
    recreated_views: HashSet<QualifiedName>,
    /// `SET LOCAL check_function_bodies = off` was written (before the
    /// first `LANGUAGE sql` routine: it is created before the tables it may
    /// read, as pg_dump does).
    function_bodies_unchecked: bool,
    /// Online mode's state, `None` in plain mode.
    online: Option<online::Online>,
}

impl<'a> Renderer<'a> {
    fn push(&mut self, sql: String, hazards: Vec<Hazard>) {
        self.out.push(Statement { sql, hazards });
    }

    fn previous_table(&self, name: &QualifiedName) -> Result<&'a Table, RenderError> {
        self.schemas
            .previous
            .table(name)
            .ok_or_else(|| RenderError::MissingTable {
                name: name.to_string(),
            })
    }

    fn next_table(&self, name: &QualifiedName) -> Result<&'a Table, RenderError> {
        self.schemas
            .next
            .table(name)
            .ok_or_else(|| RenderError::MissingTable {
                name: name.to_string(),
            })
    }

    fn next_enum(&self, name: &QualifiedName) -> Result<&'a Enum, RenderError> {
        self.schemas
            .next
            .enum_(name)
            .ok_or_else(|| RenderError::MissingEnum {
                name: name.to_string(),
            })
    }

    fn render_step(&mut self, step: &Step) -> Result<(), RenderError> {
        if self.online.is_some() && self.render_online_step(step)? {
            return Ok(());
        }
        match step {
            Step::CreateSchema { namespace } => {
                self.push(format!("CREATE SCHEMA {};", ident(namespace)), vec![])
            }
            Step::CreateExtension { name } => self.render_create_extension(name)?,
            Step::UpdateExtension { name } => self.render_update_extension(name)?,
            Step::MoveExtension { name } => self.render_move_extension(name)?,
            Step::DisownSequence { name } => self.render_disown_sequence(name),
            Step::RenameSequence { names } => self.render_rename_sequence(names),
            Step::CreateSequence { name } => self.render_create_sequence(name)?,
            Step::AlterSequence { names } => self.render_alter_sequence(names)?,
            Step::SetSequenceOwner { name } => self.render_sequence_owner(name)?,
            Step::DropSequence { name } => self.render_drop_sequence(name),
            Step::DropExtension { name } => self.render_drop_extension(name)?,
            Step::DropSchema { namespace } => {
                self.push(format!("DROP SCHEMA {};", ident(namespace)), vec![])
            }
            Step::DropView { name, materialized } => self.render_drop_view(name, *materialized),
            Step::DropViewIndex { view, name } => self.render_drop_view_index(view, name),
            Step::RenameView {
                names,
                materialized,
            } => self.render_rename_view(names, *materialized),
            Step::CreateView { name, replace } => self.render_create_view(name, *replace)?,
            Step::CreateViewIndex { view, name } => self.render_create_view_index(view, name)?,
            Step::DropForeignKey { table, name } => self.push(
                format!(
                    "ALTER TABLE {} DROP CONSTRAINT {};",
                    qualified(table),
                    ident(name)
                ),
                vec![lock_hazard(table)],
            ),
            Step::DropIndex { table, name } => self.push(
                format!("DROP INDEX {};", qualify(&table.namespace, name)),
                vec![lock_hazard(table)],
            ),
            Step::DropConstraint { table, name } => self.push(
                format!(
                    "ALTER TABLE {} DROP CONSTRAINT {};",
                    qualified(table),
                    ident(name)
                ),
                vec![lock_hazard(table)],
            ),
            Step::DropTable { table } => self.push(
                format!("DROP TABLE {};", qualified(table)),
                vec![
                    hazard(
                        HazardKind::DeletesData,
                        // Dropped to be created again: its partitioning changes.
                        if self.schemas.next.table(table).is_some() {
                            format!(
                                "drops table {} and all its rows to create it again with another partitioning (PostgreSQL cannot change it in place)",
                                table_label(table)
                            )
                        } else {
                            format!("drops table {} and all its rows", table_label(table))
                        },
                    ),
                    hazard(
                        HazardKind::BackwardIncompatible,
                        format!("code using table {} breaks", table_label(table)),
                    ),
                    lock_hazard(table),
                ],
            ),
            Step::DropColumn {
                table,
                column,
                regenerated,
            } => {
                let label = column_label(table, column);
                let mut hazards = Vec::new();
                if !regenerated {
                    hazards.push(hazard(
                        HazardKind::DeletesData,
                        format!("drops column {label}"),
                    ));
                    hazards.push(hazard(
                        HazardKind::BackwardIncompatible,
                        format!("code using column {label} breaks"),
                    ));
                }
                hazards.push(lock_hazard(table));
                self.push(
                    format!(
                        "ALTER TABLE {} DROP COLUMN {};",
                        qualified(table),
                        ident(column)
                    ),
                    hazards,
                );
            }
            Step::RenameEnum { names } => self.render_rename_enum(names),
            Step::CreateEnum { name } => {
                let e = self.next_enum(name)?;
                self.push(create_enum_sql(&e.name, &e.values), vec![]);
            }
            Step::RenameEnumValue { enum_name, values } => self.push(
                format!(
                    "ALTER TYPE {} RENAME VALUE {} TO {};",
                    qualified(enum_name),
                    literal(&values.previous),
                    literal(&values.next)
                ),
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!(
                        "renames value {} of enum {} to {}",
                        literal(&values.previous),
                        table_label(enum_name),
                        literal(&values.next)
                    ),
                )],
            ),
            Step::AddEnumValue {
                enum_name,
                value,
                placement,
                ..
            } => {
                let position = match placement {
                    EnumValuePlacement::Before(v) => format!(" BEFORE {}", literal(v)),
                    EnumValuePlacement::After(v) => format!(" AFTER {}", literal(v)),
                    EnumValuePlacement::Last => String::new(),
                };
                self.push(
                    format!(
                        "ALTER TYPE {} ADD VALUE {}{position};",
                        qualified(enum_name),
                        literal(value)
                    ),
                    vec![],
                );
            }
            Step::RenameTable { names } => self.render_rename_table(names),
            Step::RenameColumn { table, names } => self.push(
                format!(
                    "ALTER TABLE {} RENAME COLUMN {} TO {};",
                    qualified(table),
                    ident(&names.previous),
                    ident(&names.next)
                ),
                vec![
                    hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "renames column {} to {}: code using the previous name breaks",
                            column_label(table, &names.previous),
                            ident(&names.next)
                        ),
                    ),
                    lock_hazard(table),
                ],
            ),
            Step::RenameConstraint { table, names } => self.push(
                format!(
                    "ALTER TABLE {} RENAME CONSTRAINT {} TO {};",
                    qualified(table),
                    ident(&names.previous),
                    ident(&names.next)
                ),
                vec![lock_hazard(table)],
            ),
            Step::RenameIndex { table, names } => self.push(
                format!(
                    "ALTER INDEX {} RENAME TO {};",
                    qualify(&table.namespace, &names.previous),
                    ident(&names.next)
                ),
                vec![],
            ),
            Step::AlterColumn {
                table,
                column,
                changes,
            } => self.render_alter_column(table, column, *changes)?,
            Step::ReplaceEnum {
                names,
                removed_values,
                columns,
            } => self.render_replace_enum(names, removed_values, columns)?,
            Step::CreateTable { table } => {
                let t = self.next_table(table)?;
                self.push(create_table_sql(t), vec![]);
            }
            Step::AddColumn { table, column } => self.render_add_column(table, column)?,
            Step::AddConstraint { table, name } => self.render_add_constraint(table, name)?,
            // Scans the existing rows under SHARE UPDATE EXCLUSIVE (a foreign
            // key also takes ROW SHARE on the table it references): reads and
            // writes go on, so this is the online form already.
            Step::ValidateConstraint { table, name } => self.push(
                format!(
                    "ALTER TABLE {} VALIDATE CONSTRAINT {};",
                    qualified(table),
                    ident(name)
                ),
                vec![],
            ),
            Step::CreateIndex {
                table,
                name,
                on_new_table,
            } => {
                let t = self.next_table(table)?;
                let index = t.indexes.iter().find(|i| &i.name == name).ok_or_else(|| {
                    RenderError::MissingObject {
                        table: table.to_string(),
                        name: name.clone(),
                    }
                })?;
                let mut hazards = Vec::new();
                if !on_new_table {
                    hazards.push(hazard(
                        HazardKind::IndexBuild,
                        format!(
                            "builds index {} on {}, blocking writes while it runs",
                            ident(name),
                            table_label(table)
                        ),
                    ));
                }
                self.push(create_index_sql(table, index), hazards);
            }
            Step::AddForeignKey { table, name } => {
                let t = self.next_table(table)?;
                let fk = t
                    .foreign_keys
                    .iter()
                    .find(|f| &f.name == name)
                    .ok_or_else(|| RenderError::MissingObject {
                        table: table.to_string(),
                        name: name.clone(),
                    })?;
                self.push(
                    format!(
                        "ALTER TABLE {} ADD {}{};",
                        qualified(table),
                        foreign_key_sql(fk),
                        if fk.not_valid { " NOT VALID" } else { "" }
                    ),
                    vec![],
                );
            }
            Step::DropPolicy { .. }
            | Step::RenamePolicy { .. }
            | Step::CreatePolicy { .. }
            | Step::AlterPolicy { .. }
            | Step::AlterRowLevelSecurity { .. } => self.render_policy_step(step)?,
            Step::CreateFunction { .. }
            | Step::DropFunction { .. }
            | Step::CreateTrigger { .. }
            | Step::DropTrigger { .. } => self.render_function_step(step)?,
            Step::CreatePartition { .. }
            | Step::DropPartition { .. }
            | Step::DetachPartition { .. }
            | Step::AttachPartition { .. } => self.render_partition_step(step)?,
            Step::CreateDomain { .. }
            | Step::AlterDomain { .. }
            | Step::AddDomainCheck { .. }
            | Step::DropDomainCheck { .. }
            | Step::RenameDomainCheck { .. }
            | Step::CreateCompositeType { .. }
            | Step::RenameAttribute { .. }
            | Step::AlterCompositeType { .. }
            | Step::RenameUserType { .. }
            | Step::ReplaceDomain { .. }
            | Step::DropCompositeType { .. }
            | Step::DropDomain { .. } => self.render_user_type_step(step)?,
            Step::SetComment { target } => self.render_comment(target)?,
            Step::GrantPrivileges { .. } | Step::RevokePrivileges { .. } => {
                self.render_grant_step(step)?
            }
            Step::DropEnum { name } => self.push(
                format!("DROP TYPE {};", qualified(name)),
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!("drops enum {}", table_label(name)),
                )],
            ),
        }
        Ok(())
    }

    fn render_rename_enum(&mut self, names: &MigrationPair<QualifiedName>) {
        let hazards = || {
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "renames enum {} to {}",
                    table_label(&names.previous),
                    table_label(&names.next)
                ),
            )]
        };
        self.push_move_and_rename("TYPE", names, hazards);
    }

    fn render_rename_table(&mut self, names: &MigrationPair<QualifiedName>) {
        let hazards = || {
            vec![
                hazard(
                    HazardKind::BackwardIncompatible,
                    format!(
                        "renames table {} to {}: code using the previous name breaks",
                        table_label(&names.previous),
                        table_label(&names.next)
                    ),
                ),
                lock_hazard(&names.previous),
            ]
        };
        self.push_move_and_rename("TABLE", names, hazards);
    }

    /// `ALTER <kind> … SET SCHEMA` when the namespace changes, then
    /// `ALTER <kind> … RENAME TO` when the name changes (PostgreSQL has no
    /// single statement for both), each with the object's hazards.
    fn push_move_and_rename(
        &mut self,
        kind: &str,
        names: &MigrationPair<QualifiedName>,
        hazards: impl Fn() -> Vec<Hazard>,
    ) {
        let mut current = names.previous.clone();
        if names.previous.namespace != names.next.namespace {
            self.push(
                format!(
                    "ALTER {kind} {} SET SCHEMA {};",
                    qualified(&current),
                    ident(&names.next.namespace)
                ),
                hazards(),
            );
            current.namespace = names.next.namespace.clone();
        }
        if current.name != names.next.name {
            self.push(
                format!(
                    "ALTER {kind} {} RENAME TO {};",
                    qualified(&current),
                    ident(&names.next.name)
                ),
                hazards(),
            );
        }
    }

    fn render_alter_column(
        &mut self,
        tables: &MigrationPair<QualifiedName>,
        columns: &MigrationPair<String>,
        changes: ColumnChanges,
    ) -> Result<(), RenderError> {
        let previous_table = self.previous_table(&tables.previous)?;
        let next_table = self.next_table(&tables.next)?;
        let missing = |t: &QualifiedName, c: &str| RenderError::MissingColumn {
            table: t.to_string(),
            column: c.to_string(),
        };
        let previous = previous_table
            .column(&columns.previous)
            .ok_or_else(|| missing(&tables.previous, &columns.previous))?;
        let next = next_table
            .column(&columns.next)
            .ok_or_else(|| missing(&tables.next, &columns.next))?;
        let table = &tables.next;
        let alter = format!(
            "ALTER TABLE {} ALTER COLUMN {}",
            qualified(table),
            ident(&next.name)
        );
        let label = column_label(table, &next.name);
        let lock = || lock_hazard(table);
        let previous_serial = previous.ty.is_serial();
        let next_serial = next.ty.is_serial();
        let becomes_serial = changes.sequence && !previous_serial && next_serial;
        let stops_serial = changes.sequence && previous_serial && !next_serial;
        let swapped = self
            .enum_swapped_columns
            .contains(&(table.clone(), next.name.clone()));

        // 1. Defaults go first: a changed type may not cast the previous
        //    default, an identity cannot coexist with one, and a serial's
        //    sequence cannot be dropped while its default uses it.
        let drop_default = (previous.default.is_some()
            && (changes.default || changes.ty || becomes_serial))
            || stops_serial
            || (swapped && changes.ty && previous.default.is_some());
        if drop_default {
            self.push(format!("{alter} DROP DEFAULT;"), vec![lock()]);
        }
        // 2. Identity and generation removed before the type changes.
        if changes.identity && previous.identity.is_some() && next.identity.is_none() {
            self.push(format!("{alter} DROP IDENTITY;"), vec![lock()]);
        }
        if changes.drop_expression {
            self.push(format!("{alter} DROP EXPRESSION;"), vec![lock()]);
        }
        if stops_serial {
            let sequence = QualifiedName::new(
                table.namespace.clone(),
                naming::serial_sequence(&tables.previous.name, &columns.previous),
            );
            self.push(format!("DROP SEQUENCE {};", qualified(&sequence)), vec![]);
        }
        // 3. The type.
        if changes.ty {
            let previous_ty = storage_type(&previous.ty);
            let next_ty = storage_type(&next.ty);
            let rendered = render_type(&next_ty);
            let TypeChange { rewrite, lossy } = type_change(&previous_ty, &next_ty);
            if let Some(online) = self.online.as_mut() {
                if rewrite || lossy {
                    online.refuse_type_change(
                        table,
                        next,
                        &previous_ty.to_string(),
                        &next_ty.to_string(),
                    );
                    return Ok(());
                }
            }
            let mut hazards = Vec::new();
            if lossy {
                hazards.push(hazard(
                    HazardKind::DeletesData,
                    format!("changes column {label} from {previous_ty} to {next_ty}, which may lose or refuse values"),
                ));
                hazards.push(hazard(
                    HazardKind::BackwardIncompatible,
                    format!("narrows column {label} from {previous_ty} to {next_ty}"),
                ));
            }
            if rewrite {
                hazards.push(hazard(
                    HazardKind::TableRewrite,
                    format!(
                        "rewrites table {} to change column {label} to {next_ty}",
                        table_label(table)
                    ),
                ));
            }
            hazards.push(lock());
            let using = using_expression(&next.name, &previous_ty, &next_ty);
            // Online, only a change that keeps the stored bytes gets here.
            let allow = if self.online.is_some() {
                "-- shale:allow changing-column-type (binary-compatible: the table is not rewritten)\n"
            } else {
                ""
            };
            // A new type takes its own default collation unless one is named.
            let collate = next
                .collation
                .as_ref()
                .map(|c| format!(" COLLATE {}", ident(c)))
                .unwrap_or_default();
            self.push(
                format!("{allow}{alter} SET DATA TYPE {rendered}{collate} USING {using};"),
                hazards,
            );
        } else if changes.collation {
            // The same type in another collation: no rewrite, but the
            // column's indexes are rebuilt.
            if let Some(online) = self.online.as_mut() {
                let spell = |c: &Option<String>| {
                    format!(
                        "{} COLLATE {}",
                        render_type(&next.ty),
                        ident(c.as_deref().unwrap_or("default"))
                    )
                };
                online.refuse_type_change(
                    table,
                    next,
                    &spell(&previous.collation),
                    &spell(&next.collation),
                );
                return Ok(());
            }
            let collation = next.collation.as_deref().unwrap_or("default");
            self.push(
                format!(
                    "{alter} SET DATA TYPE {} COLLATE {};",
                    render_type(&storage_type(&next.ty)),
                    ident(collation)
                ),
                vec![
                    hazard(
                        HazardKind::IndexBuild,
                        format!(
                            "rebuilds the indexes of table {} over column {label} for its new collation",
                            table_label(table)
                        ),
                    ),
                    lock(),
                ],
            );
        }
        if changes.sequence && previous_serial && next_serial {
            // Between serial sizes: the sequence's type follows the column's.
            let sequence = QualifiedName::new(
                table.namespace.clone(),
                naming::serial_sequence(&tables.previous.name, &columns.previous),
            );
            let storage = next.ty.serial_storage().unwrap_or("integer");
            self.push(
                format!("ALTER SEQUENCE {} AS {storage};", qualified(&sequence)),
                vec![],
            );
        }
        // 4. Nullability, before identity (which requires NOT NULL).
        if changes.nullable {
            let adds_identity =
                changes.identity && previous.identity.is_none() && next.identity.is_some();
            if let (true, Some(online)) = (not_null(next), self.online.as_mut()) {
                if adds_identity {
                    online.refuse_rewrite(
                        format!("making {label} NOT NULL and an identity at once needs SET NOT NULL to scan the table under an ACCESS EXCLUSIVE lock"),
                        "make it NOT NULL first (`shale generate --online` writes a validated check), then add the identity in a later migration",
                    );
                } else {
                    online.set_not_null(table, &next.name);
                }
            } else if not_null(next) {
                self.push(
                    format!("{alter} SET NOT NULL;"),
                    vec![
                        hazard(
                            HazardKind::NotNullWithoutDefault,
                            format!("sets column {label} NOT NULL: fails if any row holds NULL"),
                        ),
                        lock(),
                    ],
                );
            } else {
                self.push(format!("{alter} DROP NOT NULL;"), vec![lock()]);
            }
        }
        // 5. Identity added or switched.
        if changes.identity {
            match (previous.identity, next.identity) {
                (None, Some(identity)) => {
                    self.push(
                        format!(
                            "{alter} ADD GENERATED {} AS IDENTITY{};",
                            identity_sql(identity),
                            identity_options_sql(next)
                        ),
                        vec![lock()],
                    );
                    // Existing rows hold values: start the sequence after them.
                    self.push(identity_restart_sql(table, next), vec![]);
                }
                (Some(_), Some(identity)) => {
                    self.push(
                        format!("{alter} SET GENERATED {};", identity_sql(identity)),
                        vec![lock()],
                    );
                }
                _ => {}
            }
        }
        // 5b. The identity's sequence options, identity kept. The previous
        //     options are resolved for the next type: a type change has
        //     already moved default bounds along (as `ALTER SEQUENCE … AS`).
        if changes.identity_options && previous.identity.is_some() && next.identity.is_some() {
            let ty = next.identity_sequence_type();
            let options = sequence::changed_options_sql(MigrationPair::new(
                previous.identity_options.resolved(ty),
                next.identity_options.resolved(ty),
            ));
            if !options.is_empty() {
                let sets: Vec<String> = options.iter().map(|o| format!("SET {o}")).collect();
                self.push(format!("{alter} {};", sets.join(" ")), vec![lock()]);
            }
        }
        // 6. The serial sequence, created for the column.
        if becomes_serial {
            let sequence = QualifiedName::new(
                table.namespace.clone(),
                naming::serial_sequence(&table.name, &next.name),
            );
            let storage = next.ty.serial_storage().unwrap_or("integer");
            self.push(
                format!(
                    "CREATE SEQUENCE {} AS {storage} OWNED BY {}.{};",
                    qualified(&sequence),
                    qualified(table),
                    ident(&next.name)
                ),
                vec![],
            );
            self.push(
                sequence_restart_sql(table, &next.name, Some(&sequence)),
                vec![],
            );
            self.push(
                format!(
                    "{alter} SET DEFAULT nextval({}::regclass);",
                    literal(&qualified(&sequence))
                ),
                vec![lock()],
            );
        }
        // 7. The next default, unless an enum swap restores it later.
        let restore_default = changes.default || (changes.ty && previous.default.is_some());
        if restore_default && !swapped {
            if let Some(default) = &next.default {
                self.push(format!("{alter} SET DEFAULT {default};"), vec![lock()]);
            }
        }
        Ok(())
    }

    fn render_replace_enum(
        &mut self,
        names: &MigrationPair<QualifiedName>,
        removed_values: &[String],
        columns: &[EnumColumn],
    ) -> Result<(), RenderError> {
        let e = self.next_enum(&names.next)?;
        let name = &e.name;
        // The previous type steps aside under a temporary name in the same
        // namespace; `<name>__previous` is clearly shale's and is dropped below.
        let temporary = QualifiedName::new(
            name.namespace.clone(),
            naming::make_object_name(&name.name, Some(""), "previous"),
        );
        let mut hazards = Vec::new();
        if !removed_values.is_empty() {
            let values: Vec<String> = removed_values.iter().map(|v| literal(v)).collect();
            hazards.push(hazard(
                HazardKind::DeletesData,
                format!(
                    "removes value{} {} from enum {}: converting a row that holds one fails",
                    if values.len() == 1 { "" } else { "s" },
                    values.join(", "),
                    table_label(name)
                ),
            ));
            hazards.push(hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "code writing {} to enum {} breaks",
                    values.join(", "),
                    table_label(name)
                ),
            ));
        }
        self.push(
            format!(
                "ALTER TYPE {} RENAME TO {};",
                qualified(name),
                ident(&temporary.name)
            ),
            hazards,
        );
        self.push(create_enum_sql(name, &e.values), vec![]);
        for column in columns {
            let table = self.next_table(&column.table)?;
            let c = table
                .column(&column.column)
                .ok_or_else(|| RenderError::MissingColumn {
                    table: column.table.to_string(),
                    column: column.column.clone(),
                })?;
            let alter = format!(
                "ALTER TABLE {} ALTER COLUMN {}",
                qualified(&column.table),
                ident(&c.name)
            );
            let lock = || lock_hazard(&column.table);
            if column.drop_default {
                self.push(format!("{alter} DROP DEFAULT;"), vec![lock()]);
            }
            let rendered = render_type(&c.ty);
            let text = ColumnType {
                base: BaseType::Named("text".into()),
                array_dims: c.ty.array_dims,
            };
            self.push(
                format!(
                    "{alter} SET DATA TYPE {rendered} USING {}::{}::{rendered};",
                    ident(&c.name),
                    render_type(&text)
                ),
                vec![
                    hazard(
                        HazardKind::TableRewrite,
                        format!(
                            "rewrites table {} to convert column {} to the new enum",
                            table_label(&column.table),
                            column_label(&column.table, &c.name)
                        ),
                    ),
                    lock(),
                ],
            );
            if let Some(default) = &c.default {
                self.push(format!("{alter} SET DEFAULT {default};"), vec![lock()]);
            }
        }
        self.push(format!("DROP TYPE {};", qualified(&temporary)), vec![]);
        Ok(())
    }

    fn render_add_column(
        &mut self,
        table: &QualifiedName,
        column: &str,
    ) -> Result<(), RenderError> {
        let t = self.next_table(table)?;
        let c = t.column(column).ok_or_else(|| RenderError::MissingColumn {
            table: table.to_string(),
            column: column.to_string(),
        })?;
        let label = column_label(table, column);
        let mut hazards = Vec::new();
        let fills_itself = c.default.is_some()
            || c.identity.is_some()
            || c.generated.is_some()
            || c.ty.is_serial();
        if not_null(c) && !fills_itself {
            hazards.push(hazard(
                HazardKind::NotNullWithoutDefault,
                format!(
                    "adds NOT NULL column {label} without a default: fails if the table has rows"
                ),
            ));
        }
        if c.generated.is_some() || c.identity.is_some() || c.ty.is_serial() {
            hazards.push(hazard(
                HazardKind::TableRewrite,
                format!(
                    "rewrites table {} to fill column {label}",
                    table_label(table)
                ),
            ));
        }
        hazards.push(lock_hazard(table));
        self.push(
            format!(
                "ALTER TABLE {} ADD COLUMN {};",
                qualified(table),
                column_definition(c)
            ),
            hazards,
        );
        Ok(())
    }

    fn render_add_constraint(
        &mut self,
        table: &QualifiedName,
        name: &str,
    ) -> Result<(), RenderError> {
        let t = self.next_table(table)?;
        let (definition, builds_index) =
            constraint_sql(t, name).ok_or_else(|| RenderError::MissingObject {
                table: table.to_string(),
                name: name.to_string(),
            })?;
        let mut hazards = Vec::new();
        if builds_index {
            hazards.push(hazard(
                HazardKind::IndexBuild,
                format!(
                    "builds the index of constraint {} on {}",
                    ident(name),
                    table_label(table)
                ),
            ));
        }
        hazards.push(lock_hazard(table));
        let not_valid = if t.checks.iter().any(|c| c.name == name && c.not_valid) {
            " NOT VALID"
        } else {
            ""
        };
        self.push(
            format!(
                "ALTER TABLE {} ADD {definition}{not_valid};",
                qualified(table)
            ),
            hazards,
        );
        Ok(())
    }

    fn render_comment(&mut self, target: &CommentTarget) -> Result<(), RenderError> {
        let comment_sql =
            |c: &Option<String>| c.as_deref().map_or_else(|| "NULL".to_string(), literal);
        let sql = match target {
            CommentTarget::Table(name) => {
                let t = self.next_table(name)?;
                format!(
                    "COMMENT ON TABLE {} IS {};",
                    qualified(name),
                    comment_sql(&t.comment)
                )
            }
            CommentTarget::Column(table, column) => {
                let t = self.next_table(table)?;
                let c = t.column(column).ok_or_else(|| RenderError::MissingColumn {
                    table: table.to_string(),
                    column: column.clone(),
                })?;
                format!(
                    "COMMENT ON COLUMN {}.{} IS {};",
                    qualified(table),
                    ident(column),
                    comment_sql(&c.comment)
                )
            }
            CommentTarget::View(name) => self.view_comment_sql(name, None)?,
            CommentTarget::Domain(name) => self.user_type_comment_sql(name, true)?,
            CommentTarget::CompositeType(name) => self.user_type_comment_sql(name, false)?,
            CommentTarget::Function(name, args) => self.function_comment_sql(name, args)?,
            CommentTarget::Trigger(table, name) => self.trigger_comment_sql(table, name)?,
            CommentTarget::ViewColumn(name, column) => self.view_comment_sql(name, Some(column))?,
            CommentTarget::Schema(name) => self.schema_comment_sql(name),
            CommentTarget::Constraint(table, name) => {
                let t = self.next_table(table)?;
                let comment =
                    t.constraint_comment(name)
                        .ok_or_else(|| RenderError::MissingObject {
                            table: table.to_string(),
                            name: name.clone(),
                        })?;
                format!(
                    "COMMENT ON CONSTRAINT {} ON {} IS {};",
                    ident(name),
                    qualified(table),
                    comment.map_or_else(|| "NULL".to_string(), literal)
                )
            }
            CommentTarget::Policy(table, name) => {
                let t = self.next_table(table)?;
                let p = t.policies.iter().find(|p| p.name == *name).ok_or_else(|| {
                    RenderError::MissingPolicy {
                        name: format!("{name} on {table}"),
                    }
                })?;
                format!(
                    "COMMENT ON POLICY {} ON {} IS {};",
                    ident(name),
                    qualified(table),
                    comment_sql(&p.comment)
                )
            }
            CommentTarget::Index(owner, name) => {
                let indexes = match self.schemas.next.table(owner) {
                    Some(t) => &t.indexes,
                    None => &self.next_view(owner)?.indexes,
                };
                let index = indexes.iter().find(|i| i.name == *name).ok_or_else(|| {
                    RenderError::MissingObject {
                        table: owner.to_string(),
                        name: name.clone(),
                    }
                })?;
                format!(
                    "COMMENT ON INDEX {} IS {};",
                    qualified(&QualifiedName::new(owner.namespace.clone(), name.clone())),
                    comment_sql(&index.comment)
                )
            }
            CommentTarget::Enum(name) => {
                let e = self.next_enum(name)?;
                format!(
                    "COMMENT ON TYPE {} IS {};",
                    qualified(name),
                    comment_sql(&e.comment)
                )
            }
            CommentTarget::Sequence(name) => {
                let s = self.schemas.next.sequence(name).ok_or_else(|| {
                    RenderError::MissingSequence {
                        name: name.to_string(),
                    }
                })?;
                format!(
                    "COMMENT ON SEQUENCE {} IS {};",
                    qualified(name),
                    comment_sql(&s.comment)
                )
            }
        };
        self.push(sql, vec![]);
        Ok(())
    }
}

/// The `USING` expression converting a column's values to its next type.
fn using_expression(column: &str, previous: &ColumnType, next: &ColumnType) -> String {
    let rendered = render_type(next);
    let text = |dims| {
        render_type(&ColumnType {
            base: BaseType::Named("text".into()),
            array_dims: dims,
        })
    };
    let is_text = |t: &ColumnType| {
        t.array_dims == 0
            && t.base_name()
                .is_some_and(|n| n == "text" || n.starts_with("varchar") || n.starts_with("char"))
    };
    match (&previous.base, &next.base, next.base_name()) {
        // Enum to enum has no cast: go through text.
        (BaseType::Enum(_), BaseType::Enum(_), _) => format!(
            "{}::{}::{rendered}",
            ident(column),
            text(previous.array_dims)
        ),
        // Text parses as JSON; anything else (arrays, numbers, …) is
        // converted to its JSON value, as no cast exists.
        (_, _, Some(json @ ("json" | "jsonb"))) if next.array_dims == 0 && !is_text(previous) => {
            if matches!(previous.base_name(), Some("json" | "jsonb")) && previous.array_dims == 0 {
                format!("{}::{rendered}", ident(column))
            } else {
                let function = if json == "json" {
                    "to_json"
                } else {
                    "to_jsonb"
                };
                format!("{function}({})", ident(column))
            }
        }
        _ => format!("{}::{rendered}", ident(column)),
    }
}

/// `SELECT setval(…)` so that a new identity or serial sequence continues
/// after the values already in the column.
fn sequence_restart_sql(
    table: &QualifiedName,
    column: &str,
    sequence: Option<&QualifiedName>,
) -> String {
    let sequence = match sequence {
        Some(s) => literal(&qualified(s)),
        None => format!(
            "pg_get_serial_sequence({}, {})",
            literal(&qualified(table)),
            literal(column)
        ),
    };
    format!(
        "SELECT setval({sequence}, COALESCE(MAX({}), 0) + 1, false) FROM {};",
        ident(column),
        qualified(table)
    )
}

/// After `ADD GENERATED … AS IDENTITY` on a table with rows: the next
/// value follows the existing ones. With default options this is
/// [`sequence_restart_sql`]; with options it also stays at or beyond the
/// declared start (in the sequence's direction), so that an empty table
/// starts where the declaration says and the value is within bounds.
fn identity_restart_sql(table: &QualifiedName, column: &Column) -> String {
    if column.identity_options.is_default() {
        return sequence_restart_sql(table, &column.name, None);
    }
    let r = column
        .identity_options
        .resolved(column.identity_sequence_type());
    let sequence = format!(
        "pg_get_serial_sequence({}, {})",
        literal(&qualified(table)),
        literal(&column.name)
    );
    let value = if r.increment > 0 {
        format!(
            "GREATEST(COALESCE(MAX({}) + 1, {start}), {start})",
            ident(&column.name),
            start = r.start
        )
    } else {
        format!(
            "LEAST(COALESCE(MIN({}) - 1, {start}), {start})",
            ident(&column.name),
            start = r.start
        )
    };
    format!(
        "SELECT setval({sequence}, {value}, false) FROM {};",
        qualified(table)
    )
}

fn create_enum_sql(name: &QualifiedName, values: &[String]) -> String {
    let values: Vec<String> = values.iter().map(|v| literal(v)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({});",
        qualified(name),
        values.join(", ")
    )
}

/// `CREATE TABLE` with one column or constraint per line, tab-indented;
/// primary key, unique and check constraints inline, foreign keys separate.
pub(crate) fn create_table_sql(table: &Table) -> String {
    let mut lines: Vec<String> = table.columns.iter().map(column_definition).collect();
    if let Some(pk) = &table.primary_key {
        lines.push(
            constraint_sql(table, &pk.name)
                .map(|(sql, _)| sql)
                .unwrap_or_default(),
        );
    }
    for u in &table.uniques {
        lines.push(
            constraint_sql(table, &u.name)
                .map(|(sql, _)| sql)
                .unwrap_or_default(),
        );
    }
    // A NOT VALID check is added after the table (CREATE TABLE would mark
    // it valid): see `Step::AddConstraint`.
    for c in table.checks.iter().filter(|c| !c.not_valid) {
        lines.push(
            constraint_sql(table, &c.name)
                .map(|(sql, _)| sql)
                .unwrap_or_default(),
        );
    }
    for x in &table.exclusions {
        lines.push(partition::exclusion_sql(x));
    }
    let mut out = format!("CREATE TABLE {} (\n", qualified(&table.name));
    for (i, line) in lines.iter().enumerate() {
        out.push('\t');
        out.push_str(line);
        if i + 1 < lines.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push(')');
    out.push_str(&partition::partition_by_sql(table));
    out.push(';');
    out
}

/// `CONSTRAINT "name" …` for the primary key, unique or check constraint of
/// this name, and whether it builds an index.
fn constraint_sql(table: &Table, name: &str) -> Option<(String, bool)> {
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.name == name) {
        return Some((
            format!(
                "CONSTRAINT {} PRIMARY KEY ({}){}",
                ident(&pk.name),
                column_list(&pk.columns),
                deferrable_sql(pk.deferrable)
            ),
            true,
        ));
    }
    if let Some(u) = table.uniques.iter().find(|u| u.name == name) {
        let nulls = if u.nulls_not_distinct {
            " NULLS NOT DISTINCT"
        } else {
            ""
        };
        return Some((
            format!(
                "CONSTRAINT {} UNIQUE{nulls} ({}){}",
                ident(&u.name),
                column_list(&u.columns),
                deferrable_sql(u.deferrable)
            ),
            true,
        ));
    }
    if let Some(c) = table.checks.iter().find(|c| c.name == name) {
        return Some((
            format!(
                "CONSTRAINT {} CHECK ({}){}",
                ident(&c.name),
                c.expr,
                if c.no_inherit { " NO INHERIT" } else { "" }
            ),
            false,
        ));
    }
    if let Some(x) = table.exclusions.iter().find(|x| x.name == name) {
        return Some((partition::exclusion_sql(x), true));
    }
    None
}

/// `CONSTRAINT "name" FOREIGN KEY (…) REFERENCES … [ON DELETE …] …`.
pub(crate) fn foreign_key_sql(fk: &ForeignKey) -> String {
    let mut out = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({})",
        ident(&fk.name),
        column_list(&fk.columns),
        qualified(&fk.referenced_table),
        column_list(&fk.referenced_columns)
    );
    if fk.match_full {
        out.push_str(" MATCH FULL");
    }
    if fk.on_delete != ForeignKeyAction::NoAction {
        out.push_str(&format!(" ON DELETE {}", fk.on_delete.as_sql()));
    }
    if fk.on_update != ForeignKeyAction::NoAction {
        out.push_str(&format!(" ON UPDATE {}", fk.on_update.as_sql()));
    }
    out.push_str(deferrable_sql(fk.deferrable));
    out
}

/// ` DEFERRABLE INITIALLY …` after a key or foreign key, or nothing.
fn deferrable_sql(deferrable: Deferrable) -> &'static str {
    match deferrable {
        Deferrable::No => "",
        Deferrable::InitiallyImmediate => " DEFERRABLE INITIALLY IMMEDIATE",
        Deferrable::InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
    }
}

fn index_key_sql(key: &IndexKey) -> String {
    let mut out = match &key.target {
        IndexTarget::Column(c) => ident(c),
        IndexTarget::Expression(e) => format!("({e})"),
    };
    if let Some(opclass) = &key.opclass {
        out.push(' ');
        out.push_str(opclass);
    }
    if key.order == SortOrder::Desc {
        out.push_str(" DESC");
    }
    match key.nulls {
        Some(NullsOrder::First) => out.push_str(" NULLS FIRST"),
        Some(NullsOrder::Last) => out.push_str(" NULLS LAST"),
        None => {}
    }
    out
}

/// `CREATE [UNIQUE] INDEX "name" ON … USING method (…) [INCLUDE (…)] [NULLS NOT DISTINCT] [WHERE …]`.
pub(crate) fn create_index_sql(table: &QualifiedName, index: &Index) -> String {
    index_sql(table, index, false)
}

/// [`create_index_sql`], `CONCURRENTLY` when asked.
fn index_sql(table: &QualifiedName, index: &Index, concurrently: bool) -> String {
    let keys: Vec<String> = index.keys.iter().map(index_key_sql).collect();
    let mut out = format!(
        "CREATE {}INDEX {}{} ON {} USING {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        if concurrently { "CONCURRENTLY " } else { "" },
        ident(&index.name),
        qualified(table),
        index.method,
        keys.join(", ")
    );
    if !index.include.is_empty() {
        out.push_str(&format!(" INCLUDE ({})", column_list(&index.include)));
    }
    if index.unique && index.nulls_not_distinct {
        out.push_str(" NULLS NOT DISTINCT");
    }
    if let Some(predicate) = &index.predicate {
        out.push_str(&format!(" WHERE {predicate}"));
    }
    out.push(';');
    out
}
