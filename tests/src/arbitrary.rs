//! Random *valid* schemas and schema evolutions for property tests
//! ([`schema`], [`schema_pair`]), the validity invariants they satisfy
//! ([`check_valid`]), and the rename hints that confirm every drop of a pair
//! ([`confirmed_drops`]).
//!
//! Strategies generate plain parameters (indexes, selectors, flags) and a
//! deterministic builder turns any parameters into a valid schema: indexes
//! are taken modulo what exists, impossible choices become "nothing", names
//! are made unique by construction. Nothing is filtered, so shrinking a
//! failing case shrinks the parameters and every shrunk schema is still valid.

use std::collections::{HashMap, HashSet};

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use shale_model::{
    naming, BaseType, CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey,
    ForeignKeyAction, Identity, Index, IndexKey, IndexTarget, PrimaryKey, QualifiedName,
    RenameHints, Schema, Sequence, SequenceOptions, SequenceOwner, SequenceType, SortOrder, Table,
    UniqueConstraint, DEFAULT_NAMESPACE,
};

/// Namespaces besides `public`.
const NAMESPACES: [&str; 2] = ["auth", "billing"];
/// Table names; disjoint from [`ENUM_WORDS`] because a table also creates a
/// type of its name.
const TABLE_WORDS: [&str; 10] = [
    "users", "orgs", "posts", "comments", "invoices", "tags", "events", "accounts", "projects",
    "tasks",
];
const ENUM_WORDS: [&str; 4] = ["mood", "status", "role", "tier"];
const ENUM_VALUES: [&str; 8] = [
    "active",
    "inactive",
    "pending",
    "archived",
    "guest_user",
    "admin",
    "low",
    "high",
];
const COLUMN_WORDS: [&str; 12] = [
    "id",
    "name",
    "email",
    "age",
    "score",
    "title",
    "body",
    "amount",
    "created_on",
    "kind",
    "code",
    "flag",
];
const COMMENTS: [&str; 3] = ["Primary contact.", "It's complicated.", "Two\nlines."];
/// Sequence names; never `<table>_<column>_seq`, which would read back as a
/// serial column's sequence.
const SEQUENCE_WORDS: [&str; 4] = ["counter", "ticket_numbers", "invoice_no", "countdown"];
const INCREMENTS: [i64; 5] = [1, 2, 10, -1, -5];
const VARCHAR_LENGTHS: [u32; 3] = [8, 32, 255];
const NUMERICS: [(u32, u32); 3] = [(6, 0), (10, 2), (12, 4)];

/// The number of column type selectors ([`type_of`]).
const TYPE_CHOICES: u8 = 12;

/// Parameters of one column.
#[derive(Clone, Debug)]
pub struct ColumnSpec {
    ty: u8,
    variant: u8,
    nullable: bool,
    default: Option<u8>,
    identity: Option<bool>,
    identity_options: Option<OptionsSpec>,
    comment: Option<u8>,
}

/// Parameters of a sequence's options (see [`options_of`]).
#[derive(Clone, Debug)]
pub struct OptionsSpec {
    increment: u8,
    start: Option<u8>,
    min: Option<u8>,
    max: Option<u8>,
    cache: Option<u8>,
    cycle: bool,
}

/// Parameters of a standalone sequence.
#[derive(Clone, Debug)]
pub struct SequenceSpec {
    namespace: u8,
    word: u8,
    ty: u8,
    options: OptionsSpec,
    /// `(table, column)` positions of an owner in the same namespace.
    owner: Option<(u8, u8)>,
    comment: Option<u8>,
}

/// Parameters of a column set (primary key, unique constraint): positions
/// into the table's columns.
#[derive(Clone, Debug)]
pub struct KeySpec {
    columns: Vec<u8>,
    nulls_not_distinct: bool,
}

/// Parameters of a check constraint.
#[derive(Clone, Debug)]
pub struct CheckSpec {
    column: u8,
    form: u8,
}

/// Parameters of an index.
#[derive(Clone, Debug)]
pub struct IndexSpec {
    keys: Vec<(u8, bool)>,
    unique: bool,
    nulls_not_distinct: bool,
    partial: Option<u8>,
    hash: bool,
}

/// Parameters of a foreign key: which table, which of its keys, actions.
#[derive(Clone, Debug)]
pub struct FkSpec {
    target: u8,
    key: u8,
    nullable: bool,
    on_delete: u8,
    on_update: u8,
    deferrable: u8,
}

/// Parameters of a table.
#[derive(Clone, Debug)]
pub struct TableSpec {
    namespace: u8,
    name: u8,
    column_offset: u8,
    columns: Vec<ColumnSpec>,
    primary_key: Option<KeySpec>,
    uniques: Vec<KeySpec>,
    checks: Vec<CheckSpec>,
    foreign_keys: Vec<FkSpec>,
    indexes: Vec<IndexSpec>,
    comment: Option<u8>,
    /// Row-level security: 0 off, 1 enabled, 2 enabled and forced, 3 forced only.
    rls: u8,
    policies: Vec<PolicySpec>,
}

/// Parameters of a row-level-security policy.
#[derive(Clone, Debug)]
pub struct PolicySpec {
    column: u8,
    form: u8,
    /// `command % 5`: all, select, insert, update, delete.
    command: u8,
    restrictive: bool,
    /// `roles % 3`: public, pg_read_all_data, both pg_read_all_data and pg_write_all_data.
    roles: u8,
}

/// Parameters of an enum.
#[derive(Clone, Debug)]
pub struct EnumSpec {
    namespace: u8,
    values: u8,
    offset: u8,
    comment: Option<u8>,
}

/// Parameters of a whole schema.
#[derive(Clone, Debug)]
pub struct SchemaSpec {
    namespaces: u8,
    enums: Vec<EnumSpec>,
    tables: Vec<TableSpec>,
    sequences: Vec<SequenceSpec>,
    views: Vec<ViewSpec>,
    routines: Vec<RoutineSpec>,
    triggers: Vec<TriggerSpec>,
    collations: Vec<CollationSpec>,
    user_types: Vec<UserTypeSpec>,
}

/// A column collation's parameters: the `column`-th text column of the
/// `table`-th table gets `COLLATE "C"` or `"POSIX"` (`collation % 3 == 2`:
/// none, so an evolution can also reset one).
#[derive(Clone, Debug)]
pub struct CollationSpec {
    table: u8,
    column: u8,
    collation: u8,
}

/// A domain's or composite type's parameters: `kind % 2` a domain over
/// text (or `varchar(200)`) that some text columns use, or a composite
/// type; `variant` its default, check, base type, attributes and comment
/// (an evolution changes the variant).
#[derive(Clone, Debug)]
pub struct UserTypeSpec {
    kind: u8,
    namespace: u8,
    variant: u8,
}

/// A routine's parameters: `kind % 3` a trigger function, a `LANGUAGE sql`
/// function, a procedure; `variant` its body, signature and options (an
/// evolution changes the variant: a replace, or a drop and create).
#[derive(Clone, Debug)]
pub struct RoutineSpec {
    kind: u8,
    namespace: u8,
    variant: u8,
}

/// A trigger's parameters: its table and trigger function (modulo what
/// exists), its form (timing, events, level, `UPDATE OF`, `WHEN`) and the
/// column a form names (modulo the table's columns).
#[derive(Clone, Debug)]
pub struct TriggerSpec {
    table: u8,
    function: u8,
    form: u8,
    column: u8,
}

/// A view's parameters: which table it reads (modulo the tables), which of
/// its columns (modulo its columns), whether it is materialized (then with
/// an index on its first column), and whether a second view reads it.
#[derive(Clone, Debug)]
pub struct ViewSpec {
    table: u8,
    columns: Vec<u8>,
    materialized: bool,
    reader: bool,
}

/// One edit of an evolution. Indexes are taken modulo what exists; an edit
/// that does not apply (e.g. drop a check of a table without checks) does
/// nothing.
#[derive(Clone, Debug)]
pub enum Edit {
    /// Adds a table (with its foreign keys).
    AddTable(TableSpec),
    /// Drops a table and every foreign key that references it.
    DropTable(u8),
    /// Adds a column.
    AddColumn(u8, ColumnSpec),
    /// Drops a column and whatever uses it.
    DropColumn(u8, u8),
    /// Changes a column's type to a compatible one (foreign keys that no
    /// longer match are dropped).
    ChangeType(u8, u8, u8),
    /// Adds a standalone sequence.
    AddSequence(SequenceSpec),
    /// Drops a standalone sequence.
    DropSequence(u8),
    /// Changes a sequence's options (keeping its current value in bounds).
    AlterSequence(u8, OptionsSpec),
    /// Changes an identity column's options (likewise).
    AlterIdentity(u8, u8, OptionsSpec),
    /// Toggles NULL / NOT NULL (not on key or identity columns).
    ToggleNullable(u8, u8),
    /// Sets or removes a default.
    ChangeDefault(u8, u8, Option<u8>),
    /// Adds an index.
    AddIndex(u8, IndexSpec),
    /// Drops an index.
    DropIndex(u8, u8),
    /// Adds a unique constraint.
    AddUnique(u8, KeySpec),
    /// Drops a unique constraint and the foreign keys that need it.
    DropUnique(u8, u8),
    /// Adds a check constraint.
    AddCheck(u8, CheckSpec),
    /// Drops a check constraint.
    DropCheck(u8, u8),
    /// Adds a row-level-security policy.
    AddPolicy(u8, PolicySpec),
    /// Drops a policy.
    DropPolicy(u8, u8),
    /// Sets a table's row-level-security flags (see [`TableSpec`]'s `rls`).
    SetRowLevelSecurity(u8, u8),
    /// Adds a foreign key (and its columns).
    AddForeignKey(u8, FkSpec),
    /// Drops a foreign key.
    DropForeignKey(u8, u8),
    /// Adds an enum value, at the end or before an existing one.
    AddEnumValue(u8, u8, Option<u8>),
    /// Sets or clears the comment of a table (0), a column (1), an enum (2),
    /// a constraint or policy of a table (3) or an index of a table (4).
    ChangeComment(u8, u8, u8, Option<u8>),
}

