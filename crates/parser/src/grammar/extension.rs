//! The grammar of an extension: a unit struct with `#[derive(Extension)]`
//! and `#[extension(…)]`.

use syn::{Attribute, Fields, Ident, ItemStruct};

use super::{
    accept_key, check_attribute_names, derives, entries_of, string_value, Error, Place, Seen,
    Spanned,
};

/// A struct that derives `Extension` (or carries `#[extension]`).
#[derive(Clone, Debug)]
pub struct ExtensionDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `version = "…"`.
    pub version: Option<Spanned<String>>,
}

/// The keys of `#[extension(…)]`.
pub(crate) const EXTENSION_KEYS: &[&str] = &["name", "schema", "version"];

/// Whether a struct is an extension: `#[derive(Extension)]` or an
/// `#[extension]` attribute.
pub fn is_extension(attrs: &[Attribute]) -> bool {
    derives(attrs, "Extension").is_some() || attrs.iter().any(|a| a.path().is_ident("extension"))
}

/// Reads an extension struct (a unit struct) and its `#[extension(…)]` keys.
pub fn extension(item: &ItemStruct) -> (ExtensionDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Extension, &mut errors);
    if !matches!(item.fields, Fields::Unit) {
        errors.push(
            Error::new(
                item.ident.span(),
                format!("extension struct `{}` has fields", item.ident),
            )
            .label("expected a unit struct")
            .help(format!("write `pub struct {};`", item.ident)),
        );
    }
    let mut def = ExtensionDef {
        ident: item.ident.clone(),
        name: None,
        schema: None,
        version: None,
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "extension", &mut errors) {
        if !accept_key(&entry, "extension", EXTENSION_KEYS, &mut seen, &mut errors) {
            continue;
        }
        let slot = match entry.key.as_str() {
            "name" => &mut def.name,
            "schema" => &mut def.schema,
            _ => &mut def.version,
        };
        *slot = string_value(&entry, &mut errors);
    }
    (def, errors)
}

/// Reads an extension from what `#[derive(Extension)]` receives; an error
/// when the input is not a struct.
pub fn extension_from_derive(input: syn::DeriveInput) -> Result<(ExtensionDef, Vec<Error>), Error> {
    super::unit_struct_from_derive(input, "Extension", extension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_refuses_unknown_ones() {
        let item: ItemStruct = syn::parse_str(
            "#[derive(Extension)] #[extension(name = \"pg_trgm\", schema = \"ext\", version = \"1.6\")] pub struct PgTrgm;",
        )
        .unwrap();
        let (def, errors) = extension(&item);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.name.unwrap().value, "pg_trgm");
        assert_eq!(def.schema.unwrap().value, "ext");
        assert_eq!(def.version.unwrap().value, "1.6");
        let item: ItemStruct = syn::parse_str("#[extension(versoin = \"1\")] struct E;").unwrap();
        let (_, errors) = extension(&item);
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `version`?"));
    }
}
