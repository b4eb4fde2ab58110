//! The typed model of a database schema: the one type every layer of shale
//! speaks. The parser builds it from Rust source, the snapshot format stores it,
//! introspection builds it from a live database, the differ compares two of them.
//!
//! **Architecture invariant:** this crate does no I/O and knows no file format
//! and no SQL dialect. It holds plain data plus pure helpers (name derivation,
//! type canonicalisation, expression normalisation). On-disk formats live in
//! `shale-migrations` and convert to and from these types explicitly, so a change
//! here never silently changes a file.
#![deny(missing_docs)]

pub mod exclusion;
pub mod expr;
pub mod extension;
pub mod function;
pub mod grant;
pub mod naming;
pub mod partition;
pub mod policy;
pub mod sequence;
pub mod types;
pub mod user_type;
pub mod view;

pub use partition::{Partition, PartitionBound, PartitionKey, PartitionStrategy};
pub use policy::{Policy, PolicyCommand, RowLevelSecurity};

pub use exclusion::{ExclusionConstraint, ExclusionElement};
pub use extension::Extension;
pub use function::{
    Argument, ArgumentMode, Function, Parallel, Trigger, TriggerEvents, TriggerTiming, Volatility,
};
pub use grant::{Grant, GrantObject, Namespace, Privilege};
pub use sequence::{
    ResolvedOptions, Sequence, SequenceOption, SequenceOptions, SequenceOwner, SequenceType,
};
pub use types::{BaseType, ColumnType};
pub use user_type::{CompositeAttribute, CompositeType, Domain, DomainCheck};
pub use view::{CheckOption, View, ViewColumn};

/// The default namespace of a PostgreSQL database.
pub const DEFAULT_NAMESPACE: &str = "public";

/// A name inside a namespace (`schema.name`). Ordered by namespace, then name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifiedName {
    /// The namespace (PostgreSQL schema); `"public"` when none was given.
    pub namespace: String,
    /// The object's own name.
    pub name: String,
}

impl QualifiedName {
    /// A name in the given namespace.
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        QualifiedName {
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    /// A name in the default namespace (`public`).
    pub fn public(name: impl Into<String>) -> Self {
        QualifiedName::new(DEFAULT_NAMESPACE, name)
    }

    /// Whether this name lives in the default namespace.
    pub fn is_public(&self) -> bool {
        self.namespace == DEFAULT_NAMESPACE
    }
}

impl std::fmt::Display for QualifiedName {
    /// `name` in the default namespace, `namespace.name` elsewhere (unquoted;
    /// for messages, not SQL).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_public() {
            f.write_str(&self.name)
        } else {
            write!(f, "{}.{}", self.namespace, self.name)
        }
    }
}

/// A whole database schema: namespaces, enums, tables, sequences and
/// extensions.
///
/// Kept in canonical order (see [`Schema::normalize`]) so that equal schemas
/// compare equal and serialise to the same bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    /// Namespaces other than `public` that the schema declares, sorted.
    pub namespaces: Vec<String>,
    /// Enum types, sorted by name.
    pub enums: Vec<Enum>,
    /// Tables, sorted by name.
    pub tables: Vec<Table>,
    /// Standalone sequences, sorted by name.
    pub sequences: Vec<Sequence>,
    /// Extensions, sorted by name.
    pub extensions: Vec<Extension>,
    /// Views and materialized views, sorted by name.
    pub views: Vec<View>,
    /// Functions and procedures, sorted by name, then signature.
    pub functions: Vec<Function>,
    /// The comments and grants of namespaces (`public` included), sorted
    /// by name; a namespace with neither has no entry.
    pub namespace_settings: Vec<Namespace>,
    /// Domains, sorted by name.
    pub domains: Vec<Domain>,
    /// Composite types, sorted by name.
    pub composite_types: Vec<CompositeType>,
}

