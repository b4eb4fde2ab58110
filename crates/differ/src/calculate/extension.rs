//! Extensions: matched by name (PostgreSQL cannot rename one), then
//! created, updated to the declared version, moved, dropped.

use shale_model::{Extension, Schema};

use super::{match_names, Differ};
use crate::{MigrationPair, Step};

/// Which previous extension is which next one.
pub(super) struct ExtensionMatching<'a> {
    pub pairs: Vec<MigrationPair<&'a Extension>>,
    pub created: Vec<&'a Extension>,
    pub dropped: Vec<&'a Extension>,
}

pub(super) fn match_extensions(schemas: MigrationPair<&Schema>) -> ExtensionMatching<'_> {
    let names = schemas.map(|s| {
        s.extensions
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
    });
    let matching = match_names(&names.previous, &names.next, std::iter::empty());
    ExtensionMatching {
        pairs: matching
            .pairs
            .iter()
            .map(|&(p, n)| {
                MigrationPair::new(&schemas.previous.extensions[p], &schemas.next.extensions[n])
            })
            .collect(),
        created: matching
            .created
            .iter()
            .map(|&i| &schemas.next.extensions[i])
            .collect(),
        dropped: matching
            .dropped
            .iter()
            .map(|&i| &schemas.previous.extensions[i])
            .collect(),
    }
}

impl Differ<'_, '_> {
    pub(super) fn push_extension_steps(&mut self) {
        let db = self.db;
        for e in &db.extensions.created {
            self.steps.push(Step::CreateExtension {
                name: e.name.clone(),
            });
        }
        for e in &db.extensions.dropped {
            self.steps.push(Step::DropExtension {
                name: e.name.clone(),
            });
        }
        for pair in &db.extensions.pairs {
            // No declared version accepts whatever is installed.
            if pair.next.version.is_some() && pair.previous.version != pair.next.version {
                self.steps.push(Step::UpdateExtension {
                    name: pair.next.name.clone(),
                });
            }
            if pair.previous.namespace() != pair.next.namespace() {
                self.steps.push(Step::MoveExtension {
                    name: pair.next.name.clone(),
                });
            }
        }
    }
}

/// The namespaces extensions are installed in.
pub(super) fn namespaces(schema: &Schema) -> impl Iterator<Item = &str> {
    schema.extensions.iter().map(Extension::namespace)
}