// --- strategies ---------------------------------------------------------------

prop_compose! {
    /// A column's parameters.
    pub fn column_spec()(
        ty in 0..TYPE_CHOICES,
        variant in 0u8..3,
        nullable in any::<bool>(),
        default in option::weighted(0.4, 0u8..3),
        identity in option::weighted(0.25, any::<bool>()),
        identity_options in option::weighted(0.3, options_spec()),
        comment in option::weighted(0.15, 0u8..3),
    ) -> ColumnSpec {
        ColumnSpec { ty, variant, nullable, default, identity, identity_options, comment }
    }
}

prop_compose! {
    /// A key's parameters (1–2 columns).
    pub fn key_spec()(columns in vec(0u8..8, 1..=2), nulls_not_distinct in prop::bool::weighted(0.2)) -> KeySpec {
        KeySpec { columns, nulls_not_distinct }
    }
}

prop_compose! {
    /// A check's parameters.
    pub fn check_spec()(column in 0u8..8, form in 0u8..3) -> CheckSpec {
        CheckSpec { column, form }
    }
}

prop_compose! {
    /// An index's parameters (1–3 keys).
    pub fn index_spec()(
        keys in vec((0u8..8, prop::bool::weighted(0.25)), 1..=3),
        unique in prop::bool::weighted(0.3),
        nulls_not_distinct in prop::bool::weighted(0.2),
        partial in option::weighted(0.25, 0u8..8),
        hash in prop::bool::weighted(0.2),
    ) -> IndexSpec {
        IndexSpec { keys, unique, nulls_not_distinct, partial, hash }
    }
}

prop_compose! {
    /// A foreign key's parameters.
    pub fn fk_spec()(
        target in 0u8..8,
        key in 0u8..3,
        nullable in any::<bool>(),
        on_delete in 0u8..5,
        on_update in 0u8..5,
        deferrable in 0u8..3,
    ) -> FkSpec {
        FkSpec { target, key, nullable, on_delete, on_update, deferrable }
    }
}

prop_compose! {
    /// A table's parameters (1–8 columns).
    pub fn table_spec()(
        namespace in 0u8..3,
        name in 0u8..10,
        column_offset in 0u8..12,
        columns in vec(column_spec(), 1..=8),
        primary_key in option::weighted(0.8, key_spec()),
        uniques in vec(key_spec(), 0..=2),
        checks in vec(check_spec(), 0..=2),
        foreign_keys in vec(fk_spec(), 0..=2),
        indexes in vec(index_spec(), 0..=3),
        comment in option::weighted(0.3, 0u8..3),
        (rls, policies) in (prop_oneof![3 => Just(0u8), 1 => 1u8..4], vec(policy_spec(), 0..=2)),
    ) -> TableSpec {
        TableSpec { namespace, name, column_offset, columns, primary_key, uniques, checks, foreign_keys, indexes, comment, rls, policies }
    }
}

prop_compose! {
    /// A policy's parameters.
    pub fn policy_spec()(column in 0u8..8, form in 0u8..4, command in 0u8..5, restrictive in prop::bool::weighted(0.2), roles in 0u8..3) -> PolicySpec {
        PolicySpec { column, form, command, restrictive, roles }
    }
}

prop_compose! {
    /// An enum's parameters (1–5 values).
    pub fn enum_spec()(namespace in 0u8..3, values in 1u8..=5, offset in 0u8..8, comment in option::weighted(0.3, 0u8..3)) -> EnumSpec {
        EnumSpec { namespace, values, offset, comment }
    }
}

prop_compose! {
    /// A sequence's options.
    pub fn options_spec()(
        increment in 0u8..5,
        start in option::weighted(0.4, 0u8..4),
        min in option::weighted(0.3, 0u8..3),
        max in option::weighted(0.3, 0u8..3),
        cache in option::weighted(0.2, 0u8..3),
        cycle in prop::bool::weighted(0.2),
    ) -> OptionsSpec {
        OptionsSpec { increment, start, min, max, cache, cycle }
    }
}

prop_compose! {
    /// A standalone sequence's parameters.
    pub fn sequence_spec()(
        namespace in 0u8..3,
        word in 0u8..4,
        ty in 0u8..3,
        options in options_spec(),
        owner in option::weighted(0.3, (0u8..8, 0u8..8)),
        comment in option::weighted(0.2, 0u8..3),
    ) -> SequenceSpec {
        SequenceSpec { namespace, word, ty, options, owner, comment }
    }
}

prop_compose! {
    /// A view's parameters (1–3 columns).
    pub fn view_spec()(
        table in 0u8..8,
        columns in vec(0u8..8, 1..=3),
        materialized in prop::bool::weighted(0.3),
        reader in prop::bool::weighted(0.3),
    ) -> ViewSpec {
        ViewSpec { table, columns, materialized, reader }
    }
}

prop_compose! {
    /// A routine's parameters.
    pub fn routine_spec()(kind in 0u8..3, namespace in 0u8..3, variant in 0u8..12) -> RoutineSpec {
        RoutineSpec { kind, namespace, variant }
    }
}

prop_compose! {
    /// A domain's or composite type's parameters.
    pub fn user_type_spec()(kind in 0u8..2, namespace in 0u8..3, variant in 0u8..12) -> UserTypeSpec {
        UserTypeSpec { kind, namespace, variant }
    }
}

prop_compose! {
    /// A trigger's parameters.
    pub fn trigger_spec()(table in 0u8..8, function in 0u8..3, form in 0u8..6, column in 0u8..8) -> TriggerSpec {
        TriggerSpec { table, function, form, column }
    }
}

prop_compose! {
    /// A schema's parameters: 1–3 namespaces, 0–3 enums, 1–8 tables, 0–2
    /// sequences, 0–2 views over them, 0–3 routines, 0–3 triggers.
    pub fn schema_spec()(
        namespaces in 1u8..=3,
        enums in vec(enum_spec(), 0..=3),
        tables in vec(table_spec(), 1..=8),
        sequences in vec(sequence_spec(), 0..=2),
        views in vec(view_spec(), 0..=2),
        routines in vec(routine_spec(), 0..=3),
        triggers in vec(trigger_spec(), 0..=3),
        collations in vec(collation_spec(), 0..=3),
        user_types in vec(user_type_spec(), 0..=2),
    ) -> SchemaSpec {
        SchemaSpec { namespaces, enums, tables, sequences, views, routines, triggers, collations, user_types }
    }
}

prop_compose! {
    /// A column collation's parameters.
    pub fn collation_spec()(table in 0u8..8, column in 0u8..8, collation in 0u8..3) -> CollationSpec {
        CollationSpec { table, column, collation }
    }
}

/// One edit of an evolution.
pub fn edit() -> impl Strategy<Value = Edit> {
    let i = || 0u8..8;
    prop_oneof![
        1 => table_spec().prop_map(Edit::AddTable),
        1 => i().prop_map(Edit::DropTable),
        3 => (i(), column_spec()).prop_map(|(t, c)| Edit::AddColumn(t, c)),
        2 => (i(), i()).prop_map(|(t, c)| Edit::DropColumn(t, c)),
        2 => (i(), i(), 0u8..3).prop_map(|(t, c, k)| Edit::ChangeType(t, c, k)),
        2 => (i(), i()).prop_map(|(t, c)| Edit::ToggleNullable(t, c)),
        2 => (i(), i(), option::of(0u8..3)).prop_map(|(t, c, d)| Edit::ChangeDefault(t, c, d)),
        2 => (i(), index_spec()).prop_map(|(t, s)| Edit::AddIndex(t, s)),
        1 => (i(), i()).prop_map(|(t, k)| Edit::DropIndex(t, k)),
        1 => (i(), key_spec()).prop_map(|(t, s)| Edit::AddUnique(t, s)),
        1 => (i(), i()).prop_map(|(t, k)| Edit::DropUnique(t, k)),
        1 => (i(), check_spec()).prop_map(|(t, s)| Edit::AddCheck(t, s)),
        1 => (i(), i()).prop_map(|(t, k)| Edit::DropCheck(t, k)),
        1 => (i(), policy_spec()).prop_map(|(t, s)| Edit::AddPolicy(t, s)),
        1 => (i(), i()).prop_map(|(t, k)| Edit::DropPolicy(t, k)),
        1 => (i(), 0u8..4).prop_map(|(t, r)| Edit::SetRowLevelSecurity(t, r)),
        2 => (i(), fk_spec()).prop_map(|(t, s)| Edit::AddForeignKey(t, s)),
        1 => (i(), i()).prop_map(|(t, k)| Edit::DropForeignKey(t, k)),
        1 => (0u8..4, i(), option::of(i())).prop_map(|(e, v, p)| Edit::AddEnumValue(e, v, p)),
        1 => (0u8..5, i(), i(), option::of(0u8..3)).prop_map(|(k, a, b, c)| Edit::ChangeComment(k, a, b, c)),
        1 => sequence_spec().prop_map(Edit::AddSequence),
        1 => i().prop_map(Edit::DropSequence),
        1 => (i(), options_spec()).prop_map(|(q, o)| Edit::AlterSequence(q, o)),
        1 => (i(), i(), options_spec()).prop_map(|(t, c, o)| Edit::AlterIdentity(t, c, o)),
    ]
}

/// A random valid, normalised schema.
pub fn schema() -> impl Strategy<Value = Schema> {
    schema_spec().prop_map(|spec| build(&spec))
}

