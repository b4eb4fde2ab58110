//! The view pass: views and materialized views created, dropped, renamed,
//! replaced in place or recreated, their indexes and comments, and the
//! views recreated around changes of what they read.
//!
//! A view holds no data, so a view that disappears without a rename hint is
//! dropped and the new one created: never an ambiguity. What PostgreSQL can
//! change in place and what it cannot:
//!
//! - a plain view whose query, options or columns change, keeping its
//!   previous columns (same names and types, same order) with new ones only
//!   appended: `CREATE OR REPLACE VIEW` (options included: PostgreSQL
//!   replaces them all);
//! - anything else (a column removed, renamed, retyped or moved, plain ⇄
//!   materialized, a materialized view's query or columns): drop and create,
//!   with the view's indexes and comments;
//! - a view reading something that is dropped, or recreated, or a table
//!   with a column that is dropped or changes type (PostgreSQL: "cannot
//!   alter type of a column used by a view or rule"): dropped before and
//!   created again after, and so, transitively, every view reading it.

use std::collections::HashSet;

use shale_model::{Index, QualifiedName, Schema, View};

use super::{diff_named, match_names, Differ, Event};
use crate::graph::ViewGraph;
use crate::{CommentTarget, MigrationPair, Step};

/// How an existing view changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    None,
    Replace,
    Recreate,
}

