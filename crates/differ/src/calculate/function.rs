//! The routine pass: functions and procedures created, replaced in place,
//! dropped and created again, and the triggers of tables.
//!
//! A routine is matched by name and identity argument types (an overload
//! with other types is another routine). What PostgreSQL can change in
//! place: the body, language, volatility, strictness, security, parallel
//! safety and `search_path` (`CREATE OR REPLACE`). What it cannot: the
//! result type, argument names, modes or defaults, function ⇄ procedure;
//! those drop the routine and create it again, and the triggers that call it
//! with it (PostgreSQL refuses to drop a function a trigger uses).
//!
//! A trigger holds no data: a changed one is dropped and created again, and
//! so is one whose function is recreated or that names a column (in `UPDATE
//! OF` or `WHEN`) that is dropped or changes type.

use std::collections::HashSet;

use shale_model::{Function, QualifiedName, Table, Trigger};

use super::{diff_named, mentions, optional_expressions_equivalent, Differ, Event, TablePair};
use crate::{CommentTarget, MigrationPair, Step};

type Key<'a> = (&'a QualifiedName, Vec<&'a str>);

fn key(f: &Function) -> Key<'_> {
    (&f.name, f.identity_types())
}

fn owned_args(f: &Function) -> Vec<String> {
    f.identity_types().into_iter().map(str::to_string).collect()
}

/// Whether `CREATE OR REPLACE` can turn `p` into `n`.
fn replaceable(p: &Function, n: &Function) -> bool {
    p.procedure == n.procedure
        && p.returns == n.returns
        && p.arguments.len() == n.arguments.len()
        && p.arguments.iter().zip(&n.arguments).all(|(a, b)| {
            a.name == b.name
                && a.mode == b.mode
                && a.ty == b.ty
                && optional_expressions_equivalent(a.default.as_deref(), b.default.as_deref())
        })
}

/// Whether two routines have the same definition (comments aside).
fn same_definition(p: &Function, n: &Function) -> bool {
    replaceable(p, n)
        && p.language == n.language
        && p.body == n.body
        && p.volatility == n.volatility
        && p.strict == n.strict
        && p.security_definer == n.security_definer
        && p.leakproof == n.leakproof
        && p.parallel == n.parallel
        && p.search_path == n.search_path
}

fn same_trigger(p: &Trigger, n: &Trigger) -> bool {
    p.timing == n.timing
        && p.events == n.events
        && p.update_of == n.update_of
        && p.for_each_row == n.for_each_row
        && optional_expressions_equivalent(p.when.as_deref(), n.when.as_deref())
        && p.function == n.function
        && p.arguments == n.arguments
}

impl Differ<'_, '_> {
    pub(super) fn push_function_steps(&mut self) {
        let schemas = self.db.schemas;
        let previous: Vec<Key> = schemas.previous.functions.iter().map(key).collect();
        let next: Vec<Key> = schemas.next.functions.iter().map(key).collect();
        // Previous names of routines dropped (for good or to be recreated):
        // the triggers calling them must be recreated too.
        let mut recreated: HashSet<&QualifiedName> = HashSet::new();
        for (i, p) in schemas.previous.functions.iter().enumerate() {
            match next.iter().position(|k| *k == previous[i]) {
                None => {
                    recreated.insert(&p.name);
                    self.steps.push(Step::DropFunction {
                        name: p.name.clone(),
                        args: owned_args(p),
                    });
                }
                Some(j) => {
                    let n = &schemas.next.functions[j];
                    if same_definition(p, n) {
                    } else if replaceable(p, n) {
                        self.steps.push(Step::CreateFunction {
                            name: n.name.clone(),
                            args: owned_args(n),
                            replace: true,
                        });
                    } else {
                        recreated.insert(&p.name);
                        self.steps.push(Step::DropFunction {
                            name: p.name.clone(),
                            args: owned_args(p),
                        });
                        self.push_create_function(n);
                        continue;
                    }
                    if p.comment != n.comment {
                        self.steps.push(Step::SetComment {
                            target: CommentTarget::Function(n.name.clone(), owned_args(n)),
                        });
                    }
                }
            }
        }
        for (j, n) in schemas.next.functions.iter().enumerate() {
            if !previous.contains(&next[j]) {
                self.push_create_function(n);
            }
        }
        self.push_trigger_steps(&recreated);
    }