impl Schema {
    /// Sorts everything order-insensitive into canonical order: namespaces,
    /// enums, tables, and within each table its constraints and indexes by name.
    /// Column order and enum value order are meaningful and kept.
    pub fn normalize(&mut self) {
        self.namespaces.sort();
        self.namespaces.dedup();
        self.enums.sort_by(|a, b| a.name.cmp(&b.name));
        self.tables.sort_by(|a, b| a.name.cmp(&b.name));
        for table in &mut self.tables {
            table.normalize();
        }
        self.sequences.sort_by(|a, b| a.name.cmp(&b.name));
        for sequence in &mut self.sequences {
            sequence.normalize();
        }
        let folded = sequence::fold_serials(&self.sequences, &mut self.tables);
        for i in folded.into_iter().rev() {
            self.sequences.remove(i);
        }
        self.extensions.sort_by(|a, b| a.name.cmp(&b.name));
        for extension in &mut self.extensions {
            extension.normalize();
        }
        self.views.sort_by(|a, b| a.name.cmp(&b.name));
        for view in &mut self.views {
            view.normalize();
        }
        for function in &mut self.functions {
            function.normalize();
        }
        self.functions
            .sort_by(|a, b| (&a.name, a.identity_types()).cmp(&(&b.name, b.identity_types())));
        self.domains.sort_by(|a, b| a.name.cmp(&b.name));
        for domain in &mut self.domains {
            domain.normalize();
        }
        self.composite_types.sort_by(|a, b| a.name.cmp(&b.name));
        self.namespace_settings.retain(|n| !n.is_empty());
        for n in &mut self.namespace_settings {
            grant::normalize_grants(&mut n.grants);
            if n.name != DEFAULT_NAMESPACE {
                self.namespaces.push(n.name.clone());
            }
        }
        self.namespaces.sort();
        self.namespaces.dedup();
        self.namespace_settings.sort_by(|a, b| a.name.cmp(&b.name));
    }

    /// The comment and grants of a namespace, if the schema gives any.
    pub fn namespace_settings(&self, name: &str) -> Option<&Namespace> {
        self.namespace_settings.iter().find(|n| n.name == name)
    }

    /// The domain with this name (binary search; the schema must be normalised).
    pub fn domain(&self, name: &QualifiedName) -> Option<&Domain> {
        self.domains
            .binary_search_by(|d| d.name.cmp(name))
            .ok()
            .map(|i| &self.domains[i])
    }

    /// The composite type with this name (binary search; the schema must be normalised).
    pub fn composite_type(&self, name: &QualifiedName) -> Option<&CompositeType> {
        self.composite_types
            .binary_search_by(|c| c.name.cmp(name))
            .ok()
            .map(|i| &self.composite_types[i])
    }

    /// The functions and procedures with this name (every overload).
    pub fn functions_named<'a>(
        &'a self,
        name: &'a QualifiedName,
    ) -> impl Iterator<Item = &'a Function> + 'a {
        self.functions.iter().filter(move |f| &f.name == name)
    }

    /// The sequence with this name (binary search; the schema must be normalised).
    pub fn sequence(&self, name: &QualifiedName) -> Option<&Sequence> {
        self.sequences
            .binary_search_by(|s| s.name.cmp(name))
            .ok()
            .map(|i| &self.sequences[i])
    }

    /// The extension with this name (binary search; the schema must be normalised).
    pub fn extension(&self, name: &str) -> Option<&Extension> {
        self.extensions
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.extensions[i])
    }

    /// The view with this name (binary search; the schema must be normalised).
    pub fn view(&self, name: &QualifiedName) -> Option<&View> {
        self.views
            .binary_search_by(|v| v.name.cmp(name))
            .ok()
            .map(|i| &self.views[i])
    }

    /// The table with this name (binary search; the schema must be normalised).
    pub fn table(&self, name: &QualifiedName) -> Option<&Table> {
        self.tables
            .binary_search_by(|t| t.name.cmp(name))
            .ok()
            .map(|i| &self.tables[i])
    }

    /// The enum with this name (binary search; the schema must be normalised).
    pub fn enum_(&self, name: &QualifiedName) -> Option<&Enum> {
        self.enums
            .binary_search_by(|e| e.name.cmp(name))
            .ok()
            .map(|i| &self.enums[i])
    }

    /// Whether the schema has no objects at all.
    pub fn is_empty(&self) -> bool {
        self.namespaces.is_empty()
            && self.enums.is_empty()
            && self.tables.is_empty()
            && self.sequences.is_empty()
            && self.extensions.is_empty()
            && self.views.is_empty()
            && self.functions.is_empty()
            && self.namespace_settings.is_empty()
            && self.domains.is_empty()
            && self.composite_types.is_empty()
    }
}