impl Differ<'_, '_> {
    pub(super) fn push_view_steps(&mut self) {
        let schemas = self.db.schemas;
        let views = schemas.map(|s| s.views.iter().map(|v| &v.name).collect::<Vec<_>>());
        let matching = match_names(
            &views.previous,
            &views.next,
            self.hints.views.iter().map(|(p, n)| (p, n)),
        );
        let pairs: Vec<MigrationPair<&View>> = matching
            .pairs
            .iter()
            .map(|&(p, n)| MigrationPair::new(&schemas.previous.views[p], &schemas.next.views[n]))
            .collect();
        let graphs = schemas.map(ViewGraph::new);

        // Previous names of relations whose dependent views cannot stay.
        let mut blocked: HashSet<&QualifiedName> = HashSet::new();
        for &i in &matching.dropped {
            blocked.insert(&schemas.previous.views[i].name);
        }
        for t in &self.db.dropped_tables {
            blocked.insert(&t.name);
        }
        let changed_tables = self.tables_with_changed_columns();
        for pair in &self.db.tables {
            if changed_tables.contains(&pair.tables.previous.name) {
                blocked.insert(&pair.tables.previous.name);
            }
        }
        let mut changes: Vec<Change> = pairs.iter().map(|pair| self.view_change(*pair)).collect();
        for (pair, change) in pairs.iter().zip(&changes) {
            if *change == Change::Recreate {
                blocked.insert(&pair.previous.name);
            }
        }
        // Until nothing changes: a view reading a blocked relation is
        // recreated, which blocks the views reading it.
        loop {
            let mut grew = false;
            for (pair, change) in pairs.iter().zip(changes.iter_mut()) {
                if *change == Change::Recreate {
                    continue;
                }
                let reads = graphs.previous.reads(&pair.previous.name);
                if reads.iter().any(|r| blocked.contains(r)) {
                    *change = Change::Recreate;
                    blocked.insert(&pair.previous.name);
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }

        for &i in &matching.dropped {
            let v = &schemas.previous.views[i];
            self.steps.push(Step::DropView {
                name: v.name.clone(),
                materialized: v.materialized,
            });
        }
        for &i in &matching.created {
            self.push_create_view(&schemas.next.views[i]);
        }
        for (pair, change) in pairs.iter().zip(&changes) {
            let names = pair.map(|v| &v.name);
            if *change == Change::Recreate {
                self.steps.push(Step::DropView {
                    name: names.previous.clone(),
                    materialized: pair.previous.materialized,
                });
                self.push_create_view(pair.next);
                continue;
            }
            if names.previous != names.next {
                self.steps.push(Step::RenameView {
                    names: names.map(Clone::clone),
                    materialized: pair.previous.materialized,
                });
            }
            if *change == Change::Replace {
                self.steps.push(Step::CreateView {
                    name: names.next.clone(),
                    replace: true,
                });
            }
            self.push_view_index_steps(*pair);
            self.push_view_comment_steps(*pair);
        }
    }

    /// Previous names of kept tables with a column that is dropped, changes
    /// its stored type, is dropped and added again, or is converted by an
    /// enum swap or a domain replacement: PostgreSQL refuses each under a
    /// view that reads it.
    fn tables_with_changed_columns(&self) -> HashSet<&QualifiedName> {
        let db = self.db;
        let mut out = HashSet::new();
        for step in &self.steps {
            match step {
                Step::DropColumn { table, .. } => {
                    if let Some(&i) = db.table_by_previous.get(table) {
                        out.insert(&db.tables[i].tables.previous.name);
                    }
                }
                Step::AlterColumn { table, changes, .. }
                    if changes.ty || changes.sequence || changes.collation =>
                {
                    if let Some(&i) = db.table_by_previous.get(&table.previous) {
                        out.insert(&db.tables[i].tables.previous.name);
                    }
                }
                Step::ReplaceEnum { columns, .. } => {
                    for c in columns {
                        if let Some(&i) = db.table_by_next.get(&c.table) {
                            out.insert(&db.tables[i].tables.previous.name);
                        }
                    }
                }
                Step::ReplaceDomain { columns, .. } => {
                    for (table, _) in columns {
                        if let Some(&i) = db.table_by_next.get(table) {
                            out.insert(&db.tables[i].tables.previous.name);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn view_change(&self, pair: MigrationPair<&View>) -> Change {
        let (p, n) = pair.into_tuple();
        if p.materialized != n.materialized {
            return Change::Recreate;
        }
        let same_columns = p.columns.len() == n.columns.len()
            && p.columns
                .iter()
                .zip(&n.columns)
                .all(|(a, b)| a.name == b.name && self.same_type(MigrationPair::new(&a.ty, &b.ty)));
        let same_body = same_columns
            && p.query == n.query
            && p.check_option == n.check_option
            && p.security_invoker == n.security_invoker
            && p.security_barrier == n.security_barrier;
        if same_body {
            return Change::None;
        }
        if p.materialized {
            return Change::Recreate;
        }
        // CREATE OR REPLACE VIEW keeps the previous columns as they are and
        // may only append new ones.
        let prefix = p.columns.len() <= n.columns.len()
            && p.columns
                .iter()
                .zip(&n.columns)
                .all(|(a, b)| a.name == b.name && self.same_type(MigrationPair::new(&a.ty, &b.ty)));
        if prefix {
            Change::Replace
        } else {
            Change::Recreate
        }
    }

    /// A view created (or created again): its indexes and comments too.
    fn push_create_view(&mut self, view: &View) {
        self.steps.push(Step::CreateView {
            name: view.name.clone(),
            replace: false,
        });
        for index in &view.indexes {
            self.steps.push(Step::CreateViewIndex {
                view: view.name.clone(),
                name: index.name.clone(),
            });
            if index.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Index(view.name.clone(), index.name.clone()),
                });
            }
        }
        if view.comment.is_some() {
            self.steps.push(Step::SetComment {
                target: CommentTarget::View(view.name.clone()),
            });
        }
        for column in &view.columns {
            if column.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::ViewColumn(view.name.clone(), column.name.clone()),
                });
            }
        }
    }

    fn push_view_index_steps(&mut self, pair: MigrationPair<&View>) {
        let names = pair.map(|v| &v.name);
        let indexes = pair.map(|v| v.indexes.as_slice());
        // The comment is no part of the definition (it is set apart).
        let same = |p: &Index, n: &Index| {
            Index {
                name: n.name.clone(),
                comment: n.comment.clone(),
                ..p.clone()
            } == *n
        };
        let comment = |index: &Index| Step::SetComment {
            target: CommentTarget::Index(names.next.clone(), index.name.clone()),
        };
        for n in &pair.next.indexes {
            let kept = pair
                .previous
                .indexes
                .iter()
                .find(|p| p.name == n.name && same(p, n));
            if kept.is_some_and(|p| p.comment != n.comment) {
                self.steps.push(comment(n));
            }
        }
        for event in diff_named(indexes, |i: &Index| i.name.as_str(), same) {
            match event {
                Event::Drop(i) => self.steps.push(Step::DropViewIndex {
                    view: names.previous.clone(),
                    name: i.name.clone(),
                }),
                Event::Add(i) => {
                    self.steps.push(Step::CreateViewIndex {
                        view: names.next.clone(),
                        name: i.name.clone(),
                    });
                    if i.comment.is_some() {
                        self.steps.push(comment(i));
                    }
                }
                // An index whose definition is unchanged but whose name
                // changed: built again under its new name, as materialized
                // views are small next to tables and the step stays simple.
                Event::Rename(p, n) => {
                    self.steps.push(Step::DropViewIndex {
                        view: names.previous.clone(),
                        name: p.name.clone(),
                    });
                    self.steps.push(Step::CreateViewIndex {
                        view: names.next.clone(),
                        name: n.name.clone(),
                    });
                    if n.comment.is_some() {
                        self.steps.push(comment(n));
                    }
                }
            }
        }
    }

    fn push_view_comment_steps(&mut self, pair: MigrationPair<&View>) {
        let name = &pair.next.name;
        if pair.previous.comment != pair.next.comment {
            self.steps.push(Step::SetComment {
                target: CommentTarget::View(name.clone()),
            });
        }
        for column in &pair.next.columns {
            let previous = pair
                .previous
                .column(&column.name)
                .and_then(|c| c.comment.as_ref());
            if previous != column.comment.as_ref() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::ViewColumn(name.clone(), column.name.clone()),
                });
            }
        }
    }
}

