//! The grant pass: privileges granted and revoked on tables, views,
//! sequences, functions and schemas, and the comments of schemas.
//!
//! Runs after every other pass, because what an object needs depends on
//! what they did to it: an object created, or dropped and created again (a
//! view whose columns change, a routine whose signature changes), starts
//! with PostgreSQL's default privileges and gets every grant of the next
//! schema; a kept object (renamed, replaced in place or unchanged) gets the
//! difference. Dropped objects get nothing: their privileges go with them.

use std::collections::BTreeMap;

use shale_model::{Grant, Privilege};

use super::Differ;
use crate::{CommentTarget, GrantTarget, Step};

impl Differ<'_, '_> {
    pub(super) fn push_grant_steps(&mut self) {
        let db = self.db;
        let schemas = db.schemas;
        let mut pushes: Vec<(GrantTarget, &[Grant], &[Grant])> = Vec::new();
        // Column privileges whose previous state is computed (owned).
        let mut column_pushes: Vec<(GrantTarget, Vec<Grant>, &[Grant])> = Vec::new();
        for t in &db.created_tables {
            pushes.push((GrantTarget::Table(t.name.clone()), &[], &t.grants));
            for c in t.columns.iter().filter(|c| !c.grants.is_empty()) {
                pushes.push((
                    GrantTarget::Column(t.name.clone(), c.name.clone()),
                    &[],
                    &c.grants,
                ));
            }
        }
        for pair in &db.tables {
            let t = pair.tables;
            let table = &t.next.name;
            pushes.push((
                GrantTarget::Table(table.clone()),
                &t.previous.grants,
                &t.next.grants,
            ));
            // Revoking a privilege on the table revokes it on every column
            // too: a column privilege the table loses is granted again.
            let revoked: Vec<(&str, Privilege)> = t
                .previous
                .grants
                .iter()
                .filter(|g| !t.next.grants.contains(g))
                .map(|g| (g.role.as_str(), g.privilege))
                .collect();
            for c in &pair.columns {
                let recreated = self
                    .recreated_columns
                    .contains(&(table.clone(), c.next.name.clone()));
                let previous: Vec<Grant> = if recreated {
                    Vec::new()
                } else {
                    c.previous
                        .grants
                        .iter()
                        .filter(|g| !revoked.contains(&(g.role.as_str(), g.privilege)))
                        .cloned()
                        .collect()
                };
                column_pushes.push((
                    GrantTarget::Column(table.clone(), c.next.name.clone()),
                    previous,
                    &c.next.grants,
                ));
            }
            for c in pair.added_columns.iter().filter(|c| !c.grants.is_empty()) {
                pushes.push((
                    GrantTarget::Column(table.clone(), c.name.clone()),
                    &[],
                    &c.grants,
                ));
            }
        }
        for s in &db.sequences.created {
            pushes.push((GrantTarget::Sequence(s.name.clone()), &[], &s.grants));
        }
        for pair in &db.sequences.pairs {
            pushes.push((
                GrantTarget::Sequence(pair.next.name.clone()),
                &pair.previous.grants,
                &pair.next.grants,
            ));
        }
        for view in &schemas.next.views {
            let created = self.steps.iter().any(
                |s| matches!(s, Step::CreateView { name, replace: false } if *name == view.name),
            );
            let previous_name = self
                .steps
                .iter()
                .find_map(|s| match s {
                    Step::RenameView { names, .. } if names.next == view.name => {
                        Some(&names.previous)
                    }
                    _ => None,
                })
                .unwrap_or(&view.name);
            let previous = match schemas.previous.view(previous_name) {
                Some(p) if !created => p.grants.as_slice(),
                _ => &[],
            };
            pushes.push((
                GrantTarget::Table(view.name.clone()),
                previous,
                &view.grants,
            ));
        }
        for f in &schemas.next.functions {
            let args: Vec<String> = f.identity_types().into_iter().map(str::to_string).collect();
            let created = self.steps.iter().any(|s| {
                matches!(s, Step::CreateFunction { name, args: a, replace: false }
                    if *name == f.name && *a == args)
            });
            let identity = f.identity_types();
            let previous = match schemas
                .previous
                .functions_named(&f.name)
                .find(|p| p.identity_types() == identity)
            {
                Some(p) if !created => p.grants.as_slice(),
                _ => &[],
            };
            pushes.push((
                GrantTarget::Function(f.name.clone(), args),
                previous,
                &f.grants,
            ));
        }
        for n in &schemas.next.namespace_settings {
            let previous = schemas.previous.namespace_settings(&n.name);
            let existed = n.name == shale_model::DEFAULT_NAMESPACE
                || schemas.previous.namespaces.contains(&n.name);
            let previous_grants = match previous {
                Some(p) if existed => p.grants.as_slice(),
                _ => &[],
            };
            pushes.push((
                GrantTarget::Schema(n.name.clone()),
                previous_grants,
                &n.grants,
            ));
            let previous_comment = previous
                .filter(|_| existed)
                .and_then(|p| p.comment.as_ref());
            if previous_comment != n.comment.as_ref() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Schema(n.name.clone()),
                });
            }
        }
        // A namespace that keeps existing but loses its settings.
        for p in &schemas.previous.namespace_settings {
            if schemas.next.namespace_settings(&p.name).is_some() {
                continue;
            }
            let kept = p.name == shale_model::DEFAULT_NAMESPACE
                || schemas.next.namespaces.contains(&p.name);
            if !kept {
                continue;
            }
            pushes.push((GrantTarget::Schema(p.name.clone()), &p.grants, &[]));
            if p.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Schema(p.name.clone()),
                });
            }
        }
        for (target, previous, next) in pushes {
            if previous != next {
                self.push_grant_changes(target, previous, next);
            }
        }
        for (target, previous, next) in column_pushes {
            if previous != next {
                self.push_grant_changes(target, &previous, next);
            }
        }
    }

    /// The revokes and grants that turn `previous` into `next` on one
    /// object: one statement per role and kind of change.
    fn push_grant_changes(&mut self, target: GrantTarget, previous: &[Grant], next: &[Grant]) {
        type Key<'k> = (&'k str, bool);
        // (role, grant option only) → privileges revoked.
        let mut revokes: BTreeMap<Key, Vec<Privilege>> = BTreeMap::new();
        // (role, with grant option) → privileges granted.
        let mut grants: BTreeMap<Key, Vec<Privilege>> = BTreeMap::new();
        let find = |list: &'_ [Grant], g: &Grant| -> Option<bool> {
            list.iter()
                .find(|o| o.role == g.role && o.privilege == g.privilege)
                .map(|o| o.grant_option)
        };
        for p in previous {
            match find(next, p) {
                None => revokes
                    .entry((&p.role, false))
                    .or_default()
                    .push(p.privilege),
                Some(false) if p.grant_option => revokes
                    .entry((&p.role, true))
                    .or_default()
                    .push(p.privilege),
                Some(_) => {}
            }
        }
        for n in next {
            match find(previous, n) {
                Some(option) if option == n.grant_option || option => {}
                _ => grants
                    .entry((&n.role, n.grant_option))
                    .or_default()
                    .push(n.privilege),
            }
        }
        for ((role, grant_option_only), privileges) in revokes {
            self.steps.push(Step::RevokePrivileges {
                target: target.clone(),
                role: role.to_string(),
                grant_option_only,
                privileges,
            });
        }
        for ((role, grant_option), privileges) in grants {
            self.steps.push(Step::GrantPrivileges {
                target: target.clone(),
                role: role.to_string(),
                grant_option,
                privileges,
            });
        }
    }
}
