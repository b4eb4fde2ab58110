//! The differ proper: match previous and next objects (by rename hint, then by
//! name), report unsettled renames, then run ordered `push_*_steps` passes
//! and sort the steps into execution order.

mod extension;
mod function;
mod grant;
mod partition;
mod policy;
mod sequence;
mod user_type;
mod view;

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use shale_model::{
    expr, BaseType, CheckConstraint, Column, ColumnType, Enum, ForeignKey, Index, IndexKey,
    IndexTarget, PrimaryKey, QualifiedName, RenameHints, Schema, Table, UniqueConstraint,
    DEFAULT_NAMESPACE,
};

use crate::{
    Ambiguities, Ambiguity, ColumnChanges, CommentTarget, EnumColumn, EnumValuePlacement,
    MigrationPair, ObjectKind, Step,
};

/// Plans the steps from `schemas.previous` to `schemas.next`, sorted.
pub(crate) fn calculate_steps(
    schemas: MigrationPair<&Schema>,
    hints: &RenameHints,
) -> Result<Vec<Step>, Ambiguities> {
    let mut ambiguities = Vec::new();
    let db = DifferDatabase::new(schemas, hints, &mut ambiguities);
    if !ambiguities.is_empty() {
        return Err(Ambiguities(ambiguities));
    }
    let mut differ = Differ {
        db: &db,
        hints,
        steps: Vec::new(),
        dropped_keys: HashSet::new(),
        recreated_columns: HashSet::new(),
        swapped_columns: HashSet::new(),
        retyped_columns: HashSet::new(),
    };
    differ.push_namespace_steps();
    differ.push_extension_steps();
    differ.push_enum_steps();
    differ.push_sequence_steps();
    differ.push_table_steps();
    differ.push_column_steps();
    differ.push_primary_key_steps();
    differ.push_unique_steps();
    differ.push_check_steps();
    differ.push_exclusion_steps();
    differ.push_partition_steps();
    // Indexes before foreign keys: dropping a unique index marks the foreign
    // keys that depend on it for re-creation.
    differ.push_index_steps();
    differ.push_foreign_key_steps();
    differ.push_policy_steps();
    differ.push_function_steps();
    differ.push_comment_steps();
    // After the column pass: a replaced domain converts the columns the
    // column pass did not re-create.
    differ.push_user_type_steps();
    // Last: which views stay depends on what the passes above do to the
    // tables they read.
    differ.push_view_steps();
    // After the views: which views and routines are created again is known.
    differ.push_grant_steps();
    // After every constraint, index and policy pass: which are created is known.
    differ.push_constraint_comment_steps();
    let mut steps = differ.steps;
    steps.sort();
    steps.dedup();
    order_rename_chains(&mut steps);
    user_type::order_user_type_steps(&mut steps, schemas);
    view::order_view_steps(&mut steps, schemas);
    // A generated column that becomes plain stops depending on its source
    // columns only once its expression is dropped: do that first within the
    // table, before a source column changes type.
    let alter_columns = steps
        .iter()
        .position(|s| matches!(s, Step::AlterColumn { .. }));
    if let Some(start) = alter_columns {
        let end = steps[start..]
            .iter()
            .position(|s| !matches!(s, Step::AlterColumn { .. }))
            .map_or(steps.len(), |n| start + n);
        steps[start..end].sort_by_key(|s| match s {
            Step::AlterColumn { table, changes, .. } => {
                (Some(table.clone()), !changes.drop_expression)
            }
            _ => (None, true),
        });
    }
    order_added_columns(&mut steps, schemas.next);
    Ok(steps)
}

/// Columns added to a table are added in the order the next schema declares
/// them (column order is meaningful: `SELECT *`, `COPY`, pg_dump), not in the
/// order of their names, which is all the derived sort can see.
fn order_added_columns(steps: &mut [Step], next: &Schema) {
    let Some(start) = steps
        .iter()
        .position(|s| matches!(s, Step::AddColumn { .. }))
    else {
        return;
    };
    let end = steps[start..]
        .iter()
        .position(|s| !matches!(s, Step::AddColumn { .. }))
        .map_or(steps.len(), |n| start + n);
    steps[start..end].sort_by_cached_key(|s| match s {
        Step::AddColumn { table, column } => {
            let position = next
                .table(table)
                .and_then(|t| t.columns.iter().position(|c| &c.name == column))
                .unwrap_or(usize::MAX);
            (Some(table.clone()), position)
        }
        _ => (None, usize::MAX),
    });
}

/// The parent, previous and next name of a rename step, as strings.
fn rename_key(step: &Step) -> Option<(String, String, String)> {
    Some(match step {
        Step::RenameEnum { names }
        | Step::RenameTable { names }
        | Step::RenameSequence { names } => (
            String::new(),
            names.previous.to_string(),
            names.next.to_string(),
        ),
        Step::RenameEnumValue {
            enum_name: parent,
            values: names,
        }
        | Step::RenameColumn {
            table: parent,
            names,
        }
        | Step::RenameConstraint {
            table: parent,
            names,
        } => (
            parent.to_string(),
            names.previous.clone(),
            names.next.clone(),
        ),
        // Index names are unique per namespace.
        Step::RenameIndex { table, names } => (
            table.namespace.clone(),
            names.previous.clone(),
            names.next.clone(),
        ),
        _ => return None,
    })
}

/// Within each run of renames of one kind, a rename whose next name is
/// another's previous name must wait for that one (`a → b` after `b → c`).
/// The sort cannot know this, so chains are put in order here. A cycle (two
/// objects swapping names) would need a temporary name and stays as sorted.
fn order_rename_chains(steps: &mut [Step]) {
    let mut start = 0;
    while start < steps.len() {
        let discriminant = std::mem::discriminant(&steps[start]);
        let mut end = start + 1;
        while end < steps.len() && std::mem::discriminant(&steps[end]) == discriminant {
            end += 1;
        }
        if end - start > 1 && rename_key(&steps[start]).is_some() {
            order_run(&mut steps[start..end]);
        }
        start = end;
    }
}

fn order_run(run: &mut [Step]) {
    let keys: Vec<(String, String, String)> = run.iter().filter_map(rename_key).collect();
    let by_previous: HashMap<(&str, &str), usize> = keys
        .iter()
        .enumerate()
        .map(|(i, (parent, previous, _))| ((parent.as_str(), previous.as_str()), i))
        .collect();
    // The step that must run first: the one renaming away the name this one takes.
    let blocker: Vec<Option<usize>> = keys
        .iter()
        .enumerate()
        .map(|(i, (parent, _, next))| {
            by_previous
                .get(&(parent.as_str(), next.as_str()))
                .copied()
                .filter(|&b| b != i)
        })
        .collect();
    if blocker.iter().all(Option::is_none) {
        return;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Visiting,
        Done,
    }
    let mut marks = vec![Mark::New; run.len()];
    let mut order = Vec::with_capacity(run.len());
    for first in 0..run.len() {
        // Follow the chain of blockers, then emit it from its far end.
        let mut chain = Vec::new();
        let mut current = Some(first);
        while let Some(i) = current {
            if marks[i] != Mark::New {
                break;
            }
            marks[i] = Mark::Visiting;
            chain.push(i);
            current = blocker[i];
        }
        for &i in chain.iter().rev() {
            marks[i] = Mark::Done;
            order.push(i);
        }
    }
    let sorted: Vec<Step> = order.iter().map(|&i| run[i].clone()).collect();
    run.clone_from_slice(&sorted);
}

