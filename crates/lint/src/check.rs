//! The rules: one pass over a file's statements in order, tracking what the
//! file itself created (tables created in the same migration are empty, so
//! most rules do not apply to them), the transaction state, `lock_timeout`
//! and enum values added so far.

use std::collections::HashSet;
use std::ops::ControlFlow;

use shale_migrations::snapshot::Dialect;
use shale_model::expr::VOLATILE_FUNCTIONS;
use sqlparser::ast::{
    visit_expressions, visit_relations, AlterColumnOperation, AlterTableOperation,
    AlterTypeOperation, ColumnDef, ColumnOption, Expr, FunctionArg, FunctionArgExpr,
    FunctionArguments, Ident, ObjectName, ObjectType, RenameTableNameKind, Set, Statement,
    TableConstraint, TableObject, Value,
};

use crate::rule::Rule;
use crate::source::{LineMap, Marks, Piece, PieceKind, Pos};

/// A finding before suppression and severity.
pub(crate) struct Raw {
    pub rule: Rule,
    /// Index into the file's pieces of the statement it is about.
    pub piece: usize,
    pub pos: Pos,
    pub message: String,
}

/// What a dialect can do, so rules about PostgreSQL features never fire on
/// SQLite (which has no CONCURRENTLY, NOT VALID, lock_timeout or enums).
trait Capabilities {
    /// Whether DDL takes table locks that queue other sessions (PostgreSQL).
    fn has_lock_queue(&self) -> bool;
}

impl Capabilities for Dialect {
    fn has_lock_queue(&self) -> bool {
        matches!(self, Dialect::Postgresql)
    }
}

/// Types whose columns get a `nextval()` default.
const SERIAL_TYPES: &[&str] = &[
    "serial",
    "serial2",
    "serial4",
    "serial8",
    "smallserial",
    "bigserial",
];

/// Per-file state of the pass.
struct State {
    dialect: Dialect,
    /// The file runs inside one transaction (no `-- shale:no-transaction`).
    file_transaction: bool,
    /// Inside an explicit BEGIN … COMMIT.
    explicit_transaction: bool,
    /// Tables created by this file (normalised names).
    created_tables: HashSet<String>,
    /// Indexes created by this file.
    created_indexes: HashSet<String>,
    /// Tables whose rows were copied into a table created by this file (the
    /// SQLite "redefine table" pattern drops them afterwards).
    copied_tables: HashSet<String>,
    /// `(constraint, table, column)` of `CHECK (column IS NOT NULL)` added in this file.
    not_null_checks: Vec<(String, String, String)>,
    /// `(table, column)` with a validated `IS NOT NULL` check.
    validated_not_null: HashSet<(String, String)>,
    lock_timeout: bool,
    lock_timeout_reported: bool,
    /// `(value, type, line)` added by `ALTER TYPE … ADD VALUE` in the current transaction.
    enum_values: Vec<(String, String, usize)>,
    /// The piece being checked.
    current: usize,
    out: Vec<Raw>,
}

impl State {
    fn in_transaction(&self) -> bool {
        self.file_transaction || self.explicit_transaction
    }

    fn push(&mut self, rule: Rule, pos: Pos, message: String) {
        self.out.push(Raw {
            rule,
            piece: self.current,
            pos,
            message,
        });
    }

    /// A statement that takes a strong lock on an existing object: the first
    /// one without an earlier `SET lock_timeout` is reported.
    fn strong_lock(&mut self, pos: Pos, what: &str) {
        if self.dialect.has_lock_queue() && !self.lock_timeout && !self.lock_timeout_reported {
            self.lock_timeout_reported = true;
            self.push(
                Rule::MissingLockTimeout,
                pos,
                format!("{what} takes a strong lock before any `SET lock_timeout` in this file"),
            );
        }
    }

    fn is_existing(&self, table: &str) -> bool {
        !self.created_tables.contains(table)
    }
}

/// Runs every rule over a file's statements, in order, a batch at a time:
/// what a statement is checked against (tables the file created, the
/// transaction, `lock_timeout`, enum values) carries over between batches.
pub(crate) struct Checker {
    st: State,
}

impl Checker {
    pub(crate) fn new(dialect: Dialect, no_transaction: bool) -> Checker {
        Checker {
            st: State {
                dialect,
                file_transaction: !no_transaction && dialect.has_lock_queue(),
                explicit_transaction: false,
                created_tables: HashSet::new(),
                created_indexes: HashSet::new(),
                copied_tables: HashSet::new(),
                not_null_checks: Vec::new(),
                validated_not_null: HashSet::new(),
                lock_timeout: false,
                lock_timeout_reported: false,
                enum_values: Vec::new(),
                current: 0,
                out: Vec::new(),
            },
        }
    }