    fn push_create_function(&mut self, f: &Function) {
        self.steps.push(Step::CreateFunction {
            name: f.name.clone(),
            args: owned_args(f),
            replace: false,
        });
        if f.comment.is_some() {
            self.steps.push(Step::SetComment {
                target: CommentTarget::Function(f.name.clone(), owned_args(f)),
            });
        }
    }

    fn push_trigger_steps(&mut self, recreated_functions: &HashSet<&QualifiedName>) {
        let db = self.db;
        for table in &db.created_tables {
            self.push_new_table_triggers(table);
        }
        for table in &db.tables {
            let names = table.names();
            let triggers = table.tables.map(|t| t.triggers.as_slice());
            let same = |p: &Trigger, n: &Trigger| {
                same_trigger(p, n)
                    && !recreated_functions.contains(&p.function)
                    && !trigger_uses_changed_column(
                        table,
                        p,
                        &self.db.user_types.replaced,
                        &self.db.swapped_enums,
                    )
            };
            for event in diff_named(triggers, |t: &Trigger| t.name.as_str(), same) {
                match event {
                    Event::Drop(p) => self.steps.push(Step::DropTrigger {
                        table: names.previous.clone(),
                        name: p.name.clone(),
                    }),
                    Event::Add(n) => self.push_create_trigger(&names.next, n),
                    Event::Rename(p, n) => {
                        self.steps.push(Step::DropTrigger {
                            table: names.previous.clone(),
                            name: p.name.clone(),
                        });
                        self.push_create_trigger(&names.next, n);
                    }
                }
            }
            // Comments of triggers that stay.
            for n in &table.tables.next.triggers {
                let Some(p) = table
                    .tables
                    .previous
                    .triggers
                    .iter()
                    .find(|p| p.name == n.name)
                else {
                    continue;
                };
                let kept = same(p, n);
                if kept && p.comment != n.comment {
                    self.steps.push(Step::SetComment {
                        target: CommentTarget::Trigger(names.next.clone(), n.name.clone()),
                    });
                }
            }
        }
    }

    fn push_new_table_triggers(&mut self, table: &Table) {
        for t in &table.triggers {
            self.push_create_trigger(&table.name, t);
        }
    }

    fn push_create_trigger(&mut self, table: &QualifiedName, t: &Trigger) {
        self.steps.push(Step::CreateTrigger {
            table: table.clone(),
            name: t.name.clone(),
        });
        if t.comment.is_some() {
            self.steps.push(Step::SetComment {
                target: CommentTarget::Trigger(table.clone(), t.name.clone()),
            });
        }
    }
}

/// Whether a trigger names a column of its table (`UPDATE OF`, `WHEN`) that
/// is dropped or changes type (a replaced domain's, or an enum's swapped for
/// a new type when a value is removed, count): PostgreSQL refuses both while
/// the trigger exists.
fn trigger_uses_changed_column(
    table: &TablePair<'_>,
    trigger: &Trigger,
    replaced: &std::collections::HashSet<shale_model::QualifiedName>,
    swapped_enums: &std::collections::HashSet<&shale_model::QualifiedName>,
) -> bool {
    let MigrationPair { previous, next } = table.tables;
    previous.columns.iter().any(|c| {
        let changed = match table.next_column(&c.name).and_then(|n| next.column(n)) {
            None => true,
            Some(n) => {
                matches!(&n.ty.base, shale_model::BaseType::UserType(q) if replaced.contains(q))
                    || matches!(&n.ty.base, shale_model::BaseType::Enum(e) if swapped_enums.contains(e))
                    || n.ty != c.ty
                    || n.collation != c.collation
                    || n.name != c.name
            }
        };
        changed
            && (trigger.update_of.iter().any(|u| u == &c.name)
                || trigger
                    .when
                    .as_deref()
                    .is_some_and(|w| mentions(w, &c.name)))
    })
}