/// Which previous object became which next object.
struct Matching {
    /// `(previous index, next index)`.
    pairs: Vec<(usize, usize)>,
    /// Previous indexes with no next counterpart.
    dropped: Vec<usize>,
    /// Next indexes with no previous counterpart.
    created: Vec<usize>,
}

/// Matches by rename hint first, then by equal name. A hint counts only when
/// its previous name exists on the previous side, its next name exists on the
/// next side, and its previous name is gone from the next side (or taken over
/// by another rename, as in a chain `a → b`, `b → c`): stale hints (the rename
/// was applied by an earlier migration) are ignored.
fn match_names<K: Eq + Hash>(
    previous: &[K],
    next: &[K],
    renames: impl Iterator<Item = (K, K)>,
) -> Matching {
    let previous_index = NameIndex::new(previous);
    let next_index = NameIndex::new(next);
    let mut previous_taken = vec![false; previous.len()];
    let mut next_taken = vec![false; next.len()];
    let mut pairs = Vec::with_capacity(previous.len().min(next.len()));
    let renames: Vec<(K, K)> = renames.collect();
    // Names that another rename takes over (`a → b` when `b → c`).
    let targets: HashSet<&K> = renames
        .iter()
        .filter(|(p, _)| previous_index.contains_key(p))
        .map(|(_, n)| n)
        .collect();
    for (p, n) in &renames {
        let (Some(pi), Some(ni)) = (previous_index.get(p), next_index.get(n)) else {
            continue;
        };
        let still_there = next_index.contains_key(p) && !targets.contains(p);
        if still_there || previous_taken[pi] || next_taken[ni] {
            continue;
        }
        previous_taken[pi] = true;
        next_taken[ni] = true;
        pairs.push((pi, ni));
    }
    for (pi, k) in previous.iter().enumerate() {
        if previous_taken[pi] {
            continue;
        }
        if let Some(ni) = next_index.get(k) {
            if !next_taken[ni] {
                previous_taken[pi] = true;
                next_taken[ni] = true;
                pairs.push((pi, ni));
            }
        }
    }
    Matching {
        pairs,
        dropped: (0..previous.len())
            .filter(|&i| !previous_taken[i])
            .collect(),
        created: (0..next.len()).filter(|&i| !next_taken[i]).collect(),
    }
}

/// Finds a name's position: a linear scan for the short lists of a table's
/// columns and constraints (cheaper than hashing), a hash map for the long
/// lists of a schema's tables.
enum NameIndex<'k, K> {
    Linear(&'k [K]),
    Map(HashMap<&'k K, usize>),
}

impl<'k, K: Eq + Hash> NameIndex<'k, K> {
    fn new(names: &'k [K]) -> Self {
        if names.len() <= 16 {
            NameIndex::Linear(names)
        } else {
            NameIndex::Map(names.iter().enumerate().map(|(i, k)| (k, i)).collect())
        }
    }

    fn get(&self, name: &K) -> Option<usize> {
        match self {
            NameIndex::Linear(names) => names.iter().position(|k| k == name),
            NameIndex::Map(map) => map.get(name).copied(),
        }
    }

    fn contains_key(&self, name: &K) -> bool {
        self.get(name).is_some()
    }
}

/// A table that exists on both sides, with its columns matched.
struct TablePair<'a> {
    tables: MigrationPair<&'a Table>,
    columns: Vec<MigrationPair<&'a Column>>,
    added_columns: Vec<&'a Column>,
    dropped_columns: Vec<&'a Column>,
    /// Previous column name → next column name, for matched columns.
    column_names: HashMap<&'a str, &'a str>,
}

impl TablePair<'_> {
    fn names(&self) -> MigrationPair<&QualifiedName> {
        self.tables.map(|t| &t.name)
    }

    /// The next name of a previous column, `None` when it was dropped.
    fn next_column<'s>(&'s self, previous: &str) -> Option<&'s str> {
        self.column_names.get(previous).copied()
    }
}

/// Both schemas with every object matched across them.
struct DifferDatabase<'a> {
    schemas: MigrationPair<&'a Schema>,
    enums: Vec<MigrationPair<&'a Enum>>,
    /// The value matching of each enum pair, parallel to `enums`.
    enum_values: Vec<Matching>,
    /// Next names of the enums that need the type swap.
    swapped_enums: HashSet<&'a QualifiedName>,
    created_enums: Vec<&'a Enum>,
    dropped_enums: Vec<&'a Enum>,
    /// Previous enum name → next enum name.
    enum_names: HashMap<&'a QualifiedName, &'a QualifiedName>,
    tables: Vec<TablePair<'a>>,
    created_tables: Vec<&'a Table>,
    dropped_tables: Vec<&'a Table>,
    /// Previous table name → index into `tables`.
    table_by_previous: HashMap<&'a QualifiedName, usize>,
    /// Next table name → index into `tables`.
    table_by_next: HashMap<&'a QualifiedName, usize>,
    sequences: sequence::SequenceMatching<'a>,
    extensions: extension::ExtensionMatching<'a>,
    user_types: user_type::UserTypeMatching<'a>,
}

