//! The plan's vocabulary: one [`Step`] per schema change, whose variant order
//! is the order PostgreSQL must run them in.

use shale_model::QualifiedName;

use crate::MigrationPair;

/// One schema change. The variant order *is* the execution order: a plan is
/// sorted with the derived `Ord`, so each variant's position below is chosen
/// for what must already exist or already be gone when it runs.
///
/// Names are given as they are when the step runs: steps before the renames
/// (`Drop*`) use previous names, steps after them use next names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// `CREATE SCHEMA`. First: any object below may live in it.
    CreateSchema {
        /// The namespace.
        namespace: String,
    },
    /// `DROP POLICY`. Before the columns its expressions use are dropped or
    /// change type (PostgreSQL refuses both while a policy uses them), and
    /// before renames that could take its name.
    DropPolicy {
        /// The table's previous name.
        table: QualifiedName,
        /// The policy's previous name.
        name: String,
    },
    /// `DROP TRIGGER` of a kept table: a trigger removed or changed, or
    /// whose function is dropped and created again, or that uses a column
    /// that is dropped or changes type. Early: before its function and the
    /// columns it names go.
    DropTrigger {
        /// The table's previous name.
        table: QualifiedName,
        /// The trigger's name.
        name: String,
    },
    /// `CREATE EXTENSION`. Right after the namespaces (it may be installed
    /// in a new one), before the enums, sequences, tables and indexes that
    /// use its types, operator classes and functions.
    CreateExtension {
        /// The extension's name.
        name: String,
    },
    /// `ALTER EXTENSION … UPDATE TO`: before anything uses what the next
    /// version brings.
    UpdateExtension {
        /// The extension's name.
        name: String,
    },
    /// `ALTER EXTENSION … SET SCHEMA`: after the next namespace exists,
    /// before the previous one may be dropped.
    MoveExtension {
        /// The extension's name.
        name: String,
    },
    /// `ALTER SEQUENCE … OWNED BY NONE` when a sequence's owner changes:
    /// before the previous owning column or table is dropped (dropping
    /// them would drop the sequence too). Previous names: before renames.
    DisownSequence {
        /// The sequence's previous name.
        name: QualifiedName,
    },
    /// `DROP [MATERIALIZED] VIEW`. Before every other drop and change: a
    /// view depends on the tables, columns, types and views it reads, and
    /// PostgreSQL refuses to drop or retype any of them under it. Several
    /// are ordered by the view dependency graph, a view before those it reads.
    DropView {
        /// The view's previous name.
        name: QualifiedName,
        /// It is a materialized view.
        materialized: bool,
    },
    /// `DROP INDEX` of a materialized view's index (the view stays).
    DropViewIndex {
        /// The view's previous name.
        view: QualifiedName,
        /// The index's previous name.
        name: String,
    },
    /// Drop a foreign key. Before anything it points at (tables, columns,
    /// primary keys, unique constraints and indexes) is dropped or changed,
    /// and before its own table or columns go.
    DropForeignKey {
        /// The table's previous name.
        table: QualifiedName,
        /// The constraint's previous name.
        name: String,
    },
    /// Drop an index. Before the columns it uses are dropped, and before a
    /// rename or a new index takes its name. After foreign keys: a foreign
    /// key may depend on a unique index.
    DropIndex {
        /// The table's previous name.
        table: QualifiedName,
        /// The index's previous name.
        name: String,
    },
    /// Drop a primary key, unique or check constraint. After the foreign keys
    /// that depend on a primary key or unique constraint; before the columns
    /// it uses are dropped or change type.
    DropConstraint {
        /// The table's previous name.
        table: QualifiedName,
        /// The constraint's previous name.
        name: String,
    },
    /// `DROP TABLE` of a partition of a kept table (its rows go with it).
    /// Before the partitions that may take its bound are created.
    DropPartition {
        /// The parent's previous name.
        table: QualifiedName,
        /// The partition's name.
        name: String,
    },
    /// `ALTER DOMAIN … DROP CONSTRAINT`: a domain check removed or changed.
    /// With the table constraints' drops: before the columns and types it
    /// reads change. Previous names.
    DropDomainCheck {
        /// The domain's previous name.
        domain: QualifiedName,
        /// The check's name.
        name: String,
    },
    /// `DROP TABLE`. After foreign keys into it are gone; before a renamed
    /// table takes its name; before the enums its columns use are dropped.
    DropTable {
        /// The table's previous name.
        table: QualifiedName,
    },
    /// Drop a column. After the indexes and constraints that use it; before
    /// a renamed column takes its name; before an enum it uses is swapped or
    /// dropped.
    DropColumn {
        /// The table's previous name.
        table: QualifiedName,
        /// The column's previous name.
        column: String,
        /// The column is a stored generated column dropped only to be added
        /// again with a new expression: no data is lost, it is recomputed.
        regenerated: bool,
    },
    /// `DROP FUNCTION` / `DROP PROCEDURE`. After the tables, columns and
    /// triggers that used it are gone; before the types of its arguments are
    /// dropped and before it is created again.
    DropFunction {
        /// The routine's previous name.
        name: QualifiedName,
        /// Its identity argument types ([`shale_model::Function::identity_types`]).
        args: Vec<String>,
    },
    /// `ALTER SEQUENCE … SET SCHEMA` and `RENAME TO`. Before sequences are
    /// created: a new sequence may take the previous name.
    RenameSequence {
        /// Previous and next names.
        names: MigrationPair<QualifiedName>,
    },
    /// `CREATE SEQUENCE` (without `OWNED BY`, which needs its table:
    /// [`Step::SetSequenceOwner`]). Before the tables and columns whose
    /// defaults call `nextval` on it, and before column changes that set
    /// such a default.
    CreateSequence {
        /// The sequence's name.
        name: QualifiedName,
    },
    /// `ALTER SEQUENCE … AS …, INCREMENT …`: its type or options change.
    /// After its rename (uses the next name).
    AlterSequence {
        /// The sequence's previous and next names.
        names: MigrationPair<QualifiedName>,
    },
    /// `ALTER TYPE … RENAME TO` (and `SET SCHEMA`). Before enums are
    /// created: a new enum may take the previous name.
    RenameEnum {
        /// Previous and next names.
        names: MigrationPair<QualifiedName>,
    },
    /// `ALTER DOMAIN` / `ALTER TYPE … RENAME TO` (and `SET SCHEMA`) of a
    /// domain or composite type. Before types are created: a new one may
    /// take the previous name.
    RenameUserType {
        /// Previous and next names.
        names: MigrationPair<QualifiedName>,
        /// A domain (else a composite type).
        domain: bool,
    },
    /// `CREATE TYPE … AS ENUM`. Before the tables and columns that use it.
    CreateEnum {
        /// The enum's name.
        name: QualifiedName,
    },
    /// `ALTER TYPE … RENAME VALUE`. Before values are added, which may take
    /// the previous value or be placed next to the renamed one.
    RenameEnumValue {
        /// The enum's next name.
        enum_name: QualifiedName,
        /// Previous and next values.
        values: MigrationPair<String>,
    },
    /// `ALTER TYPE … ADD VALUE … BEFORE/AFTER`. Sorted by position, so each
    /// value's neighbour exists when it is added.
    AddEnumValue {
        /// The enum's next name.
        enum_name: QualifiedName,
        /// The value's position in the next enum.
        position: usize,
        /// The value.
        value: String,
        /// Where it goes.
        placement: EnumValuePlacement,
    },
    /// `CREATE DOMAIN` with its default, `NOT NULL` and checks. After the
    /// enums (and the domains, ordered among themselves) it is based on;
    /// before the composite types, routines and tables that use it.
    CreateDomain {
        /// The domain's name.
        name: QualifiedName,
    },
    /// `ALTER DOMAIN … SET/DROP DEFAULT`, `SET/DROP NOT NULL`. After the
    /// domain's rename (next name).
    AlterDomain {
        /// The domain's next name.
        name: QualifiedName,
        /// The default changes.
        default: bool,
        /// `NOT NULL` changes.
        not_null: bool,
    },
    /// `ALTER DOMAIN … ADD CONSTRAINT … CHECK`: validated against the
    /// columns using the domain as they are; moved after the column changes
    /// when array columns of the domain leave it (PostgreSQL cannot validate
    /// a check over an array column of the domain).
    AddDomainCheck {
        /// The domain's next name.
        domain: QualifiedName,
        /// The check's name.
        name: String,
    },
    /// `ALTER DOMAIN … RENAME CONSTRAINT`: a check whose expression is
    /// unchanged but whose name changed.
    RenameDomainCheck {
        /// The domain's next name.
        domain: QualifiedName,
        /// Previous and next names.
        names: MigrationPair<String>,
    },
    /// `CREATE TYPE … AS (…)`. After the enums and domains its attributes
    /// use (composite types ordered among themselves), before the routines
    /// and tables that use it.
    CreateCompositeType {
        /// The type's name.
        name: QualifiedName,
    },
    /// `ALTER TYPE … RENAME ATTRIBUTE`. Before attributes are added (one
    /// may take the previous name).
    RenameAttribute {
        /// The type's next name.
        type_name: QualifiedName,
        /// Previous and next attribute names.
        names: MigrationPair<String>,
    },
    /// `ALTER TYPE … DROP ATTRIBUTE`, `ADD ATTRIBUTE`, `ALTER ATTRIBUTE …
    /// TYPE`, in one statement. After the renames and the types it uses.
    AlterCompositeType {
        /// The type's next name.
        name: QualifiedName,
        /// Attributes dropped (previous names; with those dropped only to
        /// be added again in their declared place).
        drop: Vec<String>,
        /// Attributes added, in the next type's order (next names).
        add: Vec<String>,
        /// Attributes whose type changes (next names).
        retype: Vec<String>,
    },
    /// `CREATE [OR REPLACE] FUNCTION` / `PROCEDURE`. After the types and
    /// sequences it may use, before the tables whose defaults and checks
    /// may call it (as pg_dump orders them: bodies are not checked against
    /// the tables they read until they run).
    CreateFunction {
        /// The routine's next name.
        name: QualifiedName,
        /// Its identity argument types.
        args: Vec<String>,
        /// `CREATE OR REPLACE`: the routine exists and keeps its signature,
        /// result and argument names.
        replace: bool,
    },
    /// `ALTER [MATERIALIZED] VIEW … RENAME TO` (and `SET SCHEMA`). After the
    /// drops that freed the name, before tables and views that take the
    /// previous name are created.
    RenameView {
        /// Previous and next names.
        names: MigrationPair<QualifiedName>,
        /// It is a materialized view.
        materialized: bool,
    },
    /// `ALTER TABLE … RENAME TO` (and `SET SCHEMA`). After the drops that
    /// use previous names, before everything that uses next names.
    RenameTable {
        /// Previous and next names.
        names: MigrationPair<QualifiedName>,
    },
    /// `ALTER TABLE … RENAME COLUMN`. After the table's rename and after a
    /// dropped column freed the name.
    RenameColumn {
        /// The table's next name.
        table: QualifiedName,
        /// Previous and next column names.
        names: MigrationPair<String>,
    },
    /// `ALTER TABLE … RENAME CONSTRAINT`: a constraint whose definition is
    /// unchanged but whose name changed.
    RenameConstraint {
        /// The table's next name.
        table: QualifiedName,
        /// Previous and next constraint names.
        names: MigrationPair<String>,
    },
    /// `ALTER INDEX … RENAME TO`: an index whose definition is unchanged but
    /// whose name changed.
    RenameIndex {
        /// The table's next name.
        table: QualifiedName,
        /// Previous and next index names.
        names: MigrationPair<String>,
    },
    /// Changes to one existing column (type, nullability, default, identity,
    /// generation, serial sequence). After the renames (uses next names) and
    /// after dropping checks that may not hold for the new type; before the
    /// enum swaps, which convert the column when it ends up in a swapped enum.
    AlterColumn {
        /// The table's previous and next names.
        table: MigrationPair<QualifiedName>,
        /// The column's previous and next names.
        column: MigrationPair<String>,
        /// What changes.
        changes: ColumnChanges,
    },
    /// Remove values from an enum by swapping in a new type: rename the
    /// current one out of the way, create the next one, convert every column
    /// that uses it, drop the previous one. After column changes (columns
    /// moving into or out of the enum have done so), before tables and
    /// columns are created (they can use the next type directly).
    ReplaceEnum {
        /// The enum's previous and next names (it is already renamed when
        /// this runs, so it is found under the next name).
        names: MigrationPair<QualifiedName>,
        /// The previous values that are gone (not renamed).
        removed_values: Vec<String>,
        /// The existing columns to convert.
        columns: Vec<EnumColumn>,
    },
    /// A domain whose base type changes (PostgreSQL cannot alter it): the
    /// previous one renamed out of the way, the next one created, every
    /// column that uses it converted (`USING column::base`), the previous
    /// one dropped. After column changes, before tables are created.
    ReplaceDomain {
        /// The domain's next name (already renamed when this runs).
        name: QualifiedName,
        /// The existing columns to convert: `(table's next name, column)`.
        columns: Vec<(QualifiedName, String)>,
    },
    /// `CREATE TABLE` with its columns, primary key, unique and check
    /// constraints inline. After the enums it uses.
    CreateTable {
        /// The table's name.
        table: QualifiedName,
    },
    /// `ALTER TABLE … ADD COLUMN`. After the enums it uses.
    AddColumn {
        /// The table's next name.
        table: QualifiedName,
        /// The column's name.
        column: String,
    },
    /// `ALTER TABLE parent DETACH PARTITION p`: a partition whose bound
    /// changes. After the parent's columns are added and changed (a
    /// detached partition no longer follows them), before the partitions
    /// that may take its previous bound are created.
    DetachPartition {
        /// The parent's next name.
        table: QualifiedName,
        /// The partition's name.
        name: String,
    },
    /// `CREATE TABLE p PARTITION OF parent FOR VALUES …`. After the parent
    /// and its columns exist and after overlapping partitions are dropped
    /// or detached; the parent's keys, indexes and triggers reach it.
    CreatePartition {
        /// The parent's next name.
        table: QualifiedName,
        /// The partition's name.
        name: String,
    },
    /// `ALTER TABLE parent ATTACH PARTITION p FOR VALUES …`: a detached
    /// partition back with its next bound, after the new partitions.
    AttachPartition {
        /// The parent's next name.
        table: QualifiedName,
        /// The partition's name.
        name: String,
    },
    /// `ALTER SEQUENCE … OWNED BY table.column`: after every table and
    /// column exists.
    SetSequenceOwner {
        /// The sequence's next name.
        name: QualifiedName,
    },
    /// Add a primary key, unique or check constraint to an existing table.
    /// After the columns exist; before foreign keys that need the key.
    AddConstraint {
        /// The table's next name.
        table: QualifiedName,
        /// The constraint's name.
        name: String,
    },
    /// `CREATE INDEX`. After the table and columns exist; before foreign
    /// keys, which may need a unique index.
    CreateIndex {
        /// The table's next name.
        table: QualifiedName,
        /// The index's name.
        name: String,
        /// The table is created by the same plan (no build on existing rows).
        on_new_table: bool,
    },
    /// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY`. After all tables,
    /// columns and keys exist, so that cycles of foreign keys work.
    AddForeignKey {
        /// The table's next name.
        table: QualifiedName,
        /// The constraint's name.
        name: String,
    },
    /// `ALTER TABLE … VALIDATE CONSTRAINT`: a `NOT VALID` check or foreign
    /// key that becomes valid, in place (the existing rows are checked under
    /// a lock that lets reads and writes go on). After the constraint exists.
    ValidateConstraint {
        /// The table's next name.
        table: QualifiedName,
        /// The constraint's next name.
        name: String,
    },
    /// `CREATE [MATERIALIZED] VIEW`, or `CREATE OR REPLACE VIEW` (`replace`)
    /// when PostgreSQL can change the view in place. After every table,
    /// column, type and key exists (a view reads them); several are ordered
    /// by the view dependency graph, a view after those it reads.
    CreateView {
        /// The view's next name.
        name: QualifiedName,
        /// `CREATE OR REPLACE VIEW` of an existing plain view.
        replace: bool,
    },
    /// `CREATE INDEX` on a materialized view. After the view exists.
    CreateViewIndex {
        /// The view's next name.
        view: QualifiedName,
        /// The index's name.
        name: String,
    },
    /// `ALTER TABLE … ENABLE` / `DISABLE` / `FORCE` / `NO FORCE ROW LEVEL
    /// SECURITY`. After the table exists.
    AlterRowLevelSecurity {
        /// The table's next name.
        table: QualifiedName,
        /// The flags before and after.
        changes: MigrationPair<shale_model::RowLevelSecurity>,
    },
    /// `ALTER POLICY … RENAME TO`. After the table's own rename.
    RenamePolicy {
        /// The table's next name.
        table: QualifiedName,
        /// Previous and next names.
        names: MigrationPair<String>,
    },
    /// `CREATE POLICY`. After every table, column and key exists: its
    /// expressions may read other tables.
    CreatePolicy {
        /// The table's next name.
        table: QualifiedName,
        /// The policy's name.
        name: String,
    },
    /// `ALTER POLICY … TO … USING … WITH CHECK …`: roles or expressions
    /// change (a change of command or of permissive/restrictive is a drop
    /// and a create: PostgreSQL cannot alter those).
    AlterPolicy {
        /// The table's next name.
        table: QualifiedName,
        /// The policy's name.
        name: String,
    },
    /// `CREATE TRIGGER`. After the table, its columns and the function exist.
    CreateTrigger {
        /// The table's next name.
        table: QualifiedName,
        /// The trigger's name.
        name: String,
    },
    /// `COMMENT ON … IS …` (or `IS NULL`). After the object exists.
    SetComment {
        /// What the comment is on.
        target: CommentTarget,
    },
    /// `DROP TYPE` of a composite type. After the tables, columns and
    /// routines that used it; before the domains and enums its attributes use
    /// (composite types ordered among themselves).
    DropCompositeType {
        /// The type's previous name.
        name: QualifiedName,
    },
    /// `DROP DOMAIN`. After everything that used it, before the enums it is
    /// based on.
    DropDomain {
        /// The domain's previous name.
        name: QualifiedName,
    },
    /// `REVOKE [GRANT OPTION FOR] … ON … FROM role` of a kept object, under
    /// its next name: after every rename. An object dropped or created
    /// again loses its privileges with it and gets no revoke.
    RevokePrivileges {
        /// What the privileges are on.
        target: GrantTarget,
        /// The role (`public` for `PUBLIC`).
        role: String,
        /// Only the grant option is revoked (`REVOKE GRANT OPTION FOR`).
        grant_option_only: bool,
        /// The privileges, in canonical order.
        privileges: Vec<shale_model::Privilege>,
    },
    /// `GRANT … ON … TO role [WITH GRANT OPTION]`. After the object exists
    /// (created, created again or renamed) and after the revokes.
    GrantPrivileges {
        /// What the privileges are on.
        target: GrantTarget,
        /// The role (`public` for `PUBLIC`).
        role: String,
        /// `WITH GRANT OPTION`.
        grant_option: bool,
        /// The privileges, in canonical order.
        privileges: Vec<shale_model::Privilege>,
    },
    /// `DROP TYPE`. After the tables and columns that used it are dropped or
    /// changed.
    DropEnum {
        /// The enum's previous name.
        name: QualifiedName,
    },
    /// `DROP SEQUENCE`. After the tables are dropped and the column
    /// defaults that call `nextval` on it are changed.
    DropSequence {
        /// The sequence's previous name.
        name: QualifiedName,
    },
    /// `DROP EXTENSION` (without `CASCADE`). After everything that used its
    /// types, operator classes or functions (tables, columns, indexes,
    /// sequences) is gone.
    DropExtension {
        /// The extension's name.
        name: String,
    },
    /// `DROP SCHEMA` (without `CASCADE`). Last: after everything in it.
    DropSchema {
        /// The namespace.
        namespace: String,
    },
}