/// A random valid schema and a valid evolution of it (1–6 edits; an edit may
/// turn out to change nothing, so the two can be equal).
pub fn schema_pair() -> impl Strategy<Value = (Schema, Schema)> {
    (
        schema_spec(),
        vec(edit(), 1..=6),
        vec((0u8..3, 0u8..12), 0..=2),
        vec((0u8..3, 0u8..3), 0..=2),
        vec((0u8..2, 0u8..12), 0..=2),
    )
        .prop_map(
            |(spec, edits, routine_changes, collation_changes, type_changes)| {
                let previous = build(&spec);
                let mut next = evolve(&previous, &edits);
                // Domains and composite types change variant; the text columns
                // the rule picks in the evolved tables use the domains.
                let mut user_types = spec.user_types.clone();
                let count = user_types.len().max(1);
                for (i, variant) in type_changes {
                    if let Some(t) = user_types.get_mut(i as usize % count) {
                        t.variant = variant;
                    }
                }
                derive_user_types(&mut next, &user_types);
                // The same views over the evolved tables: their columns and queries
                // follow the tables' changes (dropped, retyped, renamed columns,
                // dropped tables), which is what makes views hard to migrate.
                derive_views(&mut next, &spec.views);
                // Routines change variant (body, options, signature); the same
                // triggers over the evolved tables and routines.
                let mut routines = spec.routines.clone();
                let count = routines.len().max(1);
                for (i, variant) in routine_changes {
                    if let Some(r) = routines.get_mut(i as usize % count) {
                        r.variant = variant;
                    }
                }
                derive_routines(&mut next, &routines);
                derive_triggers(&mut next, &spec.triggers);
                // The same collations over the evolved tables, some changed.
                let mut collations = spec.collations.clone();
                let count = collations.len().max(1);
                for (i, collation) in collation_changes {
                    if let Some(c) = collations.get_mut(i as usize % count) {
                        c.collation = collation;
                    }
                }
                derive_collations(&mut next, &collations);
                (previous, next)
            },
        )
}

// --- building -------------------------------------------------------------------

/// Builds the schema the parameters describe. Always valid.
pub fn build(spec: &SchemaSpec) -> Schema {
    let mut schema = Schema::default();
    let namespaces = namespace_list(spec.namespaces);
    schema.namespaces = namespaces
        .iter()
        .filter(|n| **n != DEFAULT_NAMESPACE)
        .map(|n| n.to_string())
        .collect();
    let mut names = Names::default();
    for (i, e) in spec.enums.iter().enumerate() {
        let ns = namespaces[e.namespace as usize % namespaces.len()];
        let name = QualifiedName::new(ns, ENUM_WORDS[i % ENUM_WORDS.len()]);
        names.take(&name.namespace, &name.name);
        let values = (0..e.values as usize)
            .map(|k| ENUM_VALUES[(e.offset as usize + k) % ENUM_VALUES.len()].to_string());
        schema.enums.push(Enum {
            name,
            values: values.collect(),
            comment: e.comment.map(comment),
        });
    }
    // Every table name first, so no constraint name can take one.
    let mut table_names = Vec::new();
    for t in &spec.tables {
        let ns = namespaces[t.namespace as usize % namespaces.len()];
        let name = free_table_name(&names, ns, t.name);
        names.take(ns, &name);
        table_names.push(QualifiedName::new(ns, name));
    }
    let enums = schema.enums.clone();
    for (t, name) in spec.tables.iter().zip(table_names) {
        let table = build_table(t, name, &enums, &mut names);
        schema.tables.push(table);
    }
    for (i, t) in spec.tables.iter().enumerate() {
        for fk in &t.foreign_keys {
            add_foreign_key(&mut schema, i, fk, &mut names, &Reserved::default());
        }
    }
    for q in &spec.sequences {
        let namespaces: Vec<&str> = namespaces.clone();
        add_sequence(&mut schema, q, &namespaces, &mut names);
    }
    derive_user_types(&mut schema, &spec.user_types);
    derive_views(&mut schema, &spec.views);
    derive_routines(&mut schema, &spec.routines);
    derive_triggers(&mut schema, &spec.triggers);
    derive_collations(&mut schema, &spec.collations);
    schema
}

/// Replaces the collations of the schema's columns by the ones `specs`
/// describe, on text columns (`text`, `varchar(n)`, scalar or array).
pub fn derive_collations(schema: &mut Schema, specs: &[CollationSpec]) {
    for t in &mut schema.tables {
        for c in &mut t.columns {
            c.collation = None;
        }
    }
    if schema.tables.is_empty() {
        return;
    }
    let count = schema.tables.len();
    for spec in specs {
        let table = &mut schema.tables[spec.table as usize % count];
        let texts: Vec<usize> = table
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.ty.base_name()
                    .is_some_and(|n| n == "text" || n.starts_with("varchar"))
            })
            .map(|(i, _)| i)
            .collect();
        if texts.is_empty() {
            continue;
        }
        let column = texts[spec.column as usize % texts.len()];
        table.columns[column].collation = match spec.collation % 3 {
            0 => Some("C".to_string()),
            1 => Some("POSIX".to_string()),
            _ => None,
        };
    }
}

/// Replaces the schema's domains and composite types by the ones `specs`
/// describe, named after their position (`dom_0`, `comp_1`), and makes the
/// plain `text` columns the rule picks (by table and column name) use the
/// first domain; columns that used a domain keep it while it exists.
/// Deterministic, so the same specs over evolved tables give the evolved
/// types.
pub fn derive_user_types(schema: &mut Schema, specs: &[UserTypeSpec]) {
    use shale_model::{CompositeAttribute, CompositeType, Domain, DomainCheck};
    let mut namespaces: Vec<String> = vec![DEFAULT_NAMESPACE.to_string()];
    namespaces.extend(schema.namespaces.iter().cloned());
    schema.domains.clear();
    schema.composite_types.clear();
    for (k, spec) in specs.iter().enumerate() {
        let ns = &namespaces[spec.namespace as usize % namespaces.len()];
        let v = spec.variant;
        if spec.kind % 2 == 0 {
            let base = if v % 4 == 3 { "varchar(200)" } else { "text" };
            let mut d = Domain::new(
                QualifiedName::new(ns, format!("dom_{k}")),
                ColumnType::named(base),
            );
            d.default = (v % 3 == 1).then(|| "'d'".to_string());
            if v % 2 == 0 {
                d.checks.push(DomainCheck {
                    name: format!("dom_{k}_len"),
                    expr: "length(VALUE) < 1000".into(),
                });
            }
            d.comment = (v % 5 == 4).then(|| comment(v));
            schema.domains.push(d);
        } else {
            let attribute = |name: &str, ty: &str| CompositeAttribute {
                name: name.into(),
                ty: ColumnType::named(ty),
            };
            let mut attributes = vec![attribute("a", "integer")];
            if v % 3 != 2 {
                attributes.push(attribute("b", "text"));
            }
            if v % 2 == 1 {
                attributes.push(attribute("c", "bigint"));
            }
            schema.composite_types.push(CompositeType {
                name: QualifiedName::new(ns, format!("comp_{k}")),
                attributes,
                comment: (v % 5 == 4).then(|| comment(v)),
            });
        }
    }
    schema.domains.sort_by(|a, b| a.name.cmp(&b.name));
    schema.composite_types.sort_by(|a, b| a.name.cmp(&b.name));
    let first = specs
        .iter()
        .enumerate()
        .find(|(_, s)| s.kind % 2 == 0)
        .map(|(k, s)| {
            QualifiedName::new(
                namespaces[s.namespace as usize % namespaces.len()].clone(),
                format!("dom_{k}"),
            )
        });
    let declared: HashSet<QualifiedName> = schema.domains.iter().map(|d| d.name.clone()).collect();
    // Columns of foreign keys keep their type: both sides must match.
    let mut keyed: HashSet<(QualifiedName, String)> = HashSet::new();
    for table in &schema.tables {
        for fk in &table.foreign_keys {
            for c in &fk.columns {
                keyed.insert((table.name.clone(), c.clone()));
            }
            for c in &fk.referenced_columns {
                keyed.insert((fk.referenced_table.clone(), c.clone()));
            }
        }
    }
    for table in &mut schema.tables {
        for column in &mut table.columns {
            if keyed.contains(&(table.name.clone(), column.name.clone())) {
                continue;
            }
            if let BaseType::UserType(q) = &column.ty.base {
                if !declared.contains(q) {
                    column.ty.base = BaseType::Named("text".into());
                }
            }
            let picked = (table.name.name.len() + column.name.len()) % 3 == 0;
            let plain_text = matches!(&column.ty.base, BaseType::Named(n) if n == "text")
                && column.ty.array_dims <= 1
                && column.identity.is_none()
                && column.generated.is_none();
            if let (true, true, Some(domain)) = (picked, plain_text, &first) {
                column.ty.base = BaseType::UserType(domain.clone());
            }
        }
    }
}

/// Replaces the schema's routines by the ones `specs` describe, named after
/// their position (`touch_0`, `calc_1`, `tidy_2`), so that the same specs
/// name the same routines in both schemas of a pair.
pub fn derive_routines(schema: &mut Schema, specs: &[RoutineSpec]) {
    use shale_model::{Argument, ArgumentMode, Function, Parallel, Volatility};
    let mut namespaces: Vec<String> = vec![DEFAULT_NAMESPACE.to_string()];
    namespaces.extend(schema.namespaces.iter().cloned());
    schema.functions.clear();
    let arg = |name: &str, ty: &str, default: Option<&str>| Argument {
        name: Some(name.into()),
        mode: ArgumentMode::In,
        ty: ty.into(),
        default: default.map(Into::into),
    };
    for (k, spec) in specs.iter().enumerate() {
        let ns = &namespaces[spec.namespace as usize % namespaces.len()];
        let v = spec.variant;
        let f = match spec.kind % 3 {
            0 => {
                let body = if v % 2 == 0 {
                    "BEGIN RETURN NEW; END"
                } else {
                    "\nBEGIN\n    NEW := NEW;\n    RETURN NEW;\nEND\n"
                };
                let mut f = Function::new(
                    QualifiedName::new(ns, format!("touch_{k}")),
                    "trigger",
                    body,
                );
                f.security_definer = v % 3 == 1;
                f.search_path = (v % 4 == 2).then(|| "public, pg_temp".to_string());
                f
            }
            1 => {
                let mut f = Function::new(
                    QualifiedName::new(ns, format!("calc_{k}")),
                    "integer",
                    "SELECT a",
                );
                f.language = "sql".into();
                match v % 3 {
                    0 => f.arguments = vec![arg("a", "integer", None)],
                    1 => {
                        f.arguments =
                            vec![arg("a", "integer", None), arg("b", "integer", Some("1"))];
                        f.returns = Some("bigint".into());
                        f.body = "SELECT (a + b)::bigint".into();
                    }
                    _ => {
                        f.arguments = vec![arg("a", "integer", None)];
                        f.returns = Some("bigint".into());
                        f.body = "SELECT a::bigint".into();
                    }
                }
                f.volatility = [
                    Volatility::Volatile,
                    Volatility::Stable,
                    Volatility::Immutable,
                ][(v / 3) as usize % 3];
                f.strict = v % 5 == 0;
                f.parallel = if v % 7 == 0 {
                    Parallel::Safe
                } else {
                    Parallel::Unsafe
                };
                f.comment = (v % 4 == 3).then(|| comment(v));
                f
            }
            _ => {
                let mut f = Function::new(
                    QualifiedName::new(ns, format!("tidy_{k}")),
                    "void",
                    if v % 2 == 0 {
                        "BEGIN END"
                    } else {
                        "BEGIN PERFORM 1; END"
                    },
                );
                f.procedure = true;
                f.returns = None;
                f.arguments = vec![arg("days", "integer", (v % 3 == 0).then_some("30"))];
                f
            }
        };
        schema.functions.push(f);
    }
    schema.normalize();
}