    /// The findings of the next statements of the file, each naming its
    /// piece by its position in `pieces`.
    pub(crate) fn check(&mut self, pieces: &[Piece]) -> Vec<Raw> {
        let st = &mut self.st;
        for (i, piece) in pieces.iter().enumerate() {
            st.current = i;
            match &piece.kind {
                PieceKind::Invalid { message, pos } => {
                    st.push(
                        Rule::Syntax,
                        *pos,
                        format!("statement {} does not parse: {message}", piece.index),
                    );
                }
                PieceKind::Opaque { form, concurrently } => {
                    opaque(st, piece.pos, form, *concurrently)
                }
                PieceKind::Parsed(statement, marks) => {
                    enum_use(st, piece.pos, statement);
                    parsed(st, piece, &piece.map, statement, marks);
                }
            }
        }
        std::mem::take(&mut st.out)
    }
}

fn opaque(st: &mut State, pos: Pos, form: &str, concurrently: bool) {
    if concurrently && st.in_transaction() && st.dialect.has_lock_queue() {
        concurrently_in_transaction(st, pos, form);
    }
    if (form == "REINDEX" && !concurrently) || form == "CLUSTER" {
        st.strong_lock(pos, form);
    }
}

fn concurrently_in_transaction(st: &mut State, pos: Pos, what: &str) {
    let reason = if st.explicit_transaction {
        "inside BEGIN … COMMIT"
    } else {
        "inside the migration's transaction (the file does not start with `-- shale:no-transaction`)"
    };
    st.push(
        Rule::ConcurrentlyInTransaction,
        pos,
        format!("{what} CONCURRENTLY runs {reason}"),
    );
}

/// The normalised name of a table or index: unquoted identifiers fold to
/// lower case, and PostgreSQL's default schema `public` is implied.
fn normalise(name: &ObjectName) -> String {
    let parts: Vec<String> = name
        .0
        .iter()
        .map(|p| match p.as_ident() {
            Some(i) => ident(i),
            None => p.to_string(),
        })
        .collect();
    match parts.as_slice() {
        [schema, rest] if schema == "public" || schema == "main" => rest.clone(),
        _ => parts.join("."),
    }
}

/// Indexes are matched on their last name part: a file that creates index
/// `i` on `s.t` may drop it as `s.i`.
fn index_key(name: &ObjectName) -> String {
    name.0
        .last()
        .map(|p| p.as_ident().map_or_else(|| p.to_string(), ident))
        .unwrap_or_default()
}

fn ident(i: &Ident) -> String {
    if i.quote_style.is_some() {
        i.value.clone()
    } else {
        i.value.to_lowercase()
    }
}

