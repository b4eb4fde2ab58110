//! The `domains` and `compositeTypes` keys of a snapshot. Both are left out
//! of the file (and of the hashed body) when empty, so every snapshot
//! written before they existed keeps its bytes and its id. A base type or
//! attribute type is spelled with the keys of a column's type.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use shale_model::{ColumnType, CompositeAttribute, CompositeType, Domain, DomainCheck};

use super::{
    base_keys, base_type, borrowed, is_false, is_zero, owned, qualified, schema_of, BaseKeys,
    SnapshotError, Str,
};

/// A type as a column spells it: `type`, `enum`/`enumSchema` or
/// `userType`/`userTypeSchema`, and `arrayDims`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct TypeV1<'a> {
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
}

impl<'a> TypeV1<'a> {
    fn from_model(ty: &'a ColumnType) -> TypeV1<'a> {
        let keys = base_keys(&ty.base);
        TypeV1 {
            ty: keys.ty,
            enum_name: keys.enum_name,
            enum_schema: keys.enum_schema,
            user_type: keys.user_type,
            user_type_schema: keys.user_type_schema,
            array_dims: ty.array_dims,
        }
    }

    fn into_model(
        self,
        invalid: impl Fn(&str) -> SnapshotError,
    ) -> Result<ColumnType, SnapshotError> {
        let keys = BaseKeys {
            ty: self.ty,
            enum_name: self.enum_name,
            enum_schema: self.enum_schema,
            user_type: self.user_type,
            user_type_schema: self.user_type_schema,
        };
        Ok(ColumnType {
            base: base_type(keys, invalid)?,
            array_dims: self.array_dims,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct DomainV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    base: TypeV1<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    not_null: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    collation: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    checks: Vec<DomainCheckV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DomainCheckV1<'a> {
    name: Str<'a>,
    expr: Str<'a>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct CompositeTypeV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attributes: Vec<AttributeV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AttributeV1<'a> {
    name: Str<'a>,
    #[serde(rename = "type")]
    ty: TypeV1<'a>,
}

pub(super) fn domains_v1(domains: &[Domain]) -> Vec<DomainV1<'_>> {
    domains
        .iter()
        .map(|d| DomainV1 {
            name: Cow::Borrowed(&d.name.name),
            schema: schema_of(&d.name),
            base: TypeV1::from_model(&d.base),
            default: borrowed(&d.default),
            not_null: d.not_null,
            collation: borrowed(&d.collation),
            checks: d
                .checks
                .iter()
                .map(|c| DomainCheckV1 {
                    name: Cow::Borrowed(&c.name),
                    expr: Cow::Borrowed(&c.expr),
                })
                .collect(),
            comment: borrowed(&d.comment),
        })
        .collect()
}

pub(super) fn composite_types_v1(types: &[CompositeType]) -> Vec<CompositeTypeV1<'_>> {
    types
        .iter()
        .map(|c| CompositeTypeV1 {
            name: Cow::Borrowed(&c.name.name),
            schema: schema_of(&c.name),
            attributes: c
                .attributes
                .iter()
                .map(|a| AttributeV1 {
                    name: Cow::Borrowed(&a.name),
                    ty: TypeV1::from_model(&a.ty),
                })
                .collect(),
            comment: borrowed(&c.comment),
        })
        .collect()
}

impl DomainV1<'_> {
    pub(super) fn into_model(self) -> Result<Domain, SnapshotError> {
        let name = qualified(self.schema, self.name);
        let base = self.base.into_model(|what| {
            SnapshotError::Invalid(format!("the base type of domain \"{name}\" {what}"))
        })?;
        let mut domain = Domain::new(name, base);
        domain.default = owned(self.default);
        domain.not_null = self.not_null;
        domain.collation = owned(self.collation);
        domain.checks = self
            .checks
            .into_iter()
            .map(|c| DomainCheck {
                name: c.name.into_owned(),
                expr: c.expr.into_owned(),
            })
            .collect();
        domain.comment = owned(self.comment);
        Ok(domain)
    }
}

impl CompositeTypeV1<'_> {
    pub(super) fn into_model(self) -> Result<CompositeType, SnapshotError> {
        let name = qualified(self.schema, self.name);
        let mut attributes = Vec::with_capacity(self.attributes.len());
        for a in self.attributes {
            let attribute = a.name.into_owned();
            let ty = a.ty.into_model(|what| {
                SnapshotError::Invalid(format!(
                    "attribute \"{attribute}\" of type \"{name}\" {what}"
                ))
            })?;
            attributes.push(CompositeAttribute {
                name: attribute,
                ty,
            });
        }
        Ok(CompositeType {
            name,
            attributes,
            comment: owned(self.comment),
        })
    }
}