/// Replaces the schema's triggers by the ones `specs` describe over its
/// current tables and trigger functions (none without a trigger function).
pub fn derive_triggers(schema: &mut Schema, specs: &[TriggerSpec]) {
    use shale_model::{Trigger, TriggerEvents, TriggerTiming};
    for t in &mut schema.tables {
        t.triggers.clear();
    }
    let functions: Vec<QualifiedName> = schema
        .functions
        .iter()
        .filter(|f| f.is_trigger_function() && f.identity_types().is_empty())
        .map(|f| f.name.clone())
        .collect();
    if functions.is_empty() || schema.tables.is_empty() {
        return;
    }
    let tables = schema.tables.len();
    for (k, spec) in specs.iter().enumerate() {
        let table = &mut schema.tables[spec.table as usize % tables];
        let column = table.columns[spec.column as usize % table.columns.len()]
            .name
            .clone();
        let events = |insert, update, delete, truncate| TriggerEvents {
            insert,
            update,
            delete,
            truncate,
        };
        let mut trigger = Trigger {
            name: format!("trg_{k}"),
            timing: TriggerTiming::Before,
            events: events(true, false, false, false),
            update_of: Vec::new(),
            for_each_row: true,
            when: None,
            function: functions[spec.function as usize % functions.len()].clone(),
            arguments: Vec::new(),
            comment: None,
        };
        match spec.form % 6 {
            0 => {}
            1 => {
                trigger.events = events(false, true, false, false);
                trigger.update_of = vec![column.clone()];
                trigger.when = Some(format!(
                    "OLD.\"{column}\" IS DISTINCT FROM NEW.\"{column}\""
                ));
            }
            2 => {
                trigger.timing = TriggerTiming::After;
                trigger.events = events(false, false, true, false);
                trigger.for_each_row = false;
                trigger.arguments = vec![format!("{k}"), "it's".into()];
            }
            3 => {
                trigger.timing = TriggerTiming::After;
                trigger.events = events(true, true, false, false);
                trigger.comment = Some(comment(spec.column));
            }
            4 => {
                trigger.timing = TriggerTiming::After;
                trigger.events = events(false, false, false, true);
                trigger.for_each_row = false;
            }
            _ => {
                trigger.events = events(false, true, false, false);
                trigger.update_of = vec![column];
            }
        }
        table.triggers.push(trigger);
    }
    schema.normalize();
}

/// Replaces the schema's views by the ones `specs` describe over its
/// current tables: `SELECT "a", "b" FROM "ns"."t" WHERE "a" IS NOT NULL`,
/// named after the table, a materialized one with a unique-named index on
/// its first column, and a reader `SELECT "a" FROM` the view. Deterministic,
/// so the same specs over evolved tables give the evolved views.
pub fn derive_views(schema: &mut Schema, specs: &[ViewSpec]) {
    schema.views.clear();
    schema.normalize();
    if schema.tables.is_empty() {
        return;
    }
    let mut names = Names::of(schema);
    let quote = |s: &str| format!("\"{s}\"");
    let mut views = Vec::new();
    for (k, spec) in specs.iter().enumerate() {
        let t = &schema.tables[spec.table as usize % schema.tables.len()];
        let columns: Vec<&Column> = {
            let mut picked: Vec<&Column> = Vec::new();
            for &p in &spec.columns {
                let c = &t.columns[p as usize % t.columns.len()];
                if !picked.iter().any(|x| x.name == c.name) {
                    picked.push(c);
                }
            }
            picked
        };
        let ns = t.name.namespace.clone();
        let name = format!("{}_v{k}", t.name.name);
        if names.taken(&ns, &name) {
            continue;
        }
        names.take(&ns, &name);
        let list: Vec<String> = columns.iter().map(|c| quote(&c.name)).collect();
        let query = format!(
            "SELECT {} FROM {}.{} WHERE {} IS NOT NULL",
            list.join(", "),
            quote(&ns),
            quote(&t.name.name),
            list[0]
        );
        let mut view = shale_model::View::new(QualifiedName::new(ns.clone(), name.clone()), query);
        view.columns = columns
            .iter()
            .map(|c| shale_model::ViewColumn {
                name: c.name.clone(),
                // A view column has the stored type: serial is its integer.
                ty: c
                    .ty
                    .serial_storage()
                    .map_or_else(|| c.ty.clone(), ColumnType::named),
                comment: None,
            })
            .collect();
        view.materialized = spec.materialized;
        if spec.materialized {
            let index = naming::index(&name, &[&columns[0].name]);
            if !names.taken(&ns, &index) {
                names.take(&ns, &index);
                view.indexes.push(Index {
                    comment: None,
                    name: index,
                    unique: false,
                    nulls_not_distinct: false,
                    method: shale_model::DEFAULT_INDEX_METHOD.to_string(),
                    keys: vec![IndexKey::column(columns[0].name.clone())],
                    include: Vec::new(),
                    predicate: None,
                });
            }
        }
        if spec.reader {
            let reader = format!("{name}_r");
            if !names.taken(&ns, &reader) {
                names.take(&ns, &reader);
                let mut r = shale_model::View::new(
                    QualifiedName::new(ns.clone(), reader),
                    format!("SELECT {} FROM {}.{}", list[0], quote(&ns), quote(&name)),
                );
                r.columns = vec![view.columns[0].clone()];
                views.push(r);
            }
        }
        views.push(view);
    }
    schema.views = views;
    schema.normalize();
}

/// Valid options for a sequence of type `ty` from the parameters; the
/// defaults when the combination is one PostgreSQL refuses.
fn options_of(spec: &OptionsSpec, ty: SequenceType) -> SequenceOptions {
    let increment = INCREMENTS[spec.increment as usize % INCREMENTS.len()];
    let (min, max) = if increment > 0 {
        (
            spec.min.map(|k| [1, 10, 100][k as usize % 3]),
            spec.max.map(|k| [1000, 30000, 1_000_000][k as usize % 3]),
        )
    } else {
        (
            spec.min.map(|k| [-30000, -1000, -100][k as usize % 3]),
            spec.max.map(|k| [-1, -10, 5][k as usize % 3]),
        )
    };
    let mut options = SequenceOptions {
        increment: Some(increment),
        min,
        max,
        cache: spec.cache.map(|k| [1, 5, 20][k as usize % 3]),
        cycle: spec.cycle,
        start: None,
    };
    if let Some(k) = spec.start {
        let r = options.resolved(ty);
        // Somewhere inside the bounds, away from the edges when possible.
        let offset = [0, 1, 7, 50][k as usize % 4];
        options.start = Some(if increment > 0 {
            r.min.saturating_add(offset).min(r.max)
        } else {
            r.max.saturating_sub(offset).max(r.min)
        });
    }
    if options.problems(ty).is_empty() {
        options.normalized(ty)
    } else {
        SequenceOptions::default()
    }
}

fn sequence_type(k: u8) -> SequenceType {
    [
        SequenceType::Bigint,
        SequenceType::Integer,
        SequenceType::Smallint,
    ][k as usize % 3]
}

fn add_sequence(schema: &mut Schema, spec: &SequenceSpec, namespaces: &[&str], names: &mut Names) {
    let ns = namespaces[spec.namespace as usize % namespaces.len()];
    let name = names.fresh(
        ns,
        SEQUENCE_WORDS[spec.word as usize % SEQUENCE_WORDS.len()].to_string(),
    );
    let data_type = sequence_type(spec.ty);
    let mut sequence = Sequence::new(QualifiedName::new(ns, name));
    sequence.data_type = data_type;
    sequence.options = options_of(&spec.options, data_type);
    sequence.comment = spec.comment.map(comment);
    if let Some((t, c)) = spec.owner {
        let candidates: Vec<&Table> = schema
            .tables
            .iter()
            .filter(|t| t.name.namespace == ns)
            .collect();
        if !candidates.is_empty() {
            let table = candidates[t as usize % candidates.len()];
            let column = &table.columns[c as usize % table.columns.len()];
            sequence.owned_by = Some(SequenceOwner {
                table: table.name.clone(),
                column: column.name.clone(),
            });
        }
    }
    schema.sequences.push(sequence);
}

/// New options for an existing sequence of type `ty` whose current value
/// is `current` (its start, as nothing draws from the sequences of these
/// tests): `None` when the new bounds would exclude it, which PostgreSQL
/// refuses without a RESTART.
fn altered_options(spec: &OptionsSpec, ty: SequenceType, current: i64) -> Option<SequenceOptions> {
    let options = options_of(spec, ty);
    let r = options.resolved(ty);
    (r.min <= current && current <= r.max).then_some(options)
}

/// Applies edits to a valid schema; the result is valid and normalised.
pub fn evolve(previous: &Schema, edits: &[Edit]) -> Schema {
    let mut schema = previous.clone();
    // Enum defaults use values of `previous` only: a value added by the same
    // migration cannot be used before its transaction commits.
    let enums = previous.enums.clone();
    let reserved = Reserved::of(previous);
    for edit in edits {
        apply(&mut schema, &enums, &reserved, edit);
        repair(&mut schema);
        schema.normalize();
    }
    keep_current_values(previous, &mut schema);
    schema
}

