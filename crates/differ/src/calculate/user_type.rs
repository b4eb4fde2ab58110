//! Domains and composite types: matched by rename hint, then by name (a
//! type holds no data, so one that disappears without a hint is dropped and
//! the new one created), then created in dependency order, renamed,
//! altered in place where PostgreSQL can (`ALTER DOMAIN`, `ALTER TYPE …
//! ATTRIBUTE`), replaced where it cannot (a domain's base type or
//! collation), commented, dropped.

use std::collections::{HashMap, HashSet};

use shale_model::{
    expr, BaseType, CompositeType, Domain, DomainCheck, QualifiedName, RenameHints, Schema,
};

use super::{diff_named, match_names, Differ, Event};
use crate::{CommentTarget, MigrationPair, Step};

/// Which previous domain and composite type became which next one.
pub(super) struct UserTypeMatching<'a> {
    pub domains: Vec<MigrationPair<&'a Domain>>,
    pub created_domains: Vec<&'a Domain>,
    pub dropped_domains: Vec<&'a Domain>,
    pub composites: Vec<MigrationPair<&'a CompositeType>>,
    pub created_composites: Vec<&'a CompositeType>,
    pub dropped_composites: Vec<&'a CompositeType>,
    /// Previous name → next name of every matched domain and composite type.
    pub names: HashMap<&'a QualifiedName, &'a QualifiedName>,
    /// Next names of the domains replaced ([`Step::ReplaceDomain`]): their
    /// columns change type as far as policies and triggers are concerned.
    pub replaced: HashSet<QualifiedName>,
}

pub(super) fn match_user_types<'a>(
    schemas: MigrationPair<&'a Schema>,
    hints: &RenameHints,
) -> UserTypeMatching<'a> {
    let hinted = || hints.user_types.iter().map(|(p, n)| (p, n));
    let names = schemas.map(|s| s.domains.iter().map(|d| &d.name).collect::<Vec<_>>());
    let domains = match_names(&names.previous, &names.next, hinted());
    let names = schemas.map(|s| {
        s.composite_types
            .iter()
            .map(|c| &c.name)
            .collect::<Vec<_>>()
    });
    let composites = match_names(&names.previous, &names.next, hinted());
    let mut out = UserTypeMatching {
        domains: domains
            .pairs
            .iter()
            .map(|&(p, n)| {
                MigrationPair::new(&schemas.previous.domains[p], &schemas.next.domains[n])
            })
            .collect(),
        created_domains: domains
            .created
            .iter()
            .map(|&i| &schemas.next.domains[i])
            .collect(),
        dropped_domains: domains
            .dropped
            .iter()
            .map(|&i| &schemas.previous.domains[i])
            .collect(),
        composites: composites
            .pairs
            .iter()
            .map(|&(p, n)| {
                MigrationPair::new(
                    &schemas.previous.composite_types[p],
                    &schemas.next.composite_types[n],
                )
            })
            .collect(),
        created_composites: composites
            .created
            .iter()
            .map(|&i| &schemas.next.composite_types[i])
            .collect(),
        dropped_composites: composites
            .dropped
            .iter()
            .map(|&i| &schemas.previous.composite_types[i])
            .collect(),
        names: HashMap::new(),
        replaced: HashSet::new(),
    };
    for pair in &out.domains {
        out.names.insert(&pair.previous.name, &pair.next.name);
    }
    for pair in &out.composites {
        out.names.insert(&pair.previous.name, &pair.next.name);
    }
    out
}

/// The domains PostgreSQL cannot alter in place, by next name: the base
/// type or collation changes, or a new check or NOT NULL would have to be
/// validated inside arrays of the domain, which PostgreSQL refuses
/// ("cannot alter type … because column … uses it"); replacing the domain
/// converts, and so validates, those columns.
pub(super) fn replaced_domains(
    pairs: &[MigrationPair<&Domain>],
    map_type: impl Fn(&shale_model::ColumnType) -> shale_model::ColumnType,
    next: &Schema,
) -> HashSet<QualifiedName> {
    let mut out = HashSet::new();
    for pair in pairs {
        let name = &pair.next.name;
        let tightened = pair.next.checks.iter().any(|n| {
            pair.previous
                .check(&n.name)
                .is_none_or(|p| !expr::equivalent(&p.expr, &n.expr))
        }) || (pair.next.not_null && !pair.previous.not_null);
        let in_arrays = next.tables.iter().any(|t| {
            t.columns.iter().any(|c| {
                c.ty.array_dims > 0 && matches!(&c.ty.base, BaseType::UserType(q) if q == name)
            })
        });
        if map_type(&pair.previous.base) != pair.next.base
            || pair.previous.collation != pair.next.collation
            || (tightened && in_arrays)
        {
            out.insert(name.clone());
        }
    }
    out
}