/// A PostgreSQL enum type (`CREATE TYPE … AS ENUM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enum {
    /// The type's name.
    pub name: QualifiedName,
    /// The values, in declaration order (the order is the sort order in SQL).
    pub values: Vec<String>,
    /// `COMMENT ON TYPE`.
    pub comment: Option<String>,
}

/// A table with its columns, constraints and indexes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The table's name.
    pub name: QualifiedName,
    /// Columns in declaration order.
    pub columns: Vec<Column>,
    /// The primary key, if any.
    pub primary_key: Option<PrimaryKey>,
    /// Unique constraints (not unique indexes), sorted by name.
    pub uniques: Vec<UniqueConstraint>,
    /// Check constraints, sorted by name.
    pub checks: Vec<CheckConstraint>,
    /// Foreign keys, sorted by name.
    pub foreign_keys: Vec<ForeignKey>,
    /// Indexes other than those backing the primary key and unique
    /// constraints, sorted by name.
    pub indexes: Vec<Index>,
    /// `COMMENT ON TABLE`.
    pub comment: Option<String>,
    /// `ENABLE` / `FORCE ROW LEVEL SECURITY`.
    pub row_level_security: RowLevelSecurity,
    /// Row-level-security policies, sorted by name.
    pub policies: Vec<Policy>,
    /// Triggers, sorted by name.
    pub triggers: Vec<Trigger>,
    /// Privileges granted to managed roles, normalised
    /// ([`grant::normalize_grants`]).
    pub grants: Vec<Grant>,
    /// Exclusion constraints, sorted by name.
    pub exclusions: Vec<ExclusionConstraint>,
    /// `PARTITION BY …`: the table is partitioned.
    pub partition_by: Option<PartitionKey>,
    /// The partitions of a partitioned table, sorted by name (in the
    /// table's namespace).
    pub partitions: Vec<Partition>,
}

impl Table {
    /// An empty table with this name.
    pub fn new(name: QualifiedName) -> Self {
        Table {
            name,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            checks: Vec::new(),
            foreign_keys: Vec::new(),
            indexes: Vec::new(),
            comment: None,
            row_level_security: RowLevelSecurity::default(),
            policies: Vec::new(),
            triggers: Vec::new(),
            grants: Vec::new(),
            exclusions: Vec::new(),
            partition_by: None,
            partitions: Vec::new(),
        }
    }

    /// Sorts constraints, indexes and policies by name (columns keep their order).
    pub fn normalize(&mut self) {
        self.triggers.sort_by(|a, b| a.name.cmp(&b.name));
        grant::normalize_grants(&mut self.grants);
        for c in &mut self.columns {
            grant::normalize_grants(&mut c.grants);
        }
        self.exclusions.sort_by(|a, b| a.name.cmp(&b.name));
        self.partitions.sort_by(|a, b| a.name.cmp(&b.name));
        self.policies.sort_by(|a, b| a.name.cmp(&b.name));
        for p in &mut self.policies {
            p.normalize();
        }
        self.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        self.checks.sort_by(|a, b| a.name.cmp(&b.name));
        self.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        self.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        // Identity options are kept normalised for the column's type; a
        // column without identity has none.
        for column in &mut self.columns {
            column.identity_options = match column.identity {
                Some(_) => column
                    .identity_options
                    .normalized(column.identity_sequence_type()),
                None => SequenceOptions::default(),
            };
        }
    }