/// Puts the runs of view drops and view creates (already sorted by the
/// step order) into dependency order: drops before the views they read,
/// creates after them.
pub(super) fn order_view_steps(steps: &mut [Step], schemas: MigrationPair<&Schema>) {
    if schemas.previous.views.is_empty() && schemas.next.views.is_empty() {
        return;
    }
    let run = |steps: &[Step], is: fn(&Step) -> bool| {
        let start = steps.iter().position(is)?;
        let len = steps[start..].iter().take_while(|s| is(s)).count();
        Some(start..start + len)
    };
    if let Some(range) = run(steps, |s| matches!(s, Step::DropView { .. })) {
        let graph = ViewGraph::new(schemas.previous);
        let names: Vec<QualifiedName> = steps[range.clone()]
            .iter()
            .filter_map(|s| match s {
                Step::DropView { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect();
        let refs: Vec<&QualifiedName> = names.iter().collect();
        let mut order = graph.order(&refs);
        // Readers first.
        order.reverse();
        reorder(&mut steps[range], &order, |s| match s {
            Step::DropView { name, .. } => Some(name),
            _ => None,
        });
    }
    if let Some(range) = run(steps, |s| matches!(s, Step::CreateView { .. })) {
        let graph = ViewGraph::new(schemas.next);
        let names: Vec<QualifiedName> = steps[range.clone()]
            .iter()
            .filter_map(|s| match s {
                Step::CreateView { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect();
        let refs: Vec<&QualifiedName> = names.iter().collect();
        let order = graph.order(&refs);
        reorder(&mut steps[range], &order, |s| match s {
            Step::CreateView { name, .. } => Some(name),
            _ => None,
        });
    }
}

fn reorder(run: &mut [Step], order: &[&QualifiedName], name: fn(&Step) -> Option<&QualifiedName>) {
    let mut sorted: Vec<Step> = Vec::with_capacity(run.len());
    for want in order {
        if let Some(step) = run.iter().find(|s| name(s) == Some(*want)) {
            sorted.push(step.clone());
        }
    }
    if sorted.len() == run.len() {
        run.clone_from_slice(&sorted);
    }
}