impl Differ<'_, '_> {
    pub(super) fn push_user_type_steps(&mut self) {
        let db = self.db;
        let types = &db.user_types;
        for d in &types.created_domains {
            self.steps.push(Step::CreateDomain {
                name: d.name.clone(),
            });
            if d.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Domain(d.name.clone()),
                });
            }
        }
        for d in &types.dropped_domains {
            self.steps.push(Step::DropDomain {
                name: d.name.clone(),
            });
        }
        for c in &types.created_composites {
            self.steps.push(Step::CreateCompositeType {
                name: c.name.clone(),
            });
            if c.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::CompositeType(c.name.clone()),
                });
            }
        }
        for c in &types.dropped_composites {
            self.steps.push(Step::DropCompositeType {
                name: c.name.clone(),
            });
        }
        for pair in &types.domains {
            self.push_domain_pair(*pair);
        }
        for pair in &types.composites {
            self.push_composite_pair(*pair);
        }
    }

    fn push_domain_pair(&mut self, pair: MigrationPair<&Domain>) {
        let names = pair.map(|d| &d.name);
        if names.previous != names.next {
            self.steps.push(Step::RenameUserType {
                names: names.map(Clone::clone),
                domain: true,
            });
        }
        let name = names.next;
        let replaced = self.db.user_types.replaced.contains(name);
        if replaced {
            let mut columns = Vec::new();
            for table in &self.db.tables {
                for column in &table.columns {
                    let key = (table.tables.next.name.clone(), column.next.name.clone());
                    // Also a column the column pass moves onto the domain:
                    // it lands on the previous one, which must then go.
                    let uses = matches!(&column.next.ty.base, BaseType::UserType(q) if q == name);
                    if uses && !self.recreated_columns.contains(&key) {
                        columns.push(key);
                    }
                }
            }
            self.steps.push(Step::ReplaceDomain {
                name: name.clone(),
                columns,
            });
            if pair.next.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Domain(name.clone()),
                });
            }
            return;
        }
        let default = !super::optional_expressions_equivalent(
            pair.previous.default.as_deref(),
            pair.next.default.as_deref(),
        );
        let not_null = pair.previous.not_null != pair.next.not_null;
        if default || not_null {
            self.steps.push(Step::AlterDomain {
                name: name.clone(),
                default,
                not_null,
            });
        }
        let same = |p: &DomainCheck, n: &DomainCheck| expr::equivalent(&p.expr, &n.expr);
        let checks = pair.map(|d| d.checks.as_slice());
        for event in diff_named(checks, |c: &DomainCheck| c.name.as_str(), same) {
            match event {
                Event::Drop(c) => self.steps.push(Step::DropDomainCheck {
                    domain: names.previous.clone(),
                    name: c.name.clone(),
                }),
                Event::Add(c) => self.steps.push(Step::AddDomainCheck {
                    domain: name.clone(),
                    name: c.name.clone(),
                }),
                Event::Rename(p, n) => self.steps.push(Step::RenameDomainCheck {
                    domain: name.clone(),
                    names: MigrationPair::new(p.name.clone(), n.name.clone()),
                }),
            }
        }
        if pair.previous.comment != pair.next.comment {
            self.steps.push(Step::SetComment {
                target: CommentTarget::Domain(name.clone()),
            });
        }
    }

    fn push_composite_pair(&mut self, pair: MigrationPair<&CompositeType>) {
        let names = pair.map(|c| &c.name);
        if names.previous != names.next {
            self.steps.push(Step::RenameUserType {
                names: names.map(Clone::clone),
                domain: false,
            });
        }
        let name = names.next;
        let attribute_names = pair.map(|c| {
            c.attributes
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
        });
        let hinted = self
            .hints
            .attributes
            .iter()
            .filter(|(t, _, _)| t == name)
            .map(|(_, p, n)| (p.as_str(), n.as_str()));
        let matching = match_names(&attribute_names.previous, &attribute_names.next, hinted);
        // Previous index of each next attribute, if it is kept.
        let mut previous_of: Vec<Option<usize>> = vec![None; pair.next.attributes.len()];
        for &(p, n) in &matching.pairs {
            previous_of[n] = Some(p);
            let (previous, next) = (&pair.previous.attributes[p], &pair.next.attributes[n]);
            if previous.name != next.name {
                self.steps.push(Step::RenameAttribute {
                    type_name: name.clone(),
                    names: MigrationPair::new(previous.name.clone(), next.name.clone()),
                });
            }
        }
        // PostgreSQL adds attributes at the end: from the first next
        // attribute out of place on, kept attributes are dropped and added
        // again in the declared order.
        let mut max_kept = None;
        let mut first_moved = None;
        for (n, p) in previous_of.iter().enumerate() {
            let Some(p) = *p else { continue };
            let added_before = matching.created.iter().any(|&c| c < n);
            if added_before || max_kept.is_some_and(|m| p < m) {
                first_moved = Some(n);
                break;
            }
            max_kept = Some(p);
        }
        let mut drop = Vec::new();
        let mut add = Vec::new();
        let mut retype = Vec::new();
        for &i in &matching.dropped {
            drop.push(pair.previous.attributes[i].name.clone());
        }
        for (n, attribute) in pair.next.attributes.iter().enumerate() {
            let moved = first_moved.is_some_and(|f| n >= f);
            match previous_of[n] {
                None => add.push(attribute.name.clone()),
                Some(_) if moved => {
                    drop.push(attribute.name.clone());
                    add.push(attribute.name.clone());
                }
                Some(p) => {
                    let types = MigrationPair::new(&pair.previous.attributes[p].ty, &attribute.ty);
                    if !self.same_type(types) {
                        retype.push(attribute.name.clone());
                    }
                }
            }
        }
        if !(drop.is_empty() && add.is_empty() && retype.is_empty()) {
            self.steps.push(Step::AlterCompositeType {
                name: name.clone(),
                drop,
                add,
                retype,
            });
        }
        if pair.previous.comment != pair.next.comment {
            self.steps.push(Step::SetComment {
                target: CommentTarget::CompositeType(name.clone()),
            });
        }
    }
}

