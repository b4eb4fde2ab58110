#[derive(Table)]
#[primary_key(columns(org_id, number))]
pub struct Invoice {
    pub org_id: i64,
    pub number: i32,
}

#[derive(Table)]
#[foreign_key(columns(org_id), references = "invoice(org_id, number)")]
#[foreign_key(columns(org_id, number, id), references = "invoice(org_id, number)")]
pub struct Line {
    pub id: i64,
    pub org_id: i64,
    pub number: i32,
}
