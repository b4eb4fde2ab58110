//! The dependency graph between views and the relations they read, which
//! decides the order of view statements and which views must be recreated
//! around a change.
//!
//! Across kinds the order is the [`crate::Step`] variant order: views are
//! dropped before any table, column or type changes and created after all of
//! them, since a view depends on tables and types but nothing shale models
//! depends on a view. Among views the graph decides: a view is created after
//! the views it reads and dropped before them.
//!
//! What a view reads comes from its SQL: the query is parsed with sqlparser
//! (PostgreSQL dialect) and every relation name in it is collected (common
//! table expression names too, which can only add edges). A query sqlparser
//! cannot parse falls back to its tokens: every identifier, or dotted pair
//! of identifiers, counts as a possible relation. Both err on the side of
//! more edges, which costs at most an unneeded recreation, never a refused
//! statement.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;

use shale_model::{QualifiedName, Schema, DEFAULT_NAMESPACE};
use sqlparser::ast::{visit_relations, ObjectName, ObjectNamePart};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, Tokenizer};

/// A relation name as written in a query: `(namespace, name)`, folded the
/// way PostgreSQL folds identifiers (unquoted ones to lowercase).
pub(crate) type RelationRef = (Option<String>, String);

/// The relation names a query mentions (see the module comment).
pub(crate) fn relations_in(query: &str) -> Vec<RelationRef> {
    let dialect = PostgreSqlDialect {};
    let mut out: BTreeSet<RelationRef> = BTreeSet::new();
    match Parser::parse_sql(&dialect, query) {
        Ok(statements) => {
            let _ = visit_relations(&statements, |name: &ObjectName| {
                if let Some(r) = object_ref(name) {
                    out.insert(r);
                }
                ControlFlow::<()>::Continue(())
            });
        }
        Err(_) => {
            let tokens = Tokenizer::new(&dialect, query)
                .tokenize()
                .unwrap_or_default();
            let words: Vec<Option<String>> = tokens
                .iter()
                .filter(|t| !matches!(t, Token::Whitespace(_)))
                .map(|t| match t {
                    Token::Word(w) => Some(fold(&w.value, w.quote_style.is_some())),
                    Token::Period => None,
                    _ => Some(String::new()),
                })
                .collect();
            for (i, word) in words.iter().enumerate() {
                let Some(word) = word.as_ref().filter(|w| !w.is_empty()) else {
                    continue;
                };
                out.insert((None, word.clone()));
                // `ns . name`
                if let (Some(None), Some(Some(name))) = (words.get(i + 1), words.get(i + 2)) {
                    if !name.is_empty() {
                        out.insert((Some(word.clone()), name.clone()));
                    }
                }
            }
        }
    }
    out.into_iter().collect()
}

fn fold(value: &str, quoted: bool) -> String {
    if quoted {
        value.to_string()
    } else {
        value.to_lowercase()
    }
}

fn object_ref(name: &ObjectName) -> Option<RelationRef> {
    let parts: Vec<String> = name
        .0
        .iter()
        .filter_map(|p| match p {
            ObjectNamePart::Identifier(i) => Some(fold(&i.value, i.quote_style.is_some())),
            _ => None,
        })
        .collect();
    match parts.as_slice() {
        [name] => Some((None, name.clone())),
        [.., ns, name] => Some((Some(ns.clone()), name.clone())),
        [] => None,
    }
}

/// The views of one schema and the relations (tables and views of the same
/// schema) each reads.
pub(crate) struct ViewGraph {
    reads: HashMap<QualifiedName, Vec<QualifiedName>>,
}

impl ViewGraph {
    /// The graph of `schema`'s views. An unqualified name resolves to
    /// `public` when a relation of that name is there, else to every
    /// relation of that name in any namespace (a `search_path` may reach it).
    pub(crate) fn new(schema: &Schema) -> ViewGraph {
        let mut by_name: HashMap<&str, Vec<&QualifiedName>> = HashMap::new();
        let relations = schema
            .tables
            .iter()
            .map(|t| &t.name)
            .chain(schema.views.iter().map(|v| &v.name));
        let mut all: HashSet<&QualifiedName> = HashSet::new();
        for name in relations {
            by_name.entry(name.name.as_str()).or_default().push(name);
            all.insert(name);
        }
        let mut reads = HashMap::with_capacity(schema.views.len());
        for view in &schema.views {
            let mut out: BTreeSet<QualifiedName> = BTreeSet::new();
            for (ns, name) in relations_in(&view.query) {
                match ns {
                    Some(ns) => {
                        let q = QualifiedName::new(ns, name);
                        if all.contains(&q) {
                            out.insert(q);
                        }
                    }
                    None => {
                        let candidates = by_name.get(name.as_str()).map_or(&[][..], Vec::as_slice);
                        match candidates.iter().find(|q| q.namespace == DEFAULT_NAMESPACE) {
                            Some(q) => {
                                out.insert((*q).clone());
                            }
                            None => out.extend(candidates.iter().map(|q| (*q).clone())),
                        }
                    }
                }
            }
            out.remove(&view.name);
            reads.insert(view.name.clone(), out.into_iter().collect());
        }
        ViewGraph { reads }
    }