/// Puts each run of `CreateDomain` and `CreateCompositeType` steps in
/// dependency order (a domain over another domain, an attribute of a
/// composite type); the drops the other way round.
pub(super) fn order_user_type_steps(steps: &mut [Step], schemas: MigrationPair<&Schema>) {
    let depends = |schema: &Schema, name: &QualifiedName| -> Vec<QualifiedName> {
        if let Some(d) = schema.domain(name) {
            return shale_model::user_type::named_user_type(&d.base)
                .into_iter()
                .cloned()
                .collect();
        }
        if let Some(c) = schema.composite_type(name) {
            return c
                .attributes
                .iter()
                .filter_map(|a| shale_model::user_type::named_user_type(&a.ty))
                .cloned()
                .collect();
        }
        Vec::new()
    };
    let mut start = 0;
    while start < steps.len() {
        let create = |s: &Step| match s {
            Step::CreateDomain { name } | Step::CreateCompositeType { name } => Some(name.clone()),
            _ => None,
        };
        let drop = |s: &Step| match s {
            Step::DropDomain { name } | Step::DropCompositeType { name } => Some(name.clone()),
            _ => None,
        };
        let (is_run, schema, reverse): (&dyn Fn(&Step) -> Option<QualifiedName>, &Schema, bool) =
            if create(&steps[start]).is_some() {
                (&create, schemas.next, false)
            } else if drop(&steps[start]).is_some() {
                (&drop, schemas.previous, true)
            } else {
                start += 1;
                continue;
            };
        let mut end = start;
        while end < steps.len() && is_run(&steps[end]).is_some() {
            end += 1;
        }
        let run: Vec<Step> = steps[start..end].to_vec();
        let run_names: Vec<QualifiedName> = run.iter().filter_map(is_run).collect();
        let mut done: HashSet<usize> = HashSet::new();
        let mut order: Vec<usize> = Vec::with_capacity(run.len());
        fn visit(
            i: usize,
            names: &[QualifiedName],
            deps: &dyn Fn(&QualifiedName) -> Vec<QualifiedName>,
            done: &mut HashSet<usize>,
            order: &mut Vec<usize>,
            depth: usize,
        ) {
            if done.contains(&i) || depth > names.len() {
                return;
            }
            for d in deps(&names[i]) {
                // Several steps may share a name (a domain and its comment never do).
                if let Some(j) = names.iter().position(|n| *n == d) {
                    visit(j, names, deps, done, order, depth + 1);
                }
            }
            if done.insert(i) {
                order.push(i);
            }
        }
        let deps = |n: &QualifiedName| depends(schema, n);
        for i in 0..run.len() {
            visit(i, &run_names, &deps, &mut done, &mut order, 0);
        }
        if reverse {
            order.reverse();
        }
        for (slot, i) in order.into_iter().enumerate() {
            steps[start + slot] = run[i].clone();
        }
        start = end;
    }
}