impl<'a> DifferDatabase<'a> {
    fn new(
        schemas: MigrationPair<&'a Schema>,
        hints: &RenameHints,
        ambiguities: &mut Vec<Ambiguity>,
    ) -> Self {
        // Enums.
        let enum_names_pair = schemas.map(|s| s.enums.iter().map(|e| &e.name).collect::<Vec<_>>());
        let matching = match_names(
            &enum_names_pair.previous,
            &enum_names_pair.next,
            hints.enums.iter().map(|(p, n)| (p, n)),
        );
        let enums: Vec<MigrationPair<&Enum>> = matching
            .pairs
            .iter()
            .map(|&(p, n)| MigrationPair::new(&schemas.previous.enums[p], &schemas.next.enums[n]))
            .collect();
        let created_enums: Vec<&Enum> = matching
            .created
            .iter()
            .map(|&i| &schemas.next.enums[i])
            .collect();
        let dropped_enums: Vec<&Enum> = matching
            .dropped
            .iter()
            .map(|&i| &schemas.previous.enums[i])
            .collect();
        for dropped in &dropped_enums {
            if hints.dropped_enums.contains(&dropped.name) {
                continue;
            }
            let candidates: Vec<String> = created_enums
                .iter()
                .filter(|c| c.name.namespace == dropped.name.namespace)
                .map(|c| c.name.to_string())
                .collect();
            if !candidates.is_empty() {
                ambiguities.push(Ambiguity {
                    kind: ObjectKind::Enum,
                    parent: None,
                    previous: dropped.name.to_string(),
                    candidates,
                });
            }
        }
        let enum_names: HashMap<&QualifiedName, &QualifiedName> = enums
            .iter()
            .map(|pair| (&pair.previous.name, &pair.next.name))
            .collect();
        let enum_values: Vec<Matching> = enums
            .iter()
            .map(|pair| enum_value_matching(*pair, hints))
            .collect();
        for (pair, matching) in enums.iter().zip(&enum_values) {
            enum_value_ambiguities(*pair, matching, hints, ambiguities);
        }

        // Tables.
        let table_names_pair =
            schemas.map(|s| s.tables.iter().map(|t| &t.name).collect::<Vec<_>>());
        let matching = match_names(
            &table_names_pair.previous,
            &table_names_pair.next,
            hints.tables.iter().map(|(p, n)| (p, n)),
        );
        let created_tables: Vec<&Table> = matching
            .created
            .iter()
            .map(|&i| &schemas.next.tables[i])
            .collect();
        let dropped_tables: Vec<&Table> = matching
            .dropped
            .iter()
            .map(|&i| &schemas.previous.tables[i])
            .collect();
        if !dropped_tables.is_empty() && !created_tables.is_empty() {
            let mut created_by_namespace: HashMap<&str, Vec<String>> = HashMap::new();
            for t in &created_tables {
                created_by_namespace
                    .entry(t.name.namespace.as_str())
                    .or_default()
                    .push(t.name.to_string());
            }
            for dropped in &dropped_tables {
                if hints.dropped_tables.contains(&dropped.name) {
                    continue;
                }
                if let Some(candidates) = created_by_namespace.get(dropped.name.namespace.as_str())
                {
                    ambiguities.push(Ambiguity {
                        kind: ObjectKind::Table,
                        parent: None,
                        previous: dropped.name.to_string(),
                        candidates: candidates.clone(),
                    });
                }
            }
        }
        // A table whose partitioning changes is dropped and created again.
        let mut created_tables = created_tables;
        let mut dropped_tables = dropped_tables;
        let mut matching = matching;
        matching.pairs.retain(|&(p, n)| {
            let tables = MigrationPair::new(&schemas.previous.tables[p], &schemas.next.tables[n]);
            if partition::repartitioned(tables) {
                dropped_tables.push(tables.previous);
                created_tables.push(tables.next);
                false
            } else {
                true
            }
        });
        let sequences = sequence::match_sequences(schemas, hints, ambiguities);
        let extensions = extension::match_extensions(schemas);
        let user_types = user_type::match_user_types(schemas, hints);
        let mut db = DifferDatabase {
            sequences,
            extensions,
            user_types,
            schemas,
            enums,
            enum_values,
            swapped_enums: HashSet::new(),
            created_enums,
            dropped_enums,
            enum_names,
            tables: Vec::with_capacity(matching.pairs.len()),
            created_tables,
            dropped_tables,
            table_by_previous: HashMap::with_capacity(matching.pairs.len()),
            table_by_next: HashMap::with_capacity(matching.pairs.len()),
        };
        // Column hints are keyed by the table's next name.
        let mut column_hints: HashMap<&QualifiedName, Vec<(&str, &str)>> = HashMap::new();
        for (table, p, n) in &hints.columns {
            column_hints
                .entry(table)
                .or_default()
                .push((p.as_str(), n.as_str()));
        }
        let mut dropped_column_hints: HashSet<(&QualifiedName, &str)> = HashSet::new();
        for (table, column) in &hints.dropped_columns {
            dropped_column_hints.insert((table, column.as_str()));
        }
        for &(p, n) in &matching.pairs {
            let tables = MigrationPair::new(&schemas.previous.tables[p], &schemas.next.tables[n]);
            let names = tables.map(|t| {
                t.columns
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
            });
            let renames = column_hints
                .get(&tables.next.name)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let matching = match_names(&names.previous, &names.next, renames.iter().copied());
            let columns: Vec<MigrationPair<&Column>> = matching
                .pairs
                .iter()
                .map(|&(p, n)| {
                    MigrationPair::new(&tables.previous.columns[p], &tables.next.columns[n])
                })
                .collect();
            let added_columns: Vec<&Column> = matching
                .created
                .iter()
                .map(|&i| &tables.next.columns[i])
                .collect();
            let dropped_columns: Vec<&Column> = matching
                .dropped
                .iter()
                .map(|&i| &tables.previous.columns[i])
                .collect();
            for dropped in &dropped_columns {
                if dropped_column_hints.contains(&(&tables.next.name, dropped.name.as_str())) {
                    continue;
                }
                let ty = db.map_type(&dropped.ty);
                let candidates: Vec<String> = added_columns
                    .iter()
                    .filter(|c| c.ty == ty)
                    .map(|c| c.name.clone())
                    .collect();
                if !candidates.is_empty() {
                    ambiguities.push(Ambiguity {
                        kind: ObjectKind::Column,
                        parent: Some(tables.next.name.clone()),
                        previous: dropped.name.clone(),
                        candidates,
                    });
                }
            }
            let column_names = columns
                .iter()
                .map(|c| (c.previous.name.as_str(), c.next.name.as_str()))
                .collect();
            let index = db.tables.len();
            db.table_by_previous.insert(&tables.previous.name, index);
            db.table_by_next.insert(&tables.next.name, index);
            db.tables.push(TablePair {
                tables,
                columns,
                added_columns,
                dropped_columns,
                column_names,
            });
        }
        db.user_types.replaced =
            user_type::replaced_domains(&db.user_types.domains, |ty| db.map_type(ty), schemas.next);
        db.swapped_enums = db
            .enums
            .iter()
            .zip(&db.enum_values)
            .filter(|(pair, matching)| db.needs_swap(**pair, matching))
            .map(|(pair, _)| &pair.next.name)
            .collect();
        db
    }

    /// An enum needs the type swap when a value is removed or surviving
    /// values change order (`ADD VALUE` can do neither), or when a value added
    /// with `ADD VALUE` would be used by a column default in the same
    /// migration (PostgreSQL refuses to use a value added in the same
    /// transaction; a type created in it has no such restriction). A
    /// default, check or index predicate of a table using the enum that
    /// spells the added value as a literal counts as a use.
    fn needs_swap(&self, pair: MigrationPair<&Enum>, matching: &Matching) -> bool {
        if !matching.dropped.is_empty() {
            return true;
        }
        let mut by_next = matching.pairs.clone();
        by_next.sort_by_key(|&(_, n)| n);
        if by_next.windows(2).any(|w| w[1].0 < w[0].0) {
            return true;
        }
        if matching.created.is_empty() {
            return false;
        }
        let added: Vec<String> = matching
            .created
            .iter()
            .map(|&i| format!("'{}'", pair.next.values[i].replace('\'', "''")))
            .collect();
        let name = &pair.next.name;
        let uses_added = |expression: &str| added.iter().any(|a| expression.contains(a.as_str()));
        self.tables
            .iter()
            .map(|t| t.tables.next)
            .chain(self.created_tables.iter().copied())
            .any(|t| {
                let uses_enum = t
                    .columns
                    .iter()
                    .any(|c| matches!(&c.ty.base, BaseType::Enum(e) if e == name));
                uses_enum
                    && (t
                        .columns
                        .iter()
                        .any(|c| c.default.as_deref().is_some_and(uses_added))
                        || t.checks.iter().any(|c| uses_added(&c.expr))
                        || t.indexes
                            .iter()
                            .any(|i| i.predicate.as_deref().is_some_and(uses_added)))
            })
    }