    /// The relations a view reads (empty for a name that is no view).
    pub(crate) fn reads(&self, view: &QualifiedName) -> &[QualifiedName] {
        self.reads.get(view).map_or(&[], Vec::as_slice)
    }

    /// `views` with every view after the views of the set it reads; views
    /// that do not depend on each other keep their order. A cycle (only
    /// possible through a false edge of the textual fallback, as PostgreSQL
    /// refuses real ones) keeps its views in their given order.
    pub(crate) fn order<'v>(&self, views: &[&'v QualifiedName]) -> Vec<&'v QualifiedName> {
        let position: HashMap<&QualifiedName, usize> =
            views.iter().enumerate().map(|(i, v)| (*v, i)).collect();
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Visiting,
            Done,
        }
        let mut marks = vec![Mark::New; views.len()];
        let mut out = Vec::with_capacity(views.len());
        // Iterative depth-first search: dependencies are emitted first.
        for start in 0..views.len() {
            if marks[start] != Mark::New {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            marks[start] = Mark::Visiting;
            while let Some(&mut (node, ref mut next_edge)) = stack.last_mut() {
                let deps = self.reads(views[node]);
                let mut pushed = false;
                while *next_edge < deps.len() {
                    let dep = &deps[*next_edge];
                    *next_edge += 1;
                    if let Some(&d) = position.get(dep) {
                        if marks[d] == Mark::New {
                            marks[d] = Mark::Visiting;
                            stack.push((d, 0));
                            pushed = true;
                            break;
                        }
                    }
                }
                if !pushed {
                    marks[node] = Mark::Done;
                    out.push(views[node]);
                    stack.pop();
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_model::{Table, View};

    fn q(ns: Option<&str>, name: &str) -> RelationRef {
        (ns.map(str::to_string), name.to_string())
    }

    #[test]
    fn relations_come_from_the_parsed_query() {
        let refs = relations_in(
            "SELECT u.id FROM Users u JOIN app.\"Orders\" o ON o.user_id = u.id \
             WHERE EXISTS (SELECT 1 FROM audit.log l WHERE l.id = u.id)",
        );
        assert_eq!(
            refs,
            vec![
                q(None, "users"),
                q(Some("app"), "Orders"),
                q(Some("audit"), "log")
            ]
        );
    }

    #[test]
    fn unparsable_queries_fall_back_to_every_identifier() {
        // Not SQL sqlparser reads; the fallback still finds `users` and `app.orders`.
        let refs = relations_in("SELECT id FROM users ,,, JOIN app.orders ???");
        assert!(refs.contains(&q(None, "users")), "{refs:?}");
        assert!(refs.contains(&q(Some("app"), "orders")), "{refs:?}");
    }

    #[test]
    fn views_are_ordered_after_what_they_read() {
        let mut schema = Schema::default();
        schema
            .tables
            .push(Table::new(QualifiedName::public("users")));
        for (name, query) in [
            ("a", "SELECT * FROM c"),
            ("b", "SELECT * FROM users"),
            ("c", "SELECT * FROM b JOIN users USING (id)"),
        ] {
            schema
                .views
                .push(View::new(QualifiedName::public(name), query));
        }
        schema.normalize();
        let graph = ViewGraph::new(&schema);
        assert_eq!(
            graph.reads(&QualifiedName::public("c")),
            [QualifiedName::public("b"), QualifiedName::public("users")]
        );
        let names: Vec<QualifiedName> = ["a", "b", "c"]
            .iter()
            .map(|n| QualifiedName::public(*n))
            .collect();
        let refs: Vec<&QualifiedName> = names.iter().collect();
        let ordered: Vec<&str> = graph.order(&refs).iter().map(|n| n.name.as_str()).collect();
        assert_eq!(ordered, ["b", "c", "a"]);
    }
}
