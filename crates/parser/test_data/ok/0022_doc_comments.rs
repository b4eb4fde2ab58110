/// People who can sign in.
///
///   Indented line kept after one space is removed.
#[derive(Table)]
pub struct User {
    ///The id, without a space.
    #[column(primary_key)]
    pub id: i64,
    /** A block comment
    on two lines */
    pub email: String,
    #[doc = " Written as an attribute. "]
    pub name: String,
    ///
    pub empty_doc: bool,
}

/// Colours.
#[derive(PgEnum)]
pub enum Colour {
    /// Variant docs are not stored.
    Red,
}