    /// A previous column type with enum renames applied, for comparison
    /// with next types.
    fn map_type(&self, ty: &ColumnType) -> ColumnType {
        match &ty.base {
            BaseType::Enum(name) => match self.enum_names.get(name) {
                Some(next) => ColumnType {
                    base: BaseType::Enum((*next).clone()),
                    array_dims: ty.array_dims,
                },
                None => ty.clone(),
            },
            BaseType::UserType(name) => match self.user_types.names.get(name) {
                Some(next) => ColumnType {
                    base: BaseType::UserType((*next).clone()),
                    array_dims: ty.array_dims,
                },
                None => ty.clone(),
            },
            BaseType::Named(_) => ty.clone(),
        }
    }

    /// The next name of a previous table, `None` when it was dropped.
    fn next_table_name(&self, previous: &QualifiedName) -> Option<&'a QualifiedName> {
        self.table_by_previous
            .get(previous)
            .map(|&i| &self.tables[i].tables.next.name)
    }

    /// The next name of a column of a previous table.
    fn next_column_name(&self, previous_table: &QualifiedName, column: &str) -> Option<&str> {
        let pair = &self.tables[*self.table_by_previous.get(previous_table)?];
        pair.next_column(column)
    }
}

/// An enum value disappearing while values appear, with no hint.
fn enum_value_ambiguities(
    pair: MigrationPair<&Enum>,
    matching: &Matching,
    hints: &RenameHints,
    ambiguities: &mut Vec<Ambiguity>,
) {
    let name = &pair.next.name;
    if matching.created.is_empty() {
        return;
    }
    let candidates: Vec<String> = matching
        .created
        .iter()
        .map(|&i| pair.next.values[i].clone())
        .collect();
    for &i in &matching.dropped {
        let value = &pair.previous.values[i];
        if hints
            .dropped_enum_values
            .iter()
            .any(|(e, v)| e == name && v == value)
        {
            continue;
        }
        ambiguities.push(Ambiguity {
            kind: ObjectKind::EnumValue,
            parent: Some(name.clone()),
            previous: value.clone(),
            candidates: candidates.clone(),
        });
    }
}

fn enum_value_matching(pair: MigrationPair<&Enum>, hints: &RenameHints) -> Matching {
    let name = &pair.next.name;
    match_names(
        &pair.previous.values,
        &pair.next.values,
        hints
            .enum_values
            .iter()
            .filter(|(e, _, _)| e == name)
            .map(|(_, p, n)| (p.clone(), n.clone())),
    )
}

/// The namespaces a schema uses besides `public`.
fn namespaces(schema: &Schema) -> HashSet<&str> {
    let mut out: HashSet<&str> = schema.namespaces.iter().map(String::as_str).collect();
    out.extend(schema.tables.iter().map(|t| t.name.namespace.as_str()));
    out.extend(schema.enums.iter().map(|e| e.name.namespace.as_str()));
    out.extend(sequence::namespaces(schema));
    out.extend(extension::namespaces(schema));
    out.extend(schema.views.iter().map(|v| v.name.namespace.as_str()));
    out.remove(DEFAULT_NAMESPACE);
    out
}

/// Types whose values compare with each other (a foreign key between them
/// works) share a family: the integers, the strings; anything else stands
/// alone.
fn operator_family(ty: &ColumnType) -> String {
    match ty.base_name() {
        Some(name) if ty.array_dims == 0 => {
            let base = name.split('(').next().unwrap_or(name);
            match base {
                "smallint" | "integer" | "bigint" | "smallserial" | "serial" | "bigserial" => {
                    "integer".into()
                }
                "text" | "varchar" => "text".into(),
                _ => name.to_string(),
            }
        }
        _ => ty.to_string(),
    }
}

/// Whether the column is NOT NULL in the database: identity and serial
/// columns always are.
pub(crate) fn not_null(column: &Column) -> bool {
    !column.nullable || column.identity.is_some() || column.ty.is_serial()
}

/// Whether an SQL expression mentions a column name as an identifier.
fn mentions(expression: &str, column: &str) -> bool {
    let normalized = expr::normalize(expression);
    let column_lower = column.to_lowercase();
    let quoted = format!("\"{column}\"");
    normalized.contains(&quoted)
        || normalized
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .any(|word| word == column_lower && column == column_lower)
}

fn optional_expressions_equivalent(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => expr::equivalent(a, b),
        _ => false,
    }
}

/// The ordered passes, each pushing the steps of one kind of object.
struct Differ<'d, 'a> {
    db: &'d DifferDatabase<'a>,
    hints: &'d RenameHints,
    steps: Vec<Step>,
    /// Keys (primary keys, unique constraints, unique indexes) dropped from
    /// existing tables: `(table's next name, sorted next column names)`.
    /// Foreign keys referencing them must be dropped first and added again.
    dropped_keys: HashSet<(QualifiedName, Vec<String>)>,
    /// Columns dropped and added again (generated expression changes):
    /// `(table's next name, column)`. Everything using them is re-created.
    recreated_columns: HashSet<(QualifiedName, String)>,
    /// Columns converted by an enum swap: `(table's next name, column)`.
    /// Checks and index predicates or expressions using them are bound to
    /// the previous type and are re-created around the swap.
    swapped_columns: HashSet<(QualifiedName, String)>,
    /// Existing columns whose stored type changes to another operator
    /// family (`text` to `uuid`, an enum swap; not `integer` to `bigint`):
    /// `(table's next name, column)`. PostgreSQL re-checks foreign keys over
    /// a column whose type changes and refuses one whose two ends can no
    /// longer be compared, so they are dropped first and added again.
    retyped_columns: HashSet<(QualifiedName, String)>,
}

impl Differ<'_, '_> {
    fn push_namespace_steps(&mut self) {
        let namespaces = self.db.schemas.map(namespaces);
        for ns in namespaces.next.difference(&namespaces.previous) {
            self.steps.push(Step::CreateSchema {
                namespace: ns.to_string(),
            });
        }
        for ns in namespaces.previous.difference(&namespaces.next) {
            self.steps.push(Step::DropSchema {
                namespace: ns.to_string(),
            });
        }
    }

    fn push_table_steps(&mut self) {
        let db = self.db;
        for t in &db.created_tables {
            self.steps.push(Step::CreateTable {
                table: t.name.clone(),
            });
        }
        for t in &db.dropped_tables {
            self.steps.push(Step::DropTable {
                table: t.name.clone(),
            });
        }
        for pair in &db.tables {
            let names = pair.names();
            if names.previous != names.next {
                self.steps.push(Step::RenameTable {
                    names: names.map(Clone::clone),
                });
            }
        }
    }

