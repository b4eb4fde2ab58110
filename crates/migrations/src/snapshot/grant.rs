//! The `grants` key of tables, views, sequences and functions, and the
//! `namespaceSettings` key of a snapshot (a namespace's comment and grants).
//! Both are left out of the file (and of the hashed body) when empty, so
//! every snapshot written before they existed keeps its bytes and its id.
//!
//! Grants are stored grouped as one statement would grant them: a role, its
//! privileges, and whether with the grant option.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use shale_model::grant::{group_grants, normalize_grants};
use shale_model::{Grant, Namespace, Privilege};

use super::{borrowed, is_false, owned, SnapshotError, Str};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct GrantV1<'a> {
    role: Str<'a>,
    privileges: Vec<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    grant_option: bool,
}

/// The grants of one object, grouped.
pub(super) fn grants_v1(grants: &[Grant]) -> Vec<GrantV1<'static>> {
    let refs: Vec<&Grant> = grants.iter().collect();
    group_grants(&refs)
        .into_iter()
        .map(|(role, grant_option, privileges)| GrantV1 {
            role: Cow::Owned(role),
            privileges: privileges
                .into_iter()
                .map(|p| Cow::Borrowed(p.as_str()))
                .collect(),
            grant_option,
        })
        .collect()
}

/// The model's grants of one object (`what` names it in errors).
pub(super) fn grants_model(
    grants: Vec<GrantV1<'_>>,
    what: &str,
) -> Result<Vec<Grant>, SnapshotError> {
    let mut out = Vec::new();
    for g in grants {
        for p in &g.privileges {
            let privilege = Privilege::parse(p).ok_or_else(|| {
                SnapshotError::Invalid(format!("{what} grants unknown privilege \"{p}\""))
            })?;
            out.push(Grant {
                role: g.role.to_string(),
                privilege,
                grant_option: g.grant_option,
            });
        }
    }
    normalize_grants(&mut out);
    Ok(out)
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct NamespaceV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<GrantV1<'a>>,
}

/// The `namespaceSettings` of a schema, in order.
pub(super) fn namespaces_v1(namespaces: &[Namespace]) -> Vec<NamespaceV1<'_>> {
    namespaces
        .iter()
        .map(|n| NamespaceV1 {
            name: Cow::Borrowed(&n.name),
            comment: borrowed(&n.comment),
            grants: grants_v1(&n.grants),
        })
        .collect()
}

impl NamespaceV1<'_> {
    pub(super) fn into_model(self) -> Result<Namespace, SnapshotError> {
        let what = format!("schema \"{}\"", self.name);
        Ok(Namespace {
            grants: grants_model(self.grants, &what)?,
            comment: owned(self.comment),
            name: self.name.into_owned(),
        })
    }
}
