//! Grants as `#[grant(select, insert, to = "role")]` (one attribute per role
//! and grant option), and namespaces with a comment or grants as
//! `#[derive(Namespace)]` unit structs.

use heck::ToSnakeCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use shale_model::grant::group_grants;
use shale_model::{Grant, Namespace, QualifiedName};

use super::{doc_attrs, Renderer};

/// The `#[grant(…)]` attributes of one object, in canonical order.
pub(crate) fn grant_attrs(grants: &[Grant]) -> Vec<TokenStream> {
    let refs: Vec<&Grant> = grants.iter().collect();
    group_grants(&refs)
        .into_iter()
        .map(|(role, grant_option, privileges)| {
            let privileges = privileges
                .iter()
                .map(|p| Ident::new(p.as_str(), Span::call_site()));
            let option = grant_option.then(|| quote!(, with_grant_option));
            quote!(#[grant(#(#privileges),*, to = #role #option)])
        })
        .collect()
}

impl Renderer {
    pub(crate) fn render_namespace(&mut self, n: &Namespace) -> TokenStream {
        let ident = self.type_ident(&QualifiedName::public(format!("{}_schema", n.name)));
        let name = &n.name;
        let attr = (ident.to_string().to_snake_case() != n.name)
            .then(|| quote!(#[namespace(name = #name)]));
        let doc = doc_attrs(n.comment.as_deref());
        let grants = grant_attrs(&n.grants);
        quote! {
            #doc
            #[derive(Namespace)]
            #attr
            #(#grants)*
            pub struct #ident;
        }
    }
}
