//! An enum column becomes text and the enum is dropped: the column changes
//! type (its default around it) before the type is dropped.

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'draft'")]
    pub status: String,
}
