//! Extensions: `CREATE`/`ALTER`/`DROP EXTENSION`.

use shale_model::Extension;

use super::Renderer;
use crate::{hazard, ident, literal, HazardKind, RenderError};

/// `CREATE EXTENSION "x" WITH SCHEMA "public" [VERSION '…'];` The schema is
/// always written: without it PostgreSQL picks the first schema of the
/// session's `search_path`, which the model cannot know.
pub(crate) fn create_extension_sql(extension: &Extension) -> String {
    let mut out = format!(
        "CREATE EXTENSION {} WITH SCHEMA {}",
        ident(&extension.name),
        ident(extension.namespace())
    );
    if let Some(version) = &extension.version {
        out.push_str(&format!(" VERSION {}", literal(version)));
    }
    out.push(';');
    out
}

impl Renderer<'_> {
    fn extension(&self, next: bool, name: &str) -> Result<&Extension, RenderError> {
        let schema = if next {
            self.schemas.next
        } else {
            self.schemas.previous
        };
        schema
            .extension(name)
            .ok_or_else(|| RenderError::MissingExtension {
                name: name.to_string(),
            })
    }

    pub(super) fn render_create_extension(&mut self, name: &str) -> Result<(), RenderError> {
        let e = self.extension(true, name)?;
        self.push(create_extension_sql(e), vec![]);
        Ok(())
    }

    pub(super) fn render_update_extension(&mut self, name: &str) -> Result<(), RenderError> {
        let e = self.extension(true, name)?;
        let Some(version) = &e.version else {
            return Ok(());
        };
        self.push(
            format!(
                "ALTER EXTENSION {} UPDATE TO {};",
                ident(name),
                literal(version)
            ),
            vec![],
        );
        Ok(())
    }

    pub(super) fn render_move_extension(&mut self, name: &str) -> Result<(), RenderError> {
        let e = self.extension(true, name)?;
        self.push(
            format!(
                "ALTER EXTENSION {} SET SCHEMA {};",
                ident(name),
                ident(e.namespace())
            ),
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "moves extension {} to schema {}: code naming its objects by the previous schema breaks",
                    ident(name),
                    ident(e.namespace())
                ),
            )],
        );
        Ok(())
    }

    pub(super) fn render_drop_extension(&mut self, name: &str) -> Result<(), RenderError> {
        self.extension(false, name)?;
        self.push(
            format!("DROP EXTENSION {};", ident(name)),
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "drops extension {}: code using its types and functions breaks",
                    ident(name)
                ),
            )],
        );
        Ok(())
    }
}