/// A sequence's current value in the database is its start in `previous`
/// (nothing draws from them): options that several edits changed in a row
/// must still contain it at the end, or PostgreSQL refuses them without a
/// RESTART. Such options go back to the previous ones.
fn keep_current_values(previous: &Schema, next: &mut Schema) {
    for sequence in &mut next.sequences {
        let Some(before) = previous.sequence(&sequence.name) else {
            continue;
        };
        let current = before.options.resolved(before.data_type).start;
        let r = sequence.options.resolved(sequence.data_type);
        if !(r.min <= current && current <= r.max) {
            sequence.options = before.options.clone();
            sequence.data_type = before.data_type;
        }
    }
    for table in &mut next.tables {
        let Some(before) = previous.table(&table.name) else {
            continue;
        };
        for column in &mut table.columns {
            let Some(old) = before.column(&column.name) else {
                continue;
            };
            if column.identity.is_none() || old.identity.is_none() {
                continue;
            }
            let current = old
                .identity_options
                .resolved(old.identity_sequence_type())
                .start;
            let r = column
                .identity_options
                .resolved(column.identity_sequence_type());
            if !(r.min <= current && current <= r.max) {
                column.identity_options = old.identity_options.clone();
            }
        }
    }
}

/// Table and column names of the previous schema. An evolution never gives
/// them to new objects: a table or column dropped and re-added under the same
/// name with another shape would ask for a type change PostgreSQL cannot
/// cast, which is no valid evolution.
#[derive(Default)]
struct Reserved(HashMap<QualifiedName, HashSet<String>>);

impl Reserved {
    fn of(schema: &Schema) -> Reserved {
        Reserved(
            schema
                .tables
                .iter()
                .map(|t| {
                    (
                        t.name.clone(),
                        t.columns.iter().map(|c| c.name.clone()).collect(),
                    )
                })
                .collect(),
        )
    }

    fn column(&self, table: &QualifiedName, column: &str) -> bool {
        self.0.get(table).is_some_and(|c| c.contains(column))
    }
}

fn apply(schema: &mut Schema, enums: &[Enum], reserved: &Reserved, edit: &Edit) {
    let mut names = Names::of(schema);
    for t in reserved.0.keys() {
        names.take(&t.namespace, &t.name);
    }
    let n_tables = schema.tables.len();
    let table_at = |t: u8| (n_tables > 0).then(|| t as usize % n_tables);
    match edit {
        Edit::AddTable(spec) => {
            let namespaces: Vec<&str> = std::iter::once(DEFAULT_NAMESPACE)
                .chain(schema.namespaces.iter().map(String::as_str))
                .collect();
            let ns = namespaces[spec.namespace as usize % namespaces.len()].to_string();
            let name = free_table_name(&names, &ns, spec.name);
            names.take(&ns, &name);
            let table = build_table(spec, QualifiedName::new(ns, name), enums, &mut names);
            schema.tables.push(table);
            let i = schema.tables.len() - 1;
            for fk in &spec.foreign_keys {
                add_foreign_key(schema, i, fk, &mut names, reserved);
            }
        }
        Edit::AddSequence(spec) => {
            let namespaces: Vec<&str> = std::iter::once(DEFAULT_NAMESPACE)
                .chain(schema.namespaces.iter().map(String::as_str))
                .collect();
            let namespaces: Vec<String> = namespaces.iter().map(|n| n.to_string()).collect();
            let namespaces: Vec<&str> = namespaces.iter().map(String::as_str).collect();
            add_sequence(schema, spec, &namespaces, &mut names);
        }
        Edit::DropSequence(q) => {
            if !schema.sequences.is_empty() {
                let k = *q as usize % schema.sequences.len();
                schema.sequences.remove(k);
            }
        }
        Edit::AlterSequence(q, spec) => {
            if !schema.sequences.is_empty() {
                let k = *q as usize % schema.sequences.len();
                let sequence = &mut schema.sequences[k];
                let current = sequence.options.resolved(sequence.data_type).start;
                if let Some(options) = altered_options(spec, sequence.data_type, current) {
                    sequence.options = options;
                }
            }
        }
        Edit::AlterIdentity(t, c, spec) => {
            if let Some(col) = table_at(*t).and_then(|i| column_at(&mut schema.tables[i], *c)) {
                if col.identity.is_some() {
                    let ty = col.identity_sequence_type();
                    let current = col.identity_options.resolved(ty).start;
                    if let Some(options) = altered_options(spec, ty, current) {
                        col.identity_options = options;
                    }
                }
            }
        }
        Edit::DropTable(t) => {
            if let Some(i) = table_at(*t) {
                let gone = schema.tables.remove(i).name;
                for t in &mut schema.tables {
                    t.foreign_keys.retain(|fk| fk.referenced_table != gone);
                }
            }
        }
        Edit::AddColumn(t, spec) => {
            if let Some(i) = table_at(*t) {
                let table = &mut schema.tables[i];
                let name = free_column_name(
                    table,
                    COLUMN_WORDS[spec.ty as usize % COLUMN_WORDS.len()],
                    reserved,
                );
                table.columns.push(make_column(spec, &name, enums));
            }
        }
        Edit::DropColumn(t, c) => {
            if let Some(i) = table_at(*t) {
                let table = &mut schema.tables[i];
                if table.columns.len() > 1 {
                    table.columns.remove(*c as usize % table.columns.len());
                }
            }
        }
        Edit::ChangeType(t, c, k) => {
            if let Some(col) = table_at(*t).and_then(|i| column_at(&mut schema.tables[i], *c)) {
                if let Some(ty) = widened(&col.ty, *k) {
                    col.ty = ty;
                }
            }
        }
        Edit::ToggleNullable(t, c) => {
            if let Some(i) = table_at(*t) {
                let table = &mut schema.tables[i];
                let pk: Vec<String> = table
                    .primary_key
                    .as_ref()
                    .map(|p| p.columns.clone())
                    .unwrap_or_default();
                if let Some(col) = column_at(table, *c) {
                    if !pk.contains(&col.name) && col.identity.is_none() {
                        col.nullable = !col.nullable;
                    }
                }
            }
        }
        Edit::ChangeDefault(t, c, d) => {
            if let Some(col) = table_at(*t).and_then(|i| column_at(&mut schema.tables[i], *c)) {
                if col.identity.is_none() {
                    col.default = d.and_then(|d| default_for(&col.ty, d, enums));
                }
            }
        }
        Edit::AddIndex(t, spec) => {
            if let Some(i) = table_at(*t) {
                add_index(&mut schema.tables[i], spec, &mut names);
            }
        }
        Edit::DropIndex(t, k) => {
            if let Some(i) = table_at(*t) {
                remove_at(&mut schema.tables[i].indexes, *k);
            }
        }
        Edit::AddUnique(t, spec) => {
            if let Some(i) = table_at(*t) {
                add_unique(&mut schema.tables[i], spec, &mut names);
            }
        }
        Edit::DropUnique(t, k) => {
            if let Some(i) = table_at(*t) {
                remove_at(&mut schema.tables[i].uniques, *k);
            }
        }
        Edit::AddCheck(t, spec) => {
            if let Some(i) = table_at(*t) {
                add_check(&mut schema.tables[i], spec, &mut names);
            }
        }
        Edit::DropCheck(t, k) => {
            if let Some(i) = table_at(*t) {
                remove_at(&mut schema.tables[i].checks, *k);
            }
        }
        Edit::AddPolicy(t, spec) => {
            if let Some(i) = table_at(*t) {
                add_policy(&mut schema.tables[i], spec);
            }
        }
        Edit::DropPolicy(t, k) => {
            if let Some(i) = table_at(*t) {
                remove_at(&mut schema.tables[i].policies, *k);
            }
        }
        Edit::SetRowLevelSecurity(t, code) => {
            if let Some(i) = table_at(*t) {
                schema.tables[i].row_level_security = rls(*code);
            }
        }
        Edit::AddForeignKey(t, spec) => {
            if let Some(i) = table_at(*t) {
                add_foreign_key(schema, i, spec, &mut names, reserved);
            }
        }
        Edit::DropForeignKey(t, k) => {
            if let Some(i) = table_at(*t) {
                remove_at(&mut schema.tables[i].foreign_keys, *k);
            }
        }
        Edit::AddEnumValue(e, v, before) => {
            if schema.enums.is_empty() {
                return;
            }
            let n = schema.enums.len();
            let en = &mut schema.enums[*e as usize % n];
            let mut value = ENUM_VALUES[*v as usize % ENUM_VALUES.len()].to_string();
            let mut k = 2;
            while en.values.contains(&value) {
                value = format!("{}_{k}", ENUM_VALUES[*v as usize % ENUM_VALUES.len()]);
                k += 1;
            }
            let at = before.map_or(en.values.len(), |b| b as usize % (en.values.len() + 1));
            en.values.insert(at, value);
        }
        Edit::ChangeComment(kind, a, b, text) => {
            let text = text.map(comment);
            match kind % 5 {
                3 => {
                    if let Some(i) = table_at(*a) {
                        let t = &mut schema.tables[i];
                        let mut slots: Vec<&mut Option<String>> = t
                            .primary_key
                            .iter_mut()
                            .map(|k| &mut k.comment)
                            .chain(t.uniques.iter_mut().map(|u| &mut u.comment))
                            .chain(t.checks.iter_mut().map(|c| &mut c.comment))
                            .chain(t.foreign_keys.iter_mut().map(|f| &mut f.comment))
                            .chain(t.policies.iter_mut().map(|p| &mut p.comment))
                            .collect();
                        let n = slots.len();
                        if n > 0 {
                            *slots[*b as usize % n] = text;
                        }
                    }
                }
                4 => {
                    if let Some(i) = table_at(*a) {
                        let t = &mut schema.tables[i];
                        let n = t.indexes.len();
                        if n > 0 {
                            t.indexes[*b as usize % n].comment = text;
                        }
                    }
                }
                0 => {
                    if let Some(i) = table_at(*a) {
                        schema.tables[i].comment = text;
                    }
                }
                1 => {
                    if let Some(col) =
                        table_at(*a).and_then(|i| column_at(&mut schema.tables[i], *b))
                    {
                        col.comment = text;
                    }
                }
                _ => {
                    if !schema.enums.is_empty() {
                        let n = schema.enums.len();
                        schema.enums[*a as usize % n].comment = text;
                    }
                }
            }
        }
    }
}

