//! The `views` key of a snapshot: views and materialized views. Left out of
//! the file (and of the hashed body) when the schema has none, so every
//! snapshot written before views existed keeps its bytes and its id.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use shale_model::{CheckOption, ColumnType, QualifiedName, View, ViewColumn};

use super::{
    base_type, borrowed, is_false, is_zero, owned, qualified, schema_of, sorted_by_name, IndexV1,
    SnapshotError, Str,
};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ViewV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    materialized: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    columns: Vec<ViewColumnV1<'a>>,
    query: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check_option: Option<CheckOptionV1>,
    #[serde(default, skip_serializing_if = "is_false")]
    security_invoker: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    security_barrier: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    indexes: Vec<IndexV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<super::grant::GrantV1<'a>>,
}

/// A view column's type is spelled as a table column's: `type`, or `enum`
/// (+ `enumSchema`), with `arrayDims`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ViewColumnV1<'a> {
    name: Str<'a>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    ty: Option<Str<'a>>,
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    enum_name: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enum_schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_type: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_type_schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_zero")]
    array_dims: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum CheckOptionV1 {
    Local,
    Cascaded,
}

/// The views of a schema, sorted by name, as written.
pub(super) fn views_v1(views: &[View]) -> Vec<ViewV1<'_>> {
    let mut sorted: Vec<&View> = views.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.into_iter().map(ViewV1::from_model).collect()
}

impl<'a> ViewV1<'a> {
    fn from_model(v: &'a View) -> ViewV1<'a> {
        ViewV1 {
            name: Cow::Borrowed(&v.name.name),
            schema: schema_of(&v.name),
            materialized: v.materialized,
            columns: v.columns.iter().map(ViewColumnV1::from_model).collect(),
            query: Cow::Borrowed(&v.query),
            check_option: match v.check_option {
                CheckOption::None => None,
                CheckOption::Local => Some(CheckOptionV1::Local),
                CheckOption::Cascaded => Some(CheckOptionV1::Cascaded),
            },
            security_invoker: v.security_invoker,
            security_barrier: v.security_barrier,
            indexes: sorted_by_name(&v.indexes, |i| &i.name)
                .into_iter()
                .map(IndexV1::from_model)
                .collect(),
            comment: borrowed(&v.comment),
            grants: super::grant::grants_v1(&v.grants),
        }
    }

    pub(super) fn into_model(self) -> Result<View, SnapshotError> {
        let name = qualified(self.schema, self.name);
        let columns = self
            .columns
            .into_iter()
            .map(|c| c.into_model(&name))
            .collect::<Result<_, _>>()?;
        let indexes = self
            .indexes
            .into_iter()
            .map(|i| i.into_model(&name))
            .collect::<Result<Vec<_>, _>>()?;
        if !self.materialized && !indexes.is_empty() {
            return Err(SnapshotError::Invalid(format!(
                "view \"{name}\" has indexes but is not materialized"
            )));
        }
        let mut view = View::new(name, self.query.into_owned());
        view.columns = columns;
        view.materialized = self.materialized;
        view.check_option = match self.check_option {
            None => CheckOption::None,
            Some(CheckOptionV1::Local) => CheckOption::Local,
            Some(CheckOptionV1::Cascaded) => CheckOption::Cascaded,
        };
        view.security_invoker = self.security_invoker;
        view.security_barrier = self.security_barrier;
        view.indexes = indexes;
        view.comment = owned(self.comment);
        view.grants = super::grant::grants_model(self.grants, &format!("view \"{}\"", view.name))?;
        Ok(view)
    }
}

impl<'a> ViewColumnV1<'a> {
    fn from_model(c: &'a ViewColumn) -> ViewColumnV1<'a> {
        let super::BaseKeys {
            ty,
            enum_name,
            enum_schema,
            user_type,
            user_type_schema,
        } = super::base_keys(&c.ty.base);
        ViewColumnV1 {
            name: Cow::Borrowed(&c.name),
            ty,
            enum_name,
            enum_schema,
            user_type,
            user_type_schema,
            array_dims: c.ty.array_dims,
            comment: borrowed(&c.comment),
        }
    }

    fn into_model(self, view: &QualifiedName) -> Result<ViewColumn, SnapshotError> {
        let invalid = |what: &str| {
            SnapshotError::Invalid(format!(
                "column \"{}\" of view \"{view}\" {what}",
                self.name
            ))
        };
        let keys = super::BaseKeys {
            ty: self.ty,
            enum_name: self.enum_name,
            enum_schema: self.enum_schema,
            user_type: self.user_type,
            user_type_schema: self.user_type_schema,
        };
        let base = base_type(keys, invalid)?;
        Ok(ViewColumn {
            name: self.name.into_owned(),
            ty: ColumnType {
                base,
                array_dims: self.array_dims,
            },
            comment: owned(self.comment),
        })
    }
}