/// An existing column converted by [`Step::ReplaceEnum`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnumColumn {
    /// The table's next name.
    pub table: QualifiedName,
    /// The column's next name.
    pub column: String,
    /// The column has a default now (it is bound to the previous type and
    /// must be dropped before the conversion).
    pub drop_default: bool,
}

/// Where an added enum value goes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnumValuePlacement {
    /// `BEFORE 'value'`.
    Before(String),
    /// `AFTER 'value'`.
    After(String),
    /// At the end (the enum had no values).
    Last,
}

/// The object a comment is on (next names).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CommentTarget {
    /// `COMMENT ON TABLE`.
    Table(QualifiedName),
    /// `COMMENT ON COLUMN`.
    Column(QualifiedName, String),
    /// `COMMENT ON TYPE`.
    Enum(QualifiedName),
    /// `COMMENT ON SEQUENCE`.
    Sequence(QualifiedName),
    /// `COMMENT ON [MATERIALIZED] VIEW`.
    View(QualifiedName),
    /// `COMMENT ON COLUMN` of a view.
    ViewColumn(QualifiedName, String),
    /// `COMMENT ON FUNCTION` / `PROCEDURE`: name and identity argument types.
    Function(QualifiedName, Vec<String>),
    /// `COMMENT ON TRIGGER … ON table`: table, trigger.
    Trigger(QualifiedName, String),
    /// `COMMENT ON DOMAIN`.
    Domain(QualifiedName),
    /// `COMMENT ON TYPE` of a composite type.
    CompositeType(QualifiedName),
    /// `COMMENT ON SCHEMA`.
    Schema(String),
    /// `COMMENT ON CONSTRAINT name ON table` (a key, check, foreign key or
    /// exclusion constraint): table, constraint.
    Constraint(QualifiedName, String),
    /// `COMMENT ON INDEX` of an index of a table or materialized view: the
    /// table or view, the index.
    Index(QualifiedName, String),
    /// `COMMENT ON POLICY name ON table`: table, policy.
    Policy(QualifiedName, String),
}