fn remove_at<T>(items: &mut Vec<T>, k: u8) {
    if !items.is_empty() {
        let n = items.len();
        items.remove(k as usize % n);
    }
}

fn column_at(table: &mut Table, c: u8) -> Option<&mut Column> {
    let n = table.columns.len();
    (n > 0).then(move || &mut table.columns[c as usize % n])
}

/// A compatible wider (or otherwise easily converted) type, if there is one.
fn widened(ty: &ColumnType, k: u8) -> Option<ColumnType> {
    if ty.array_dims != 0 {
        return None;
    }
    let name = ty.base_name()?;
    let next = match name {
        "integer" => "bigint".to_string(),
        "bigint" => "integer".to_string(),
        "text" => format!(
            "varchar({})",
            VARCHAR_LENGTHS[k as usize % VARCHAR_LENGTHS.len()]
        ),
        n if n.starts_with("varchar(") => {
            // an even choice widens to text, an odd one lengthens
            if k & 1 == 0 {
                "text".to_string()
            } else {
                let len: u32 = n["varchar(".len()..n.len() - 1].parse().ok()?;
                format!("varchar({})", len + 10)
            }
        }
        n if n.starts_with("numeric(") => {
            let (p, s) = n["numeric(".len()..n.len() - 1].split_once(',')?;
            format!("numeric({},{s})", p.parse::<u32>().ok()? + 2)
        }
        _ => return None,
    };
    Some(ColumnType::named(&next))
}

/// Removes whatever no longer resolves after an edit, so the schema stays valid.
fn repair(schema: &mut Schema) {
    for t in &mut schema.tables {
        let cols: HashSet<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let has_all = |names: &[String]| names.iter().all(|n| cols.contains(n));
        if t.primary_key
            .as_ref()
            .is_some_and(|pk| !has_all(&pk.columns))
        {
            t.primary_key = None;
        }
        t.uniques.retain(|u| has_all(&u.columns));
        t.checks.retain(|c| has_all(&quoted_identifiers(&c.expr)));
        t.policies.retain(|p| {
            [&p.using, &p.with_check]
                .into_iter()
                .flatten()
                .all(|e| has_all(&quoted_identifiers(e)))
        });
        t.indexes.retain(|i| {
            i.keys
                .iter()
                .all(|k| matches!(&k.target, IndexTarget::Column(c) if cols.contains(c)))
                && has_all(&i.include)
                && i.predicate
                    .as_deref()
                    .is_none_or(|p| has_all(&quoted_identifiers(p)))
                && (i.method != "hash"
                    || i.keys.iter().all(|k| {
                        hashable(
                            t.columns.iter().find(
                                |c| matches!(&k.target, IndexTarget::Column(n) if *n == c.name),
                            ),
                        )
                    }))
        });
        let pk: Vec<String> = t
            .primary_key
            .as_ref()
            .map(|p| p.columns.clone())
            .unwrap_or_default();
        for c in &mut t.columns {
            if pk.contains(&c.name) {
                c.nullable = false;
            }
        }
    }
    let keys = key_index(schema);
    for t in &mut schema.tables {
        let name = t.name.clone();
        t.foreign_keys
            .retain(|fk| fk_problem(&name, fk, &keys).is_none());
    }
    // A sequence whose owning column is gone stays, unowned.
    let tables = &schema.tables;
    for q in &mut schema.sequences {
        let gone = q.owned_by.as_ref().is_some_and(|o| {
            tables
                .iter()
                .find(|t| t.name == o.table)
                .and_then(|t| t.column(&o.column))
                .is_none()
        });
        if gone {
            q.owned_by = None;
        }
    }
}

fn hashable(column: Option<&Column>) -> bool {
    column.is_some_and(|c| {
        c.ty.array_dims == 0
            && match &c.ty.base {
                BaseType::Named(n) => {
                    matches!(n.as_str(), "integer" | "bigint" | "text" | "uuid" | "date")
                        || n.starts_with("varchar(")
                }
                BaseType::Enum(_) => true,
                BaseType::UserType(_) => false,
            }
    })
}

fn namespace_list(count: u8) -> Vec<&'static str> {
    std::iter::once(DEFAULT_NAMESPACE)
        .chain(NAMESPACES.iter().copied())
        .take(count.clamp(1, 3) as usize)
        .collect()
}

fn free_table_name(names: &Names, ns: &str, start: u8) -> String {
    for k in 0..TABLE_WORDS.len() {
        let word = TABLE_WORDS[(start as usize + k) % TABLE_WORDS.len()];
        if !names.taken(ns, word) {
            return word.to_string();
        }
    }
    let word = TABLE_WORDS[start as usize % TABLE_WORDS.len()];
    (2..)
        .map(|k| format!("{word}_{k}"))
        .find(|n| !names.taken(ns, n))
        .expect("an unbounded search finds a name")
}

fn free_column_name(table: &Table, word: &str, reserved: &Reserved) -> String {
    let free = |n: &str| table.column(n).is_none() && !reserved.column(&table.name, n);
    if free(word) {
        return word.to_string();
    }
    (2..)
        .map(|k| format!("{word}_{k}"))
        .find(|n| free(n))
        .expect("an unbounded search finds a name")
}

fn build_table(spec: &TableSpec, name: QualifiedName, enums: &[Enum], names: &mut Names) -> Table {
    let mut table = Table::new(name);
    for (k, c) in spec.columns.iter().enumerate() {
        let col_name = COLUMN_WORDS[(spec.column_offset as usize + k) % COLUMN_WORDS.len()];
        table.columns.push(make_column(c, col_name, enums));
    }
    if let Some(pk) = &spec.primary_key {
        let columns = pick_columns(&table, &pk.columns);
        for c in &mut table.columns {
            if columns.contains(&c.name) {
                c.nullable = false;
            }
        }
        let pk_name = names.fresh(&table.name.namespace, naming::primary_key(&table.name.name));
        table.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: pk_name,
            columns,
        });
    }
    for u in &spec.uniques {
        add_unique(&mut table, u, names);
    }
    for c in &spec.checks {
        add_check(&mut table, c, names);
    }
    for i in &spec.indexes {
        add_index(&mut table, i, names);
    }
    table.comment = spec.comment.map(comment);
    table.row_level_security = rls(spec.rls);
    for p in &spec.policies {
        add_policy(&mut table, p);
    }
    for c in &table.columns {
        if c.identity.is_some() {
            names.take(
                &table.name.namespace,
                &naming::serial_sequence(&table.name.name, &c.name),
            );
        }
    }
    table
}

fn comment(k: u8) -> String {
    COMMENTS[k as usize % COMMENTS.len()].to_string()
}

/// The type a selector stands for; an enum when the schema has one.
fn type_of(ty: u8, variant: u8, enums: &[Enum]) -> ColumnType {
    let v = variant as usize;
    let named = match ty % TYPE_CHOICES {
        0 => "integer".to_string(),
        1 => "bigint".to_string(),
        2 => "text".to_string(),
        3 => format!("varchar({})", VARCHAR_LENGTHS[v % VARCHAR_LENGTHS.len()]),
        4 => {
            let (p, s) = NUMERICS[v % NUMERICS.len()];
            format!("numeric({p},{s})")
        }
        5 => "boolean".to_string(),
        6 => "timestamptz".to_string(),
        7 => "date".to_string(),
        8 => "uuid".to_string(),
        9 => "jsonb".to_string(),
        10 => "text[]".to_string(),
        _ => match enums.len() {
            0 => "text".to_string(),
            n => return ColumnType::enum_(enums[v % n].name.clone()),
        },
    };
    ColumnType::named(&named)
}

/// A valid default for the type, `None` when choice `d` has none.
fn default_for(ty: &ColumnType, d: u8, enums: &[Enum]) -> Option<String> {
    let d = d as usize;
    let pick = |options: &[&str]| Some(options[d % options.len()].to_string());
    if ty.array_dims == 1 && ty.base_name() == Some("text") {
        return pick(&["'{}'::text[]", "ARRAY['a', 'b']::text[]"]);
    }
    if ty.array_dims != 0 {
        return None;
    }
    match &ty.base {
        BaseType::Enum(name) => {
            let e = enums.iter().find(|e| &e.name == name)?;
            let value = e.values.get(d % e.values.len().max(1))?;
            Some(format!("'{value}'"))
        }
        BaseType::Named(n) => match n.as_str() {
            "integer" | "bigint" => pick(&["0", "42", "-1"]),
            "text" => pick(&["'x'", "''", "'it''s'"]),
            n if n.starts_with("varchar(") => pick(&["'x'", "''", "'it''s'"]),
            n if n.starts_with("numeric(") => pick(&["0", "12.5", "1"]),
            "boolean" => pick(&["true", "false"]),
            "timestamptz" => pick(&["now()", "CURRENT_TIMESTAMP"]),
            "date" => pick(&["CURRENT_DATE"]),
            "uuid" => pick(&["gen_random_uuid()"]),
            "jsonb" => pick(&["'{}'::jsonb", "'[]'::jsonb"]),
            _ => None,
        },
        BaseType::UserType(_) => None,
    }
}

fn is_integer(ty: &ColumnType) -> bool {
    ty.array_dims == 0 && matches!(ty.base_name(), Some("integer" | "bigint"))
}

fn is_numeric(ty: &ColumnType) -> bool {
    is_integer(ty)
        || (ty.array_dims == 0 && ty.base_name().is_some_and(|n| n.starts_with("numeric")))
}