    /// The column with this name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Every constraint's name and comment: the primary key, unique, check,
    /// foreign key and exclusion constraints (one namespace per table).
    pub fn constraint_comments(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        fn pair<'t>(name: &'t str, comment: &'t Option<String>) -> (&'t str, Option<&'t str>) {
            (name, comment.as_deref())
        }
        let pk = self.primary_key.iter().map(|k| pair(&k.name, &k.comment));
        pk.chain(self.uniques.iter().map(|u| pair(&u.name, &u.comment)))
            .chain(self.checks.iter().map(|c| pair(&c.name, &c.comment)))
            .chain(self.foreign_keys.iter().map(|f| pair(&f.name, &f.comment)))
            .chain(self.exclusions.iter().map(|x| pair(&x.name, &x.comment)))
    }

    /// The comment of the constraint with this name: `None` when there is
    /// no such constraint, `Some(None)` when it has no comment.
    pub fn constraint_comment(&self, name: &str) -> Option<Option<&str>> {
        self.constraint_comments()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c)
    }
}

/// A table column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column's name.
    pub name: String,
    /// Its type (canonical spelling, see [`types`]).
    pub ty: ColumnType,
    /// Whether NULL is allowed. Primary-key columns are never nullable.
    pub nullable: bool,
    /// The default, as a raw SQL expression.
    pub default: Option<String>,
    /// `GENERATED … AS IDENTITY`.
    pub identity: Option<Identity>,
    /// The options of the identity's sequence (all default without
    /// identity), normalised for the column's type.
    pub identity_options: SequenceOptions,
    /// `GENERATED ALWAYS AS (expr) STORED`: the expression.
    pub generated: Option<String>,
    /// `COLLATE …`: the column's collation when it is not its type's
    /// default: the name (unquoted: `C`, `en_US.utf8`, `und-x-icu`) of a
    /// collation in `pg_catalog` or `public`.
    pub collation: Option<String>,
    /// `COMMENT ON COLUMN`.
    pub comment: Option<String>,
    /// Column privileges (`GRANT SELECT (col) ON TABLE …`) to managed
    /// roles, sorted (see [`grant::normalize_grants`]).
    pub grants: Vec<Grant>,
}

impl Column {
    /// A NOT NULL column of this type with nothing else set.
    pub fn new(name: impl Into<String>, ty: ColumnType) -> Self {
        Column {
            name: name.into(),
            ty,
            nullable: false,
            default: None,
            identity: None,
            identity_options: SequenceOptions::default(),
            generated: None,
            grants: Vec::new(),
            collation: None,
            comment: None,
        }
    }

    /// The type of an identity column's sequence: the column's integer type
    /// (PostgreSQL allows identity only on those; anything else reads as
    /// `bigint`).
    pub fn identity_sequence_type(&self) -> SequenceType {
        match self.ty.base_name() {
            Some(name) if self.ty.array_dims == 0 => {
                SequenceType::parse(name).unwrap_or(SequenceType::Bigint)
            }
            _ => SequenceType::Bigint,
        }
    }
}

/// The two kinds of identity column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Identity {
    /// `GENERATED ALWAYS AS IDENTITY`: explicit values are refused.
    Always,
    /// `GENERATED BY DEFAULT AS IDENTITY`: explicit values are accepted.
    ByDefault,
}

/// A primary key constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrimaryKey {
    /// The constraint's name (PostgreSQL's default is `<table>_pkey`).
    pub name: String,
    /// The key's columns, in key order.
    pub columns: Vec<String>,
    /// `DEFERRABLE …`: uniqueness checked at the end of the statement or
    /// transaction instead of row by row. A deferrable key cannot be the
    /// target of a foreign key (PostgreSQL refuses it).
    pub deferrable: Deferrable,
    /// `COMMENT ON CONSTRAINT … ON table`.
    pub comment: Option<String>,
}

/// A unique constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UniqueConstraint {
    /// The constraint's name.
    pub name: String,
    /// The constrained columns, in order.
    pub columns: Vec<String>,
    /// `NULLS NOT DISTINCT` (PostgreSQL 15+): two NULLs conflict.
    pub nulls_not_distinct: bool,
    /// `DEFERRABLE …`, as on [`PrimaryKey::deferrable`].
    pub deferrable: Deferrable,
    /// `COMMENT ON CONSTRAINT … ON table`.
    pub comment: Option<String>,
}