/// The object a grant or revoke is on (next names).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GrantTarget {
    /// `ON TABLE` (a table, view or materialized view).
    Table(QualifiedName),
    /// `ON SEQUENCE`.
    Sequence(QualifiedName),
    /// `ON ROUTINE name(types)`: name and identity argument types.
    Function(QualifiedName, Vec<String>),
    /// `ON SCHEMA`.
    Schema(String),
    /// `(column) ON TABLE`: column privileges (table, column).
    Column(QualifiedName, String),
}

/// What changes about one column in [`Step::AlterColumn`]. The renderer reads
/// the details from the two schemas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ColumnChanges {
    /// The stored type changes (serial types count as their integer type).
    pub ty: bool,
    /// NULL becomes allowed or forbidden.
    pub nullable: bool,
    /// The default changes (not set when an enum swap restores it).
    pub default: bool,
    /// Identity is added, dropped or switched between always and by default.
    pub identity: bool,
    /// A stored generated column becomes a plain column (`DROP EXPRESSION`).
    pub drop_expression: bool,
    /// The column becomes serial or stops being serial (its sequence is
    /// created or dropped), or changes serial size.
    pub sequence: bool,
    /// The options of the identity's sequence change (identity kept).
    pub identity_options: bool,
    /// The collation changes (`SET DATA TYPE … COLLATE …`); PostgreSQL
    /// treats it as a type change for the views, policies and triggers
    /// over the column.
    pub collation: bool,
}

impl ColumnChanges {
    /// Whether anything changes.
    pub fn any(&self) -> bool {
        self.ty
            || self.nullable
            || self.default
            || self.identity
            || self.drop_expression
            || self.sequence
            || self.identity_options
            || self.collation
    }
}