fn make_column(spec: &ColumnSpec, name: &str, enums: &[Enum]) -> Column {
    let mut column = Column::new(name, type_of(spec.ty, spec.variant, enums));
    column.nullable = spec.nullable;
    column.comment = spec.comment.map(comment);
    match spec.identity {
        Some(always) if is_integer(&column.ty) => {
            column.identity = Some(if always {
                Identity::Always
            } else {
                Identity::ByDefault
            });
            column.nullable = false;
            if let Some(options) = &spec.identity_options {
                column.identity_options = options_of(options, column.identity_sequence_type());
            }
        }
        _ => column.default = spec.default.and_then(|d| default_for(&column.ty, d, enums)),
    }
    column
}

/// The distinct columns at these positions, in order.
fn pick_columns(table: &Table, positions: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in positions {
        let name = &table.columns[*p as usize % table.columns.len()].name;
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

fn add_unique(table: &mut Table, spec: &KeySpec, names: &mut Names) {
    if table.columns.is_empty() {
        return;
    }
    let columns = pick_columns(table, &spec.columns);
    let same = |cols: &[String]| cols == columns.as_slice();
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| same(&pk.columns))
        || table.uniques.iter().any(|u| same(&u.columns))
    {
        return;
    }
    let name = names.fresh(
        &table.name.namespace,
        naming::unique(&table.name.name, &columns),
    );
    let k = spec.columns.first().copied().unwrap_or(0);
    table.uniques.push(UniqueConstraint {
        comment: (k % 4 == 3).then(|| comment(k)),
        deferrable: Default::default(),
        name,
        columns,
        nulls_not_distinct: spec.nulls_not_distinct,
    });
}

fn rls(code: u8) -> shale_model::RowLevelSecurity {
    shale_model::RowLevelSecurity {
        enabled: matches!(code % 4, 1 | 2),
        forced: matches!(code % 4, 2 | 3),
    }
}

/// Adds a policy over one of the table's columns (any column: a policy's
/// expression is a boolean over the row), named `p0`, `p1`, … per table.
fn add_policy(table: &mut Table, spec: &PolicySpec) {
    use shale_model::{Policy, PolicyCommand};
    if table.columns.is_empty() {
        return;
    }
    let col = &table.columns[spec.column as usize % table.columns.len()].name;
    let expr = match spec.form % 4 {
        0 => format!("\"{col}\" IS NOT NULL"),
        1 => format!("\"{col}\" IS NULL"),
        2 => "true".to_string(),
        _ => "false".to_string(),
    };
    let name = (0..)
        .map(|n| format!("p{n}"))
        .find(|n| table.policies.iter().all(|p| &p.name != n))
        .unwrap_or_default();
    let mut policy = Policy::new(name);
    policy.command = [
        PolicyCommand::All,
        PolicyCommand::Select,
        PolicyCommand::Insert,
        PolicyCommand::Update,
        PolicyCommand::Delete,
    ][spec.command as usize % 5];
    policy.permissive = !spec.restrictive;
    policy.comment = (spec.form % 3 == 2).then(|| comment(spec.column));
    policy.roles = match spec.roles % 3 {
        0 => vec![shale_model::policy::PUBLIC_ROLE.to_string()],
        1 => vec!["pg_read_all_data".to_string()],
        _ => vec![
            "pg_read_all_data".to_string(),
            "pg_write_all_data".to_string(),
        ],
    };
    if policy.command.has_using() {
        policy.using = Some(expr.clone());
    }
    if policy.command.has_with_check() && (spec.form % 2 == 1 || !policy.command.has_using()) {
        policy.with_check = Some(expr);
    }
    policy.normalize();
    table.policies.push(policy);
    table.normalize();
}

fn add_check(table: &mut Table, spec: &CheckSpec, names: &mut Names) {
    let numeric: Vec<&Column> = table.columns.iter().filter(|c| is_numeric(&c.ty)).collect();
    if numeric.is_empty() {
        return;
    }
    let col = &numeric[spec.column as usize % numeric.len()].name;
    let expr = match spec.form % 3 {
        0 => format!("\"{col}\" > 0"),
        1 => format!("\"{col}\" >= 0 AND \"{col}\" < 1000000"),
        _ => format!("\"{col}\" <> 7"),
    };
    let name = names.fresh(
        &table.name.namespace,
        naming::check(&table.name.name, Some(col)),
    );
    let k = spec.column.wrapping_add(spec.form);
    table.checks.push(CheckConstraint {
        comment: (k % 4 == 3).then(|| comment(k)),
        not_valid: false,
        name,
        expr,
        no_inherit: false,
    });
}

fn add_index(table: &mut Table, spec: &IndexSpec, names: &mut Names) {
    if table.columns.is_empty() {
        return;
    }
    let positions: Vec<u8> = spec.keys.iter().map(|k| k.0).collect();
    let columns = pick_columns(table, &positions);
    let desc: Vec<bool> = columns
        .iter()
        .map(|c| {
            let at = spec
                .keys
                .iter()
                .position(|k| table.columns[k.0 as usize % table.columns.len()].name == *c);
            at.is_some_and(|i| spec.keys[i].1)
        })
        .collect();
    // hash: one key, not unique, a type with a hash operator class
    let hash =
        spec.hash && columns.len() == 1 && !spec.unique && hashable(table.column(&columns[0]));
    let keys = columns
        .iter()
        .zip(&desc)
        .map(|(c, d)| IndexKey {
            target: IndexTarget::Column(c.clone()),
            order: if *d && !hash {
                SortOrder::Desc
            } else {
                SortOrder::Asc
            },
            nulls: None,
            opclass: None,
        })
        .collect();
    let predicate = spec.partial.map(|p| {
        let col = &table.columns[p as usize % table.columns.len()].name;
        format!("\"{col}\" IS NOT NULL")
    });
    let name = names.fresh(
        &table.name.namespace,
        naming::index(&table.name.name, &columns),
    );
    let k = spec.keys.first().map_or(0, |k| k.0);
    table.indexes.push(Index {
        comment: (k % 4 == 3).then(|| comment(k)),
        name,
        unique: spec.unique && !hash,
        nulls_not_distinct: spec.unique && !hash && spec.nulls_not_distinct,
        method: if hash { "hash" } else { "btree" }.to_string(),
        keys,
        include: vec![],
        predicate,
    });
}

const ACTIONS: [ForeignKeyAction; 5] = [
    ForeignKeyAction::NoAction,
    ForeignKeyAction::Restrict,
    ForeignKeyAction::Cascade,
    ForeignKeyAction::SetNull,
    ForeignKeyAction::SetDefault,
];

fn add_foreign_key(
    schema: &mut Schema,
    from: usize,
    spec: &FkSpec,
    names: &mut Names,
    reserved: &Reserved,
) {
    let target = &schema.tables[spec.target as usize % schema.tables.len()];
    let mut keys: Vec<&[String]> = Vec::new();
    if let Some(pk) = &target.primary_key {
        keys.push(&pk.columns);
    }
    keys.extend(target.uniques.iter().map(|u| u.columns.as_slice()));
    if keys.is_empty() {
        return;
    }
    let key = keys[spec.key as usize % keys.len()];
    let referenced: Vec<(String, ColumnType)> = key
        .iter()
        .map(|c| {
            (
                c.clone(),
                target
                    .column(c)
                    .expect("keys name existing columns")
                    .ty
                    .clone(),
            )
        })
        .collect();
    let target_name = target.name.clone();
    let table = &mut schema.tables[from];
    let mut columns = Vec::new();
    for (col, ty) in &referenced {
        let base = format!("{}_{col}", target_name.name);
        let mut name = base.clone();
        let mut k = 2;
        // reuse a matching column, else add one under a free name
        loop {
            match table.column(&name) {
                Some(c) if c.ty == *ty && c.identity.is_none() && !columns.contains(&name) => break,
                None if reserved.column(&table.name, &name) => {
                    name = format!("{base}_{k}");
                    k += 1;
                }
                Some(_) => {
                    name = format!("{base}_{k}");
                    k += 1;
                }
                None => {
                    let mut c = Column::new(name.clone(), ty.clone());
                    c.nullable = spec.nullable;
                    table.columns.push(c);
                    break;
                }
            }
        }
        columns.push(name);
    }
    let all_nullable = columns
        .iter()
        .all(|c| table.column(c).is_some_and(|c| c.nullable));
    // SET NULL / SET DEFAULT on a NOT NULL column fail at run time: cascade instead
    let action = |a: u8| match ACTIONS[a as usize % ACTIONS.len()] {
        ForeignKeyAction::SetNull | ForeignKeyAction::SetDefault if !all_nullable => {
            ForeignKeyAction::Cascade
        }
        other => other,
    };
    let name = names.fresh(
        &table.name.namespace,
        naming::foreign_key(&table.name.name, &columns),
    );
    let k = spec.target.wrapping_add(spec.key);
    table.foreign_keys.push(ForeignKey {
        comment: (k % 4 == 3).then(|| comment(k)),
        not_valid: false,
        match_full: false,
        name,
        columns,
        referenced_table: target_name,
        referenced_columns: referenced.into_iter().map(|(c, _)| c).collect(),
        on_delete: action(spec.on_delete),
        on_update: action(spec.on_update),
        deferrable: [
            Deferrable::No,
            Deferrable::InitiallyImmediate,
            Deferrable::InitiallyDeferred,
        ][spec.deferrable as usize % 3],
    });
}

/// Names taken per namespace: relations (tables, indexes, key constraints,
/// identity sequences), types, and, to be safe, every constraint.
#[derive(Default)]
struct Names(HashSet<(String, String)>);

impl Names {
    fn of(schema: &Schema) -> Names {
        let mut names = Names::default();
        for e in &schema.enums {
            names.take(&e.name.namespace, &e.name.name);
        }
        for q in &schema.sequences {
            names.take(&q.name.namespace, &q.name.name);
        }
        for t in &schema.tables {
            let ns = &t.name.namespace;
            names.take(ns, &t.name.name);
            for n in object_names(t) {
                names.take(ns, n);
            }
            for c in &t.columns {
                if c.identity.is_some() {
                    names.take(ns, &naming::serial_sequence(&t.name.name, &c.name));
                }
            }
        }
        names
    }

    fn taken(&self, ns: &str, name: &str) -> bool {
        self.0.contains(&(ns.to_string(), name.to_string()))
    }

    fn take(&mut self, ns: &str, name: &str) {
        self.0.insert((ns.to_string(), name.to_string()));
    }

    /// `base`, or `base_2`, `base_3`, … if taken; marked as taken.
    fn fresh(&mut self, ns: &str, base: String) -> String {
        let name = if self.taken(ns, &base) {
            (2..)
                .map(|k| format!("{base}_{k}"))
                .find(|n| !self.taken(ns, n))
                .expect("an unbounded search finds a name")
        } else {
            base
        };
        self.take(ns, &name);
        name
    }
}

fn object_names(t: &Table) -> impl Iterator<Item = &String> {
    t.primary_key
        .iter()
        .map(|p| &p.name)
        .chain(t.uniques.iter().map(|u| &u.name))
        .chain(t.checks.iter().map(|c| &c.name))
        .chain(t.foreign_keys.iter().map(|f| &f.name))
        .chain(t.indexes.iter().map(|i| &i.name))
}

/// `"name"` identifiers in an SQL expression.
fn quoted_identifiers(expr: &str) -> Vec<String> {
    expr.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Per table: its key column sets and column types.
type KeyIndex = HashMap<QualifiedName, (Vec<Vec<String>>, HashMap<String, ColumnType>)>;

fn key_index(schema: &Schema) -> KeyIndex {
    schema
        .tables
        .iter()
        .map(|t| {
            let mut keys: Vec<Vec<String>> =
                t.primary_key.iter().map(|p| p.columns.clone()).collect();
            keys.extend(t.uniques.iter().map(|u| u.columns.clone()));
            let types = t
                .columns
                .iter()
                .map(|c| (c.name.clone(), c.ty.clone()))
                .collect();
            (t.name.clone(), (keys, types))
        })
        .collect()
}

fn fk_problem(table: &QualifiedName, fk: &ForeignKey, keys: &KeyIndex) -> Option<String> {
    let Some((target_keys, target_types)) = keys.get(&fk.referenced_table) else {
        return Some(format!("references missing table {}", fk.referenced_table));
    };
    if !target_keys.contains(&fk.referenced_columns) {
        return Some(format!(
            "references {:?}, not a primary key or unique constraint",
            fk.referenced_columns
        ));
    }
    if fk.columns.len() != fk.referenced_columns.len() {
        return Some("has a different number of columns than it references".into());
    }
    let local = &keys.get(table).expect("the table itself is indexed").1;
    for (c, r) in fk.columns.iter().zip(&fk.referenced_columns) {
        match (local.get(c), target_types.get(r)) {
            (Some(a), Some(b)) if a == b => {}
            (None, _) => return Some(format!("uses missing column {c}")),
            _ => return Some(format!("column {c} does not match the type of {r}")),
        }
    }
    None
}

// --- validity -------------------------------------------------------------------

/// Checks the invariants every generated schema satisfies; returns every
/// violation found. Usable on any schema (e.g. a parsed or introspected one).
pub fn check_valid(schema: &Schema) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut normalised = schema.clone();
    normalised.normalize();
    if normalised != *schema {
        problems.push("the schema is not normalised".to_string());
    }
    let mut namespaces: HashSet<&str> = schema.namespaces.iter().map(String::as_str).collect();
    namespaces.insert(DEFAULT_NAMESPACE);
    let mut types: HashSet<&QualifiedName> = HashSet::new();
    let mut relations: HashSet<(&str, &str)> = HashSet::new();
    let ident = |n: &str| {
        !n.is_empty()
            && n.len() <= naming::MAX_IDENTIFIER_BYTES
            && n.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    for e in &schema.enums {
        if !namespaces.contains(e.name.namespace.as_str()) {
            problems.push(format!("enum {} is in an undeclared namespace", e.name));
        }
        if !ident(&e.name.name) || !types.insert(&e.name) {
            problems.push(format!("enum {} has a bad or duplicate name", e.name));
        }
        let distinct: HashSet<&String> = e.values.iter().collect();
        if e.values.is_empty() || distinct.len() != e.values.len() {
            problems.push(format!("enum {} has no or duplicate values", e.name));
        }
    }
    let keys = key_index(schema);
    for t in &schema.tables {
        let ns = t.name.namespace.as_str();
        let name = &t.name;
        if !namespaces.contains(ns) {
            problems.push(format!("table {name} is in an undeclared namespace"));
        }
        if !ident(&t.name.name) || !types.insert(&t.name) || !relations.insert((ns, &t.name.name)) {
            problems.push(format!(
                "table {name} has a bad name or one taken by a type or relation"
            ));
        }
        let mut cols = HashSet::new();
        for c in &t.columns {
            if !ident(&c.name) || !cols.insert(c.name.as_str()) {
                problems.push(format!(
                    "column {name}.{} has a bad or duplicate name",
                    c.name
                ));
            }
            if let BaseType::Enum(e) = &c.ty.base {
                if !schema.enums.iter().any(|x| &x.name == e) {
                    problems.push(format!(
                        "column {name}.{} has missing enum type {e}",
                        c.name
                    ));
                }
            }
            if c.identity.is_some() && (!is_integer(&c.ty) || c.nullable || c.default.is_some()) {
                problems.push(format!(
                    "identity column {name}.{} is not a NOT NULL integer without default",
                    c.name
                ));
            }
        }
        let has_all =
            |list: &[String]| !list.is_empty() && list.iter().all(|c| cols.contains(c.as_str()));
        if let Some(pk) = &t.primary_key {
            if !has_all(&pk.columns) {
                problems.push(format!("primary key of {name} names missing columns"));
            }
            if pk
                .columns
                .iter()
                .any(|c| t.column(c).is_some_and(|c| c.nullable))
            {
                problems.push(format!("primary key of {name} has a nullable column"));
            }
        }
        for u in &t.uniques {
            if !has_all(&u.columns) {
                problems.push(format!("unique {} of {name} names missing columns", u.name));
            }
        }
        for c in &t.checks {
            if !has_all(&quoted_identifiers(&c.expr)) {
                problems.push(format!("check {} of {name} names missing columns", c.name));
            }
        }
        for i in &t.indexes {
            let key_cols: Vec<String> = i
                .keys
                .iter()
                .filter_map(|k| match &k.target {
                    IndexTarget::Column(c) => Some(c.clone()),
                    IndexTarget::Expression(_) => None,
                })
                .collect();
            if i.keys.is_empty() || !key_cols.iter().all(|c| cols.contains(c.as_str())) {
                problems.push(format!("index {} of {name} names missing columns", i.name));
            }
            if i.predicate.as_deref().is_some_and(|p| {
                !quoted_identifiers(p)
                    .iter()
                    .all(|c| cols.contains(c.as_str()))
            }) {
                problems.push(format!(
                    "predicate of index {} of {name} names missing columns",
                    i.name
                ));
            }
            if i.method == "hash" && (i.keys.len() != 1 || i.unique) {
                problems.push(format!(
                    "hash index {} of {name} is unique or has several keys",
                    i.name
                ));
            }
        }
        for fk in &t.foreign_keys {
            if let Some(p) = fk_problem(name, fk, &keys) {
                problems.push(format!("foreign key {} of {name} {p}", fk.name));
            }
        }
        let mut constraint_names = HashSet::new();
        for n in object_names(t) {
            if !ident(n) || !constraint_names.insert(n.as_str()) {
                problems.push(format!(
                    "constraint or index {n} of {name} has a bad or duplicate name"
                ));
            }
        }
        for n in t
            .primary_key
            .iter()
            .map(|p| &p.name)
            .chain(t.uniques.iter().map(|u| &u.name))
            .chain(t.indexes.iter().map(|i| &i.name))
        {
            if !relations.insert((ns, n)) {
                problems.push(format!(
                    "index name {n} of {name} is taken by another relation in {ns}"
                ));
            }
        }
    }
    for q in &schema.sequences {
        let name = &q.name;
        if !namespaces.contains(name.namespace.as_str()) {
            problems.push(format!("sequence {name} is in an undeclared namespace"));
        }
        if !ident(&name.name) || schema.table(name).is_some() {
            problems.push(format!(
                "sequence {name} has a bad name or one taken by a table"
            ));
        }
        for (_, problem) in q.options.problems(q.data_type) {
            problems.push(format!("sequence {name}: {problem}"));
        }
        if let Some(o) = &q.owned_by {
            let owner = schema.table(&o.table).and_then(|t| t.column(&o.column));
            if owner.is_none() || o.table.namespace != name.namespace {
                problems.push(format!("sequence {name} is owned by missing column {o}"));
            }
        }
    }
    for t in &schema.tables {
        for c in t.columns.iter().filter(|c| c.identity.is_some()) {
            for (_, problem) in c.identity_options.problems(c.identity_sequence_type()) {
                problems.push(format!("identity {}.{}: {problem}", t.name, c.name));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Rename hints that confirm every table, column, enum and enum value of
/// `previous` missing from `next` as dropped, so the differ never asks
/// whether something was renamed.
pub fn confirmed_drops(previous: &Schema, next: &Schema) -> RenameHints {
    let mut hints = RenameHints::default();
    for t in &previous.tables {
        match next.tables.iter().find(|n| n.name == t.name) {
            None => hints.dropped_tables.push(t.name.clone()),
            Some(n) => {
                for c in &t.columns {
                    if n.column(&c.name).is_none() {
                        hints.dropped_columns.push((n.name.clone(), c.name.clone()));
                    }
                }
            }
        }
    }
    for q in &previous.sequences {
        if next.sequence(&q.name).is_none() {
            hints.dropped_sequences.push(q.name.clone());
        }
    }
    for e in &previous.enums {
        match next.enums.iter().find(|n| n.name == e.name) {
            None => hints.dropped_enums.push(e.name.clone()),
            Some(n) => {
                for v in &e.values {
                    if !n.values.contains(v) {
                        hints.dropped_enum_values.push((n.name.clone(), v.clone()));
                    }
                }
            }
        }
    }
    hints
}
