//! Lowering extensions: per item ([`lower_extension`]) and across items
//! ([`link_extensions`]: one declaration per extension).

use std::collections::HashMap;

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::{Extension, QualifiedName};

use super::{check_name, duplicate, Cx, Loc, Site};
use crate::grammar::{Error, ExtensionDef};

/// One lowered extension.
pub(crate) struct ExtensionBuild<S> {
    pub file: usize,
    /// The extension's name (`name = …`, else the struct's identifier).
    pub span: S,
    pub extension: Extension,
}

impl ExtensionBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> ExtensionBuild<Loc> {
        ExtensionBuild {
            file: self.file,
            span: at(self.file, self.span),
            extension: self.extension,
        }
    }
}

/// Lowers one extension struct.
pub(crate) fn lower_extension(
    cx: &mut Cx<Span>,
    file: usize,
    def: &ExtensionDef,
) -> ExtensionBuild<Span> {
    cx.postgres_only(
        file,
        def.ident.span(),
        "an extension (`#[derive(Extension)]`)",
    );
    let name = match &def.name {
        Some(n) if check_name(cx, file, n, "extension") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let schema = match &def.schema {
        Some(s) if check_name(cx, file, s, "schema") => Some(s.value.clone()),
        _ => None,
    };
    let version = match &def.version {
        Some(v) if v.value.trim().is_empty() => {
            cx.err(
                file,
                Error::new(v.span, "empty extension version")
                    .label("expected a version such as `1.6`")
                    .help("remove `version` to accept whatever version is installed"),
            );
            None
        }
        Some(v) => Some(v.value.trim().to_string()),
        None => None,
    };
    let mut extension = Extension {
        name,
        schema,
        version,
    };
    extension.normalize();
    ExtensionBuild {
        file,
        span: def.name.as_ref().map_or(def.ident.span(), |n| n.span),
        extension,
    }
}

/// Reports and drops a second declaration of an extension.
pub(crate) fn link_extensions<S: Site>(
    cx: &mut Cx<S>,
    extensions: Vec<ExtensionBuild<S>>,
) -> Vec<Extension> {
    let mut seen: HashMap<String, (usize, S)> = HashMap::new();
    let mut out = Vec::with_capacity(extensions.len());
    for e in extensions {
        if let Some(&first) = seen.get(&e.extension.name) {
            // Extensions have no namespace of their own: shown unqualified.
            let qname = QualifiedName::public(e.extension.name.clone());
            duplicate(cx, "extension", &qname, first, (e.file, e.span));
            continue;
        }
        seen.insert(e.extension.name.clone(), (e.file, e.span));
        out.push(e.extension);
    }
    out
}
