//! Extensions (`CREATE EXTENSION`): created before the types, operator
//! classes and functions of theirs that tables use.

/// An extension the schema needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The extension's name (`pg_trgm`); extensions have no namespace of
    /// their own.
    pub name: String,
    /// The namespace its objects are installed in; `None` is `public`
    /// (normalised so: `Some("public")` is stored as `None`).
    pub schema: Option<String>,
    /// The version; `None` accepts whatever version is installed (and
    /// creates the default one).
    pub version: Option<String>,
}

impl Extension {
    /// An extension in the default namespace, any version.
    pub fn new(name: impl Into<String>) -> Self {
        Extension {
            name: name.into(),
            schema: None,
            version: None,
        }
    }

    /// The namespace it is installed in.
    pub fn namespace(&self) -> &str {
        self.schema.as_deref().unwrap_or(crate::DEFAULT_NAMESPACE)
    }

    /// `schema = "public"` is the default.
    pub fn normalize(&mut self) {
        if self.schema.as_deref() == Some(crate::DEFAULT_NAMESPACE) {
            self.schema = None;
        }
    }

    /// Whether an installed version satisfies this declaration: any version
    /// when none is declared.
    pub fn accepts_version(&self, installed: Option<&str>) -> bool {
        match (&self.version, installed) {
            (None, _) => true,
            (Some(wanted), Some(have)) => wanted == have,
            (Some(_), None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_is_the_default_schema_and_no_version_accepts_any() {
        let mut e = Extension::new("pg_trgm");
        e.schema = Some("public".into());
        e.normalize();
        assert_eq!(e.schema, None);
        assert_eq!(e.namespace(), "public");
        assert!(e.accepts_version(Some("1.6")));
        e.version = Some("1.5".into());
        assert!(!e.accepts_version(Some("1.6")));
        assert!(e.accepts_version(Some("1.5")));
    }
}