    fn push_column_steps(&mut self) {
        let db = self.db;
        for pair in &db.tables {
            let names = pair.names();
            for column in &pair.dropped_columns {
                self.steps.push(Step::DropColumn {
                    table: names.previous.clone(),
                    column: column.name.clone(),
                    regenerated: false,
                });
            }
            for column in &pair.added_columns {
                self.steps.push(Step::AddColumn {
                    table: names.next.clone(),
                    column: column.name.clone(),
                });
            }
            // Columns whose stored type changes, by previous name: PostgreSQL
            // refuses to change the type of a column a generated column
            // uses, so those generated columns are dropped and added again,
            // and foreign keys over them are dropped and added again.
            let mut retyped: HashSet<&str> = HashSet::new();
            let mut changes = Vec::with_capacity(pair.columns.len());
            for columns in &pair.columns {
                let c = self.column_changes(*columns);
                let swapped = matches!(&columns.next.ty.base, BaseType::Enum(e) if db.swapped_enums.contains(e));
                if c.ty || c.collation || swapped {
                    retyped.insert(columns.previous.name.as_str());
                }
                let types = columns.map(|c| &c.ty);
                // A new collation is a type change to PostgreSQL: the foreign
                // keys at either end are rebuilt (it refuses an array key's).
                if swapped
                    || c.collation
                    || (c.ty && operator_family(types.previous) != operator_family(types.next))
                {
                    self.retyped_columns
                        .insert((names.next.clone(), columns.next.name.clone()));
                }
                changes.push(c);
            }
            for (columns, changes) in pair.columns.iter().zip(changes) {
                if columns.previous.name != columns.next.name {
                    self.steps.push(Step::RenameColumn {
                        table: names.next.clone(),
                        names: columns.map(|c| c.name.clone()),
                    });
                }
                let generated = columns.map(|c| c.generated.as_deref());
                let recreate = match (generated.previous, generated.next) {
                    (Some(p), Some(n)) => {
                        !expr::equivalent(p, n)
                            || changes.ty
                            || retyped.iter().any(|c| mentions(p, c))
                    }
                    // PostgreSQL cannot turn a plain column into a generated one.
                    (None, Some(_)) => true,
                    _ => false,
                };
                if recreate {
                    self.steps.push(Step::DropColumn {
                        table: names.previous.clone(),
                        column: columns.previous.name.clone(),
                        regenerated: generated.previous.is_some(),
                    });
                    self.steps.push(Step::AddColumn {
                        table: names.next.clone(),
                        column: columns.next.name.clone(),
                    });
                    self.recreated_columns
                        .insert((names.next.clone(), columns.next.name.clone()));
                    continue;
                }
                if changes.any() {
                    self.steps.push(Step::AlterColumn {
                        table: names.map(Clone::clone),
                        column: columns.map(|c| c.name.clone()),
                        changes,
                    });
                }
            }
        }
        self.push_enum_value_steps();
    }

    fn column_changes(&self, columns: MigrationPair<&Column>) -> ColumnChanges {
        let types = columns.map(|c| &c.ty);
        let swapped = match &types.next.base {
            BaseType::Enum(name) => self.db.swapped_enums.contains(name),
            BaseType::Named(_) | BaseType::UserType(_) => false,
        };
        let default_changed = !optional_expressions_equivalent(
            columns.previous.default.as_deref(),
            columns.next.default.as_deref(),
        );
        let serial = types.map(|t| t.serial_storage());
        ColumnChanges {
            ty: !self.same_storage(types),
            nullable: not_null(columns.previous) != not_null(columns.next),
            // An enum swap drops and restores the default itself, after the
            // new type exists (the previous type may lack the default's value).
            default: default_changed && !swapped,
            identity: columns.previous.identity != columns.next.identity,
            drop_expression: columns.previous.generated.is_some()
                && columns.next.generated.is_none(),
            sequence: serial.previous.is_some() != serial.next.is_some()
                || (serial.previous.is_some() && types.previous.base != types.next.base),
            // Options of an identity that stays; a new identity is created
            // with its options.
            identity_options: columns.previous.identity.is_some()
                && columns.next.identity.is_some()
                && columns.previous.identity_options != columns.next.identity_options,
            collation: columns.previous.collation != columns.next.collation,
        }
    }

    /// Whether two column types are equal once enum renames are applied
    /// (without allocating: this runs for every column of every table).
    fn same_type(&self, types: MigrationPair<&ColumnType>) -> bool {
        types.previous.array_dims == types.next.array_dims
            && match (&types.previous.base, &types.next.base) {
                (BaseType::Enum(p), BaseType::Enum(n)) => {
                    self.db.enum_names.get(p).map_or(p == n, |m| *m == n)
                }
                (BaseType::UserType(p), BaseType::UserType(n)) => {
                    self.db.user_types.names.get(p).map_or(p == n, |m| *m == n)
                }
                (p, n) => p == n,
            }
    }

    /// Whether two column types store the same thing (serial types count as
    /// their integer type).
    fn same_storage(&self, types: MigrationPair<&ColumnType>) -> bool {
        match types.map(|t| t.serial_storage()).into_tuple() {
            (None, None) => self.same_type(types),
            (Some(p), Some(n)) => p == n,
            (Some(p), None) => types.next.array_dims == 0 && types.next.base_name() == Some(p),
            (None, Some(n)) => {
                types.previous.array_dims == 0 && types.previous.base_name() == Some(n)
            }
        }
    }

    fn push_enum_steps(&mut self) {
        let db = self.db;
        for e in &db.created_enums {
            self.steps.push(Step::CreateEnum {
                name: e.name.clone(),
            });
        }
        for e in &db.dropped_enums {
            self.steps.push(Step::DropEnum {
                name: e.name.clone(),
            });
        }
        for pair in &db.enums {
            let names = pair.map(|e| &e.name);
            if names.previous != names.next {
                self.steps.push(Step::RenameEnum {
                    names: names.map(Clone::clone),
                });
            }
        }
    }

    /// Value renames, additions and type swaps. Runs after the column pass,
    /// which knows which columns are re-created rather than converted.
    fn push_enum_value_steps(&mut self) {
        let db = self.db;
        for (pair, matching) in db.enums.iter().zip(&db.enum_values) {
            let name = &pair.next.name;
            for &(p, n) in &matching.pairs {
                let values = MigrationPair::new(&pair.previous.values[p], &pair.next.values[n]);
                if values.previous != values.next {
                    self.steps.push(Step::RenameEnumValue {
                        enum_name: name.clone(),
                        values: values.map(Clone::clone),
                    });
                }
            }
            if db.swapped_enums.contains(name) {
                let mut columns = Vec::new();
                for table in &db.tables {
                    for column in &table.columns {
                        let uses = matches!(&column.next.ty.base, BaseType::Enum(e) if e == name);
                        let key = (table.tables.next.name.clone(), column.next.name.clone());
                        if uses && !self.recreated_columns.contains(&key) {
                            // The column pass left the default alone, so the
                            // previous default is the one in place.
                            let drop_default = column.previous.default.is_some();
                            self.swapped_columns.insert(key.clone());
                            columns.push(EnumColumn {
                                table: key.0,
                                column: key.1,
                                drop_default,
                            });
                        }
                    }
                }
                let removed_values = matching
                    .dropped
                    .iter()
                    .map(|&i| pair.previous.values[i].clone())
                    .collect();
                self.steps.push(Step::ReplaceEnum {
                    names: pair.map(|e| e.name.clone()),
                    removed_values,
                    columns,
                });
                continue;
            }
            let created: HashSet<usize> = matching.created.iter().copied().collect();
            let first_existing = (0..pair.next.values.len()).find(|i| !created.contains(i));
            for &i in &matching.created {
                let placement = if i > 0 {
                    EnumValuePlacement::After(pair.next.values[i - 1].clone())
                } else if let Some(first) = first_existing {
                    EnumValuePlacement::Before(pair.next.values[first].clone())
                } else {
                    EnumValuePlacement::Last
                };
                self.steps.push(Step::AddEnumValue {
                    enum_name: name.clone(),
                    position: i,
                    value: pair.next.values[i].clone(),
                    placement,
                });
            }
        }
    }