/// A check constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckConstraint {
    /// The constraint's name.
    pub name: String,
    /// The boolean SQL expression.
    pub expr: String,
    /// `NO INHERIT`: the check does not apply to tables that inherit from
    /// this one.
    pub no_inherit: bool,
    /// `NOT VALID`: added without checking the existing rows, and left
    /// unvalidated (new and updated rows are checked).
    pub not_valid: bool,
    /// `COMMENT ON CONSTRAINT … ON table`.
    pub comment: Option<String>,
}

/// What a foreign key does when the referenced row is deleted or updated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ForeignKeyAction {
    /// `NO ACTION` (the default): fail at the end of the statement.
    #[default]
    NoAction,
    /// `RESTRICT`: fail at once.
    Restrict,
    /// `CASCADE`: delete or update the referencing rows too.
    Cascade,
    /// `SET NULL`.
    SetNull,
    /// `SET DEFAULT`.
    SetDefault,
}

impl ForeignKeyAction {
    /// The SQL spelling (`NO ACTION`, `CASCADE`, …).
    pub fn as_sql(self) -> &'static str {
        match self {
            ForeignKeyAction::NoAction => "NO ACTION",
            ForeignKeyAction::Restrict => "RESTRICT",
            ForeignKeyAction::Cascade => "CASCADE",
            ForeignKeyAction::SetNull => "SET NULL",
            ForeignKeyAction::SetDefault => "SET DEFAULT",
        }
    }

    /// Parses the schema language's spelling: `no_action`, `restrict`,
    /// `cascade`, `set_null`, `set_default` (also with spaces or hyphens,
    /// any case).
    pub fn parse(s: &str) -> Option<Self> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Some(match norm.as_str() {
            "no_action" | "noaction" => ForeignKeyAction::NoAction,
            "restrict" => ForeignKeyAction::Restrict,
            "cascade" => ForeignKeyAction::Cascade,
            "set_null" | "setnull" => ForeignKeyAction::SetNull,
            "set_default" | "setdefault" => ForeignKeyAction::SetDefault,
            _ => return None,
        })
    }

    /// The accepted spellings, for error messages.
    pub const SPELLINGS: &'static [&'static str] = &[
        "no_action",
        "restrict",
        "cascade",
        "set_null",
        "set_default",
    ];
}

/// When a foreign key is checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deferrable {
    /// `NOT DEFERRABLE` (the default).
    #[default]
    No,
    /// `DEFERRABLE INITIALLY IMMEDIATE`.
    InitiallyImmediate,
    /// `DEFERRABLE INITIALLY DEFERRED`.
    InitiallyDeferred,
}

/// A foreign key constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignKey {
    /// The constraint's name.
    pub name: String,
    /// The referencing columns of this table, in order.
    pub columns: Vec<String>,
    /// The referenced table.
    pub referenced_table: QualifiedName,
    /// The referenced columns, matching `columns` one to one.
    pub referenced_columns: Vec<String>,
    /// `ON DELETE`.
    pub on_delete: ForeignKeyAction,
    /// `ON UPDATE`.
    pub on_update: ForeignKeyAction,
    /// `DEFERRABLE …`.
    pub deferrable: Deferrable,
    /// `NOT VALID`: added without checking the existing rows, and left
    /// unvalidated (new and updated rows are checked).
    pub not_valid: bool,
    /// `MATCH FULL`: a row whose key columns are partly NULL is refused
    /// (the default, `MATCH SIMPLE`, accepts any row with a NULL in them).
    pub match_full: bool,
    /// `COMMENT ON CONSTRAINT … ON table`.
    pub comment: Option<String>,
}

/// Sort direction of an index key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SortOrder {
    /// `ASC` (the default).
    #[default]
    Asc,
    /// `DESC`.
    Desc,
}

/// Where NULLs sort in an index key. `None` on the key means the default
/// (last for ASC, first for DESC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NullsOrder {
    /// `NULLS FIRST`.
    First,
    /// `NULLS LAST`.
    Last,
}

/// What an index key indexes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndexTarget {
    /// A column, by name.
    Column(String),
    /// An SQL expression, e.g. `lower(email)`.
    Expression(String),
}