/// `name` as shown in messages: `"schema"."table"`.
fn show(name: &ObjectName) -> String {
    name.0
        .iter()
        .map(|p| match p.as_ident() {
            Some(i) => format!("\"{}\"", i.value),
            None => p.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The position of an identifier, else the statement's.
fn at(map: &LineMap, i: &Ident, fallback: Pos) -> Pos {
    map.pos(i.span.start).unwrap_or(fallback)
}

fn parsed(st: &mut State, piece: &Piece, map: &LineMap, statement: &Statement, marks: &Marks) {
    let pos = piece.pos;
    match statement {
        Statement::StartTransaction { .. } => st.explicit_transaction = true,
        Statement::Commit { .. } | Statement::Rollback { .. } => {
            st.explicit_transaction = false;
            st.enum_values.clear();
        }
        Statement::Set(set) => set_statement(st, set),
        Statement::Query(_) => {
            // `SELECT set_config('lock_timeout', '5s', …)` sets it too.
            let _ = visit_expressions(statement, |e| {
                if let Expr::Function(f) = e {
                    if f.name
                        .0
                        .last()
                        .and_then(|p| p.as_ident())
                        .is_some_and(|i| i.value.eq_ignore_ascii_case("set_config"))
                        && first_string_arg(&f.args)
                            .is_some_and(|a| a.eq_ignore_ascii_case("lock_timeout"))
                    {
                        st.lock_timeout = true;
                    }
                }
                ControlFlow::<()>::Continue(())
            });
        }
        Statement::CreateTable(create) => {
            st.created_tables.insert(normalise(&create.name));
        }
        Statement::Insert(insert) => {
            if let TableObject::TableName(target) = &insert.table {
                if st.created_tables.contains(&normalise(target)) {
                    if let Some(source) = &insert.source {
                        let _ = visit_relations(source.as_ref(), |r| {
                            st.copied_tables.insert(normalise(r));
                            ControlFlow::<()>::Continue(())
                        });
                    }
                }
            }
        }
        Statement::CreateIndex(index) => {
            if let Some(name) = &index.name {
                st.created_indexes.insert(index_key(name));
            }
            let table = normalise(&index.table_name);
            if index.concurrently {
                if st.in_transaction() {
                    concurrently_in_transaction(st, pos, "CREATE INDEX");
                }
            } else if st.is_existing(&table) {
                if st.dialect.has_lock_queue() {
                    st.push(
                        Rule::IndexWithoutConcurrently,
                        pos,
                        format!("CREATE INDEX on existing table {} without CONCURRENTLY blocks writes while it builds", show(&index.table_name)),
                    );
                }
                st.strong_lock(pos, "CREATE INDEX");
            }
        }
        Statement::Drop {
            object_type, names, ..
        } => drop(st, pos, *object_type, names, marks),
        Statement::Truncate { table_names, .. }
            if table_names
                .iter()
                .any(|t| st.is_existing(&normalise(&t.name))) =>
        {
            st.strong_lock(pos, "TRUNCATE")
        }
        Statement::AlterType(alter) => {
            if let AlterTypeOperation::AddValue(add) = &alter.operation {
                if st.in_transaction() && st.dialect.has_lock_queue() {
                    st.enum_values
                        .push((add.value.value.clone(), show(&alter.name), pos.line));
                }
            }
        }
        Statement::AlterTable {
            name, operations, ..
        } => alter_table(st, piece, map, name, operations, marks),
        _ => {}
    }
}

fn first_string_arg(args: &FunctionArguments) -> Option<&str> {
    let FunctionArguments::List(list) = args else {
        return None;
    };
    match list.args.first()? {
        FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(v))) => string_value(&v.value),
        _ => None,
    }
}

fn string_value(v: &Value) -> Option<&str> {
    match v {
        Value::SingleQuotedString(s)
        | Value::EscapedStringLiteral(s)
        | Value::DollarQuotedString(sqlparser::ast::DollarQuotedString { value: s, .. }) => Some(s),
        _ => None,
    }
}

fn set_statement(st: &mut State, set: &Set) {
    if let Set::SingleAssignment {
        variable, values, ..
    } = set
    {
        if variable
            .0
            .last()
            .and_then(|p| p.as_ident())
            .is_some_and(|i| i.value.eq_ignore_ascii_case("lock_timeout"))
        {
            // `0` disables the timeout.
            let disables = values.first().is_some_and(|v| match v {
                Expr::Value(v) => {
                    matches!(&v.value, Value::Number(n, _) if n.trim_start_matches('0').is_empty())
                        || string_value(&v.value)
                            .is_some_and(|s| s.trim().trim_start_matches('0').is_empty())
                }
                _ => false,
            });
            st.lock_timeout = !disables;
        }
    }
}

fn drop(st: &mut State, pos: Pos, object_type: ObjectType, names: &[ObjectName], marks: &Marks) {
    match object_type {
        ObjectType::Table => {
            let existing: Vec<&ObjectName> = names
                .iter()
                .filter(|n| st.is_existing(&normalise(n)))
                .collect();
            for name in &existing {
                let key = normalise(name);
                if st.copied_tables.contains(&key) {
                    // Redefined: its rows were copied into a new table first.
                    continue;
                }
                st.push(
                    Rule::DroppingTable,
                    pos,
                    format!("dropping table {} deletes its data", show(name)),
                );
            }
            if !existing.is_empty() {
                st.strong_lock(pos, "DROP TABLE");
            }
            for name in names {
                st.created_tables.remove(&normalise(name));
            }
        }
        ObjectType::Index => {
            let existing: Vec<&ObjectName> = names
                .iter()
                .filter(|n| !st.created_indexes.contains(&index_key(n)))
                .collect();
            if marks.drop_index_concurrently {
                if st.in_transaction() && st.dialect.has_lock_queue() {
                    concurrently_in_transaction(st, pos, "DROP INDEX");
                }
            } else if let Some(first) = existing.first() {
                if st.dialect.has_lock_queue() {
                    st.push(
                        Rule::DropIndexWithoutConcurrently,
                        pos,
                        format!("DROP INDEX {} without CONCURRENTLY locks its table against reads and writes", show(first)),
                    );
                }
                st.strong_lock(pos, "DROP INDEX");
            }
        }
        _ => {}
    }
}

fn alter_table(
    st: &mut State,
    piece: &Piece,
    map: &LineMap,
    name: &ObjectName,
    operations: &[AlterTableOperation],
    marks: &Marks,
) {
    let pos = piece.pos;
    let table = normalise(name);
    let shown = show(name);
    if !st.is_existing(&table) {
        // New in this file: only renames matter, to keep tracking the table.
        for op in operations {
            if let AlterTableOperation::RenameTable {
                table_name: RenameTableNameKind::To(to) | RenameTableNameKind::As(to),
            } = op
            {
                st.created_tables.insert(renamed(name, to));
            }
        }
        return;
    }
    let pg = st.dialect.has_lock_queue();
    for (form, concurrently) in &marks.opaque_ops {
        if *concurrently && st.in_transaction() && pg {
            concurrently_in_transaction(st, pos, &format!("ALTER TABLE … {form}"));
        }
        if *form == "SET SCHEMA" {
            st.push(
                Rule::RenamingTable,
                pos,
                format!(
                    "moving table {shown} to another schema breaks code that uses the old name"
                ),
            );
        }
    }
    for op in operations {
        match op {
            AlterTableOperation::AddColumn { column_def, .. } => add_column(st, map, pos, &shown, column_def, pg),
            AlterTableOperation::DropColumn { column_names, .. } => {
                for c in column_names {
                    st.push(Rule::DroppingColumn, at(map, c, pos), format!("dropping column \"{}\" of {shown} deletes its data", c.value));
                }
            }
            AlterTableOperation::RenameColumn { old_column_name, new_column_name } => st.push(
                Rule::RenamingColumn,
                at(map, old_column_name, pos),
                format!("renaming column \"{}\" of {shown} to \"{}\" breaks code that uses the old name", old_column_name.value, new_column_name.value),
            ),
            AlterTableOperation::RenameTable { table_name: RenameTableNameKind::To(to) | RenameTableNameKind::As(to) } => st.push(
                Rule::RenamingTable,
                pos,
                format!("renaming table {shown} to {} breaks code that uses the old name", show(to)),
            ),
            AlterTableOperation::AlterColumn { column_name, op } => match op {
                AlterColumnOperation::SetNotNull
                    if pg && !st.validated_not_null.contains(&(table.clone(), ident(column_name))) =>
                {
                    st.push(
                        Rule::SettingNotNull,
                        at(map, column_name, pos),
                        format!("SET NOT NULL on \"{}\" of {shown} scans the table under an ACCESS EXCLUSIVE lock", column_name.value),
                    )
                }
                AlterColumnOperation::SetDataType { data_type, .. } => st.push(
                    Rule::ChangingColumnType,
                    at(map, column_name, pos),
                    format!("changing the type of \"{}\" of {shown} to {data_type} can rewrite the table and lose data", column_name.value),
                ),
                _ => {}
            },
            AlterTableOperation::AddConstraint { constraint, not_valid } => add_constraint(st, pos, &table, &shown, constraint, *not_valid, marks, pg),
            AlterTableOperation::ValidateConstraint { name } => {
                let name = ident(name);
                let validated: Vec<(String, String)> = st
                    .not_null_checks
                    .iter()
                    .filter(|(c, t, _)| *c == name && *t == table)
                    .map(|(_, t, col)| (t.clone(), col.clone()))
                    .collect();
                st.validated_not_null.extend(validated);
            }
            _ => {}
        }
    }
    st.strong_lock(pos, "ALTER TABLE");
}

/// The normalised name a table gets from `RENAME TO`: the new name stays in
/// the old name's schema.
fn renamed(from: &ObjectName, to: &ObjectName) -> String {
    if to.0.len() == 1 && from.0.len() > 1 {
        let mut parts = from.0.clone();
        *parts.last_mut().expect("non-empty") = to.0[0].clone();
        normalise(&ObjectName(parts))
    } else {
        normalise(to)
    }
}

fn add_column(st: &mut State, map: &LineMap, pos: Pos, shown: &str, column: &ColumnDef, pg: bool) {
    let col_pos = at(map, &column.name, pos);
    let options: Vec<&ColumnOption> = column.options.iter().map(|o| &o.option).collect();
    let default = options.iter().find_map(|o| {
        if let ColumnOption::Default(e) = o {
            Some(e)
        } else {
            None
        }
    });
    let generated = options.iter().any(|o| {
        matches!(
            o,
            ColumnOption::Generated { .. } | ColumnOption::Identity(_)
        )
    });
    let type_name = column.data_type.to_string().to_lowercase();
    let serial = SERIAL_TYPES.contains(&type_name.as_str());
    let not_null = options.iter().any(|o| {
        matches!(
            o,
            ColumnOption::NotNull
                | ColumnOption::Unique {
                    is_primary: true,
                    ..
                }
        )
    });
    if not_null && default.is_none() && !generated && !serial {
        st.push(
            Rule::AddingNotNullColumn,
            col_pos,
            format!("adding NOT NULL column \"{}\" to {shown} without a default fails when the table has rows", column.name.value),
        );
    }
    if !pg {
        return;
    }
    if let Some(function) = default.and_then(volatile_call) {
        st.push(
            Rule::VolatileDefault,
            col_pos,
            format!("column \"{}\" added to {shown} with volatile default {function}() rewrites the table", column.name.value),
        );
    } else if serial && default.is_none() {
        st.push(
            Rule::VolatileDefault,
            col_pos,
            format!("column \"{}\" added to {shown} as {type_name} gets a nextval() default, which rewrites the table", column.name.value),
        );
    }
    if options
        .iter()
        .any(|o| matches!(o, ColumnOption::Unique { .. }))
    {
        st.push(
            Rule::AddingUniqueConstraint,
            col_pos,
            format!("column \"{}\" added to {shown} with UNIQUE or PRIMARY KEY builds an index under an ACCESS EXCLUSIVE lock", column.name.value),
        );
    }
}

/// The first volatile function called in an expression.
fn volatile_call(expr: &Expr) -> Option<String> {
    let mut found = None;
    let _ = visit_expressions(expr, |e| {
        if let Expr::Function(f) = e {
            if let Some(name) = f.name.0.last().and_then(|p| p.as_ident()) {
                let name = name.value.to_lowercase();
                if VOLATILE_FUNCTIONS.contains(&name.as_str()) {
                    found = Some(name);
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    });
    found
}

#[allow(clippy::too_many_arguments)]
fn add_constraint(
    st: &mut State,
    pos: Pos,
    table: &str,
    shown: &str,
    constraint: &TableConstraint,
    not_valid: bool,
    marks: &Marks,
    pg: bool,
) {
    if !pg {
        return;
    }
    match constraint {
        TableConstraint::ForeignKey { name, foreign_table, .. } if !not_valid => st.push(
            Rule::ConstraintWithoutNotValid,
            pos,
            format!(
                "adding foreign key {}on {shown} referencing {} without NOT VALID checks every row under a lock that blocks writes",
                name.as_ref().map(|n| format!("\"{}\" ", n.value)).unwrap_or_default(),
                show(foreign_table)
            ),
        ),
        TableConstraint::Check { name, expr, .. } => {
            if not_valid {
                if let (Some(name), Expr::IsNotNull(inner)) = (name, expr.as_ref()) {
                    if let Expr::Identifier(column) = inner.as_ref() {
                        st.not_null_checks.push((ident(name), table.to_string(), ident(column)));
                    }
                }
            } else {
                st.push(
                    Rule::ConstraintWithoutNotValid,
                    pos,
                    format!(
                        "adding check {}on {shown} without NOT VALID checks every row under a lock that blocks writes",
                        name.as_ref().map(|n| format!("\"{}\" ", n.value)).unwrap_or_default()
                    ),
                );
            }
        }
        TableConstraint::Unique { .. } | TableConstraint::PrimaryKey { .. } if !marks.using_index => {
            let kind = if matches!(constraint, TableConstraint::PrimaryKey { .. }) { "PRIMARY KEY" } else { "UNIQUE" };
            st.push(
                Rule::AddingUniqueConstraint,
                pos,
                format!("adding a {kind} constraint to {shown} builds its index under an ACCESS EXCLUSIVE lock"),
            );
        }
        _ => {}
    }
}

/// Reports a statement that uses a string equal to an enum value added
/// earlier in the same transaction.
fn enum_use(st: &mut State, pos: Pos, statement: &Statement) {
    if st.enum_values.is_empty() || matches!(statement, Statement::AlterType(_)) {
        return;
    }
    let mut used = None;
    let _ = visit_expressions(statement, |e| {
        if let Expr::Value(v) = e {
            if let Some(s) = string_value(&v.value) {
                if let Some(found) = st.enum_values.iter().find(|(value, _, _)| value == s) {
                    used = Some(found.clone());
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    });
    if let Some((value, ty, line)) = used {
        st.push(
            Rule::EnumValueUsedInSameTransaction,
            pos,
            format!("enum value '{value}' added to {ty} on line {line} is used before its transaction commits"),
        );
    }
}
