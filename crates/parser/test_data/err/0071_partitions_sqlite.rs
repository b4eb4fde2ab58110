#[derive(Table)]
#[table(name = "a", partition_by = "RANGE (x)")]
#[partition(name = "a_1", values = "FROM (1) TO (2)")]
#[exclude(elements = "x WITH =")]
pub struct A {
    pub x: i32,
    #[column(collate = "C")]
    pub t: String,
}
