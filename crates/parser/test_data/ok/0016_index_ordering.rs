#[derive(Table)]
#[index(columns(score(desc), id))]
#[index(columns(score(asc, nulls_first), name(desc, nulls_last)))]
#[index(columns(score(desc, nulls_first), name(asc, nulls_last)), name = "defaults_dropped")]
#[index(columns(name(ops = "text_pattern_ops")))]
#[index(columns(name(desc, ops = "varchar_pattern_ops")), name = "name_desc_pattern")]
pub struct Player {
    pub id: i64,
    pub score: Option<i32>,
    pub name: String,
}