    /// Whether a previous object of this table touches a re-created column.
    fn touches_recreated<'c>(
        &self,
        table: &TablePair<'_>,
        mut columns: impl Iterator<Item = &'c str>,
    ) -> bool {
        !self.recreated_columns.is_empty()
            && columns.any(|c| {
                let next = table.next_column(c).unwrap_or(c);
                self.recreated_columns
                    .contains(&(table.tables.next.name.clone(), next.to_string()))
            })
    }

    /// Whether an expression of this table mentions a re-created column or
    /// a column converted by an enum swap.
    fn expression_touches_recreated(&self, table: &TablePair<'_>, expression: &str) -> bool {
        [&self.recreated_columns, &self.swapped_columns]
            .into_iter()
            .any(|columns| {
                !columns.is_empty()
                    && columns
                        .iter()
                        .any(|(t, c)| t == &table.tables.next.name && mentions(expression, c))
            })
    }

    /// Previous column names mapped to next names (dropped ones marked so
    /// they never equal a next list).
    fn map_columns(table: &TablePair<'_>, columns: &[String]) -> Vec<String> {
        columns
            .iter()
            .map(|c| {
                table
                    .next_column(c)
                    .map_or_else(|| format!("\0{c}"), str::to_string)
            })
            .collect()
    }

    fn key_of(table: &QualifiedName, columns: &[String]) -> (QualifiedName, Vec<String>) {
        let mut sorted = columns.to_vec();
        sorted.sort();
        (table.clone(), sorted)
    }

    fn push_primary_key_steps(&mut self) {
        let db = self.db;
        for table in &db.tables {
            let names = table.names();
            let keys = table.tables.map(|t| t.primary_key.as_slice());
            let same = |p: &PrimaryKey, n: &PrimaryKey| {
                Self::map_columns(table, &p.columns) == n.columns
                    && p.deferrable == n.deferrable
                    && !self.touches_recreated(table, p.columns.iter().map(String::as_str))
            };
            for event in diff_named(keys, |k: &PrimaryKey| k.name.as_str(), same) {
                match event {
                    Event::Drop(k) => {
                        self.steps.push(Step::DropConstraint {
                            table: names.previous.clone(),
                            name: k.name.clone(),
                        });
                        self.dropped_keys.insert(Self::key_of(
                            names.next,
                            &Self::map_columns(table, &k.columns),
                        ));
                    }
                    Event::Add(k) => self.steps.push(Step::AddConstraint {
                        table: names.next.clone(),
                        name: k.name.clone(),
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenameConstraint {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
        }
    }

    fn push_unique_steps(&mut self) {
        let db = self.db;
        for table in &db.tables {
            let names = table.names();
            let same = |p: &UniqueConstraint, n: &UniqueConstraint| {
                Self::map_columns(table, &p.columns) == n.columns
                    && p.nulls_not_distinct == n.nulls_not_distinct
                    && p.deferrable == n.deferrable
                    && !self.touches_recreated(table, p.columns.iter().map(String::as_str))
            };
            let uniques = table.tables.map(|t| t.uniques.as_slice());
            for event in diff_named(uniques, |u: &UniqueConstraint| u.name.as_str(), same) {
                match event {
                    Event::Drop(u) => {
                        self.steps.push(Step::DropConstraint {
                            table: names.previous.clone(),
                            name: u.name.clone(),
                        });
                        self.dropped_keys.insert(Self::key_of(
                            names.next,
                            &Self::map_columns(table, &u.columns),
                        ));
                    }
                    Event::Add(u) => self.steps.push(Step::AddConstraint {
                        table: names.next.clone(),
                        name: u.name.clone(),
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenameConstraint {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
        }
    }

    fn push_check_steps(&mut self) {
        let db = self.db;
        // CREATE TABLE marks every check valid: a NOT VALID one is added after.
        for t in &db.created_tables {
            for c in t.checks.iter().filter(|c| c.not_valid) {
                self.steps.push(Step::AddConstraint {
                    table: t.name.clone(),
                    name: c.name.clone(),
                });
            }
        }
        for table in &db.tables {
            let names = table.names();
            // A NOT VALID check that becomes valid stays (it is validated in
            // place); one that becomes NOT VALID is added again without the
            // scan of the existing rows.
            let same = |p: &CheckConstraint, n: &CheckConstraint| {
                expr::equivalent(&p.expr, &n.expr)
                    && p.no_inherit == n.no_inherit
                    && (p.not_valid == n.not_valid || p.not_valid)
                    && !self.expression_touches_recreated(table, &p.expr)
            };
            let checks = table.tables.map(|t| t.checks.as_slice());
            let events = diff_named(checks, |c: &CheckConstraint| c.name.as_str(), same);
            self.push_validations(
                names.next,
                checks.map(|cs| cs.iter().map(|c| (c.name.as_str(), c.not_valid)).collect()),
                &events,
                |c| c.name.as_str(),
            );
            for event in events {
                match event {
                    Event::Drop(c) => self.steps.push(Step::DropConstraint {
                        table: names.previous.clone(),
                        name: c.name.clone(),
                    }),
                    Event::Add(c) => self.steps.push(Step::AddConstraint {
                        table: names.next.clone(),
                        name: c.name.clone(),
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenameConstraint {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
        }
    }

    fn push_index_steps(&mut self) {
        let db = self.db;
        for table in &db.created_tables {
            for index in &table.indexes {
                self.steps.push(Step::CreateIndex {
                    table: table.name.clone(),
                    name: index.name.clone(),
                    on_new_table: true,
                });
            }
        }
        for table in &db.tables {
            let names = table.names();
            let same = |p: &Index, n: &Index| self.same_index(table, p, n);
            let indexes = table.tables.map(|t| t.indexes.as_slice());
            let mut dropped_keys = Vec::new();
            for event in diff_named(indexes, |i: &Index| i.name.as_str(), same) {
                match event {
                    Event::Drop(i) => {
                        self.steps.push(Step::DropIndex {
                            table: names.previous.clone(),
                            name: i.name.clone(),
                        });
                        if i.unique && i.predicate.is_none() {
                            let columns: Vec<String> = i
                                .keys
                                .iter()
                                .filter_map(|k| match &k.target {
                                    IndexTarget::Column(c) => Some(c.clone()),
                                    IndexTarget::Expression(_) => None,
                                })
                                .collect();
                            if columns.len() == i.keys.len() {
                                dropped_keys.push(Self::key_of(
                                    names.next,
                                    &Self::map_columns(table, &columns),
                                ));
                            }
                        }
                    }
                    Event::Add(i) => self.steps.push(Step::CreateIndex {
                        table: names.next.clone(),
                        name: i.name.clone(),
                        on_new_table: false,
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenameIndex {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
            self.dropped_keys.extend(dropped_keys);
        }
    }

    fn same_index(&self, table: &TablePair<'_>, previous: &Index, next: &Index) -> bool {
        let same_key = |p: &IndexKey, n: &IndexKey| {
            let target = match (&p.target, &n.target) {
                (IndexTarget::Column(pc), IndexTarget::Column(nc)) => {
                    table.next_column(pc) == Some(nc.as_str())
                        && !self.touches_recreated(table, std::iter::once(pc.as_str()))
                }
                (IndexTarget::Expression(pe), IndexTarget::Expression(ne)) => {
                    expr::equivalent(pe, ne) && !self.expression_touches_recreated(table, pe)
                }
                _ => false,
            };
            target && p.order == n.order && p.nulls == n.nulls && p.opclass == n.opclass
        };
        previous.unique == next.unique
            && previous.nulls_not_distinct == next.nulls_not_distinct
            && previous.method == next.method
            && previous.keys.len() == next.keys.len()
            && previous
                .keys
                .iter()
                .zip(&next.keys)
                .all(|(p, n)| same_key(p, n))
            && Self::map_columns(table, &previous.include) == next.include
            && !self.touches_recreated(table, previous.include.iter().map(String::as_str))
            && optional_expressions_equivalent(
                previous.predicate.as_deref(),
                next.predicate.as_deref(),
            )
            && !previous
                .predicate
                .as_deref()
                .is_some_and(|p| self.expression_touches_recreated(table, p))
    }

    fn push_foreign_key_steps(&mut self) {
        let db = self.db;
        // A dropped table's foreign keys go with it, unless what they point
        // at goes first: another dropped table (think of a cycle a → b → a,
        // where either DROP TABLE would fail) or a primary key or unique
        // constraint dropped from a kept table (dropped before tables are).
        let dropped: HashSet<&QualifiedName> = db.dropped_tables.iter().map(|t| &t.name).collect();
        for t in &db.dropped_tables {
            for fk in &t.foreign_keys {
                let to_dropped_table =
                    fk.referenced_table != t.name && dropped.contains(&fk.referenced_table);
                let to_dropped_key =
                    db.next_table_name(&fk.referenced_table)
                        .is_some_and(|referenced| {
                            let columns: Vec<String> = fk
                                .referenced_columns
                                .iter()
                                .map(|c| {
                                    db.next_column_name(&fk.referenced_table, c)
                                        .map_or_else(|| format!("\0{c}"), str::to_string)
                                })
                                .collect();
                            self.dropped_keys
                                .contains(&Self::key_of(referenced, &columns))
                        });
                if to_dropped_table || to_dropped_key {
                    self.steps.push(Step::DropForeignKey {
                        table: t.name.clone(),
                        name: fk.name.clone(),
                    });
                }
            }
        }
        for table in &db.created_tables {
            for fk in &table.foreign_keys {
                self.steps.push(Step::AddForeignKey {
                    table: table.name.clone(),
                    name: fk.name.clone(),
                });
            }
        }
        for table in &db.tables {
            let names = table.names();
            let same = |p: &ForeignKey, n: &ForeignKey| self.same_foreign_key(table, p, n);
            let fks = table.tables.map(|t| t.foreign_keys.as_slice());
            let events = diff_named(fks, |f: &ForeignKey| f.name.as_str(), same);
            self.push_validations(
                names.next,
                fks.map(|fs| fs.iter().map(|f| (f.name.as_str(), f.not_valid)).collect()),
                &events,
                |f| f.name.as_str(),
            );
            let events: Vec<Step> = events
                .into_iter()
                .map(|event| match event {
                    Event::Drop(f) => Step::DropForeignKey {
                        table: names.previous.clone(),
                        name: f.name.clone(),
                    },
                    Event::Add(f) => Step::AddForeignKey {
                        table: names.next.clone(),
                        name: f.name.clone(),
                    },
                    Event::Rename(p, n) => Step::RenameConstraint {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    },
                })
                .collect();
            self.steps.extend(events);
        }
    }

    fn same_foreign_key(
        &self,
        table: &TablePair<'_>,
        previous: &ForeignKey,
        next: &ForeignKey,
    ) -> bool {
        let db = self.db;
        let Some(referenced) = db.next_table_name(&previous.referenced_table) else {
            return false;
        };
        let referenced_columns: Vec<String> = previous
            .referenced_columns
            .iter()
            .map(|c| {
                db.next_column_name(&previous.referenced_table, c)
                    .map_or_else(|| format!("\0{c}"), str::to_string)
            })
            .collect();
        if *referenced != next.referenced_table
            || referenced_columns != next.referenced_columns
            || Self::map_columns(table, &previous.columns) != next.columns
            || (previous.on_delete, previous.on_update, previous.deferrable)
                != (next.on_delete, next.on_update, next.deferrable)
            || previous.match_full != next.match_full
            // NOT VALID to valid is validated in place; the other way round
            // the foreign key is added again without the scan.
            || (!previous.not_valid && next.not_valid)
        {
            return false;
        }
        // The key it depends on is dropped (and maybe added again): drop the
        // foreign key first and add it again afterwards.
        if self
            .dropped_keys
            .contains(&Self::key_of(referenced, &referenced_columns))
        {
            return false;
        }
        // A column at either end is dropped and added again, or changes
        // type (the key may no longer be implementable in between).
        if self.retyped_columns.is_empty() && self.recreated_columns.is_empty() {
            return true;
        }
        let changed = |t: &QualifiedName, c: &String| {
            let key = (t.clone(), c.clone());
            self.retyped_columns.contains(&key) || self.recreated_columns.contains(&key)
        };
        !(next
            .columns
            .iter()
            .any(|c| changed(&table.tables.next.name, c))
            || next
                .referenced_columns
                .iter()
                .any(|c| changed(referenced, c)))
    }

    fn push_comment_steps(&mut self) {
        let db = self.db;
        for table in &db.created_tables {
            if table.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Table(table.name.clone()),
                });
            }
            for column in &table.columns {
                if column.comment.is_some() {
                    self.steps.push(Step::SetComment {
                        target: CommentTarget::Column(table.name.clone(), column.name.clone()),
                    });
                }
            }
        }
        for table in &db.tables {
            let name = &table.tables.next.name;
            if table.tables.previous.comment != table.tables.next.comment {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Table(name.clone()),
                });
            }
            for column in &table.columns {
                let recreated = self
                    .recreated_columns
                    .contains(&(name.clone(), column.next.name.clone()));
                let changed = column.previous.comment != column.next.comment;
                if changed || (recreated && column.next.comment.is_some()) {
                    self.steps.push(Step::SetComment {
                        target: CommentTarget::Column(name.clone(), column.next.name.clone()),
                    });
                }
            }
            for column in &table.added_columns {
                if column.comment.is_some() {
                    self.steps.push(Step::SetComment {
                        target: CommentTarget::Column(name.clone(), column.name.clone()),
                    });
                }
            }
        }
        for e in &db.created_enums {
            if e.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Enum(e.name.clone()),
                });
            }
        }
        for pair in &db.enums {
            let swapped = db.swapped_enums.contains(&pair.next.name);
            if pair.previous.comment != pair.next.comment
                || (swapped && pair.next.comment.is_some())
            {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Enum(pair.next.name.clone()),
                });
            }
        }
    }
}

impl Differ<'_, '_> {
    /// `VALIDATE CONSTRAINT` for each kept constraint (same name, or
    /// renamed) that was `NOT VALID` and no longer is. `flags` holds each
    /// constraint's name and `not_valid`, previous and next; `events` what
    /// [`diff_named`] made of them (a dropped and added one is valid as
    /// added).
    fn push_validations<T>(
        &mut self,
        table: &QualifiedName,
        flags: MigrationPair<Vec<(&str, bool)>>,
        events: &[Event<'_, T>],
        name: impl Fn(&T) -> &str,
    ) {
        let mut previous_name: HashMap<&str, &str> = HashMap::new();
        let mut added: HashSet<&str> = HashSet::new();
        for event in events {
            match event {
                Event::Add(n) => {
                    added.insert(name(n));
                }
                Event::Rename(p, n) => {
                    previous_name.insert(name(n), name(p));
                }
                Event::Drop(_) => {}
            }
        }
        let was_not_valid: HashMap<&str, bool> = flags.previous.iter().copied().collect();
        for &(next, not_valid) in &flags.next {
            if not_valid || added.contains(next) {
                continue;
            }
            let before = previous_name.get(next).copied().unwrap_or(next);
            if was_not_valid.get(before).copied().unwrap_or(false) {
                self.steps.push(Step::ValidateConstraint {
                    table: table.clone(),
                    name: next.to_string(),
                });
            }
        }
    }

    /// Comments on the constraints, indexes and policies of tables: set on
    /// each one created (with its table, or again because it changed) that
    /// has one, and wherever a kept one's comment changes. A renamed or
    /// altered one keeps its comment (PostgreSQL's comment is on the object).
    fn push_constraint_comment_steps(&mut self) {
        let db = self.db;
        // (table, name) of what this plan adds, and next name → previous
        // name of what it renames, apart for constraints and indexes (an
        // index and a check may share a name).
        let mut added: [HashSet<(&QualifiedName, &str)>; 3] = Default::default();
        let mut renamed: [HashMap<(&QualifiedName, &str), &str>; 3] = Default::default();
        for step in &self.steps {
            match step {
                Step::AddConstraint { table, name } | Step::AddForeignKey { table, name } => {
                    added[0].insert((table, name));
                }
                Step::CreateIndex { table, name, .. } => {
                    added[1].insert((table, name));
                }
                Step::RenameConstraint { table, names } => {
                    renamed[0].insert((table, &names.next), &names.previous);
                }
                Step::RenameIndex { table, names } => {
                    renamed[1].insert((table, &names.next), &names.previous);
                }
                Step::CreatePolicy { table, name } => {
                    added[2].insert((table, name));
                }
                Step::RenamePolicy { table, names } => {
                    renamed[2].insert((table, &names.next), &names.previous);
                }
                _ => {}
            }
        }
        let mut steps = Vec::new();
        for table in &db.created_tables {
            for (kind, name, _) in commented_objects(table).filter(|(_, _, c)| c.is_some()) {
                steps.push(comment_step(kind, &table.name, name));
            }
        }
        for pair in &db.tables {
            let table = &pair.tables.next.name;
            let previous: HashMap<(usize, &str), Option<&str>> =
                commented_objects(pair.tables.previous)
                    .map(|(kind, name, c)| ((kind, name), c))
                    .collect();
            for (kind, name, comment) in commented_objects(pair.tables.next) {
                let before = if added[kind].contains(&(table, name)) {
                    None
                } else {
                    let was = renamed[kind].get(&(table, name)).copied().unwrap_or(name);
                    previous.get(&(kind, was)).copied().flatten()
                };
                if before != comment {
                    steps.push(comment_step(kind, table, name));
                }
            }
        }
        self.steps.extend(steps);
    }
}

/// Every constraint (kind 0), index (kind 1) and policy (kind 2) of a
/// table, with its comment.
fn commented_objects(t: &Table) -> impl Iterator<Item = (usize, &str, Option<&str>)> {
    t.constraint_comments()
        .map(|(name, comment)| (0, name, comment))
        .chain(
            t.indexes
                .iter()
                .map(|i| (1, i.name.as_str(), i.comment.as_deref())),
        )
        .chain(
            t.policies
                .iter()
                .map(|p| (2, p.name.as_str(), p.comment.as_deref())),
        )
}

fn comment_step(kind: usize, table: &QualifiedName, name: &str) -> Step {
    let (table, name) = (table.clone(), name.to_string());
    Step::SetComment {
        target: match kind {
            0 => CommentTarget::Constraint(table, name),
            1 => CommentTarget::Index(table, name),
            _ => CommentTarget::Policy(table, name),
        },
    }
}

/// What happened to one named object of a table.
enum Event<'x, T> {
    Drop(&'x T),
    Add(&'x T),
    Rename(&'x T, &'x T),
}

/// Matches named objects (constraints, indexes) by name; a changed one is
/// dropped and added again; an unmatched previous one identical to an
/// unmatched next one was renamed.
fn diff_named<'x, T>(
    objects: MigrationPair<&'x [T]>,
    name: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
) -> Vec<Event<'x, T>> {
    let mut events = Vec::new();
    if objects.previous.is_empty() && objects.next.is_empty() {
        return events;
    }
    let names = objects.map(|list| list.iter().map(&name).collect::<Vec<&str>>());
    let matching = match_names(&names.previous, &names.next, std::iter::empty());
    for &(p, n) in &matching.pairs {
        let (previous, next) = (&objects.previous[p], &objects.next[n]);
        if !same(previous, next) {
            events.push(Event::Drop(previous));
            events.push(Event::Add(next));
        }
    }
    let mut created: Vec<Option<&T>> = matching
        .created
        .iter()
        .map(|&i| Some(&objects.next[i]))
        .collect();
    for &p in &matching.dropped {
        let previous = &objects.previous[p];
        match created
            .iter_mut()
            .find(|c| c.is_some_and(|next| same(previous, next)))
        {
            Some(slot) => {
                if let Some(next) = slot.take() {
                    events.push(Event::Rename(previous, next));
                }
            }
            None => events.push(Event::Drop(previous)),
        }
    }
    events.extend(created.into_iter().flatten().map(Event::Add));
    events
}