/// One key of an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexKey {
    /// The column or expression.
    pub target: IndexTarget,
    /// `ASC` / `DESC`.
    pub order: SortOrder,
    /// `NULLS FIRST` / `NULLS LAST` when not the default for `order`.
    pub nulls: Option<NullsOrder>,
    /// An operator class, e.g. `text_pattern_ops`.
    pub opclass: Option<String>,
}

impl IndexKey {
    /// An ascending key on a column.
    pub fn column(name: impl Into<String>) -> Self {
        IndexKey {
            target: IndexTarget::Column(name.into()),
            order: SortOrder::Asc,
            nulls: None,
            opclass: None,
        }
    }
}

/// An index (`CREATE [UNIQUE] INDEX`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    /// The index's name.
    pub name: String,
    /// `UNIQUE`.
    pub unique: bool,
    /// `NULLS NOT DISTINCT` on a unique index (PostgreSQL 15+).
    pub nulls_not_distinct: bool,
    /// The access method, lowercase: `btree` (default), `hash`, `gin`, `gist`,
    /// `brin`, `spgist`, …
    pub method: String,
    /// The keys, in order.
    pub keys: Vec<IndexKey>,
    /// `INCLUDE (…)` columns.
    pub include: Vec<String>,
    /// `WHERE …` predicate of a partial index.
    pub predicate: Option<String>,
    /// `COMMENT ON INDEX`.
    pub comment: Option<String>,
}

/// The default index access method.
pub const DEFAULT_INDEX_METHOD: &str = "btree";

/// Hints, from the schema source or the command line, that an object was
/// renamed rather than dropped and re-created. Not part of the schema's state:
/// they only guide the differ, and are never stored in snapshots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenameHints {
    /// `(previous name, next name)` of renamed tables.
    pub tables: Vec<(QualifiedName, QualifiedName)>,
    /// `(table's next name, previous column name, next column name)`.
    pub columns: Vec<(QualifiedName, String, String)>,
    /// `(previous name, next name)` of renamed enums.
    pub enums: Vec<(QualifiedName, QualifiedName)>,
    /// `(enum's next name, previous value, next value)`.
    pub enum_values: Vec<(QualifiedName, String, String)>,
    /// Tables confirmed as dropped, not renamed (previous names).
    pub dropped_tables: Vec<QualifiedName>,
    /// Columns confirmed as dropped, not renamed: `(table's next name, column)`.
    pub dropped_columns: Vec<(QualifiedName, String)>,
    /// Enums confirmed as dropped, not renamed (previous names).
    pub dropped_enums: Vec<QualifiedName>,
    /// Enum values confirmed as removed, not renamed: `(enum's next name, value)`.
    pub dropped_enum_values: Vec<(QualifiedName, String)>,
    /// `(previous name, next name)` of renamed sequences.
    pub sequences: Vec<(QualifiedName, QualifiedName)>,
    /// Sequences confirmed as dropped, not renamed (previous names).
    pub dropped_sequences: Vec<QualifiedName>,
    /// `(previous name, next name)` of renamed views. A view holds no data,
    /// so a view that disappears without a hint is dropped and the new one
    /// created: never an ambiguity.
    pub views: Vec<(QualifiedName, QualifiedName)>,
    /// `(previous name, next name)` of renamed domains and composite types.
    /// Either holds no data of its own, so one that disappears without a
    /// hint is dropped (and refused while a column uses it).
    pub user_types: Vec<(QualifiedName, QualifiedName)>,
    /// `(type's next name, previous attribute, next attribute)` of renamed
    /// composite-type attributes.
    pub attributes: Vec<(QualifiedName, String, String)>,
}

impl RenameHints {
    /// Whether there are no hints at all.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
            && self.columns.is_empty()
            && self.enums.is_empty()
            && self.enum_values.is_empty()
            && self.dropped_tables.is_empty()
            && self.dropped_columns.is_empty()
            && self.dropped_enums.is_empty()
            && self.dropped_enum_values.is_empty()
            && self.sequences.is_empty()
            && self.dropped_sequences.is_empty()
            && self.views.is_empty()
            && self.user_types.is_empty()
            && self.attributes.is_empty()
    }
}
