//! A table is renamed while its columns change type, nullability and
//! default: the column changes address the new name.

#[derive(Table)]
#[table(name = "people", renamed_from = "users")]
#[index(columns(age))]
pub struct Person {
    #[column(primary_key, identity)]
    pub id: i64,
    pub age: Option<i32>,
    #[column(default = "''")]
    pub nickname: String,
}
